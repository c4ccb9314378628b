"""hooks/theme_patches.py and theme_hooks.py: Material's own files, changed by before/after pairs as they load.

Each pair fits the installed Material; a Material whose text no longer fits a pair stops the build, naming the pair;
the built site is made from the patched files (no copy of a Material template is kept to drift).
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
import material
import pytest

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "hooks"))  # MkDocs loads the hook modules from their paths: they are not installed
from theme_hooks import PatchingLoader, on_env  # noqa: E402
from theme_patches import ASSET_PATCHES, PALETTE_STYLESHEET, TEMPLATE_PATCHES, PatchError, patched  # noqa: E402

MATERIAL = Path(material.__file__).parent / "templates"
PATCHES = TEMPLATE_PATCHES + ASSET_PATCHES


def materials_file(pattern: str) -> Path:
    """The installed Material's file that a pair names (a stylesheet by the pattern of its hashed name)."""
    [path] = MATERIAL.glob(pattern)  # within the pattern's folders: Material's icons alone are thousands of files
    return path


@pytest.mark.parametrize("patch", PATCHES, ids=lambda patch: patch.name)
def test_each_pair_fits_the_installed_material_once(patch):
    assert materials_file(patch.file).read_text(encoding="utf-8").count(patch.before) == 1


def test_no_template_of_material_is_copied_into_overrides():
    """A copy would hide Material's template, and its pairs would then be applied to the copy (or fail on it)."""
    copies = sorted(path.relative_to(ROOT / "overrides").as_posix() for path in (ROOT / "overrides").rglob("*.html") if (MATERIAL / path.relative_to(ROOT / "overrides")).exists())
    # Material's main.html is the empty file of blocks it asks a theme to extend; its 404.html, one heading. Ours are
    # the site's own pages, not copies.
    assert copies == ["404.html", "main.html"]


@pytest.mark.parametrize("patch", PATCHES, ids=lambda patch: patch.name)
@pytest.mark.parametrize("times", [0, 2])
def test_a_changed_material_file_fails_naming_the_pair(patch, times):
    text = materials_file(patch.file).read_text(encoding="utf-8")
    changed = text.replace(patch.before, patch.before * times)
    with pytest.raises(PatchError, match=f"theme patch {patch.name!r} expects .* found it {times} times"):
        patched(patch.file, changed, [patch])


def test_a_modified_copy_of_a_material_template_stops_the_build_naming_the_pair(tmp_path):
    """As the build's on_env does it: every template pair is tried before any page is rendered."""
    [search_dialog] = [patch for patch in TEMPLATE_PATCHES if patch.file == "partials/search.html"]
    modified = tmp_path / "partials" / "search.html"
    modified.parent.mkdir()
    modified.write_text((MATERIAL / "partials/search.html").read_text(encoding="utf-8").replace('role="dialog">', 'role="dialog" >'), encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(tmp_path), str(MATERIAL)]))
    with pytest.raises(PatchError, match=f"Material's partials/search.html has changed: the theme patch {search_dialog.name!r}"):
        on_env(env, config=None, files=None)


def test_the_loader_gives_materials_template_with_its_pairs_applied():
    env = jinja2.Environment(loader=PatchingLoader(jinja2.FileSystemLoader(str(MATERIAL))))
    source, _, _ = env.loader.get_source(env, "partials/search.html")
    assert "role=\"dialog\" aria-label=\"{{ lang.t('search') }}\">" in source
    assert env.loader.get_source(env, "partials/footer.html")[0] == (MATERIAL / "partials/footer.html").read_text(encoding="utf-8")


def test_the_built_palette_stylesheet_is_materials_without_the_rule_at_the_same_address(site):
    material_css = materials_file(PALETTE_STYLESHEET)
    built = (site.root / material_css.relative_to(MATERIAL)).read_text(encoding="utf-8")
    assert "data-md-color-switching" not in built
    assert built == patched(PALETTE_STYLESHEET, material_css.read_text(encoding="utf-8"), ASSET_PATCHES)
    assert site.page("").find("link", rel="stylesheet", href=f"assets/stylesheets/{material_css.name}")


def test_the_built_pages_are_made_from_the_patched_templates(site):
    home = site.page("")
    assert home.find("div", role="dialog")["aria-label"] == "Search"
    assert not home.find("input", type="checkbox", autocomplete=True)
    assert home.select_one("label.md-header__button[for=__drawer] .compact-visually-hidden").string == "Menu"
