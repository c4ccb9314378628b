"""Browser fixtures: the site built once (tests/conftest.py), served on 127.0.0.1, and one Chromium per session.

The tools come from scripts/install-test-tools, which `make test` runs first: Debian's Chromium (Playwright
drives it; `playwright install` cannot download here) and node_modules/ (axe-core, the Nu HTML Checker).
A missing tool skips these tests with the command to run, and CI (`--fail-on-skip`) fails on any skip.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from pagesurvey import CHROMIUM, CHROMIUM_ARGS, MISSING, Survey, open_view
from sitebuild import ROOT, BuiltSite

NODE_MODULES = ROOT / "node_modules"
INSTALL = "run scripts/install-test-tools (make test does)"


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the built site as a static host would, without a log line per request.

    Like GitHub Pages, it answers an address the site does not have with the site's 404.html and status 404:
    the page a reader meets at a mistyped or outdated address, however deep.
    """

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def require(path: Path) -> Path:
    """A tool the tests need, or a skip that says how to install it."""
    if not path.exists():
        pytest.skip(f"{path} is missing: {INSTALL}")
    return path


@pytest.fixture(scope="session")
def server(site: BuiltSite) -> Iterator[str]:
    """The built site on a free port of 127.0.0.1; its base URL, ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(site.root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    require(CHROMIUM)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core, pinned in package-lock.json."""
    return require(NODE_MODULES / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture
def open_page(browser: Browser, server: str):
    """Open a page of the site in a fresh context of a view (pagesurvey.VIEWS), with any other options given;
    each context is closed after the test."""
    contexts = []

    def opener(url: str, view: str = "light", **options) -> Page:
        context, _ = open_view(browser, server, view, **options)
        contexts.append(context)
        page = context.new_page()
        page.goto(url, wait_until="load")  # the theme's and the site's scripts have run: none is deferred
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def survey(browser: Browser, server: str, site: BuiltSite, axe_script: str) -> Survey:
    """Visits of the site's pages and its 404 page, each kind made once per session and shared by the tests that read it."""
    pages = {url: site.page(url) for url in site.urls} | {MISSING: site.not_found}
    return Survey(browser, server, pages, axe_script)


@pytest.fixture(scope="session")
def nu_checker(site: BuiltSite) -> tuple[set[Path], list[dict]]:
    """The Nu HTML Checker's run over the whole site: the files it read, and its messages."""
    # One JVM for every page (one per page would take minutes); the JSON report goes to stderr.
    java = shutil.which("java") or pytest.skip("java is missing: install a Java runtime, 11 or newer")
    jar = require(NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar")
    run = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--skip-non-html", "--verbose", str(site.root)],
        capture_output=True,
        text=True,
        check=False,
    )
    files = {Path(line).resolve() for line in run.stdout.splitlines() if line.strip()}
    return files, json.loads(run.stderr)["messages"]
