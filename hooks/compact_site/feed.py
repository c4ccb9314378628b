"""/feed.xml: the changelog (data/changelog.yml) as an Atom feed, and each change's title in words."""

from __future__ import annotations

import datetime as dt

import jinja2

from .model import PARTNER_CHANGES, ChangeEntry
from .compact import Compact
from .history import History
from .sitemap import FEED, WHATS_NEW, url_for
from .text import plain_text


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


def atom_feed(compact: Compact, site_url: str, history: History, xml_env: jinja2.Environment) -> str:
    """The changelog as Atom, dated by the last commit (or the newest entry without git)."""
    page = f"{site_url}{WHATS_NEW}"
    items = [
        {
            "id": f"{page}#{entry.id}",
            "title": change_title(compact, entry),
            "link": f"{site_url}{url_for(compact.partners_by_slug[entry.partner])}" if entry.partner else f"{page}#{entry.id}",
            "updated": _atom_time(entry.changed_on),
            "kind": entry.kind,
            "summary": plain_text(entry.summary) if entry.summary else None,
        }
        for entry in compact.changes
    ]
    if history.last_commit is not None:
        updated = _atom_time(history.last_commit)
    else:  # Atom needs a date: never the build's time, which would change the file at every build
        updated = _atom_time(compact.changes[0].changed_on if compact.changes else dt.date(1970, 1, 1))
    return xml_env.get_template("feed.xml.j2").render(
        title=compact.document.full_title,
        site_url=site_url,
        page_url=page,
        feed_url=f"{site_url}{FEED}",
        updated=updated,
        licence=compact.document.licence,
        items=items,
    )
