"""The site map: one list of everything the site publishes, whose addresses are the ones the site serves."""

from __future__ import annotations

import dataclasses
import json

import pytest

from compact_site.sitemap import address_of, badge_url, site_map, url_for


def test_every_planned_page_and_file_has_an_address_of_its_own(compact):
    entries = site_map(compact).entries
    addresses = [entry.address for entry in entries]
    assert len(addresses) == len(set(addresses))


def test_the_site_map_cannot_be_changed_once_made(compact):
    entry = site_map(compact).entries[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.src_uri = "elsewhere.md"  # type: ignore[misc]
    with pytest.raises(TypeError):
        entry.context["partner"] = None  # type: ignore[index]


def test_every_entry_is_served_at_the_address_the_site_map_gives(site, compact):
    for entry in [*compact.partners, *compact.principles, *compact.objectives]:
        assert (site.root / url_for(entry) / "index.html").is_file(), url_for(entry)
    for partner in compact.partners:
        assert (site.root / badge_url(partner)).is_file()
    planned = {entry.address for entry in site_map(compact).pages}
    assert planned <= set(site.urls)


def test_open_data_gives_the_site_maps_addresses(site, compact):
    records = json.loads((site.root / "api" / "partners.json").read_text(encoding="utf-8"))["partners"]
    site_url = records[0]["url"].removesuffix(url_for(compact.partners[0]))
    assert [record["url"] for record in records] == [site_url + url_for(partner) for partner in compact.partners]
    assert [record["badge_url"] for record in records] == [site_url + badge_url(partner) for partner in compact.partners]


@pytest.mark.parametrize(
    ("src_uri", "address"),
    [("index.md", ""), ("sign.md", "sign/"), ("partners/index.md", "partners/"), ("partners/vast.md", "partners/vast/"), ("partners/old/index.html", "partners/old/")],
)
def test_a_source_file_becomes_the_address_mkdocs_gives_it(src_uri, address):
    assert address_of(src_uri) == address
