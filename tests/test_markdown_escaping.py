"""Text from the data, written into Markdown pages, reads as exactly that text: never as markup or a list."""

from __future__ import annotations

import random

import markdown
import pytest
from bs4 import BeautifulSoup

from compact_site.markup import SITE_MARKDOWN_EXTENSIONS, markdown_field
from compact_site.text import escape_markdown

TRICKY = [
    "Abbots Bromley Arts Group",
    "18 September 2016",
    "1. Not a numbered list",
    "  2. Nor this",
    "- Not a bullet",
    "#1 for the community",
    "Smith & Sons <Trading>",
    "a*b*c and __init__ and `code`",
    "[click](javascript:alert(1))",
    "<script>alert(1)</script>",
    "{: .class } | a table? |",
    "Price: 5+5=10!",
    "&amp; is not an ampersand",
]
ALPHABET = "ab 1.-#*_`[](){}<>&|+!\\:;'\"é"


def random_texts(count: int) -> list[str]:
    rng = random.Random(2014)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 12))).strip() or "x" for _ in range(count)]


@pytest.mark.parametrize("text", TRICKY + random_texts(400))
def test_escaped_text_renders_as_the_same_characters_and_nothing_else(text):
    html = markdown.markdown(escape_markdown(text), extensions=["attr_list", "tables", "def_list"])
    soup = BeautifulSoup(html, "html.parser")
    assert [element.name for element in soup.find_all(True)] == ["p"], html
    assert soup.p.get_text() == text.strip()  # as the data model strips it


SITE_EXTENSIONS = list(SITE_MARKDOWN_EXTENSIONS)
CODE_SPANS = [
    ("Research and `R&D` budgets", ["R&D"]),
    ("`<script>alert(1)</script>` and `{: onclick=\"alert(1)\" }`", ["<script>alert(1)</script>", '{: onclick="alert(1)" }']),
    ("``a ` b`` and `*not emphasis* [nor a link](javascript:alert(1)) &amp;`", ["a ` b", "*not emphasis* [nor a link](javascript:alert(1)) &amp;"]),
    # The data refuses these line breaks (model.NEW_LINES_PATTERN); were one to come, the <code> stays whole.
    ("`a\r\r    b` and `c\u2028\u2028        d`", ["a      b", "c          d"]),
    ("`  spaced  `", ["spaced"]),  # as Python-Markdown shows a code span
    ("`not code\n\nacross paragraphs`", []),
]


@pytest.mark.parametrize(("text", "codes"), CODE_SPANS)
def test_code_in_a_markdown_field_shows_its_characters_as_written(text, codes):
    soup = BeautifulSoup(markdown.markdown(str(markdown_field(text)), extensions=SITE_EXTENSIONS), "html.parser")
    assert [code.get_text() for code in soup.find_all("code")] == codes
    assert {element.name for element in soup.find_all(True)} <= {"p", "code"}


# What Markdown itself makes of a text (a field's Markdown is kept): anything else came from raw HTML.
MARKDOWN_ELEMENTS = {"p", "code", "em", "strong", "a", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "hr", "pre", "br", "div", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd"}


def test_a_backtick_in_each_of_two_list_items_leaves_them_two_items():
    soup = BeautifulSoup(markdown.markdown(str(markdown_field("- a `b\n- c` d")), extensions=SITE_EXTENSIONS), "html.parser")
    assert [item.get_text() for item in soup.find_all("li")] == ["a `b", "c` d"]


@pytest.mark.parametrize("text", random_texts(400))
def test_a_markdown_field_holds_no_raw_markup_whatever_its_backticks(text):
    soup = BeautifulSoup(markdown.markdown(str(markdown_field(text)), extensions=SITE_EXTENSIONS), "html.parser")
    assert {element.name for element in soup.find_all(True)} <= MARKDOWN_ELEMENTS, text
    attributes = {name for element in soup.find_all(True) for name in element.attrs}
    assert not [name for name in attributes if name.startswith("on") or name in ("style", "src")], text
