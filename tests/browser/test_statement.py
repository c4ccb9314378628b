"""The statement of a concern in a real browser: copyable from the keyboard without JavaScript, accessible, and
printed as the form to fill in (alone, from the section's own address)."""

from __future__ import annotations

import pytest

from pagesurvey import run_axe

PAGE = "raise-a-concern/"
BOX = "#statement-text"


def test_the_keyboard_reaches_the_plain_text_and_selects_all_of_it_without_javascript(open_page):
    page = open_page(PAGE, java_script_enabled=False)
    for _ in range(200):  # Tab through the page, as a keyboard user does, until the box has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == BOX[1:]:
            break
    else:
        pytest.fail("Tab never reached the plain-text statement")
    page.keyboard.press("Control+A")
    selected = page.evaluate("(box => [box.selectionStart, box.selectionEnd, box.value.length])(document.activeElement)")
    assert selected[0] == 0 and selected[1] == selected[2] > 0


def test_the_page_has_no_accessibility_violations(open_page, axe_script: str):
    page = open_page(PAGE)
    assert run_axe(page, axe_script) == []


def test_paper_shows_the_form_and_not_the_plain_text_box(open_page):
    page = open_page(PAGE)
    page.emulate_media(media="print")
    assert page.is_visible(".compact-statement .compact-form") and page.is_visible("#stage-one")
    assert not page.is_visible(BOX)


def test_printing_from_the_sections_address_prints_the_statement_alone(open_page):
    page = open_page(f"{PAGE}#statement")
    page.emulate_media(media="print")
    assert page.is_visible("h2#statement") and page.is_visible(".compact-statement")
    assert not page.is_visible("#stage-one") and not page.is_visible("#outside") and not page.is_visible(".admonition")
