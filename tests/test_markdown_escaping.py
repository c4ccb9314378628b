"""Text from the data, written into Markdown pages, reads as exactly that text: never as markup or a list."""

from __future__ import annotations

import random

import markdown
import pytest
from bs4 import BeautifulSoup

from compact_site.rendering import escape_markdown

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
