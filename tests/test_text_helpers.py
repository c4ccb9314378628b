"""The plain-text summaries that describe pages (meta descriptions, link previews, the feed) and the link a
highlighted principle's title gets: on the texts that the data may hold, not only on today's."""

from __future__ import annotations

import re

import pytest

from compact_site.rendering import _link_highlight, _summary, plain_text


@pytest.mark.parametrize(
    ("markdown", "words"),
    [
        ("_Signed_ at the AT&T meeting, see [source](https://example.org/).", "Signed at the AT&T meeting, see source."),
        ("A __strong__ word and ***bold italics***.", "A strong word and bold italics."),
        ("a snake_case_name stays as written, as Markdown shows it", "a snake_case_name stays as written, as Markdown shows it"),
    ],
)
def test_plain_text_keeps_the_words_and_drops_the_markup(markdown, words):
    assert plain_text(markdown) == words


@pytest.mark.parametrize("text", ["斯" * 300, "x" * 300, "Word " + "y" * 300, ("A sentence of words " * 20).strip()])
def test_a_summary_keeps_within_its_limit_whatever_the_text(text):
    summary = _summary(text, limit=160)
    assert len(summary) <= 160 and summary.endswith("…")
    assert text.startswith(summary.removesuffix("…"))


def test_a_highlighted_title_with_an_ampersand_still_becomes_a_link(compact):
    principle = next(p for p in compact.principles if p.presentation == "highlighted")
    words = re.search(re.escape(f"***{principle.title}***"), principle.text, re.IGNORECASE)[0]  # as the text cases them
    changed = principle.model_copy(update={"title": f"{principle.title} & more", "text": principle.text.replace(words, f"{words[:-3]} & more***", 1)})
    assert f"](../principles/{principle.slug}/)***" in _link_highlight(changed, f"../principles/{principle.slug}/")
