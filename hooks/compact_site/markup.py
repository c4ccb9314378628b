"""Markdown from the data, as the site prints it and as the site's Markdown reads it.

An editor's Markdown field keeps its Markdown (emphasis, links) and nothing else: no raw HTML, no attribute list,
and no link anywhere but to a web address. What a link is, is decided by Python-Markdown itself, with the site's
extensions: a check of the text's own (regular expressions over the Markdown) missed links that Markdown finds
(a reference defined in a list item or a quotation, a link within another link's address)."""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

import markdown
from markupsafe import Markup

# The site's Markdown extensions, as MkDocs loads them: its own (toc, tables, fenced_code), then mkdocs.yml's
# (tests/test_link_safety.py checks that they agree). Each changes where Markdown finds blocks, and so where it
# finds a link or a link's definition.
SITE_MARKDOWN_EXTENSIONS = ("toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html", "def_list", "pymdownx.superfences")

# A code span in a Markdown field: a run of backticks (not escaped), its text, and a run of as many backticks, on
# one line. Not across lines: the next line may start another block (a list item, a fenced block), and Markdown
# ends a code span with its block. A span that does run across lines is left to Markdown.
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# Within a code span, every character that Markdown or HTML would read as markup, as a character reference.
_CODE_CHARACTERS = str.maketrans({character: f"&#{ord(character)};" for character in "&<>\\`*_{}[]()#+-.!|:~^"})


def markdown_field(value: str) -> Markup:
    """A Markdown field from the data: Markdown is kept, raw HTML and {: attribute lists } are not.

    Code spans are written out as <code> here: within Markdown's own, the escapes that keep raw HTML out would
    show as written ("R&amp;D" for `R&D`), as Markdown prints a code span's text as it is.
    """
    parts = []
    written = 0
    for span in _CODE_SPAN.finditer(value):
        parts += [_without_raw_markup(value[written : span.start()]), f"<code>{_code_text(span[2])}</code>"]
        written = span.end()
    parts.append(_without_raw_markup(value[written:]))
    return Markup("".join(parts))


def _without_raw_markup(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;")


def _code_text(code: str) -> str:
    """A code span's text as Python-Markdown shows it (on one line, without spaces at its ends), every character
    that could be markup written as a reference to it: the <code> element cannot be broken across lines."""
    return " ".join(code.splitlines()).strip().translate(_CODE_CHARACTERS)


class _LinkAddresses(HTMLParser):
    """The address of every link and image in a piece of HTML, as a browser reads it (character references
    resolved)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.addresses += [value or "" for name, value in attrs if name in ("href", "src")]


@functools.cache
def _site_markdown() -> markdown.Markdown:
    """One Markdown reader with the site's extensions, made once: their set-up is most of a conversion's cost."""
    return markdown.Markdown(extensions=list(SITE_MARKDOWN_EXTENSIONS))


def link_addresses(text: str) -> list[str]:
    """The address of every link and image that a Markdown field's text makes on the site, in its order, then of
    every link reference it defines: a page shows several fields, and a link in one may use a definition in another.

    ValueError for a text nested too deeply for Markdown to read (Python's recursion limit).
    """
    if "]" not in text:  # every link, image and definition needs one; most fields have none
        return []
    reader = _site_markdown().reset()
    try:
        html = reader.convert(str(markdown_field(text)))
    except RecursionError:
        raise ValueError("expected text that Markdown can read; its lists or quotations are nested too deeply") from None
    finally:
        # A conversion cut short leaves the reader's block state behind, which reset() does not clear: it would
        # read the next text wrongly, and miss its links. A new reader, then.
        if reader.parser.state:
            _site_markdown.cache_clear()
    found = _LinkAddresses()
    found.feed(html)
    found.close()
    return [*found.addresses, *(address for address, _title in reader.references.values())]
