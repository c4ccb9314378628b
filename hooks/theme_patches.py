"""What this site changes in Material for MkDocs' own files, and why: each change is a before/after pair.

The pairs are applied to Material's text as it is read (templates as Jinja loads them, the palette stylesheet as
MkDocs gathers the theme's files: hooks/theme_hooks.py), never to a copy kept here. A pair's "before" must be in
Material's text exactly once: when a Material upgrade changes that text, the build stops, naming the pair, rather
than ship the theme without the change or with it in the wrong place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Patch:
    """One change to one of Material's files: `before` (Material's text, found once) becomes `after`."""

    name: str  # what the change is, as a build error names it
    file: str  # the file's path in Material's theme folder
    before: str
    after: str


class PatchError(PluginError):
    """Material's file no longer has a pair's "before" exactly once."""


TEMPLATE_PATCHES = (
    # HTML allows autocomplete only on text-like inputs (Nu HTML Checker), not on the two checkboxes that open the
    # drawer and the search. They lie outside any block of base.html, hence a patch.
    Patch(
        "no autocomplete on the drawer's checkbox",
        "base.html",
        'id="__drawer" autocomplete="off">',
        'id="__drawer">',
    ),
    Patch(
        "no autocomplete on the search's checkbox",
        "base.html",
        'id="__search" autocomplete="off">',
        'id="__search">',
    ),
    # The draft notice (overrides/main.html, the only thing this site puts in the banner) is a named landmark: an
    # unnamed <aside> was listed among a screen reader's landmarks as "complementary" alone, saying nothing of it.
    Patch(
        "the banner named as the draft notice",
        "base.html",
        '<aside class="md-banner">',
        '<aside class="md-banner" aria-label="Draft notice">',
    ),
    # The header's home link is the site's name in words (a wordmark), not Material's generic book icon: the icon
    # stood for no one, and the name was plain text beside it. The icon's link goes; the name becomes the link.
    Patch(
        "no book icon in the header",
        "partials/header.html",
        '    <a href="{{ config.extra.homepage | d(nav.homepage.url, true) | url }}" title="{{ config.site_name | e }}" '
        'class="md-header__button md-logo" aria-label="{{ config.site_name }}" data-md-component="logo">\n'
        '      {% include "partials/logo.html" %}\n'
        "    </a>\n",
        "",
    ),
    Patch(
        "the site's name in the header links home",
        "partials/header.html",
        '        <div class="md-header__topic">\n'
        '          <span class="md-ellipsis">\n'
        "            {{ config.site_name }}\n"
        "          </span>\n",
        '        <div class="md-header__topic">\n'
        '          <a class="md-ellipsis compact-wordmark" href="{{ config.extra.homepage | d(nav.homepage.url, true) | url }}">\n'
        "            {{ config.site_name }}\n"
        "          </a>\n",
    ),
    # The same book icon above the menu on a narrow screen: the menu's title is the site's name alone (its first
    # item, Home, links home).
    Patch(
        "no book icon above the menu",
        "partials/nav.html",
        '    <a href="{{ config.extra.homepage | d(nav.homepage.url, true) | url }}" title="{{ config.site_name | e }}" '
        'class="md-nav__button md-logo" aria-label="{{ config.site_name }}" data-md-component="logo">\n'
        '      {% include "partials/logo.html" %}\n'
        "    </a>\n",
        "",
    ),
    # The menu button, which opens the navigation on narrow screens, has a name ("Menu", for the eye hidden). With
    # JavaScript, docs/javascripts/narrow-menu.js puts a real <button> in its place, which screen readers hear as a
    # button that says whether the menu is open, and which Enter and Space open. This label is what stays without
    # JavaScript, for mouse and touch: no key works a label, so it takes no Tab stop (Tab walks into the drawer,
    # which slides open while focus is within it: docs/stylesheets/compact.css).
    Patch(
        "the menu button named",
        "partials/header.html",
        '<label class="md-header__button md-icon" for="__drawer">\n',
        '<label class="md-header__button md-icon" for="__drawer">\n      <span class="compact-visually-hidden">Menu</span>\n',
    ),
    # Just after Material's palette script, which applies a palette the reader chose: a first visit paints in the
    # palette the reader's system asks for, not in the light one until Material's script switches it.
    Patch(
        "the palette chosen before the first paint",
        "partials/header.html",
        '      {% include "partials/javascripts/palette.html" %}\n',
        '      {% include "partials/javascripts/palette.html" %}\n      {% include "partials/palette-before-paint.html" %}\n',
    ),
    # The button that opens a section with an index page is named by the section's title, hidden from the eye: so
    # is the section's navigation landmark, which it labels (axe: landmark-unique).
    Patch(
        "the section button named by its title",
        "partials/nav-item.html",
        'id="{{ path }}_label" tabindex="{{ tabindex }}">\n                <span class="md-nav__icon md-icon"></span>\n',
        'id="{{ path }}_label" tabindex="{{ tabindex }}">\n'
        '                <span class="compact-visually-hidden">{{ nav_item.title }}</span>\n'
        '                <span class="md-nav__icon md-icon"></span>\n',
    ),
    # ARIA 1.2 does not allow aria-expanded on a <nav> (role navigation): whether a section is open is said by the
    # button that opens it (docs/javascripts/narrow-menu.js), which controls the section's list.
    Patch(
        "no aria-expanded on a section's navigation",
        "partials/nav-item.html",
        ' aria-labelledby="{{ path }}_label" aria-expanded="{{ nav_item.active | tojson }}">',
        ' aria-labelledby="{{ path }}_label">',
    ),
    # The search dialog is named (axe: aria-dialog-name).
    Patch(
        "the search dialog named",
        "partials/search.html",
        'role="dialog">',
        "role=\"dialog\" aria-label=\"{{ lang.t('search') }}\">",
    ),
    # The table of contents' title is a label for its toggle only where that toggle exists (elsewhere the label
    # pointed at nothing: Nu HTML Checker). nav-item.html makes the toggle for the page that is an item of the
    # navigation; a section's index page is the section's own link instead, and has none.
    Patch(
        "the contents' title labels only a toggle that exists",
        "partials/toc.html",
        '    <label class="md-nav__title" for="__toc">\n'
        '      <span class="md-nav__icon md-icon"></span>\n'
        "      {{ title }}\n"
        "    </label>\n",
        '    {% if page in nav.pages and not (page.is_index and page.parent and "navigation.indexes" in features) %}\n'
        '      <label class="md-nav__title" for="__toc">\n'
        '        <span class="md-nav__icon md-icon"></span>\n'
        "        {{ title }}\n"
        "      </label>\n"
        "    {% else %}\n"
        '      <div class="md-nav__title">{{ title }}</div>\n'
        "    {% endif %}\n",
    ),
    # The footer's small print on every page: the statements about this site, and the editors' guide, as one row of
    # links (docs/stylesheets/compact.css). Material's credit is not printed (mkdocs.yml: extra.generator is false):
    # the accessibility statement credits the engine, once.
    Patch(
        "the footer links to the statements about this site",
        "partials/copyright.html",
        '<div class="md-copyright">\n',
        '<div class="md-copyright">\n'
        '  <ul class="compact-footer-links">\n'
        "    <li><a href=\"{{ 'accessibility/' | url }}\">Accessibility statement</a></li>\n"
        "    <li><a href=\"{{ 'privacy/' | url }}\">Privacy</a></li>\n"
        "    <li><a href=\"{{ 'updating-this-site/' | url }}\">For editors</a></li>\n"
        "  </ul>\n",
    ),
)

# The palette stylesheet's name carries a hash of its text: the pair names it by pattern (fnmatch).
PALETTE_STYLESHEET = "assets/stylesheets/palette.*.min.css"

ASSET_PATCHES = (
    # The rule switches transitions off on every element while the palette switches ([data-md-color-switching] *).
    # Material's script sets that attribute as every page starts, to apply the palette the page already has, reads
    # a computed style at once and takes the attribute off a frame later: with the rule, the browser restyled the
    # whole page there and then, and again a frame later. That was most of the work of the palette's start-up
    # (docs/audit.md), on every page, while a phone's reader waits. Nothing changes colour as a page starts, so
    # nothing fades then: a first visit paints in the palette Material will choose (the pair "the palette chosen
    # before the first paint"). A palette switched by hand now fades in over Material's own colour transitions.
    # The stylesheet keeps its name and address; only its text changes.
    Patch(
        "no restyle of every element as the palette starts",
        PALETTE_STYLESHEET,
        "[data-md-color-switching] *,[data-md-color-switching] :after,[data-md-color-switching] :before{transition-duration:0s!important}",
        "",
    ),
)


def patched(file: str, text: str, patches: Iterable[Patch]) -> str:
    """Material's file `file` with each of the patches given for it applied; PatchError names a pair that no longer
    fits (its "before" not found exactly once)."""
    for patch in patches:
        found = text.count(patch.before)
        if found != 1:
            raise PatchError(
                f"Material's {file} has changed: the theme patch {patch.name!r} expects {patch.before!r} there once, "
                f"found it {found} times. Update the pair in hooks/theme_patches.py to the new text."
            )
        text = text.replace(patch.before, patch.after)
    return text


def patched_template(name: str, source: str) -> str:
    """A theme template as this site uses it: Material's own, with the pairs for it applied."""
    return patched(name, source, [patch for patch in TEMPLATE_PATCHES if patch.file == name])
