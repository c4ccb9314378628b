"""Shared fixtures: the real site, built once per test session, and the data it was built from."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from compact_site.compact import Compact
from compact_site.loading import load_compact
from sitebuild import ROOT, BuiltSite, build_site

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # the end-of-life notice is in the README, not the test log

pytest_plugins = ["skip_policy"]


# The browser survey's views by the process that visits them: the light view (which also reads each page on paper)
# with the no-JavaScript one, whose tests compare the two; the dark and the narrow views each on their own.
SURVEY_GROUPS = {"dark": "survey-dark", "narrow": "survey-narrow"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under pytest-xdist (`make test` runs two processes), keep the tests that read one view of the browser survey
    in one process, so that each view of every page is visited once, not once per process; the views themselves
    are shared out between the processes."""
    for item in items:
        if "survey" in getattr(item, "fixturenames", ()):
            view = getattr(item, "callspec", None) and item.callspec.params.get("view")
            item.add_marker(pytest.mark.xdist_group(SURVEY_GROUPS.get(view, "survey-light")))


@pytest.fixture(scope="session")
def compact() -> Compact:
    """The repository's data, loaded and validated."""
    return load_compact(ROOT / "data")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real site, built once from the repository into a temporary folder."""
    return build_site(ROOT, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return ROOT / "data"
