"""The site's own look in Chromium: the draft notice printed as browsers print by default, short on a phone; the
footer's links a row; and no <nav> that says aria-expanded, even once the menu's sections are opened and shut."""

from __future__ import annotations

import pytest

from pagesurvey import MISSING, open_view

PAGES = ["", "partners/vast/", MISSING]  # the home page, a generated page, the 404 page at a deep address

# The colours of the draft notice's words and of everything behind them, as printed: each element's own colour,
# background colour and image, and the notice's frame.
_NOTICE_ON_PAPER = """() => {
  const notice = document.getElementById("draft-notice");
  const behind = [];
  for (let node = notice; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    behind.push({background: style.backgroundColor, image: style.backgroundImage});
  }
  const words = [...notice.querySelectorAll("*")].filter(element => element.checkVisibility());
  const frame = getComputedStyle(notice);
  return {
    colours: words.map(element => getComputedStyle(element).color),
    behind,
    frame: {width: parseFloat(frame.borderTopWidth), style: frame.borderTopStyle, colour: frame.borderTopColor},
    text: notice.innerText,
  };
}"""


def channels(colour: str) -> list[float]:
    """An rgb()/rgba() colour's channels, alpha last (1 if not given)."""
    values = [float(part) for part in colour[colour.index("(") + 1 : -1].replace(",", " ").split()]
    return values + [1.0] * (4 - len(values))


def is_dark(colour: str) -> bool:
    red, green, blue, alpha = channels(colour)
    return alpha == 1 and max(red, green, blue) <= 64


def is_white_or_clear(colour: str) -> bool:
    red, green, blue, alpha = channels(colour)
    return alpha == 0 or min(red, green, blue) == 255


@pytest.mark.parametrize("width", [390, 1280])
def test_the_draft_notice_prints_dark_on_white_in_a_frame_without_background_graphics(browser, server, compact, width):
    context, _ = open_view(browser, server, "dark", viewport={"width": width, "height": 800})  # the darkest screen
    page = context.new_page()
    for url in PAGES:
        page.goto(url, wait_until="load")
        page.emulate_media(media="print")
        paper = page.evaluate(_NOTICE_ON_PAPER)
        assert paper["colours"] and all(map(is_dark, paper["colours"])), (url, paper["colours"])
        assert all(is_white_or_clear(layer["background"]) and layer["image"] == "none" for layer in paper["behind"]), (url, paper["behind"])
        assert paper["frame"]["width"] >= 1 and paper["frame"]["style"] == "solid" and is_dark(paper["frame"]["colour"]), (url, paper["frame"])
        assert compact.document.full_title in paper["text"], url  # the whole sentence, at a phone's width too
    context.close()


def test_the_draft_notice_says_the_same_in_fewer_words_on_a_phone(browser, server, compact):
    period = f"{compact.document.period.start}–{compact.document.period.end}"
    said = {}
    for width in (390, 1366):
        context, _ = open_view(browser, server, "light", viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto("", wait_until="load")
        said[width] = page.inner_text("#draft-notice")
        context.close()
    assert period in said[390] and period in said[1366] and "draft" in said[390].lower()
    assert len(said[390]) < len(said[1366]) / 2, said


@pytest.mark.parametrize("view, lines", [("light", 1), ("narrow", 2)])  # at 320 px the row wraps once
def test_the_footers_links_are_a_row_without_bullets(browser, server, view, lines):
    context, _ = open_view(browser, server, view)
    page = context.new_page()
    page.goto("", wait_until="load")
    items = page.evaluate(
        """() => [...document.querySelectorAll(".compact-footer-links li")].map(item => ({
             top: Math.round(item.getBoundingClientRect().top), marker: getComputedStyle(item).listStyleType}))"""
    )
    context.close()
    assert len(items) == 3
    assert len({item["top"] for item in items}) == lines and {item["marker"] for item in items} == {"none"}, items


@pytest.mark.parametrize("view", ["light", "narrow"])
def test_no_nav_says_aria_expanded_once_its_sections_are_opened_and_shut(browser, server, view):
    context, _ = open_view(browser, server, view)
    page = context.new_page()
    page.goto("compact/objectives/", wait_until="load")
    if view == "narrow":
        page.click(".md-header button.compact-menu-button")
    buttons = page.locator(".md-sidebar--primary button.compact-section-button")
    assert buttons.count() > 0
    for index in range(buttons.count()):
        button = buttons.nth(index)
        if button.is_visible():
            for _ in range(2):
                button.click()
                page.wait_for_timeout(100)  # Material's own listeners answer a frame later
    found = page.evaluate("""() => [...document.querySelectorAll("nav[aria-expanded]")].map(nav => nav.outerHTML.slice(0, 80))""")
    context.close()
    assert found == []
