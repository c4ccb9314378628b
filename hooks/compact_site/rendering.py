"""Render the Compact's pages as Markdown from Jinja templates kept as files in templates/.

Safe by default: every value a template prints is escaped as Markdown text unless it is Markup, and the
only way to make Markup from data is the `markdown` filter, which keeps Markdown but neutralises raw HTML
and attribute lists. So a partner named `<script>` is shown as those characters, never run.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from .compact import Compact
from .model import EditorNote, Objective, Partner, Principle

TEMPLATES = Path(__file__).parent / "templates"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")  # Python-Markdown's escapable characters (| with tables)
_LIST_MARKER = re.compile(r"^(\s*)(\d+)\.|^(\s*)-", re.MULTILINE)


def escape_markdown(value: Any) -> str:
    """Plain text as Markdown that renders exactly those characters."""
    text = html.escape(str(value), quote=False)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LIST_MARKER.sub(lambda m: f"{m[1]}{m[2]}\\." if m[2] else f"{m[3]}\\-", text)


def markdown_field(value: str) -> Markup:
    """A Markdown field from the data: Markdown is kept, raw HTML and {: attribute lists } are not."""
    return Markup(value.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;"))


def href(url: str) -> Markup:
    """A validated web address as a Markdown link destination: brackets and spaces percent-encoded."""
    return Markup(quote(url, safe=":/?#@!$&'*+,;=%~"))


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def gov_date(day: dt.date) -> str:
    """A date in GOV.UK style: 18 September 2016."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"  # not %B: that follows the machine's locale


def _finalize(value: Any) -> Any:
    return value if isinstance(value, Markup) else escape_markdown("" if value is None else value)


def _summary(text: str, limit: int = 160) -> str:
    """The first sentence of a Markdown text, as plain text, cut at a word when it runs long."""
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("*", "")
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", plain.strip(), maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[: sentence.rfind(" ", 0, limit)].rstrip(",;") + "…"


def _link_highlight(principle: Principle, url: str) -> Markup:
    """A highlighted principle's prose, its bold-italic title words made a link to its own page."""
    text = markdown_field(principle.text)
    pattern = re.compile(re.escape(f"***{principle.title}***"), re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"***[{m[0][3:-3]}]({url})***", text, count=1))


@dataclass(frozen=True)
class GeneratedPage:
    """A file made from data: where it goes in the site, its content (Markdown, or HTML for a redirect),
    and the data file behind it."""

    src_uri: str
    content: str
    source: str | None
    in_nav: bool = True


@dataclass(frozen=True)
class PlannedPage:
    """A page the data makes, before it is rendered: enough to know every address the site publishes."""

    src_uri: str
    template: str
    context: dict[str, Any]
    source: str | None  # the data file behind the page; None where several are
    in_nav: bool = True


def page_plan(compact: Compact) -> list[PlannedPage]:
    """Every page the data makes, in a stable order: the indexes, then objectives, principles, partners."""
    partners, principles = "data/partners.yml", "data/principles.yml"
    plan = [
        PlannedPage("partners/index.md", "partners_index.md.j2", {}, partners),
        PlannedPage("principles/index.md", "principles_index.md.j2", {}, principles),
        PlannedPage("sign.md", "sign.md.j2", {}, "data/agreement.yml"),
        PlannedPage("editors-notes.md", "editors_notes.md.j2", {}, "data/notes.yml"),
        # Every section of the Compact in order on one page, for reading in full, printing or a PDF.
        PlannedPage("compact/whole.md", "whole_compact.md.j2", {}, None),
    ]
    for objective in compact.objectives:
        context = {"objective": objective, "principles": compact.principles_of(objective)}
        plan.append(PlannedPage(f"compact/objectives/{objective.slug}.md", "objective.md.j2", context, principles))
    for principle in compact.principles:
        before, after = compact.neighbours(principle)
        objective = compact.objectives_by_number[principle.objective]
        context = {"principle": principle, "objective": objective, "before": before, "after": after}
        plan.append(PlannedPage(f"principles/{principle.slug}.md", "principle.md.j2", context, principles, in_nav=False))
    for partner in compact.partners:
        plan.append(PlannedPage(f"partners/{partner.slug}.md", "partner.md.j2", {"partner": partner}, partners, in_nav=False))
    # The annual report's factual annex, for each year in which the data records anything (linked from governance).
    for year in compact.governance.report_years:
        report = {"report": compact.governance.annual_report(year)}
        plan.append(PlannedPage(f"compact/annual-reports/{year}.md", "annual_report.md.j2", report, "data/meetings.yml", in_nav=False))
    # A page at each former address of a renamed entry sends readers (and search engines) on.
    for folder, entries, source in (("partners", compact.partners, partners), ("principles", compact.principles, principles)):
        for entry in entries:
            title = entry.name if folder == "partners" else entry.title
            target = {"title": title, "relative": f"../{entry.slug}/", "target": f"{folder}/{entry.slug}/"}
            plan += [PlannedPage(f"{folder}/{old}/index.html", "redirect.html.j2", target, source, in_nav=False) for old in entry.former_slugs]
    return plan


class PageError(Exception):
    """A page's Markdown or template could not be rendered; the message names the file and line."""


@dataclass
class SiteRenderer:
    """Renders one build of the site from one validated Compact."""

    compact: Compact
    site_url: str
    docs_dir: Path | None = None  # where the Markdown pages are, for the whole Compact on one page
    # Compiled templates kept between builds (a preview rebuilds on every save); None compiles each time.
    bytecode_cache: jinja2.BytecodeCache | None = None

    def __post_init__(self) -> None:
        self._docs_templates: dict[str, jinja2.Template] = {}  # each page of docs/ compiled once a build
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            bytecode_cache=self.bytecode_cache,
            undefined=jinja2.StrictUndefined,
            finalize=_finalize,
            autoescape=False,  # the output is Markdown: _finalize escapes for Markdown instead of HTML
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(
            markdown=markdown_field,
            summary=_summary,
            html=lambda value: Markup(html.escape(str(value))),
            href=href,
            gov_date=gov_date,
            note_markdown=self.note_markdown,
        )
        self.env.globals.update(
            compact=self.compact,
            site_url=self.site_url.rstrip("/") + "/",
            link_highlight=_link_highlight,
            docs_section=self.docs_section,
            objective_section=self.objective_section,
            status_label=status_label,
        )

    # --- Pages made from data ---------------------------------------------------------------------

    def generated_pages(self) -> list[GeneratedPage]:
        """Every page the data makes, rendered, in a stable order."""
        return [
            GeneratedPage(plan.src_uri, self._render(plan.template, **plan.context), plan.source, plan.in_nav)
            for plan in page_plan(self.compact)
        ]

    def annual_annex(self, year: int) -> str:
        """The factual annex of one year's annual report, as Markdown: what scripts/annual-report prints."""
        return self._render("_annual_annex.md.j2", report=self.compact.governance.annual_report(year))

    def _render(self, template: str, **context: Any) -> str:
        try:
            return self.env.get_template(template).render(**context)
        except jinja2.TemplateError as error:  # a broken template: name it, and the line where known
            line = f":{error.lineno}" if getattr(error, "lineno", None) else ""
            raise PageError(f"hooks/compact_site/templates/{template}{line}: {error}") from error

    # --- Pages written in Markdown by editors -----------------------------------------------------

    def docs_page(self, markdown: str, src_path: str) -> str:
        """Render a Markdown page of docs/ whose text may use the data ({{ compact... }}, editor_note, contact)."""
        used: set[str] = set()

        def editor_note(note_id: str) -> Markup:
            note = self.compact.notes_by_id.get(note_id)
            if note is None:
                raise PageError(f"{src_path}: editor_note({note_id!r}): no note with that id in data/notes.yml")
            used.add(note_id)
            return self.note_markdown(note)

        def contact(key: str) -> Markup:
            found = self.compact.contacts_by_key.get(key)
            if found is None:
                raise PageError(f"{src_path}: contact({key!r}): no contact with that key in data/resolution.yml")
            return Markup(self._render("_contact.md.j2", contact=found))

        try:
            if markdown not in self._docs_templates:  # the whole Compact renders each section page as well
                self._docs_templates[markdown] = self.env.from_string(markdown)
            rendered = self._docs_templates[markdown].render(editor_note=editor_note, contact=contact)
        except jinja2.TemplateSyntaxError as error:
            raise PageError(f"{src_path}:{error.lineno}: {error.message}") from error
        except jinja2.UndefinedError as error:
            raise PageError(f"{src_path}: {error.message}") from error
        for note_id in sorted(used):
            quote = self.compact.notes_by_id[note_id].quote
            if quote not in rendered:
                raise PageError(f"{src_path}: editor_note({note_id!r}) is about {quote!r}, which the page does not contain")
        return rendered

    # --- Sections of the whole Compact -------------------------------------------------------------

    def docs_section(self, src_uri: str, *, levels: int = 1) -> Markup:
        """A Markdown page of docs/ (beside compact/whole.md), rendered, its headings moved down."""
        if self.docs_dir is None:
            raise PageError(f"docs/{src_uri}: the whole Compact needs the folder of Markdown pages")
        text = _FRONT_MATTER.sub("", (self.docs_dir / src_uri).read_text(encoding="utf-8"))
        return Markup(demote_headings(self.docs_page(text, f"docs/{src_uri}"), levels))

    def objective_section(self, objective: Objective, *, levels: int = 2) -> Markup:
        """An objective and its principles as on its own page, with links from the compact/ folder."""
        principles = self.compact.principles_of(objective)
        markdown = self._render("objective.md.j2", objective=objective, principles=principles, root="../")
        return Markup(demote_headings(_FRONT_MATTER.sub("", markdown), levels))

    def note_markdown(self, note: EditorNote) -> Markup:
        """An open note as an admonition; a resolved note as nothing."""
        return Markup(self._render("editor_note.md.j2", note=note))


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})(?=\s)", re.MULTILINE)


def demote_headings(markdown: str, levels: int) -> str:
    """Move every ATX heading down `levels` levels (to h6 at most), to nest a page inside another.

    Only for pages without fenced code: a '#' at the start of a line in a code block would move too.
    """
    return _HEADING.sub(lambda match: "#" * min(6, len(match[1]) + levels), markdown)


def status_label(partner: Partner) -> str:
    """A partner's status in words."""
    return {
        "named": "Named as a partner in the Compact; not yet recorded as signed",
        "signed": "Signed the Compact",
        "withdrawn": "Withdrawn from the Compact",
    }[partner.status]
