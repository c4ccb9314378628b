"""The theme files copied from Material into overrides/ still match the installed Material, apart from the
changes each one documents at its top: a Material upgrade that changes one of them fails here, not silently.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from sitebuild import ROOT

OVERRIDES = ROOT / "overrides"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
_COPIED_FROM = re.compile(r"Material for MkDocs (?P<version>[\d.]+)'s (?P<path>\S+), copied")
_HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)  # a template's comment at its top (Material's says "generated")

# Each copy's documented changes, as (Material's text, ours): applied to Material's file, they give the copy.
CHANGES = {
    "base.html": [
        ('id="__drawer" autocomplete="off">', 'id="__drawer">'),
        ('id="__search" autocomplete="off">', 'id="__search">'),
    ],
    "partials/header.html": [
        (
            '<label class="md-header__button md-icon" for="__drawer">\n',
            '<label class="md-header__button md-icon" for="__drawer">\n'
            '      <span class="compact-visually-hidden">Menu</span>\n',
        ),
        (
            '      {% include "partials/javascripts/palette.html" %}\n',
            '      {% include "partials/javascripts/palette.html" %}\n'
            '      {% include "partials/palette-before-paint.html" %}\n',
        ),
    ],
    "partials/nav-item.html": [
        (
            'id="{{ path }}_label" tabindex="{{ tabindex }}">\n'
            '                <span class="md-nav__icon md-icon"></span>\n'
            "              </label>\n"
            "            {% endif %}\n"
            "          </div>\n",
            'id="{{ path }}_label" tabindex="{{ tabindex }}">\n'
            '                <span class="compact-visually-hidden">{{ nav_item.title }}</span>\n'
            '                <span class="md-nav__icon md-icon"></span>\n'
            "              </label>\n"
            "            {% endif %}\n"
            "          </div>\n",
        ),
    ],
    "partials/search.html": [
        ('role="dialog">', "role=\"dialog\" aria-label=\"{{ lang.t('search') }}\">"),
    ],
    "partials/toc.html": [
        (
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
    ],
}


def copies() -> dict[str, str]:
    """Each override that says it is a copy of a Material file: its path, by the Material version it names."""
    found = {}
    for path in sorted(OVERRIDES.rglob("*.html")):
        named = _COPIED_FROM.search(path.read_text(encoding="utf-8"))
        if named:
            assert named["path"] == path.relative_to(OVERRIDES).as_posix(), path
            found[named["path"]] = named["version"]
    return found


def test_every_copy_has_its_changes_listed_here():
    assert copies().keys() == CHANGES.keys()


@pytest.mark.parametrize("path", CHANGES)
def test_the_copy_is_materials_file_with_its_documented_changes(path):
    assert copies()[path] == version("mkdocs-material"), f"overrides/{path} was copied from another Material: copy it again"
    expected = _HEADER.sub("", (MATERIAL_TEMPLATES / path).read_text(encoding="utf-8"), count=1)
    for theirs, ours in CHANGES[path]:
        assert expected.count(theirs) == 1, f"Material's {path} has changed where overrides/{path} changes it"
        expected = expected.replace(theirs, ours)
    assert _HEADER.sub("", (OVERRIDES / path).read_text(encoding="utf-8"), count=1) == expected
