"""MkDocs hook: the live preview (`make serve`) never hangs on a mistake, and shows it on every page until it is fixed.

MkDocs' preview server holds every request until a rebuild succeeds ("The server will appear stuck until build
errors are resolved"): one typo in the data and the preview stopped answering, its messages only in the terminal.
Here the server's builder is wrapped. Each rebuild starts in an empty folder, the last good site moved aside (a
rename: MkDocs would have emptied the folder anyway). If the build fails, the last good site is moved back, each of
its pages opens with the problems (file, line, message) as the build reported them, and the server answers and
reloads the browser as after any build. The next good build replaces it all.

MkDocs polls the watched files every half second, with no setting for it. An earlier version set watchdog's private
interval to a tenth of a second: it saved about a fifth of a second of the two from saving a file to seeing the
page, wrote a private attribute that any watchdog release may rename, and needed every watch made again. The
benchmark measures the preview as MkDocs makes it.
"""

from __future__ import annotations

import html
import logging
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

# Where a page's text starts in Material's page; any other page gets the problems at the top of its body.
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
_BODY = re.compile(r"<body[^>]*>")
# The notice's own mark, to find it again: each failed build shows its own problems, not those of the one before.
_NOTICE_MARK = "data-preview-problems"
_NOTICE = re.compile(rf'<div [^>]*{_NOTICE_MARK}>.*?</ul></div>', re.DOTALL)


class _Problems(logging.Handler):
    """The warnings and errors MkDocs logs during one build: in strict mode, each of them fails it."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class ProblemsShown:
    """A builder for the preview that, when a build fails, serves the last good site with the problems on each page."""

    def __init__(self, builder: Callable[[], None], site_dir: Path):
        self.builder = builder
        self.site_dir = site_dir
        self.last_good = site_dir.with_name(site_dir.name + "-last-good")  # beside it: a rename, not a copy

    def __call__(self) -> None:
        shutil.rmtree(self.last_good, ignore_errors=True)  # left by a preview stopped mid-build
        self.site_dir.rename(self.last_good)
        self.site_dir.mkdir()
        problems = _Problems()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(problems)
        try:
            self.builder()
        except Exception as error:  # noqa: BLE001 - whatever stops a build, the preview must keep answering
            print(error, file=sys.stderr)
            shutil.rmtree(self.site_dir)
            self.last_good.rename(self.site_dir)
            show_problems(self.site_dir, [*problems.messages, str(error)])
        else:
            shutil.rmtree(self.last_good)
        finally:
            logger.removeHandler(problems)


def show_problems(site_dir: Path, problems: list[str]) -> None:
    """Open each page of the site with the problems, in place of those of an earlier failed build."""
    notice = problem_notice(problems)
    for page in site_dir.rglob("*.html"):
        text = _NOTICE.sub("", page.read_text(encoding="utf-8"), count=1)
        place = _ARTICLE.search(text) or _BODY.search(text)
        if place:
            page.write_text(text[: place.end()] + notice + text[place.end() :], encoding="utf-8")


def problem_notice(problems: list[str]) -> str:
    """The problems as an alert at the top of a page, in the theme's own style for a failure, one line an item
    (each wraps on a narrow screen, where a block of code would hide its end)."""
    lines = dict.fromkeys(line.strip() for problem in problems for line in problem.splitlines() if line.strip())
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return (
        f'<div class="admonition failure" role="alert" {_NOTICE_MARK}><p class="admonition-title">The preview cannot be rebuilt: '
        f"this is the last good version. Fix these problems and save:</p><ul>{items}</ul></div>"
    )


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    """Rebuild through ProblemsShown: a failed build leaves the preview answering, with its problems on every page."""
    server.builder = ProblemsShown(builder, Path(config.site_dir))
    return server
