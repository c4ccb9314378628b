"""MkDocs hooks: give every built page a strict Content-Security-Policy (the policy is in compact_site.csp).

The policy allows each inline script of a page by its hash, and a page may carry only the inline scripts that the
theme's templates write: any other (an editor's <script> in a Markdown page, data printed unescaped) stops the
build, naming the page, instead of being allowed with the theme's own.

`mkdocs serve` adds a live reload script to each page as it serves it, with text that changes on every
request: in that preview only, inline scripts are allowed without their hashes (see csp.policy_for).
`mkdocs serve --clean` asks for the pages exactly as published (MkDocs tells hooks it is a build), so they keep
the strict policy, which stops the live reload script: reload such a preview by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from compact_site.csp import CspError, theme_scripts, with_csp_meta
from theme_patches import patched_template

# The command is fixed for the life of the process (on_startup runs once, before any build), so this is
# not state that a rebuild could leave stale.
_live_preview = False


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Note whether this process serves a live preview."""
    global _live_preview
    _live_preview = command == "serve"


_THEME_SCRIPTS = "compact_theme_scripts"  # key in config.extra: this build's theme_scripts


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The inline scripts that the theme's templates write (ours in overrides/, then Material's): the only ones a
    page may carry. Read once a build, from the templates themselves (as hooks/theme_patches.py changes them), so
    that a Material upgrade follows."""
    templates = [
        patched_template(path.relative_to(directory).as_posix(), path.read_text(encoding="utf-8"))
        for directory in map(Path, config.theme.dirs)
        for path in sorted([*directory.glob("*.html"), *directory.glob("partials/**/*.html")])
    ]
    config.extra[_THEME_SCRIPTS] = theme_scripts(templates)
    return config


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Every page of the site: its policy, with the hashes of its own inline scripts."""
    return _with_policy(output, page.file.src_uri, config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The pages made from a theme template alone (404.html); not sitemap.xml."""
    if not template_name.endswith(".html"):
        return output_content
    return _with_policy(output_content, template_name, config)


def _with_policy(html: str, source: str, config: MkDocsConfig) -> str:
    """The page with its policy; a page no strict policy can allow stops the build, naming its source."""
    try:
        return with_csp_meta(html, live_preview=_live_preview, known_scripts=config.extra[_THEME_SCRIPTS])
    except CspError as error:
        raise PluginError(f"{source}: no strict Content-Security-Policy can allow this page: {error}") from error
