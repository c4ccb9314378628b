"""The governance page's wide table on a 320 px screen, with governance recorded (tests/governance_records.py: the
real data records none, and the page then has no table): it scrolls inside its own labelled region, which the
keyboard reaches and scrolls, says so on a narrow screen, and axe finds nothing wrong."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser

from governance_records import record_governance
from pagesurvey import load, open_view, run_axe
from sitebuild import build_site, copy_project

PAGE = "compact/governance/"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def recorded_server(tmp_path_factory) -> Iterator[str]:
    """A copy of the project with governance recorded, built and served on 127.0.0.1."""
    project = copy_project(tmp_path_factory.mktemp("governance") / "project")
    record_governance(project)
    site = build_site(project, tmp_path_factory.mktemp("site"))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site.root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_a_wide_table_scrolls_in_a_region_the_keyboard_can_scroll(browser: Browser, recorded_server: str, axe_script: str):
    context, recorder = open_view(browser, recorded_server, "narrow")
    try:
        page = context.new_page()
        load(page, recorder, PAGE)
        assert run_axe(page, axe_script) == []
        regions = page.locator(".compact-scroll")
        assert regions.count() >= 1
        wide = 0
        for index in range(regions.count()):
            region = regions.nth(index)
            assert region.get_attribute("role") == "region" and region.get_attribute("aria-label")
            if region.evaluate("element => element.scrollWidth > element.clientWidth"):
                wide += 1
                cue = region.evaluate("element => getComputedStyle(element, '::before').content")
                assert "Scroll sideways" in cue, "a phone shows that the table scrolls"
                region.focus()
                for _ in range(5):
                    page.keyboard.press("ArrowRight")
                # The keys scroll smoothly, over frames: a loaded machine may not have moved it yet when they return.
                moved = page.wait_for_function("element => element.scrollLeft > 0", arg=region.element_handle(), timeout=5000)
                assert moved.json_value(), region.get_attribute("aria-label")
        assert wide, "at 320 px the table of partners is wider than the screen: the test must see it scroll"
    finally:
        context.close()
