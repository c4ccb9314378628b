"""Render the Compact's pages as Markdown from Jinja templates kept as files in templates/.

Safe by default: every value a template prints is escaped as Markdown text unless it is Markup, and the
only way to make Markup from data is the `markdown` filter, which keeps Markdown but neutralises raw HTML
and attribute lists. So a partner named `<script>` is shown as those characters, never run.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from . import opendata
from .badges import badge_layout, partner_claim
from .changelog import PARTNER_CHANGES, ChangeEntry
from .compact import Compact, status_label
from .history import History, LastChanged, latest
from .markup import markdown_field
from .model import EditorNote, Objective, Principle
from . import paragraphs, reading
from .xmlrender import xml_environment

TEMPLATES = Path(__file__).parent / "templates"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")  # Python-Markdown's escapable characters (| with tables)
_LIST_MARKER = re.compile(r"^(\s*)(\d+)\.|^(\s*)-", re.MULTILINE)


# Text with none of what escape_markdown changes (most names and dates): returned as it is, a regex search cheaper
# than the escaping itself, which runs on every value of thousands of partner pages.
_NOTHING_TO_ESCAPE = re.compile(r"[^\\`*_{}\[\]()#+!|&<>\n]*")


def escape_markdown(value: Any) -> str:
    """Plain text as Markdown that renders exactly those characters."""
    text = str(value)
    if _NOTHING_TO_ESCAPE.fullmatch(text) and not _LIST_MARKER.match(text):
        return text
    text = html.escape(text, quote=False)
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


def _finalize(value: Any) -> Any:
    return value if isinstance(value, Markup) else escape_markdown("" if value is None else value)


def plain_text(markdown: str) -> str:
    """A Markdown text as the words a reader sees: no link targets, emphasis, escapes or attribute lists."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\{:?\s*[.#][^}]*\}", "", text).replace("*", "")
    text = re.sub(r"(?<!\w)(__?)(?=\S)(.+?)(?<=\S)\1(?!\w)", r"\2", text)  # _emphasis_ and __strong__
    text = re.sub(r"\\(.)", r"\1", text)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def _summary(text: str, limit: int = 160) -> str:
    """The first sentence of a Markdown text, as plain text, cut at a clause when it runs long."""
    return reading.clause_summary(plain_text(text), limit)


def _link_highlight(principle: Principle, url: str) -> Markup:
    """A highlighted principle's prose, its bold-italic title words made a link to its own page."""
    text = markdown_field(principle.text)
    pattern = re.compile(re.escape(f"***{markdown_field(principle.title)}***"), re.IGNORECASE)  # escaped as the text
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
class GeneratedFile:
    """A file the data makes that is not a page (JSON, CSV, SVG, Atom, robots.txt): where it goes, its text."""

    src_uri: str
    content: str


# What a page's date is taken from: a file, a folder (ending in "/"), or one entry (file, list, slug).
DateSource = str | tuple[str, str, str]


@dataclass(frozen=True)
class PlannedPage:
    """A page the data makes, before it is rendered: enough to know every address the site publishes."""

    src_uri: str
    template: str
    context: dict[str, Any]
    source: str | None  # the data file behind the page; None where several are
    in_nav: bool = True
    dated_by: tuple[DateSource, ...] = ()  # default: the source file
    description: str | None = None  # for link previews; default: the page's first paragraph


def page_plan(compact: Compact) -> list[PlannedPage]:
    """Every page the data makes, in a stable order: the indexes, then objectives, principles, partners, annual
    reports, and the redirects from former addresses."""
    partners, principles = "data/partners.yml", "data/principles.yml"
    whole = ("docs/compact/", principles, "data/document.yml", "data/agreement.yml", "data/notes.yml")
    plan = [
        PlannedPage("partners/index.md", "partners_index.md.j2", {}, partners),
        PlannedPage("principles/index.md", "principles_index.md.j2", {}, principles),
        PlannedPage("sign.md", "sign.md.j2", {}, "data/agreement.yml"),
        # For readers who follow a note, and for editors: out of the main menu, linked from every note.
        PlannedPage("editors-notes.md", "editors_notes.md.j2", {}, "data/notes.yml", in_nav=False),
        # Every section of the Compact in order on one page, for reading in full, printing or a PDF.
        PlannedPage("compact/whole.md", "whole_compact.md.j2", {}, None, dated_by=whole),
        PlannedPage("whats-new.md", "whats_new.md.j2", {}, "data/changelog.yml"),
        # The page's words are the template's; the licence and the example come from the data.
        PlannedPage("reuse.md", "reuse.md.j2", {}, None, dated_by=("hooks/compact_site/templates/reuse.md.j2", "data/document.yml")),
    ]
    for objective in compact.objectives:
        context = {"objective": objective, "principles": compact.principles_of(objective)}
        dated_by = ((principles, "objectives", objective.slug), *((principles, "principles", p.slug) for p in context["principles"]))
        summary = _summary(objective.introduction)
        plan.append(PlannedPage(f"compact/objectives/{objective.slug}.md", "objective.md.j2", context, principles, dated_by=dated_by, description=summary))
    for principle in compact.principles:
        before, after = compact.neighbours(principle)
        objective = compact.objectives_by_number[principle.objective]
        context = {"principle": principle, "objective": objective, "before": before, "after": after}
        dated_by = ((principles, "principles", principle.slug),)
        summary = _summary(principle.text)
        plan.append(PlannedPage(f"principles/{principle.slug}.md", "principle.md.j2", context, principles, False, dated_by, summary))
    for partner in compact.partners:
        dated_by = ((partners, "partners", partner.slug),)
        description = f"{partner.name}: {partner_claim(partner, compact.document)}. {status_label(partner)}."
        plan.append(PlannedPage(f"partners/{partner.slug}.md", "partner.md.j2", {"partner": partner}, partners, False, dated_by, description))
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


def change_title(compact: Compact, entry: ChangeEntry) -> str:
    """A changelog entry's title: a partner's change in its own name, or what a correction corrected."""
    if entry.partner is not None:
        return f"{compact.partners_by_slug[entry.partner].name} {PARTNER_CHANGES[entry.kind]}"
    return entry.title or ""


def _atom_time(moment: dt.datetime | dt.date) -> str:
    """A moment as Atom (RFC 3339) wants it, in UTC; a day is its midnight in UTC."""
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time(), dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


_PROSE_START = re.compile(r"^[\w\[*_\"'‘“(]")


def first_paragraph(markdown: str) -> str | None:
    """The first paragraph of prose in a Markdown page (not a heading, list, table, note or HTML), as text."""
    body = _FRONT_MATTER.sub("", markdown)
    for block in re.split(r"\n\s*\n", body):
        block = block.strip()
        if block and _PROSE_START.match(block) and not re.match(r"^(\d+\.|[-*+] )", block):
            text = plain_text(block)
            if text:
                return _summary(block)
    return None


class PageError(Exception):
    """A page's Markdown or template could not be rendered; the message names the file and line."""


@dataclass
class SiteRenderer:
    """Renders one build of the site from one validated Compact."""

    compact: Compact
    site_url: str
    docs_dir: Path | None = None  # where the Markdown pages are, for the whole Compact on one page
    history: History = field(default_factory=History)  # when each source last changed (none known by default)
    # Compiled templates kept between builds (a preview rebuilds on every save); None compiles each time.
    bytecode_cache: jinja2.BytecodeCache | None = None

    def __post_init__(self) -> None:
        self.site_url = self.site_url.rstrip("/") + "/"
        self.dated_by: dict[str, tuple[DateSource, ...]] = {}  # generated pages' date sources, by src_uri
        self.descriptions: dict[str, str] = {}  # generated pages' own descriptions, by src_uri
        self._docs_templates: dict[str, jinja2.Template] = {}  # each page of docs/ compiled once a build
        self.xml_env = xml_environment()
        # For the few HTML fragments of the theme's <head> and page footer: escaped for HTML, not Markdown.
        self.html_env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            bytecode_cache=self.bytecode_cache,
            undefined=jinja2.StrictUndefined,
            autoescape=True,
            auto_reload=False,  # as below
        )
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            bytecode_cache=self.bytecode_cache,
            undefined=jinja2.StrictUndefined,
            finalize=_finalize,
            autoescape=False,  # the output is Markdown: _finalize escapes for Markdown instead of HTML
            keep_trailing_newline=True,
            auto_reload=False,  # one environment a build: no need to look at each template's file on every page
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(
            markdown=markdown_field,
            summary=_summary,
            html=lambda value: Markup(html.escape(str(value))),
            href=href,
            gov_date=gov_date,
            counted=counted,
            note_markdown=self.note_markdown,
        )
        self.env.globals.update(
            compact=self.compact,
            site_url=self.site_url,
            link_highlight=_link_highlight,
            partner_claim=lambda partner: partner_claim(partner, self.compact.document),
            badge=lambda partner: badge_layout(partner, self.compact.document),
            change_title=lambda entry: change_title(self.compact, entry),
            opendata=opendata,
            example_partner=self.example_partner,
            docs_section=self.docs_section,
            objective_section=self.objective_section,
            status_label=status_label,
        )
        self.env.globals.update(paragraphs.template_globals(self.compact))  # marking and numbering the Compact's own text
        self.env.globals.update(reading.template_globals(self.compact))  # sparse records, contacts as links

    # --- Pages made from data ---------------------------------------------------------------------

    def generated_pages(self) -> list[GeneratedPage]:
        """Every page the data makes, rendered, in a stable order."""
        pages = []
        for plan in page_plan(self.compact):
            self.dated_by[plan.src_uri] = plan.dated_by or ((plan.source,) if plan.source else ())
            if plan.description:
                self.descriptions[plan.src_uri] = plan.description
            pages.append(GeneratedPage(plan.src_uri, self._render(plan.template, **plan.context), plan.source, plan.in_nav))
        return pages

    # --- Files made from data: open data, badges, the feed ----------------------------------------

    def generated_files(self) -> list[GeneratedFile]:
        """Every file the data makes that is not a page, in a stable order."""
        records = [opendata.partner_record(self.compact, partner, self.site_url) for partner in self.compact.partners]
        files = [
            GeneratedFile("api/partners.json", opendata.partners_json(records, self.compact)),
            GeneratedFile("api/principles.json", opendata.principles_json(self.compact, self.site_url)),
            GeneratedFile("partners.csv", opendata.partners_csv(records)),
            GeneratedFile("feed.xml", self.atom_feed()),
            GeneratedFile("robots.txt", self.env.get_template("robots.txt.j2").render()),
        ]
        badge = self.xml_env.get_template("badge.svg.j2")
        for partner in self.compact.partners:
            svg = badge.render(badge=badge_layout(partner, self.compact.document))
            # A badge embedded elsewhere keeps working after a rename, as the page's old address does.
            files += [GeneratedFile(f"partners/{slug}/badge.svg", svg) for slug in (partner.slug, *partner.former_slugs)]
        return files

    def atom_feed(self) -> str:
        """/feed.xml: the changelog as Atom, dated by the last commit (or the newest entry without git)."""
        page = f"{self.site_url}whats-new/"
        items = [
            {
                "id": f"{page}#{entry.id}",
                "title": change_title(self.compact, entry),
                "link": f"{self.site_url}partners/{entry.partner}/" if entry.partner else f"{page}#{entry.id}",
                "updated": _atom_time(entry.changed_on),
                "kind": entry.kind,
                "summary": plain_text(entry.summary) if entry.summary else None,
            }
            for entry in self.compact.changes
        ]
        if self.history.last_commit is not None:
            updated = _atom_time(self.history.last_commit)
        else:  # Atom needs a date: never the build's time, which would change the file at every build
            updated = _atom_time(self.compact.changes[0].changed_on if self.compact.changes else dt.date(1970, 1, 1))
        return self.xml_env.get_template("feed.xml.j2").render(
            title=self.compact.document.full_title,
            site_url=self.site_url,
            page_url=page,
            feed_url=f"{self.site_url}feed.xml",
            updated=updated,
            licence=self.compact.document.licence,
            items=items,
        )

    def example_partner(self) -> str:
        """The first partner's record in /api/partners.json, as the "Reuse this data" page shows it."""
        record = opendata.partner_record(self.compact, self.compact.partners[0], self.site_url)
        return json.dumps(record, ensure_ascii=False, indent=2)

    # --- What every page says of itself: its date, its description, its link preview ----------------

    def last_changed(self, src_uri: str) -> LastChanged:
        """When a page's source last changed: a generated page's data (entries), or a Markdown page's file."""
        sources = self.dated_by.get(src_uri, (f"docs/{src_uri}",))
        return latest(self.history.entry(*source) if isinstance(source, tuple) else self.history.file(source) for source in sources)

    def page_meta(self, src_uri: str, url: str, *, title: str, markdown: str, description: str | None, fallback: str) -> dict[str, str]:
        """A page's description, link preview tags and date line, as HTML for the theme to print as it is."""
        description = description or self.descriptions.get(src_uri) or first_paragraph(markdown) or fallback
        changed = self.last_changed(src_uri)
        context = {
            "title": reading.preview_title(title),
            "description": description,
            "url": f"{self.site_url}{url}",
            "site_name": self.compact.document.full_title,
            "site_url": self.site_url,
            "changed": changed,
            "changed_on": gov_date(changed.day) if changed.day else "",
        }
        return {
            "description": html.escape(description),  # the theme prints it unescaped
            "compact_preview": self.html_env.get_template("_link_preview.html.j2").render(context),
            "compact_last_changed": self.html_env.get_template("_last_changed.html.j2").render(context),
            "compact_changed_on": changed.day.isoformat() if changed.day else "",
        }

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

    def docs_page(self, markdown: str, src_path: str, *, in_whole_compact: bool = False) -> str:
        """Render a Markdown page of docs/ whose text may use the data ({{ compact... }}, editor_note, contact).
        Within the whole Compact (in_whole_compact), a page leaves out what it adds to the Compact's words."""
        used: set[str] = set()
        root = "../" * (src_path.count("/") - 1)  # from the page's folder to docs/

        def editor_note(note_id: str) -> Markup:
            note = self.compact.notes_by_id.get(note_id)
            if note is None:
                raise PageError(f"{src_path}: editor_note({note_id!r}): no note with that id in data/notes.yml")
            used.add(note_id)
            return self.note_markdown(note, root)

        def contact(key: str) -> Markup:
            found = self.compact.contacts_by_key.get(key)
            if found is None:
                raise PageError(f"{src_path}: contact({key!r}): no contact with that key in data/resolution.yml")
            return Markup(self._render("_contact.md.j2", contact=found))

        try:
            if markdown not in self._docs_templates:  # the whole Compact renders each section page as well
                self._docs_templates[markdown] = _TextLoader(markdown).load(self.env, src_path, self.env.make_globals(None))
            rendered = self._docs_templates[markdown].render(editor_note=editor_note, contact=contact, in_whole_compact=in_whole_compact)
        except jinja2.TemplateSyntaxError as error:
            raise PageError(f"{src_path}:{error.lineno}: {error.message}") from error
        except jinja2.TemplateNotFound as error:
            raise PageError(f"{src_path}: includes {error.name!r}, which is not a template of this site") from error
        except jinja2.TemplateError as error:  # a name the data does not have, say
            raise PageError(f"{src_path}: {error.message}") from error
        except TypeError as error:  # a call to editor_note or contact with the wrong arguments
            raise PageError(f"{src_path}: {error}") from error
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
        try:
            text = _FRONT_MATTER.sub("", (self.docs_dir / src_uri).read_text(encoding="utf-8"))
        except FileNotFoundError as error:  # a page moved or renamed: the whole Compact still names it
            raise PageError(f"docs/{src_uri}: the whole Compact (whole_compact.md.j2) includes this page, which does not exist") from error
        return Markup(demote_headings(self.docs_page(text, f"docs/{src_uri}", in_whole_compact=True), levels))

    def objective_section(self, objective: Objective, *, levels: int = 2) -> Markup:
        """An objective and its principles as on its own page, with links from the compact/ folder. The notes on an
        objective's title in the list of objectives (compact/objectives.md) stand there, above, and not again."""
        principles = self.compact.principles_of(objective)
        context = {"objective": objective, "principles": principles, "root": "../", "title_notes": not objective.title_in_list}
        markdown = self._render("objective.md.j2", **context)
        return Markup(demote_headings(_FRONT_MATTER.sub("", markdown), levels))

    def note_markdown(self, note: EditorNote, root: str | None = None) -> Markup:
        """An open note as an admonition, linking to its entry on the editor's notes page from a page `root` below
        the site's root (no link without it); a resolved note as nothing."""
        return Markup(self._render("editor_note.md.j2", note=note, root=root))


class _TextLoader(jinja2.BaseLoader):
    """One text as a template, compiled through the environment's bytecode cache (Environment.from_string
    compiles anew on every build: about 20 ms of each build of the real site, profiled)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, None, Callable[[], bool]]:
        return self.text, None, lambda: False  # the cache is keyed by the text itself: never stale


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})(?=\s)", re.MULTILINE)


def demote_headings(markdown: str, levels: int) -> str:
    """Move every ATX heading down `levels` levels (to h6 at most), to nest a page inside another.

    Only for pages without fenced code: a '#' at the start of a line in a code block would move too.
    """
    return _HEADING.sub(lambda match: "#" * min(6, len(match[1]) + levels), markdown)
