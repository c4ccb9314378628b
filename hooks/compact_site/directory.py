"""The partner directory at any size: /partners/ lists every partner, grouped by sector and type, while they fit
one light page; beyond that, /partners/ lists the groups with their counts, and each group's partners are on
pages of their own, a fixed number of partners to a page, so that no page grows with the number of partners and
every partner's page is reached from /partners/ by links."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .compact import Compact, PartnerGroup, SectorGroup
from .model import Partner

# Partners on one page: the directory while they all fit, and each page of a group's list beyond. About 250
# bytes of HTML each (a link and a few words of status): about 100 KB of a page at most, the theme included.
PARTNERS_PER_PAGE = 300


def listed_in_full(compact: Compact) -> bool:
    """Whether /partners/ itself lists every partner (it does while they fit one page)."""
    return len(compact.partners) <= PARTNERS_PER_PAGE


@dataclass(frozen=True)
class ListPage:
    """One page of the partners of a type within a sector."""

    sector: SectorGroup
    group: PartnerGroup
    number: int
    count: int  # pages in the group's list
    partners: list[Partner]


def list_pages(compact: Compact) -> list[ListPage]:
    """Every page of every group's list; none while /partners/ lists every partner itself."""
    if listed_in_full(compact):
        return []
    pages = []
    for sector in compact.sector_groups:
        for group in sector.groups:
            count = math.ceil(len(group.partners) / PARTNERS_PER_PAGE)
            for index in range(count):
                chunk = group.partners[index * PARTNERS_PER_PAGE : (index + 1) * PARTNERS_PER_PAGE]
                pages.append(ListPage(sector, group, index + 1, count, chunk))
    return pages
