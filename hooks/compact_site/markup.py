"""Markdown from the data: converted alone with the site's Markdown, cleaned by an allow-list sanitizer, and put
into a page as HTML that the page's Markdown leaves alone.

An editor's Markdown field keeps its Markdown (emphasis, links, lists) and nothing else. Raw HTML in it shows as
the characters written. What reaches the reader is what the sanitizer (nh3, the Ammonia library) allows: the tags of
SAFE_TAGS, and links only to http(s) addresses. The data check runs the same conversion and sanitizer
(sanitized_field), and refuses a field from which the sanitizer removed anything, naming what it removed.

A field is converted alone, not in its place on a page: there Markdown could read it differently (as a list
item's first line, after an admonition's title, after another field's unclosed fence, with another field's link
definitions). The page carries it as a token ({compact-html:...}, the field's sanitized HTML in base64) that the
Markdown extension below turns into raw HTML, sanitized once more as it is put in: a token that reached a page
some other way can carry no more than a field can.
"""

from __future__ import annotations

import base64
import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown
import nh3
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markupsafe import Markup

# The site's Markdown extensions, as MkDocs loads them: its own (toc, tables, fenced_code), then mkdocs.yml's
# (tests/test_link_safety.py checks that they agree). A field reads as it would on a page of its own.
SITE_MARKDOWN_EXTENSIONS = ("toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html", "def_list", "pymdownx.superfences")
# A page as the site converts it: the same, and this module's extension, which puts each sanitized field in place.
PAGE_MARKDOWN_EXTENSIONS = (*SITE_MARKDOWN_EXTENSIONS, "compact_site.markup")

# What Markdown makes of prose that a field may show: paragraphs, emphasis, links, lists, quotations and code.
SAFE_TAGS = frozenset({"p", "br", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote"})
WEB_SCHEMES = frozenset({"https", "http"})
_SANITIZER = nh3.Cleaner(
    tags=set(SAFE_TAGS),
    clean_content_tags=set(),
    attributes={"a": {"href", "title"}},
    url_schemes=set(WEB_SCHEMES),
    url_relative="deny",  # a field's link goes to another site; the site's own pages link by the templates
    link_rel=None,
    strip_comments=True,
)
_TEXT_ONLY = nh3.Cleaner(tags=set(), clean_content_tags=set(), attributes={}, link_rel=None)  # for descriptions
# Python-Markdown's own placeholders for the HTML it keeps aside are these characters around a number: none may come
# from a field (the data refuses control characters), nor from a token.
_PLACEHOLDER_CHARACTERS = str.maketrans("", "", "\x02\x03")

# A code span in a Markdown field: a run of backticks (not escaped), its text, and a run of as many backticks, on
# one line. Not across lines: the next line may start another block (a list item, a fenced block), and Markdown
# ends a code span with its block. A span that does run across lines is left to Markdown.
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# Within a code span, every character that Markdown or HTML would read as markup, as a character reference.
_CODE_CHARACTERS = str.maketrans({character: f"&#{ord(character)};" for character in "&<>\\`*_{}[]()#+-.!|:~^"})


def _field_markdown(value: str) -> str:
    """A field's text as the Markdown that is converted: raw HTML and {: attribute lists } escaped, to show as
    written; code spans written out as <code> (within Markdown's own, those escapes would show: "R&amp;D")."""
    parts = []
    written = 0
    for span in _CODE_SPAN.finditer(value):
        parts += [_without_raw_markup(value[written : span.start()]), f"<code>{_code_text(span[2])}</code>"]
        written = span.end()
    parts.append(_without_raw_markup(value[written:]))
    return "".join(parts)


def _without_raw_markup(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;")


def _code_text(code: str) -> str:
    """A code span's text as Python-Markdown shows it (on one line, without spaces at its ends), every character
    that could be markup written as a reference to it: the <code> element cannot be broken across lines."""
    return " ".join(code.splitlines()).strip().translate(_CODE_CHARACTERS)


@functools.cache
def _field_reader() -> markdown.Markdown:
    """One Markdown reader with the site's extensions, made once: their set-up is most of a conversion's cost."""
    return markdown.Markdown(extensions=list(SITE_MARKDOWN_EXTENSIONS))


def _converted(text: str) -> str:
    """A field's HTML as the site's Markdown makes it, before the sanitizer.

    ValueError for a text nested too deeply for Markdown to read (Python's recursion limit).
    """
    reader = _field_reader().reset()
    try:
        return reader.convert(_field_markdown(text))
    except RecursionError:
        raise ValueError("expected text that Markdown can read; its lists or quotations are nested too deeply") from None
    finally:
        # A conversion cut short leaves the reader's block state behind, which reset() does not clear: it would
        # read the next text wrongly. A new reader, then.
        if reader.parser.state:
            _field_reader.cache_clear()


def sanitize(html: str) -> str:
    """HTML with only the tags of SAFE_TAGS, and links only to http(s) addresses."""
    return _SANITIZER.clean(html.translate(_PLACEHOLDER_CHARACTERS))


class _Made(HTMLParser):
    """The elements and link addresses that Markdown made of a field (to name what the sanitizer removed)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.addresses += [value or "" for name, value in attrs if name in ("href", "src")]


@dataclass(frozen=True)
class SanitizedField:
    """A field's HTML as the reader gets it, and what the sanitizer removed from what Markdown made of it."""

    html: str
    removed: tuple[str, ...]


def sanitized_field(text: str) -> SanitizedField:
    """A Markdown field converted and sanitized, with a description of each thing the sanitizer removed (a link
    elsewhere than a web address, an element the site does not show): the data check refuses a field with any."""
    made_html = _converted(text)
    html = sanitize(made_html)
    if html == made_html:
        return SanitizedField(html, ())
    made, kept = _Made(), _Made()
    made.feed(made_html)
    kept.feed(html)
    removed = [f"expected an address starting https:// or http://; got {address!r}" for address in made.addresses if address not in kept.addresses]
    elements = ", ".join(f"<{tag}>" for tag in dict.fromkeys(made.tags) if tag not in SAFE_TAGS)
    if elements:
        removed.append(f"expected Markdown's paragraphs, emphasis, links, lists, quotations and code only; Markdown made {elements} of it")
    return SanitizedField(html, tuple(removed))


# --- Fields in the pages --------------------------------------------------------------------------------------

_TOKEN = re.compile(r"(?<!\\)\{compact-html:([A-Za-z0-9_=-]*)\}")


def _token(html: str) -> str:
    """HTML as a token for a page's Markdown; nothing for no HTML."""
    return "{compact-html:" + base64.urlsafe_b64encode(html.encode("utf-8")).decode("ascii") + "}" if html else ""


def _split_first_paragraph(html: str) -> tuple[str, str]:
    """A field's HTML as its first paragraph's content (which continues the line the template put it on, as
    Markdown would read it there) and the blocks after it."""
    if not html.startswith("<p>"):
        return "", html
    first, _, rest = html[3:].partition("</p>")  # a <p> holds no <p>, and text cannot hold "</p>"
    return first, rest.lstrip("\n")


def _as_tokens(first: str, rest: str) -> Markup:
    """The first paragraph's content where the template puts the field, the other blocks as a paragraph after
    it: a paragraph that is one token becomes those blocks (Python-Markdown's handling of raw HTML)."""
    return Markup("\n\n".join(part for part in (first, _token(rest)) if part))


def markdown_field(value: str) -> Markup:
    """A Markdown field from the data, for a generated Markdown page: its sanitized HTML, as tokens."""
    first, rest = _split_first_paragraph(sanitized_field(value).html)
    return _as_tokens(_token(first), rest)


def markdown_field_linking(value: str, words: str, url: str) -> Markup:
    """A Markdown field whose first paragraph's first `***words***` (compared without case) becomes a link to
    url, written as Markdown so that the site's engine resolves the address (it does not read raw HTML's)."""
    marker = "compactlinkedwords"
    while marker in value:
        marker += "x"
    found = re.search(re.escape(f"***{words}***"), value, re.IGNORECASE)
    if found is None:
        return markdown_field(value)
    first, rest = _split_first_paragraph(sanitized_field(value[: found.start()] + marker + value[found.end() :]).html)
    before, inside, after = first.partition(marker)
    if not inside:  # the words are not in the first paragraph: no link
        return markdown_field(value)
    link = f"***[{_field_markdown(found[0][3:-3])}]({url})***"  # the words escaped as the field's text is
    return _as_tokens(f"{_token(before)}{link}{_token(after)}", rest)


def fields_as_text(markdown_page: str) -> str:
    """A generated page's Markdown with each field's token replaced by the field's text (its HTML without tags,
    character references kept): what a page's description is read from."""
    return _TOKEN.sub(lambda token: _TEXT_ONLY.clean(_decoded(token[1])), markdown_page)


def _decoded(token_text: str) -> str:
    """A token's HTML; nothing for a token that is not base64 of UTF-8."""
    try:
        return base64.urlsafe_b64decode(token_text).decode("utf-8")
    except ValueError:
        return ""


class _FieldHtml(InlineProcessor):
    """A token in a page: its HTML, sanitized again, kept aside as raw HTML that the page's Markdown leaves alone."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:  # type: ignore[override]
        return self.md.htmlStash.store(sanitize(_decoded(m[1]))), m.start(0), m.end(0)


class FieldHtmlExtension(Extension):
    """The Markdown extension that puts the data's fields into pages (mkdocs.yml lists it)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Before every other inline pattern (backslash escapes are 180), so none reads the token's text.
        md.inlinePatterns.register(_FieldHtml(_TOKEN.pattern, md), "compact_field_html", 200)


def makeExtension(**kwargs: object) -> FieldHtmlExtension:  # noqa: N802 (Python-Markdown's name)
    """Python-Markdown loads an extension named by its module through this function."""
    return FieldHtmlExtension(**kwargs)
