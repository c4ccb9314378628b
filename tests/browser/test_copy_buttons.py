"""The partner kit in Chromium: its copy buttons reached and pressed from the keyboard, large enough to touch, its
texts selected whole on focus; without JavaScript, no button, and the texts still there to select; and the
Agreement form, opened from the kit, carries the partner's name."""

from __future__ import annotations

from playwright.sync_api import Browser

from compact_site.compact import Compact
from pagesurvey import open_view

FOCUSED_BUTTON = "document.activeElement && document.activeElement.matches('[data-compact-copy]') ? document.getElementById(document.activeElement.dataset.compactCopy).value : null"


def test_each_copy_button_of_a_partner_page_copies_its_text_from_the_keyboard(browser: Browser, server: str, compact: Compact):
    context, _ = open_view(browser, server, "light", permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"partners/{compact.partners[0].slug}/", wait_until="load")
    texts = page.locator("article .compact-copy__text").evaluate_all("fields => fields.map(field => field.value)")
    assert len(texts) == 5, "the address and four badges' HTML"
    buttons = page.locator("article [data-compact-copy]")
    assert buttons.first.inner_text() == "Copy link"
    for box in (buttons.nth(index).bounding_box() for index in range(buttons.count())):
        assert box["width"] >= 44 and box["height"] >= 44, "large enough to touch"
    copied = []
    for _ in range(400):  # Tab through the page, pressing Enter on each copy button met on the way
        page.keyboard.press("Tab")
        text = page.evaluate(FOCUSED_BUTTON)
        if text is not None:
            page.keyboard.press("Enter")
            copied.append((text, page.evaluate("navigator.clipboard.readText()")))
        if len(copied) == len(texts):
            break
    assert [text for text, _ in copied] == texts, "every text's button is reached by the Tab key"
    assert all(clipboard == text for text, clipboard in copied), "Enter copies the text"
    assert page.locator(".compact-copy__status").inner_text().startswith("Copied: ")
    context.close()


def test_a_text_to_copy_is_selected_whole_when_it_takes_the_focus(browser: Browser, server: str, compact: Compact):
    context, _ = open_view(browser, server, "light")
    page = context.new_page()
    page.goto(f"partners/{compact.partners[0].slug}/", wait_until="load")
    for field in page.locator("article .compact-copy__text").all():
        field.focus()
        assert field.evaluate("field => [field.selectionStart, field.selectionEnd]") == [0, len(field.input_value())]
    context.close()


def test_without_javascript_no_button_shows_and_the_texts_are_selectable(browser: Browser, server: str, compact: Compact):
    context, _ = open_view(browser, server, "light", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"partners/{compact.partners[0].slug}/")
    assert page.locator("article [data-compact-copy]:visible").count() == 0, "no button that does nothing"
    field = page.locator("article .compact-copy__text").first
    assert field.is_visible() and field.input_value().endswith(f"partners/{compact.partners[0].slug}/")
    assert field.evaluate("element => getComputedStyle(element).userSelect") != "none"
    context.close()


def test_the_agreement_form_from_the_kit_carries_the_partners_name(browser: Browser, server: str, compact: Compact):
    partner = compact.partners[0]
    context, _ = open_view(browser, server, "light")
    page = context.new_page()
    page.goto(f"partners/{partner.slug}/", wait_until="load")
    with page.expect_navigation():
        page.get_by_role("link", name=f"Print the Compact Agreement with {partner.name} filled in").click()
    line = page.locator("#agreement-form .compact-form__field--filled")
    assert line.locator(".compact-form__label").inner_text() == "Organisation"
    assert line.locator(".compact-form__space").inner_text() == partner.name
    context.close()
