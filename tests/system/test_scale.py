"""Scale-out: the Ray Data job gives the local engine's claims; a lake (DuckLake) takes many writers."""

from __future__ import annotations

import multiprocessing as mp
import shutil
from pathlib import Path

import pytest

from extractor.pipeline import extract_paths
from schemas import Extraction, FileProblem, claim_to_jsonl
from tests.support.paths import SEEDS_DIR
from warehouse import Warehouse
from warehouse.batches import iter_batch_rows, load_batches

pytestmark = pytest.mark.slow  # real processes / crashes / Ray: deselect with -m 'not slow'



def _claim_lines(items: list[Extraction | FileProblem]) -> list[str]:
    return sorted(claim_to_jsonl(c) for item in items if isinstance(item, Extraction) for c in item.claims)


@pytest.fixture(scope="module")
def local_items() -> list[Extraction | FileProblem]:
    return list(extract_paths([SEEDS_DIR]))


def test_ray_job_equals_local_engine(tmp_path: Path, local_items: list[Extraction | FileProblem]) -> None:
    pytest.importorskip("ray")
    from extractor.ray_engine import ray_extract

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 64)

    out = tmp_path / "claims-parquet"
    report = ray_extract([corpus], out, num_cpus=2)
    assert report.files == 7
    assert {p.name for p in out.iterdir()} <= {f"bucket={i}" for i in range(16)}  # partitioned by a stable key

    ray_items = list(iter_batch_rows(out))
    assert _claim_lines(ray_items) == _claim_lines(local_items)
    problems = {Path(p.path).name: p.reason for p in ray_items if isinstance(p, FileProblem)}
    assert set(problems) == {"empty.txt", "binary.txt"}  # reported per file, not lost

    with Warehouse(tmp_path / "ray.duckdb") as wh:
        loaded = load_batches(wh, out)
        assert [o.status for o in loaded.outcomes] == ["added"] * 5
        assert len(loaded.problems) == 2
        ray_board = wh.leaderboard("AIME 2024").model_dump()
    with Warehouse(tmp_path / "local.duckdb") as wh:
        wh.store_many([i for i in local_items if isinstance(i, Extraction)])
        local_board = wh.leaderboard("AIME 2024").model_dump()
    assert ray_board == local_board


def _writer(location: str, files: list[str]) -> None:
    from warehouse.lake import LakeWarehouse

    with LakeWarehouse(location) as wh:
        for f in files:
            wh.store_many([x for x in extract_paths([f]) if isinstance(x, Extraction)])


def test_lake_takes_concurrent_writers_while_reading(tmp_path: Path, local_items: list[Extraction | FileProblem]) -> None:
    from warehouse.lake import LakeWarehouse, is_lake

    location = f"{tmp_path / 'lake'}/"
    seeds = sorted(str(p) for p in SEEDS_DIR.iterdir())
    ctx = mp.get_context("spawn")
    writers = [ctx.Process(target=_writer, args=(location, seeds[i::2])) for i in range(2)]
    for w in writers:
        w.start()
    reads = 0
    while any(w.is_alive() for w in writers):  # a reader keeps answering while both write
        if (tmp_path / "lake" / "meta.sqlite").exists():
            try:
                with LakeWarehouse(location, read_only=True) as wh:
                    wh.stats()
                reads += 1
            except Exception as exc:  # the lake may not be created yet
                assert "does not exist" in str(exc) or "cannot open lake" in str(exc), exc
    for w in writers:
        w.join()
        assert w.exitcode == 0
    assert reads >= 1
    assert is_lake(location)

    with LakeWarehouse(location, read_only=True) as wh:
        expected = sum(len(i.claims) for i in local_items if isinstance(i, Extraction))
        assert wh.stats()["claims"] == expected
        assert wh.stats()["documents"] == len(seeds)


def test_ray_job_lands_in_a_lake(tmp_path: Path, local_items: list[Extraction | FileProblem]) -> None:
    """``ingest --engine ray --db DIR/``: the scale-out path loads its Parquet batches through the store."""
    pytest.importorskip("ray")
    from typer.testing import CliRunner

    from api.cli import app
    from warehouse import open_store

    lake = f"{tmp_path / 'lake'}/"
    done = CliRunner().invoke(app, ["ingest", str(SEEDS_DIR), "--engine", "ray", "--db", lake])
    assert done.exit_code == 0 and "5 added" in done.stderr, done.stderr
    assert not list((tmp_path / "lake").glob(".ray-batches-*"))  # the staging folder is removed
    with open_store(lake) as store:
        lake_board = store.leaderboard("AIME 2024").model_dump()
    with Warehouse(tmp_path / "local.duckdb") as wh:
        wh.store_many([i for i in local_items if isinstance(i, Extraction)])
        assert lake_board == wh.leaderboard("AIME 2024").model_dump()
