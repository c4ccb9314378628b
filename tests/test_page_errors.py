"""A mistake in an editor's Markdown page, or a page of the Compact moved away, stops the build with a message
that names the page: a PageError, which the build reports, never a traceback."""

from __future__ import annotations

import shutil

import pytest

from compact_site.rendering import PageError, SiteRenderer
from sitebuild import ROOT


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ('{% include "nothing.md" %}', "includes 'nothing.md', which is not a template of this site"),
        ("{{ editor_note() }}", "editor_note() missing 1 required positional argument"),
        ('{{ contact("vast", "twice") }}', "contact() takes 1 positional argument but 2 were given"),
        ("{{ compact.no_such_thing.name }}", "no_such_thing"),
    ],
    ids=["include", "editor-note-without-id", "contact-with-two", "unknown-name"],
)
def test_a_mistake_in_a_markdown_page_is_reported_with_the_page(compact, markdown, message):
    with pytest.raises(PageError) as raised:
        SiteRenderer(compact, site_url="/").docs_page(markdown, "docs/example.md")
    assert str(raised.value).startswith("docs/example.md: ") and message in str(raised.value)


def test_a_page_that_the_whole_compact_includes_cannot_vanish_unnoticed(compact, tmp_path):
    docs = shutil.copytree(ROOT / "docs", tmp_path / "docs")
    (docs / "compact" / "policy-context.md").unlink()
    with pytest.raises(PageError, match=r"^docs/compact/policy-context\.md: the whole Compact \(whole_compact\.md\.j2\) includes this page, which does not exist$"):
        SiteRenderer(compact, site_url="/", docs_dir=docs).rendered()
