"""The site's own look, on the built HTML: the feed announced on every page, the engine credited once, the footer's
links, the draft notice a named landmark drawn from the data, no ARIA where ARIA forbids it, and a 404 page whose
ways on work from any depth of address."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

NOT_FOUND = "404.html"
CREDITED = "accessibility/"  # the one page that names the engine the site is made with
DEEP_MISSING = "a/b/c/d/"  # an address the site does not have, four folders deep: the host sends 404.html


def every_page(site) -> list[tuple[str, object]]:
    """Every page as a reader can get it: the site's pages and its 404 page."""
    return [(url, site.page(url)) for url in site.urls] + [(NOT_FOUND, site.not_found)]


def site_url(site) -> str:
    """The site's published address, as its home page declares it."""
    return site.page("").find("link", rel="canonical")["href"]


def built_file(site, address: str):
    """The built file a static host serves for a full address of the site, or None."""
    path = urlsplit(address).path.lstrip("/")
    candidate = site.root / path / "index.html" if path == "" or path.endswith("/") else site.root / path
    return candidate if candidate.is_file() else None


def test_every_page_announces_the_atom_feed_in_its_head(site):
    base = site_url(site)
    for url, page in every_page(site):
        [feed] = page.head.find_all("link", rel="alternate", type="application/atom+xml")
        address = urljoin(base + (DEEP_MISSING if url == NOT_FOUND else url), feed["href"])
        assert address == base + "feed.xml", url
        assert feed["title"].endswith("what's new"), url
    assert (site.root / "feed.xml").is_file()


def test_the_engine_is_credited_once_on_the_accessibility_statement_only(site):
    credits = {url: len(page.select('a[href^="https://squidfunk.github.io/mkdocs-material"]')) for url, page in every_page(site)}
    assert {url: count for url, count in credits.items() if count} == {CREDITED: 1}
    assert not [url for url, page in every_page(site) if "Made with" in page.get_text()]


def test_every_page_has_the_footers_links_in_one_list_of_its_own(site):
    """A row, not bullets, is the stylesheet's (tests/browser/test_look.py measures it); the HTML gives each page the
    same short list of links, apart from Material's bulleted lists."""
    for url, page in every_page(site):
        [links] = page.select(".md-footer-meta ul.compact-footer-links")
        assert [a.get_text(strip=True) for a in links.select("li > a[href]")] == ["Accessibility statement", "Privacy", "For editors"], url
        assert not page.select(".md-footer-meta ul:not(.compact-footer-links)"), url


def test_the_draft_notice_is_a_named_landmark_in_the_datas_words(site, compact):
    document = compact.document
    for url, page in every_page(site):
        banner = page.select_one("aside.md-banner")
        if not document.is_draft:
            assert banner is None, url
            continue
        assert banner["aria-label"] == "Draft notice", url
        long, short = banner.select_one(".compact-draft__long"), banner.select_one(".compact-draft__short")
        assert document.full_title in long.get_text(), url
        assert f"{document.period.start}–{document.period.end}" in short.get_text(), url
        assert len(short.get_text()) < len(long.get_text()) / 2, url


def test_no_navigation_element_carries_aria_expanded(site):
    """ARIA 1.2 allows aria-expanded on no element of the navigation role: the buttons say it instead."""
    assert [url for url, page in every_page(site) if page.select("nav[aria-expanded]")] == []
    assert site.page("compact/").select("nav[aria-labelledby]")  # the sections' lists are there, without it


@pytest.mark.parametrize("name", ["The home page", "The Compact", "Partners", "Principles"])
def test_the_404_pages_ways_on_lead_to_pages_from_a_deep_address(site, name):
    page = site.not_found
    [link] = [a for a in page.select("article a[href]") if a.get_text(strip=True) == name]
    assert urlsplit(link["href"]).scheme, "a relative link would lead elsewhere at each depth"
    assert built_file(site, urljoin(site_url(site) + DEEP_MISSING, link["href"])), link["href"]


def test_every_link_of_the_404_page_works_from_a_deep_address(site):
    """The theme's own links too (header, menu, footer) and the search form's action."""
    deep = site_url(site) + DEEP_MISSING
    page = site.not_found
    addresses = [a["href"] for a in page.select("a[href]") if not a["href"].startswith(("#", "https://", "mailto:"))]
    addresses += [form["action"] for form in page.select("article form")]
    missing = [href for href in addresses if not built_file(site, urljoin(deep, href))]
    assert len(addresses) > 10 and missing == []


def test_the_404_page_says_what_happened_and_offers_search(site):
    page = site.not_found
    assert page.title.get_text().startswith("Page not found")
    assert page.select_one("article h1").get_text(strip=True) == "Page not found"
    form = page.select_one("article form[role=search]")
    assert form["method"] == "get" and form.select_one("input[name=q]")["id"] == form.select_one("label")["for"]
