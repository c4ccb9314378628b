"""Typed model of the governance data files: the quarterly Compact meetings, the concerns log, the health rules, and
what the Compact's procedure for resolving difficulties gives an organisation with a concern.

The concerns log holds no personal details by design: no field can carry a name, an email address or a phone
number (an unknown field is an error), and its one free-text field refuses text that contains either, as every
text of the data does.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, model_validator

from .model import CompactLine, Line, PastDate, Slug, Strict, WebAddress, _reference, place_of, written_date
from .privacy import no_personal_details

PartnerSlug = Annotated[Slug, _reference("partners")]
# Plain text that must not hold personal details (see privacy.py).
ImpersonalText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), AfterValidator(no_personal_details)
]


# --- data/meetings.yml -----------------------------------------------------------------------------


class Meeting(Strict):
    """A quarterly Compact meeting as recorded: when it was held, who was represented, where its notes are."""

    held_on: PastDate
    partners: list[PartnerSlug] = Field(default=[], description="Slugs of the partners represented at the meeting.")
    notes_url: WebAddress | None = Field(default=None, description="The published notes of the meeting, if any.")

    @model_validator(mode="after")
    def _each_partner_once(self) -> Meeting:
        """A partner is represented at a meeting once, or the attendance counts would be wrong."""
        repeated = sorted({slug for slug in self.partners if self.partners.count(slug) > 1})
        if repeated:
            raise ValueError(f"a partner is listed twice at this meeting: {', '.join(repeated)}")
        return self

    @model_validator(mode="after")
    def _each_partner_a_partner_then(self, info: ValidationInfo) -> Meeting:
        """A partner is represented only while it is one: not before it joined, nor after it withdrew."""
        dates = (info.context or {}).get("partner_dates") or {}
        for slug in self.partners:
            joined, withdrawn = (written_date((dates.get(slug) or {}).get(kind)) for kind in ("joined", "withdrawn"))
            place = place_of(info, "partner", slug)
            if joined and self.held_on < joined:
                raise ValueError(f"{slug!r} is listed at this meeting of {self.held_on}, before it joined on {joined} ({place})")
            if withdrawn and self.held_on > withdrawn:
                raise ValueError(f"{slug!r} is listed at this meeting of {self.held_on}, after it withdrew on {withdrawn} ({place})")
        return self


class MeetingsFile(Strict):
    meetings: list[Meeting]


# --- data/concerns.yml -----------------------------------------------------------------------------

Outcome = Literal["open", "resolved", "withdrawn", "taken-elsewhere"]


class Concern(Strict):
    """One concern raised under the Compact's procedure: when, how far it went and how it ended; never who."""

    raised_on: PastDate
    stage: int = Field(
        ge=1, le=3, description="The furthest stage reached: 1 informal, 2 formal, 3 additional (further mediation)."
    )
    outcome: Outcome = Field(
        description="'open' while it is dealt with; 'resolved' at the stage reached; 'withdrawn' by whoever raised "
        "it; 'taken-elsewhere' when another procedure (an ombudsman, the courts) took it on."
    )
    closed_on: PastDate | None = Field(default=None, description="When it was resolved, withdrawn or taken elsewhere.")
    lessons_learnt: ImpersonalText | None = Field(
        default=None, description="What the partners learnt, without names, email addresses or phone numbers."
    )

    @model_validator(mode="after")
    def _closed_when_not_open(self) -> Concern:
        """A closed concern has the date it closed, not before it was raised; an open one has none."""
        if self.outcome == "open" and self.closed_on is not None:
            raise ValueError("an open concern has no closed_on; give its outcome, or leave closed_on empty")
        if self.outcome != "open" and self.closed_on is None:
            raise ValueError(f"a concern whose outcome is {self.outcome!r} needs closed_on, the date it closed")
        if self.closed_on is not None and self.closed_on < self.raised_on:
            raise ValueError(f"closed_on ({self.closed_on}) is before raised_on ({self.raised_on})")
        return self


class ConcernsFile(Strict):
    concerns: list[Concern]


# --- data/health.yml -------------------------------------------------------------------------------


class HealthRules(Strict):
    """When a governance duty counts as overdue for `scripts/check --health`: this site's rules, not the Compact's."""

    champion_within_months: int = Field(
        ge=1, le=120, description="A signed partner with no Compact Champion this many months after signing is overdue."
    )
    plan_renewal_months: int = Field(
        ge=1, le=120, description="An Implementation Plan published more than this many months ago is due for renewal."
    )
    meeting_every_quarter: bool = Field(
        description="Each quarter that has ended needs a meeting, from the first quarter that starts on or after "
        "the first signature."
    )
    duties_until: int | None = Field(
        default=None,
        ge=2000,
        le=2100,
        description="The last year duties fall due, if the partners extend the Compact beyond its period "
        "(data/document.yml); empty: duties end with the period.",
    )


# --- data/resolution.yml ---------------------------------------------------------------------------


class Contact(Strict):
    """An organisation the Compact names for help outside its own procedure, as the 2014 draft published it."""

    key: Slug = Field(description="How a page names it: {{ contact(\"key\") }}.")
    name: Line = Field(description="The organisation's name, as the Compact gives it.")
    lines: list[CompactLine] = Field(
        min_length=1, description="Its address and details, one line each, word for word (an organisation's, so its telephone and email may stand)."
    )


class Resolution(Strict):
    """What the procedure for resolving difficulties gives an organisation with a concern, in the Compact's words."""

    statement: list[Line] = Field(
        min_length=1, description="What a written statement of a concern must say (stage two), one part each."
    )
    contacts: list[Contact] = Field(min_length=1)
