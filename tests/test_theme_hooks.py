"""hooks/theme_hooks.py: the built palette stylesheet is Material's own, less the one rule that made every page
restyle itself twice as it started; a Material that changes the rule stops the build instead."""

from __future__ import annotations

import sys
from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "hooks"))  # MkDocs loads the hook modules from their paths: they are not installed
from theme_hooks import PALETTE_STYLESHEET, SWITCHING_RULE, without_switching_rule  # noqa: E402

MATERIAL = Path(material.__file__).parent / "templates"


def materials_palette_stylesheet() -> Path:
    [path] = [path for path in MATERIAL.glob("assets/stylesheets/palette.*.min.css") if PALETTE_STYLESHEET.fullmatch(path.relative_to(MATERIAL).as_posix())]
    return path


def test_materials_palette_stylesheet_has_the_rule_once():
    """Checked on the installed Material: an upgrade that changes the rule fails here, as it stops the build."""
    assert materials_palette_stylesheet().read_text(encoding="utf-8").count(SWITCHING_RULE) == 1


def test_the_built_palette_stylesheet_is_materials_without_the_rule_at_the_same_address(site):
    material_css = materials_palette_stylesheet()
    built = (site.root / material_css.relative_to(MATERIAL)).read_text(encoding="utf-8")
    assert "data-md-color-switching" not in built
    assert built == material_css.read_text(encoding="utf-8").replace(SWITCHING_RULE, "")
    assert site.page("").find("link", rel="stylesheet", href=f"assets/stylesheets/{material_css.name}")


@pytest.mark.parametrize("times", [0, 2])
def test_a_stylesheet_without_the_rule_once_stops_the_build(times):
    with pytest.raises(PluginError, match=f"palette.css: expected Material's rule .* once, found it {times} times"):
        without_switching_rule("a{color:red}" + SWITCHING_RULE * times, "palette.css")
