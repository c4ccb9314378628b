"""A partner's badges (/partners/<slug>/badge.svg and its variants): the Compact's name, the partner's, and what it
can truly claim, in words a partner would be glad to show.

Each badge comes in two sizes (small fits a phone's width at its own size, so its text never shrinks; large for
a web page's side column or a poster) and two looks (teal, white), laid out here and drawn by
templates/badge.svg.j2: text in the reader's own fonts, no font or image fetched from anywhere, and a <title>
for screen readers. Long names wrap onto more lines instead of widening the badge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .text import gov_date
from .model import Document, Partner


def badge_claim(partner: Partner) -> str:
    """What the badge says the partner is: true for each status, and never membership once it has withdrawn."""
    if partner.status == "withdrawn":
        return f"Former partner: withdrew on {gov_date(partner.withdrawn_on)}" if partner.withdrawn_on else "Former partner"
    if partner.status == "signed":
        return f"Signed the Compact Agreement on {gov_date(partner.signed_on)}" if partner.signed_on else "Signed the Compact Agreement"
    return f"Partner since {gov_date(partner.joined_on)}" if partner.joined_on else "Partner in the Compact"


def partner_claim(partner: Partner, document: Document) -> str:
    """What a partner is to the Compact, in words that stay true after it withdraws."""
    former = "a former partner" if partner.status == "withdrawn" else "a partner"
    return f"{former} in the {document.full_title}"


@dataclass(frozen=True)
class BadgeSize:
    """A badge's size: the most it may be wide, and its text sizes (the smallest 13 px: legible on a phone)."""

    suffix: str  # in the file name, after "badge"
    name: str  # as the partner page names it
    max_width: int
    title_size: int
    name_size: int
    claim_size: int
    padding: int


@dataclass(frozen=True)
class BadgeLook:
    suffix: str
    name: str
    background: str
    text: str
    border: str


# The small badge is at most 320 px wide: it fits a 360 px phone's column at its own size, so its 13 px text is
# shown at 13 px, never scaled down.
SIZES = (
    BadgeSize("", "Small", 320, 13, 17, 14, 14),
    BadgeSize("-large", "Large", 480, 19, 26, 21, 20),
)
# The site's own teal (the header's) and grey give white text a contrast of at least 7:1 (WCAG AAA), and as text on
# white the same.
LOOKS = {
    "teal": BadgeLook("", "Teal", "#15495a", "#ffffff", "#15495a"),
    "white": BadgeLook("-white", "White", "#ffffff", "#15495a", "#15495a"),
}
_WITHDRAWN_COLOUR = "#4d4d4d"
# The widest a glyph of the reader's sans-serif font runs, as a share of the font size: generous, so that the
# text fits the badge in any font (no font is fetched).
_GLYPH_WIDTH = {False: 0.6, True: 0.66}


@dataclass(frozen=True)
class BadgeLine:
    text: str
    size: int
    bold: bool
    baseline: int


@dataclass(frozen=True)
class Badge:
    """A partner's badge, laid out: its title for screen readers, its lines of text, size and colours."""

    file_name: str
    look_name: str
    size_name: str
    title: str
    lines: list[BadgeLine]
    width: int
    height: int
    background: str
    text: str
    border: str
    padding: int


def _wrapped(text: str, size: int, bold: bool, width: int) -> list[str]:
    """Text broken at spaces into lines no wider than width (a word longer than that stands alone)."""
    most = max(1, int(width / (size * _GLYPH_WIDTH[bold])))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _width_of(text: str, size: int, bold: bool) -> int:
    return math.ceil(len(text) * size * _GLYPH_WIDTH[bold])


# Every badge a partner has, as (look, size), in order: the small teal one (badge.svg) first.
BADGE_KINDS = tuple((look, size) for look in LOOKS for size in SIZES)


def badge_file_name(look: str, size: BadgeSize) -> str:
    """The file name of a partner's badge of one look and size, beside its page."""
    return f"badge{LOOKS[look].suffix}{size.suffix}.svg"


def badge_layout(partner: Partner, document: Document, size: BadgeSize = SIZES[0], look: str = "teal") -> Badge:
    """One badge of a partner: the Compact's title, the partner's name and its claim, wrapped to the size."""
    colours = LOOKS[look]
    withdrawn = partner.status == "withdrawn"
    inner = size.max_width - 2 * size.padding
    parts = [(document.full_title, size.title_size, False), (partner.name, size.name_size, True), (badge_claim(partner), size.claim_size, False)]
    baseline, lines = size.padding, []
    for text, text_size, bold in parts:
        for line in _wrapped(text, text_size, bold, inner):
            baseline += round(text_size * 1.35)
            lines.append(BadgeLine(line, text_size, bold, baseline))
        baseline += round(text_size * 0.3)  # a little air between the parts
    width = 2 * size.padding + max(_width_of(line.text, line.size, line.bold) for line in lines)
    title = f"{partner.name}: {badge_claim(partner)}. {document.full_title}."
    return Badge(
        file_name=badge_file_name(look, size),
        look_name=colours.name,
        size_name=size.name,
        title=title,
        lines=lines,
        width=min(width, size.max_width),
        height=baseline + size.padding,
        background=_WITHDRAWN_COLOUR if withdrawn and look == "teal" else colours.background,
        text=_WITHDRAWN_COLOUR if withdrawn and look == "white" else colours.text,
        border=_WITHDRAWN_COLOUR if withdrawn else colours.border,
        padding=size.padding,
    )


def all_badges(partner: Partner, document: Document) -> list[Badge]:
    """Every badge of a partner, laid out, in the order of BADGE_KINDS."""
    return [badge_layout(partner, document, size, look) for look, size in BADGE_KINDS]
