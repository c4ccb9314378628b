"""The second engine: ProperDocs (a fork of MkDocs 1.6) builds the same site as MkDocs, but for the generator tag.

So `make build ENGINE=properdocs` publishes what the tests prove on the MkDocs build, and the site can move
engine without a change a reader would see.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys

from compact_site.loading import load_compact
from compact_site.plainsite import write_plain_site
from sitebuild import ROOT, copy_project

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def comparable(path) -> bytes:
    """A built file's content, with the engine's name taken out of an HTML page's generator tag.

    A gzip file is compared by what it holds: its header stamps the day of the build, which each engine reads
    from the clock."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        return gzip.decompress(data)
    return GENERATOR.sub(b'<meta name="generator">', data) if path.suffix == ".html" else data


def test_properdocs_builds_the_site_that_mkdocs_builds(site, tmp_path):
    built = tmp_path / "properdocs-site"
    # The engine's own command line, as `make build ENGINE=properdocs` runs it (scripts/build), in a fresh process:
    # ProperDocs makes the hooks' `mkdocs` imports its own only there.
    command = [sys.executable, "-m", "properdocs", "build", "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(built)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert b"ProperDocs" in GENERATOR.search((built / "index.html").read_bytes())[0], "the build was not ProperDocs'"
    theirs = {path.relative_to(built).as_posix(): path for path in built.rglob("*") if path.is_file()}
    ours = {path.relative_to(site.root).as_posix(): path for path in site.root.rglob("*") if path.is_file()}
    assert sorted(theirs) == sorted(ours)
    assert [name for name in sorted(ours) if comparable(ours[name]) != comparable(theirs[name])] == []



def test_the_plain_site_holds_a_page_for_every_page_of_the_site(site, tmp_path):
    plain = write_plain_site(ROOT, tmp_path / "plain-docs")
    written = {path.relative_to(plain.docs_dir).as_posix() for path in plain.docs_dir.rglob("*") if path.is_file()}
    # A page at "a/b/" comes from a/b.md or a/b/index.md, or is written as it is served (a redirect's a/b/index.html).
    sources = [{f"{url}index.md", f"{url.removesuffix('/')}.md", f"{url}index.html"} if url else {"index.md"} for url in site.urls]
    assert [url for url, names in zip(site.urls, sources) if not names & written] == []
    assert {"partners", "principles"} <= plain.out_of_nav


def test_the_plain_site_builds_with_the_engine_alone_and_the_theme_says_what_the_hooks_would(tmp_path):
    """What the benchmark measures as the engine alone: scripts/plain-site's folder and config, built with no hooks."""
    project = copy_project(tmp_path / "project")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "plain-site"), "--root", str(project)], check=True, capture_output=True)
    built = tmp_path / "plain-site"
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(project / "plain.yml"), "--site-dir", str(built)]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    period = load_compact(project / "data").document.period
    assert f"{period.start}–{period.end} Compact" in (built / "index.html").read_text(encoding="utf-8"), "the draft notice"
