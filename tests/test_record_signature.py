"""scripts/record-signature on issue bodies as GitHub renders the "Sign the Compact" form, and the workflow that runs
it on labelled issues, its steps run with a fake gh and git that record their calls."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from compact_site.loading import load_compact
from compact_site.rendering import SiteRenderer
from compact_site.signing import sign_form_url
from running_scripts import run_script
from sitebuild import ROOT
from test_github_files import GITHUB, fake, job_step, read_yaml, run_step

WORKFLOW = GITHUB / "workflows" / "record-signature.yml"
ANSWERS = {
    "Organisation name": "VAST",
    "Sector": "Voluntary and Community Sector (VCS)",
    "Type of organisation": "VCS infrastructure body",
    "Date on the Agreement": "2015-03-09",
    "Website": None,
    "Compact Champion": "Community team",
    "Implementation Plan": None,
}


def issue_body(**changes: str | None) -> str:
    """An issue's body as GitHub renders the form: each label as a heading, then the answer or _No response_."""
    answers = {**ANSWERS, **{label.replace("_", " "): value for label, value in changes.items()}}
    sections = [f"### {label}\n\n{value if value is not None else '_No response_'}" for label, value in answers.items()]
    sections.append("### Personal details\n\n- [X] I have not given any person's name, email address or phone number.")
    return "\n\n".join(sections) + "\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return shutil.copytree(ROOT / "data", tmp_path / "data")


def record(data: Path, body: str, *, as_command: bool = False) -> subprocess.CompletedProcess:
    return run_script("record-signature", "-", "--data-dir", str(data), stdin=body, as_command=as_command)


def snapshot(data: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(data.glob("*.yml"))}


def test_a_named_partner_is_recorded_as_signed_with_its_facts_and_a_changelog_line(data):
    before = (data / "partners.yml").read_text(encoding="utf-8")
    result = record(data, issue_body(), as_command=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Recorded that VAST signed the Agreement on 2015-03-09.\n"
    compact = load_compact(data)
    vast = compact.partners_by_slug["vast"]
    assert (vast.status, vast.signed_on.isoformat(), vast.compact_champion, vast.website) == ("signed", "2015-03-09", "Community team", None)
    (entry,) = compact.changelog
    assert (entry.id, entry.kind, entry.partner, entry.changed_on.isoformat()) == ("vast-signed", "signed", "vast", "2015-03-09")
    after = (data / "partners.yml").read_text(encoding="utf-8")
    changed = [line for old, line in zip(before.splitlines(), after.splitlines()) if old != line]
    assert changed == ["    status: signed", "    signed_on: 2015-03-09", "    compact_champion: Community team"], "comments and layout kept"


def test_a_new_organisation_is_added_signed_with_its_type_from_the_data(data):
    body = issue_body(Organisation_name="Leek Community Café", Sector="Voluntary and Community Sector (VCS)",
                      Type_of_organisation="Social enterprise or community interest company (CIC)", Website="https://leek-cafe.example/")
    result = record(data, body)
    assert result.returncode == 0, result.stderr
    compact = load_compact(data)
    added = compact.partners[-1]
    assert (added.slug, added.name, added.type, added.status) == ("leek-community-cafe", "Leek Community Café", "social-enterprise-or-cic", "signed")
    assert added.signed_on == added.joined_on and added.website == "https://leek-cafe.example/"
    assert compact.changelog[-1].partner == "leek-community-cafe"


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({"Date_on_the_Agreement": "31/02/2015"}, "Date on the Agreement: expected a real date as YYYY-MM-DD, such as 2015-03-09; got '31/02/2015'"),
        ({"Date_on_the_Agreement": "2015-02-31"}, "Date on the Agreement: expected a real date as YYYY-MM-DD"),
        ({"Sector": "Third sector"}, "Sector: expected one of Public sector, Voluntary and Community Sector (VCS), Private sector; got 'Third sector'"),
        ({"Compact_Champion": "Jo Bloggs, jo.bloggs@example.org"}, "Compact Champion: this answer holds an email address; give a role or a team"),
        ({"Organisation_name": None}, "Organisation name: this answer is needed"),
        ({"Website": "javascript:alert(1)"}, "Website: expected an address starting https:// or http://"),
        ({"Date_on_the_Agreement": "2999-01-01"}, "Date on the Agreement: expected a date that is not in the future"),
    ],
    ids=["not-iso", "no-such-day", "unknown-sector", "email-in-champion", "no-name", "not-a-web-address", "future"],
)
def test_a_bad_form_changes_nothing_and_names_the_forms_field(data, changes, expected):
    before = snapshot(data)
    result = record(data, issue_body(**changes))
    assert result.returncode == 1 and result.stdout == ""
    assert expected in result.stderr
    assert "jo.bloggs" not in result.stderr, "a personal detail is not repeated in a public comment"
    assert snapshot(data) == before, "the data is untouched"


def test_every_problem_is_reported_at_once(data):
    result = record(data, issue_body(Sector="Third sector", Date_on_the_Agreement="31/02/2015"))
    assert result.returncode == 1
    assert [line.split(":")[0] for line in result.stderr.splitlines()[1:]] == ["- Sector", "- Date on the Agreement"]


def test_a_partner_already_signed_is_not_recorded_twice(data):
    assert record(data, issue_body()).returncode == 0
    again = record(data, issue_body(Date_on_the_Agreement="2015-04-01"))
    assert again.returncode == 1 and "Organisation name: VAST is already recorded as signed" in again.stderr


# --- The workflow -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return read_yaml(WORKFLOW)


def test_the_workflow_runs_on_issues_labelled_by_the_form(workflow):
    form = read_yaml(GITHUB / "ISSUE_TEMPLATE" / "sign-the-compact.yml")
    assert set(workflow[True]) == {"issues"}
    assert form["labels"] == ["signature"]
    assert workflow["jobs"]["record"]["if"] == "contains(github.event.issue.labels.*.name, 'signature')"
    record_step = job_step(workflow, "record", "Record the signature")
    assert record_step["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    assert "${{" not in record_step["run"], "the issue's text never becomes part of the script"


@pytest.mark.parametrize("status, recorded", [(0, "true"), (1, "false")])
def test_the_record_step_passes_the_commands_verdict_on(workflow, tmp_path, status, recorded):
    fake(tmp_path / ".venv" / "bin" / "python", f"cat > body; echo 'Recorded.'; echo 'Problems.' >&2; exit {status}")
    result = run_step(job_step(workflow, "record", "Record the signature"), tmp_path, {"ISSUE_BODY": issue_body()})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "body").read_text(encoding="utf-8") == issue_body() + "\n"
    assert (tmp_path / "output").read_text(encoding="utf-8") == f"recorded={recorded}\n"


def publishing_calls(workflow: dict[str, Any], tmp_path: Path, recorded: str) -> list[str]:
    """The calls of git and gh (fakes that log them) as the last step runs after the record step's verdict."""
    (tmp_path / "recorded.md").write_text("Recorded that VAST signed the Agreement on 2015-03-09.\n", encoding="utf-8")
    (tmp_path / "problems.md").write_text("- Sector: expected one of ...\n", encoding="utf-8")
    for tool in ("gh", "git"):
        fake(tmp_path / "bin" / tool, f'echo "{tool} $*" >> calls')
    result = run_step(job_step(workflow, "record", "Open a pull request, or say what to correct"), tmp_path, {"RECORDED": recorded, "ISSUE": "42"})
    assert result.returncode == 0, result.stderr
    return (tmp_path / "calls").read_text(encoding="utf-8").splitlines()


def test_a_recorded_signature_becomes_a_pull_request(workflow, tmp_path):
    calls = publishing_calls(workflow, tmp_path, "true")
    summary = "Recorded that VAST signed the Agreement on 2015-03-09."
    assert calls[2:] == [
        "git switch -c signature-42",
        "git add data/partners.yml data/changelog.yml",
        f"git commit -m {summary} -m From issue #42.",
        "git push --force origin signature-42",
        f"gh pr create --head signature-42 --title {summary} --body {summary} Check it against the signed Agreement before merging. Closes #42.",
    ]


def test_problems_become_a_comment_on_the_issue(workflow, tmp_path):
    assert publishing_calls(workflow, tmp_path, "false") == ["gh issue comment 42 --body-file problems.md"]


# --- Signing online from /sign/ ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "edit_uri, form",
    [
        ("https://github.com/owner/compact/edit/main/docs/", "https://github.com/owner/compact/issues/new?template=sign-the-compact.yml"),
        ("", None),
        ("https://gitlab.example/owner/compact/-/edit/main/docs/", None),
    ],
    ids=["github", "not-configured", "not-github"],
)
def test_the_signing_page_links_the_form_only_when_the_repository_is_known(compact, edit_uri, form):
    renderer = SiteRenderer(compact, site_url="/", docs_dir=ROOT / "docs", sign_form_url=sign_form_url(edit_uri))
    page = next(content for entry, content in renderer.rendered() if entry.src_uri == "sign.md")
    assert sign_form_url(edit_uri) == form
    assert (f"[Sign the Compact form]({form})" in page) == (form is not None)
    assert "## Where to send the signed Agreement" in page or "### Where to send the signed Agreement" in page, "the paper route, either way"
    assert "cannot say where to send" not in page
