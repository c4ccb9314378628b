"""Open data, badges, linking kits and link previews of the real site, checked against the data."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from compact_site import opendata
from compact_site.badges import LOOKS, SIZES, badge_claim
from compact_site.standing import standing
from sitebuild import ROOT
from test_site import article, text_of_markdown, words

SVG = "{http://www.w3.org/2000/svg}"


def site_url() -> str:
    """The address the site was built for: mkdocs.yml's site_url, as the build read it (not from the output)."""
    return load_config(config_file=str(ROOT / "mkdocs.yml")).site_url


def read_json(site, path: str) -> dict:
    return json.loads((site.root / path).read_text(encoding="utf-8"))


def iso(day) -> str | None:
    return day.isoformat() if day else None


# --- Open data -------------------------------------------------------------------------------------


def test_partners_json_holds_every_partner_as_the_data_says(site, compact):
    data = read_json(site, "api/partners.json")
    base = site_url()
    assert data["version"] == opendata.VERSION
    assert data["title"] == compact.document.full_title
    assert data["document_status"] == compact.document.status
    assert data["licence"] == compact.document.licence
    assert [record["slug"] for record in data["partners"]] == [partner.slug for partner in compact.partners]
    for record, partner in zip(data["partners"], compact.partners):
        assert list(record) == list(opendata.PARTNER_FIELDS), "every key, always, in the documented order"
        assert record["name"] == partner.name
        assert (record["sector"], record["type"], record["status"]) == (partner.sector, partner.type, partner.status)
        assert record["sector_name"] == compact.sectors_by_key[partner.sector].name
        assert record["type_name"] == compact.types_by_key[partner.type].name
        assert record["status_label"] == standing(partner, compact.document)
        assert (record["full_name"], record["also_known_as"]) == (partner.full_name, list(partner.also_known_as))
        for key in ("signed_on", "joined_on", "withdrawn_on"):
            assert record[key] == iso(getattr(partner, key)), key
        for key in ("website", "compact_champion", "implementation_plan"):
            assert record[key] == getattr(partner, key), key
        assert record["url"] == f"{base}partners/{partner.slug}/"
        assert record["url"].removeprefix(base) in site.urls
        assert record["badge_url"] == f"{record['url']}badge.svg"
        assert (site.root / record["badge_url"].removeprefix(base)).is_file()


def test_principles_json_holds_every_objective_and_principle_word_for_word(site, compact):
    data = read_json(site, "api/principles.json")
    base = site_url()
    assert data["version"] == opendata.VERSION
    assert [list(o) for o in data["objectives"]] == [list(opendata.OBJECTIVE_FIELDS)] * len(compact.objectives)
    assert [(o["number"], o["slug"], o["title"]) for o in data["objectives"]] == [(o.number, o.slug, o.title) for o in compact.objectives]
    for objective in data["objectives"]:
        assert objective["url"].removeprefix(base) in site.urls
    assert len(data["principles"]) == len(compact.principles)
    for record, principle in zip(data["principles"], compact.principles):
        assert list(record) == list(opendata.PRINCIPLE_FIELDS)
        assert (record["slug"], record["title"], record["objective"]) == (principle.slug, principle.title, principle.objective)
        assert record["text"] == principle.text
        assert record["commits"] == [compact.party_names[key] for key in principle.commits]
        assert record["url"] == f"{base}principles/{principle.slug}/"
        assert record["url"].removeprefix(base) in site.urls


def test_the_csv_opens_in_excel_and_round_trips_through_the_csv_module(site):
    raw = (site.root / "partners.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte-order mark, so that Excel reads UTF-8"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == opendata.CSV_FIELDS, "a header row"
    partners = read_json(site, "api/partners.json")["partners"]
    expected = [["" if record[key] is None else str(record[key]) for key in opendata.CSV_FIELDS] for record in partners]
    assert rows[1:] == expected
    assert raw.count(b"\r\n") == len(rows), "CRLF line ends, as RFC 4180 and Excel expect"


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)"])
def test_a_csv_cell_is_never_run_as_a_formula(value):
    cell = opendata.spreadsheet_cell(value)
    assert cell == "'" + value
    assert opendata.spreadsheet_cell("Plain name") == "Plain name"
    assert opendata.spreadsheet_cell(None) == ""


def test_the_reuse_page_documents_the_files_the_fields_and_the_licence(site, compact):
    page = article(site, "reuse/")
    hrefs = {urljoin("/reuse/", a["href"]) for a in page.select("a[href]")}
    for path in ("api/partners.json", "api/principles.json", "partners.csv", "feed.xml"):
        assert f"/{path}" in hrefs, path
        assert (site.root / path).is_file(), path
    documented = {words(row.find("code")) for row in page.select("table tr") if row.find("code")}
    assert set(opendata.PARTNER_FIELDS) | set(opendata.PRINCIPLE_FIELDS) | {"version", "licence"} <= documented
    licence = compact.document.licence
    assert (licence if licence else "not yet recorded") in words(page)
    example = next(code for code in page.select("code") if '"badge_url"' in code.get_text())
    assert json.loads(example.get_text()) == read_json(site, "api/partners.json")["partners"][0]


# --- Badges and linking kits -----------------------------------------------------------------------


BADGE_FILES = [f"badge{look.suffix}{size.suffix}.svg" for look in LOOKS.values() for size in SIZES]


@pytest.mark.parametrize("file_name", BADGE_FILES)
def test_every_partner_has_accessible_self_contained_badges_legible_on_a_phone(site, compact, file_name):
    for partner in compact.partners:
        text = (site.root / "partners" / partner.slug / file_name).read_text(encoding="utf-8")
        svg = ET.fromstring(text)
        assert svg.tag == f"{SVG}svg" and svg.get("role") == "img"
        title = svg.find(f"{SVG}title")
        assert svg[0] is title and svg.get("aria-labelledby") == title.get("id"), "a title that names the image"
        assert partner.name in title.text and badge_claim(partner) in title.text
        texts = list(svg.iter(f"{SVG}text"))
        lines = " ".join(element.text for element in texts)
        for words_shown in (compact.document.full_title, partner.name, badge_claim(partner)):
            assert words_shown in lines, "the same words as readable text, wrapped onto lines"
        assert min(int(element.get("font-size")) for element in texts) >= 13, "no tiny text"
        assert not svg.findall(f".//{SVG}image") and not svg.findall(f".//{SVG}style"), "no image, no font"
        assert not re.search(r"\b(href|url\()", text), "nothing fetched from anywhere"
        width = int(svg.get("width"))
        assert 0 < width <= (320 if "large" not in file_name else 480), "the small badge fits a phone at its own size"


def test_every_partner_page_has_a_kit_the_address_qr_code_badges_and_their_html(site, compact):
    base = site_url()
    for partner in compact.partners:
        url = f"partners/{partner.slug}/"
        page = article(site, url)
        address = page.select_one("input#kit-address")
        assert address["value"] == f"{base}{url}" and address.has_attr("readonly"), "the address, ready to copy"
        assert page.find("label", attrs={"for": "kit-address"}), "a named field"
        qr = page.select_one(".compact-kit__qr img")
        assert urljoin(f"/{url}", qr["src"]) == f"/{url}qr.svg" and f"{base}{url}" in qr["alt"]
        snippets = [BeautifulSoup(area.get_text(), "html.parser") for area in page.select(".compact-kit__badges textarea[readonly]")]
        assert [snippet.img["src"] for snippet in snippets] == [f"{base}{url}{name}" for name in BADGE_FILES]
        for snippet, shown in zip(snippets, page.select("img.compact-badge")):
            assert snippet.a["href"] == f"{base}{url}"
            assert partner.name in snippet.img["alt"] and badge_claim(partner) in snippet.img["alt"]
            assert f"{base}{urljoin(url, shown['src'])}" == snippet.img["src"], "the page shows the badge its HTML shows"
            assert shown["alt"] == snippet.img["alt"] and (shown["width"], shown["height"]) == (snippet.img["width"], snippet.img["height"])
        buttons = page.select("button[data-compact-copy]")
        assert len(buttons) == 1 + len(BADGE_FILES) and all(button.has_attr("hidden") for button in buttons), "no dead button without JavaScript"
        assert words(buttons[0]) == "Copy link"


def test_the_qr_code_is_an_svg_of_the_pages_address(site, compact):
    partner = compact.partners[0]
    svg = ET.fromstring((site.root / "partners" / partner.slug / "qr.svg").read_bytes())
    assert svg.tag == f"{SVG}svg" and svg.get("viewBox") and svg.find(f"{SVG}title").text.endswith(f"partners/{partner.slug}/")


def test_every_principle_page_offers_a_citation_and_a_link_to_itself(site, compact):
    base = site_url()
    for principle in compact.principles:
        url = f"{base}principles/{principle.slug}/"
        blocks = [code.get_text().strip() for code in article(site, f"principles/{principle.slug}/").select("pre code")]
        citation = next(block for block in blocks if block.startswith('"'))
        assert citation.startswith(f'"{principle.title}"') and citation.endswith(url)
        assert compact.document.full_title in citation
        objective = compact.objectives_by_number[principle.objective]
        assert f"({objective.title})" in citation and ("(draft)" in citation) == compact.document.is_draft
        link = BeautifulSoup(next(block for block in blocks if block.startswith("<a ")), "html.parser").a
        assert link["href"] == url and words(link).startswith(principle.title)


def test_copyable_text_is_in_the_page_without_javascript(site):
    """The kit's texts are in read-only fields of the page itself, to select and copy with JavaScript off."""
    page = site.page("partners/vast/")
    for field in page.select("article .compact-copy__text"):
        assert (field.get("value") or field.get_text()).strip(), "the text is in the page, not put there by a script"


# --- Link previews ---------------------------------------------------------------------------------


def meta(page, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_every_page_has_a_canonical_address_description_and_link_preview(site, compact):
    base = site_url()
    image = f"{base}assets/link-preview.png"
    assert (site.root / "assets" / "link-preview.png").read_bytes().startswith(b"\x89PNG"), "served by the site itself"
    for url in site.urls:
        page = site.page(url)
        canonical = page.find("link", rel="canonical")["href"]
        assert canonical == f"{base}{url}", url
        for key in ("description", "og:description", "twitter:description", "og:title", "twitter:title"):
            assert meta(page, key), (url, key)
        assert meta(page, "og:description") == meta(page, "description") == meta(page, "twitter:description")
        assert meta(page, "og:url") == canonical
        assert meta(page, "og:site_name") == compact.document.full_title
        assert meta(page, "og:image") == meta(page, "twitter:image") == image
        assert meta(page, "twitter:card") == "summary_large_image"


def test_link_previews_describe_partners_and_principles_from_their_data(site, compact):
    for partner in compact.partners:
        page = site.page(f"partners/{partner.slug}/")
        assert meta(page, "og:title") == partner.name
        assert partner.name in meta(page, "description") and standing(partner, compact.document) in meta(page, "description")
    for principle in compact.principles:
        page = site.page(f"principles/{principle.slug}/")
        # Principles of one title (Sustainability) are told apart by their objective, as their page titles are.
        assert meta(page, "og:title") in {principle.title, f"{principle.title} (objective {principle.objective})"}
        assert text_of_markdown(principle.text).startswith(meta(page, "description").rstrip("…"))


def test_a_description_in_front_matter_is_the_pages_own(site):
    source = (ROOT / "docs" / "raise-a-concern.md").read_text(encoding="utf-8")
    front_matter = yaml.safe_load(source.split("---")[1])
    assert meta(site.page("raise-a-concern/"), "description") == front_matter["description"]
    assert meta(site.page("raise-a-concern/"), "og:description") == front_matter["description"]


def test_sitemap_and_robots_follow_the_site_url(site):
    base = site_url()
    robots = (site.root / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {base}sitemap.xml" in robots.splitlines()
    sitemap = ET.fromstring((site.root / "sitemap.xml").read_bytes())
    locations = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert sorted(location.removeprefix(base) for location in locations) == site.urls
