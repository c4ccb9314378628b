"""A partner's badge (/partners/<slug>/badge.svg): that it is a Compact partner, and its status.

The layout is computed here and drawn by templates/badge.svg.j2: readable text in the reader's own fonts,
no font or image fetched from anywhere, and a <title> for screen readers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .compact import status_label
from .model import Document, Partner


def partner_claim(partner: Partner, document: Document) -> str:
    """What a partner is to the Compact, in words that stay true after it withdraws."""
    former = "a former partner" if partner.status == "withdrawn" else "a partner"
    return f"{former} in the {document.full_title}"


@dataclass(frozen=True)
class BadgeLine:
    text: str
    size: int
    bold: bool
    baseline: int


@dataclass(frozen=True)
class Badge:
    """A partner's badge, laid out: its title for screen readers, its lines of text and its size."""

    title: str
    lines: list[BadgeLine]
    width: int
    height: int
    background: str
    padding: int = 14


# Both give white text a contrast of at least 7:1 (WCAG AAA); a withdrawn partner's badge is grey.
_BADGE_BACKGROUND = {"named": "#283593", "signed": "#283593", "withdrawn": "#4d4d4d"}
# The widest a glyph of the reader's sans-serif font runs, as a share of the font size: generous, so that
# the text fits the badge in any font (no font is fetched).
_GLYPH_WIDTH = {False: 0.6, True: 0.66}


def badge_layout(partner: Partner, document: Document) -> Badge:
    """A partner's badge: its name, that it is a Compact partner, and its status; sized to fit the text."""
    claim = partner_claim(partner, document)
    texts = [(partner.name, 16, True), (claim[0].upper() + claim[1:], 13, False), (status_label(partner), 13, False)]
    padding, baseline, lines = 14, 14, []
    for text, size, bold in texts:
        baseline += round(size * 1.45)
        lines.append(BadgeLine(text, size, bold, baseline))
    width = 2 * padding + max(math.ceil(len(text) * size * _GLYPH_WIDTH[bold]) for text, size, bold in texts)
    title = f"{partner.name}: {claim}. {status_label(partner)}."
    return Badge(title, lines, width, baseline + padding, _BADGE_BACKGROUND[partner.status], padding)
