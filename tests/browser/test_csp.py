"""A strict Content-Security-Policy on every page, and not one violation of it in any view."""

from __future__ import annotations

import pytest

from compact_site.csp import BASE_POLICY, source_hash

from pagesurvey import SCRIPTED_VIEWS, report

# The only sources a policy may name beyond its base: hashes of the page's own inline code, and the
# keyword that lets a style attribute run by its hash alone (CSP 3).
KEYWORDS_BY_HASH = {"script-src": set(), "style-src": {"'unsafe-hashes'"}}


def policies(page) -> list[dict[str, list[str]]]:
    """Each Content-Security-Policy <meta> of a parsed page, as its directives."""
    return [
        {name: sources for name, *sources in (part.split() for part in meta["content"].split(";"))}
        for meta in page.select("meta[http-equiv='Content-Security-Policy']")
    ]


def inline_scripts(page) -> list[str]:
    """The text of each inline script that a browser runs (not JSON data)."""
    return [script.string or "" for script in page.select("script:not([src])") if script.get("type", "") in ("", "text/javascript", "module")]


def test_the_base_policy_names_no_host_and_allows_no_inline_code():
    sources = {source for sources in BASE_POLICY.values() for source in sources}
    assert all(source.startswith("'") or source == "data:" for source in sources), sources
    assert BASE_POLICY["default-src"] == ("'none'",)
    assert BASE_POLICY["script-src"] == BASE_POLICY["style-src"] == ("'self'",)


def test_every_page_has_one_strict_policy_that_allows_its_own_scripts_only(site):
    for url, page in [*((url, site.page(url)) for url in site.urls), ("404.html", site.not_found)]:
        (policy,) = policies(page)
        assert page.head.find("meta") is page.head.select_one("meta[charset]"), url
        assert page.head.select("meta")[1]["http-equiv"] == "Content-Security-Policy", url  # before all it covers
        assert policy.keys() == BASE_POLICY.keys(), url
        for directive, sources in policy.items():
            base = list(BASE_POLICY[directive])
            assert sources[: len(base)] == base, (url, directive)
            extra = sources[len(base) :]
            allowed = KEYWORDS_BY_HASH.get(directive)
            assert allowed is not None or extra == [], (url, directive, extra)
            assert all(source.startswith("'sha256-") or source in allowed for source in extra), (url, directive, extra)
        assert {source_hash(script) for script in inline_scripts(page)} <= set(policy["script-src"]), url
        assert not {"'unsafe-eval'", "'unsafe-inline'"} & {source for sources in policy.values() for source in sources}, url


@pytest.mark.parametrize("view", SCRIPTED_VIEWS)
def test_no_page_violates_its_policy(survey, view):
    assert report(survey.visits(view), "csp_violations") == []
