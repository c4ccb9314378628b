"""Projects to build and builds to measure, for scripts/bench.

A project is a temporary copy of this one (tests/sitebuild.copy_project), with synthetic partners or the
real data. Beside our site, each project gets a plain twin: the very Markdown our renderer makes, written
out as files and built by the same engine and theme with no hooks. Every build runs in a fresh process
whose wall time, CPU time and peak memory are measured by GNU time (/usr/bin/time).
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench_data import write_data_set

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent
sys.path.insert(0, str(ROOT / "tests"))  # the tests' copy of the project is the one the bench builds too
from sitebuild import copy_project  # noqa: E402

PYTHON = sys.executable
PLAIN_CONFIG = "plain.yml"
TIME = "/usr/bin/time"  # GNU time (Debian package "time")
QUIET_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life notice, once per build


class BenchError(Exception):
    """A step of the benchmark failed: the message says which, with its output."""

    @property
    def last_line(self) -> str:
        """The failing command's own last word on it (its last line of output)."""
        return next((line.strip() for line in reversed(str(self).splitlines()) if line.strip()), "")


@dataclass(frozen=True)
class Measured:
    """One process, measured: wall and CPU seconds, peak resident memory, and what it printed."""

    wall: float
    cpu: float
    peak_bytes: int
    stdout: str


@dataclass(frozen=True)
class BuildRun:
    """One build: the process's measures, the build's own seconds within it, and those of each hook event."""

    process: Measured
    build_seconds: float
    hooks: dict[str, float] = field(default_factory=dict)

    @property
    def hooks_total(self) -> float:
        return sum(self.hooks.values())


def measure(command: list[str], *, cwd: Path) -> Measured:
    """Run a command to its end and measure that process alone; raise BenchError if it fails."""
    with tempfile.TemporaryDirectory(prefix="bench-usage-") as scratch:
        usage_file = Path(scratch) / "usage"
        # GNU time reports the command's own peak: a child's ru_maxrss read here would include this
        # process's size at the fork (Linux counts the forked image), and this process holds data sets.
        timed = [TIME, "--output", str(usage_file), "--format", "%M %U %S", *map(str, command)]
        start = time.perf_counter()
        done = subprocess.run(timed, cwd=cwd, env=QUIET_ENV, capture_output=True, text=True)
        wall = time.perf_counter() - start
        peak_kib, user, system = usage_file.read_text(encoding="utf-8").split()[-3:]
    if done.returncode != 0:
        raise BenchError(f"{' '.join(map(str, command))} exited {done.returncode}:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return Measured(wall, float(user) + float(system), int(peak_kib) * 1024, done.stdout)


# --- Projects --------------------------------------------------------------------------------------


def make_project(target: Path, partners: int | None, seed: int) -> Path:
    """A copy of the project with `partners` synthetic partners, or with the real data when None.

    The real data's copy carries the repository's history, which a build of the real site reads (git) to date
    each page; a synthetic data set has none to read, as it was never committed.
    """
    project = copy_project(target)
    if partners is None:
        _give_history(project)
    else:
        write_data_set(project / "data", partners, seed)
        url_list = ROOT / "scripts" / "urls"
        if url_list.exists():  # the made-up partners publish new addresses, and the real ones' are gone
            measure([PYTHON, str(url_list), "--update", "--root", str(project)], cwd=project)
    return project


def _give_history(project: Path) -> None:
    """The repository's history under the copy: what is committed, and the copy's changes from it as uncommitted."""
    with tempfile.TemporaryDirectory(prefix="bench-clone-", dir=project) as clone:
        subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), clone], check=True)
        Path(clone, ".git").rename(project / ".git")
    shutil.copy2(ROOT / ".gitignore", project / ".gitignore")
    subprocess.run(["git", "-C", str(project), "reset", "--quiet"], check=True)  # the index as committed; files untouched


def make_plain_twin(project: Path, small_pages: int = 0) -> Path:
    """Our renderer's Markdown as plain files beside the project, and a config that builds them without hooks.

    With small_pages, also that many one-paragraph pages out of the nav: the engine's cost for a small page.
    """
    from compact_site.loading import load_compact
    from compact_site.rendering import SiteRenderer

    compact = load_compact(project / "data")
    renderer = SiteRenderer(compact, site_url="http://127.0.0.1:8000/", docs_dir=project / "docs")
    docs = project / "docs"
    pages = {}
    for page in docs.rglob("*.md"):
        uri = page.relative_to(docs).as_posix()
        pages[uri] = renderer.docs_page(page.read_text(encoding="utf-8"), f"docs/{uri}")
    out_of_nav = set()
    # The files that are not pages (badges, open data, the feed) too: the pages link to them, and the
    # engine copies them into the site as it copies ours.
    for entry, content in renderer.rendered():
        pages[entry.src_uri] = content
        if entry.is_page and not entry.in_nav and entry.src_uri.endswith(".md"):
            out_of_nav.add(entry.src_uri.rsplit("/", 1)[0])
    if small_pages:
        pages |= {f"small/page-{number}.md": f"# Small page {number}\n\nOne short paragraph of text.\n" for number in range(small_pages)}
        out_of_nav.add("small")
    config_name = f"plain-and-{small_pages}-small.yml" if small_pages else PLAIN_CONFIG
    return write_plain_project(project, config_name, pages, out_of_nav, compact.document)


def write_plain_project(project: Path, config_name: str, pages: dict[str, str], out_of_nav: set[str], document: object) -> Path:
    """Write pages into a docs folder of their own and a config that inherits mkdocs.yml without its hooks.

    The config keeps the pages of the out_of_nav folders (but their index.md) out of the navigation, as
    our hooks do, and gives the theme the values our hooks would have put in the config. Returns its path.
    """
    docs = project / "docs"
    folder = project / f"{Path(config_name).stem}-docs"
    shutil.copytree(docs, folder, ignore=shutil.ignore_patterns("*.md"))
    for uri, text in pages.items():
        _write(folder / uri, text)
    # One pattern per folder, not one per page: MkDocs matches every file against every pattern.
    not_in_nav = "".join(f"/{name}/*.md\n!/{name}/index.md\n" for name in sorted(out_of_nav))
    config = {
        "INHERIT": "mkdocs.yml",
        "docs_dir": folder.name,
        "site_name": document.full_title,
        "hooks": [],
        "watch": [],
        "not_in_nav": not_in_nav,
        "extra": {"compact_document": {"is_draft": document.is_draft, "full_title": document.full_title}},
    }
    (project / config_name).write_text(json.dumps(config, indent=2), encoding="utf-8")  # JSON is YAML
    return project / config_name


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# --- Builds ----------------------------------------------------------------------------------------


def build(config: Path, site_dir: Path, *, first_build: bool = False) -> BuildRun:
    """Build with MkDocs in a fresh process, timing our hooks (a config without hooks has none).

    first_build: as the first build of a fresh checkout (CI's case), with no compiled templates kept in .cache/
    from an earlier build; otherwise as a rebuild (a preview's case), which reuses them.
    """
    if first_build:
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    process = measure([PYTHON, str(SCRIPTS / "bench_probe.py"), "build", str(config), str(site_dir)], cwd=config.parent)
    timings = json.loads(process.stdout.splitlines()[-1])
    return BuildRun(process, timings["build_seconds"], timings["hooks"])


def zensical_build(zensical: Path, config: Path, site_dir: Path) -> Measured:
    """Build the plain twin with Zensical, from scratch (its cache cleaned), into site_dir."""
    standalone = config.with_name("zensical.yml")
    inherited = (config.parent / "mkdocs.yml").read_text(encoding="utf-8")
    own = json.loads(config.read_text(encoding="utf-8"))
    del own["INHERIT"]
    own["site_dir"] = str(site_dir)
    # YAML keeps the last of repeated keys, so the twin's settings, appended, win over the inherited ones.
    standalone.write_text(inherited + "\n" + "".join(f"{key}: {json.dumps(value)}\n" for key, value in own.items()), encoding="utf-8")
    return measure([str(zensical), "build", "--clean", "--config-file", str(standalone)], cwd=config.parent)


def core_timings(project: Path) -> dict[str, float]:
    """Seconds our core takes, in a fresh process, to load and validate the data and to render its pages."""
    process = measure([PYTHON, str(SCRIPTS / "bench_probe.py"), "core", str(project)], cwd=project)
    return json.loads(process.stdout.splitlines()[-1])


def data_check(project: Path) -> Measured:
    """The data check as an editor runs it: scripts/check on the project, start-up included."""
    return measure([PYTHON, str(ROOT / "scripts" / "check"), "--root", str(project)], cwd=project)


# --- What a build wrote ----------------------------------------------------------------------------


def folder_bytes(folder: Path) -> int:
    """The total size of the files under a folder."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


@dataclass(frozen=True)
class SearchIndex:
    """The search index of a built site, and what of it the partner pages make."""

    bytes: int
    partner_bytes: int  # the entries of partner pages: the page and each of its sections
    repeated_bytes: int  # partner-page sections whose text stands on more than one partner page
    titled: int  # partners whose page is in the index under the partner's name


def search_index(site: Path, partners: dict[str, str]) -> SearchIndex:
    """Measure site's search index; partners maps each partner's slug to its name."""
    path = site / "search" / "search_index.json"
    docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
    entries = [doc for doc in docs if doc["location"].split("#")[0].removeprefix("partners/").rstrip("/") in partners]
    size = {id(doc): len(json.dumps(doc, ensure_ascii=False).encode("utf-8")) for doc in entries}
    texts: dict[str, int] = {}
    for doc in entries:
        texts[doc["text"]] = texts.get(doc["text"], 0) + 1
    titled = {doc["location"] for doc in entries if html.unescape(doc["title"]) == partners.get(doc["location"].removeprefix("partners/").rstrip("/"))}
    return SearchIndex(
        path.stat().st_size,
        sum(size.values()),
        sum(size[id(doc)] for doc in entries if "#" in doc["location"] and doc["text"] and texts[doc["text"]] > 1),
        len(titled),
    )
