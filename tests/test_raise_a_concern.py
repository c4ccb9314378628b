"""The 'Raise a concern' page on the real site: the stages, the statement template made from the Compact's own
words (data/resolution.yml), the contacts rendered from one place on both pages that show them, and no way to
post a concern in public."""

from __future__ import annotations

import re

import pytest

from compact_site.rendering import PageError, SiteRenderer
from sitebuild import ROOT

PAGE = "raise-a-concern/"
PROCEDURE = "compact/resolving-difficulties/"


def words(element) -> str:
    """An element's text as a reader sees it, without the ¶ of a heading's permalink."""
    return re.sub(r"\s+", " ", element.get_text("")).strip().removesuffix("¶").strip()


def words_of_markdown(text: str) -> str:
    """A Markdown text's words with white space folded (for a text with no Markdown in it)."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def page(site):
    """The 'Raise a concern' page's article."""
    return site.page(PAGE).select_one("article")


def test_the_page_walks_through_the_three_stages_linking_each_to_the_compacts_words(site, page):
    procedure = site.page(PROCEDURE)
    for number, stage in ((1, "stage-one"), (2, "stage-two"), (3, "stage-three")):
        heading = page.find("h2", id=stage)
        assert heading is not None, stage
        targets = [a["href"] for a in heading.find_next_sibling("p").select("a")]
        anchors = [href.split("#")[1] for href in targets if href.startswith(f"../{PROCEDURE}#")]
        assert anchors and all(procedure.find(id=anchor) for anchor in anchors), (stage, targets)
        assert words(procedure.find(id=anchors[0])).lower().startswith(f"stage {('one', 'two', 'three')[number - 1]}")


def test_the_page_warns_first_that_a_concern_is_never_posted_in_public(page):
    warning = page.select_one(".admonition.warning")
    assert warning is not None and warning.find_previous("h2") is None, "the warning comes before the stages"
    assert "Never post a concern in public" in words(warning) and "GitHub issue" in words(warning)
    assert page.find("form") is None and page.find("input") is None, "no form that could send a concern"
    assert not [a["href"] for a in page.select("a[href]") if "issues" in a["href"] or "github.com" in a["href"]]


# --- The statement template --------------------------------------------------------------------------


def test_the_statement_parts_are_the_compacts_own_words(site, compact):
    stage_two = site.page(PROCEDURE).find(id="stage-two-formal").find_next_sibling("p")
    sentence = words(stage_two)
    for part in compact.resolution.statement:
        assert part[0].lower() + part[1:] in sentence, part
    assert len(compact.resolution.statement) == 4


def test_the_printable_statement_has_a_space_for_each_part_in_order(page, compact):
    statement = page.select_one(".compact-statement")
    assert statement.find_previous("h2")["id"] == "statement"
    fields = statement.select(".compact-form__field")
    labels = [words(field.select_one(".compact-form__label")) for field in fields]
    assert labels == [f"{number}. {part}" for number, part in enumerate(compact.resolution.statement, start=1)]
    assert all(field.select_one(".compact-form__space") for field in fields), "room to write for each part"
    assert compact.document.title in words(statement.select_one(".compact-statement__title"))


def test_the_statement_is_copyable_as_plain_text_with_a_label_and_no_script(page, compact):
    box = page.select_one(".compact-statement-text textarea")
    assert box.has_attr("readonly") and not box.has_attr("disabled"), "read-only, yet focusable and selectable"
    label = page.find("label", attrs={"for": box["id"]})
    assert label is not None and words(label)
    lines = [line for line in box.get_text().splitlines() if line.strip()]
    numbered = [f"{number}. {part}:" for number, part in enumerate(compact.resolution.statement, start=1)]
    assert lines[1:] == numbered and compact.document.title in lines[0]
    assert int(box["rows"]) >= len(box.get_text().splitlines()), "every line shows without scrolling"


# --- Contacts, from one place ----------------------------------------------------------------------------


@pytest.mark.parametrize("url", [PROCEDURE, PAGE])
def test_each_contact_is_shown_line_by_line_from_the_data_with_the_note_on_its_age(site, compact, url):
    article = site.page(url).select_one("article")
    for number in article.select("a.compact-cite"):  # a paragraph's number, for citing it, is not its words
        number.decompose()
    blocks = article.select(".compact-contact")
    shown = [[line.strip() for line in block.get_text().strip().splitlines()] for block in blocks]
    assert shown == [[contact.name, *contact.lines] for contact in compact.resolution.contacts]
    note = compact.notes_by_id["contacts-2014"]
    after = blocks[-1].find_next(class_="admonition")
    assert after is not None and words_of_markdown(note.note) in words(after), "the editor's note on their age"


def test_no_markdown_page_copies_a_contact(compact):
    pages = {path: path.read_text(encoding="utf-8") for path in (ROOT / "docs").rglob("*.md")}
    for contact in compact.resolution.contacts:
        for line in contact.lines:
            copies = [str(path.relative_to(ROOT)) for path, text in pages.items() if line in text]
            assert not copies, f"{line!r} is copied in {copies}"


def test_a_page_naming_an_unknown_contact_fails_with_its_name(compact):
    renderer = SiteRenderer(compact, site_url="/")
    with pytest.raises(PageError, match=r"docs/example\.md: contact\('nobody'\): no contact with that key in data/resolution\.yml"):
        renderer.docs_page('{{ contact("nobody") }}', "docs/example.md")
