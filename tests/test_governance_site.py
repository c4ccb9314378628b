"""Governance on the built site and from the editors' scripts: a copy of the project with records written by the
test (tests/governance_records.py) is built, and every figure on its pages and in the scripts' output is derived
from those records. The real site, with nothing recorded yet, says so."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from compact_site.loading import load_compact
from compact_site.text import gov_date
from governance_records import CONCERNS, COUNTY, MEETINGS, PARTNER_FACTS, STAFFORD, clear_governance, facts_in, record_governance
from running_scripts import run_script
from sitebuild import BuiltSite, build_site, copy_project

GOVERNANCE = "compact/governance/"


def words(element) -> str:
    """An element's text as a reader sees it, without the ¶ of a heading's permalink."""
    return re.sub(r"\s+", " ", element.get_text("")).strip().removesuffix("¶").strip()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with the test's governance records."""
    root = copy_project(tmp_path_factory.mktemp("governance") / "project")
    record_governance(root)
    return root


@pytest.fixture(scope="module")
def recorded(project: Path, tmp_path_factory) -> BuiltSite:
    """The copy with the records, built."""
    return build_site(project, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def unrecorded(tmp_path_factory) -> tuple[Path, BuiltSite]:
    """A copy of the project with no governance recorded, and its site."""
    root = copy_project(tmp_path_factory.mktemp("unrecorded") / "project")
    clear_governance(root)
    return root, build_site(root, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def names(project: Path) -> dict[str, str]:
    """Each partner's name by slug, from the copy's data."""
    return {partner.slug: partner.name for partner in load_compact(project / "data").partners}


def run(script: str, *args: str, root: Path | None = None, as_command: bool = False) -> subprocess.CompletedProcess:
    """Run one of the project's scripts, on the project at `root` (the repository by default)."""
    return run_script(script, *args, *(["--root", str(root)] if root else []), as_command=as_command)


# --- The governance page -----------------------------------------------------------------------------


def test_the_governance_page_totals_each_duty_out_of_every_partner(recorded, names):
    section = recorded.page(GOVERNANCE).select_one("article")
    total = len(names)
    champions = sum(1 for facts in PARTNER_FACTS.values() if facts.get("compact_champion"))
    plans = sum(1 for facts in PARTNER_FACTS.values() if facts.get("implementation_plan"))
    represented = len({slug for meeting in MEETINGS for slug in meeting["partners"]})
    items = [words(li) for li in section.find("h2", id="in-place").find_next_sibling("ul").select("li")]
    assert items == [
        f"{champions} of {total} partners have named a Compact Champion.",
        f"{plans} of {total} partners {'has' if plans == 1 else 'have'} published an Implementation Plan.",
        f"{represented} of {total} partners have been represented at one or more of the {len(MEETINGS)} quarterly Compact meetings recorded.",
    ]


def test_the_governance_table_shows_what_each_partner_has_in_place(recorded, names):
    table = recorded.page(GOVERNANCE).select_one('[aria-label="What each partner has in place"] table')
    assert [words(th) for th in table.select("thead th")] == ["Partner", "Status", "Compact Champion", "Implementation Plan", "Meetings attended"]
    rows = table.select("tbody tr")
    attending = {slug for meeting in MEETINGS for slug in meeting["partners"]}
    with_records = [slug for slug in names if slug in attending or {"compact_champion", "implementation_plan"} & set(PARTNER_FACTS.get(slug, {}))]
    assert [words(row.td) for row in rows] == [names[slug] for slug in with_records], "only the partners with a record"
    others = len(names) - len(with_records)
    assert f"the other {others} have recorded none yet" in words(table.find_previous("p"))
    for row, slug in zip(rows, with_records):
        facts = PARTNER_FACTS.get(slug, {})
        partner, status, champion, plan, attended = row.select("td")
        assert partner.a["href"] == f"../../partners/{slug}/"
        assert words(status) == facts.get("status", "named").capitalize()
        assert words(champion) == facts.get("compact_champion", "Not yet recorded")
        if "implementation_plan" in facts:
            assert plan.a["href"] == facts["implementation_plan"]
            assert words(plan) == f"Published {gov_date(facts['implementation_plan_published_on'])}"
        else:
            assert words(plan) == "Not yet recorded" and plan.a is None
        count = sum(1 for meeting in MEETINGS if slug in meeting["partners"])
        assert words(attended) == f"{count} of {len(MEETINGS)}"


def test_the_governance_table_stays_out_of_the_search_index(recorded, names):
    """The table repeats what each partner's page says: search finds those pages."""
    index = json.loads((recorded.root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    in_place = next(doc for doc in index if doc["location"] == f"{GOVERNANCE}#in-place")
    assert recorded.page(GOVERNANCE).find(id="in-place").find_next("table") is not None
    assert not any(name in in_place["text"] for name in names.values())


def test_the_governance_page_lists_the_meetings_with_their_notes(recorded):
    section = recorded.page(GOVERNANCE).select_one("article").find("h2", id="meetings")
    items = section.find_next_sibling("ul").select("li")
    meetings = sorted(MEETINGS, key=lambda meeting: meeting["held_on"])
    assert len(items) == len(meetings)
    for item, meeting in zip(items, meetings):
        assert words(item).startswith(f"{gov_date(meeting['held_on'])}: {len(meeting['partners'])} partner")
        assert [a["href"] for a in item.select("a")] == ([meeting["notes_url"]] if "notes_url" in meeting else [])


def test_the_governance_page_publishes_concern_figures_per_year_and_nothing_else(recorded):
    table = recorded.page(GOVERNANCE).select_one('[aria-label="Concerns raised, by year"] table')
    years = sorted({concern["raised_on"].year for concern in CONCERNS})
    rows = [[words(td) for td in row.select("td")] for row in table.select("tbody tr")]
    expected = []
    for year in years:
        raised = [concern for concern in CONCERNS if concern["raised_on"].year == year]
        resolved = Counter(concern["stage"] for concern in raised if concern["outcome"] == "resolved")
        lessons = sum(1 for concern in raised if concern.get("lessons_learnt"))
        expected.append([str(year), str(len(raised)), *(str(resolved[stage]) for stage in (1, 2, 3)), str(lessons)])
    assert rows == expected


def test_no_page_publishes_what_a_concern_was_about(recorded):
    lessons = [concern["lessons_learnt"] for concern in CONCERNS if "lessons_learnt" in concern]
    for url in recorded.urls:
        text = words(recorded.page(url))
        assert not [lesson for lesson in lessons if lesson in text], url


def test_the_governance_page_links_an_annual_report_for_each_year_recorded(recorded):
    section = recorded.page(GOVERNANCE).select_one("article").find("h2", id="annual-reports")
    links = section.find_next_sibling("ul").select("a")
    assert [a["href"] for a in links] == ["../annual-reports/2015/", "../annual-reports/2016/"]
    assert {f"compact/annual-reports/{year}/" for year in (2015, 2016)} <= set(recorded.urls)
    assert "compact/annual-reports/2014/" not in recorded.urls


# --- A partner's page --------------------------------------------------------------------------------


def partner_facts(site: BuiltSite, slug: str) -> dict[str, object]:
    """The facts of a partner page, by label; the meetings attended as a list of dates."""
    facts = site.page(f"partners/{slug}/").select_one("article .compact-facts")
    found: dict[str, object] = {}
    for term in facts.select("dt"):
        value = term.find_next_sibling("dd")
        found[words(term)] = words(value.p or value)
        found[f"{words(term)}: list"] = [words(li) for li in value.select("li")]
    return found


@pytest.mark.parametrize("slug", [COUNTY, STAFFORD, "tamworth-borough-council"])
def test_a_partner_page_shows_its_own_governance_record(recorded, slug):
    facts = PARTNER_FACTS.get(slug, {})
    shown = partner_facts(recorded, slug)
    if "compact_champion" in facts:
        named_on = f", named on {gov_date(facts['compact_champion_named_on'])}" if "compact_champion_named_on" in facts else ""
        assert shown["Compact Champion"] == f"{facts['compact_champion']}{named_on}"
    else:
        assert "Compact Champion" not in shown
    if "implementation_plan" in facts:
        published = f" on {gov_date(facts['implementation_plan_published_on'])}" if "implementation_plan_published_on" in facts else ""
        assert shown["Implementation Plan"] == f"Published{published}"
    else:
        assert "Implementation Plan" not in shown
    attended = sorted(meeting["held_on"] for meeting in MEETINGS if slug in meeting["partners"])
    label = "Quarterly Compact meetings"
    if attended:
        assert shown[label] == f"Attended {len(attended)} of the {len(MEETINGS)} meetings recorded:"
    else:
        assert shown[label] == f"Attended none of the {len(MEETINGS)} meetings recorded."
    assert shown[f"{label}: list"] == [gov_date(day) for day in attended]


# --- The annual report: the page and scripts/annual-report ------------------------------------------


def annex_items(article) -> list[str]:
    """The list items of an annual annex, as a reader reads them."""
    return [words(li) for li in article.select("li")]


@pytest.mark.parametrize("year", [2015, 2016])
def test_the_annual_report_page_counts_the_year_from_the_records(recorded, names, year):
    items = annex_items(recorded.page(f"compact/annual-reports/{year}/").select_one("article"))
    for label, field in (
        ("Joined the Compact", "joined_on"),
        ("Signed the Compact", "signed_on"),
        ("Withdrew from the Compact", "withdrawn_on"),
        ("Named a Compact Champion", "compact_champion_named_on"),
        ("Published an Implementation Plan", "implementation_plan_published_on"),
    ):
        slugs = [slug for slug in names if slug in facts_in(year, field)]  # in the order of the data
        listed = f" ({', '.join(names[slug] for slug in slugs)})" if slugs else ""
        assert f"{label}: {len(slugs)}{listed}" in items
    held = [meeting for meeting in MEETINGS if meeting["held_on"].year == year]
    attended = Counter(slug for meeting in held for slug in meeting["partners"])
    for slug, count in attended.items():
        assert f"{names[slug]}: {count} meeting{'s' if count != 1 else ''}" in items
    raised = [concern for concern in CONCERNS if concern["raised_on"].year == year]
    for stage in (1, 2, 3):
        at_stage = [concern for concern in raised if concern["stage"] == stage]
        assert any(item.startswith(f"Stage {stage} (") and item.split(": ")[1].split(" ")[0] == str(len(at_stage)) for item in items)


def test_scripts_annual_report_prints_the_pages_annex(recorded, project):
    result = run("annual-report", "2015", root=project, as_command=True)
    assert result.returncode == 0, result.stderr
    printed = BeautifulSoup(markdown.markdown(result.stdout), "html.parser")
    page = recorded.page("compact/annual-reports/2015/").select_one("article")
    assert words(printed.h1) == words(page.h1)
    assert annex_items(printed) == annex_items(page)


def test_scripts_annual_report_refuses_a_year_with_nothing_recorded(project):
    result = run("annual-report", "2014", root=project)
    assert result.returncode == 1 and result.stdout == ""
    assert "Nothing is recorded in 2014" in result.stderr and "Years with records: 2015, 2016." in result.stderr


@pytest.mark.parametrize("year", ["16", "20x5", "2016-01"])
def test_scripts_annual_report_refuses_what_is_not_a_year(year):
    result = run("annual-report", year)
    assert result.returncode == 2
    assert f"expected a year as four digits, such as 2016; got {year!r}" in result.stderr


def test_scripts_annual_report_says_when_the_data_records_no_year_yet(unrecorded):
    result = run("annual-report", "2016", root=unrecorded[0])
    assert result.returncode == 1 and "Years with records: none yet." in result.stderr


# --- scripts/check --health ----------------------------------------------------------------------------


def test_the_health_check_passes_until_a_quarter_ends_without_a_meeting(project):
    # The last meeting of 2015 was in July: the quarter from October to December has none.
    last_quarter = (dt.date(2015, 10, 1), dt.date(2015, 12, 31))
    assert not [m for m in MEETINGS if last_quarter[0] <= m["held_on"] <= last_quarter[1]]
    on_time = run("check", "--health", "--today", "2015-12-31", root=project)
    assert on_time.returncode == 0, on_time.stdout + on_time.stderr
    assert on_time.stdout.startswith("Nothing is overdue")
    late = run("check", "--health", "--today", "2016-01-01", root=project)
    assert late.returncode == 1
    lines = late.stdout.splitlines()
    assert lines[0].startswith("1 governance duty is overdue") and "1 January 2016" in lines[0]
    assert lines[2:] == [f"- Quarterly Compact meeting: no meeting recorded between {gov_date(last_quarter[0])} and {gov_date(last_quarter[1])}"]


def test_the_health_check_reports_a_plan_due_for_renewal(project, names):
    published = PARTNER_FACTS[COUNTY]["implementation_plan_published_on"]  # 15 June 2015: due by 15 June 2016
    result = run("check", "--health", "--today", "2016-06-16", root=project)
    assert result.returncode == 1
    (line,) = [line for line in result.stdout.splitlines() if line.startswith(f"- {names[COUNTY]}:")]
    assert f"published on {gov_date(published)}, is due for renewal" in line and line.endswith("(due by 15 June 2016)")


def test_the_health_check_reports_data_errors_as_check_does(project, tmp_path):
    broken = copy_project(tmp_path / "broken")
    (broken / "data" / "health.yml").write_text("champion_within_months: 0\nplan_renewal_months: 12\nmeeting_every_quarter: true\n", encoding="utf-8")
    result = run("check", "--health", root=broken)
    assert result.returncode == 1 and result.stdout == ""
    assert "data/health.yml:1:25: champion_within_months: expected greater than or equal to 1; got 0" in result.stderr


def test_the_health_check_passes_where_nobody_has_signed(unrecorded):
    assert not load_compact(unrecorded[0] / "data").signatories
    result = run("check", "--health", "--today", "2030-01-01", root=unrecorded[0])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "Nothing is overdue by the rules in data/health.yml, checked on 1 January 2030.\n"


@pytest.mark.parametrize(
    "args, message",
    [(["--health", "--today", "2016-02-30"], "expected a date as YYYY-MM-DD; got '2016-02-30'"), (["--today", "2016-01-01"], "--today is only for --health")],
)
def test_the_health_check_refuses_a_bad_day(args, message):
    result = run("check", *args)
    assert result.returncode == 2 and message in result.stderr


# --- The site with nothing recorded yet (the real data as the draft stands) ------------------------------


def test_the_governance_page_says_plainly_what_is_not_recorded(unrecorded):
    root, site = unrecorded
    compact = load_compact(root / "data")
    article = site.page(GOVERNANCE).select_one("article")
    assert compact.governance.with_champion == 0 and not compact.meetings and not compact.concerns
    in_place = article.find("h2", id="in-place").find_next_sibling("h2", id="meetings").find_all_previous("p", limit=2)
    assert "No partner has yet recorded a Compact Champion or an Implementation Plan." in words(in_place[0]), "said once"
    assert not article.select("table") and "Not yet recorded" not in words(article), "no table of blanks"
    text = words(article)
    for sentence in ("No meetings have been recorded yet.", "No concerns have been recorded yet.", "there is no annual annex yet"):
        assert sentence in text
    assert not [url for url in site.urls if url.startswith("compact/annual-reports/")]
