"""Shared fixtures: real DuckDB warehouses in temporary folders, built once per test session.

* ``seed_db``: the five seed documents run through the real rules extractor and stored.
* ``handmade_db``: a small warehouse whose claims are written by hand (exact quotes and
  offsets), so API and CLI tests can assert exact ranks and values whatever the extractor's
  current recall is.

Tests that write copy a warehouse into their own ``tmp_path`` first (``writable_copy``),
so the session files stay as built.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from schemas import Extraction
from tests.support.handmade import HANDMADE, handmade_extractions
from tests.support.paths import SEEDS_DIR


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A warehouse built from ``seeds/`` with the rules extractor, as ``benchclaims ingest`` does."""
    from extractor.pipeline import extract_paths
    from warehouse import Warehouse

    path = tmp_path_factory.mktemp("seed-warehouse") / "seeds.duckdb"
    with Warehouse(path) as wh:
        run = wh.start_run("rules", {"paths": [str(SEEDS_DIR)]})
        ok = 0
        for item in extract_paths([SEEDS_DIR], backend="rules"):
            assert isinstance(item, Extraction), f"seed file failed: {item}"
            wh.store(item, run)
            ok += 1
        wh.finish_run(run, ok, 0)
    return str(path)


@pytest.fixture(scope="session")
def handmade_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A warehouse holding exactly the claims of ``HANDMADE``."""
    from warehouse import Warehouse

    path = tmp_path_factory.mktemp("handmade-warehouse") / "handmade.duckdb"
    with Warehouse(path) as wh:
        run = wh.start_run("rules", {"handmade": True})
        for extraction in handmade_extractions():
            wh.store(extraction, run)
        wh.finish_run(run, len(HANDMADE), 0)
    return str(path)


@pytest.fixture
def writable_copy(tmp_path: Path) -> Callable[[str], str]:
    """Copy a session warehouse into this test's folder so the test may write to it."""

    def copy(db: str) -> str:
        target = tmp_path / Path(db).name
        shutil.copyfile(db, target)
        return str(target)

    return copy

