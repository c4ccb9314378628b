"""Shared fixtures: the real site, built once per test session, and the data it was built from."""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
from pathlib import Path

import pytest

from compact_site.compact import Compact
from compact_site.loading import load_compact
from hostile_data import write_hostile_data
from sitebuild import ROOT, BuiltSite, build_site, copy_project

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # the end-of-life notice is in the README, not the test log

pytest_plugins = ["skip_policy"]


# The browser survey's views by the process that visits them: the light view (which also reads each page on paper)
# with the no-JavaScript one, whose tests compare the two; the dark and the narrow views each on their own.
SURVEY_GROUPS = {"dark": "survey-dark", "narrow": "survey-narrow"}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own hook, which reads the groups as it renames the tests
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under pytest-xdist (`make test` runs two processes), keep the tests that read one view of the browser survey
    in one process, so that each view of every page is visited once, not once per process (the views themselves
    are shared out between the processes), and the tests of 10,000 partners, and those of the hostile site, each in
    one process, which loads or builds them once."""
    for item in items:
        if "survey" in getattr(item, "fixturenames", ()):
            view = getattr(item, "callspec", None) and item.callspec.params.get("view")
            item.add_marker(pytest.mark.xdist_group(SURVEY_GROUPS.get(view, "survey-light")))
        elif "ten_thousand_partners" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("ten-thousand-partners"))
        elif "hostile_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("hostile-site"))


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Fail a grouped test that pytest-xdist did not put in its group: each process would visit every view of the
    survey (and build the hostile site, and load 10,000 partners), and the run take minutes longer without a word
    (pytest 9.2 with pytest-xdist 3.8: pytest-xdist issue 1386)."""
    if getattr(item.config.option, "loadgroup", False) and item.get_closest_marker("xdist_group") and "@" not in item.nodeid:
        pytest.fail("pytest-xdist did not group the tests that share a survey view or a built data set: keep pytest below 9.2 (pyproject.toml)", pytrace=False)


@pytest.fixture(scope="session")
def compact() -> Compact:
    """The repository's data, loaded and validated."""
    return load_compact(ROOT / "data")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real site, built once per run from the repository into a temporary folder: under pytest-xdist, by the
    first process to ask, into the folder the processes share, while the others wait for it (no test writes to it)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return build_site(ROOT, tmp_path_factory.mktemp("site"))
    shared = tmp_path_factory.getbasetemp().parent  # this run's, shared by its processes
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (shared / "site.built").exists():
            build_site(ROOT, shared / "site")
            (shared / "site.built").touch()
    return BuiltSite(shared / "site")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site built once from a copy of the project holding hostile and unusual text (tests/hostile_data.py)."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    write_hostile_data(project)
    return build_site(project, tmp_path_factory.mktemp("hostile-site"))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return ROOT / "data"


@pytest.fixture(scope="session")
def ten_thousand_partners(tmp_path_factory: pytest.TempPathFactory) -> Compact:
    """The real data grown to 10,000 partners: the Compact's 23, and made-up ones that joined after its draft."""
    sys.path.insert(0, str(ROOT / "scripts"))  # scripts/ is not a package
    from bench_data import write_data_set

    data = shutil.copytree(ROOT / "data", tmp_path_factory.mktemp("grown") / "data")
    write_data_set(data, 10_000, seed=16, keep_real=True)
    return load_compact(data)
