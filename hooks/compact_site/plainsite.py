"""The site's pages as plain Markdown files: what the build hooks hand the engine, written out to a folder.

An engine that builds Markdown with the theme can then build the site with no hooks of ours at all: the benchmark
measures the engine alone on it, and trying another engine is pointing it at the folder (scripts/plain-site).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .compact import Compact
from .loading import load_compact
from .rendering import SiteRenderer


@dataclass(frozen=True)
class PlainSite:
    """A folder of plain pages, the folders whose pages stay out of the navigation, and the data they show."""

    docs_dir: Path
    out_of_nav: frozenset[str]
    compact: Compact


def write_plain_site(root: Path, target: Path, *, site_url: str = "/") -> PlainSite:
    """Write the project at root as plain files into target: docs/ with its Markdown rendered, and every generated
    page and file (badges, open data, the feed) where the hooks would add it."""
    compact = load_compact(root / "data")
    docs = root / "docs"
    renderer = SiteRenderer(compact, site_url=site_url, docs_dir=docs)
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(docs, target, ignore=shutil.ignore_patterns("*.md"))
    files = {page.relative_to(docs).as_posix(): page for page in docs.rglob("*.md")}
    texts = {uri: renderer.docs_page(page.read_text(encoding="utf-8"), f"docs/{uri}") for uri, page in files.items()}
    rendered = renderer.rendered()
    texts |= {entry.src_uri: content for entry, content in rendered}
    for uri, text in texts.items():
        path = target / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    out_of_nav = frozenset(entry.src_uri.rsplit("/", 1)[0] for entry, _ in rendered if entry.is_page and not entry.in_nav and entry.src_uri.endswith(".md"))
    return PlainSite(target, out_of_nav, compact)
