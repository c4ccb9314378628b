"""The Compact's own words, set apart from the site's and numbered for citing.

Every element that holds the Compact's text carries the class `compact-text`. A block of it that belongs to a
section of the Compact (`data-compact-section`, a number from `section_numbers`) has each of its paragraphs and
list items numbered "section.position" (6.3), with that number as its id and as a link to itself, so that a
council report can cite it. The numbers come from the order of the data (the Compact's sections, then the place
of each paragraph within its section), never from the words: correcting a word never changes a number.

The numbering runs over the rendered HTML of a page (`number_paragraphs`); the pages that show a paragraph of a
section show all of the section's paragraphs before it, in the same order (the section's own page, and the whole
Compact), so that a paragraph has the same number wherever it stands. A principle's page shows one paragraph out
of its objective's section: it names that paragraph's number from the data (`principle_paragraph`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import jinja2
from markupsafe import Markup, escape

from .compact import Compact
from .model import Objective, Principle

# The sections of the Compact, in its order. An objective's section is "objective-<its number>".
SECTIONS_BEFORE_OBJECTIVES = ("vision", "what-is", "partners", "policy-context", "objectives")
SECTIONS_AFTER_OBJECTIVES = ("governance", "resolving-difficulties", "agreement", "signatories")

TEXT_LABEL = "The Compact's text"


def section_keys(compact: Compact) -> list[str]:
    """Every section of the Compact, in order: its keys."""
    objectives = [f"objective-{objective.number}" for objective in compact.objectives]
    return [*SECTIONS_BEFORE_OBJECTIVES, *objectives, *SECTIONS_AFTER_OBJECTIVES]


def section_numbers(compact: Compact) -> dict[str, int]:
    """Each section's number, counted from 1 in the Compact's order."""
    return {key: number for number, key in enumerate(section_keys(compact), start=1)}


def text_start(number: int | None = None) -> Markup:
    """The start of a block of the Compact's text (Markdown within it is read as Markdown): numbered for citing
    when it is a section's text in full, from its start, not when it is a part quoted elsewhere."""
    section = f' data-compact-section="{number}"' if number is not None else ""
    return Markup(f'\n<div class="compact-text"{section} role="group" aria-label="{TEXT_LABEL}" markdown>\n\n')


def text_end() -> Markup:
    """The end of a block of the Compact's text."""
    return Markup("\n\n</div>\n")


def _paragraph_count(markdown: str) -> int:
    """How many blocks (paragraphs) a Markdown text of prose makes."""
    return len([block for block in re.split(r"\n\s*\n", markdown.strip()) if block.strip()])


def principle_paragraph(compact: Compact, principle: Principle) -> str:
    """The number of the paragraph (or list item) that holds a principle on its objective's page: the introduction's
    paragraphs come first, then each principle, a listed one a single item, a highlighted one its paragraphs."""
    objective: Objective = compact.objectives_by_number[principle.objective]
    position = _paragraph_count(objective.introduction)
    for earlier in compact.principles_of(objective):
        if earlier is principle:
            return f"{section_numbers(compact)[f'objective-{objective.number}']}.{position + 1}"
        position += 1 if earlier.presentation == "listed" else _paragraph_count(earlier.text)
    raise ValueError(f"principle {principle.slug!r} is not under objective {objective.number}")


# --- Numbering the rendered HTML -------------------------------------------------------------------------

_UNITS = {"p", "li"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_UNNUMBERED = "compact-form"  # a form's labels within the text (the Agreement's) are not paragraphs


class _Numberer(HTMLParser):
    """Finds, in document order, where each paragraph and list item of a numbered block of the text starts."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.stack: list[tuple[str, int | None, bool, bool]] = []  # (tag, section, in a unit, unnumbered)
        self.counters: dict[int, int] = {}
        self.found: list[tuple[int, int, str]] = []  # (offset of the start tag, its length, the number)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        section, in_unit, unnumbered = self.stack[-1][1:] if self.stack else (None, False, False)
        classes = (values.get("class") or "").split()
        if "compact-text" in classes and (values.get("data-compact-section") or "").isdigit():
            section = int(values["data-compact-section"])
        unnumbered = unnumbered or _UNNUMBERED in classes
        if tag in _UNITS and section is not None and not in_unit and not unnumbered and "id" not in values:
            self.counters[section] = self.counters.get(section, 0) + 1
            line, column = self.getpos()
            start_tag = self.get_starttag_text() or ""
            self.found.append((self.line_starts[line - 1] + column, len(start_tag), f"{section}.{self.counters[section]}"))
            in_unit = True
        if tag not in _VOID:
            self.stack.append((tag, section, in_unit, unnumbered))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):  # close up to the matching start tag
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break


def cite_link(number: str) -> str:
    """A paragraph's number as a link to itself: what a reader cites, and copies the address of."""
    return f'<a class="compact-cite" href="#{number}"><span class="compact-visually-hidden">Paragraph </span>{number}</a> '


def number_paragraphs(html: str) -> str:
    """The page's HTML with every paragraph and list item of each numbered block of the Compact's text given its
    number: as its id, and as a link to it at its start."""
    if "data-compact-section" not in html:  # most pages (every partner's) hold none: no parse
        return html
    numberer = _Numberer(html)
    numberer.feed(html)
    numberer.close()
    parts, written = [], 0
    for offset, length, number in numberer.found:
        tag_end = offset + length
        name_end = offset + 1 + len(re.match(r"<(\w+)", html[offset:])[1])
        parts += [html[written:name_end], f' id="{escape(number)}"', html[name_end:tag_end], cite_link(number)]
        written = tag_end
    parts.append(html[written:])
    return "".join(parts)


def template_globals(compact: Compact) -> dict[str, object]:
    """What the page templates use to mark the Compact's text: `text_start("policy-context")` ... `text_end()`."""
    numbers = section_numbers(compact)

    def start(key: str | None = None) -> Markup:
        if key is None:
            return text_start()
        if key not in numbers:
            raise jinja2.TemplateRuntimeError(f"text_start({key!r}): the Compact has no such section; its sections are {', '.join(numbers)}")
        return text_start(numbers[key])

    return {
        "text_start": start,
        "text_end": text_end,
        "principle_paragraph": lambda principle: principle_paragraph(compact, principle),
    }
