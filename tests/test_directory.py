"""The partner directory at any size: one page grouped by sector and type while every partner fits it, and beyond,
lists of a fixed number of partners a page, so that no page grows with the partners and every partner's page is
reached from /partners/ by links. Proven on the plan and the rendered Markdown of the data grown to 10,000 partners (a
full build of that many takes minutes: BENCHMARKS.md holds the built pages' sizes)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

import pytest

from compact_site.directory import PARTNERS_PER_PAGE, list_pages, listed_in_full
from compact_site.rendering import SiteRenderer
from sitebuild import ROOT


LINK = re.compile(r"\]\(([^)#]+\.md)\)")
# Markdown bytes a listed partner may take at most (a name, its link, where it stands): with the theme's fixed
# part of a page (about 40 KB), PARTNERS_PER_PAGE of them stay far under 400 KB of HTML.
MOST_BYTES_A_PARTNER = 400
PAGE_LIMIT = 400_000


@pytest.fixture(scope="module")
def large(ten_thousand_partners):
    """10,000 partners, and the directory and list pages of the plan rendered."""
    renderer = SiteRenderer(ten_thousand_partners, site_url="/", docs_dir=ROOT / "docs")
    entries = [entry for entry in renderer.site_map.pages if entry.renders in ("partners_index.md.j2", "partners_list.md.j2")]
    return ten_thousand_partners, {entry.src_uri: renderer.render(entry) for entry in entries}


def linked(src_uri: str, markdown: str) -> set[str]:
    """The Markdown pages a page links to, as paths from the site's root."""
    folder = PurePosixPath(src_uri).parent
    found = set()
    for target in LINK.findall(markdown):
        parts = []
        for part in (folder / target).parts:
            if part == "..":
                parts.pop()
            else:
                parts.append(part)
        found.add("/".join(parts))
    return found


def test_the_real_directory_lists_every_partner_on_one_page(compact):
    assert listed_in_full(compact) and list_pages(compact) == []


def test_at_10000_partners_each_list_page_holds_a_fixed_number_of_partners(large):
    compact, pages = large
    lists = list_pages(compact)
    assert all(0 < len(page.partners) <= PARTNERS_PER_PAGE for page in lists)
    assert sorted(p.slug for page in lists for p in page.partners) == sorted(p.slug for p in compact.partners), "each once"
    for src_uri, markdown in pages.items():
        entries = max(1, markdown.count("\n- "))
        assert len(markdown.encode("utf-8")) <= 2_000 + entries * MOST_BYTES_A_PARTNER, src_uri
        assert 40_000 + len(markdown.encode("utf-8")) * 2 < PAGE_LIMIT, src_uri


def test_at_10000_partners_every_partner_page_is_reached_from_the_directory(large):
    compact, pages = large
    visited, reached, queue = set(), set(), ["partners/index.md"]
    while queue:  # follow the links from /partners/ through every list page it leads to
        src_uri = queue.pop()
        if src_uri not in visited:
            visited.add(src_uri)
            reached |= linked(src_uri, pages[src_uri])
            queue += [target for target in linked(src_uri, pages[src_uri]) if target in pages]
    assert visited == set(pages), "every list page is reached"
    assert {f"partners/{partner.slug}.md" for partner in compact.partners} <= reached
    assert len(pages["partners/index.md"].encode("utf-8")) < 20_000, "the directory lists groups, not partners"
