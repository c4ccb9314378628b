"""--fail-on-skip really fails a run that skipped a test (CI relies on it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def run_pytest(folder: Path, *options: str) -> int:
    test = folder / "test_sample.py"
    test.write_text("import pytest\n\ndef test_runs():\n    pass\n\ndef test_skips():\n    pytest.skip('no such tool')\n")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "skip_policy", "-p", "no:cacheprovider", *options, str(test)]
    environment = {"PYTHONPATH": str(Path(__file__).parent), "PATH": "/usr/bin:/bin"}
    return subprocess.run(command, cwd=folder, env=environment, capture_output=True).returncode


# `make test` runs the suite in two processes (pytest-xdist): the option must hold there too.
PROCESSES = pytest.mark.parametrize("processes", [[], ["-n", "2"]], ids=["one process", "pytest-xdist"])


@PROCESSES
def test_a_skipped_test_fails_the_run_with_the_option(tmp_path, processes):
    assert run_pytest(tmp_path, "--fail-on-skip", *processes) == 1


@PROCESSES
def test_a_skipped_test_passes_without_the_option(tmp_path, processes):
    assert run_pytest(tmp_path, *processes) == 0
