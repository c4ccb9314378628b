"""Visit every page of the served site, and its 404 page at a missing address, in one Chromium and record what
a person's browser would meet.

One visit of a page records every request it makes, the requests that failed, console errors, uncaught
errors, Content-Security-Policy violations, cookies, web fonts, what the page keeps in the browser's storage, the text and links the reader gets, text whose
contrast is too low and, in the views with JavaScript, axe-core's accessibility violations. The light
view also prints each page (print media, no reload) and records what of the screen's chrome would reach
the paper. Each view is visited once per session; the tests assert on the records.

axe-core runs on every page in the light view. The dark and the narrow views show the same markup in other colours
or another layout, which a page's kinds of element decide (the tags and classes of its chrome and its content):
there axe-core runs on one page of each kind. The narrow view still visits every page (how far a page scrolls
sideways depends on its words too); the dark view, whose pages are the light view's but for their colours, visits
one page of each kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, Response, WebError

CHROMIUM = Path("/usr/bin/chromium")  # Debian's, installed by scripts/install-test-tools
# The closed network refuses Chromium's calls home: no background networking, updates, sync or first run. No host
# name resolves but the test server's address, so that no test ever reaches the network: a request for another host
# is still made (the recorder hears it, and the privacy tests report it) and fails at once.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
# The dark view's pages are the light view's (the same markup, the same layout) in other colours: the rules whose
# results the colours can change are the ones to run there again.
AXE_COLOUR_OPTIONS = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}, "resultTypes": ["violations"]}
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

# What the reader gets: the article's text as rendered, every link's resolved address, the links of the
# site's navigation that can be seen (on a narrow screen the navigation is a closed drawer), and how far the
# page scrolls sideways (WCAG 1.4.10 Reflow: not at all at 320 CSS px).
# The text leaves out the controls that only a script makes work and shows (the copy buttons, the directory's
# filter): without JavaScript they are hidden, and every word of the page must read the same with or without it.
_READ = """() => ({
  text: (() => {
    const article = document.querySelector("article");
    if (!article) return "";
    const controls = new Set([...article.querySelectorAll("button, [data-compact-filter]")]
      .flatMap(control => control.innerText.split("\\n")).map(line => line.trim()).filter(Boolean));
    return article.innerText.split("\\n").filter(line => !controls.has(line.trim())).join("\\n");
  })(),
  links: [...document.querySelectorAll("a[href]")].map(a => a.href),
  visibleNavLinks: [...document.querySelectorAll(".md-sidebar--primary a[href]")]
    .filter(a => a.checkVisibility({visibilityProperty: true})).length,
  cookie: document.cookie,
  webFonts: [...document.fonts].map(font => font.family),
  stored: [...Object.keys(localStorage), ...Object.keys(sessionStorage)],
  sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
})"""

# The text that WCAG 1.4.3 asks most of here, by kind: each must contrast 4.5:1 with what lies behind it.
CONTRAST_CHECKS = {
    "link": ".md-content a[href], .md-footer a[href]",
    "editor's note": ".admonition, .admonition *",
    "draft notice": "#draft-notice, #draft-notice *",
}
MINIMUM_CONTRAST = 4.5
# The colour of an element's own text, blended onto the colours behind it (each ancestor's background
# composited from the page's white canvas up), and the WCAG contrast ratio of the two.
_LOW_CONTRAST = """([checks, minimum]) => {
  const rgba = colour => { const [r, g, b, a = 1] = colour.match(/[\\d.]+/g).map(Number); return [r, g, b, a]; };
  const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
  const luminance = rgb => {
    const [r, g, b] = rgb.map(c => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = element => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) layers.push(rgba(getComputedStyle(node).backgroundColor));
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255]);
  };
  const ownText = element => [...element.childNodes].some(node => node.nodeType === 3 && node.textContent.trim());
  const found = [];
  for (const [kind, selector] of Object.entries(checks)) {
    for (const element of document.querySelectorAll(selector)) {
      if (!ownText(element) || !element.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
      const behind = background(element);
      const [front, back] = [luminance(over(rgba(getComputedStyle(element).color), behind)), luminance(behind)];
      const ratio = (Math.max(front, back) + 0.05) / (Math.min(front, back) + 0.05);
      if (ratio < minimum) found.push(`${kind} "${element.innerText.trim().slice(0, 40)}": ${ratio.toFixed(2)}:1`);
    }
  }
  return found;
}"""

# The screen's chrome, none of which belongs on paper.
PRINT_CHROME = (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-top", ".md-search", ".md-content__button")
# On paper: the chrome that still shows, each printed link to elsewhere or to another page whose address is
# not printed after it, and any of the content that does not print. The address a reader needs is a link's
# own when it names a scheme (https:, mailto:); else the browser resolves it against the page's published
# address (its canonical link: the site's address, not this test's server).
_ON_PAPER = """chrome => {
  const published = document.querySelector("link[rel=canonical]")?.href ?? location.href;
  const address = href => /^[a-z][a-z0-9+.-]*:/i.test(href) ? href : new URL(href, published).href;
  return {
    chrome: chrome.filter(selector => [...document.querySelectorAll(selector)].some(element => element.checkVisibility())),
    hiddenAddresses: [...document.querySelectorAll("article a[href]:not([href^='#'])")]
      .filter(a => a.checkVisibility() && !getComputedStyle(a, "::after").content.includes(address(a.getAttribute("href"))))
      .map(a => address(a.getAttribute("href"))),
    hiddenContent: [...document.querySelectorAll("article :is(p, li, dt, dd, td, th, h1, h2, h3, h4, h5, h6, pre)")]
      .filter(element => !element.checkVisibility())
      .map(element => `${element.tagName.toLowerCase()} "${element.innerText.trim().slice(0, 40)}"`),
  };
}"""

# An address the site does not have, as deep as a partner's page: the host answers it with the site's
# 404 page and status 404, and that page must load its styles and scripts from there as any page does.
MISSING = "partners/no-such-partner/"

VIEWS = {
    "light": {"viewport": {"width": 1280, "height": 800}, "color_scheme": "light"},
    "dark": {"viewport": {"width": 1280, "height": 800}, "color_scheme": "dark"},
    "narrow": {"viewport": {"width": 320, "height": 640}, "color_scheme": "light"},
    "no-javascript": {"viewport": {"width": 1280, "height": 800}, "color_scheme": "light", "java_script_enabled": False},
}
SCRIPTED_VIEWS = ("light", "dark", "narrow")  # axe-core and the policy listener are scripts: not run where scripts are off
AXE_BY_VIEW = {"light": AXE_OPTIONS, "dark": AXE_COLOUR_OPTIONS, "narrow": AXE_OPTIONS}
AXE_ON_EVERY_PAGE = ("light",)  # the other views run axe-core on one page of each kind
EACH_KIND_VIEWS = ("dark",)  # views that visit one page of each kind, not every page


def one_page_of_each_kind(pages: dict[str, BeautifulSoup]) -> set[str]:
    """The first page of each kind: a kind is the set of tags and classes of the elements of its <body>, which
    decide what the theme's styles make of it (the place in the menu shows in its classes too)."""
    first: dict[frozenset, str] = {}
    for url, page in pages.items():
        kind = frozenset((element.name, tuple(sorted(element.get("class", [])))) for element in page.body.find_all(True))
        first.setdefault(kind, url)
    return set(first.values())


@dataclass
class PageVisit:
    """What one page did in one view."""

    url: str
    status: int | None = None  # the HTTP status of the page itself
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    axe_ran: bool = False
    axe_violations: list[dict] = field(default_factory=list)
    low_contrast: list[str] = field(default_factory=list)
    color_scheme: str | None = None
    cookie: str = ""
    web_fonts: list[str] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)
    sideways_scroll: int = 0
    text: str = ""
    links: list[str] = field(default_factory=list)
    visible_nav_links: int = 0
    print_chrome: list[str] = field(default_factory=list)
    print_hidden_addresses: list[str] = field(default_factory=list)
    print_hidden_content: list[str] = field(default_factory=list)


class Recorder:
    """Records a browser context's traffic and errors into the visit under way."""

    def __init__(self, context: BrowserContext) -> None:
        self.visit = PageVisit("")
        self._document = ""  # the address of the page under visit, as the server answered it
        self.settled: set[str] = set()  # the addresses of this visit's requests that have finished or failed
        context.on("request", self._request)
        context.on("requestfailed", self._failed)
        context.on("requestfinished", self._finished)
        context.on("response", self._response)
        context.on("console", self._console)
        context.on("weberror", self._error)

    def _request(self, request: Request) -> None:
        self.visit.requests.append(request.url)

    def _failed(self, request: Request) -> None:
        self.visit.failures.append(f"{request.url}: {request.failure}")
        self.settled.add(request.url)

    def _finished(self, request: Request) -> None:
        self.settled.add(request.url)

    def _response(self, response: Response) -> None:
        if response.request.is_navigation_request() and response.frame.parent_frame is None:
            self.visit.status = response.status  # the page's own: a test says which status each page should have
            self._document = response.url
        elif response.status >= 400:
            self.visit.failures.append(f"{response.url}: HTTP {response.status}")

    def _console(self, message: ConsoleMessage) -> None:
        where = message.location.get("url", "")
        # Chromium logs a page's own error status (the 404 page's 404) as an error: it is in visit.status.
        own_status = where == self._document and message.text.startswith("Failed to load resource")
        if message.type == "error" and not own_status:
            self.visit.console_errors.append(f"{message.text} ({where}:{message.location.get('lineNumber')})")

    def _error(self, error: WebError) -> None:
        self.visit.console_errors.append(f"uncaught: {error.error}")


def open_view(browser: Browser, base_url: str, view: str, **options) -> tuple[BrowserContext, Recorder]:
    """A fresh browser context (no cookies, no storage) for one view, recording as it goes."""
    context = browser.new_context(base_url=base_url, **{**VIEWS[view], **options})
    context.add_init_script(_LISTEN_FOR_CSP)
    return context, Recorder(context)


# The page's icon, which Chromium asks for once the page has loaded (its default address if the page names none).
SETTLE_WAIT_MS = 2000
_ICON = """() => document.querySelector("link[rel~=icon]")?.href ?? new URL("/favicon.ico", location.href).href"""


def load(page: Page, recorder: Recorder, url: str, *, axe_options: dict | None = None) -> PageVisit:
    """Open a page, run axe-core on it with the options if given (the context gives its pages axe-core, as the
    survey's do), and wait until the page has loaded all it loads by itself.

    After the load event a page asks for its icon (and, with scripts, Material for the site map): the visit ends
    once the icon has been asked for and every request the page has made has ended.
    """
    recorder.visit = PageVisit(url)
    recorder.settled = set()
    page.goto(url, wait_until="load")
    if axe_options is not None:
        recorder.visit.axe_violations = page.evaluate(_RUN_AXE, axe_options)
        recorder.visit.axe_ran = True
    icon = page.evaluate(_ICON)
    for _ in range(SETTLE_WAIT_MS // 10):  # bounded: an icon never asked for is test_errors' to report, not a hang
        if icon in recorder.settled and recorder.settled.issuperset(recorder.visit.requests):
            break
        page.wait_for_timeout(10)  # lets Playwright deliver the requests' events
    visit = recorder.visit
    read = page.evaluate(_READ)
    visit.text, visit.links, visit.visible_nav_links = read["text"], read["links"], read["visibleNavLinks"]
    visit.cookie, visit.web_fonts, visit.stored = read["cookie"], read["webFonts"], read["stored"]
    visit.sideways_scroll = read["sideways"]
    visit.low_contrast = page.evaluate(_LOW_CONTRAST, [CONTRAST_CHECKS, MINIMUM_CONTRAST])
    visit.csp_violations = page.evaluate("window.__cspViolations ?? []")  # the listener needs scripts on
    visit.color_scheme = page.evaluate("document.body.dataset.mdColorScheme ?? null")
    return visit


def run_axe(page: Page, axe_script: str) -> list[dict]:
    """axe-core's violations on the page as it now stands."""
    page.evaluate(axe_script)
    return page.evaluate(_RUN_AXE, AXE_OPTIONS)


def read_paper(page: Page, visit: PageVisit) -> None:
    """The page as it would print, without reloading it: the chrome that shows, what of the rest does not."""
    page.emulate_media(media="print")
    on_paper = page.evaluate(_ON_PAPER, list(PRINT_CHROME))
    page.emulate_media(media="screen")
    visit.print_chrome, visit.print_hidden_addresses = on_paper["chrome"], on_paper["hiddenAddresses"]
    visit.print_hidden_content = on_paper["hiddenContent"]


class Survey:
    """The site's pages visited once per view and per session, the records kept for every test to read."""

    def __init__(self, browser: Browser, base_url: str, pages: dict[str, BeautifulSoup], axe_script: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.urls = list(pages)
        self.each_kind = one_page_of_each_kind(pages)
        self.axe_script = axe_script
        self.cookies: dict[str, list] = {}
        self._views: dict[str, dict[str, PageVisit]] = {}

    def urls_of(self, view: str) -> list[str]:
        """The pages a view visits: every page, or one of each kind (EACH_KIND_VIEWS)."""
        return [url for url in self.urls if url in self.each_kind] if view in EACH_KIND_VIEWS else self.urls

    def visits(self, view: str) -> dict[str, PageVisit]:
        """The pages of one view (urls_of), by URL: visited on first use, then kept."""
        if view not in self._views:
            context, recorder = open_view(self.browser, self.base_url, view)
            context.add_init_script(self.axe_script)  # given once, for every page, not sent again with each
            page = context.new_page()
            visits = {}
            for url in self.urls_of(view):
                axe_here = view in AXE_ON_EVERY_PAGE or url in self.each_kind
                visits[url] = load(page, recorder, url, axe_options=AXE_BY_VIEW.get(view) if axe_here else None)
                if view == "light":
                    read_paper(page, visits[url])
            self.cookies[view] = context.cookies()
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


def report(visits: dict[str, PageVisit], record: str) -> list[str]:
    """One line per entry of one record (such as "failures") on every page, naming the page."""
    return [f"/{url}: {entry}" for url, visit in visits.items() for entry in getattr(visit, record)]
