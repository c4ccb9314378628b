"""The governance core on data written in the test: the figures counted from the records, the health rules at
their limits, and a concerns log that refuses personal details with a located error."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from compact_site.governance import Governance
from compact_site.health import add_months, health_report, last_day_due, overdue
from compact_site.loading import DataError, load_compact
from compact_site.model import Concern, HealthRules, Meeting, Partner
from compact_site.privacy import personal_details_in
from compact_site.schemas import schema_files
from compact_site.text import gov_date
from governance_records import (
    CONCERNS,
    MEETINGS,
    PARTNER_FACTS,
    facts_in,
    record_governance,
)
from sitebuild import ROOT

D = dt.date


@pytest.fixture(scope="module")
def governance(tmp_path_factory) -> Governance:
    """The real data with the test's governance records written into it, loaded as the build loads it."""
    project = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "data", project / "data")
    record_governance(project)
    return load_compact(project / "data").governance


# --- Figures -----------------------------------------------------------------------------------------


def test_the_totals_count_the_partners_with_each_duty_in_place(governance: Governance):
    assert governance.with_champion == sum(1 for facts in PARTNER_FACTS.values() if facts.get("compact_champion"))
    assert governance.with_plan == sum(1 for facts in PARTNER_FACTS.values() if facts.get("implementation_plan"))
    assert governance.signed == sum(1 for facts in PARTNER_FACTS.values() if facts.get("status") == "signed")
    assert governance.represented == len({slug for meeting in MEETINGS for slug in meeting["partners"]})
    assert governance.with_champion == 2 and governance.represented == 3  # guard: the records are not trivial


def test_each_partner_attended_the_meetings_that_list_it_oldest_first(governance: Governance):
    for partner in governance.partners:
        expected = sorted(meeting["held_on"] for meeting in MEETINGS if partner.slug in meeting["partners"])
        assert [meeting.held_on for meeting in governance.attended(partner)] == expected, partner.slug


def test_concern_figures_per_year_are_counts_by_the_year_raised(governance: Governance):
    years = sorted({concern["raised_on"].year for concern in CONCERNS})
    assert [row.year for row in governance.concern_years] == years
    for row in governance.concern_years:
        raised = [concern for concern in CONCERNS if concern["raised_on"].year == row.year]
        resolved = Counter(concern["stage"] for concern in raised if concern["outcome"] == "resolved")
        assert row.raised == len(raised)
        assert row.resolved_at_stage == {stage: resolved[stage] for stage in (1, 2, 3)}
        assert row.with_lessons_learnt == sum(1 for concern in raised if concern.get("lessons_learnt"))


def test_a_year_has_a_report_when_anything_is_dated_in_it(governance: Governance):
    days = [day for facts in PARTNER_FACTS.values() for day in facts.values() if isinstance(day, dt.date)]
    days += [meeting["held_on"] for meeting in MEETINGS]
    days += [concern[key] for concern in CONCERNS for key in ("raised_on", "closed_on") if key in concern]
    assert governance.report_years == sorted({day.year for day in days}) == [2015, 2016]


@pytest.mark.parametrize("year", [2015, 2016])
def test_the_annual_report_counts_the_year_from_the_records(governance: Governance, year: int):
    report = governance.annual_report(year)
    slugs = lambda partners: [partner.slug for partner in partners]  # noqa: E731
    assert slugs(report.joined) == facts_in(year, "joined_on")
    assert sorted(slugs(report.signed)) == sorted(facts_in(year, "signed_on"))
    assert slugs(report.withdrew) == facts_in(year, "withdrawn_on")
    assert slugs(report.champions_named) == facts_in(year, "compact_champion_named_on")
    assert slugs(report.plans_published) == facts_in(year, "implementation_plan_published_on")
    held = [meeting for meeting in MEETINGS if meeting["held_on"].year == year]
    assert [meeting.held_on for meeting in report.meetings] == [meeting["held_on"] for meeting in held]
    attended = Counter(slug for meeting in held for slug in meeting["partners"])
    assert {row.partner.slug: row.meetings for row in report.attendance} == dict(attended)
    raised = Counter((c["stage"], c["outcome"]) for c in CONCERNS if c["raised_on"].year == year)
    assert {(row.stage, outcome): count for row in report.concerns for outcome, count in row.by_outcome.items() if count} == dict(raised)
    assert report.concerns_raised == sum(raised.values())


def test_a_year_with_no_records_counts_nothing(governance: Governance):
    report = governance.annual_report(2014)
    assert not (report.joined or report.signed or report.withdrew or report.meetings or report.attendance)
    assert report.concerns_raised == 0


# --- Health rules at their limits --------------------------------------------------------------------

RULES = HealthRules(champion_within_months=3, plan_renewal_months=12, meeting_every_quarter=False)
QUARTERLY = RULES.model_copy(update={"meeting_every_quarter": True})


def partner(slug: str = "test-partner", status: str = "signed", **facts) -> Partner:
    """A partner of the test's own making, with the facts given."""
    return Partner(slug=slug, name=slug.replace("-", " ").title(), sector="vcs", type="vcs-infrastructure-body", status=status, **facts)


def records(*partners: Partner, meetings: tuple[dt.date, ...] = ()) -> Governance:
    """The governance of these partners, with a meeting on each day given and no concerns."""
    return Governance(list(partners), [Meeting(held_on=day) for day in meetings], [])


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (D(2015, 3, 15), 3, D(2015, 6, 15)),
        (D(2015, 1, 31), 1, D(2015, 2, 28)),  # a shorter month: its last day
        (D(2016, 1, 31), 1, D(2016, 2, 29)),  # a leap year
        (D(2016, 2, 29), 12, D(2017, 2, 28)),
        (D(2015, 11, 30), 3, D(2016, 2, 29)),  # into the next year
        (D(2015, 10, 31), 12, D(2016, 10, 31)),
    ],
)
def test_adding_months_keeps_the_day_or_takes_the_months_last(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    "signed_on, today, is_overdue",
    [
        (D(2015, 3, 15), D(2015, 6, 14), False),
        (D(2015, 3, 15), D(2015, 6, 15), False),  # on the limit: still in time
        (D(2015, 3, 15), D(2015, 6, 16), True),
        (D(2015, 1, 31), D(2015, 4, 30), False),  # 31 January + 3 months = 30 April
        (D(2015, 1, 31), D(2015, 5, 1), True),
        (D(2015, 11, 30), D(2016, 2, 29), False),  # 30 November + 3 months = 29 February in a leap year
        (D(2015, 11, 30), D(2016, 3, 1), True),
    ],
)
def test_a_champion_is_overdue_the_day_after_the_months_allowed(signed_on, today, is_overdue):
    items = overdue(records(partner(signed_on=signed_on)), RULES, today)
    assert len(items) == is_overdue
    if items:
        assert items[0].subject == "Test Partner"
        assert items[0].due_on == add_months(signed_on, RULES.champion_within_months)
        assert gov_date(signed_on) in str(items[0]) and gov_date(items[0].due_on) in str(items[0])


@pytest.mark.parametrize(
    "facts",
    [
        {"status": "signed", "signed_on": D(2015, 1, 5), "compact_champion": "Community team"},
        {"status": "named"},
        {"status": "withdrawn", "signed_on": D(2015, 1, 5)},
    ],
    ids=["champion-recorded", "named-only", "withdrawn"],
)
def test_only_a_signed_partner_without_a_champion_is_ever_overdue(facts):
    assert overdue(records(partner(**facts)), RULES, D(2020, 1, 1)) == []


@pytest.mark.parametrize(
    "today, is_overdue",
    [(D(2017, 2, 27), False), (D(2017, 2, 28), False), (D(2017, 3, 1), True)],  # 29 February 2016 + 12 months
)
def test_a_plan_is_due_for_renewal_the_day_after_its_months(today, is_overdue):
    published = D(2016, 2, 29)
    signed = partner(
        signed_on=D(2016, 1, 4), compact_champion="Community team",
        implementation_plan="https://www.example.org.uk/plan", implementation_plan_published_on=published,
    )
    items = overdue(records(signed), RULES, today)
    assert len(items) == is_overdue
    if items:
        assert items[0].due_on == D(2017, 2, 28) and "Implementation Plan" in items[0].problem
        assert str(items[0]).endswith(f"(due by {gov_date(items[0].due_on)})")


def quarters_overdue(signed_on: dt.date, today: dt.date, meetings: tuple[dt.date, ...] = ()) -> list[dt.date]:
    """The last days of the quarters found overdue for want of a meeting."""
    champion = {"compact_champion": "Community team"}  # so that only the meeting rule can be broken
    return [item.due_on for item in overdue(records(partner(signed_on=signed_on, **champion), meetings=meetings), QUARTERLY, today)]


def test_a_quarter_without_a_meeting_is_overdue_from_the_day_after_it_ends():
    signed = D(2015, 2, 10)  # the first quarter counted starts on 1 April 2015
    assert quarters_overdue(signed, D(2015, 6, 30)) == []
    assert quarters_overdue(signed, D(2015, 7, 1)) == [D(2015, 6, 30)]
    assert quarters_overdue(signed, D(2016, 1, 1)) == [D(2015, 6, 30), D(2015, 9, 30), D(2015, 12, 31)]


def test_a_meeting_on_a_quarters_first_or_last_day_counts_for_it_and_not_for_another():
    signed = D(2015, 2, 10)
    assert quarters_overdue(signed, D(2015, 7, 1), meetings=(D(2015, 6, 30),)) == []
    assert quarters_overdue(signed, D(2015, 7, 1), meetings=(D(2015, 4, 1),)) == []
    assert quarters_overdue(signed, D(2015, 7, 1), meetings=(D(2015, 3, 31),)) == [D(2015, 6, 30)]
    assert quarters_overdue(signed, D(2015, 10, 1), meetings=(D(2015, 7, 1),)) == [D(2015, 6, 30)]


def test_the_first_quarter_counted_is_the_first_that_starts_on_or_after_the_first_signature():
    assert quarters_overdue(D(2015, 4, 1), D(2015, 7, 1)) == [D(2015, 6, 30)]  # signed on a quarter's first day
    assert quarters_overdue(D(2015, 4, 2), D(2015, 7, 1)) == []  # a day later: that quarter is not counted
    assert quarters_overdue(D(2015, 4, 2), D(2015, 10, 1)) == [D(2015, 9, 30)]
    assert quarters_overdue(D(2015, 12, 31), D(2016, 4, 1)) == [D(2016, 3, 31)]  # into the next year


def test_no_meeting_is_due_when_the_rule_is_off_or_nobody_has_signed():
    signed = partner(signed_on=D(2015, 2, 10), compact_champion="Community team")
    assert overdue(records(signed), RULES, D(2020, 1, 1)) == []
    assert overdue(records(partner(status="named")), QUARTERLY, D(2020, 1, 1)) == []


def test_duties_fall_due_only_within_the_compacts_period():
    signed = records(partner(signed_on=D(2017, 6, 1)))  # no Champion, no meeting
    until = D(2018, 12, 31)
    items = overdue(signed, QUARTERLY, D(2026, 1, 1), until=until)
    champion_due, *quarters = [item.due_on for item in items]
    assert champion_due == D(2017, 9, 1)
    assert quarters == [D(2017, 9, 30), D(2017, 12, 31), D(2018, 3, 31), D(2018, 6, 30), D(2018, 9, 30), D(2018, 12, 31)]
    assert len(overdue(signed, QUARTERLY, D(2026, 1, 1), until=D(2019, 12, 31))) == len(items) + 4


def test_the_period_ends_the_duties_unless_the_health_rules_extend_it(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    compact = load_compact(data)
    assert last_day_due(compact) == D(compact.document.period.end, 12, 31) == D(2018, 12, 31)
    health = data / "health.yml"
    health.write_text(health.read_text(encoding="utf-8").replace("duties_until:\n", "duties_until: 2020\n"), encoding="utf-8")
    assert last_day_due(load_compact(data)) == D(2020, 12, 31)


def test_the_health_report_lists_each_overdue_duty_once_with_its_count():
    two = records(partner("first-partner", signed_on=D(2015, 1, 5)), partner("second-partner", signed_on=D(2015, 2, 5)))
    today = D(2015, 6, 1)
    items = overdue(two, RULES, today)
    report = health_report(items, today).splitlines()
    assert report[0].startswith(f"{len(items)} governance duties are overdue") and gov_date(today) in report[0]
    assert report[2:] == [f"- {item}" for item in items] and len(items) == 2
    one = health_report(items[:1], today)
    assert one.startswith("1 governance duty is overdue")
    assert health_report([], today).startswith("Nothing is overdue")


# --- The concerns log holds no personal details -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Write to someone@example.org.uk about it", "first.last+compact@mail.example.com", "Ring 0300 061 0614",
     "0207 520 2451", "01785 277000", "(01785) 277 000", "mobile 07700 900123", "07700900123", "+44 20 7520 2451",
     "+44 (0)20 7520 2451"],
)
def test_an_email_address_or_a_uk_phone_number_is_found(text):
    assert personal_details_in(text)


@pytest.mark.parametrize(
    "text",
    ["Resolved at stage 2 of 3 on 2015-05-20.", "PO Box 4771, Coventry CV4 0EH", "A £1,200,000 contract",
     "23 partners and 29 principles", "A 12 month plan, from 2015 to 2016", "See www.example.org.uk"],
)
def test_ordinary_numbers_and_addresses_of_websites_are_not_personal_details(text):
    assert personal_details_in(text) == []


def write_concerns(tmp_path: Path, entry: str) -> Path:
    """A copy of the data whose concerns log holds one entry (YAML lines); returns the data folder."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "concerns.yml").write_text(f"concerns:\n  - raised_on: 2015-05-01\n    stage: 1\n    outcome: open\n{entry}", encoding="utf-8")
    return data


@pytest.mark.parametrize(
    "detail, kind",
    [("write to clerk@example.org.uk", "an email address"), ("ring 01785 277000", "a phone number")],
)
def test_personal_details_in_lessons_learnt_stop_the_load_at_their_place(tmp_path, detail, kind):
    data = write_concerns(tmp_path, f"    lessons_learnt: Next time, {detail}.\n")
    with pytest.raises(DataError) as raised:
        load_compact(data)
    (problem,) = raised.value.problems
    assert str(problem).startswith(f"data/concerns.yml:5:21: concerns[0].lessons_learnt: this text contains {kind};")
    assert detail.split()[-1] not in str(problem), "the error must not repeat the personal detail"


@pytest.mark.parametrize("field", ["name", "email", "phone", "raised_by", "organisation"])
def test_the_concerns_log_has_no_field_for_who(tmp_path, field):
    data = write_concerns(tmp_path, f"    {field}: Somebody\n")
    with pytest.raises(DataError) as raised:
        load_compact(data)
    (problem,) = raised.value.problems
    assert str(problem).startswith(f"data/concerns.yml:5:5: concerns[0].{field}: unknown field {field!r}")


def test_the_concerns_schema_offers_no_field_for_a_person():
    schema = yaml.safe_load(schema_files(load_compact(ROOT / "data"))["concerns.schema.json"])
    concern = schema["$defs"]["Concern"]
    assert concern["additionalProperties"] is False
    assert set(concern["properties"]) == set(Concern.model_fields) == {"raised_on", "stage", "outcome", "closed_on", "lessons_learnt"}


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"outcome": "open", "closed_on": D(2015, 6, 1)}, "an open concern has no closed_on"),
        ({"outcome": "resolved"}, "needs closed_on"),
        ({"outcome": "resolved", "closed_on": D(2015, 4, 1)}, "is before raised_on"),
    ],
)
def test_a_concerns_dates_must_agree_with_its_outcome(fields, message):
    with pytest.raises(ValueError, match=message):
        Concern(raised_on=D(2015, 5, 1), stage=2, **fields)
