"""The plain-text summaries that describe pages (meta descriptions, link previews, the feed) and the link a
highlighted principle's title gets: on the texts that the data may hold, not only on today's."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace

import markdown
import pytest
from bs4 import BeautifulSoup

from compact_site.loading import load_compact
from compact_site.rendering import SiteRenderer, _link_highlight
from compact_site.text import plain_text, summary
from sitebuild import ROOT


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
    cut = summary(text, limit=160)
    assert len(cut) <= 160 and cut.endswith("…")
    assert text.startswith(cut.removesuffix("…"))


def test_a_highlighted_title_with_an_ampersand_still_becomes_a_link(compact):
    principle = next(p for p in compact.principles if p.presentation == "highlighted")
    words = re.search(re.escape(f"***{principle.title}***"), principle.text, re.IGNORECASE)[0]  # as the text cases them
    changed = principle.model_copy(update={"title": f"{principle.title} & more", "text": principle.text.replace(words, f"{words[:-3]} & more***", 1)})
    assert f"](../principles/{principle.slug}/)***" in _link_highlight(changed, f"../principles/{principle.slug}/")


def test_counts_of_one_read_in_the_singular(tmp_path):
    """The pages that count partners, principles and objectives, made from data with one partner: never '1 partners'."""
    data = shutil.copytree(ROOT / "data", tmp_path / "data")
    partners = data / "partners.yml"
    text = partners.read_text(encoding="utf-8")
    first = text.index("\n  - slug:", text.index("\npartners:"))
    partners.write_text(text[: text.index("\n  - slug:", first + 1) + 1], encoding="utf-8")
    compact = load_compact(data)
    assert len(compact.partners) == 1
    renderer = SiteRenderer(compact, site_url="/", docs_dir=ROOT / "docs")
    pages = {entry.src_uri: content for entry, content in renderer.rendered()}
    pages["index.md"] = renderer.docs_page((ROOT / "docs" / "index.md").read_text(encoding="utf-8"), "docs/index.md")
    for uri in ("index.md", "partners/index.md", "sign.md"):
        assert "1 partner" in pages[uri] and not re.search(r"\b1 partners\b", pages[uri]), uri
    # "0 of 1 partners have ...", a share of the whole, stays as it is.
    assert not [uri for uri, text in pages.items() if re.search(r"(?<!of )\b1 (partners|principles|objectives|meetings)\b", text)]


def test_an_undated_withdrawal_says_its_date_is_not_yet_recorded(tmp_path):
    # A signature needs its date (the loader refuses status signed without signed_on); a withdrawal's is optional.
    data = shutil.copytree(ROOT / "data", tmp_path / "data")
    partners = data / "partners.yml"
    partners.write_text(partners.read_text(encoding="utf-8").replace("    status: named\n", "    status: withdrawn\n", 1), encoding="utf-8")
    compact = load_compact(data)
    withdrawn = compact.partners[0]
    assert (withdrawn.status, withdrawn.withdrawn_on) == ("withdrawn", None)
    pages = {entry.src_uri: content for entry, content in SiteRenderer(compact, site_url="/", docs_dir=ROOT / "docs").rendered()}
    assert '!!! warning "Withdrew from the Compact"' in pages[f"partners/{withdrawn.slug}.md"]
    assert "not yet recorded the date it withdrew, its website" in pages[f"partners/{withdrawn.slug}.md"]
    assert f"partners/{withdrawn.slug}.md): Withdrew from the Compact" in pages["partners/index.md"]


def test_a_duty_of_several_paragraphs_stays_one_item_of_its_list(compact):
    duty = compact.agreement.duties[0]
    longer = compact.agreement.model_copy(update={"duties": [duty.model_copy(update={"text": f"{duty.text}\n\nA second paragraph."}), *compact.agreement.duties[1:]]})
    renderer = SiteRenderer(replace(compact, agreement=longer), site_url="/", docs_dir=ROOT / "docs")
    sign = next(content for entry, content in renderer.rendered() if entry.src_uri == "sign.md")
    html = markdown.markdown(sign, extensions=["attr_list", "md_in_html", "def_list", "admonition", "tables", "compact_site.markup"])
    items = BeautifulSoup(html, "html.parser").find(string=re.compile("A second paragraph")).find_parent("li")
    assert items is not None and len(items.find_parent("ul").find_all("li", recursive=False)) == len(compact.agreement.duties)
