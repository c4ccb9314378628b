"""scripts/add-partner, run as editors run it, on a copy of data/: it adds lines, changes none, and refuses bad entries."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from compact_site.loading import load_compact
from running_scripts import run_script
from sitebuild import ROOT

SCRIPT = ROOT / "scripts" / "add-partner"
BASICS = ["--sector", "vcs", "--type", "vcs-infrastructure-body"]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the repository's data folder, for the script to change."""
    return Path(shutil.copytree(ROOT / "data", tmp_path / "data"))


def add_partner(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the script on data from another folder (so nothing depends on the working directory), without a terminal."""
    return run_script("add-partner", "--data-dir", str(data), *args, cwd=data.parent)


def added_lines(before: str, after: str) -> list[str]:
    """The lines after adds to before, failing if any line of before was changed or removed."""
    changes = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if not line.startswith("  ")]
    assert all(line.startswith("+ ") for line in changes), "\n".join(changes)
    return [line[2:] for line in changes]


def partners_text(data: Path) -> str:
    return (data / "partners.yml").read_text(encoding="utf-8")


# --- Adding ----------------------------------------------------------------------------------------


def test_a_partner_given_by_options_is_added_at_the_end_and_nothing_else_changes(data: Path):
    before = partners_text(data)
    result = add_partner(
        data, "--name", "Zoë's Café", "--slug", "zoes-cafe", "--sector", "private", "--type", "chamber-of-commerce",
        "--status", "signed", "--signed-on", "2015-03-09", "--website", "https://www.example.org.uk/",
        "--compact-champion", "Community team", "--implementation-plan", "https://www.example.org.uk/plan",
    )
    assert result.returncode == 0, result.stderr
    after = partners_text(data)
    assert after.startswith(before)  # the end of the file is the end of the partners list
    assert added_lines(before, after) == [
        "  - slug: zoes-cafe",
        "    name: Zoë's Café",
        "    sector: private",
        "    type: chamber-of-commerce",
        "    status: signed",
        "    signed_on: 2015-03-09",
        "    website: https://www.example.org.uk/",
        "    compact_champion: Community team",
        "    implementation_plan: https://www.example.org.uk/plan",
    ]
    partner = load_compact(data).partners[-1]
    assert (partner.slug, partner.name, partner.signed_on) == ("zoes-cafe", "Zoë's Café", dt.date(2015, 3, 9))
    assert "/partners/zoes-cafe/" in result.stdout


def test_unknown_facts_are_left_empty_and_the_status_is_named_by_default(data: Path):
    before = partners_text(data)
    assert add_partner(data, "--name", "Stafford Community Trust", *BASICS).returncode == 0
    added = added_lines(before, partners_text(data))
    assert added[4:] == ["    status: named", "    signed_on:", "    website:", "    compact_champion:", "    implementation_plan:"]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Zoë's Café", "zoes-cafe"),
        ("Ysgol Gymraeg Caerdydd – Cyf.", "ysgol-gymraeg-caerdydd-cyf"),
        ("Stoke & Staffs  Trust", "stoke-and-staffs-trust"),
    ],
)
def test_the_slug_is_made_from_the_name_when_not_given(data: Path, name: str, slug: str):
    assert add_partner(data, "--name", name, *BASICS).returncode == 0
    assert load_compact(data).partners[-1].slug == slug


@pytest.mark.parametrize("name", ["Ysgol Gymraeg Caerdydd – Cyf.", "Zoë's Café"])
def test_non_ascii_names_are_kept_intact(data: Path, name: str):
    assert add_partner(data, "--name", name, *BASICS).returncode == 0
    assert f"\n    name: {name}\n" in partners_text(data)
    assert load_compact(data).partners[-1].name == name


def test_markup_in_a_name_is_stored_as_text(data: Path):
    name = "Ysgol <script>alert(1)</script> & Co"
    assert add_partner(data, "--name", name, *BASICS).returncode == 0
    assert load_compact(data).partners[-1].name == name


def test_words_that_yaml_would_misread_are_stored_as_text(data: Path):
    """The site reads YAML 1.1, where a bare Yes is true and 2015 a number: such values must be quoted."""
    assert add_partner(data, "--name", "2015", "--compact-champion", "Yes", *BASICS).returncode == 0
    partner = load_compact(data).partners[-1]
    assert (partner.name, partner.compact_champion) == ("2015", "Yes")


def test_a_sector_and_a_type_may_be_given_by_their_names(data: Path):
    result = add_partner(data, "--name", "Stafford Community Trust", "--sector", "Private sector", "--type", "chamber of commerce")
    assert result.returncode == 0, result.stderr
    partner = load_compact(data).partners[-1]
    assert (partner.sector, partner.type) == ("private", "chamber-of-commerce")


def test_a_file_with_a_byte_order_mark_and_crlf_line_endings_keeps_them(data: Path):
    path = data / "partners.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    before = path.read_bytes()
    assert add_partner(data, "--name", "Stafford Community Trust", *BASICS).returncode == 0
    after = path.read_bytes()
    assert after.startswith(before)
    assert after.count(b"\n") == after.count(b"\r\n")
    assert load_compact(data).partners[-1].name == "Stafford Community Trust"


def test_in_a_terminal_it_asks_for_what_is_missing(data: Path):
    terminal, script_side = os.openpty()
    answers = ["Ysgol Gymraeg Caerdydd – Cyf.", "", "vcs", "VCS infrastructure body", ""]  # Enter keeps the suggested slug, status named
    os.write(terminal, "".join(f"{answer}\n" for answer in answers).encode("utf-8"))
    try:  # the script's own command line, its standard input a terminal
        command = [sys.executable, str(SCRIPT), "--data-dir", str(data)]
        result = subprocess.run(command, cwd=data.parent, stdin=script_side, capture_output=True, text=True, encoding="utf-8", timeout=120)
    finally:
        os.close(terminal)
        os.close(script_side)
    assert result.returncode == 0, result.stderr
    partner = load_compact(data).partners[-1]
    assert (partner.slug, partner.name, partner.type, partner.status) == (
        "ysgol-gymraeg-caerdydd-cyf", "Ysgol Gymraeg Caerdydd – Cyf.", "vcs-infrastructure-body", "named"
    )


# --- Refusing --------------------------------------------------------------------------------------


def refused(data: Path, *args: str, status: int = 1) -> str:
    """Run the script, expect it to refuse with status and leave every data file as it was; return its message."""
    before = {path.name: path.read_bytes() for path in data.iterdir()}
    result = add_partner(data, *args)
    assert result.returncode == status, result.stdout
    assert {path.name: path.read_bytes() for path in data.iterdir()} == before
    return result.stderr


def test_a_duplicate_slug_is_refused(data: Path):
    count = len(load_compact(data).partners)
    message = refused(data, "--slug", "vast", "--name", "Another Body", *BASICS)
    assert f": partners[{count}].slug: duplicate slug 'vast'; already used by partners[{count - 1}]" in message


def test_a_duplicate_name_is_refused_whatever_its_case(data: Path):
    count = len(load_compact(data).partners)
    message = refused(data, "--name", "vast", "--slug", "vast-again", *BASICS)
    assert f": partners[{count}].name: duplicate name 'vast'; already used by partners[{count - 1}]" in message


def test_a_bad_sector_gets_the_loaders_message_naming_the_field_and_its_line(data: Path):
    count = len(load_compact(data).partners)
    sector_line = len(partners_text(data).splitlines()) + 3  # the new entry's third line: slug, name, sector
    message = refused(data, "--name", "Stafford Community Trust", "--sector", "publc", "--type", "county-council")
    expected = f"data/partners.yml:{sector_line}:13: partners[{count}].sector: expected one of public, private, vcs; got 'publc'"
    assert f"  {expected}\n" in message


def test_a_future_signing_date_and_a_script_address_are_refused(data: Path):
    message = refused(
        data, "--name", "Stafford Community Trust", *BASICS, "--status", "signed",
        "--signed-on", (dt.date.today() + dt.timedelta(days=2)).isoformat(), "--website", "javascript:alert(1)",
    )
    assert ".signed_on: expected a date that is not in the future" in message
    assert ".website: expected an address starting https:// or http://; got 'javascript:alert(1)'" in message


def test_a_date_not_written_yyyy_mm_dd_is_refused(data: Path):
    message = refused(data, "--name", "Stafford Community Trust", *BASICS, "--signed-on", "9/3/2015", status=2)
    assert "--signed-on: expected a date as YYYY-MM-DD; got '9/3/2015'" in message


def test_without_a_terminal_missing_fields_are_an_error_naming_them(data: Path):
    message = refused(data, "--name", "Stafford Community Trust", status=2)
    assert "--sector, --type not given" in message


def test_nothing_is_added_to_data_that_already_has_problems(data: Path):
    path = data / "partners.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    sector: vcs\n", "    sector: vsc\n"), encoding="utf-8")
    message = refused(data, "--name", "Stafford Community Trust", *BASICS)
    assert "fix them first" in message
    assert ".sector: expected one of public, private, vcs; got 'vsc'" in message
