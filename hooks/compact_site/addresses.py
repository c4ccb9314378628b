"""The addresses the site publishes, and the committed list that keeps them from disappearing.

Partners link to these pages from their intranets, so an address, once published, must keep working:
a page that moves leaves a redirect behind (former_slugs in the data), and the build refuses to drop
an address that the committed list (urls.txt) still holds. A new address is never an error: `make check`
adds it to the list, which the pull request then carries.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .sitemap import SiteMap, address_of

URL_LIST_HEADER = """\
# Every address this site publishes, relative to the site's root. `make check` adds each new one: commit it.
# The build fails if an address listed here would disappear: rename with former_slugs, never delete.
"""


def site_urls(src_uris: Iterable[str]) -> list[str]:
    """The sorted, unique addresses of the pages built from these source files."""
    return sorted({address_of(uri) for uri in src_uris})


def parse_url_list(text: str) -> list[str]:
    """The addresses in a url list: one a line; '#' comments and blank lines ignored; '/' for the root."""
    urls = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            urls.append("" if line == "/" else line)
    return urls


def format_url_list(urls: Iterable[str]) -> str:
    """The url list file's text for these addresses."""
    return URL_LIST_HEADER + "".join(f"{url or '/'}\n" for url in sorted(set(urls)))


URL_LIST = "urls.txt"


def published_urls(planned: SiteMap, docs_dir: Path) -> list[str]:
    """Every address a build publishes: the pages of the data's site map and the Markdown pages of docs_dir."""
    docs = (path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md"))
    return site_urls([*docs, *(page.src_uri for page in planned.pages)])


def lost_addresses(planned: SiteMap, root: Path) -> list[str]:
    """Problems, as `urls.txt:LINE: address: ...`, for each listed address the site would stop publishing."""
    url_list = root / URL_LIST
    if not url_list.exists():
        return [f"{URL_LIST}:1:1: the list of published addresses is missing; restore it (git checkout {URL_LIST})"]
    published = set(published_urls(planned, root / "docs"))
    problems = []
    for number, line in enumerate(url_list.read_text(encoding="utf-8").splitlines(), start=1):
        for url in parse_url_list(line):
            if url not in published:
                problems.append(
                    f"{URL_LIST}:{number}:1: {url or '/'}: this published address would disappear; "
                    "give the entry former_slugs to keep it as a redirect (see the editors' guide)"
                )
    return problems


def record_new_addresses(planned: SiteMap, root: Path) -> list[str]:
    """Add to urls.txt every address the site now publishes that it does not list yet; return those added.

    Only once no listed address is lost (lost_addresses): the list is then written in order, whole."""
    url_list = root / URL_LIST
    listed = parse_url_list(url_list.read_text(encoding="utf-8"))
    new = sorted(set(published_urls(planned, root / "docs")) - set(listed))
    if new:
        url_list.write_text(format_url_list([*listed, *new]), encoding="utf-8")
    return new


def lost_report(lost: list[str], *, consequence: str = "") -> str:
    """The problems of lost_addresses as one message, under a heading that says what they stop."""
    return "\n".join([f"Published addresses would disappear{consequence}:", *(f"  {problem}" for problem in lost)])
