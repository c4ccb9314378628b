"""Free text that must hold no personal details: refused when it contains an email address or a phone number.

Every text of the data is published (pages, open data, the feed, the search index), and the Compact promises
that "all personal details remain confidential": so each text is checked at load, and the error says where
without repeating the detail. The one exception is the Compact's own contact lines for organisations
(data/resolution.yml), which are the Compact's words.
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
# Between two digits of a phone number: nothing, or up to two of space, hyphen and brackets ("(0)20 7520").
_GAP = r"[\s()\-]{0,2}"
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    rf"\+{_GAP}\d(?:{_GAP}\d){{7,14}}"  # international: + and 8 to 15 digits, as +44 20 7520 2451
    rf"|\(?0\d(?:{_GAP}\d){{8,9}}"  # UK national: 0 and 9 or 10 more digits, as 0300 061 0614
    r")(?!\d)"
)


def personal_details_in(text: str) -> list[str]:
    """The kinds of personal detail found in text ('an email address', 'a phone number'), in that order."""
    found = []
    if _EMAIL.search(text):
        found.append("an email address")
    if _PHONE.search(text):
        found.append("a phone number")
    return found


def _refusing(advice: str):
    """A validator that accepts text with no email address and no phone number in it, and otherwise gives advice."""

    def check(text: str) -> str:
        found = personal_details_in(text)
        if found:
            raise ValueError(f"this text contains {' and '.join(found)}; {advice}")
        return text

    return check


# Any text of the data.
no_personal_details = _refusing("the site publishes no personal details: remove it (describe a role or an organisation instead)")
# A Compact Champion.
a_role_not_a_person = _refusing(
    "compact_champion wants a role or a team (such as 'Partnerships team'), not a person or their contact details: remove it"
)
