"""No errors: not one console error, uncaught exception or failed request (a missing favicon counts) in any view,
on any page or on the 404 page that a missing address gets (in the dark view, on one page of each kind: its pages are
the light view's in other colours)."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from pagesurvey import MISSING, VIEWS, report


@pytest.mark.parametrize("view", VIEWS)
def test_no_page_logs_an_error(survey, view):
    assert report(survey.visits(view), "console_errors") == []


@pytest.mark.parametrize("view", VIEWS)
def test_no_request_fails_the_favicon_included(survey, site, server, view):
    visits = survey.visits(view)
    assert report(visits, "failures") == []
    status = {url: 200 for url in site.urls} | {MISSING: 404}
    assert {url: visit.status for url, visit in visits.items()} == {url: status[url] for url in survey.urls_of(view)}
    # Chromium asks for each page's icon: were it missing, the failure would be recorded above.
    icons = {url: urljoin(server + url, site.served(url).select_one("link[rel=icon]")["href"]) for url in visits}
    assert [url for url, visit in visits.items() if icons[url] not in visit.requests] == []


def test_a_missing_address_gets_the_404_page_with_its_styles_and_scripts(survey, site, server):
    """At a deep missing address, the 404 page's own links to its assets must still reach them (none failed above)."""
    visit = survey.visits("light")[MISSING]
    assets = [urljoin(server + MISSING, tag.get("href") or tag["src"]) for tag in site.not_found.select("link[rel=stylesheet], script[src]")]
    assert visit.status == 404 and site.not_found.select_one("h1").get_text(strip=True) in visit.text
    assert len(assets) >= 3 and [asset for asset in assets if asset not in visit.requests] == []
