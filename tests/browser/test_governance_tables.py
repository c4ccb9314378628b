"""The governance page's wide tables on a 320 px screen: each scrolls inside its own labelled region, which the
keyboard reaches and scrolls, and axe finds nothing wrong."""

from __future__ import annotations

from playwright.sync_api import Browser

from pagesurvey import load, open_view, run_axe

PAGE = "compact/governance/"


def test_a_wide_table_scrolls_in_a_region_the_keyboard_can_scroll(browser: Browser, server: str, axe_script: str):
    context, recorder = open_view(browser, server, "narrow")
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
                region.focus()
                for _ in range(5):
                    page.keyboard.press("ArrowRight")
                assert region.evaluate("element => element.scrollLeft") > 0, region.get_attribute("aria-label")
        assert wide, "at 320 px the table of partners is wider than the screen: the test must see it scroll"
    finally:
        context.close()
