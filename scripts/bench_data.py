"""Synthetic data sets for the benchmark and the tests: a copy of data/ with N partners, made up or grown from the real.

The partners follow the real schema (data/partners.yml and compact_site.model.Partner): realistic names
of councils, charities, community groups and businesses in Staffordshire places; every sector; the real
types plus the kinds of organisation a large compact would have; and each optional field sometimes
filled in and sometimes left empty, as editors leave it. No made-up partner carries an editor's note:
a note quotes words of its entry, and made-up entries have none of the draft's words. The same seed always
gives the same file.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path
from typing import Any

import yaml

PLACES = (
    "Stafford", "Stoke", "Hanley", "Burslem", "Tunstall", "Longton", "Fenton", "Stone", "Leek", "Cheadle",
    "Uttoxeter", "Burton", "Lichfield", "Tamworth", "Cannock", "Rugeley", "Hednesford", "Newcastle",
    "Kidsgrove", "Biddulph", "Penkridge", "Eccleshall", "Codsall", "Wombourne", "Perton", "Brewood",
    "Kinver", "Abbots Bromley", "Alrewas", "Barton-under-Needwood", "Tutbury", "Rocester", "Alton",
    "Audley", "Madeley", "Talke", "Werrington", "Meir", "Trentham", "Blurton", "Bentilee", "Chell",
    "Norton", "Baddeley Green", "Endon", "Cheddleton", "Ipstones", "Longnor", "Great Haywood", "Gnosall",
    "Shenstone", "Fazeley", "Wilnecote", "Glascote", "Chasetown", "Burntwood", "Norton Canes", "Heath Hayes",
    "Huntington", "Great Wyrley", "Cheslyn Hay", "Essington", "Featherstone", "Kingswinford", "Armitage",
    "Colwich", "Milford", "Weston", "Hixon", "Barlaston", "Blythe Bridge", "Forsbrook", "Silverdale",
)
CAUSES = (
    "Youth", "Carers", "Older People's", "Mental Health", "Food Bank", "Foodshare", "Arts", "Heritage",
    "Sports", "Wildlife", "Allotment", "Community Transport", "Advice", "Disability", "Women's Aid",
    "Family Support", "Homeless", "Refugee Welcome", "Bereavement", "Dementia", "Men's Shed",
    "Credit Union", "Tenants'", "Residents'", "Scouts", "Guides", "Play", "Music", "Library Friends",
    "Canal", "Environment", "Cycling", "Walking", "Hospice", "Young Carers", "Veterans'", "Foodbank",
)
FORMS = ("Trust", "Association", "Network", "Project", "Group", "Forum", "Partnership", "Society", "Club", "Collective")
SURNAMES = (
    "Wedgwood", "Spode", "Minton", "Doulton", "Adams", "Bennett", "Brindley", "Clarke", "Dawson", "Edwards",
    "Fletcher", "Gibson", "Harrison", "Hughes", "Jackson", "Johnson", "Kelly", "Lawton", "Mellor", "Moss",
    "Nixon", "Oakes", "Plant", "Poole", "Rowley", "Salt", "Shaw", "Smith", "Stubbs", "Taylor", "Turner",
    "Walker", "Wardle", "Whitehurst", "Wood", "Wright", "Yates", "Bagnall", "Beech", "Boulton", "Cope",
    "Dale", "Eardley", "Forrester", "Goodwin", "Hall", "Heath", "Hodgkinson", "Johnstone", "Leese",
)
TRADES = (
    "Ceramics", "Engineering", "Logistics", "Print", "Construction", "Joinery", "Bakery", "Brewery",
    "Catering", "Accountants", "Solicitors", "Architects", "Garden Centre", "Motors", "Electrical",
    "Plumbing", "Software", "Design", "Textiles", "Pottery", "Haulage", "Care Services", "Dental Practice",
    "Pharmacy", "Opticians", "Estate Agents", "Training", "Cleaning Services", "Security", "Recruitment",
)
SAINTS = ("Chad", "Mary", "Peter", "Paul", "John", "Michael", "Werburgh", "Editha", "Bertelin", "Modwen", "Andrew", "Luke")
CHAMPIONS = (
    "Head of Communities", "Partnerships team", "Chief Executive's office", "Volunteer co-ordinator",
    "Community engagement team", "Board of trustees", "Director of Operations", "Corporate social responsibility lead",
)

# Kinds of organisation a large compact would have, beside the real types of data/partners.yml.
EXTRA_TYPES = (
    {"key": "parish-council", "name": "Parish council", "plural": "Parish councils"},
    {"key": "school", "name": "School or academy trust", "plural": "Schools and academy trusts"},
    {"key": "charity", "name": "Charity", "plural": "Charities"},
    {"key": "community-group", "name": "Community group", "plural": "Community groups"},
    {"key": "social-enterprise", "name": "Social enterprise", "plural": "Social enterprises"},
    {"key": "faith-organisation", "name": "Faith organisation", "plural": "Faith organisations"},
    {"key": "housing-association", "name": "Housing association", "plural": "Housing associations"},
    {"key": "business", "name": "Business", "plural": "Businesses"},
)

# Each kind of partner: its sector, its type, how often it occurs (weight), and how its name is made.
KINDS: tuple[tuple[str, str, int, str], ...] = (
    ("public", "district-or-borough-council", 1, "{place} Borough Council"),
    ("public", "clinical-commissioning-group", 1, "{place} Clinical Commissioning Group"),
    ("public", "parish-council", 6, "{place} Parish Council"),
    ("public", "school", 6, "{place} {saint_or_place} {school}"),
    ("vcs", "charity", 20, "{place} {cause} Trust"),
    ("vcs", "community-group", 24, "{place} {cause} {form}"),
    ("vcs", "social-enterprise", 8, "{place} {cause} CIC"),
    ("vcs", "faith-organisation", 5, "St {saint}'s Church, {place}"),
    ("vcs", "housing-association", 2, "{surname} Homes {place}"),
    ("vcs", "vcs-infrastructure-body", 1, "Support Staffordshire ({place})"),
    ("private", "business", 25, "{surname} {trade} Ltd"),
    ("private", "business", 10, "{surname} & {surname2} {trade}"),
    ("private", "chamber-of-commerce", 1, "{place} Chamber of Trade"),
)
SCHOOLS = ("Primary School", "High School", "Academy", "Infant School", "Academy Trust")

NAME_TRIES = 20  # fresh names to try before numbering a repeated one
FIRST_SIGNING = dt.date(2014, 4, 1)  # the Compact's period, so no date is ever in the future
LAST_SIGNING = dt.date(2018, 3, 31)
JOINED_UNSIGNED = dt.date(2016, 1, 1)


def slugify(name: str) -> str:
    """A partner's address from its name, as editors make them: lower case, words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("'", "").replace("&", "and")).strip("-")


def _name(rng: random.Random, pattern: str) -> str:
    """One organisation name made from a pattern of KINDS."""
    surname, surname2 = rng.sample(SURNAMES, 2)
    saint_or_place = f"St {rng.choice(SAINTS)}'s" if rng.random() < 0.5 else rng.choice(("Church of England", "Community", "Park", "Valley", "Heath"))
    return pattern.format(
        place=rng.choice(PLACES), cause=rng.choice(CAUSES), form=rng.choice(FORMS), surname=surname,
        surname2=surname2, trade=rng.choice(TRADES), saint=rng.choice(SAINTS), saint_or_place=saint_or_place,
        school=rng.choice(SCHOOLS),
    )


def _optional_facts(rng: random.Random, slug: str, sector: str) -> dict[str, Any]:
    """Status and the optional fields, each present about as often as a growing compact would have it."""
    status = rng.choices(("named", "signed", "withdrawn"), weights=(55, 40, 5))[0]
    domain = {"public": "gov.uk", "vcs": "org.uk", "private": "co.uk"}[sector]
    website = f"https://www.{slug}.{domain}/" if rng.random() < 0.6 else None
    signed = status != "named" and (rng.random() < 0.9 or status == "signed")  # a signed partner has its date
    days = (LAST_SIGNING - FIRST_SIGNING).days
    signed_on = FIRST_SIGNING + dt.timedelta(days=rng.randrange(days)) if signed else None
    # Every made-up partner joined after the 2014 draft (the draft's own list is its real partners): the day it
    # signed, or a day within the period (no draw of its own, so the same seed still makes the same names).
    joined_on = signed_on or JOINED_UNSIGNED
    facts: dict[str, Any] = {
        "status": status,
        "joined_on": joined_on,
        "signed_on": signed_on,
        "website": website,
        "compact_champion": rng.choice(CHAMPIONS) if rng.random() < 0.4 else None,
        "implementation_plan": f"{website}about/compact-plan" if website and rng.random() < 0.3 else None,
    }
    return facts


def synthetic_partners(count: int, seed: int) -> list[dict[str, Any]]:
    """`count` partners with unique names and slugs, the same for the same seed."""
    rng = random.Random(seed)
    weights = [weight for _, _, weight, _ in KINDS]
    partners: list[dict[str, Any]] = []
    seen: set[str] = set()
    while len(partners) < count:
        for _ in range(NAME_TRIES):  # the same slug means the same name, give or take case and punctuation
            sector, kind, _, pattern = rng.choices(KINDS, weights=weights)[0]
            name = _name(rng, pattern)
            if slugify(name) not in seen:
                break
        else:
            name = f"{name} ({len(partners) + 1})"  # the name space is large but finite: keep names unique
        slug = slugify(name)
        seen.add(slug)
        partners.append({"slug": slug, "name": name, "sector": sector, "type": kind, **_optional_facts(rng, slug, sector)})
    return partners


def write_data_set(data_dir: Path, count: int, seed: int, *, keep_real: bool = False) -> None:
    """Give the data/ copy at data_dir `count` partners: made-up ones in place of the real, or with keep_real the
    Compact's own followed by made-up ones (each joined after the draft; one whose name or address a real partner
    has is left out)."""
    partners_file = data_dir / "partners.yml"
    real = yaml.safe_load(partners_file.read_text(encoding="utf-8"))
    known = {kind["key"] for kind in real["types"]}
    kept = real["partners"] if keep_real else []
    taken = {key for partner in kept for key in (partner["name"], partner["slug"])}
    made_up = [partner for partner in synthetic_partners(count, seed) if partner["name"] not in taken and partner["slug"] not in taken]
    content = {
        "sectors": real["sectors"],
        "types": real["types"] + [kind for kind in EXTRA_TYPES if kind["key"] not in known],
        "partners": kept + made_up[: count - len(kept)],
    }
    header = f"# Synthetic data for scripts/bench and the tests: {count} partners, {count - len(kept)} made up (seed {seed}).\n"
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's where PyYAML has it, as compact_site.loading reads with libyaml
    partners_file.write_text(header + yaml.dump(content, Dumper=dumper, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
