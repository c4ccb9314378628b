"""A partner as its page, its badge and the open data describe it: where it stands with the Compact, in true words,
what is not yet recorded of it, and the one spelling of its page's address."""

from __future__ import annotations

from urllib.parse import quote

from .dates import gov_date
from .model import Document, Partner


def partner_path(slug: str) -> str:
    """The address of a partner's page, relative to the site's root: partners/<slug>/."""
    return f"partners/{slug}/"


def partner_source(slug: str) -> str:
    """A partner's page as a Markdown link's target, relative to the site's root: partners/<slug>.md."""
    return f"partners/{slug}.md"


def standing(partner: Partner, document: Document) -> str:
    """Where a partner stands with the Compact, as one true phrase: the latest fact the data records."""
    if partner.status == "withdrawn":
        return f"Withdrew on {gov_date(partner.withdrawn_on)}" if partner.withdrawn_on else "Withdrew from the Compact"
    if partner.status == "signed":
        return f"Signed the Agreement on {gov_date(partner.signed_on)}" if partner.signed_on else "Signed the Agreement"
    if partner.joined_on:
        return f"Joined on {gov_date(partner.joined_on)}"
    return f"Named as a partner in the {document.period.start} draft" if document.is_draft else "Named as a partner in the Compact"


def unrecorded(partner: Partner) -> list[str]:
    """What the data does not yet record of a partner, each as a phrase that ends a sentence."""
    missing = []
    if partner.status != "named" and partner.signed_on is None:
        missing.append("the date it signed the Agreement")
    if partner.status == "withdrawn" and partner.withdrawn_on is None:
        missing.append("the date it withdrew")
    for value, phrase in (
        (partner.website, "its website"),
        (partner.compact_champion, "its Compact Champion"),
        (partner.implementation_plan, "its Implementation Plan"),
    ):
        if value is None:
            missing.append(phrase)
    return missing


def listed(phrases: list[str], conjunction: str = "or") -> str:
    """Phrases as one English list: 'a', 'a or b', 'a, b or c'."""
    return phrases[0] if len(phrases) < 2 else f"{', '.join(phrases[:-1])} {conjunction} {phrases[-1]}"


def agreement_path(partner: Partner) -> str:
    """The Agreement form alone on the signing page, with the partner's name for its Organisation line (filled in
    by docs/javascripts/partners.js), relative to the site's root."""
    return f"sign/?organisation={quote(partner.name, safe='')}#agreement-form"
