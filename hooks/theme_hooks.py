"""MkDocs hooks: Material for MkDocs as this site uses it, its own files changed by the pairs in theme_patches.py.

Templates are changed as Jinja loads them (a loader in front of the theme's), the palette stylesheet as MkDocs
gathers the theme's files. Every pair is tried as the build starts, so a Material upgrade that changed a text a
pair expects stops the build there, naming the pair, whether or not a page would have loaded that template.
"""

from __future__ import annotations

from collections.abc import Callable
from fnmatch import fnmatchcase

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from theme_patches import ASSET_PATCHES, TEMPLATE_PATCHES, patched, patched_template


class PatchingLoader(jinja2.BaseLoader):
    """The theme's loader, with each template's pairs applied to the source it reads."""

    def __init__(self, theme_loader: jinja2.BaseLoader) -> None:
        self.theme_loader = theme_loader

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.theme_loader.get_source(environment, template)
        return patched_template(template, source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.theme_loader.list_templates()


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Put the patching loader in front of the theme's, and try every template pair at once."""
    env.loader = PatchingLoader(env.loader)
    for name in dict.fromkeys(patch.file for patch in TEMPLATE_PATCHES):
        env.loader.get_source(env, name)
    return env


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Each theme file that a pair changes, replaced by the same file, at the same address, with the pair applied."""
    for patch in ASSET_PATCHES:
        matching = [file for file in files if fnmatchcase(file.src_uri, patch.file)]
        if len(matching) != 1:
            raise PluginError(f"the theme patch {patch.name!r} expects one file of Material at {patch.file}, found {len(matching)}: see hooks/theme_patches.py")
        [original] = matching
        files.remove(original)
        files.append(File.generated(config, original.src_uri, content=patched(original.src_uri, original.content_string, [patch])))
    return files
