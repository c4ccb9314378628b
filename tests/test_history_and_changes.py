"""Dates from git history, the changelog and its Atom feed, withdrawn partners and another site URL.

One copy of the project is made a git repository with two commits at known dates, given a changelog, a
withdrawn partner and a partner whose name needs escaping, left with one uncommitted edit, and built for
another site URL. Every expectation comes from what the test wrote, never from the output.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from compact_site.standing import standing
from compact_site.history import read_history
from compact_site.loading import load_compact
from compact_site.feed import change_title
from compact_site.rendering import SiteRenderer
from compact_site.text import gov_date
from sitebuild import ROOT, build_site, copy_project
from test_site import article, words

ATOM = "{http://www.w3.org/2005/Atom}"
SVG = "{http://www.w3.org/2000/svg}"
OTHER_SITE = "https://compact.example.org/staffs/"

FIRST_COMMIT = "2016-09-18T10:00:00+01:00"
# Late in the evening west of Greenwich: already 3 March in UTC, still 2 March where it was committed.
SECOND_COMMIT = "2017-03-02T23:30:00-02:00"
FIRST_DAY, SECOND_DAY = dt.date(2016, 9, 18), dt.date(2017, 3, 2)

WITHDRAWN = "tamworth-borough-council"
CHANGED_PARTNER = "vast"  # its entry changes in the second commit
NEW_PARTNER = {
    "slug": "friends-of-stoke",
    "name": 'Friends of <Stoke> & "Co"',  # must come out as these characters everywhere
    "sector": "vcs",
    "type": "vcs-infrastructure-body",
    "status": "signed",
    "signed_on": dt.date(2016, 11, 4),
    "former_slugs": ["friends-of-stoke-old"],  # renamed: its old page and badge must keep working
}
CHANGES = [
    {"id": "tamworth-signed", "changed_on": dt.date(2015, 6, 1), "kind": "signed", "partner": WITHDRAWN},
    {"id": "friends-signed", "changed_on": dt.date(2016, 11, 4), "kind": "signed", "partner": NEW_PARTNER["slug"]},
    {
        "id": "tamworth-withdrawn",
        "changed_on": dt.date(2017, 1, 5),
        "kind": "withdrawn",
        "partner": WITHDRAWN,
        "summary": "Its letter was read at the [Compact meeting](https://www.example.org/notes).",
    },
    {"id": "typo-fixed", "changed_on": dt.date(2016, 2, 1), "kind": "correction", "title": "A <slip> & a fix in the text"},
]
UNCOMMITTED_PRINCIPLE = "buy-local"
MARKUP_DESCRIPTION = "A <b>bold</b> & \"quoted\" start. "  # in front matter: must stay text in every tag


def git(project: Path, *args: str, when: str | None = None) -> str:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
                   "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    if when:
        environment |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    return subprocess.run(["git", *args], cwd=project, env=environment, check=True, capture_output=True, text=True).stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The copy of the project with its two commits and one uncommitted edit."""
    project = copy_project(tmp_path_factory.mktemp("history") / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "The draft as it stands", when=FIRST_COMMIT)
    data = project / "data"
    # Second commit: one partner's entry, one Markdown page, a withdrawal, a new partner and the changelog.
    partners = (data / "partners.yml").read_text(encoding="utf-8")
    vast = partners.index(f"  - slug: {CHANGED_PARTNER}\n")
    partners = partners[:vast] + partners[vast:].replace("    compact_champion:\n", "    compact_champion: Community team\n", 1)
    start = partners.index(f"  - slug: {WITHDRAWN}\n")
    withdrawal = "    status: withdrawn\n    signed_on: 2015-06-01\n    withdrawn_on: 2017-01-05\n"
    partners = partners[:start] + partners[start:].replace("    status: named\n    signed_on:\n", withdrawal, 1)
    added = yaml.safe_dump([NEW_PARTNER], sort_keys=False, allow_unicode=True)
    partners += "\n".join("  " + line for line in added.splitlines()) + "\n"
    (data / "partners.yml").write_text(partners, encoding="utf-8")
    edit(data / "changelog.yml", "entries: []", "entries:\n" + "\n".join("  " + line for line in yaml.safe_dump(CHANGES, sort_keys=False).splitlines()))
    edit(project / "docs" / "compact" / "index.md", "\n", "\n\n")
    edit(project / "docs" / "raise-a-concern.md", "description: ", f"description: {MARKUP_DESCRIPTION}")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "urls"), "--update", "--root", str(project)], check=True, capture_output=True)
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Record a withdrawal and a new signatory", when=SECOND_COMMIT)
    # Not committed: a comment inside one principle's entry, as an editor's unsaved work in `make serve`.
    edit(data / "principles.yml", f"  - slug: {UNCOMMITTED_PRINCIPLE}\n", f"  - slug: {UNCOMMITTED_PRINCIPLE}\n    # being edited\n")
    return project


@pytest.fixture(scope="module")
def built(project, tmp_path_factory):
    """The project built for another site URL."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COMPACT_SITE_URL", OTHER_SITE)
        return build_site(project, tmp_path_factory.mktemp("history-site"))


@pytest.fixture(scope="module")
def compact(project):
    return load_compact(project / "data")


def last_changed(site, url: str):
    return site.page(url).select_one("article .compact-last-changed")


def shown_day(site, url: str) -> dt.date:
    """The date a page says it was last updated; checked to be written as GOV.UK writes dates."""
    line = last_changed(site, url)
    day = dt.date.fromisoformat(line.time["datetime"])
    assert words(line.time) == gov_date(day)
    return day


# --- Dates -----------------------------------------------------------------------------------------


def test_a_generated_page_is_dated_by_its_own_data_entry(built, compact):
    assert shown_day(built, f"partners/{CHANGED_PARTNER}/") == SECOND_DAY
    unchanged = next(p for p in compact.partners if p.slug not in (CHANGED_PARTNER, WITHDRAWN, NEW_PARTNER["slug"]))
    assert shown_day(built, f"partners/{unchanged.slug}/") == FIRST_DAY, "a change to another entry does not date it"
    assert shown_day(built, f"partners/{WITHDRAWN}/") == SECOND_DAY
    assert shown_day(built, "partners/") == SECOND_DAY, "the directory: the whole file"


def test_a_markdown_page_is_dated_by_its_file(built):
    assert shown_day(built, "compact/") == SECOND_DAY
    assert shown_day(built, "compact/policy-context/") == FIRST_DAY


def test_uncommitted_edits_are_not_yet_published_and_never_dated_by_the_build(built, compact):
    for url in (f"principles/{UNCOMMITTED_PRINCIPLE}/", "principles/"):
        line = last_changed(built, url)
        assert line.time is None and "not yet published" in words(line).lower(), url
    objective = next(o for o in compact.objectives if any(p.slug == UNCOMMITTED_PRINCIPLE for p in compact.principles_of(o)))
    assert last_changed(built, f"compact/objectives/{objective.slug}/").time is None, "it shows the principle"
    other = next(p for p in compact.principles if p.slug != UNCOMMITTED_PRINCIPLE)
    assert shown_day(built, f"principles/{other.slug}/") == FIRST_DAY


def test_an_entry_of_a_list_is_dated_by_its_own_lines_not_by_the_list_after_it(built, compact):
    """The last objective's entry ends where the list of principles starts: the uncommitted edit to a principle
    of another objective leaves its page as committed."""
    last = compact.objectives[-1]
    assert UNCOMMITTED_PRINCIPLE not in {principle.slug for principle in compact.principles_of(last)}
    page = f"compact/objectives/{last.slug}/"
    assert last_changed(built, page).time is not None, "dated by the uncommitted edit in the list after its own"
    assert shown_day(built, page) == FIRST_DAY


def test_every_page_shows_a_date_line(built):
    redirects = [url for url in built.urls if built.page(url).find("meta", attrs={"http-equiv": "refresh"})]
    assert redirects == [f"partners/{NEW_PARTNER['former_slugs'][0]}/"], "a former address only sends readers on"
    for url in set(built.urls) - set(redirects):
        assert last_changed(built, url) is not None, url


def test_the_sitemap_dates_pages_as_they_do(built):
    sitemap = ET.fromstring((built.root / "sitemap.xml").read_bytes())
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    dates = {url.find(f"{namespace}loc").text: url.find(f"{namespace}lastmod") for url in sitemap.iter(f"{namespace}url")}
    assert dates[f"{OTHER_SITE}partners/{CHANGED_PARTNER}/"].text == SECOND_DAY.isoformat()
    assert dates[f"{OTHER_SITE}principles/{UNCOMMITTED_PRINCIPLE}/"] is None, "no date is better than a wrong one"


def test_without_git_history_a_page_says_its_date_is_not_known(tmp_path, compact):
    assert not read_history(tmp_path, compact.entry_lines).known
    copy = copy_project(tmp_path / "inside")  # a copy inside another repository does not borrow its history
    git(tmp_path, "init", "-q")
    assert not read_history(copy, compact.entry_lines).known
    renderer = SiteRenderer(compact, site_url=OTHER_SITE, docs_dir=copy / "docs", history=read_history(copy, compact.entry_lines))
    meta = renderer.page_meta("partners/vast.md", "partners/vast/", title="VAST", markdown="", description=None, fallback="")
    assert "not known" in meta["compact_last_changed"] and meta["compact_changed_on"] == ""


def test_the_published_build_reads_the_whole_history():
    """A shallow clone (the checkout action's default) would date every page by the last commit alone."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    (checkout,) = [step for step in workflow["jobs"]["publish"]["steps"] if step.get("uses", "").startswith("actions/checkout")]
    assert checkout["with"]["fetch-depth"] == 0


# --- The changelog and its feed ----------------------------------------------------------------------


def feed(site) -> ET.Element:
    return ET.fromstring((site.root / "feed.xml").read_bytes())


def test_the_feed_lists_the_changelog_newest_first(built, compact):
    root = feed(built)
    entries = root.findall(f"{ATOM}entry")
    newest_first = sorted(CHANGES, key=lambda change: change["changed_on"], reverse=True)
    assert [entry.find(f"{ATOM}id").text for entry in entries] == [f"{OTHER_SITE}whats-new/#{c['id']}" for c in newest_first]
    for entry, change in zip(entries, newest_first):
        assert entry.find(f"{ATOM}updated").text == f"{change['changed_on'].isoformat()}T00:00:00Z"
        assert entry.find(f"{ATOM}category").get("term") == change["kind"]
        title = entry.find(f"{ATOM}title").text
        link = entry.find(f"{ATOM}link").get("href")
        if "partner" in change:
            name = compact.partners_by_slug[change["partner"]].name
            assert title.startswith(name) and link == f"{OTHER_SITE}partners/{change['partner']}/"
        else:
            assert title == change["title"], "escaped in the XML, the same characters once parsed"
    summary = next(e for e in entries if e.find(f"{ATOM}id").text.endswith("#tamworth-withdrawn")).find(f"{ATOM}summary")
    assert summary.text == "Its letter was read at the Compact meeting."


def test_the_feed_is_dated_by_the_last_commit_not_the_build(built):
    committed = dt.datetime.fromisoformat(SECOND_COMMIT).astimezone(dt.timezone.utc)
    assert feed(built).find(f"{ATOM}updated").text == committed.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_the_real_changelog_is_a_valid_feed(site):
    """An entry for each change the real data records (none yet, as the draft stands): a valid feed either way."""
    root = feed(site)
    assert root.tag == f"{ATOM}feed" and len(root.findall(f"{ATOM}entry")) == len(load_compact(ROOT / "data").changelog)
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    last = subprocess.run(["git", "log", "-1", "--format=%cI"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    expected = dt.datetime.fromisoformat(last).astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert root.find(f"{ATOM}updated").text == expected


def test_whats_new_shows_each_change_with_its_anchor_and_date(built, compact):
    page = built.page("whats-new/").select_one("article")
    for change in CHANGES:
        heading = page.find(id=change["id"])
        entry = next(e for e in compact.changelog if e.id == change["id"])
        assert words(heading).startswith(change_title(compact, entry))
        assert gov_date(change["changed_on"]) in words(heading.find_next_sibling("p"))


# --- Withdrawn partners stay on the record -----------------------------------------------------------


def test_a_withdrawn_partner_stays_listed_and_marked_everywhere(built, compact):
    partner = compact.partners_by_slug[WITHDRAWN]
    directory = built.page("partners/").select_one("article")
    listed = [words(li) for li in directory.select("li") if partner.name in words(li)]
    assert any(standing(partner, compact.document) in item for item in listed), "marked under its sector"
    former = directory.find("h2", id="former-partners").find_next_sibling("ul")
    assert words(former).startswith(f"{partner.name}: Withdrew on {gov_date(partner.withdrawn_on)}")
    notice = built.page(f"partners/{WITHDRAWN}/").select_one("article .admonition")
    assert words(notice).startswith(f"Withdrew on {gov_date(partner.withdrawn_on)}")
    record = next(r for r in json.loads((built.root / "api/partners.json").read_text(encoding="utf-8"))["partners"] if r["slug"] == WITHDRAWN)
    assert (record["status"], record["withdrawn_on"]) == ("withdrawn", partner.withdrawn_on.isoformat())
    rows = csv.DictReader(io.StringIO((built.root / "partners.csv").read_text(encoding="utf-8-sig"), newline=""))
    assert next(row for row in rows if row["slug"] == WITHDRAWN)["status"] == "withdrawn"
    badge = ET.fromstring((built.root / "partners" / WITHDRAWN / "badge.svg").read_bytes())
    claim = f"Former partner: withdrew on {gov_date(partner.withdrawn_on)}"
    assert claim in badge.find(f"{SVG}title").text and claim in " ".join(text.text for text in badge.iter(f"{SVG}text"))
    assert not re.search(r"Partner in|Signed|since", ET.tostring(badge, encoding="unicode")), "no claim of membership"


def test_a_name_with_markup_is_the_same_characters_in_every_file(built):
    name = NEW_PARTNER["name"]
    assert words(article(built, f"partners/{NEW_PARTNER['slug']}/").h1) == name
    page = built.page(f"partners/{NEW_PARTNER['slug']}/")
    assert page.find("meta", attrs={"property": "og:title"})["content"] == name
    assert not page.select("article script")
    badge = ET.fromstring((built.root / "partners" / NEW_PARTNER["slug"] / "badge.svg").read_bytes())
    assert badge.find(f"{SVG}title").text.startswith(name)
    titles = [entry.find(f"{ATOM}title").text for entry in feed(built).findall(f"{ATOM}entry")]
    assert f"{name} signed the Compact" in titles
    record = json.loads((built.root / "api/partners.json").read_text(encoding="utf-8"))["partners"][-1]
    assert record["name"] == name
    concern = built.page("raise-a-concern/")
    for tag in (concern.find("meta", attrs={"name": "description"}), concern.find("meta", attrs={"property": "og:description"})):
        assert tag["content"].startswith(MARKUP_DESCRIPTION.strip()), "front matter is text, never markup"


# --- Another site URL ---------------------------------------------------------------------------------


def test_every_absolute_address_follows_the_site_url(built):
    page = built.page("partners/vast/")
    assert page.find("link", rel="canonical")["href"] == f"{OTHER_SITE}partners/vast/"
    assert page.find("meta", attrs={"property": "og:url"})["content"] == f"{OTHER_SITE}partners/vast/"
    assert page.find("meta", attrs={"property": "og:image"})["content"].startswith(OTHER_SITE)
    data = json.loads((built.root / "api/partners.json").read_text(encoding="utf-8"))
    assert all(record["url"].startswith(OTHER_SITE) and record["badge_url"].startswith(OTHER_SITE) for record in data["partners"])
    assert f"Sitemap: {OTHER_SITE}sitemap.xml" in (built.root / "robots.txt").read_text(encoding="utf-8")
    locations = [loc.text for loc in ET.fromstring((built.root / "sitemap.xml").read_bytes()).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locations and all(location.startswith(OTHER_SITE) for location in locations)
    assert feed(built).find(f"{ATOM}link[@rel='self']").get("href") == f"{OTHER_SITE}feed.xml"


def test_a_renamed_partner_keeps_its_old_badge_address(built):
    slug, (old,) = NEW_PARTNER["slug"], NEW_PARTNER["former_slugs"]
    current = (built.root / "partners" / slug / "badge.svg").read_bytes()
    assert (built.root / "partners" / old / "badge.svg").read_bytes() == current, "badges embedded elsewhere keep working"
    record = json.loads((built.root / "api/partners.json").read_text(encoding="utf-8"))["partners"][-1]
    assert record["former_urls"] == [f"{OTHER_SITE}partners/{old}/"]
