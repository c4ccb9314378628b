"""Every sentence of the draft Compact is on the site, word for word, in one paragraph, list item or heading of
the Compact's own text (an element of class compact-text, or within one), set apart from the site's own words.

The test keeps its own copy of the source (fixtures/compact-draft-source.txt, the text extraction of the
draft) and states here, independently of the site's code, which of its line breaks are artefacts of the
extraction. A sentence must stand whole inside one block of one page: a paragraph split by a page break,
or a name split over two lines, fails until the site joins it again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SOURCE = Path(__file__).parent / "fixtures" / "compact-draft-source.txt"

# Lines the extraction broke: (how a line ends, how the next non-empty line starts) for text that is one.
BROKEN_LINES = [
    ("the vast majority of community organisations receive no", "financial support from public bodies."),
    ("Commissioning processes will have", "VCS and private sector engagement built in"),
    ("Partners will seek to reduce", "bureaucracy to enable people to volunteer"),
    ("Furthermore, we can", "use this information to help us review"),
    ("South East Staffs and Seisdon Peninsula", "CCG"),
    ("Staffordshire Police and Crime", "Commissioner"),
    ("Stoke on Trent and Staffordshire Local", "Enterprise Partnership"),
    ("Greater Birmingham and Solihull Local", "Enterprise Partnership"),
    ("Stoke on Trent and Staffordshire Fire and", "Rescue Authority"),
]

BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, dt, dd, td, th, div.compact-contact"


def normalise(text: str) -> str:
    """Fold what is typography, not words: white space, a spaced dash's kind, a dash between years."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(?<=\d) ?[-–] ?(?=\d)", "–", text)
    return re.sub(r" [-–—] ", " – ", text)


def source_units() -> list[str]:
    """The source's paragraphs, list items, headings and names, with the broken lines joined again."""
    lines = [line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    units: list[str] = []
    used = set()
    for line in lines:
        join = next(
            (pair for pair in BROKEN_LINES if units and units[-1].endswith(pair[0]) and line.startswith(pair[1])),
            None,
        )
        if join and (len(units), join) not in used:
            used.add((len(units), join))
            units[-1] = f"{units[-1]} {line}"
        else:
            units.append(line)
    assert len(used) == len(BROKEN_LINES), "every listed break must be found in the source"
    return units


def plain(unit: str) -> str:
    """A source unit without its Markdown: emphasis, empty links, bullets and list numbers."""
    unit = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", unit)
    unit = unit.replace("*", "")
    return re.sub(r"^(- |\d+\. )", "", unit)


def source_sentences() -> list[str]:
    sentences = []
    for unit in source_units():
        sentences += [normalise(s) for s in re.split(r"(?<=[.?!])\s+(?=[A-Z(])", plain(unit)) if s.strip()]
    return sentences


def compact_words(page) -> list[str]:
    """The text of every block of the Compact's own text on a page (an element of class compact-text, or within
    one), normalised, without the ¶ of a heading's permalink or a paragraph's number."""
    for anchor in page.select("a.headerlink, a.compact-cite"):
        anchor.decompose()
    return [
        normalise(block.get_text(""))
        for block in page.select(BLOCKS)
        if "compact-text" in block.get("class", []) or block.find_parent(class_="compact-text")
    ]


@pytest.fixture(scope="module")
def site_blocks(site) -> list[str]:
    """The text of every block of the Compact's own text on every page, and the draft banner's, normalised."""
    blocks = []
    for url in site.urls:
        page = site.page(url)
        blocks += compact_words(page)
        blocks += [normalise(block.get_text("")) for block in page.select(f".md-banner :is({BLOCKS})")]
    return blocks


def test_the_source_is_read_whole():
    """Guard the test itself: the source's first and last words are among its sentences."""
    sentences = source_sentences()
    assert sentences[0].startswith("Staffordshire and Stoke on Trent Compact 2014")
    assert sentences[-1] == "Draft"
    assert len(sentences) > 150


def missing_from(sentences: list[str], blocks: list[str]) -> list[str]:
    """The sentences found whole in none of the blocks."""
    return [s for s in sentences if not any(s in block for block in blocks)]


def test_every_sentence_of_the_compact_is_on_the_site_as_the_compacts_text(site_blocks):
    missing = missing_from(source_sentences(), site_blocks)
    assert not missing, "sentences of the Compact not found whole in its text (class compact-text) on any page:\n" + "\n".join(missing)


@pytest.mark.parametrize("end, start", BROKEN_LINES)
def test_text_broken_by_the_extraction_is_joined_again(site_blocks, end, start):
    joined = normalise(f"{end} {start}")
    assert any(joined in block for block in site_blocks)


def test_a_sentence_missing_from_the_site_is_detected(site_blocks):
    """Guard the test itself: the same check, given the source with one sentence more, reports that sentence."""
    absent = normalise("Partners will publish every meeting's minutes within a week.")
    assert missing_from([*source_sentences(), absent], site_blocks) == [absent]


def test_the_whole_compact_page_holds_every_sentence_in_order(site):
    """The 'whole Compact' view: every sentence on one page, in the order of the source."""
    blocks = compact_words(site.page("compact/whole/").select_one("article"))
    position, out_of_order = 0, []
    for sentence in source_sentences()[:-1]:  # the last, "Draft", is the notice in the banner
        found = next((i for i in range(position, len(blocks)) if sentence in blocks[i]), None)
        if found is None:
            out_of_order.append(sentence)
        else:
            position = found
    assert not out_of_order, "missing from the whole Compact, or out of order:\n" + "\n".join(out_of_order)
