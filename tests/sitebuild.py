"""Build the real site in-process, as `mkdocs build` would, and read its pages back as parsed HTML."""

from __future__ import annotations

import shutil
import socket
import urllib.request
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
# What a copy of the project needs in order to build on its own (the core is installed in the venv).
PROJECT_PARTS = ("mkdocs.yml", "urls.txt", "docs", "data", "hooks", "overrides", "scripts", "schemas")


@dataclass
class BuiltSite:
    """A built site folder, with each page's parsed HTML by its URL path ('' for the home page)."""

    root: Path
    _pages: dict[str, BeautifulSoup] = field(default_factory=dict)

    def page(self, url: str) -> BeautifulSoup:
        """The page at a site-relative URL such as 'partners/vast/'."""
        url = url.strip("/")
        if url not in self._pages:
            path = self.root / url / "index.html" if url else self.root / "index.html"
            self._pages[url] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return self._pages[url]

    @cached_property
    def not_found(self) -> BeautifulSoup:
        """The 404 page (404.html), which a static host sends for any address the site does not have."""
        return BeautifulSoup((self.root / "404.html").read_text(encoding="utf-8"), "html.parser")

    def served(self, url: str) -> BeautifulSoup:
        """The page a static host sends for a site-relative URL: the page there, or else the 404 page."""
        path = self.root / url.strip("/") / "index.html"
        return self.page(url) if path.is_file() else self.not_found

    @cached_property
    def urls(self) -> list[str]:
        """Every page of the site (not the 404 page), as site-relative URLs, sorted."""
        found = [p.parent.relative_to(self.root).as_posix() for p in self.root.rglob("index.html")]
        return sorted("" if url == "." else url + "/" for url in found)


def copy_project(target: Path) -> Path:
    """A copy of the project's sources that a test may change without touching the repository."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def build_site(project: Path, site_dir: Path) -> BuiltSite:
    """Build the project at `project` into `site_dir` with the real hooks and theme."""
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
    build(config)
    return BuiltSite(site_dir)


# --- A preview served by `mkdocs serve` (the tests and scripts/bench watch it) -----------------------


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page's text, or None while the server does not answer it."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:  # refused, reset, timed out, or an HTTP error while the server rebuilds
        return None
