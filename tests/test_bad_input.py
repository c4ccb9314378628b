"""Bad data gets one clear message per mistake, at its place, and loses nothing.

Each case breaks the real data in one way and loads it in-process, as the build and `scripts/check` do, and
asserts the exact messages (how many, the file, line and field, what was expected and found). One test runs
the real build (`scripts/build`, as `make build` does) over an earlier site/, which it must leave as it was.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort
from pydantic import ValidationError

from compact_site.addresses import lost_addresses
from compact_site.loading import DATA_FILES, DataError, load_compact, parse_yaml
from compact_site.sitemap import site_map
from running_scripts import run_script
from sitebuild import ROOT, build_site, copy_project

DATA = ROOT / "data"


@dataclass(frozen=True)
class Case:
    """Replace `old` by `new` in data/`file`; expect `message` on the line that holds `marker`, and nothing else."""

    id: str
    file: str
    old: str
    new: str
    message: str
    marker: str | None = None  # default: the first line of `new`
    to_end: bool = False  # replace from `old` to the end of the file, not `old` alone

    def broken(self) -> tuple[str, int]:
        """The broken file's text, and the line (1-based) the message must name."""
        text = (DATA / self.file).read_text(encoding="utf-8")
        assert self.old in text, f"case {self.id}: {self.old!r} is not in {self.file}"
        old = text[text.index(self.old):] if self.to_end else self.old
        broken = text.replace(old, self.new, 1)
        marker = self.marker if self.marker is not None else self.new.strip().splitlines()[0]
        start = text.index(self.old)
        offset = broken.index(marker, start) if marker in broken[start:] else broken.index(marker)
        return broken, broken.count("\n", 0, offset) + 1


def problems_in(edited: Mapping[str, str | bytes | None]) -> list[str]:
    """Every problem the loader finds in the real data with these files' texts instead (None: the file is gone)."""

    def read(path: Path) -> bytes:
        if path.name not in edited:
            return path.read_bytes()
        text = edited[path.name]
        if text is None:
            raise FileNotFoundError(path)
        return text if isinstance(text, bytes) else text.encode("utf-8")

    try:
        load_compact(DATA, root=ROOT, read=read)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return []


def the_only_problem(case: Case) -> tuple[str, int]:
    """The one message a case gives, and the line it must name."""
    text, line = case.broken()
    found = problems_in({case.file: text})
    assert len(found) == 1, f"expected one message, got {len(found)}:\n" + "\n".join(found)
    return found[0], line


def _entry_at(file: str, list_name: str, chosen) -> str:
    """The first entry of a list in the real data that `chosen` accepts, as a message names it: partners[N]."""
    entries = yaml.safe_load((DATA / file).read_text(encoding="utf-8"))[list_name]
    return f"{list_name}[{next(index for index, entry in enumerate(entries) if chosen(entry))}]"


def _partner_at(chosen) -> str:
    return _entry_at("partners.yml", "partners", chosen)


VAST = "  - slug: vast\n    name: VAST\n"
VAST_TYPE = "    type: vcs-infrastructure-body\n"
FIRST_PRINCIPLE = "  - slug: collaborative-working\n"
VAST_AT = _partner_at(lambda partner: partner["slug"] == "vast")
TAMWORTH_AT = _partner_at(lambda partner: partner["slug"] == "tamworth-borough-council")
LICHFIELD_AT = _partner_at(lambda partner: partner["slug"] == "lichfield-district-council")
FIRST_NOTED_AT = _partner_at(lambda partner: partner.get("notes") == ["councils-plural"])  # the first "notes: [councils-plural]"
def _line_of(file: str, text: str) -> int:
    """The line of the real data file where text starts."""
    whole = (DATA / file).read_text(encoding="utf-8")
    return whole.count("\n", 0, whole.index(text)) + 1


VAST_PLACE = f"data/partners.yml:{_line_of('partners.yml', VAST)} ({VAST_AT})"
CONCERN = "concerns:\n  - raised_on: 2015-05-01\n    stage: 1\n    outcome: open\n"

CASES = [
    Case("syntax-unclosed-bracket", "partners.yml", "notes: [councils-plural]", "notes: [councils-plural", "YAML syntax", marker="  - slug: east-staffordshire-borough-council"),
    # Where the file stops being YAML, in plain words with the fix, at the line to mend.
    Case("tab-indent", "partners.yml", VAST, "  - slug: vast\n\tname: VAST\n", "YAML syntax: this line is indented with a tab; use spaces", marker="\tname: VAST"),
    Case("value-with-a-colon", "partners.yml", "    name: VAST\n", "    name: VAST: Voluntary Action Stoke on Trent\n", "YAML syntax: this value holds ': ', which YAML reads as another field; put the value in quotes"),
    Case("missing-colon", "partners.yml", "    name: VAST\n", "    name VAST\n", "YAML syntax: this line has no ':' after its field name; write 'field: value'"),
    Case("items-after-an-empty-list", "meetings.yml", "meetings: []\n", "meetings: []\n  - held_on: 2015-01-05\n    partners: [vast]\n", "YAML syntax: [] is an empty list, so no item may follow it: remove [] before adding the first item"),
    Case("duplicate-key", "partners.yml", VAST, VAST + "    name: VAST again\n", f"{VAST_AT}.name: duplicate key; first given on line", marker="name: VAST again"),
    Case("duplicate-slug", "partners.yml", "  - slug: tamworth-borough-council\n", "  - slug: lichfield-district-council\n", f"{TAMWORTH_AT}.slug: duplicate slug 'lichfield-district-council'; already used by {LICHFIELD_AT}"),
    Case("duplicate-name", "partners.yml", "    name: Tamworth Borough Council\n", "    name: LICHFIELD District Council\n", f"{TAMWORTH_AT}.name: duplicate name 'LICHFIELD District Council'"),
    Case("unknown-field", "partners.yml", VAST, VAST + "    colour: purple\n", f"{VAST_AT}.colour: unknown field 'colour'; expected one of", marker="    colour: purple"),
    Case("misspelt-field", "partners.yml", "    sector: vcs\n", "    sectr: vcs\n", f"{VAST_AT}.sectr: unknown field 'sectr' (did you mean 'sector'?)"),
    Case("missing-field", "partners.yml", VAST, "  - slug: vast\n", f"{VAST_AT}.name: required field is missing", marker="  - slug: vast"),
    Case("wrong-type", "principles.yml", "    objective: 2\n", "    objective: two\n", "expected a valid integer"),
    Case("empty-file", "document.yml", "title: ", "", "the file is empty", marker="# yaml-language-server", to_end=True),
    Case("over-long-value", "partners.yml", "    name: VAST\n", "    name: " + "V" * 201 + "\n", f"{VAST_AT}.name: expected at most 200 characters; got 201: shorten it"),
    Case("address-with-a-space", "partners.yml", VAST_TYPE + "    status: named\n    signed_on:\n    website:\n", VAST_TYPE + "    status: named\n    signed_on:\n    website: https://www.vast.org .uk/\n", f"{VAST_AT}.website: an address cannot hold a space; got 'https://www.vast.org .uk/': remove the space, or write it as %20", marker="website: https"),
    Case("javascript-url", "partners.yml", VAST_TYPE + "    status: named\n    signed_on:\n    website:\n", VAST_TYPE + "    status: named\n    signed_on:\n    website: javascript:alert(1)\n", f"{VAST_AT}.website: expected an address starting https:// or http://; got 'javascript:alert(1)'", marker="website: javascript"),
    Case("relative-url", "partners.yml", VAST_TYPE + "    status: named\n    signed_on:\n    website:\n", VAST_TYPE + "    status: named\n    signed_on:\n    website: /about-us\n", f"{VAST_AT}.website: expected an address starting https:// or http://", marker="website: /about-us"),
    Case("data-url-in-markdown", "principles.yml", "[Social Value Act](https://www.legislation.gov.uk/ukpga/2012/3/enacted)", "[Social Value Act](data:text/html,<script>alert(1)</script>)", "principles[5].text: expected an address starting https:// or http://", marker="    text: |-\n      All partners will commit"),
    Case("javascript-reference-link", "principles.yml", "[Social Value Act](https://www.legislation.gov.uk/ukpga/2012/3/enacted)", "[Social Value Act][act]\n\n      [act]: javascript:alert(1)\n\n      Its principles", "principles[5].text: expected an address starting https:// or http://; got 'javascript:alert(1)'", marker="    text: |-\n      All partners will commit"),
    Case("javascript-link-in-a-definition", "partners.yml", "  - key: vcs\n    name: Voluntary and Community Sector (VCS)\n    definition: >-\n", "  - key: vcs\n    name: Voluntary and Community Sector (VCS)\n    definition: >-\n      [Read more](javascript:alert(1))\n", "sectors[1].definition: expected an address starting https:// or http://", marker="    definition: >-"),
    Case("impossible-date", "partners.yml", VAST_TYPE + "    status: named\n    signed_on:\n", VAST_TYPE + "    status: signed\n    signed_on: 2015-02-30\n", f"{VAST_AT}.signed_on: write dates as YYYY-MM-DD, e.g. 2015-03-02, a day that exists; got '2015-02-30'", marker="signed_on: 2015-02-30"),
    Case("date-not-as-yyyy-mm-dd", "partners.yml", VAST_TYPE + "    status: named\n    signed_on:\n", VAST_TYPE + "    status: signed\n    signed_on: 02/03/2015\n", f"{VAST_AT}.signed_on: write dates as YYYY-MM-DD, e.g. 2015-03-02", marker="signed_on: 02/03"),
    Case("yes-or-no-as-a-champion", "partners.yml", VAST_TYPE + "    status: named\n    signed_on:\n    website:\n    compact_champion:\n", VAST_TYPE + "    status: named\n    signed_on:\n    website:\n    compact_champion: No\n    compact_champion_named_on: 2015-01-05\n", f"{VAST_AT}.compact_champion: expected text; YAML reads yes, no, on, off, true and false as true or false: put the value in quotes", marker="compact_champion: No"),
    Case("future-date", "partners.yml", VAST_TYPE + "    status: named\n    signed_on:\n", VAST_TYPE + "    status: signed\n    signed_on: 2999-01-01\n", f"{VAST_AT}.signed_on: expected a date that is not in the future; got 2999-01-01", marker="signed_on: 2999-01-01"),
    Case("unknown-sector", "partners.yml", "    sector: vcs\n", "    sector: voluntary\n", f"{VAST_AT}.sector: expected one of public, private, vcs; got 'voluntary'"),
    Case("unknown-type", "partners.yml", VAST_TYPE, "    type: charitable-trust\n", f"{VAST_AT}.type: expected one of "),
    Case("bad-slug", "partners.yml", "  - slug: vast\n", "  - slug: Vast Stoke\n", f"{VAST_AT}.slug: expected lower-case letters, digits and single hyphens"),
    Case("bad-status", "document.yml", "status: draft", "status: published", "status: expected one of draft, final; got 'published'"),
    Case("unknown-note", "partners.yml", "notes: [councils-plural]", "notes: [council-plural]", f"{FIRST_NOTED_AT}.notes[0]: expected one of contacts-2014, councils-plural"),
    Case("note-quote-absent", "partners.yml", "    name: Tamworth Borough Council\n", "    name: Tamworth Borough Council\n    notes: [councils-plural]\n", "note 'councils-plural' is about 'Cannock Chase District Councils'", marker="  - slug: tamworth-borough-council"),
    Case("unknown-objective", "principles.yml", "    objective: 4\n", "    objective: 7\n", "principles[23].objective: expected one of 1, 2, 3, 4; got 7"),
    Case("unknown-party", "principles.yml", "    commits: [commissioners]\n", "    commits: [commisioners]\n", "principles[4].commits[0]: expected one of all-partners"),
    Case("highlight-missing", "principles.yml", "***openness and transparency***", "openness and transparency", "must contain its title in bold italics", marker="  - slug: openness-and-transparency"),
    Case("former-slug-taken", "partners.yml", VAST, VAST + "    former_slugs: [tamworth-borough-council]\n", f"{VAST_AT}.former_slugs[0]: the address 'tamworth-borough-council' is already used by {TAMWORTH_AT}.slug", marker="former_slugs:"),
    Case("python-tag", "document.yml", "status: draft", "status: !!python/object/apply:os.system ['true']", "YAML syntax: tag '!!python/object/apply:os.system' is not allowed"),
    Case("python-tag-on-a-scalar", "document.yml", "status: draft", "status: !!python/name:os.system", "YAML syntax: could not determine a constructor"),
    Case("signed-date-without-signing", "partners.yml", VAST_TYPE + "    status: named\n    signed_on:\n", VAST_TYPE + "    status: named\n    signed_on: 2015-01-05\n", f"{VAST_AT}: a partner with signed_on must have status 'signed' or 'withdrawn'", marker="  - slug: vast"),
    Case("yaml-alias", "partners.yml", VAST, "  - slug: vast\n    name: VAST\n    notes: &loop [*loop]\n", "YAML syntax: aliases (*name) of lists and mappings are not allowed", marker="    notes: &loop"),
    Case("list-instead-of-text", "agreement.yml", "lead: My organisation", "lead: [My, organisation]", "lead: expected a valid string"),
    Case("concern-with-email", "concerns.yml", "concerns: []", CONCERN + "    lessons_learnt: Ask clerk@example.org.uk first.\n", "concerns[0].lessons_learnt: this text contains an email address; the site publishes no personal details", marker="    lessons_learnt:"),
    Case("concern-with-phone", "concerns.yml", "concerns: []", CONCERN + "    lessons_learnt: Ring 01785 277000 first.\n", "concerns[0].lessons_learnt: this text contains a phone number", marker="    lessons_learnt:"),
    Case("concern-naming-someone", "concerns.yml", "concerns: []", CONCERN + "    raised_by: A. Person\n", "concerns[0].raised_by: unknown field 'raised_by'", marker="    raised_by:"),
    # A person's details reach no page, whatever the field: a Champion is a role or a team.
    Case("champion-with-email", "partners.yml", VAST_TYPE + "    status: named\n    signed_on:\n    website:\n    compact_champion:\n", VAST_TYPE + "    status: named\n    signed_on:\n    website:\n    compact_champion: Jane Smith, jane.smith@example.org.uk\n", f"{VAST_AT}.compact_champion: this text contains an email address; compact_champion wants a role or a team", marker="compact_champion: Jane"),
    Case("champion-with-phone", "partners.yml", VAST_TYPE + "    status: named\n    signed_on:\n    website:\n    compact_champion:\n", VAST_TYPE + "    status: named\n    signed_on:\n    website:\n    compact_champion: Jane Smith, 01785 277000\n", f"{VAST_AT}.compact_champion: this text contains a phone number; compact_champion wants a role or a team (such as 'Partnerships team'), not a person", marker="compact_champion: Jane"),
    Case("changelog-summary-with-email", "changelog.yml", "entries: []", "entries:\n  - id: a-correction\n    changed_on: 2015-01-05\n    kind: correction\n    title: A slip corrected\n    summary: Reported by jo@example.org.uk.\n", "entries[0].summary: this text contains an email address; the site publishes no personal details", marker="    summary:"),
    # Records that contradict each other: the message names the other's place too.
    Case("signed-entry-for-a-named-partner", "changelog.yml", "entries: []", "entries:\n  - id: vast-signed\n    changed_on: 2015-01-05\n    kind: signed\n    partner: vast\n", f"entries[0]: partner 'vast' has status 'named' ({VAST_PLACE}); a 'signed' entry needs status 'signed' (or 'withdrawn')", marker="  - id: vast-signed"),
    Case("signed-without-a-date", "partners.yml", VAST_TYPE + "    status: named\n", VAST_TYPE + "    status: signed\n", f"{VAST_AT}: status 'signed' needs signed_on, the date on the signed Agreement (YYYY-MM-DD)", marker="  - slug: vast"),
    Case("sector-contradicts-type", "partners.yml", "    sector: vcs\n", "    sector: private\n", f"{VAST_AT}: sector 'private' contradicts type 'vcs-infrastructure-body', which is in sector 'vcs' (data/partners.yml:{_line_of('partners.yml', '  - {key: vcs-infrastructure-body')} (types[9])): correct the sector or the type", marker="  - slug: vast"),
    Case("contact-unknown-field", "resolution.yml", "    name: Compact Voice\n", "    name: Compact Voice\n    email: someone@example.org.uk\n", "contacts[1].email: unknown field 'email'", marker="    email:"),
    Case("period-reversed", "document.yml", "  end: 2018", "  end: 2004", "period: expected end (2004) not before start (2014)", marker="  start: 2014"),
    # A list where a name belongs is cross-checked (slugs, former slugs) before validation: it must not crash that.
    Case("list-as-slug", "partners.yml", "  - slug: vast\n", "  - slug: [vast]\n", f"{VAST_AT}.slug: expected a valid string"),
    Case("list-as-former-slug", "partners.yml", VAST, VAST + "    former_slugs: [[vast-old]]\n", f"{VAST_AT}.former_slugs[0]: expected a valid string", marker="    former_slugs:"),
    Case("list-as-key", "partners.yml", VAST, VAST + "    ? [sector, type]\n    : vcs\n", f"{VAST_AT}: YAML syntax: a key must be a name, not a list or a mapping", marker="    ? [sector"),
    # A line break in a one-line field would end the list item or code block it is printed in: the rest would be Markdown.
    Case("line-separator-in-a-name", "partners.yml", "    name: VAST\n", '    name: "VAST\\L<script>alert(9)</script>"\n', f"{VAST_AT}.name: expected one line of text, without line breaks"),
    # Markdown breaks a line at a carriage return: it hid a reference link from a check of the text's lines.
    Case(
        "carriage-return-in-prose",
        "notes.yml",
        "    note: >-\n      The draft's editors left this question in the text. It is not yet confirmed that the\n"
        "      Staffordshire and Stoke on Trent Compact Working Group is the contact for support from\n"
        "      Compact Champions, and the draft gives no contact details for the group.\n",
        '    note: "A note.\\r[r]: javascript:alert(1)\\r\\r[c][r]"\n',
        f"{_entry_at('notes.yml', 'notes', lambda note: note['id'] == 'is-this-right')}.note: expected text without control characters, its lines broken by new lines only; got U+000D after 'A note.'",
    ),
    Case("line-break-in-a-name", "partners.yml", "    name: VAST\n", '    name: "VAST\\n```\\n<script>alert(9)</script>"\n', f"{VAST_AT}.name: expected one line of text, without line breaks"),
    # Pasted from a word processor: a vertical tab, which YAML refuses; libyaml counts its place in bytes.
    Case("control-character", "partners.yml", "    name: Tamworth Borough Council\n", "    name: Tamworth\u2013Borough\x0bCouncil\n", "YAML syntax: the character U+000B is not allowed"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_bad_data_gets_one_precise_message(case: Case):
    problem, line = the_only_problem(case)
    assert problem.startswith(f"data/{case.file}:{line}:") and case.message in problem, f"expected data/{case.file}:{line}: ... {case.message}\ngot: {problem}"


def test_a_file_that_cannot_be_read_is_reported_once_and_not_checked_against():
    """A tab in partners.yml: one message, and none from the meeting and the changelog entry that name partners."""
    partners, line = next(case for case in CASES if case.id == "tab-indent").broken()
    found = problems_in({
        "partners.yml": partners,
        "meetings.yml": "meetings:\n  - held_on: 2015-01-05\n    partners: [vast, staffordshire-county-council]\n",
        "changelog.yml": "entries:\n  - id: vast-signed\n    changed_on: 2015-01-05\n    kind: signed\n    partner: vast\n",
    })
    assert found == [f"data/partners.yml:{line}:1: YAML syntax: this line is indented with a tab; use spaces"]


def test_a_date_written_wrongly_is_reported_once_not_again_by_the_changelog():
    partners, line = next(case for case in CASES if case.id == "date-not-as-yyyy-mm-dd").broken()
    changelog = "entries:\n  - id: vast-signed\n    changed_on: 2015-03-02\n    kind: signed\n    partner: vast\n"
    found = problems_in({"partners.yml": partners, "changelog.yml": changelog})
    assert len(found) == 1 and found[0].startswith(f"data/partners.yml:{line}:")


@pytest.mark.parametrize(
    "dates, held_on, message",
    [
        ("    joined_on: 2016-01-04\n", "2015-10-05", "before it joined on 2016-01-04"),
        ("    withdrawn_on: 2016-01-04\n", "2016-04-04", "after it withdrew on 2016-01-04"),
    ],
)
def test_a_partner_at_a_meeting_before_it_joined_or_after_it_withdrew_is_refused(dates: str, held_on: str, message: str):
    partners = (DATA / "partners.yml").read_text(encoding="utf-8").replace(VAST_TYPE + "    status: named\n", VAST_TYPE + ("    status: withdrawn\n" if "withdrawn" in dates else "    status: named\n") + dates)
    meetings = f"meetings:\n  - held_on: {held_on}\n    partners: [vast]\n"
    assert problems_in({"partners.yml": partners, "meetings.yml": meetings}) == [
        f"data/meetings.yml:2:5: meetings[0]: 'vast' is listed at this meeting of {held_on}, {message} ({VAST_PLACE})"
    ]


def test_every_problem_in_every_file_is_reported_at_once():
    cases = {case.id: case for case in CASES}
    chosen = [cases["unknown-sector"], cases["unknown-objective"], cases["bad-status"]]
    broken = {case.file: case.broken() for case in chosen}
    found = problems_in({file: text for file, (text, _) in broken.items()})
    assert len(found) == len(chosen)
    for case in chosen:
        line = broken[case.file][1]
        assert any(p.startswith(f"data/{case.file}:{line}:") and case.message in p for p in found), found


def test_invalid_utf8_is_reported():
    found = problems_in({"notes.yml": (DATA / "notes.yml").read_bytes() + b"\n# caf\xe9\n"})
    assert len(found) == 1 and found[0].startswith("data/notes.yml:1:1: expected UTF-8 text")


def test_a_missing_data_file_is_reported():
    assert problems_in({"agreement.yml": None}) == ["data/agreement.yml:1:1: the file is missing"]


def test_a_published_address_cannot_silently_disappear(tmp_path: Path):
    """Deleting a partner would break intranet links: the check refuses, naming the address and the fix."""
    root = tmp_path / "project"
    root.mkdir()
    (root / "urls.txt").write_text((ROOT / "urls.txt").read_text(encoding="utf-8"), encoding="utf-8")
    text = (DATA / "partners.yml").read_text(encoding="utf-8")
    compact = load_compact(DATA, root=ROOT, read=lambda path: text[: text.index(VAST)].encode() if path.name == "partners.yml" else path.read_bytes())
    (root / "docs").symlink_to(ROOT / "docs")
    listed = (ROOT / "urls.txt").read_text(encoding="utf-8").splitlines()
    line = listed.index("partners/vast/") + 1
    assert lost_addresses(site_map(compact), root) == [
        f"urls.txt:{line}:1: partners/vast/: this published address would disappear; "
        "give the entry former_slugs to keep it as a redirect (see the editors' guide)"
    ]


def _text_places(value, loc: tuple = ()):
    """The place of every text in a parsed data file."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _text_places(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _text_places(item, (*loc, index))
    elif isinstance(value, str):
        yield loc


def _replaced(value, loc: tuple, new):
    """A copy of a parsed data file with the value at loc replaced."""
    if not loc:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[loc[0]] = _replaced(value[loc[0]], loc[1:], new)
    return copy


def _texts_of(file: str) -> tuple[object, list[tuple]]:
    """A data file as parsed, and the places of its texts but the Compact's own contact lines for organisations."""
    document, _ = parse_yaml((DATA / file).read_text(encoding="utf-8"), file)
    return document.data, [loc for loc in _text_places(document.data) if not (file == "resolution.yml" and loc[2:3] == ("lines",))]


# The files that hold text today; the others (an empty log) are covered by a case above each.
@pytest.mark.parametrize("file", [file for file in DATA_FILES if _texts_of(file)[1]])
@pytest.mark.parametrize("detail", ["Write to jo@example.org.uk", "Ring 01785 277000"])
def test_no_text_of_the_data_takes_a_persons_details(file: str, detail: str):
    """Every text the data holds, replaced by a person's email address or phone number, is refused at its place
    (a free text for holding personal details; a slug, a date or an address as what it is not); only the Compact's
    own contact lines for organisations keep theirs."""
    data, places = _texts_of(file)
    for loc in places:
        with pytest.raises(ValidationError) as raised:
            DATA_FILES[file].model_validate(_replaced(data, loc, detail))
        assert [tuple(error["loc"]) for error in raised.value.errors()] == [loc]
        message = raised.value.errors()[0]["msg"]
        assert "personal details" in message or "role or a team" in message or raised.value.errors()[0]["type"] != "value_error" or "address" in message, (loc, message)


def tree_digest(folder: Path) -> dict[str, str]:
    """Each file under folder, by relative path, with a digest of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_failed_build_reports_the_problem_and_leaves_the_earlier_site_as_it_was(tmp_path: Path):
    """The one real build: `scripts/build` over a site/ of an earlier build, with a mistake in the data."""
    root = copy_project(tmp_path / "project")
    earlier = root / "site"
    (earlier / "partners" / "vast").mkdir(parents=True)
    (earlier / "index.html").write_text("<!doctype html><title>Earlier build</title>", encoding="utf-8")
    (earlier / "partners" / "vast" / "index.html").write_text("<!doctype html><title>VAST</title>", encoding="utf-8")
    case = next(case for case in CASES if case.id == "unknown-sector")
    text, line = case.broken()
    (root / "data" / case.file).write_text(text, encoding="utf-8")
    before = tree_digest(earlier)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # MkDocs prints some of its messages on stdout: all of them are read together.
    result = subprocess.run([sys.executable, str(root / "scripts" / "build")], cwd=root, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert result.returncode == 1
    assert f"data/partners.yml:{line}:" in result.stdout and case.message in result.stdout
    assert tree_digest(earlier) == before, "the earlier site/ must be left as it was"


def test_check_reports_the_same_problems_without_building(tmp_path: Path):
    root = copy_project(tmp_path / "project")
    case = next(case for case in CASES if case.id == "unknown-sector")
    text, line = case.broken()
    (root / "data" / case.file).write_text(text, encoding="utf-8")
    result = run_script("check", "--root", str(root))
    assert result.returncode == 1
    assert f"data/partners.yml:{line}:" in result.stderr and case.message in result.stderr
    assert not (root / "site").exists()


def test_check_passes_on_the_real_data():
    result = run_script("check", cwd=ROOT, as_command=True)  # the editor's command itself, as `make check` runs it
    assert result.returncode == 0, result.stderr


def test_a_script_written_into_a_markdown_page_stops_the_build(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    """Markdown allows raw HTML: a <script> an editor writes into a page is no script of the theme's, and the
    policy, which allows inline scripts by their hashes, must not allow it with the theme's own."""
    root = copy_project(tmp_path / "project")
    page = root / "docs" / "privacy.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(root, tmp_path / "site")
    assert "privacy.md: no strict Content-Security-Policy can allow this page: an inline script that no theme template writes: 'alert(1)'" in caplog.text
