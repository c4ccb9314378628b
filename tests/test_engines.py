"""The second engine: ProperDocs (a fork of MkDocs 1.6) builds the same site as MkDocs, but for the generator tag.

So `make build ENGINE=properdocs` publishes what the tests prove on the MkDocs build, and the site can move
engine without a change a reader would see.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys

from compact_site.plainsite import write_plain_site
from sitebuild import ROOT

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
