"""The benchmark's synthetic data: what the real loader accepts, as many partners as asked, the same for a seed."""

from __future__ import annotations

import shutil
import sys

import pytest

from compact_site.loading import load_compact
from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "scripts"))  # scripts/ is not a package: the bench imports its helpers by name
from bench_data import write_data_set  # noqa: E402


@pytest.fixture
def data_copy(tmp_path):
    """A copy of the repository's data/ to write synthetic partners into."""
    return shutil.copytree(ROOT / "data", tmp_path / "data")


@pytest.mark.parametrize("count", [1, 23, 400])
def test_the_real_loader_accepts_the_requested_number_of_partners(data_copy, count):
    write_data_set(data_copy, count, seed=7)
    compact = load_compact(data_copy)
    assert len(compact.partners) == count
    assert {partner.sector for partner in compact.partners} <= {"public", "private", "vcs"}


def test_every_sector_status_and_optional_field_occurs(data_copy):
    write_data_set(data_copy, 400, seed=7)
    partners = load_compact(data_copy).partners
    assert {partner.sector for partner in partners} == {"public", "private", "vcs"}
    assert {partner.status for partner in partners} == {"named", "signed", "withdrawn"}
    for field in ("signed_on", "website", "compact_champion", "implementation_plan"):
        values = [getattr(partner, field) for partner in partners]
        assert any(value is None for value in values) and any(value is not None for value in values), field


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(data_copy):
    partners = data_copy / "partners.yml"
    write_data_set(data_copy, 50, seed=1)
    first = partners.read_text(encoding="utf-8")
    write_data_set(data_copy, 50, seed=1)
    assert partners.read_text(encoding="utf-8") == first
    write_data_set(data_copy, 50, seed=2)
    assert partners.read_text(encoding="utf-8") != first
