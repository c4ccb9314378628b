"""Visit every page of the served site in one Chromium and record what a person's browser would meet.

One visit of a page records every request it makes, the requests that failed, console errors, uncaught
errors, Content-Security-Policy violations and axe-core's accessibility violations. Each view (light,
dark, 320 px wide) is visited once per session; the tests assert on the records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, Response, Route, WebError

CHROMIUM = Path("/usr/bin/chromium")  # Debian's, installed by scripts/install-test-tools
# The closed network refuses Chromium's calls home: no background networking, updates, sync or first run.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-first-run",
]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
_RUN_AXE = """options => axe.run(document, options).then(results => results.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  targets: v.nodes.map(node => node.target.join(" ")),
})))"""

# Listens before any script of the page runs, so no violation is missed; Chromium also logs each one.
_LISTEN_FOR_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => window.__cspViolations.push(
  `${event.effectiveDirective} refused ${event.blockedURI || "an inline resource"}` +
  ` (${event.sourceFile || "the page"}:${event.lineNumber})`));
"""

VIEWS = {
    "light": {"viewport": {"width": 1280, "height": 800}, "color_scheme": "light"},
    "dark": {"viewport": {"width": 1280, "height": 800}, "color_scheme": "dark"},
    "narrow": {"viewport": {"width": 320, "height": 640}, "color_scheme": "light"},
}


@dataclass
class PageVisit:
    """What one page did in one view."""

    url: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    axe_violations: list[dict] = field(default_factory=list)
    color_scheme: str = ""


class Recorder:
    """Records a browser context's traffic and errors into the visit under way, and keeps it local.

    Any request for another host is recorded, then refused, so that no test ever reaches the network.
    """

    def __init__(self, context: BrowserContext, base_url: str) -> None:
        self.base_url = base_url
        self.visit = PageVisit("")
        context.route("**/*", self._only_local)
        context.on("request", self._request)
        context.on("requestfailed", self._failed)
        context.on("response", self._response)
        context.on("console", self._console)
        context.on("weberror", self._error)

    def is_local(self, url: str) -> bool:
        return urlsplit(url).netloc == urlsplit(self.base_url).netloc or url.startswith(("data:", "blob:"))

    def _only_local(self, route: Route) -> None:
        if self.is_local(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def _request(self, request: Request) -> None:
        self.visit.requests.append(request.url)

    def _failed(self, request: Request) -> None:
        self.visit.failures.append(f"{request.url}: {request.failure}")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.visit.failures.append(f"{response.url}: HTTP {response.status}")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.visit.console_errors.append(f"{message.text} ({where}:{message.location.get('lineNumber')})")

    def _error(self, error: WebError) -> None:
        self.visit.console_errors.append(f"uncaught: {error.error}")


def open_view(browser: Browser, base_url: str, view: str, **options) -> tuple[BrowserContext, Recorder]:
    """A fresh browser context (no cookies, no storage) for one view, recording as it goes."""
    context = browser.new_context(base_url=base_url, **{**VIEWS[view], **options})
    context.add_init_script(_LISTEN_FOR_CSP)
    return context, Recorder(context, base_url)


def load(page: Page, recorder: Recorder, url: str) -> PageVisit:
    """Open a page and wait until it has finished loading everything it loads by itself (the search index)."""
    recorder.visit = PageVisit(url)
    page.goto(url, wait_until="networkidle")
    recorder.visit.csp_violations = page.evaluate("window.__cspViolations")
    recorder.visit.color_scheme = page.evaluate("document.body.dataset.mdColorScheme")
    return recorder.visit


def run_axe(page: Page, axe_script: str) -> list[dict]:
    """axe-core's violations on the page as it now stands."""
    page.evaluate(axe_script)
    return page.evaluate(_RUN_AXE, AXE_OPTIONS)


class Survey:
    """The site's pages visited once per view and per session, the records kept for every test to read."""

    def __init__(self, browser: Browser, base_url: str, urls: list[str], axe_script: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.urls = urls
        self.axe_script = axe_script
        self._views: dict[str, dict[str, PageVisit]] = {}

    def visits(self, view: str) -> dict[str, PageVisit]:
        """Every page in one view, by URL: visited on first use, then kept."""
        if view not in self._views:
            context, recorder = open_view(self.browser, self.base_url, view)
            page = context.new_page()
            visits = {}
            for url in self.urls:
                visit = load(page, recorder, url)
                visit.axe_violations = run_axe(page, self.axe_script)
                visits[url] = visit
            context.close()
            self._views[view] = visits
        return self._views[view]


def axe_report(visits: dict[str, PageVisit]) -> list[str]:
    """Each violation on each page, one line each: its id, what it is, where it is, and the page."""
    return [
        f"/{url}: {violation['id']} ({violation['impact']}): {violation['help']} at {target}"
        for url, visit in visits.items()
        for violation in visit.axe_violations
        for target in violation["targets"]
    ]
