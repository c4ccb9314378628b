"""MkDocs hooks: give every built page a strict Content-Security-Policy (the policy is in compact_site.csp).

`mkdocs serve` adds a live reload script to each page as it serves it, with text that changes on every
request: in that preview only, inline scripts are allowed without their hashes (see csp.policy_for).
`mkdocs serve --clean` asks for the pages exactly as published (MkDocs tells hooks it is a build), so they keep
the strict policy, which stops the live reload script: reload such a preview by hand.
"""

from __future__ import annotations

from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from compact_site.csp import CspError, with_csp_meta

# The command is fixed for the life of the process (on_startup runs once, before any build), so this is
# not state that a rebuild could leave stale.
_live_preview = False


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Note whether this process serves a live preview."""
    global _live_preview
    _live_preview = command == "serve"


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Every page of the site: its policy, with the hashes of its own inline scripts."""
    return _with_policy(output, page.file.src_uri)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The pages made from a theme template alone (404.html); not sitemap.xml."""
    if not template_name.endswith(".html"):
        return output_content
    return _with_policy(output_content, template_name)


def _with_policy(html: str, source: str) -> str:
    """The page with its policy; a page no strict policy can allow stops the build, naming its source."""
    try:
        return with_csp_meta(html, live_preview=_live_preview)
    except CspError as error:
        raise PluginError(f"{source}: no strict Content-Security-Policy can allow this page: {error}") from error
