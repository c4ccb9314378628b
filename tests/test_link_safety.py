"""No text in the data makes a link anywhere but at a web address, however Markdown finds it.

A field is converted with the site's Markdown and cleaned by the allow-list sanitizer (compact_site.markup); the
data check refuses a field from which the sanitizer removed anything, with the field's place. Each unsafe text
here once passed a check of the text itself (regular expressions over the Markdown) and made a javascript: link."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from compact_site.markup import PAGE_MARKDOWN_EXTENSIONS, SAFE_TAGS, sanitized_field
from compact_site.model import LinkedProse
from mkdocs.config import load_config
from pydantic import TypeAdapter, ValidationError
from sitebuild import ROOT

PROSE = TypeAdapter(LinkedProse)
# Texts that make a link or an image at an address other than a web address.
UNSAFE_LINKS = {
    "a link hidden in another's address": "x](https://a.b?[b](javascript:alert(1))",
    "a definition with an empty name": "[]: javascript:alert(1)\n\n[][]",
    "a definition in a list item": "- [r]: javascript:alert(1)\n\n[c][r]",
    "a definition in a numbered list item": "1. [r]: javascript:alert(1)\n\n[c][r]",
    "a definition in a quotation": "> [r]: javascript:alert(1)\n\n[c][r]",
    "a definition in a definition list": "t\n: [r]: javascript:alert(1)\n\n[c][r]",
    "a definition in an admonition": "!!! note\n    [r]: javascript:alert(1)\n\n[c][r]",
    "an address in angle brackets, made relative": "[b](<https://a.b>)",
    "an image from a data: address": "![x](data:image/svg+xml,<svg onload=alert(1)>)",
}
# Texts whose characters hide a link from a check of the text (Markdown drops \x02, and breaks lines at a carriage
# return; Jinja's indent filter at U+2028): refused for the characters themselves.
UNSAFE_CHARACTERS = {
    "a control character Markdown drops": "[b]\x02(javascript:alert(1))",
    "a definition behind a dropped control character": "\x02[r]: javascript:alert(1)\n\n[c][r]",
    "a definition after a carriage return": "x\r[r]: javascript:alert(1)\r\r[c][r]",
    "a definition after a line separator": "x\u2028[r]: javascript:alert(1)\u2028\u2028[c][r]",
}
SAFE = {
    "an inline link": "The [Social Value Act](https://www.legislation.gov.uk/ukpga/2012/3/enacted) applies.",
    "a link by reference": "See [the act][act].\n\n[act]: https://www.legislation.gov.uk/ukpga/2012/3/enacted",
    "brackets that link nothing": "The draft [sic] says so.",
    "a list, a quotation and code": "- one\n- *two*\n\n> **three**\n\n`four`",
}


def refusal(text: str) -> dict:
    """The one error that validating the text as Markdown prose gives."""
    with pytest.raises(ValidationError) as refused:
        PROSE.validate_python(text)
    [error] = refused.value.errors()
    return error


def addresses(html: str) -> list[str]:
    """Every link and image address in a piece of HTML, read by another HTML parser than the sanitizer's."""
    soup = BeautifulSoup(html, "html.parser")
    return [element.get("href", element.get("src")) for element in soup.find_all(["a", "img"]) if element.has_attr("href") or element.has_attr("src")]


@pytest.mark.parametrize("text", UNSAFE_LINKS.values(), ids=UNSAFE_LINKS.keys())
def test_what_reaches_a_page_from_a_text_links_only_to_web_addresses(text):
    html = sanitized_field(text).html
    assert all(address.startswith(("https://", "http://")) for address in addresses(html)), html
    assert {element.name for element in BeautifulSoup(html, "html.parser").find_all(True)} <= SAFE_TAGS


@pytest.mark.parametrize("text", UNSAFE_LINKS.values(), ids=UNSAFE_LINKS.keys())
def test_the_check_refuses_a_text_from_which_the_sanitizer_removed_a_link_or_an_image(text):
    message = refusal(text)["msg"]
    assert "expected an address starting https:// or http://" in message or "Markdown made <img> of it" in message


def test_the_check_names_the_address_it_refused():
    assert "got 'javascript:alert(1)'" in refusal("[c][r]\n\n[r]: javascript:alert(1)")["msg"]


def test_a_definition_that_no_link_of_its_field_uses_reaches_no_page():
    # Each field is converted alone: a definition cannot serve another field's link on the page.
    field = sanitized_field("A note.\n\n[act]: javascript:alert(1)")
    assert field == type(field)("<p>A note.</p>", ())


@pytest.mark.parametrize("text", UNSAFE_CHARACTERS.values(), ids=UNSAFE_CHARACTERS.keys())
def test_a_text_with_characters_that_hide_markdown_is_refused(text):
    assert refusal(text)["type"] == "string_pattern_mismatch"


def test_a_text_nested_too_deeply_for_markdown_is_refused_and_the_check_goes_on_working():
    assert "nested too deeply" in refusal("- " * 500 + "[x]")["msg"]
    # The reader, cut short, is not used again as it was left: it would read the next text wrongly.
    assert "expected an address" in refusal("[x](javascript:alert(1))")["msg"]


@pytest.mark.parametrize("text", SAFE.values(), ids=SAFE.keys())
def test_links_to_web_addresses_and_plain_markdown_are_kept(text):
    assert PROSE.validate_python(text) == text
    assert sanitized_field(text).removed == ()


def test_a_heading_in_a_field_is_refused_as_an_element_the_site_does_not_show():
    assert refusal("# A heading")["msg"].endswith("; Markdown made <h1> of it")


def test_fields_are_read_with_the_extensions_mkdocs_loads():
    # Their names, as MkDocs reads mkdocs.yml (with its own, which mkdocs.yml does not list): each changes where
    # Markdown finds blocks. Their settings (the table of contents' permalinks) change no link. The last is the
    # extension that puts fields into pages, which a field's own reading does not need.
    assert load_config(config_file=str(ROOT / "mkdocs.yml")).markdown_extensions == list(PAGE_MARKDOWN_EXTENSIONS)
