"""Governance figures counted from the data: what each partner has in place, concerns per year, and the annual
report's factual annex. Every number is computed here from the records; none is ever typed into a page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import get_args

from .model import Concern, Meeting, Outcome, Partner

# The Compact's names for its three stages ("Stage One - Informal", ...), and the outcomes in the order shown.
STAGE_NAMES = {1: "Informal", 2: "Formal", 3: "Additional"}
OUTCOMES: tuple[str, ...] = get_args(Outcome)
OUTCOME_NAMES = {"open": "Open", "resolved": "Resolved", "withdrawn": "Withdrawn", "taken-elsewhere": "Taken elsewhere"}


@dataclass(frozen=True)
class ConcernYear:
    """The published figures for the concerns raised in one year: counts only, never details."""

    year: int
    raised: int
    resolved_at_stage: dict[int, int]
    with_lessons_learnt: int


@dataclass(frozen=True)
class StageOutcomes:
    """How many concerns that reached one stage ended in each outcome."""

    stage: int
    by_outcome: dict[str, int]

    @property
    def name(self) -> str:
        """The stage's name in the Compact, as 'Informal'."""
        return STAGE_NAMES[self.stage]

    @property
    def total(self) -> int:
        """How many concerns reached this stage as their furthest."""
        return sum(self.by_outcome.values())

    @property
    def outcomes_recorded(self) -> list[tuple[str, int]]:
        """Each outcome that has a count, by its name, in the order of OUTCOMES."""
        return [(OUTCOME_NAMES[outcome], count) for outcome, count in self.by_outcome.items() if count]


@dataclass(frozen=True)
class Attendance:
    """A partner represented at the year's meetings, and at how many."""

    partner: Partner
    meetings: int


@dataclass(frozen=True)
class AnnualReport:
    """The factual annex of one year's annual report, computed from the data."""

    year: int
    joined: list[Partner]
    signed: list[Partner]
    withdrew: list[Partner]
    champions_named: list[Partner]
    plans_published: list[Partner]
    meetings: list[Meeting]
    attendance: list[Attendance]
    concerns: list[StageOutcomes]

    @property
    def concerns_raised(self) -> int:
        """How many concerns were raised in the year."""
        return sum(row.total for row in self.concerns)


def _in_year(day: dt.date | None, year: int) -> bool:
    """Whether a recorded date falls in `year` (an unrecorded one never does)."""
    return day is not None and day.year == year


def _partner_dates(partner: Partner) -> list[dt.date | None]:
    """Every date the data records about one partner."""
    return [
        partner.joined_on,
        partner.signed_on,
        partner.withdrawn_on,
        partner.compact_champion_named_on,
        partner.implementation_plan_published_on,
    ]


@dataclass(frozen=True)
class Governance:
    """The governance records (partners, meetings, concerns) and everything counted from them."""

    partners: list[Partner]
    meetings: list[Meeting]
    concerns: list[Concern]

    @cached_property
    def meetings_by_date(self) -> list[Meeting]:
        """The meetings, oldest first."""
        return sorted(self.meetings, key=lambda meeting: meeting.held_on)

    @cached_property
    def _attended(self) -> dict[str, list[Meeting]]:
        """The meetings each partner was represented at, by slug, oldest first."""
        by_partner: dict[str, list[Meeting]] = {}
        for meeting in self.meetings_by_date:  # one pass: linear in the number of attendances
            for slug in meeting.partners:
                by_partner.setdefault(slug, []).append(meeting)
        return by_partner

    def attended(self, partner: Partner) -> list[Meeting]:
        """The meetings at which the partner was represented, oldest first."""
        return self._attended.get(partner.slug, [])

    @cached_property
    def with_champion(self) -> int:
        """How many partners have a Compact Champion recorded."""
        return sum(1 for partner in self.partners if partner.compact_champion)

    @cached_property
    def with_plan(self) -> int:
        """How many partners have an Implementation Plan recorded."""
        return sum(1 for partner in self.partners if partner.implementation_plan)

    @cached_property
    def signed(self) -> int:
        """How many partners are recorded as signed (withdrawn ones are not)."""
        return sum(1 for partner in self.partners if partner.status == "signed")

    @cached_property
    def represented(self) -> int:
        """How many partners were represented at one meeting or more."""
        return len(self._attended)

    @cached_property
    def concern_years(self) -> list[ConcernYear]:
        """The published figures for each year in which a concern was raised, oldest first."""
        years = sorted({concern.raised_on.year for concern in self.concerns})
        return [self._concern_year(year) for year in years]

    def _concern_year(self, year: int) -> ConcernYear:
        """The published figures for the concerns raised in `year`."""
        raised = [concern for concern in self.concerns if concern.raised_on.year == year]
        resolved = Counter(concern.stage for concern in raised if concern.outcome == "resolved")
        return ConcernYear(
            year=year,
            raised=len(raised),
            resolved_at_stage={stage: resolved[stage] for stage in STAGE_NAMES},
            with_lessons_learnt=sum(1 for concern in raised if concern.lessons_learnt),
        )

    @cached_property
    def report_years(self) -> list[int]:
        """The years in which the data records anything: each has an annual report annex."""
        days = [day for partner in self.partners for day in _partner_dates(partner)]
        days += [meeting.held_on for meeting in self.meetings]
        days += [day for concern in self.concerns for day in (concern.raised_on, concern.closed_on)]
        return sorted({day.year for day in days if day is not None})

    def annual_report(self, year: int) -> AnnualReport:
        """The factual annex of the annual report for `year`: who joined, signed, withdrew; duties met; meetings;
        concerns by stage and outcome."""
        meetings = [meeting for meeting in self.meetings_by_date if meeting.held_on.year == year]
        attended = Counter(slug for meeting in meetings for slug in meeting.partners)
        raised = Counter((concern.stage, concern.outcome) for concern in self.concerns if concern.raised_on.year == year)
        return AnnualReport(
            year=year,
            joined=[p for p in self.partners if _in_year(p.joined_on, year)],
            signed=[p for p in self.partners if _in_year(p.signed_on, year)],
            withdrew=[p for p in self.partners if _in_year(p.withdrawn_on, year)],
            champions_named=[p for p in self.partners if _in_year(p.compact_champion_named_on, year)],
            plans_published=[p for p in self.partners if _in_year(p.implementation_plan_published_on, year)],
            meetings=meetings,
            attendance=[Attendance(p, attended[p.slug]) for p in self.partners if attended[p.slug]],
            concerns=[StageOutcomes(stage, {o: raised[stage, o] for o in OUTCOMES}) for stage in STAGE_NAMES],
        )
