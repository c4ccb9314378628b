"""The linking kit's copy buttons, in Chromium: reached and pressed from the keyboard, and the text selectable."""

from __future__ import annotations

from playwright.sync_api import Browser

from compact_site.compact import Compact
from pagesurvey import open_view

FOCUSED_BUTTON = "document.activeElement && document.activeElement.matches('[data-clipboard-target]') ? document.activeElement.closest('pre').querySelector('code').innerText : null"


def test_each_copy_button_of_a_partner_page_copies_its_text_from_the_keyboard(browser: Browser, server: str, compact: Compact):
    context, _ = open_view(browser, server, "light", permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"partners/{compact.partners[0].slug}/", wait_until="networkidle")
    blocks = page.locator("article pre code").all_inner_texts()
    assert len(blocks) >= 2, "the address and the badge's HTML"
    copied = []
    for _ in range(400):  # Tab through the page, pressing Enter on each copy button met on the way
        page.keyboard.press("Tab")
        text = page.evaluate(FOCUSED_BUTTON)
        if text is not None:
            page.keyboard.press("Enter")
            copied.append((text, page.evaluate("navigator.clipboard.readText()")))
        if len(copied) == len(blocks):
            break
    context.close()
    assert [text for text, _ in copied] == blocks, "every code block's button is reached by the Tab key"
    assert all(clipboard.strip() == text.strip() for text, clipboard in copied), "Enter copies the block's text"


def test_the_text_to_copy_is_selectable(browser: Browser, server: str, compact: Compact):
    context, _ = open_view(browser, server, "light", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"partners/{compact.partners[0].slug}/")
    code = page.locator("article pre code").first
    assert code.is_visible()
    assert code.evaluate("element => getComputedStyle(element).userSelect") != "none"
    context.close()
