"""MkDocs hook: take one rule out of Material for MkDocs' palette stylesheet, as the theme's files are gathered.

The rule switches transitions off on every element while the palette switches ([data-md-color-switching] *).
Material's script sets that attribute as every page starts, to apply the palette the page already has, reads a
computed style at once and takes the attribute off a frame later: with the rule, the browser restyled the whole
page there and then, and again a frame later. That was most of the work of the palette's start-up (Chromium's
profiler, the processor slowed 4 times: 322 ms of it with the rule, 51 ms without), on every page, while a
phone's reader waits (docs/audit.md). Nothing changes colour as a page starts, so nothing fades then: a first
visit paints in the palette Material will choose (overrides/partials/palette-before-paint.html). A palette
switched by hand now fades in over Material's own colour transitions (a quarter of a second).

The stylesheet keeps its name and address; only its text changes. If a Material upgrade changes the rule, the
build stops here (and tests/test_theme_hooks.py fails) rather than ship the stylesheet unchanged unnoticed.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

PALETTE_STYLESHEET = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css")
SWITCHING_RULE = "[data-md-color-switching] *,[data-md-color-switching] :after,[data-md-color-switching] :before{transition-duration:0s!important}"


def without_switching_rule(css: str, name: str) -> str:
    """The palette stylesheet without the rule, which must be there exactly once."""
    found = css.count(SWITCHING_RULE)
    if found != 1:
        raise PluginError(f"{name}: expected Material's rule {SWITCHING_RULE!r} once, found it {found} times: see hooks/theme_hooks.py")
    return css.replace(SWITCHING_RULE, "")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The theme's palette stylesheet, replaced by the same file without the rule."""
    stylesheets = [file for file in files if PALETTE_STYLESHEET.fullmatch(file.src_uri)]
    if len(stylesheets) != 1:
        raise PluginError(f"expected one palette stylesheet of Material (assets/stylesheets/palette.*.min.css), found {len(stylesheets)}: see hooks/theme_hooks.py")
    [stylesheet] = stylesheets
    files.remove(stylesheet)
    files.append(File.generated(config, stylesheet.src_uri, content=without_switching_rule(stylesheet.content_string, stylesheet.src_uri)))
    return files
