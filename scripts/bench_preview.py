"""Preview latency: with `mkdocs serve` running on a project, the time from saving data/partners.yml with a
partner renamed to that partner's page being served with the new name.
"""

from __future__ import annotations

import html
import subprocess
import time
from pathlib import Path

from bench_build import PYTHON, QUIET_ENV, BenchError
from sitebuild import fetch, free_port  # bench_build puts tests/ on the path

POLL_SECONDS = 0.01
READY_TIMEOUT = 600  # the first build of a large project, before the server answers
CHANGE_TIMEOUT = 120
SETTLE_SECONDS = 1.0  # between edits, so that each save starts from an idle server


def wait_for(url: str, text: str, timeout: float) -> float:
    """Poll url until it serves text; the seconds that took."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        time.sleep(POLL_SECONDS)
    raise BenchError(f"{url} did not serve {text!r} within {timeout:.0f} s")


def rename_partner(partners_file: Path, old: str, new: str) -> None:
    """Save partners.yml with one partner's name changed, as an editor would (the first `name: old` after `partners:`)."""
    text = partners_file.read_text(encoding="utf-8")
    start = text.index("\npartners:")
    line = f"name: {old}\n"
    at = text.index(line, start)
    partners_file.write_text(text[:at] + f"name: {new}\n" + text[at + len(line):], encoding="utf-8")


def preview_latencies(project: Path, slug: str, name: str, edits: int) -> list[float]:
    """Seconds from each save to the renamed partner's page being served, over `edits` renames."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [PYTHON, "-m", "mkdocs", "serve", "--config-file", str(project / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=QUIET_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        page = f"{base}partners/{slug}/"
        wait_for(page, html.escape(name, quote=False), READY_TIMEOUT)
        latencies = []
        current = name
        for edit in range(1, edits + 1):
            time.sleep(SETTLE_SECONDS)
            renamed = f"{name} (preview edit {edit})"
            rename_partner(project / "data" / "partners.yml", current, renamed)
            saved = time.perf_counter()
            wait_for(page, html.escape(renamed, quote=False), CHANGE_TIMEOUT)
            latencies.append(time.perf_counter() - saved)
            current = renamed
        return latencies
    finally:
        server.terminate()
        server.wait(timeout=30)
