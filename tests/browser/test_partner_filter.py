"""The directory's filter in Chromium: typing narrows the lists at once, by name, sector, type or status; axe finds
no violation with it in use, in light and dark; no console error and no policy violation; and without JavaScript
no filter shows and every partner is listed."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from compact_site.compact import Compact
from pagesurvey import open_view, run_axe


def shown_names(page) -> list[str]:
    return page.locator(".compact-directory-group li:visible a").all_inner_texts()


@pytest.mark.parametrize("view", ["light", "dark"])
def test_typing_filters_the_directory_and_axe_finds_no_violation(browser: Browser, server: str, compact: Compact, axe_script: str, view: str):
    context, recorder = open_view(browser, server, view)
    page = context.new_page()
    page.goto("partners/", wait_until="load")
    field = page.get_by_label("Find a partner by name, sector, type or status")
    assert len(shown_names(page)) == len(compact.partners)
    field.press_sequentially("ccg")
    ccgs = [p.name for p in compact.partners if "ccg" in p.name.lower()]
    assert shown_names(page) == ccgs
    assert page.locator(".compact-filter__count").inner_text() == f"{len(ccgs)} of {len(compact.partners)} partners shown."
    assert run_axe(page, axe_script) == []
    field.fill("")
    field.press_sequentially("voluntary")  # a sector's name
    assert shown_names(page) == [p.name for p in compact.partners if p.sector == "vcs"]
    assert page.locator(".compact-directory-sector:visible h2").count() == 1, "sectors with no match are hidden"
    field.fill("")
    field.press_sequentially("district councils named")  # every word: the type's, and the status
    assert shown_names(page) == [p.name for p in compact.partners if p.type == "district-or-borough-council" and p.status == "named"]
    field.fill("no such partner")
    assert shown_names(page) == [] and page.locator(".compact-filter__count").inner_text() == f"0 of {len(compact.partners)} partners shown."
    assert recorder.visit.console_errors == [] and page.evaluate("window.__cspViolations") == []
    context.close()


def test_without_javascript_there_is_no_filter_and_every_partner_is_listed(browser: Browser, server: str, compact: Compact):
    context, _ = open_view(browser, server, "light", java_script_enabled=False)
    page = context.new_page()
    page.goto("partners/")
    assert page.locator(".compact-filter").is_hidden()
    assert len(shown_names(page)) == len(compact.partners)
    context.close()
