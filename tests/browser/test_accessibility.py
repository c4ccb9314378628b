"""WCAG 2.2 AA on every page (Chromium, axe-core), and on each kind of page in the dark palette (axe-core's rules of
colour: the markup is the light view's) and at 320 CSS px wide (pagesurvey.py says what a kind of page is)."""

from __future__ import annotations

import re

import pytest

from bs4 import BeautifulSoup

from pagesurvey import AXE_ON_EVERY_PAGE, SCRIPTED_VIEWS, axe_report, one_page_of_each_kind, report

# The colour scheme Material puts on <body> in each view: proof that the view showed the palette it names.
SCHEMES = {"light": "default", "dark": "slate", "narrow": "default"}
HEADING = re.compile(r"h[1-6]")


@pytest.mark.parametrize("view", SCRIPTED_VIEWS)
def test_axe_finds_no_violation_on_any_page(survey, view):
    visits = survey.visits(view)
    assert {visit.color_scheme for visit in visits.values()} == {SCHEMES[view]}
    checked = {url for url, visit in visits.items() if visit.axe_ran}
    assert checked == (set(survey.urls) if view in AXE_ON_EVERY_PAGE else survey.each_kind)
    assert axe_report(visits) == []


def test_pages_that_differ_only_in_words_are_one_kind_and_an_element_of_another_kind_makes_another(site):
    page = site.page("compact/governance/")
    reworded, added = BeautifulSoup(str(page), "html.parser"), BeautifulSoup(str(page), "html.parser")
    reworded.h1.string = "Other words"
    added.article.append(added.new_tag("span", attrs={"class": "compact-new"}))
    assert one_page_of_each_kind({"a": page, "b": reworded}) == {"a"}
    assert one_page_of_each_kind({"a": page, "b": reworded, "c": added}) == {"a", "c"}


@pytest.mark.parametrize("view", ["light", "dark"])
def test_links_notes_and_the_draft_notice_contrast_in_both_palettes(survey, view):
    assert report(survey.visits(view), "low_contrast") == []


@pytest.mark.parametrize("view", ["narrow"])  # named, so that the test runs in the process that visits the view
def test_no_page_scrolls_sideways_at_320_css_px(survey, view):
    """WCAG 1.4.10 Reflow: 320 CSS px is a 1280 px screen zoomed to 400%."""
    assert {url: visit.sideways_scroll for url, visit in survey.visits(view).items() if visit.sideways_scroll} == {}


def test_every_page_has_one_h1_and_headings_in_order(site):
    for url in site.urls:
        levels = [int(heading.name[1]) for heading in site.page(url).find_all(HEADING)]
        assert levels.count(1) == 1 and levels[0] == 1, (url, levels)
        skips = [(before, after) for before, after in zip(levels, levels[1:]) if after > before + 1]
        assert skips == [], f"/{url}: a heading level skipped: {skips}"


def test_every_page_starts_with_a_skip_link_to_its_content(site):
    for url in site.urls:
        page = site.page(url)
        first_link = page.body.find("a", href=True)
        assert "md-skip" in first_link.get("class", []), url
        target = page.find(id=first_link["href"].removeprefix("#"))
        assert target is not None and target.find_parent("article") is not None, url
