"""The built site, asserted on its parsed HTML against the data it was built from."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from compact_site.standing import standing
from sitebuild import ROOT


def words(element) -> str:
    """An element's text with white space folded, as a reader sees it."""
    return re.sub(r"\s+", " ", element.get_text("")).strip()


def text_of_markdown(source: str) -> str:
    """What a Markdown field reads as, once rendered: to compare data with pages without copying either."""
    return words(BeautifulSoup(markdown.markdown(source), "html.parser"))


def article(site, url: str):
    """A page's content without the links that navigate its text: a heading's ¶ and a paragraph's number."""
    page = site.page(url)
    for anchor in page.select("a.headerlink, a.compact-cite"):
        anchor.decompose()
    return page.select_one("article")


def links_to(element, page_url: str, target_url: str) -> list:
    """The links in element (on the page at page_url) that lead to target_url, both site-relative."""
    base = f"/{page_url}"
    return [a for a in element.select("a[href]") if urljoin(base, a["href"]).split("#")[0] == f"/{target_url}"]


# --- Partners --------------------------------------------------------------------------------------


def section_after(heading) -> list:
    """The elements after a heading, up to the next heading of the same or a higher level."""
    level = int(heading.name[1])
    found = []
    for element in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", element.name) and int(element.name[1]) <= level:
            break
        found.append(element)
    return found


def test_every_partner_is_listed_under_its_sector(site, compact):
    directory = article(site, "partners/")
    for sector in compact.partners_file.sectors:
        heading = directory.find("h2", id=sector.key)
        assert heading is not None, sector.key
        members = [p for p in compact.partners if p.sector == sector.key]
        assert f"({len(members)})" in words(heading)
        listed = [words(a) for element in section_after(heading) for a in element.select("li a")]
        assert listed == [p.name for p in members] or sorted(listed) == sorted(p.name for p in members)


def test_partners_are_grouped_by_type_with_counts(site, compact):
    directory = article(site, "partners/")
    for group in compact.sector_groups:
        for kind_group in group.groups:
            heading = next(h for h in directory.select("h3") if words(h).startswith(kind_group.type.plural + " ("))
            assert words(heading).endswith(f"({len(kind_group.partners)})")
            listed = [words(a) for element in section_after(heading) for a in element.select("li a")]
            assert listed == [p.name for p in kind_group.partners]


def test_every_partner_has_its_own_page(site, compact):
    directory = article(site, "partners/")
    for partner in compact.partners:
        (link,) = links_to(directory, "partners/", f"partners/{partner.slug}/")
        assert words(link) == partner.name
        page = article(site, f"partners/{partner.slug}/")
        assert words(page.h1) == partner.name
        facts = {words(dt): words(dt.find_next_sibling("dd")) for dt in page.select(".compact-facts dt")}
        assert facts["Sector"] == compact.sectors_by_key[partner.sector].name
        assert facts["Type"] == compact.types_by_key[partner.type].name
        assert standing(partner, compact.document) in words(page.select_one(".compact-standing, .admonition-title"))
        missing = [label for label, value in (("its website", partner.website), ("its Compact Champion", partner.compact_champion),
                                              ("its Implementation Plan", partner.implementation_plan)) if value is None]
        for label, value in (("Website", partner.website), ("Compact Champion", partner.compact_champion), ("Implementation Plan", partner.implementation_plan)):
            assert (label in facts) == (value is not None), "a fact is listed only when it is recorded"
        unrecorded = page.select(".compact-unrecorded")
        assert len(unrecorded) == (1 if missing else 0) and "Not yet recorded" not in words(page), "what is missing, said once"
        assert all(label in words(unrecorded[0]) for label in missing)
        assert links_to(page, f"partners/{partner.slug}/", "partners/"), "a way back to the directory"
        address = page.select_one("input#kit-address")["value"]
        assert address.endswith(f"/partners/{partner.slug}/"), "a ready-to-copy link"


def test_a_partner_page_links_to_what_signing_commits_it_to(site, compact):
    """Linked, not repeated on every partner page: each link leads to a section that holds the words."""
    partner_url = f"partners/{compact.partners[0].slug}/"
    heading = article(site, partner_url).find("h2", id="what-signing-the-compact-commits-it-to")
    links = [a for element in section_after(heading) for a in links_to(element, partner_url, "sign/")]
    sections = {urljoin(f"/{partner_url}", a["href"]).split("#")[1] for a in links}
    assert sections == {"agreement", "what-your-organisation-takes-on"}
    signing = article(site, "sign/")
    items = {name: [words(li) for element in section_after(signing.find("h2", id=name)) for li in element.select("li")] for name in sections}
    assert all(pledge in items["agreement"] for pledge in compact.agreement.pledges)
    assert all(text_of_markdown(duty.text) in items["what-your-organisation-takes-on"] for duty in compact.agreement.duties)


def test_the_directory_lists_signatories_from_the_data(site, compact):
    heading = article(site, "partners/").find("h2", id="a-list-of-signatories-to-the-compact")
    if not compact.signatories:  # said once, in the opening paragraph
        opening = article(site, "partners/").find(id="a-list-of-signatories-to-the-compact")
        assert opening.name == "p" and "None has yet been recorded as having signed" in words(opening), "the contents' link lands there"
        return
    listed = [words(a) for element in section_after(heading) for a in element.select("li a")]
    assert listed == [p.name for p in compact.signatories]


# --- Principles ------------------------------------------------------------------------------------


def test_there_are_29_principles_and_sustainability_stands_twice(compact):
    assert len(compact.principles) == 29
    sustainability = [p for p in compact.principles if p.title == "Sustainability"]
    assert sorted(p.objective for p in sustainability) == [1, 3]
    assert len({p.slug for p in sustainability}) == 2
    highlighted = {p.title for p in compact.principles if p.presentation == "highlighted"}
    assert highlighted == {"Openness and transparency", "Timely manner"}


def test_every_principle_is_on_the_index_under_its_objective(site, compact):
    index = article(site, "principles/")
    for objective in compact.objectives:
        heading = next(h for h in index.select("h2") if words(h) == f"{objective.number}. {objective.title}")
        listed = [words(a) for element in section_after(heading) for a in element.select("li > a")]
        assert listed == [p.title for p in compact.principles_of(objective)]
    for principle in compact.principles:
        (link,) = links_to(index, "principles/", f"principles/{principle.slug}/")
        summary = words(link.parent).removeprefix(principle.title + ": ").rstrip("…")
        assert text_of_markdown(principle.text).startswith(summary), "a one-line summary from the text"


def test_every_principle_page_shows_its_full_text_from_the_data(site, compact):
    for principle in compact.principles:
        page = article(site, f"principles/{principle.slug}/")
        assert words(page.h1) == principle.title
        assert text_of_markdown(principle.text) in words(page)
        objective = compact.objectives_by_number[principle.objective]
        assert links_to(page, f"principles/{principle.slug}/", f"compact/objectives/{objective.slug}/")
        who = section_after(page.find("h2", id="who-commits"))
        named = [words(li) for element in who for li in element.select("li")]
        assert named == [compact.party_names[key] for key in principle.commits]
        before, after = compact.neighbours(principle)
        neighbours = page.select_one("nav.compact-neighbours")
        for neighbour, word in ((before, "Previous"), (after, "Next")):
            item = [li for li in neighbours.select("li") if words(li).startswith(word)]
            assert [words(li.a) for li in item] == ([neighbour.title] if neighbour else [])
        assert words(page.find("code")).endswith(f"/principles/{principle.slug}/"), "a permalink"


def test_the_parties_a_principle_commits_are_named_in_its_text(compact):
    for principle in compact.principles:
        for key in principle.commits:
            assert compact.party_names[key].lower() in principle.text.lower(), (principle.slug, key)


def test_objective_pages_show_their_principles(site, compact):
    for objective in compact.objectives:
        page = article(site, f"compact/objectives/{objective.slug}/")
        assert words(page.h1) == f"{objective.number}. {objective.title}"
        assert text_of_markdown(objective.introduction) in words(page)
        for principle in compact.principles_of(objective):
            assert text_of_markdown(principle.text) in words(page), principle.slug
            (link,) = links_to(page, f"compact/objectives/{objective.slug}/", f"principles/{principle.slug}/")
            assert words(link).lower() == principle.title.lower()


def test_the_markdown_pages_do_not_repeat_the_principles(compact):
    """One source of truth: no principle's text is copied into docs/."""
    pages = {path: path.read_text(encoding="utf-8") for path in (ROOT / "docs").rglob("*.md")}
    for principle in compact.principles:
        for sentence in re.split(r"(?<=\.)\s+", principle.text):
            fragment = sentence[:60]
            copies = [str(path.relative_to(ROOT)) for path, text in pages.items() if fragment in text]
            assert not copies, f"{principle.slug}: {fragment!r} is copied in {copies}"


# --- Signing ---------------------------------------------------------------------------------------


def test_the_signing_page_holds_the_pledges_and_the_form(site, compact):
    page = article(site, "sign/")
    agreement = page.find("h2", id="agreement")
    assert words(agreement) == compact.agreement.heading
    section = section_after(agreement)
    pledges = [words(li) for element in section for li in element.select("li")]
    assert pledges == compact.agreement.pledges
    labels = [words(label) for label in page.select(".compact-form .compact-form__label")]
    assert labels == [field.label for field in compact.agreement.form_fields]
    assert len(page.select(".compact-form .compact-form__space")) == len(labels), "room to write for each field"


def test_the_signing_page_says_what_a_signatory_takes_on(site, compact):
    page = article(site, "sign/")
    section = section_after(page.find("h2", id="what-your-organisation-takes-on"))
    items = [words(li) for element in section for li in element.select("li")]
    assert items == [text_of_markdown(duty.text) for duty in compact.agreement.duties]
    steps = [words(li) for li in page.select("ol > li")]
    assert any("Compact Working Group" in step for step in steps)
    assert any("is this right?" in words(p) for p in page.select("p")), "the seed's own doubt is stated"


def test_the_editors_guide_shows_a_complete_partner_entry_and_the_signing_page_none(site, compact):
    """The YAML an editor copies names every field a partner can have, and is valid YAML; the public page has none."""
    sign = article(site, "sign/")
    assert not sign.select("code") and "data/partners.yml" not in words(sign) and "pull request" not in words(sign)
    page = article(site, "updating-this-site/")
    snippet = [code for code in page.select("code") if "slug:" in code.get_text()][-1]  # the entry in full, last
    (entry,) = yaml.safe_load(snippet.get_text())
    model_fields = type(compact.partners[0]).model_fields
    assert set(entry) == set(model_fields)


# --- Home and every page ---------------------------------------------------------------------------


def test_the_home_page_counts_follow_the_data(site, data_dir: Path):
    raw_partners = yaml.safe_load((data_dir / "partners.yml").read_text(encoding="utf-8"))["partners"]
    raw_principles = yaml.safe_load((data_dir / "principles.yml").read_text(encoding="utf-8"))
    home = words(article(site, ""))
    assert f"{len(raw_partners)} partners" in home
    assert f"{len(raw_principles['principles'])} principles" in home
    assert f"{len(raw_principles['objectives'])} objectives" in home


def test_the_home_page_gives_routes_to_everything(site):
    home = article(site, "")
    for target in ("compact/", "partners/", "principles/", "sign/", "raise-a-concern/"):
        assert links_to(home, "", target), target


@pytest.mark.parametrize("label", ["Draft"])
def test_every_page_shows_the_draft_notice_while_the_data_says_draft(site, compact, label):
    """And none once the data says final: an editor's change of status, not of this test."""
    for url in site.urls:
        notice = site.page(url).select_one(".md-banner .compact-draft")
        if compact.document.is_draft:
            assert notice is not None and label in words(notice), url
        else:
            assert notice is None, url


def test_every_page_has_one_h1_and_headings_in_order(site):
    for url in site.urls:
        page = article(site, url)
        headings = [int(h.name[1]) for h in page.select("h1, h2, h3, h4, h5, h6")]
        assert headings.count(1) == 1 and headings[0] == 1, url
        assert all(b - a <= 1 for a, b in zip(headings, headings[1:])), (url, headings)


# Out of the search index on purpose: the whole Compact on one page repeats every part, each found on its own page.
NOT_SEARCHED = {"compact/whole/"}


def search_index(site) -> list[dict]:
    import json

    return json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_every_page_is_in_the_search_index(site):
    indexed = {doc["location"].split("#")[0] for doc in search_index(site)}
    assert set(site.urls) - NOT_SEARCHED <= indexed
    assert not NOT_SEARCHED & indexed


def test_search_finds_each_partner_by_name_and_indexes_only_what_is_its_own(site, compact):
    """One entry a partner, titled with its name: the sections that every partner page repeats stay out."""
    docs = search_index(site)
    for partner in compact.partners:
        entries = [doc for doc in docs if doc["location"].startswith(f"partners/{partner.slug}/")]
        assert [doc["location"] for doc in entries] == [f"partners/{partner.slug}/"]
        assert entries[0]["title"] == partner.name
        assert not any(pledge in entries[0]["text"] for pledge in compact.agreement.pledges)
    directory_sections = [doc for doc in docs if doc["location"].startswith("partners/#")]
    assert directory_sections and not any(partner.name in doc["text"] for doc in directory_sections for partner in compact.partners)


def test_no_page_asks_another_host_for_anything(site):
    """No Google Fonts, no CDN: every script, style, font and image comes from the site itself."""
    for url in site.urls:
        page = site.page(url)
        for element, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("source", "src")):
            for tag in page.find_all(element):
                value = tag.get(attribute)
                if element == "link" and "stylesheet" not in tag.get("rel", []) and "preconnect" not in tag.get("rel", []):
                    continue
                assert not value or not re.match(r"^(https?:)?//", value), (url, value)


def test_no_script_holds_back_the_first_paint_from_the_head(site):
    """A script loaded in the <head> without defer or async stops the page painting until it has loaded: the
    site's own scripts load at the end of the body, just before Material's, which they must still precede."""
    for url in site.urls:
        page = site.page(url)
        blocking = [tag["src"] for tag in page.head.find_all("script", src=True) if not tag.has_attr("defer") and not tag.has_attr("async")]
        assert not blocking, (url, blocking)
        sources = [tag["src"].rsplit("/", 1)[-1] for tag in page.body.find_all("script", src=True)]
        material = next(i for i, source in enumerate(sources) if source.startswith("bundle."))
        assert {"search-on-demand.js", "code-copy-buttons.js", "narrow-menu.js"} <= set(sources[:material]), (url, sources)
