"""Render what the site map plans: each page as Markdown from a Jinja template kept in templates/, each file
(open data, the feed, badges, robots.txt) from its output function.

Safe by default: every value a template prints is escaped as Markdown text unless it is Markup, and the
only way to make Markup from data is the `markdown` filter, which keeps Markdown but neutralises raw HTML
and attribute lists. So a partner named `<script>` is shown as those characters, never run.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import opendata, paragraphs, reading, sitemap
from .badges import all_badges, badge_claim, badge_layout, partner_claim
from .compact import Compact
from .directory import listed_in_full
from .feed import atom_feed, change_title
from .history import History, LastChanged, latest
from .markup import markdown_field, markdown_field_linking
from .model import EditorNote, Objective, Principle
from .qrcodes import qr_svg
from .sitemap import SiteEntry, SiteMap, site_map
from .standing import listed, standing, unrecorded
from .text import counted, demote_headings, escape_markdown, first_paragraph, gov_date, href, summary, without_front_matter
from .xmlrender import xml_environment

TEMPLATES = Path(__file__).parent / "templates"


def _finalize(value: Any) -> Any:
    return value if isinstance(value, Markup) else escape_markdown("" if value is None else value)



def _link_highlight(principle: Principle, url: str) -> Markup:
    """A highlighted principle's prose, its bold-italic title words made a link to its own page."""
    return markdown_field_linking(principle.text, principle.title, url)


class PageError(Exception):
    """A page's Markdown or template could not be rendered; the message names the file and line."""


# The outputs that render the site map's files, by name (SiteEntry.renders of a file).
OUTPUTS: dict[str, Callable[["SiteRenderer", SiteEntry], str]] = {
    "partners_json": lambda r, entry: opendata.partners_json(r.partner_records, r.compact),
    "principles_json": lambda r, entry: opendata.principles_json(r.compact, r.site_url),
    "partners_csv": lambda r, entry: opendata.partners_csv(r.partner_records),
    "feed": lambda r, entry: atom_feed(r.compact, r.site_url, r.history, r.xml_env),
    "robots": lambda r, entry: r.env.get_template("robots.txt.j2").render(),
    "badge": lambda r, entry: r.xml_env.get_template("badge.svg.j2").render(
        badge=badge_layout(entry.context["partner"], r.compact.document, entry.context["size"], entry.context["look"])
    ),
    "qr": lambda r, entry: qr_svg(r.site_url + sitemap.url_for(entry.context["partner"])),
}


@dataclass
class SiteRenderer:
    """Renders one build of the site from one validated Compact: the pages and files of its site map, the pages of
    docs/, and what every page says of itself."""

    compact: Compact
    site_url: str
    docs_dir: Path | None = None  # where the Markdown pages are, for the whole Compact on one page
    history: History = field(default_factory=History)  # when each source last changed (none known by default)
    sign_form_url: str | None = None  # the repository's "Sign the Compact" form, when known (signing.sign_form_url)

    def __post_init__(self) -> None:
        self.site_url = self.site_url.rstrip("/") + "/"
        self.site_map: SiteMap = site_map(self.compact)
        self._docs_templates: dict[str, jinja2.Template] = {}  # each page of docs/ compiled once a build
        self.xml_env = xml_environment()
        # For the few HTML fragments of the theme's <head> and page footer: escaped for HTML, not Markdown.
        self.html_env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            undefined=jinja2.StrictUndefined,
            autoescape=True,
            auto_reload=False,  # as below
        )
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
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
            summary=summary,
            html=lambda value: Markup(html.escape(str(value))),
            href=href,
            gov_date=gov_date,
            counted=counted,
            note_markdown=self.note_markdown,
        )
        self.env.globals.update(
            compact=self.compact,
            site_url=self.site_url,
            sign_form_url=self.sign_form_url,
            url_for=sitemap.url_for,
            page_source=sitemap.page_source,
            badge_url=sitemap.badge_url,
            qr_url=sitemap.qr_url,
            partner_list_url=sitemap.partner_list_url,
            agreement_url=sitemap.agreement_url,
            link_highlight=_link_highlight,
            partner_claim=lambda partner: partner_claim(partner, self.compact.document),
            badges=lambda partner: all_badges(partner, self.compact.document),
            badge_claim=badge_claim,
            standing=lambda partner: standing(partner, self.compact.document),
            unrecorded=unrecorded,
            listed=listed,
            listed_in_full=lambda: listed_in_full(self.compact),
            change_title=lambda entry: change_title(self.compact, entry),
            opendata=opendata,
            example_partner=self.example_partner,
            docs_section=self.docs_section,
            objective_section=self.objective_section,
        )
        self.env.globals.update(paragraphs.template_globals(self.compact))  # marking and numbering the Compact's own text
        self.env.globals.update(reading.template_globals(self.compact))  # sparse records, contacts as links

    # --- What the site map plans ------------------------------------------------------------------

    def render(self, entry: SiteEntry) -> str:
        """A page's Markdown (or a redirect's HTML), or a file's text."""
        if entry.is_page:
            return self._render(entry.renders, **entry.context)
        return OUTPUTS[entry.renders](self, entry)

    def rendered(self) -> list[tuple[SiteEntry, str]]:
        """Everything the site map plans, rendered, in its order."""
        return [(entry, self.render(entry)) for entry in self.site_map.entries]

    @cached_property
    def partner_records(self) -> list[dict[str, Any]]:
        """Every partner as open data: the rows of /api/partners.json and /partners.csv."""
        return [opendata.partner_record(self.compact, partner, self.site_url) for partner in self.compact.partners]

    def example_partner(self) -> str:
        """The first partner's record in /api/partners.json, as the "Reuse this data" page shows it."""
        return json.dumps(self.partner_records[0], ensure_ascii=False, indent=2)

    # --- What every page says of itself: its date, its description, its link preview ----------------

    def last_changed(self, src_uri: str) -> LastChanged:
        """When a page's source last changed: a planned page's data (entries), or a Markdown page's file."""
        planned = self.site_map.page(src_uri)
        sources = planned.date_sources if planned else (f"docs/{src_uri}",)
        return latest(self.history.entry(*source) if isinstance(source, tuple) else self.history.file(source) for source in sources)

    def page_meta(self, src_uri: str, url: str, *, title: str, markdown: str, description: str | None, fallback: str) -> dict[str, str]:
        """A page's description, link preview tags and date line, as HTML for the theme to print as it is."""
        planned = self.site_map.page(src_uri)
        description = description or (planned and planned.description) or first_paragraph(markdown) or fallback
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
                self._docs_templates[markdown] = self.env.from_string(markdown)
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
            text = without_front_matter((self.docs_dir / src_uri).read_text(encoding="utf-8"))
        except FileNotFoundError as error:  # a page moved or renamed: the whole Compact still names it
            raise PageError(f"docs/{src_uri}: the whole Compact (whole_compact.md.j2) includes this page, which does not exist") from error
        return Markup(demote_headings(self.docs_page(text, f"docs/{src_uri}", in_whole_compact=True), levels))

    def objective_section(self, objective: Objective, *, levels: int = 2) -> Markup:
        """An objective and its principles as on its own page, with links from the compact/ folder. The notes on an
        objective's title in the list of objectives (compact/objectives.md) stand there, above, and not again."""
        principles = self.compact.principles_of(objective)
        context = {"objective": objective, "principles": principles, "root": "../", "title_notes": not objective.title_in_list}
        markdown = self._render("objective.md.j2", **context)
        return Markup(demote_headings(without_front_matter(markdown), levels))

    def note_markdown(self, note: EditorNote, root: str | None = None) -> Markup:
        """An open note as an admonition, linking to its entry on the editor's notes page from a page `root` below
        the site's root (no link without it); a resolved note as nothing."""
        return Markup(self._render("editor_note.md.j2", note=note, root=root))
