"""data/changelog.yml: a bad entry is a located error, as in every other data file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compact_site.loading import DataError, load_compact
from sitebuild import ROOT

# Each case: the entries to write, the line (1-based, in the written file) and message the error must give.
CASES = {
    "correction-without-title": (
        "  - id: fixed\n    changed_on: 2016-02-01\n    kind: correction\n",
        2, "entries[0]: a 'correction' entry needs a 'title' saying what was corrected",
    ),
    "unknown-partner": (
        "  - id: joined\n    changed_on: 2016-02-01\n    kind: joined\n    partner: no-such-partner\n",
        5, "entries[0].partner: expected one of ",
    ),
    "withdrawn-but-not-withdrawn": (
        "  - id: gone\n    changed_on: 2016-02-01\n    kind: withdrawn\n    partner: vast\n",
        2, "entries[0]: partner 'vast' has status 'named' (data/partners.yml:",
    ),
    "partner-change-without-partner": (
        "  - id: signed\n    changed_on: 2016-02-01\n    kind: signed\n",
        2, "entries[0]: a 'signed' entry needs the partner's slug in 'partner'",
    ),
    "duplicate-id": (
        "  - id: same\n    changed_on: 2016-02-01\n    kind: correction\n    title: One\n"
        "  - id: same\n    changed_on: 2016-02-02\n    kind: correction\n    title: Two\n",
        6, "entries[1].id: duplicate id 'same'; already used by entries[0]",
    ),
    "future-date": (
        "  - id: later\n    changed_on: 2999-01-01\n    kind: correction\n    title: Not yet\n",
        3, "entries[0].changed_on: expected a date that is not in the future",
    ),
    "date-differs-from-the-partners": (
        "  - id: signed\n    changed_on: 2016-02-01\n    kind: signed\n    partner: tamworth-borough-council\n",
        2, "entries[0]: partner 'tamworth-borough-council' has signed_on 2015-06-01 (data/partners.yml:",
    ),
    "unknown-kind": (
        "  - id: odd\n    changed_on: 2016-02-01\n    kind: renamed\n    title: Odd\n",
        4, "entries[0].kind: expected one of joined, signed, withdrawn, correction; got 'renamed'",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_bad_changelog_entry_is_named_by_file_line_and_field(tmp_path: Path, case: str):
    entries, line, message = CASES[case]
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "changelog.yml").write_text("entries:\n" + entries, encoding="utf-8")
    partners = data / "partners.yml"  # one partner with a recorded signature, for the entries to agree with
    text = partners.read_text(encoding="utf-8")
    start = text.index("  - slug: tamworth-borough-council\n")
    signed = text[start:].replace("    status: named\n    signed_on:\n", "    status: signed\n    signed_on: 2015-06-01\n", 1)
    partners.write_text(text[:start] + signed, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_compact(data)
    problems = [str(problem) for problem in raised.value.problems]
    assert any(problem.startswith(f"data/changelog.yml:{line}:") and message in problem for problem in problems), problems

