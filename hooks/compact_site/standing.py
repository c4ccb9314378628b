"""A partner as its page, its badge and the open data describe it: where it stands with the Compact, in true words,
and what is not yet recorded of it."""

from __future__ import annotations

from .text import gov_date
from .model import Document, Partner


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
