"""MkDocs hooks: the thin glue between MkDocs events and the engine-agnostic core in compact_site.

Order of events in one build (and in every rebuild of `mkdocs serve`):
- on_config: load and validate data/ and render everything the site map plans. Any problem stops the build here,
  before MkDocs cleans site/, so a bad edit never leaves a half-built site behind.
- on_files: add the generated pages as real MkDocs files, each editing back to its data file, and the
  generated files that are not pages (open data, badges, the feed, robots.txt), copied as they are.
- on_page_markdown: render the Jinja expressions in the Markdown pages of docs/.
- on_page_content: give each page its description, link preview tags and date line (see overrides/main.html),
  each paragraph of the Compact's text its number, and each link within the site its full address, which
  prints after it on paper.
No state lives in this module: each build keeps its renderer on its own config.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from markupsafe import Markup, escape
from mkdocs.structure.pages import Page

from compact_site.addresses import lost_addresses, lost_report
from compact_site.history import read_history
from compact_site.loading import DataError, load_compact
from compact_site.paragraphs import number_paragraphs
from compact_site.print_addresses import with_print_addresses
from compact_site.rendering import PageError, SiteRenderer
from compact_site.signing import sign_form_url

_STATE = "compact_site"  # key in config.extra: this build's renderer and generated pages


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load the data once per build, fail early with every problem, and pre-render generated pages."""
    root = Path(config.config_file_path).parent
    try:
        compact = load_compact(root / "data")
        history = read_history(root, compact.entry_lines)  # once per build: every page's date comes from it
        renderer = SiteRenderer(
            compact,
            site_url=config.site_url or "/",
            docs_dir=Path(config.docs_dir),
            history=history,
            sign_form_url=sign_form_url(config.edit_uri),
        )
        rendered = renderer.rendered()
    except (DataError, PageError) as error:
        raise Abort(str(error)) from error
    lost = lost_addresses(renderer.site_map, root)
    if lost:
        raise Abort(lost_report(lost, consequence="; nothing was built"))
    # The theme prints the site's name unescaped (MkDocs' templates do not escape): from the data, it is escaped
    # here, once, so that a title holding markup shows as the characters written.
    config.site_name = escape(compact.document.full_title)
    config.extra[_STATE] = {"renderer": renderer, "rendered": rendered}
    config.extra["compact_document"] = compact.document  # for the draft notice in overrides/
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add everything the site map plans; partner and principle pages are found by search, not by the side menu."""
    for entry, content in config.extra[_STATE]["rendered"]:
        if not entry.is_page:
            files.append(File.generated(config, entry.src_uri, content=content))
            continue
        inclusion = InclusionLevel.INCLUDED if entry.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, entry.src_uri, content=content, inclusion=inclusion)
        # Relative to docs/: "Edit this page" opens the data file (none for a page of many sources).
        file.edit_uri = f"../{entry.source}" if entry.source else None
        files.append(file)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Let the Markdown pages of docs/ show data (counts, lists, editor's notes) without copying it."""
    if page.file.generated_by is not None:
        if page.edit_url:  # ".../edit/main/docs/../data/partners.yml" -> ".../edit/main/data/partners.yml"
            page.edit_url = urljoin(page.edit_url, posixpath.basename(page.edit_url))
        return markdown  # generated pages were rendered from their templates in on_config
    try:
        return config.extra[_STATE]["renderer"].docs_page(markdown, f"docs/{page.file.src_uri}")
    except PageError as error:
        raise PluginError(str(error)) from error


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Describe the page for link previews and date it, from the core; overrides/main.html prints both. Give
    each link within the site its address for paper (links are final here: MkDocs made them relative).

    Here, once the page is rendered and its title known, and before MkDocs writes sitemap.xml (which shows
    each page's date): templates are built before the pages' own HTML.
    """
    title = config.extra["compact_document"].full_title if page.is_homepage else Markup(page.title or "").striptags()  # plain text
    description = page.meta.get("description")  # front matter may hold any YAML value: text is wanted
    page.meta.update(
        config.extra[_STATE]["renderer"].page_meta(
            page.file.src_uri,
            page.url,
            title=title,
            markdown=page.markdown or "",
            description=str(description) if description else None,
            fallback=config.site_description or "",
        )
    )
    return with_print_addresses(number_paragraphs(html), urljoin(config.site_url or "/", page.url))
