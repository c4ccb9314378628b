"""The live preview (`make serve`, that is `mkdocs serve` with hooks/preview_hooks.py) follows every save, and on a
mistake keeps answering: every page shows the problems until they are fixed, and the last good pages stay."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

from sitebuild import copy_project, fetch, free_port


def wait_for(url: str, condition, seconds: float) -> str | None:
    """Poll url until its text meets condition, for at most `seconds` (a bounded wait, not a timing test)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = fetch(url)
        if text is not None and condition(text):
            return text
        time.sleep(0.2)
    return None


def test_the_preview_follows_each_save_and_shows_a_mistake_on_every_page_until_it_is_fixed(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=project, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        page, home = f"http://127.0.0.1:{port}/partners/vast/", f"http://127.0.0.1:{port}/"
        first = wait_for(page, lambda text: "<h1" in text, 90)
        assert first, "the preview did not start"
        # The preview's live reload script is inline and changes with each request: its policy lets it run
        # (security_hooks.on_startup), where a published page's allows no inline script but by its hash.
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', first)
        script_sources = next(part.split()[1:] for part in policy[1].split("; ") if part.startswith("script-src "))
        assert "'unsafe-inline'" in script_sources and not [s for s in script_sources if s.startswith("'sha256-")]

        partners = project / "data" / "partners.yml"
        good = partners.read_text(encoding="utf-8")
        partners.write_text(good.replace("    name: VAST\n", "    name: VAST (renamed while serving)\n"), encoding="utf-8")
        assert wait_for(page, lambda text: "VAST (renamed while serving)" in text, 60), "the preview did not follow the save"

        broken = good.replace("    sector: vcs\n", "    sector: voluntary\n", 1)
        line = broken[: broken.index("    sector: voluntary")].count("\n") + 1
        partners.write_text(broken, encoding="utf-8")
        problem = f"data/partners.yml:{line}:13: partners[22].sector: expected one of public, private, vcs; got &#x27;voluntary&#x27;"
        shown = wait_for(page, lambda text: problem in text, 30)
        assert shown, "the preview did not show the problem"
        assert "VAST (renamed while serving)" in shown, "the last good page stays, under the problem"
        assert problem in (fetch(home) or ""), "every page shows the problem"
        partners.write_text(broken.replace("sector: voluntary", "sector: publc"), encoding="utf-8")  # another mistake
        again = wait_for(page, lambda text: "got &#x27;publc&#x27;" in text, 30)
        assert again and problem not in again and again.count('role="alert"') == 1, "each failed build shows its own problems"

        partners.write_text(good, encoding="utf-8")
        mended = wait_for(page, lambda text: problem not in text and "<h1" in text and "renamed while serving" not in text, 60)
        assert mended and 'role="alert"' not in mended
    finally:
        server.terminate()
        server.wait(timeout=30)
