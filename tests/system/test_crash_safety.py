"""An ingest killed with SIGKILL at any moment leaves a warehouse that a re-run completes
to exactly the state of a clean run (documents and claims; run records aside)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.paths import REPO_ROOT, SEEDS_DIR
from tests.support.warehouse_state import warehouse_state

pytestmark = pytest.mark.slow  # real processes / crashes / Ray: deselect with -m 'not slow'


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "api.cli", "ingest", str(corpus), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            cwd=REPO_ROOT)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(6):
        for seed in SEEDS_DIR.iterdir():
            shutil.copy(seed, folder / f"{i}_{seed.name}")
    return folder


@pytest.mark.parametrize("delay", [0.3, 1.5, 3.0, 5.0])
def test_kill_minus_nine_then_rerun_equals_clean_run(corpus: Path, tmp_path: Path, delay: float) -> None:
    db = tmp_path / "killed.duckdb"
    proc = _ingest(corpus, db)
    time.sleep(delay)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert _ingest(corpus, db).wait(timeout=300) == 0
    clean = tmp_path / "clean.duckdb"
    assert _ingest(corpus, clean).wait(timeout=300) == 0
    clean_state = warehouse_state(clean)
    assert clean_state[0], "the clean run stored documents"
    assert warehouse_state(db) == clean_state
    # and a further re-run adds nothing
    assert _ingest(corpus, db).wait(timeout=300) == 0
    assert warehouse_state(db) == clean_state
