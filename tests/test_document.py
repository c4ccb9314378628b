"""The Compact as a document on the built site (issue 16): what it is today, its own words set apart from the
site's and numbered for citing, reader pages free of editors' material, sparse records said once, and the small
things a reader notices (summaries, titles, descriptions, contacts, the statement's fields)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from urllib.parse import urljoin

import markdown
import pytest
from bs4 import BeautifulSoup

from compact_site.markup import PAGE_MARKDOWN_EXTENSIONS
from compact_site.paragraphs import number_paragraphs
from compact_site.rendering import SiteRenderer
from sitebuild import ROOT


def words(element) -> str:
    return re.sub(r"\s+", " ", element.get_text("")).strip()


def fresh(site, url: str) -> BeautifulSoup:
    """A page parsed anew: other tests take the numbers out of the session's shared copy to compare words."""
    return BeautifulSoup((site.root / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def is_compact_text(element) -> bool:
    return "compact-text" in element.get("class", []) or element.find_parent(class_="compact-text") is not None


COMPACT_PAGES = [
    "compact/",
    "compact/partners-and-sectors/",
    "compact/policy-context/",
    "compact/objectives/",
    "compact/governance/",
    "compact/resolving-difficulties/",
]


def objective_pages(compact) -> list[str]:
    return [f"compact/objectives/{objective.slug}/" for objective in compact.objectives]


# --- 1. What the Compact is today ------------------------------------------------------------------------


def test_the_home_page_opens_with_what_the_compact_is_today(site, compact):
    home = site.page("").select_one("article")
    status = words(home.select_one(".compact-status"))
    assert home.select_one(".compact-status").find_previous_sibling("h1") is not None, "first, under the title"
    document = compact.document
    assert f"It covered the years {document.period.start} to {document.period.end}." in status
    assert f"The text on this site is the Compact's {document.period.start} draft, word for word" in status
    assert document.publisher is None and "Who publishes this site is not yet recorded." in status
    assert document.final_version_adopted is None and "Whether a final version was ever adopted is not known" in status
    glance = home.find("h2", id="partners-at-a-glance").find_next_sibling("p")
    assert f"{len(compact.partners)} partners" in words(glance)
    assert "None has yet been recorded on this site as having signed it" in words(glance)
    assert [a["href"] for a in glance.select("a")] == ["partners/"]


@pytest.mark.parametrize(
    "facts, said",
    [
        ({"publisher": "The Compact Working Group"}, "This site is published by The Compact Working Group."),
        ({"final_version_adopted": True}, "A final version of the Compact was adopted."),
        ({"final_version_adopted": False}, "No final version of the Compact was adopted."),
    ],
)
def test_the_home_page_says_what_the_data_records(compact, facts, said):
    changed = dataclasses.replace(compact, document=compact.document.model_copy(update=facts))
    page = (ROOT / "docs" / "index.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    rendered = SiteRenderer(changed, site_url="/").docs_page(page, "docs/index.md")
    assert said in re.sub(r"\s+", " ", rendered)
    assert "not yet recorded" not in rendered if "publisher" in facts else "not known" not in rendered


# --- 2. The Compact's own words, set apart -----------------------------------------------------------------


def test_nothing_the_site_adds_stands_within_the_compacts_text(site):
    added = "table, nav, form, .admonition, .compact-last-changed, .compact-scroll, .compact-status, .compact-statement"
    for url in site.urls:
        for block in site.page(url).select(".compact-text"):
            assert not block.select(added), (url, [element.name for element in block.select(added)])


def test_the_whole_compact_holds_its_text_notes_and_own_navigation_only(site, compact):
    article = site.page("compact/whole/").select_one("article")
    outside = [
        element
        for element in article.find_all(recursive=False)
        if not is_compact_text(element) and "compact-note" not in element.get("class", [])
        and "compact-last-changed" not in element.get("class", [])
    ]
    assert [words(element) for element in outside] == [
        "The signatories are listed, with every partner, in the directory of partners."
    ], "beyond the text and its notes, one link on to the directory"
    assert not article.select("table"), "no tracking table"
    partner_links = [a for a in article.select("a[href]") if "/partners/" in urljoin("/compact/whole/", a["href"])]
    named = [partner for partner in compact.partners if partner.joined_on is None]
    assert len(partner_links) == len(named) + 1, "the Compact's own list of partners, and the link to the directory"


def test_every_note_stands_once_beside_the_text_and_links_to_its_entry_and_back(site, compact):
    whole = site.page("compact/whole/")
    notes = site.page("editors-notes/")
    for note in compact.notes:
        placed = whole.select(f'[id="note-{note.id}"]')
        if note.status != "open":
            assert not placed
            continue
        assert len(placed) == 1 and not is_compact_text(placed[0]), note.id
        (link,) = placed[0].select(".compact-note__link a")
        assert urljoin("/compact/whole/", link["href"]) == f"/editors-notes/#{note.id}"
        entry = notes.find(id=note.id)
        back = [a for a in entry.find_next_sibling("p", string=None).find_all_next("a", limit=3) if "whole" in a["href"]]
        assert urljoin("/editors-notes/", back[0]["href"]) == f"/compact/whole/#note-{note.id}"


# --- 3. Numbered paragraphs ------------------------------------------------------------------------------


def numbered(page) -> dict[str, str]:
    """Each numbered paragraph or list item of the page's text, by its number: its words without the number."""
    found = {}
    for unit in page.select(".compact-text [id]"):
        if re.fullmatch(r"\d+\.\d+", unit["id"]):
            cite = unit.find("a", class_="compact-cite", recursive=False)
            assert cite is not None and cite["href"] == f"#{unit['id']}" and words(cite).endswith(unit["id"]), unit["id"]
            assert unit["id"] not in found, f"{unit['id']} twice"
            found[unit["id"]] = words(unit).removeprefix(words(cite)).strip()
    return found


def test_every_paragraph_and_item_of_the_text_has_a_number_that_links_to_itself(site, compact):
    for url in ["", *COMPACT_PAGES, *objective_pages(compact), "compact/whole/"]:
        page = fresh(site, url)
        units = [
            unit
            for block in page.select("div.compact-text[data-compact-section]")
            for unit in block.select("p, li")
            if not unit.find_parent(["p", "li"]) and not unit.find_parent(class_="compact-form")
        ]
        assert units and all(re.fullmatch(r"\d+\.\d+", unit.get("id", "")) for unit in units), url
        numbered(page)


def test_a_paragraph_has_the_same_number_on_every_page_that_shows_it(site, compact):
    whole = numbered(fresh(site, "compact/whole/"))
    assert len(whole) > 100
    for url in ["", *COMPACT_PAGES, *objective_pages(compact)]:
        own = numbered(fresh(site, url))
        assert own and {number: whole.get(number) for number in own} == own, url


def test_a_principle_page_cites_its_paragraph_as_its_objective_page_numbers_it(site, compact):
    for principle in compact.principles:
        context = site.page(f"principles/{principle.slug}/").select_one(".compact-context")
        objective = compact.objectives_by_number[principle.objective]
        (link,) = [a for a in context.select("a") if "#" in a["href"]]
        address, number = urljoin(f"/principles/{principle.slug}/", link["href"]).split("#")
        assert address == f"/compact/objectives/{objective.slug}/" and words(link) == number
        unit = numbered(fresh(site, f"compact/objectives/{objective.slug}/"))[number]
        assert principle.title.lower() in unit.lower(), (principle.slug, number, unit[:60])


# --- 4. Reader pages are for the public ---------------------------------------------------------------------


def reader_pages(site, compact) -> list[str]:
    principles = [url for url in site.urls if url.startswith("principles/")]
    return ["", *COMPACT_PAGES, *objective_pages(compact), "compact/whole/", *principles, "whats-new/", "raise-a-concern/"]


def test_reader_pages_name_no_data_file_yaml_schema_or_pull_request(site, compact):
    for url in reader_pages(site, compact):
        article = site.page(url).select_one("article")
        text = words(article)
        assert not re.search(r"data/[\w-]+\.ya?ml|\.schema\.json|pull request", text, re.IGNORECASE), url
        assert not article.select("code.language-yaml, .language-yaml, pre code[class*=yaml]"), url


def test_the_editors_pages_are_out_of_the_main_menu_and_at_their_addresses(site):
    menu = site.page("").select(".md-nav--primary a[href]")
    assert menu, "the menu is there to look in"
    assert not [a["href"] for a in menu if re.search(r"editors-notes|updating-this-site", a["href"])]
    assert {"editors-notes/", "updating-this-site/"} <= set(site.urls)


# --- 5. Sparse data, and pages that stay light at any number of partners -------------------------------------


def page_html(renderer: SiteRenderer, markdown_text: str) -> str:
    return number_paragraphs(markdown.markdown(markdown_text, extensions=list(PAGE_MARKDOWN_EXTENSIONS)))


def test_the_governance_and_whole_compact_pages_stay_light_at_10000_partners(ten_thousand_partners):
    """Issue 18: no page over 400 KB; the content is held under 300 KB, leaving room for the theme's own."""
    renderer = SiteRenderer(ten_thousand_partners, site_url="https://example.org/", docs_dir=ROOT / "docs")
    governance = (ROOT / "docs" / "compact" / "governance.md").read_text(encoding="utf-8")
    pages = {
        "governance": page_html(renderer, renderer.docs_page(governance, "docs/compact/governance.md")),
        "whole": page_html(renderer, renderer._render("whole_compact.md.j2").split("---\n", 2)[2]),
    }
    for name, html in pages.items():
        assert len(html.encode("utf-8")) < 300_000, (name, len(html))
    assert "Each partner's own page" in pages["governance"] and "<table" not in pages["governance"]


# --- 7. Summaries, titles, descriptions, contacts, the statement ---------------------------------------------

CLAUSE_STARTS = (",", ";", ":", " –", " -", " and ", " or ", " but ", " that ", " which ", " who ", " where ", " when ",
                 " while ", " whilst ", " so ", " because ", " to ", " through ", " as well as ")


def test_principle_summaries_end_at_a_sentence_or_a_clause(site, compact):
    index = site.page("principles/").select_one("article")
    for principle in compact.principles:
        item = next(li for li in index.select("li") if li.a and li.a["href"] == f"{principle.slug}/")
        summary = words(item).removeprefix(f"{principle.title}: ")
        text = words(site.page(f"principles/{principle.slug}/").select_one(".compact-text"))
        if summary.endswith("…"):
            kept = summary[:-1]
            assert text.startswith(kept) and text[len(kept):].startswith(CLAUSE_STARTS), summary[-40:]
            assert kept.split()[-1].lower() not in {"the", "a", "an", "of", "in", "to", "by", "&", "order"}, summary[-40:]
        else:
            assert summary.endswith((".", "!", "?")) and text.startswith(summary)


def test_every_page_title_is_unique_and_its_preview_title_fits(site):
    pages = [url for url in site.urls if not site.page(url).find("meta", attrs={"http-equiv": "refresh"})]
    titles = Counter(words(site.page(url).title) for url in pages)
    assert not [title for title, count in titles.items() if count > 1]
    for url in pages:
        preview = site.page(url).find("meta", property="og:title")["content"]
        assert len(preview) <= 70, (url, preview)


def test_every_description_reads_as_a_sentence(site):
    for url in site.urls:
        description = site.page(url).find("meta", attrs={"name": "description"})
        assert description and not description["content"].rstrip().endswith(":"), url


@pytest.mark.parametrize("url", ["compact/resolving-difficulties/", "raise-a-concern/"])
def test_the_contacts_are_links_to_call_write_or_visit(site, url):
    contacts = fresh(site, url).select(".compact-contact a[href]:not(.compact-cite)")
    assert {a["href"] for a in contacts} == {
        "tel:+443000610614", "http://www.lgo.org.uk", "mailto:compact@compactvoice.org.uk",
        "http://www.compactvoice.org.uk", "tel:+442075202451",
    }
    assert all(words(a) in {"0300 061 0614", "www.lgo.org.uk", "compact@compactvoice.org.uk", "www.compactvoice.org.uk", "0207 520 2451"} for a in contacts)


def test_raise_a_concern_marks_the_contacts_as_given_in_2014(site):
    outside = site.page("raise-a-concern/").find(id="outside").find_next_sibling("p")
    assert "as given in 2014" in words(outside)


def test_the_statement_has_a_labelled_field_to_write_in_for_each_part(site, compact):
    page = site.page("raise-a-concern/").select_one("article")
    fields = page.select(".compact-statement textarea")
    assert len(fields) == len(compact.resolution.statement)
    for field, part in zip(fields, compact.resolution.statement):
        label = page.find("label", attrs={"for": field["id"]})
        assert label is not None and words(label).endswith(part)
        assert not field.has_attr("readonly") and not field.has_attr("name"), "written in, and never sent"
    assert page.find("form") is None
