"""Valid HTML: the Nu HTML Checker (vnu-jar, pinned in package-lock.json) finds no error on any page."""

from __future__ import annotations


def test_the_checker_reads_every_page(nu_checker, site):
    files, _ = nu_checker
    assert files == {path.resolve() for path in site.root.rglob("*.html")}
    assert (site.root / "404.html").resolve() in files  # the page that a missing address gets


def test_no_page_has_an_html_error(nu_checker):
    _, messages = nu_checker
    errors = [f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] != "info"]
    assert errors == []
