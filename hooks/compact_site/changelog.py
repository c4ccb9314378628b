"""Typed model of data/changelog.yml: what changed on the public record, shown on "What's new" and in /feed.xml.

Nothing is deleted from the record: a partner that withdraws gets an entry here as well as its status, and
the entry stays. A partner's entry is titled from the partner's own data, so the two never disagree.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, model_validator

from .governance import PartnerSlug
from .model import Line, LinkedProse, PastDate, Slug, Strict, place_of, written_date

# The kinds that are about one partner, and what each says of it.
PARTNER_CHANGES = {
    "joined": "became a partner in the Compact",
    "signed": "signed the Compact",
    "withdrawn": "withdrew from the Compact",
}


class ChangeEntry(Strict):
    """One change to the public record: a partner joins, signs or withdraws, or a text is corrected."""

    id: Slug = Field(description="A stable key for the entry: the feed names the entry by it, so never change it.")
    changed_on: PastDate = Field(description="When the change happened (for a signature: the date on the Agreement).")
    kind: Literal["joined", "signed", "withdrawn", "correction"]
    partner: PartnerSlug | None = Field(default=None, description="For joined, signed and withdrawn: the partner's slug.")
    title: Line | None = Field(default=None, description="For a correction: what was corrected. A partner's entry is titled from its name.")
    summary: LinkedProse | None = Field(default=None, description="Markdown: more about the change, and its source.")

    @model_validator(mode="after")
    def _complete(self, info: ValidationInfo) -> ChangeEntry:
        """A partner's change names the partner, whose status agrees; a correction says what it corrected."""
        if self.kind in PARTNER_CHANGES:
            if self.partner is None:
                raise ValueError(f"a '{self.kind}' entry needs the partner's slug in 'partner'")
            context = info.context or {}
            status = (context.get("partner_status") or {}).get(self.partner)
            place = place_of(info, "partner", self.partner)
            if self.kind == "withdrawn" and status not in (None, "withdrawn"):
                raise ValueError(f"partner {self.partner!r} has status {status!r} ({place}); a 'withdrawn' entry needs status 'withdrawn'")
            if self.kind == "signed" and status == "named":
                raise ValueError(f"partner {self.partner!r} has status 'named' ({place}); a 'signed' entry needs status 'signed' (or 'withdrawn')")
            recorded = written_date(((context.get("partner_dates") or {}).get(self.partner) or {}).get(self.kind))
            if recorded and recorded != self.changed_on:
                raise ValueError(
                    f"partner {self.partner!r} has {self.kind}_on {recorded} ({place}); this entry's changed_on must be the same date"
                )
        elif self.title is None:
            raise ValueError("a 'correction' entry needs a 'title' saying what was corrected")
        elif self.partner is not None:
            raise ValueError("a 'correction' entry has no 'partner'; name the page in its summary")
        return self


class ChangelogFile(Strict):
    entries: list[ChangeEntry] = Field(description="Changes in any order: pages and the feed show the newest first.")
