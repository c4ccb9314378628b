"""Numbering the Compact's paragraphs for citing (compact_site.paragraphs), in-process: numbers come from the order
of the data, never from the words."""

from __future__ import annotations

import dataclasses
import re

import markdown

from compact_site.markup import PAGE_MARKDOWN_EXTENSIONS
from compact_site.paragraphs import number_paragraphs, principle_paragraph, section_numbers
from compact_site.rendering import SiteRenderer

BLOCK = '<div class="compact-text" data-compact-section="{}">{}</div>'


def numbers(html: str) -> list[str]:
    return re.findall(r'<(?:p|li) id="([^"]+)"', html)


def test_each_paragraph_and_item_is_numbered_within_its_section_and_links_to_itself():
    html = BLOCK.format(2, "<p>One</p><ul><li>Two</li><li><p>Three</p><p>still three</p></li></ul>") + "<p>The site's</p>"
    numbered = number_paragraphs(html)
    assert numbers(numbered) == ["2.1", "2.2", "2.3"], "a list item's own paragraphs are the item's"
    assert '<p id="2.1"><a class="compact-cite" href="#2.1"><span class="compact-visually-hidden">Paragraph </span>2.1</a> One</p>' in numbered
    assert numbered.endswith("<p>The site's</p>"), "outside the text: no number"


def test_a_section_split_by_a_note_counts_on_and_a_form_is_not_numbered():
    html = (
        BLOCK.format(5, "<p>a</p>") + '<div class="admonition"><p>note</p></div>'
        + BLOCK.format(5, '<p>b</p><div class="compact-form"><p>Signature</p></div>') + BLOCK.format(6, "<p>c</p>")
    )
    assert numbers(number_paragraphs(html)) == ["5.1", "5.2", "6.1"]


def test_a_page_without_the_compacts_text_is_left_as_it_is():
    html = '<div class="compact-text"><p>quoted, not numbered</p></div><p>x</p>'
    assert number_paragraphs(html) == html


def objective_html(compact, objective) -> str:
    renderer = SiteRenderer(compact, site_url="/")
    text = renderer._render("objective.md.j2", objective=objective, principles=compact.principles_of(objective))
    return number_paragraphs(markdown.markdown(text.split("---\n", 2)[2], extensions=list(PAGE_MARKDOWN_EXTENSIONS)))


def test_correcting_a_word_changes_no_number(compact):
    objective = compact.objectives[0]
    before = numbers(objective_html(compact, objective))
    first = compact.principles_of(objective)[0]
    corrected = first.model_copy(update={"text": first.text.replace("the VCS", "the Voluntary and Community Sector", 1)})
    principles = [corrected if p is first else p for p in compact.principles]
    changed = dataclasses.replace(compact, principles_file=compact.principles_file.model_copy(update={"principles": principles}))
    after = objective_html(changed, objective)
    assert "the Voluntary and Community Sector and the private sector" in after
    assert numbers(after) == before and len(before) == 1 + len(compact.principles_of(objective))


def test_a_principle_is_numbered_from_its_objectives_section_and_place(compact):
    sections = section_numbers(compact)
    assert list(sections)[:5] == ["vision", "what-is", "partners", "policy-context", "objectives"]
    for objective in compact.objectives:
        html = objective_html(compact, objective)
        for principle in compact.principles_of(objective):
            number = principle_paragraph(compact, principle)
            assert number.startswith(f"{sections[f'objective-{objective.number}']}.")
            unit = re.search(rf'id="{re.escape(number)}">(.*?)</(?:p|li)>', html, re.DOTALL)[1]
            assert f"principles/{principle.slug}" in unit, (principle.slug, number)
