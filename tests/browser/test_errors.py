"""No errors: not one console error, uncaught exception or failed request (a missing favicon counts) in any view."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from pagesurvey import VIEWS, report


@pytest.mark.parametrize("view", VIEWS)
def test_no_page_logs_an_error(survey, view):
    assert report(survey.visits(view), "console_errors") == []


@pytest.mark.parametrize("view", VIEWS)
def test_no_request_fails_the_favicon_included(survey, site, server, view):
    visits = survey.visits(view)
    assert report(visits, "failures") == []
    # Chromium asks for each page's icon: were it missing, the failure would be recorded above.
    icons = {url: urljoin(server + url, site.page(url).select_one("link[rel=icon]")["href"]) for url in visits}
    assert [url for url, visit in visits.items() if icons[url] not in visit.requests] == []
