"""The Compact's data for reuse: /api/partners.json, /api/principles.json and /partners.csv.

The shape is a promise to the people who reuse it: keys are always present (null where a fact is not
recorded), in a fixed order, and `version` changes only when a key is renamed, removed or changes meaning.
Each field's description here is the one the "Reuse this data" page shows, so the two cannot drift apart.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .compact import Compact
from .model import Partner, Principle
from .sitemap import badge_url, url_for
from .standing import standing

VERSION = 1

PARTNER_FIELDS: dict[str, str] = {
    "slug": "The partner's stable key. Its page is at /partners/<slug>/ and never moves.",
    "name": "The organisation's name, as the Compact gives it.",
    "full_name": "Its name in full, where the Compact gives a short one, or null while not recorded.",
    "also_known_as": "Other names it is known by: a list, empty while none is recorded. JSON only.",
    "sector": "public, private or vcs.",
    "sector_name": "The sector's name, in the Compact's words.",
    "type": "The kind of organisation, as a key.",
    "type_name": "The kind of organisation, in words.",
    "status": "named (listed in the Compact), signed, or withdrawn. A withdrawn partner stays listed.",
    "status_label": "Where it stands with the Compact, in words, as its page shows it: \"Signed the Agreement on 9 March 2015\", say.",
    "joined_on": "The date it became a partner, if after the 2014 draft; otherwise null.",
    "signed_on": "The date on its signed Agreement, or null while not recorded.",
    "withdrawn_on": "The date it withdrew, or null.",
    "website": "Its website, or null while not recorded.",
    "compact_champion": "Its Compact Champion (a role or a team), or null while not recorded.",
    "implementation_plan": "The address of its Implementation Plan, or null while not recorded.",
    "url": "The address of its page on this site.",
    "badge_url": "The address of its badge, an SVG image to show on its own site.",
    "former_urls": "Addresses its page had before a rename; each leads to the page. JSON only.",
}
CSV_FIELDS = [name for name in PARTNER_FIELDS if name not in ("also_known_as", "former_urls")]  # a list does not fit one cell

OBJECTIVE_FIELDS: dict[str, str] = {
    "number": "The objective's number in the Compact.",
    "slug": "Its stable key: its page is at /compact/objectives/<slug>/.",
    "title": "Its heading in the Compact.",
    "url": "The address of its page on this site.",
}

PRINCIPLE_FIELDS: dict[str, str] = {
    "slug": "The principle's stable key. Its page is at /principles/<slug>/ and never moves.",
    "title": "Its title in the Compact.",
    "objective": "The number of the objective it stands under.",
    "text": "Its text, word for word from the Compact, in Markdown.",
    "commits": "Who its text commits to act, in the Compact's words.",
    "url": "The address of its page on this site.",
    "former_urls": "Addresses its page had before a rename; each leads to the page.",
}

# A spreadsheet runs a cell that starts with one of these as a formula: such a cell gets a leading apostrophe.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _about(compact: Compact) -> dict[str, Any]:
    """What every file says of itself: its shape's version, the document, and the licence."""
    return {
        "version": VERSION,
        "title": compact.document.full_title,
        "document_status": compact.document.status,
        "licence": compact.document.licence,
    }


def partner_record(compact: Compact, partner: Partner, site_url: str) -> dict[str, Any]:
    """One partner as open data, with the keys of PARTNER_FIELDS in order."""
    record = {
        "slug": partner.slug,
        "name": partner.name,
        "full_name": partner.full_name,
        "also_known_as": list(partner.also_known_as),
        "sector": partner.sector,
        "sector_name": compact.sectors_by_key[partner.sector].name,
        "type": partner.type,
        "type_name": compact.types_by_key[partner.type].name,
        "status": partner.status,
        "status_label": standing(partner, compact.document),
        "joined_on": partner.joined_on,
        "signed_on": partner.signed_on,
        "withdrawn_on": partner.withdrawn_on,
        "website": partner.website,
        "compact_champion": partner.compact_champion,
        "implementation_plan": partner.implementation_plan,
        "url": site_url + url_for(partner),
        "badge_url": site_url + badge_url(partner),
        "former_urls": [site_url + url_for(partner, slug=old) for old in partner.former_slugs],
    }
    return {name: value.isoformat() if hasattr(value, "isoformat") else value for name, value in record.items()}


def principle_record(compact: Compact, principle: Principle, site_url: str) -> dict[str, Any]:
    """One principle as open data, with the keys of PRINCIPLE_FIELDS in order."""
    return {
        "slug": principle.slug,
        "title": principle.title,
        "objective": principle.objective,
        "text": principle.text,
        "commits": [compact.party_names[key] for key in principle.commits],
        "url": site_url + url_for(principle),
        "former_urls": [site_url + url_for(principle, slug=old) for old in principle.former_slugs],
    }


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def partners_json(records: list[dict[str, Any]], compact: Compact) -> str:
    """/api/partners.json: every partner, withdrawn ones too, in the Compact's order."""
    return _json({**_about(compact), "partners": records})


def principles_json(compact: Compact, site_url: str) -> str:
    """/api/principles.json: the objectives and every principle, in the Compact's order."""
    objectives = [
        {"number": o.number, "slug": o.slug, "title": o.title, "url": site_url + url_for(o)}
        for o in compact.objectives
    ]
    principles = [principle_record(compact, principle, site_url) for principle in compact.principles]
    return _json({**_about(compact), "objectives": objectives, "principles": principles})


def spreadsheet_cell(value: Any) -> str:
    """A value as a CSV cell that a spreadsheet shows as text: empty for null, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def partners_csv(records: list[dict[str, Any]]) -> str:
    """/partners.csv: a header row, then a row per partner; with a byte-order mark so that Excel reads UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # CRLF, as RFC 4180 and Excel expect
    writer.writerow(CSV_FIELDS)
    writer.writerows([spreadsheet_cell(record[name]) for name in CSV_FIELDS] for record in records)
    return "\ufeff" + out.getvalue()
