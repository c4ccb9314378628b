"""Run inside a fresh process by scripts/bench: one measured build, or one timing of our core's calls.

  bench_probe.py build CONFIG SITE_DIR   build as `mkdocs build` does, timing every hook event handler
  bench_probe.py core PROJECT            time load_compact and SiteRenderer.rendered on PROJECT/data
Each prints one JSON object on stdout. The build's own wall time, CPU time and peak memory are measured
from outside by the parent, so that they include the interpreter's start-up as a real build does.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _timed(method: Callable[..., Any], spent: dict[str, float], event: str) -> Callable[..., Any]:
    """The event handler, adding the seconds it takes to spent[event]."""

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[event] += time.perf_counter() - start

    return wrapper


def measured_build(config_file: str, site_dir: str) -> dict[str, Any]:
    """Build the site and report the seconds spent in the project's hooks, per event."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=config_file, site_dir=site_dir)
    hook_modules = {module.__name__ for module in (config.hooks or {}).values()}
    spent: dict[str, float] = defaultdict(float)
    for event, methods in config.plugins.events.items():
        # Only the hooks' handlers are wrapped: the engine and its plugins run exactly as they would.
        methods[:] = [_timed(m, spent, event) if getattr(m, "__module__", None) in hook_modules else m for m in methods]
    start = time.perf_counter()
    build(config)
    return {"build_seconds": time.perf_counter() - start, "hooks": dict(spent)}


def core_timings(project: Path) -> dict[str, Any]:
    """Seconds to load and validate the data, and to render every page made from it; and, for scale, the
    seconds that PyYAML's C parser alone takes to read the data files into events, which any loader built on
    PyYAML must spend before it sees a value (no nodes, marks kept or values made)."""
    import yaml

    from compact_site.loading import DATA_FILES, load_compact
    from compact_site.rendering import SiteRenderer

    texts = [path.read_text(encoding="utf-8") for path in (project / "data" / name for name in DATA_FILES) if path.is_file()]
    start = time.perf_counter()
    for text in texts:
        for _ in yaml.parse(text, Loader=yaml.CSafeLoader):
            pass
    parse_seconds = time.perf_counter() - start
    start = time.perf_counter()
    compact = load_compact(project / "data")
    loaded = time.perf_counter()
    pages = SiteRenderer(compact, site_url="http://127.0.0.1:8000/", docs_dir=project / "docs").rendered()
    rendered = time.perf_counter()
    return {"parse_seconds": parse_seconds, "load_seconds": loaded - start, "render_seconds": rendered - loaded, "pages": len(pages)}


def main(argv: list[str]) -> int:
    """Dispatch on the first argument; print the result as JSON."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")  # as `mkdocs build` shows them
    if argv[:1] == ["build"] and len(argv) == 3:
        result = measured_build(argv[1], argv[2])
    elif argv[:1] == ["core"] and len(argv) == 2:
        result = core_timings(Path(argv[1]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
