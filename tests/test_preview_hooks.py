"""hooks/preview_hooks.py: on MkDocs' own preview server, set up as `mkdocs serve` sets it up, every watched path is
looked at every PREVIEW_POLL_SECONDS (MkDocs alone: every half second), and the same paths are watched."""

from __future__ import annotations

import sys

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "hooks"))  # MkDocs loads the hook modules from their paths: they are not installed
from preview_hooks import PREVIEW_POLL_SECONDS  # noqa: E402


def served(tmp_path, *, with_hooks: bool) -> LiveReloadServer:
    """MkDocs' server for the repository's mkdocs.yml, its paths watched in the order of mkdocs.commands.serve."""
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(config.docs_dir)
    server.watch(config.config_file_path)
    if with_hooks:
        server = config.plugins.on_serve(server, config=config, builder=lambda: None)  # the hooks of mkdocs.yml
    for path in config.watch:
        server.watch(path)
    return server


def watches(server: LiveReloadServer) -> list[tuple[str, bool, bool]]:
    """What each watch of the server's observer looks at: its path, a file or a folder, with subfolders or not."""
    return sorted((emitter.watch.path, emitter.watch.is_file, emitter.watch.is_recursive) for emitter in server.observer.emitters)


@pytest.fixture
def preview_servers(tmp_path):
    """The server as `mkdocs serve` sets it up, and the same without the hooks' on_serve."""
    servers = served(tmp_path, with_hooks=True), served(tmp_path, with_hooks=False)
    yield servers
    for server in servers:
        server.server_close()  # made but never bound: the observers never started either


def test_every_watched_path_is_polled_every_tenth_of_a_second(preview_servers):
    server, _ = preview_servers
    intervals = {emitter.watch.path: emitter.timeout for emitter in server.observer.emitters}
    assert intervals and set(intervals.values()) == {PREVIEW_POLL_SECONDS}
    assert PREVIEW_POLL_SECONDS < 0.5  # MkDocs' own interval, which the hook is there to shorten


def test_the_same_paths_are_watched_as_without_the_hook(preview_servers):
    hooked, plain = preview_servers
    assert watches(hooked) == watches(plain)
    assert {str(ROOT / "data"), str(ROOT / "docs")} <= {path for path, _, _ in watches(hooked)}  # data and pages
