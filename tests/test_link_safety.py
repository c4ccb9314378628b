"""No text in the data makes a link or an image anywhere but at a web address, however Markdown finds it.

Each unsafe text here but the data: image once passed the check (regular expressions over the Markdown) and made
a javascript: link on the site; the check now asks Python-Markdown, with the site's extensions, which links a text
makes, and which link references it defines."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from pydantic import TypeAdapter, ValidationError

from compact_site.markup import SITE_MARKDOWN_EXTENSIONS, link_addresses, markdown_field
from compact_site.model import LinkedProse
from sitebuild import ROOT

PROSE = TypeAdapter(LinkedProse)
# Texts that make a link to an address other than a web address.
UNSAFE_LINKS = {
    "a link hidden in another's address": "x](https://a.b?[b](javascript:alert(1))",
    "a definition with an empty name": "[]: javascript:alert(1)\n\n[][]",
    "a definition in a list item": "- [r]: javascript:alert(1)\n\n[c][r]",
    "a definition in a numbered list item": "1. [r]: javascript:alert(1)\n\n[c][r]",
    "a definition in a quotation": "> [r]: javascript:alert(1)\n\n[c][r]",
    "a definition in a definition list": "t\n: [r]: javascript:alert(1)\n\n[c][r]",
    "a definition in an admonition": "!!! note\n    [r]: javascript:alert(1)\n\n[c][r]",
    # A page shows several fields, and Markdown lets a link in one use a definition in another.
    "a definition for another field's link": "A note.\n\n[act]: javascript:alert(1)",
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
}


def refusal(text: str) -> dict:
    """The one error that validating the text as Markdown prose gives."""
    with pytest.raises(ValidationError) as refused:
        PROSE.validate_python(text)
    [error] = refused.value.errors()
    return error


@pytest.mark.parametrize("text", UNSAFE_LINKS.values(), ids=UNSAFE_LINKS.keys())
def test_a_text_that_would_link_elsewhere_than_a_web_address_is_refused(text):
    assert "expected an address starting https:// or http://" in refusal(text)["msg"]


@pytest.mark.parametrize("text", UNSAFE_CHARACTERS.values(), ids=UNSAFE_CHARACTERS.keys())
def test_a_text_with_characters_that_hide_markdown_is_refused(text):
    assert refusal(text)["type"] == "string_pattern_mismatch"


def test_a_text_nested_too_deeply_for_markdown_is_refused_and_the_check_goes_on_working():
    assert "nested too deeply" in refusal("- " * 500 + "[x]")["msg"]
    # The reader, cut short, is not used again as it was left: it found no links after it.
    assert "expected an address" in refusal("[x](javascript:alert(1))")["msg"]


@pytest.mark.parametrize("text", SAFE.values(), ids=SAFE.keys())
def test_links_to_web_addresses_are_kept(text):
    assert PROSE.validate_python(text) == text


@pytest.mark.parametrize("text", [*UNSAFE_LINKS.values(), *SAFE.values()])
def test_the_links_the_check_finds_are_those_another_html_parser_finds(text):
    # The site's own Markdown of the text, searched by BeautifulSoup: the same links, then the definitions.
    soup = BeautifulSoup(markdown.markdown(str(markdown_field(text)), extensions=list(SITE_MARKDOWN_EXTENSIONS)), "html.parser")
    made = [element.get("href", element.get("src")) for element in soup.find_all(["a", "img"])]
    assert link_addresses(text)[: len(made)] == made


def test_the_check_reads_markdown_with_the_extensions_mkdocs_loads():
    # Their names, as MkDocs reads mkdocs.yml (with its own, which mkdocs.yml does not list): each changes where
    # Markdown finds blocks. Their settings (the table of contents' permalinks) change no link.
    assert load_config(config_file=str(ROOT / "mkdocs.yml")).markdown_extensions == list(SITE_MARKDOWN_EXTENSIONS)
