"""What the reader pages make of the data: records listed only where there are some (and a list that stays a
page's length), titles that fit a link preview, and the Compact's contacts as links."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .compact import Compact
from .model import Contact, Partner

# The governance page lists the partners with a record in a table while they are few enough to read as one page
# (at 10,000 partners the table alone weighed over a megabyte); beyond that, each partner's own page holds its record.
RECORDS_TABLE_LIMIT = 250


def partners_with_records(compact: Compact) -> list[Partner]:
    """The partners that have recorded any of what the Compact asks of them: a Champion, a plan, a meeting."""
    governance = compact.governance
    return [p for p in compact.partners if p.compact_champion or p.implementation_plan or governance.attended(p)]


PREVIEW_TITLE_LIMIT = 70  # what link previews (Teams, Outlook, search results) show before they cut a title


def preview_title(title: str, limit: int = PREVIEW_TITLE_LIMIT) -> str:
    """A page's title for link previews: whole when it fits, else cut at a word, with an ellipsis."""
    if len(title) <= limit:
        return title
    cut = title.rfind(" ", 0, limit - 1)
    return title[: cut if cut > 0 else limit - 1].rstrip(",;:–- ") + "…"


# --- Contacts ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactLine:
    """One line of a contact as the Compact gives it: its words, and the part of it that is an address to follow."""

    before: str  # "Helpline "
    linked: str  # "0300 061 0614"; empty when the line has nothing to follow
    href: str  # "tel:+443000610614"


_TELEPHONE = re.compile(r"^((?:Telephone|Tel|Helpline|Phone)\s+)(0[\d ]{9,12}\d)$", re.IGNORECASE)
_EMAIL = re.compile(r"^((?:Email|E-mail)\s+)([\w.+-]+@[\w-]+(?:\.[\w-]+)+)$", re.IGNORECASE)
_WEBSITE = re.compile(r"^((?:Website|Web)\s+)((?:www\.)?[\w-]+(?:\.[\w-]+)+/?)$", re.IGNORECASE)


def contact_line(line: str) -> ContactLine:
    """A contact's line, with a telephone number, an email address or a website that it gives made followable:
    tel: (the UK number in international form), mailto:, and http:// before the address as written."""
    if found := _TELEPHONE.match(line):
        return ContactLine(found[1], found[2], "tel:+44" + found[2].replace(" ", "")[1:])
    if found := _EMAIL.match(line):
        return ContactLine(found[1], found[2], f"mailto:{found[2]}")
    if found := _WEBSITE.match(line):
        return ContactLine(found[1], found[2], f"http://{found[2]}")
    return ContactLine(line, "", "")


def contact_lines(contact: Contact) -> list[ContactLine]:
    return [contact_line(line) for line in contact.lines]


def template_globals(compact: Compact) -> dict[str, object]:
    """What the page templates use of this module."""
    return {
        "partners_with_records": lambda: partners_with_records(compact),
        "records_table_limit": RECORDS_TABLE_LIMIT,
        "contact_lines": contact_lines,
    }
