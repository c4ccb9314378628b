"""The Compact as a document in a real browser: a paragraph's link copied from the keyboard or by touch, the text
printed as a document in black whatever the palette, and the statement written in the page. (axe-core reads every
page of the site in each view: tests/browser/test_accessibility.py.)"""

from __future__ import annotations

import pytest

OBJECTIVE = "compact/objectives/effective-services/"


def test_a_paragraph_reached_by_its_number_offers_its_link_to_copy(open_page, server: str):
    page = open_page(OBJECTIVE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    assert page.locator(".compact-cite-copy").count() == 0, "no button until a paragraph is chosen"
    number = page.locator('[id="6.3"] > a.compact-cite')
    number.focus()
    page.keyboard.press("Enter")  # the number is a link to its paragraph
    button = page.locator('[id="6.3"] > .compact-cite-copy')
    button.wait_for()
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44, "large enough to touch"
    assert page.evaluate("document.activeElement.classList.contains('compact-cite-copy')"), "chosen by keyboard: focus on it"
    page.keyboard.press("Enter")
    page.locator("[role=status]", has_text="6.3").wait_for(state="attached")
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}{OBJECTIVE}#6.3"
    page.locator('[id="6.5"] > a.compact-cite').click()  # by pointer or touch, another paragraph
    page.locator('[id="6.5"] > .compact-cite-copy').wait_for()
    assert page.locator(".compact-cite-copy").count() == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_compacts_text_prints_black_on_white_without_the_sites_controls(open_page, scheme):
    page = open_page(f"{OBJECTIVE}#6.3", view=scheme)
    page.locator(".compact-cite-copy").wait_for()
    page.emulate_media(media="print")
    page.wait_for_timeout(500)  # Material's colour transitions run out
    colours = page.evaluate("""() => [...document.querySelectorAll('.compact-text p, .compact-text li, .compact-cite')]
        .map(element => getComputedStyle(element).color)""")
    assert colours and set(colours) == {"rgb(0, 0, 0)"}
    assert page.is_visible('[id="6.3"] > a.compact-cite'), "the numbers print: a reader of the paper cites them"
    assert not page.is_visible(".compact-cite-copy") and not page.is_visible(".md-header") and not page.is_visible(".md-sidebar")


def test_the_statement_is_written_in_the_page_copied_as_text_and_printed(open_page):
    page = open_page("raise-a-concern/")
    page.get_by_label("1. What the problem is").fill("The consultation lasted a week.")
    page.get_by_label("4. What would be a good outcome").fill("A new consultation.")
    text = page.input_value("#statement-text")
    assert "1. What the problem is:\nThe consultation lasted a week." in text
    assert "4. What would be a good outcome:\nA new consultation." in text
    page.emulate_media(media="print")
    assert page.is_visible("#statement-part-1") and page.input_value("#statement-part-1") == "The consultation lasted a week."
    assert page.evaluate("getComputedStyle(document.querySelector('#statement-part-2')).height") != "0px", "room to write by hand"
