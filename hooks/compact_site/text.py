"""Text helpers: plain text as Markdown, dates and counts in words, and summaries of Markdown as plain text."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from .markup import fields_as_text

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")  # Python-Markdown's escapable characters (| with tables)
_LIST_MARKER = re.compile(r"^(\s*)(\d+)\.|^(\s*)-", re.MULTILINE)


def escape_markdown(value: Any) -> str:
    """Plain text as Markdown that renders exactly those characters."""
    text = html.escape(str(value), quote=False)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LIST_MARKER.sub(lambda m: f"{m[1]}{m[2]}\\." if m[2] else f"{m[3]}\\-", text)


def href(url: str) -> Markup:
    """A validated web address as a Markdown link destination: brackets and spaces percent-encoded."""
    return Markup(quote(url, safe=":/?#@!$&'*+,;=%~"))


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def gov_date(day: dt.date) -> str:
    """A date in GOV.UK style: 18 September 2016."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"  # not %B: that follows the machine's locale


def counted(count: int, noun: str) -> str:
    """A number with its noun, one or many: '1 partner', '23 partners', '0 meetings'."""
    return f"{count} {noun if count == 1 else noun + 's'}"


def plain_text(markdown: str) -> str:
    """A Markdown text as the words a reader sees: no link targets, emphasis, escapes or attribute lists."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\{:?\s*[.#][^}]*\}", "", text).replace("*", "")
    text = re.sub(r"(?<!\w)(__?)(?=\S)(.+?)(?<=\S)\1(?!\w)", r"\2", text)  # _emphasis_ and __strong__
    text = re.sub(r"\\(.)", r"\1", text)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


# Where a clause or a phrase ends: before a comma, semicolon, colon or dash, or before a word that starts another
# (a conjunction, a relative pronoun, "to" of purpose).
_CLAUSE_END = re.compile(
    r"[,;:–—](?=\s)|\s[-–—]\s|\s(?=(?:and|or|but|that|which|who|where|when|while|whilst|so|because|to|through|as well as)\s)"
)

# Words a phrase does not end with: cutting after one leaves the phrase open ("in order…", "particularly…").
_NEVER_LAST = {"a", "an", "the", "of", "in", "on", "at", "by", "for", "with", "to", "from", "order", "particularly", "especially", "&"}


def summary(text: str, limit: int = 160) -> str:
    """The first sentence of a Markdown text, as plain text; when that runs over `limit`, cut at the last clause
    boundary within it (see _CLAUSE_END), so that a summary never stops mid-phrase; an ellipsis says it goes on."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", plain_text(text), maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    ends = [match.start() for match in _CLAUSE_END.finditer(sentence, 0, limit) if match.start() >= limit // 3]
    ends = [end for end in ends if sentence[:end].rsplit(None, 1)[-1].lower() not in _NEVER_LAST]
    if ends:
        return sentence[: ends[-1]].rstrip() + "…"
    cut = sentence.rfind(" ", 0, limit)  # a sentence without a clause boundary early enough: cut at a word
    return sentence[: cut if cut > 0 else limit - 1].rstrip(",;:") + "…"


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def without_front_matter(markdown: str) -> str:
    """A Markdown page without its YAML front matter."""
    return _FRONT_MATTER.sub("", markdown)

_HEADING = re.compile(r"^(#{1,6})(?=\s)", re.MULTILINE)


def demote_headings(markdown: str, levels: int) -> str:
    """Move every ATX heading down `levels` levels (to h6 at most), to nest a page inside another.

    Only for pages without fenced code: a '#' at the start of a line in a code block would move too.
    """
    return _HEADING.sub(lambda match: "#" * min(6, len(match[1]) + levels), markdown)


_PROSE_START = re.compile(r"^[\w\[*_\"'‘“(]")


def first_paragraph(markdown: str) -> str | None:
    """The first paragraph of prose in a Markdown page (not a heading, list, table, note or HTML), as text."""
    body = without_front_matter(fields_as_text(markdown))
    for block in re.split(r"\n\s*\n", body):
        block = block.strip()
        if block and _PROSE_START.match(block) and not re.match(r"^(\d+\.|[-*+] )", block):
            text = plain_text(block)
            if text:
                return summary(block)
    return None
