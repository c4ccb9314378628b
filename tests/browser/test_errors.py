"""No errors: not one console error, uncaught exception or failed request (a missing favicon counts) in any view."""

from __future__ import annotations

import pytest

from pagesurvey import VIEWS, report


@pytest.mark.parametrize("view", VIEWS)
def test_no_page_logs_an_error(survey, view):
    assert report(survey.visits(view), "console_errors") == []


@pytest.mark.parametrize("view", VIEWS)
def test_no_request_fails(survey, view):
    visits = survey.visits(view)
    assert report(visits, "failures") == []
    assert all(any(request.endswith(".css") for request in visit.requests) for visit in visits.values())
