"""pytest plugin: `--fail-on-skip` turns any skipped test into a failed run.

CI passes it (see .ci/run) so that a test skipped for a missing tool, a browser or a checker, can never
let a run pass silently.
"""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fail-on-skip",
        action="store_true",
        help="Fail the run if any test is skipped (CI: a missing tool must never pass silently).",
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if session.config.getoption("--fail-on-skip") and skipped:
        reporter.write_line(f"--fail-on-skip: {skipped} test(s) were skipped; failing the run.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
