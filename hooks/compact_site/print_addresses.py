"""Links within the site, readable on paper: each carries its full address for the print style sheet to print.

A link's href within the site is relative ("../partners/vast/"), which means nothing on paper, and CSS cannot
resolve it: so each link gets its absolute address in a data-print-address attribute, and
docs/stylesheets/compact.css prints that after the link. One regular expression over the page's content,
run on every page of a build that may have 10,000 partner pages: no HTML parser.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

# The start of a link's tag up to the end of its href: MkDocs and Python-Markdown write attributes in double quotes.
_LINK = re.compile(r'<a\s(?:[^>]*?\s)?href="([^"]*)"')
_ELSEWHERE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//")  # a scheme (https:, mailto:) or another host: printed as it is


def with_print_addresses(html: str, page_address: str) -> str:
    """The HTML with each link to another page of the site marked with its address resolved from page_address.

    Links within the page ("#...") are left alone: their target is on the same paper.
    """

    def mark(link: re.Match[str]) -> str:
        href = link[1]
        if not href or href.startswith("#") or _ELSEWHERE.match(href):
            return link[0]
        return f'{link[0]} data-print-address="{urljoin(page_address, href)}"'

    return _LINK.sub(mark, html)
