"""MkDocs hook: the live preview (`make serve`) notices a saved file within a tenth of a second, not half a second.

MkDocs' preview server looks for changed files every half second (a polling observer of watchdog, which sees every
editor's way of saving), and offers no setting for it: on average a quarter of a second, and up to half a second,
passed before a saved data file started a rebuild, on top of the rebuild itself. The issue's target for the
preview is 2 s from saving to the page served (BENCHMARKS.md): that wait was a fifth of it, and most of the
run-to-run spread (measured on the real site, 8 saves each: 1.62-2.25 s, median 2.01 s, before; 1.74-1.91 s,
median 1.82 s, after). Looking ten times a second means listing the watched folders ten times a second: about a
hundred small files here, a millisecond of work each time.

watchdog's observer takes its polling interval when it is made, and gives it to each folder's watch as the watch
is made, with no setter for either: this sets the observer's own value, then watches docs/ and mkdocs.yml (which
MkDocs watched before this event) again, so that every watch has it. The folders of `watch:` in mkdocs.yml are
watched after this event, with it. tests/test_preview_hooks.py checks this on MkDocs' own server, so a watchdog
or MkDocs upgrade that changes it fails there.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

PREVIEW_POLL_SECONDS = 0.1


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    """Poll the watched files every PREVIEW_POLL_SECONDS: those watched from now on, and those watched already."""
    server.observer._timeout = PREVIEW_POLL_SECONDS  # watchdog has no setter; read back as observer.timeout
    for path in (config.docs_dir, config.config_file_path):
        if path:
            server.unwatch(path)
            server.watch(path)
    return server
