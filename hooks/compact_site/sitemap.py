"""The site map: everything the site publishes, in one immutable list, and the one place that spells addresses.

Each entry says where it goes, what renders it (a template, or one of the outputs), which data it comes from,
what dates it and how it describes itself. Rendering, the published-address lock (addresses.py), open data, the
feed, the sitemap and the templates all ask this module for an address; none spells one of its own.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any, Mapping

from urllib.parse import quote

from .badges import BADGE_KINDS, badge_file_name, partner_claim
from .compact import Compact
from .directory import list_pages
from .model import Objective, Partner, Principle
from .standing import standing
from .text import summary

PARTNERS_DATA = "data/partners.yml"
PRINCIPLES_DATA = "data/principles.yml"

# What a page's date is taken from: a file, a folder (ending in "/"), or one entry (file, list, slug).
DateSource = str | tuple[str, str, str]


# --- Addresses ----------------------------------------------------------------------------------------
# Site-relative, as MkDocs writes them with directory URLs: "" for the home page, "partners/vast/" for a page.


def address_of(src_uri: str) -> str:
    """The address of the page built from src_uri (a Markdown page, or an HTML file such as a redirect)."""
    if src_uri.endswith("index.html"):
        return posixpath.dirname(src_uri) + "/" if "/" in src_uri else ""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


_FOLDERS: dict[type, str] = {Partner: "partners", Principle: "principles", Objective: "compact/objectives"}


def url_for(entry: Partner | Principle | Objective, *, slug: str | None = None) -> str:
    """The address of an entry's page (or of its page under a former slug), site-relative."""
    return f"{_FOLDERS[type(entry)]}/{slug or entry.slug}/"


def page_source(entry: Partner | Principle | Objective) -> str:
    """The Markdown file an entry's page is built from: what a page of the site links to, so that MkDocs checks it."""
    return url_for(entry).removesuffix("/") + ".md"


def badge_url(partner: Partner, *, slug: str | None = None, file_name: str = "badge.svg") -> str:
    """The address of one of a partner's badges (badges.py names them), beside its page; old addresses keep theirs."""
    return f"{url_for(partner, slug=slug)}{file_name}"


def qr_url(partner: Partner) -> str:
    """The address of the QR code of a partner's page, beside the page."""
    return f"{url_for(partner)}qr.svg"


def partner_list_url(sector_key: str, type_key: str, number: int = 1) -> str:
    """The address of one page of the list of a type of partner within a sector (directory.py)."""
    return f"partners/by-type/{sector_key}/{type_key}/" + ("" if number == 1 else f"{number}/")


def agreement_url(partner: Partner) -> str:
    """The Agreement form alone on the signing page, with the partner's name for its Organisation line (filled in
    by docs/javascripts/partners.js)."""
    return f"sign/?organisation={quote(partner.name, safe='')}#agreement-form"


WHATS_NEW = "whats-new/"
FEED = "feed.xml"


# --- Everything the site publishes ------------------------------------------------------------------


@dataclass(frozen=True)
class SiteEntry:
    """One thing the data makes: a page (rendered from a Markdown template) or a file (an output).

    `renders` names the template of a page, or the output of a file (see rendering.OUTPUTS).
    """

    src_uri: str
    renders: str
    source: str | None  # the data file behind it; None where several are
    context: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    is_page: bool = True
    in_nav: bool = True
    dated_by: tuple[DateSource, ...] = ()  # default: the source file
    description: str | None = None  # for link previews; default: the page's first paragraph

    @property
    def address(self) -> str:
        return address_of(self.src_uri) if self.is_page else self.src_uri

    @property
    def date_sources(self) -> tuple[DateSource, ...]:
        return self.dated_by or ((self.source,) if self.source else ())


def _page(src_uri: str, template: str, source: str | None, context: dict[str, Any] | None = None, **options: Any) -> SiteEntry:
    return SiteEntry(src_uri, template, source, MappingProxyType(context or {}), **options)


def _file(src_uri: str, output: str, source: str | None, **context: Any) -> SiteEntry:
    return SiteEntry(src_uri, output, source, MappingProxyType(context), is_page=False)


@dataclass(frozen=True)
class SiteMap:
    """Every page and file the data makes, in a stable order."""

    entries: tuple[SiteEntry, ...]

    @property
    def pages(self) -> tuple[SiteEntry, ...]:
        return tuple(entry for entry in self.entries if entry.is_page)

    @property
    def files(self) -> tuple[SiteEntry, ...]:
        return tuple(entry for entry in self.entries if not entry.is_page)

    def page(self, src_uri: str) -> SiteEntry | None:
        """The planned page built from src_uri, or None for a Markdown page of docs/."""
        return self._pages_by_source.get(src_uri)

    @cached_property
    def _pages_by_source(self) -> dict[str, SiteEntry]:
        return {entry.src_uri: entry for entry in self.pages}


def site_map(compact: Compact) -> SiteMap:
    """Every page and file the data makes: the indexes, objectives, principles, partners, annual reports, the
    redirects from former addresses, then open data, the feed, robots.txt and the badges."""
    partners, principles = PARTNERS_DATA, PRINCIPLES_DATA
    whole = ("docs/compact/", principles, "data/document.yml", "data/agreement.yml", "data/notes.yml")
    entries = [
        _page("partners/index.md", "partners_index.md.j2", partners),
        _page("principles/index.md", "principles_index.md.j2", principles),
        _page("sign.md", "sign.md.j2", "data/agreement.yml"),
        # For readers who follow a note, and for editors: out of the main menu, linked from every note.
        _page("editors-notes.md", "editors_notes.md.j2", "data/notes.yml", in_nav=False),
        # Every section of the Compact in order on one page, for reading in full, printing or a PDF.
        _page("compact/whole.md", "whole_compact.md.j2", None, dated_by=whole),
        _page("whats-new.md", "whats_new.md.j2", "data/changelog.yml"),
        # The page's words are the template's; the licence and the example come from the data.
        _page("reuse.md", "reuse.md.j2", None, dated_by=("hooks/compact_site/templates/reuse.md.j2", "data/document.yml")),
    ]
    for objective in compact.objectives:
        its_principles = compact.principles_of(objective)
        dated_by = ((principles, "objectives", objective.slug), *((principles, "principles", p.slug) for p in its_principles))
        context = {"objective": objective, "principles": its_principles}
        entries.append(_page(page_source(objective), "objective.md.j2", principles, context, dated_by=dated_by, description=summary(objective.introduction)))
    for principle in compact.principles:
        before, after = compact.neighbours(principle)
        context = {"principle": principle, "objective": compact.objectives_by_number[principle.objective], "before": before, "after": after}
        dated_by = ((principles, "principles", principle.slug),)
        entries.append(_page(page_source(principle), "principle.md.j2", principles, context, in_nav=False, dated_by=dated_by, description=summary(principle.text)))
    # Beyond one page of partners, each group's list on pages of a fixed size (directory.py).
    for listed in list_pages(compact):
        address = partner_list_url(listed.sector.sector.key, listed.group.type.key, listed.number)
        entries.append(_page(f"{address}index.md", "partners_list.md.j2", partners, {"list_page": listed}, in_nav=False))
    for partner in compact.partners:
        dated_by = ((partners, "partners", partner.slug),)
        description = f"{partner.name}: {partner_claim(partner, compact.document)}. {standing(partner, compact.document)}."
        entries.append(_page(page_source(partner), "partner.md.j2", partners, {"partner": partner}, in_nav=False, dated_by=dated_by, description=description))
    # The annual report's factual annex, for each year in which the data records anything (linked from governance).
    for year in compact.governance.report_years:
        context = {"report": compact.governance.annual_report(year)}
        entries.append(_page(f"compact/annual-reports/{year}.md", "annual_report.md.j2", "data/meetings.yml", context, in_nav=False))
    # A page at each former address of a renamed entry sends readers (and search engines) on.
    for entry, source in [*((p, partners) for p in compact.partners), *((p, principles) for p in compact.principles)]:
        title = entry.name if isinstance(entry, Partner) else entry.title
        for old in entry.former_slugs:
            target = {"title": title, "relative": f"../{entry.slug}/", "target": url_for(entry)}
            entries.append(_page(f"{url_for(entry, slug=old)}index.html", "redirect.html.j2", source, target, in_nav=False))
    entries += [
        _file("api/partners.json", "partners_json", partners),
        _file("api/principles.json", "principles_json", principles),
        _file("partners.csv", "partners_csv", partners),
        _file(FEED, "feed", "data/changelog.yml"),
        _file("robots.txt", "robots", None),
    ]
    for partner in compact.partners:
        entries.append(_file(qr_url(partner), "qr", partners, partner=partner))
        # A badge embedded elsewhere keeps working after a rename, as the page's old address does.
        # Named here, laid out only when drawn (rendering.py): the site map of 10,000 partners is asked for by every check.
        for look, size in BADGE_KINDS:
            file_name = badge_file_name(look, size)
            entries += [_file(badge_url(partner, slug=slug, file_name=file_name), "badge", partners, partner=partner, look=look, size=size) for slug in (partner.slug, *partner.former_slugs)]
    return SiteMap(tuple(entries))
