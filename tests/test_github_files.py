""".github/: every file parses, the issue forms hold valid, unique fields that match the data, and the workflow tests and publishes."""

from __future__ import annotations

import re
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
CONCERNS_PAGE = "/compact/resolving-difficulties/"


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


def tool_versions(job: dict[str, Any]) -> dict[str, str]:
    """The version each actions/setup-* step of a job installs, by action."""
    return {
        step["uses"].split("@")[0]: next(value for key, value in step["with"].items() if key.endswith("-version"))
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/setup-")
    }


@pytest.mark.parametrize("path", sorted(GITHUB.rglob("*.yml")), ids=lambda path: path.relative_to(GITHUB).as_posix())
def test_every_yaml_file_parses_to_a_mapping(path: Path):
    assert isinstance(read_yaml(path), dict)


@pytest.mark.parametrize("name", ["sign-the-compact.yml", "report-a-correction.yml"])
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


@pytest.mark.parametrize("name", ["sign-the-compact.yml", "report-a-correction.yml"])
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
    assert tool_versions(test) == {"actions/setup-python": "3.11", "actions/setup-java": "17", "actions/setup-node": "20"}
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
