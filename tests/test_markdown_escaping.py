"""Text from the data, written into Markdown pages, reads as exactly that text: never as markup or a list."""

from __future__ import annotations

import base64
import random

import markdown
import pytest
from bs4 import BeautifulSoup
from compact_site.markup import (
    PAGE_MARKDOWN_EXTENSIONS,
    SAFE_TAGS,
    markdown_field,
    markdown_field_linking,
    sanitized_field,
)
from compact_site.text import escape_markdown
from hostile_data import NOTE_PAGE

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


CODE_SPANS = [
    ("Research and `R&D` budgets", ["R&D"]),
    ("`<script>alert(1)</script>` and `{: onclick=\"alert(1)\" }`", ["<script>alert(1)</script>", '{: onclick="alert(1)" }']),
    ("``a ` b`` and `*not emphasis* [nor a link](javascript:alert(1)) &amp;`", ["a ` b", "*not emphasis* [nor a link](javascript:alert(1)) &amp;"]),
    # The data refuses these line breaks (model.NEW_LINES_PATTERN); were one to come, the <code> stays whole.
    ("`a\r\r    b` and `c\u2028\u2028        d`", ["a      b", "c          d"]),
    ("`  spaced  `", ["spaced"]),  # as Python-Markdown shows a code span
    ("`not code\n\nacross paragraphs`", []),
]


def field_on_a_page(text: str) -> BeautifulSoup:
    """A Markdown field as a page of the site's Markdown shows it (the field's tokens in a paragraph)."""
    page = markdown.markdown(str(markdown_field(text)), extensions=list(PAGE_MARKDOWN_EXTENSIONS))
    return BeautifulSoup(page, "html.parser")


@pytest.mark.parametrize(("text", "codes"), CODE_SPANS)
def test_code_in_a_markdown_field_shows_its_characters_as_written(text, codes):
    soup = field_on_a_page(text)
    assert [code.get_text() for code in soup.find_all("code")] == codes
    assert {element.name for element in soup.find_all(True)} <= {"p", "code"}


def test_a_backtick_in_each_of_two_list_items_leaves_them_two_items():
    assert [item.get_text() for item in field_on_a_page("- a `b\n- c` d").find_all("li")] == ["a `b", "c` d"]


@pytest.mark.parametrize("text", TRICKY + random_texts(400))
def test_a_markdown_field_on_a_page_holds_only_what_the_sanitizer_allows(text):
    # Through the page's own Markdown: what the sanitizer let through, and no element or attribute of raw markup.
    soup = field_on_a_page(text)
    assert {element.name for element in soup.find_all(True)} <= SAFE_TAGS, text
    assert {name for element in soup.find_all(True) for name in element.attrs} <= {"href", "title"}, text
    assert all(a["href"].startswith(("https://", "http://")) for a in soup.find_all("a", href=True)), text


def test_a_token_written_into_a_page_by_hand_carries_no_more_than_a_field_can():
    hostile = '<script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">y</a><img src=x>'
    page = f"Before {{compact-html:{base64.urlsafe_b64encode(hostile.encode()).decode()}}} after"
    html = markdown.markdown(page, extensions=["compact_site.markup"])
    assert html == "<p>Before alert(1)<a>y</a> after</p>"


def test_a_token_in_escaped_text_stays_text():
    text = "{compact-html:PHNjcmlwdD4=}"  # <script>, as a partner's name
    html = markdown.markdown(escape_markdown(text), extensions=["compact_site.markup"])
    assert BeautifulSoup(html, "html.parser").get_text() == text


# Where the templates put a field: alone, continuing a list item's line, in an admonition, in an HTML block that
# Markdown reads (md_in_html), in a table cell. The field's lines after its first are indented as the template
# indents them (Jinja's indent filter).
CONTEXTS = {
    "a paragraph": "{field}",
    "a list item": "- ***[A title](https://x.y/)*** – {field}",
    "an admonition": '!!! note "Editor\'s note"\n\n    {field}',
    "an HTML block read as Markdown": "<div markdown>\n\n{field}\n\n</div>",
    "a table cell": "| a |\n| --- |\n| {field} |",
}
# In its place, this field read as a definition list with a javascript: link before fields went in as HTML.
IN_PLACE = {"hostile": ": [x]\n    [x]: javascript:alert(1)", "safe": "*Some* [words](https://x.y/) and `code`."}


@pytest.mark.parametrize("context", CONTEXTS.values(), ids=CONTEXTS.keys())
@pytest.mark.parametrize("text", IN_PLACE.values(), ids=IN_PLACE.keys())
def test_a_field_in_its_place_on_a_page_is_the_html_the_sanitizer_made(context, text):
    field = str(markdown_field(text))
    indent = "    " if context.startswith(("- ", "!!!")) else ""
    page = markdown.markdown(context.format(field=field.replace("\n", "\n" + indent)), extensions=list(PAGE_MARKDOWN_EXTENSIONS))
    sanitized = sanitized_field(text).html.removeprefix("<p>").removesuffix("</p>")
    assert sanitized in page, page
    assert "javascript:" not in page.replace(sanitized, ""), page


def test_highlighted_words_made_a_link_are_the_field_s_text_not_markup():
    field = markdown_field_linking("Be ***<b>open</b> & fair*** always.", "<b>open</b> & fair", "../principles/open.md")
    page = BeautifulSoup(markdown.markdown(str(field), extensions=list(PAGE_MARKDOWN_EXTENSIONS)), "html.parser")
    assert [(a["href"], a.get_text()) for a in page.find_all("a")] == [("../principles/open.md", "<b>open</b> & fair")]
    assert page.get_text() == "Be <b>open</b> & fair always." and page.find("b") is None


# --- The real build, with hostile data ---------------------------------------------------------------------

def test_a_hostile_note_shows_on_the_built_page_as_the_sanitizer_left_it(hostile_site):
    hostile_page = hostile_site.page(NOTE_PAGE)
    [note] = [element for element in hostile_page.select(".admonition") if "[x]: javascript:alert(1)" in element.get_text()]
    # The one link is the site's own, to the note's entry among all the editor's notes: the field made none.
    assert [a["href"] for a in note.select("a")] == ["../../editors-notes/#is-this-right"] and note.select("dl") == []
    assert not [a for a in hostile_page.select("[href], [src]") if "javascript:" in (a.get("href") or a.get("src")).lower()]
