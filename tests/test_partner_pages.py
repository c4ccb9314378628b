"""What a partner's page and badge say of it, for each status: true words, the known facts, and the rest once."""

from __future__ import annotations

import datetime as dt

import pytest

from compact_site.badges import SIZES, all_badges, badge_claim
from compact_site.rendering import SiteRenderer
from compact_site.standing import standing, unrecorded
from sitebuild import ROOT

DAY = dt.date(2015, 3, 2)
CASES = [
    ({}, "Named as a partner in the 2014 draft", "Partner in the Compact"),
    ({"joined_on": DAY}, "Joined on 2 March 2015", "Partner since 2 March 2015"),
    ({"status": "signed", "signed_on": DAY}, "Signed the Agreement on 2 March 2015", "Signed the Compact Agreement on 2 March 2015"),
    ({"status": "signed"}, "Signed the Agreement", "Signed the Compact Agreement"),
    ({"status": "withdrawn", "signed_on": DAY, "withdrawn_on": dt.date(2017, 1, 5)}, "Withdrew on 5 January 2017", "Former partner: withdrew on 5 January 2017"),
    ({"status": "withdrawn"}, "Withdrew from the Compact", "Former partner"),
]


@pytest.mark.parametrize("changes, page_words, badge_words", CASES, ids=["named", "joined", "signed", "signed-undated", "withdrawn", "withdrawn-undated"])
def test_each_status_in_true_words_on_the_page_and_the_badge(compact, changes, page_words, badge_words):
    partner = compact.partners[0].model_copy(update=changes)
    assert standing(partner, compact.document) == page_words
    assert badge_claim(partner) == badge_words
    for badge in all_badges(partner, compact.document):
        shown = " ".join(line.text for line in badge.lines)
        assert badge_words in shown and partner.name in shown and compact.document.full_title in shown
    if partner.status == "withdrawn":
        assert "Partner in" not in badge_words and "Signed" not in badge_words, "no claim of membership"


def test_a_long_name_wraps_so_the_small_badge_fits_a_phone_at_its_own_size(compact):
    partner = compact.partners[0].model_copy(update={"name": "The Staffordshire and Stoke on Trent Association of Very Long Organisation Names"})
    small = all_badges(partner, compact.document)[0]
    assert small.width <= SIZES[0].max_width and min(line.size for line in small.lines) >= 13
    assert sum(line.bold for line in small.lines) >= 3, "the name on several lines"


def test_what_is_not_recorded_is_listed_for_one_sentence(compact):
    partner = compact.partners[0].model_copy(update={"status": "withdrawn", "website": "https://example.org/"})
    assert unrecorded(partner) == ["the date it withdrew", "its Compact Champion", "its Implementation Plan"]


def test_a_full_name_and_other_names_are_shown_only_when_recorded(compact):
    vast = compact.partners_by_slug["vast"]
    assert vast.full_name is None and vast.also_known_as == [], "nothing invented: empty until an editor records it"
    renderer = SiteRenderer(compact, site_url="/", docs_dir=ROOT / "docs")
    named = vast.model_copy(update={"full_name": "Full Name From A Source", "also_known_as": ["Other Name"]})
    page = renderer._render("partner.md.j2", partner=named)
    assert "Full Name From A Source. Also known as Other Name." in page
    assert "compact-names" not in renderer._render("partner.md.j2", partner=vast)
