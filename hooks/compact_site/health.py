"""What is overdue by the health rules of data/health.yml, on a given day: the core of `scripts/check --health`.

Only partners recorded as signed owe the Compact's governance duties: a partner the draft merely names is never
overdue. Duties fall due only within the Compact's period (data/document.yml), or until the year that
data/health.yml extends it to: after its period a Compact asks nothing more. The day is a parameter, so that each
rule can be tested the day before, on and after its limit.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from .compact import Compact
from .governance import Governance
from .model import HealthRules, Partner
from .rendering import gov_date


@dataclass(frozen=True)
class Overdue:
    """One governance duty overdue: about whom or what, what is missing, and the last day it was due."""

    subject: str
    problem: str
    due_on: dt.date

    def __str__(self) -> str:
        """The line the report gives it."""
        return f"{self.subject}: {self.problem}"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day where it is shorter (31 January + 1 = 28 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _months(count: int) -> str:
    """'1 month', '3 months'."""
    return f"{count} month{'s' if count != 1 else ''}"


def _quarter_start(day: dt.date) -> dt.date:
    """The first day of the calendar quarter that `day` is in."""
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def last_day_due(compact: Compact) -> dt.date:
    """The last day a duty can fall due: the end of the Compact's period, or of the year the health rules extend it to."""
    return dt.date(compact.health_rules.duties_until or compact.document.period.end, 12, 31)


def overdue(governance: Governance, rules: HealthRules, today: dt.date, *, until: dt.date | None = None) -> list[Overdue]:
    """Everything overdue on `today` that fell due by `until` (no end if None): each signed partner's Champion and
    Implementation Plan, then meetings."""
    due = [*_partner_duties(governance, rules, today), *_meetings(governance, rules, today)]
    return [item for item in due if until is None or item.due_on <= until]


def _limits(partner: Partner, rules: HealthRules) -> Iterator[tuple[dt.date, int, str]]:
    """A partner's duties that have a time limit: the day the months run from, how many, and what is then due."""
    if partner.signed_on is not None and not partner.compact_champion:
        months = rules.champion_within_months
        yield partner.signed_on, months, f"signed on {gov_date(partner.signed_on)}, and no Compact Champion recorded within {_months(months)}"
    published = partner.implementation_plan_published_on
    if published is not None:
        months = rules.plan_renewal_months
        yield published, months, f"its Implementation Plan, published on {gov_date(published)}, is due for renewal after {_months(months)}"


def _partner_duties(governance: Governance, rules: HealthRules, today: dt.date) -> Iterator[Overdue]:
    """Signed partners past a limit: no Champion so long after signing, or a plan older than the rules allow."""
    for partner in governance.partners:
        if partner.status != "signed":
            continue
        for since, months, problem in _limits(partner, rules):
            due = add_months(since, months)
            if today > due:
                yield Overdue(partner.name, f"{problem} (due by {gov_date(due)})", due)


def _meetings(governance: Governance, rules: HealthRules, today: dt.date) -> Iterator[Overdue]:
    """Each quarter that has ended with no meeting recorded, from the first quarter starting after the first signature."""
    signed = [p.signed_on for p in governance.partners if p.status == "signed" and p.signed_on is not None]
    if not rules.meeting_every_quarter or not signed:
        return
    met = {_quarter_start(meeting.held_on) for meeting in governance.meetings}
    first = min(signed)
    start = first if first == _quarter_start(first) else add_months(_quarter_start(first), 3)
    while (end := add_months(start, 3) - dt.timedelta(days=1)) < today:
        if start not in met:
            yield Overdue(
                "Quarterly Compact meeting",
                f"no meeting recorded between {gov_date(start)} and {gov_date(end)}",
                end,
            )
        start = add_months(start, 3)


def health_report(items: list[Overdue], today: dt.date) -> str:
    """The health check's report as Markdown (it becomes the body of the health issue on GitHub)."""
    if not items:
        return f"Nothing is overdue by the rules in data/health.yml, checked on {gov_date(today)}.\n"
    count = "1 governance duty is" if len(items) == 1 else f"{len(items)} governance duties are"
    lines = [f"{count} overdue by the rules in data/health.yml, checked on {gov_date(today)}:", ""]
    return "\n".join([*lines, *(f"- {item}" for item in items)]) + "\n"
