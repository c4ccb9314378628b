"""When each source last changed, read from the project's git history: once per build, never per page.

Two walks of the history serve every page, however many partners there are: one `git log` for the date
each file last changed, and one `git blame` per data file with pages of its own, mapped onto each entry's
lines. A date is the committer's date of the commit, in the committer's own time zone, so the same commit
always gives the same dates, whenever and wherever it is built.

What a page says, honestly, in each case:
- committed: the date of the last commit that changed it;
- uncommitted: its source has edits not yet committed (a preview with `make serve`): not yet published;
- unknown: no git history (a copy from a tarball): the date is not known. Never the build's own time.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

_ZERO_COMMIT = "0" * 40
_BLAME_LINE = re.compile(r"^([0-9a-f]{40}) \d+ (\d+)")


@dataclass(frozen=True)
class LastChanged:
    """When a page's source last changed: a date, or why there is none."""

    state: Literal["committed", "uncommitted", "unknown"]
    day: dt.date | None = None


UNKNOWN = LastChanged("unknown")
UNCOMMITTED = LastChanged("uncommitted")


def latest(changes: Iterable[LastChanged]) -> LastChanged:
    """The last change of several sources: uncommitted if any is, unknown if any is not known."""
    changes = list(changes)
    if not changes or any(change.state == "unknown" for change in changes):
        return UNKNOWN
    if any(change.state == "uncommitted" for change in changes):
        return UNCOMMITTED
    return LastChanged("committed", max(change.day for change in changes if change.day))


@dataclass(frozen=True)
class History:
    """The dates read from git: each file's last commit, each data entry's lines, and what is uncommitted."""

    files: dict[str, dt.date] = field(default_factory=dict)  # path -> date of the last commit that changed it
    entries: dict[tuple[str, str, str], LastChanged] = field(default_factory=dict)  # (path, list, slug) -> its lines' last change
    uncommitted: frozenset[str] = frozenset()  # paths with edits (or new files) not yet committed
    last_commit: dt.datetime | None = None  # the commit being built (None without git)

    @property
    def known(self) -> bool:
        return self.last_commit is not None

    def file(self, path: str) -> LastChanged:
        """The last change of a file, or of every file under a folder (a path ending in '/')."""
        if not self.known:
            return UNKNOWN
        if path.endswith("/"):
            return latest(self.file(name) for name in sorted({*self.files, *self.uncommitted}) if name.startswith(path))
        if path in self.uncommitted:
            return UNCOMMITTED
        day = self.files.get(path)
        return LastChanged("committed", day) if day else UNKNOWN

    def entry(self, path: str, list_name: str, slug: str) -> LastChanged:
        """The last change of one entry (a partner, a principle) within a data file."""
        if not self.known:
            return UNKNOWN
        return self.entries.get((path, list_name, slug), self.file(path))


# --- Reading git ------------------------------------------------------------------------------------


def _git(root: Path, *args: str) -> str | None:
    """A git command's output in root, or None when root is not the top of a git work tree."""
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=root, capture_output=True, text=True, encoding="utf-8", check=False
        )
    except FileNotFoundError:  # no git on this machine
        return None
    return result.stdout if result.returncode == 0 else None


def _commit_day(epoch: str, zone: str) -> dt.date:
    """The calendar day of a commit time in the committer's own time zone (+0100 and the like)."""
    sign = -1 if zone.startswith("-") else 1
    offset = dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])) * sign
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone(offset)).date()


def _file_dates(log: str) -> dict[str, dt.date]:
    """Each path's newest date in `git log --format=%x00%cs --name-only` output (newest commit first)."""
    dates: dict[str, dt.date] = {}
    day = None
    for line in log.splitlines():
        if line.startswith("\0"):
            day = dt.date.fromisoformat(line[1:])
        elif line and day is not None:
            dates.setdefault(line, day)
    return dates


def _line_changes(blame: str) -> list[LastChanged]:
    """Each line's last change (index 0 is line 1) from `git blame --porcelain` output."""
    days: dict[str, dt.date] = {}
    times: dict[str, str] = {}
    lines: dict[int, LastChanged] = {}
    commit, number = "", 0
    for line in blame.splitlines():
        header = _BLAME_LINE.match(line)
        if header:
            commit, number = header[1], int(header[2])
        elif line.startswith("committer-time "):
            times[commit] = line.split(" ", 1)[1]
        elif line.startswith("committer-tz ") and commit not in days:
            days[commit] = _commit_day(times[commit], line.split(" ", 1)[1])
        elif line.startswith("\t"):
            lines[number] = UNCOMMITTED if commit == _ZERO_COMMIT else LastChanged("committed", days[commit])
    return [lines[n] for n in sorted(lines)]


def read_history(root: Path, entry_lines: dict[tuple[str, str], dict[str, tuple[int, int]]]) -> History:
    """Read the project's history: four git commands, and one blame per data file with entry pages.

    entry_lines gives the first and last line of each entry by (file, list) and slug, as the loader found them.
    """
    paths = sorted({path for path, _ in entry_lines})
    commands = [
        ("rev-parse", "--show-toplevel"),
        ("log", "-1", "--format=%cI"),
        ("log", "--format=%x00%cs", "--name-only", "--no-renames"),
        ("status", "--porcelain", "-z", "--untracked-files=all", "--no-renames"),
        *(("blame", "--porcelain", "--", path) for path in paths),
    ]
    # All at once: each is a process of its own, and waiting for them in turn was a quarter of our hooks' time
    # on the real site (45 ms, profiled). Outside a repository of its own, the answers are not used.
    with ThreadPoolExecutor(max_workers=len(commands)) as pool:
        top, head, log, status, *blames = pool.map(lambda command: _git(root, *command), commands)
    if top is None or Path(top.strip()).resolve() != root.resolve():
        return History()  # not a git work tree of its own (a tarball, or a copy inside another repository)
    if not head:
        return History()  # a repository without a commit yet
    uncommitted = frozenset(item[3:] for item in (status or "").split("\0") if len(item) > 3 and item[2] == " ")
    entries: dict[tuple[str, str, str], LastChanged] = {}
    for path, blame in zip(paths, blames):
        if blame is None:
            continue  # a file not yet committed: its entries are uncommitted, as the file is
        changes = _line_changes(blame)
        for (file, list_name), spans in entry_lines.items():
            if file == path:
                for slug, (start, end) in spans.items():
                    entries[(path, list_name, slug)] = latest(changes[start - 1 : end])
    return History(_file_dates(log or ""), entries, uncommitted, dt.datetime.fromisoformat(head.strip()))
