"""The build's checks of the site's pages, made without building: for `scripts/check` (`make check`).

The build renders each Markdown page of docs/ with the data (editor_note, contact, {{ compact... }}), renders every
page the data makes, and MkDocs, in strict mode (mkdocs.yml `validation:`), refuses a link to a page, a file or an
anchor that does not exist, and an absolute link; the page's Content-Security-Policy refuses a script of its own.
The same is checked here, page by page, with the site's own renderer and Markdown extensions, so that a page that
passes the check builds.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Iterable, Iterator, Mapping
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import markdown

from .markup import PAGE_MARKDOWN_EXTENSIONS
from .rendering import PageError, SiteRenderer


class _Links(HTMLParser):
    """The links and images of a page's HTML, every id (and <a name>) an anchor can point to, and the scripts that
    the build's Content-Security-Policy refuses in a page of docs/ (security_hooks.py): <script>, on...= handlers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.addresses: list[str] = []
        self.anchors: set[str] = set()
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script":
            self.scripts.append("<script>")
        self.scripts += (f"<{tag} {name}=...>" for name, _ in attrs if name.startswith("on"))
        if tag == "a" and found.get("href") is not None:
            self.addresses.append(found["href"] or "")
        if tag == "img" and found.get("src") is not None:
            self.addresses.append(found["src"] or "")
        self.anchors.update(value for name, value in attrs if value and (name == "id" or (tag == "a" and name == "name")))


@functools.cache
def _reader() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(PAGE_MARKDOWN_EXTENSIONS))


def _links(text: str) -> _Links:
    found = _Links()
    found.feed(_reader().reset().convert(text))
    found.close()
    return found


def page_problems(renderer: SiteRenderer, docs_pages: Mapping[str, str], other_files: Iterable[str]) -> list[str]:
    """Every problem the build would find in the pages: docs_pages are the Markdown pages of docs/ by their path
    there (front matter removed, as MkDocs reads them); other_files, the other files of docs/."""
    problems: dict[str, None] = {}  # in order, once: the whole Compact renders the pages of docs/compact/ again
    pages: dict[str, str] = {}
    try:
        pages.update((entry.src_uri, renderer.render(entry)) for entry in renderer.site_map.pages)  # not the files: no link in them
    except PageError as error:
        problems[str(error)] = None
    for src_uri, text in sorted(docs_pages.items()):
        try:
            pages[src_uri] = renderer.docs_page(text, f"docs/{src_uri}")
        except PageError as error:
            problems[str(error)] = None
    if problems:  # links are checked against every page, once all are rendered
        return list(problems)
    files = set(pages) | set(other_files)
    links = functools.cache(lambda src_uri: _links(pages[src_uri]))  # a page linked to is read for its anchors only
    return [f"docs/{src_uri}: {problem}" for src_uri in sorted(docs_pages) for problem in _link_problems(src_uri, links, files)]


def _link_problems(src_uri: str, links: Callable[[str], _Links], files: set[str]) -> Iterator[str]:
    """What MkDocs' strict build and the page's Content-Security-Policy say of each link and script of one page."""
    for script in links(src_uri).scripts:
        yield f"{script}: a page may run no script of its own (the site's policy allows only the theme's); remove it"
    for address in links(src_uri).addresses:
        parts = urlsplit(address)
        if parts.scheme.lower() == "javascript":
            yield f"the link {address!r} runs a script; link to a page or a web address instead"
            continue
        if parts.scheme or parts.netloc:
            continue  # a web address
        if address.startswith(("/", "\\")):
            yield f"the link {address!r} is absolute; write it relative to this page, to the .md file it links to"
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(parts.path))).lstrip("/") if parts.path else src_uri
        if target not in files:
            if not posixpath.splitext(target)[1]:
                yield f"the link {address!r} names no file; link to the page's .md file (such as 'partners/index.md')"
            else:
                yield f"the link {address!r} leads to {target!r}, which is not a page or file of the site"
        elif parts.fragment and target.endswith(".md") and parts.fragment not in links(target).anchors:
            yield f"the link {address!r} leads to an anchor that {target!r} does not have: link to one of its headings"
