""".github/: every file parses, the issue forms hold valid, unique fields that match the data, the site workflow tests
and publishes, and the health workflow keeps one issue in step with what is overdue."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from compact_site.compact import Compact
from sitebuild import ROOT

GITHUB = ROOT / ".github"
FORMS = GITHUB / "ISSUE_TEMPLATE"
WORKFLOW = GITHUB / "workflows" / "site.yml"
FORM_ELEMENTS = {"markdown", "input", "textarea", "dropdown", "checkboxes"}  # what GitHub's issue forms allow
CONCERNS_PAGE = "/raise-a-concern/"
ISSUE_FORMS = sorted(path.name for path in FORMS.glob("*.yml") if path.name != "config.yml")  # config.yml is GitHub's settings


def read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def form_fields(form: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A form's fields (every element but markdown) by id."""
    return {element["id"]: element for element in form["body"] if element["type"] != "markdown"}


@pytest.fixture(scope="module")
def sign_form() -> dict[str, Any]:
    return read_yaml(FORMS / "sign-the-compact.yml")


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return read_yaml(WORKFLOW)


def steps_of(job: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The actions a job uses (without versions) and the commands it runs."""
    uses = [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]
    runs = [step["run"] for step in job["steps"] if "run" in step]
    return uses, runs


@pytest.mark.parametrize("path", sorted(GITHUB.rglob("*.yml")), ids=lambda path: path.relative_to(GITHUB).as_posix())
def test_every_yaml_file_parses_to_a_mapping(path: Path):
    assert isinstance(read_yaml(path), dict)


@pytest.mark.parametrize("name", ISSUE_FORMS)
def test_each_issue_form_is_well_formed_with_unique_field_ids(name: str):
    form = read_yaml(FORMS / name)
    assert form["name"] and form["description"] and form["body"]
    assert {element["type"] for element in form["body"]} <= FORM_ELEMENTS
    ids = [element["id"] for element in form["body"] if element["type"] != "markdown"]
    assert len(ids) == len(set(ids)), ids
    assert all(re.fullmatch(r"[a-z0-9-]+", field_id) for field_id in ids), ids
    for field in form_fields(form).values():
        assert field["attributes"]["label"]
        options = field["attributes"].get("options", [])
        assert len(options) == len({str(option) for option in options}), field["id"]


@pytest.mark.parametrize("name", ISSUE_FORMS)
def test_each_issue_form_warns_against_personal_details_and_public_concerns(name: str):
    form = read_yaml(FORMS / name)
    introduction = form["body"][0]["attributes"]["value"]
    assert "Do not give any person's name, email address or phone number" in introduction
    assert CONCERNS_PAGE in introduction
    assert form_fields(form)["no-personal-details"]["attributes"]["options"][0]["required"] is True


def test_the_concerns_page_the_forms_point_to_exists():
    assert (ROOT / "docs" / f"{CONCERNS_PAGE.strip('/')}.md").is_file()


def test_the_sign_form_offers_exactly_the_sectors_and_types_of_the_data(sign_form, compact: Compact):
    fields = form_fields(sign_form)
    assert fields["sector"]["attributes"]["options"] == [sector.name for sector in compact.partners_file.sectors]
    assert fields["type"]["attributes"]["options"] == [kind.name for kind in compact.partners_file.types]


def test_the_sign_form_asks_for_the_facts_of_a_partner_entry_and_no_person(sign_form):
    fields = form_fields(sign_form)
    assert list(fields) == [
        "organisation-name", "sector", "type", "signed-on", "website", "compact-champion", "implementation-plan",
        "no-personal-details",
    ]
    assert "Never a person's name, email address or phone number" in fields["compact-champion"]["attributes"]["description"]


def test_the_correction_form_asks_for_the_page_the_words_and_the_source():
    fields = form_fields(read_yaml(FORMS / "report-a-correction.yml"))
    assert list(fields) == ["page-url", "words-now", "words-should-be", "source", "no-personal-details"]
    assert all(fields[field_id]["validations"]["required"] for field_id in list(fields)[:4])


def test_there_is_a_form_for_each_kind_of_report_the_site_asks_for():
    assert set(ISSUE_FORMS) == {"sign-the-compact.yml", "report-a-correction.yml", "report-a-problem.yml"}


def test_the_problem_form_asks_what_the_accessibility_statement_says_it_asks():
    form = read_yaml(FORMS / "report-a-problem.yml")
    fields = form_fields(form)
    assert list(fields) == ["page-url", "trying-to-do", "what-happened", "browsing-with", "no-personal-details"]
    assert all(fields[field_id]["validations"]["required"] for field_id in ("page-url", "trying-to-do", "what-happened"))
    statement = (ROOT / "docs" / "accessibility.md").read_text(encoding="utf-8")
    assert f'"{form["name"]}"' in " ".join(statement.split()), "the statement names the form as GitHub shows it"


def test_blank_issues_are_disabled():
    config = read_yaml(FORMS / "config.yml")
    assert config["blank_issues_enabled"] is False
    assert CONCERNS_PAGE in (FORMS / "config.yml").read_text(encoding="utf-8")


def test_the_workflow_runs_make_test_on_every_pull_request_and_push(workflow):
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"pull_request", "push"}
    test = workflow["jobs"]["test"]
    _, runs = steps_of(test)
    assert test["runs-on"] == "ubuntu-latest"
    assert any("apt-get install" in run and "chromium" in run for run in runs)
    assert any(run.startswith("make test") for run in runs)


def test_the_workflow_publishes_main_to_github_pages_after_the_tests(workflow):
    publish = workflow["jobs"]["publish"]
    assert publish["needs"] == "test"
    assert "refs/heads/main" in publish["if"]
    uses, _ = steps_of(publish)
    assert uses[-2:] == ["actions/upload-pages-artifact", "actions/deploy-pages"]
    build = next(step for step in publish["steps"] if step.get("run") == "make build")
    assert "COMPACT_SITE_URL" in build["env"]


# --- The scheduled governance health check --------------------------------------------------------

HEALTH_WORKFLOW = GITHUB / "workflows" / "health.yml"


@pytest.fixture(scope="module")
def health() -> dict[str, Any]:
    """The governance health workflow."""
    return read_yaml(HEALTH_WORKFLOW)


def job_step(workflow: dict[str, Any], job: str, name: str) -> dict[str, Any]:
    """A workflow job's step of that name."""
    return next(step for step in workflow["jobs"][job]["steps"] if step.get("name") == name)


def test_the_health_workflow_runs_weekly_and_on_demand(health):
    triggers = health[True]
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    (schedule,) = triggers["schedule"]
    minute, hour, day_of_month, month, day_of_week = schedule["cron"].split()
    assert (day_of_month, month) == ("*", "*") and re.fullmatch(r"[0-6]", day_of_week), "once a week"
    assert minute.isdigit() and hour.isdigit()


def test_the_health_workflow_may_write_issues_and_nothing_else(health):
    assert health["permissions"] == {"contents": "read", "issues": "write"}
    assert "permissions" not in health["jobs"]["health"]
    step = job_step(health, "health", "Open, update or close the health issue")
    assert step["env"]["GH_TOKEN"] == "${{ github.token }}"


def test_the_health_workflow_checks_the_data_before_the_health(health):
    _, runs = steps_of(health["jobs"]["health"])
    assert runs[0] == "make check"
    assert "scripts/check --health" in runs[1]


def run_step(step: dict[str, Any], tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run a workflow step's shell script as GitHub does (bash -e), in tmp_path, with fakes first on PATH."""
    environment = {"PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}", "GITHUB_OUTPUT": str(tmp_path / "output"), **env}
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=environment, capture_output=True, text=True)


def fake(path: Path, script: str) -> None:
    """An executable shell script at path, standing in for a tool."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    path.chmod(0o755)


@pytest.mark.parametrize("status, overdue", [(0, "false"), (1, "true")])
def test_the_health_step_passes_the_reports_verdict_on(health, tmp_path, status, overdue):
    fake(tmp_path / ".venv" / "bin" / "python", f"echo 'The report.'; exit {status}")
    result = run_step(job_step(health, "health", "List what is overdue"), tmp_path, {})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "health-report.md").read_text(encoding="utf-8") == "The report.\n"
    assert (tmp_path / "output").read_text(encoding="utf-8") == f"overdue={overdue}\n"


def test_the_health_step_fails_when_the_check_itself_fails(health, tmp_path):
    fake(tmp_path / ".venv" / "bin" / "python", "exit 2")
    result = run_step(job_step(health, "health", "List what is overdue"), tmp_path, {})
    assert result.returncode == 2 and not (tmp_path / "output").exists()


@pytest.mark.parametrize(
    "overdue, open_issue, expected",
    [
        ("true", "", ["issue create --title {title} --body-file health-report.md"]),
        ("true", "7", ["issue edit 7 --body-file health-report.md"]),
        ("false", "7", ["issue close 7 --comment Nothing is overdue."]),
        ("false", "", []),
    ],
    ids=["opens-one", "updates-the-open-one", "closes-it-when-nothing-is-overdue", "leaves-none"],
)
def test_the_health_issue_is_opened_updated_or_closed(health, tmp_path, overdue, open_issue, expected):
    title = health["env"]["HEALTH_ISSUE_TITLE"]
    (tmp_path / "health-report.md").write_text("Nothing is overdue.\n", encoding="utf-8")
    # A fake gh: logs each call but `issue list`, which answers with the open issue's number (as --jq would).
    fake(tmp_path / "bin" / "gh", f'if [ "$1 $2" = "issue list" ]; then echo "{open_issue}"; else echo "$@" >> calls; fi')
    step = job_step(health, "health", "Open, update or close the health issue")
    result = run_step(step, tmp_path, {"OVERDUE": overdue, "HEALTH_ISSUE_TITLE": title})
    assert result.returncode == 0, result.stderr
    calls = (tmp_path / "calls").read_text(encoding="utf-8").splitlines() if (tmp_path / "calls").exists() else []
    assert calls == [call.format(title=title) for call in expected]
    assert '"$HEALTH_ISSUE_TITLE"' in step["run"] and "select(.title == env.HEALTH_ISSUE_TITLE)" in step["run"], "one issue, found by its exact title"
