"""Change the data in a copy of the project, build it, and see the site follow: nothing is hard-coded."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from compact_site.loading import load_compact
from sitebuild import ROOT, build_site, copy_project

NEW_PARTNER = {
    "slug": "test-signatory-ltd",
    "name": "Test Signatory Ltd",
    "sector": "private",
    "type": "chamber-of-commerce",
    "status": "signed",
    "signed_on": dt.date(2015, 3, 9),
    "website": None,
    "compact_champion": "Community team",
    "implementation_plan": None,
}


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """The project with its status set to final and one more partner, signed, built."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    document = project / "data" / "document.yml"
    document.write_text(document.read_text(encoding="utf-8").replace("status: draft", "status: final"), encoding="utf-8")
    partners = project / "data" / "partners.yml"
    entry = yaml.safe_dump([NEW_PARTNER], sort_keys=False, allow_unicode=True)
    partners.write_text(partners.read_text(encoding="utf-8") + "\n".join("  " + line for line in entry.splitlines()) + "\n", encoding="utf-8")
    compact = load_compact(project / "data")
    return compact, build_site(project, tmp_path_factory.mktemp("site"))


def words(element) -> str:
    return re.sub(r"\s+", " ", element.get_text("")).strip()


def test_the_draft_notice_goes_when_the_status_is_final(changed):
    compact, site = changed
    assert compact.document.status == "final"
    for url in site.urls:
        assert site.page(url).select_one(".compact-draft") is None, url


def test_the_home_page_counts_the_new_partner(changed):
    compact, site = changed
    home = words(site.page("").select_one("article"))
    assert f"{len(compact.partners)} partners" in home
    assert len(compact.partners) == len(load_compact(ROOT / "data").partners) + 1  # whatever the real data holds


def test_the_new_partner_is_listed_signed_and_dated(changed):
    compact, site = changed
    directory = site.page("partners/").select_one("article")
    private = directory.find("h2", id="private")
    assert f"({sum(partner.sector == 'private' for partner in compact.partners)})" in words(private)
    signatories = directory.find("h2", id="a-list-of-signatories-to-the-compact")
    listed = [words(li) for li in signatories.find_next("ul").select("li")]
    assert len(listed) == len(compact.signatories) and listed[-1] == "Test Signatory Ltd, signed on 9 March 2015"
    page = site.page(f"partners/{NEW_PARTNER['slug']}/").select_one("article")
    facts = {words(dt_): words(dt_.find_next_sibling("dd")) for dt_ in page.select(".compact-facts dt")}
    assert words(page.select_one(".compact-standing")) == "Signed the Agreement on 9 March 2015"
    assert facts["Compact Champion"] == "Community team"
    assert "Website" not in facts and "its website" in words(page.select_one(".compact-unrecorded"))
