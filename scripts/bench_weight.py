"""Page weight from the built files: what a page loads, by kind, in bytes raw and gzip-compressed.

What a page loads is read from its HTML (stylesheets, scripts, icons, images, preloads) and, recursively,
from the url() and @import of its stylesheets. A browser (bench_browser) adds what scripts fetch at run
time; both lists are weighed the same way, from the files in the site folder.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

SITE = "http://site.invalid/"  # a base to resolve relative addresses against; never fetched
GZIP_LEVEL = 6  # zlib's default, and what most web servers use
KINDS = {
    ".html": "HTML", ".css": "CSS", ".js": "JavaScript", ".json": "Search index and data",
    ".woff2": "Fonts", ".woff": "Fonts", ".ttf": "Fonts", ".otf": "Fonts",
    ".png": "Images", ".svg": "Images", ".ico": "Images", ".jpg": "Images", ".jpeg": "Images", ".gif": "Images", ".webp": "Images",
}
_LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "manifest"}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


@dataclass(frozen=True)
class Weight:
    """Bytes of one resource or a sum of them: as stored, and gzip-compressed."""

    raw: int
    gzip: int

    def __add__(self, other: Weight) -> Weight:
        return Weight(self.raw + other.raw, self.gzip + other.gzip)


NOTHING = Weight(0, 0)


class _Loads(HTMLParser):
    """The addresses a page's HTML makes the browser fetch while it loads."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and _LOADING_RELS & set(values.get("rel", "").lower().split()):
            self.urls.append(values.get("href", ""))
        elif tag in ("script", "img", "source", "audio", "video", "iframe", "embed") and values.get("src"):
            self.urls.append(values["src"])
        if values.get("srcset"):
            self.urls += [candidate.split()[0] for candidate in values["srcset"].split(",") if candidate.strip()]
        if tag == "video" and values.get("poster"):
            self.urls.append(values["poster"])


def page_address(url: str) -> str:
    """The absolute address of a site-relative page URL such as 'partners/vast/'."""
    return urljoin(SITE, url)


def file_for(site: Path, address: str) -> Path | None:
    """The built file an address on the site is served from; None for another host."""
    if not address.startswith(SITE):
        return None
    path = urlsplit(address).path.lstrip("/")
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def declared_loads(site: Path, url: str) -> list[str]:
    """Every address the page at url loads by its HTML and its stylesheets, the page first, each once."""
    page = page_address(url)
    parser = _Loads()
    parser.feed(file_for(site, page).read_text(encoding="utf-8"))
    found = [page]
    pending = [urljoin(page, href) for href in parser.urls if href and not href.startswith("data:")]
    while pending:
        address = urlsplit(pending.pop(0))._replace(fragment="").geturl()
        if address in found:
            continue
        found.append(address)
        path = file_for(site, address)
        if path is not None and path.suffix == ".css" and path.exists():
            css = path.read_text(encoding="utf-8")
            pending += [urljoin(address, a or b) for a, b in _CSS_URL.findall(css) if not (a or b).startswith("data:")]
    return found


def kind_of(address: str) -> str:
    """The kind of resource an address names, from its extension (a page's address ends in /)."""
    path = urlsplit(address).path
    return "HTML" if path.endswith("/") else KINDS.get(PurePosixPath(path).suffix.lower(), "Other")


def weigh(site: Path, addresses: list[str]) -> tuple[dict[str, Weight], list[str]]:
    """The weight of these resources by kind, and the addresses that are not files of this site."""
    by_kind: dict[str, Weight] = {}
    elsewhere = []
    for address in addresses:
        path = file_for(site, address)
        if path is None or not path.is_file():
            elsewhere.append(address)
            continue
        data = path.read_bytes()
        kind = kind_of(address)
        # A host sends a file that gzip does not shrink (an image, say) as it is: it then counts raw.
        by_kind[kind] = by_kind.get(kind, NOTHING) + Weight(len(data), min(len(data), len(gzip.compress(data, GZIP_LEVEL, mtime=0))))
    return by_kind, elsewhere
