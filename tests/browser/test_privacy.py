"""Privacy: a reader's browser talks to this site alone, keeps no cookie, and loads no font from elsewhere."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from pagesurvey import SCRIPTED_VIEWS, VIEWS, report


@pytest.mark.parametrize("view", VIEWS)
def test_no_page_asks_any_other_host_for_anything(survey, server, view):
    site_host = urlsplit(server).netloc
    elsewhere = [
        f"/{url}: {request}"
        for url, visit in survey.visits(view).items()
        for request in visit.requests
        if urlsplit(request).scheme in ("http", "https", "ws", "wss") and urlsplit(request).netloc != site_host
    ]
    assert elsewhere == []
    assert all(visit.requests for visit in survey.visits(view).values())  # the recorder heard every page


@pytest.mark.parametrize("view", VIEWS)
def test_no_page_sets_a_cookie(survey, view):
    visits = survey.visits(view)
    assert survey.cookies[view] == []
    assert [url for url, visit in visits.items() if visit.cookie] == []


@pytest.mark.parametrize("view", SCRIPTED_VIEWS)
def test_the_browser_keeps_the_palette_choice_alone(survey, view):
    """What the privacy notice says of the browser's storage: Material keeps the palette chosen, nothing else."""
    stored = {key for visit in survey.visits(view).values() for key in visit.stored}
    assert stored and all(key.endswith(".__palette") for key in stored), stored


@pytest.mark.parametrize("view", VIEWS)
def test_fonts_are_the_systems_own(survey, view):
    """No web font at all (mkdocs.yml: font: false): nothing to fetch from a font host, nothing to track."""
    assert report(survey.visits(view), "web_fonts") == []
