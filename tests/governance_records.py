"""Governance records that the tests write into a copy of the project: facts about real partners, meetings and
concerns, all in 2015 and 2016. The tests derive every figure they expect from these records, never from a page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

COUNTY = "staffordshire-county-council"
VAST = "vast"
STAFFORD = "stafford-borough-council"
CHAMBERS = "staffordshire-chambers-of-commerce"

# What each of four partners has done, as the fields of its entry in data/partners.yml.
PARTNER_FACTS: dict[str, dict[str, Any]] = {
    COUNTY: {
        "status": "signed",
        "signed_on": dt.date(2015, 1, 31),
        "compact_champion": "Partnerships & Communities team",
        "compact_champion_named_on": dt.date(2015, 3, 2),
        "implementation_plan": "https://www.example.org.uk/compact/implementation-plan",
        "implementation_plan_published_on": dt.date(2015, 6, 15),
    },
    VAST: {
        "status": "signed",
        "signed_on": dt.date(2015, 2, 10),
        "compact_champion": "Chief Executive's office",
        "compact_champion_named_on": dt.date(2016, 1, 4),
    },
    STAFFORD: {"status": "withdrawn", "signed_on": dt.date(2015, 3, 9), "withdrawn_on": dt.date(2016, 5, 20)},
    CHAMBERS: {"joined_on": dt.date(2016, 2, 1)},
}

MEETINGS: list[dict[str, Any]] = [
    {"held_on": dt.date(2015, 4, 15), "partners": [COUNTY, VAST], "notes_url": "https://www.example.org.uk/compact/notes-2015-04"},
    {"held_on": dt.date(2015, 7, 20), "partners": [COUNTY]},
    {"held_on": dt.date(2016, 1, 25), "partners": [VAST, COUNTY, STAFFORD]},
]

CONCERNS: list[dict[str, Any]] = [
    {"raised_on": dt.date(2015, 5, 1), "stage": 1, "outcome": "resolved", "closed_on": dt.date(2015, 5, 20),
     "lessons_learnt": "Consult the sector before a service is recommissioned."},
    {"raised_on": dt.date(2015, 9, 1), "stage": 2, "outcome": "resolved", "closed_on": dt.date(2015, 10, 10)},
    {"raised_on": dt.date(2015, 11, 11), "stage": 2, "outcome": "open"},
    {"raised_on": dt.date(2016, 3, 3), "stage": 3, "outcome": "taken-elsewhere", "closed_on": dt.date(2016, 6, 1),
     "lessons_learnt": "Agree who decides before a contract is ended."},
]


def _write_yaml(path: Path, data: dict[str, Any]) -> None:
    """Write data as a YAML file (its comments are not kept: this is a copy)."""
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def record_governance(project: Path) -> None:
    """Write the records above into the data of the project copy at `project`."""
    data = project / "data"
    partners = yaml.safe_load((data / "partners.yml").read_text(encoding="utf-8"))
    for entry in partners["partners"]:
        entry.update(PARTNER_FACTS.get(entry["slug"], {}))
    _write_yaml(data / "partners.yml", partners)
    _write_yaml(data / "meetings.yml", {"meetings": MEETINGS})
    _write_yaml(data / "concerns.yml", {"concerns": CONCERNS})


# A partner's facts that record its part in the Compact: none of them is set before it signs.
GOVERNANCE_FACTS = ("signed_on", "withdrawn_on", "compact_champion", "compact_champion_named_on", "implementation_plan", "implementation_plan_published_on")


def clear_governance(project: Path) -> None:
    """The data of the project copy at `project` with no governance recorded, as the draft stands today: whatever an
    editor records in the real data later (a signature, a Champion, a meeting), the tests of the empty state keep it."""
    data = project / "data"
    partners = yaml.safe_load((data / "partners.yml").read_text(encoding="utf-8"))
    for entry in partners["partners"]:
        entry["status"] = "named"
        entry.update({fact: None for fact in GOVERNANCE_FACTS if fact in entry})
    _write_yaml(data / "partners.yml", partners)
    for name, key in (("meetings.yml", "meetings"), ("concerns.yml", "concerns"), ("changelog.yml", "entries")):
        _write_yaml(data / name, {key: []})


def facts_in(year: int, field: str) -> list[str]:
    """The slugs of the partners whose `field` (a date) falls in `year`."""
    return [slug for slug, facts in PARTNER_FACTS.items() if facts.get(field) and facts[field].year == year]
