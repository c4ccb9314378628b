"""What a real browser fetches, and whether search finds a partner by name: Debian's Chromium via Playwright.

The built site is served over HTTP from 127.0.0.1 (search needs a worker, which file:// does not allow).
Each page opens in a fresh browser context, so nothing comes from a cache.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench_weight import SITE

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"]
SEARCH_TIMEOUT_MS = 300_000  # at 10,000 partners the browser downloads and indexes a large index first


def browser_available() -> bool:
    """Whether Playwright and Chromium are installed (the page weight then comes from the HTML alone)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return CHROMIUM.exists()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No line per request on the bench's output."""


@contextmanager
def served(site: Path) -> Iterator[str]:
    """Serve the site folder on a free port of 127.0.0.1; yield its base address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass(frozen=True)
class Fetched:
    """The addresses a page fetched (as SITE addresses) while loading, and then when search was used."""

    on_load: list[str]
    on_search: list[str]


def fetched_by_pages(site: Path, urls: list[str], query: str) -> dict[str, Fetched]:
    """For each page: what it fetches until the network is idle, then what typing a query adds."""
    results = {}
    with served(site) as base, chromium() as browser:
        for url in urls:
            context = browser.new_context()
            page = context.new_page()
            requested: list[str] = []
            context.on("request", lambda request: requested.append(request.url.replace(base, SITE, 1)))
            page.goto(base + url, wait_until="networkidle")
            loaded = len(requested)
            page.keyboard.press("s")  # Material's shortcut to the search box
            page.keyboard.type(query)
            page.locator("a.md-search-result__link").first.wait_for(timeout=SEARCH_TIMEOUT_MS)
            page.wait_for_load_state("networkidle")
            results[url] = Fetched(list(dict.fromkeys(requested[:loaded])), list(dict.fromkeys(requested[loaded:])))
            context.close()
    return results


@dataclass(frozen=True)
class Finding:
    """Searching for a partner's name: where its page came in the results, and how long the first answer took."""

    name: str
    rank: int | None
    results: int
    seconds: float


def find_partners(site: Path, partners: list[tuple[str, str]]) -> list[Finding]:
    """Search each (slug, name) from the home page of a fresh browser, as a visitor would."""
    findings = []
    with served(site) as base, chromium() as browser:
        for slug, name in partners:
            context = browser.new_context()
            page = context.new_page()
            start = time.perf_counter()
            page.goto(base, wait_until="domcontentloaded")
            page.keyboard.press("s")
            page.keyboard.type(name)
            links = page.locator("a.md-search-result__link")
            links.first.wait_for(timeout=SEARCH_TIMEOUT_MS)
            seconds = time.perf_counter() - start
            hrefs = [href.split("?")[0].replace(base, "", 1) for href in links.evaluate_all("els => els.map(e => e.href)")]
            target = f"partners/{slug}/"
            rank = hrefs.index(target) + 1 if target in hrefs else None
            findings.append(Finding(name, rank, len(hrefs), seconds))
            context.close()
    return findings
