"""The storage port: ``open_store`` gives one ``Store`` for a DuckDB file, a Parquet lake and a running
server, and all three answer alike. Real files in tmp dirs and a real ``benchclaims serve`` process."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from schemas import Extraction, FileProblem
from tests.conftest import handmade_extractions
from warehouse import IngestJob, StoreError, StoreUnsupported, UnknownName, open_store
from warehouse.store import DuckDBStore, LakeStore

ROOT = Path(__file__).resolve().parent.parent


def _job() -> IngestJob:
    """Extraction faked through the port's own interface: the hand-made extractions, by file name."""
    by_name = {e.document.source: e for e in handmade_extractions()}

    def extract(files: Sequence[Path], cache: object) -> Iterator[Extraction | FileProblem]:
        for f in files:
            yield by_name[f.name] if f.name in by_name else FileProblem(path=str(f), reason="unknown test file")

    def payload(path: Path) -> dict[str, str] | FileProblem:
        return FileProblem(path=str(path), reason="not used")

    return IngestJob(backend="rules", extract=extract, payload=payload)


FILES = [Path(e.document.source) for e in handmade_extractions()]


@pytest.fixture
def file_store(tmp_path: Path) -> str:
    db = str(tmp_path / "w.duckdb")
    with open_store(db, write=True) as store:
        outcomes = list(store.ingest([*FILES, Path("nope.md")], _job()))
    assert [getattr(o, "status", None) for o in outcomes] == ["added", "added", None]
    return db


@pytest.fixture
def lake_store(tmp_path: Path) -> str:
    lake = str(tmp_path / "lake") + "/"
    with open_store(lake, write=True) as store:
        assert [o.status for o in store.ingest(FILES, _job())] == ["added", "added"]  # type: ignore[union-attr]
    with open_store(lake, write=True) as store:
        assert [o.status for o in store.ingest(FILES, _job())] == ["unchanged", "unchanged"]  # type: ignore[union-attr]
    return lake


def _answers(location: str, tmp: Path) -> dict[str, object]:
    with open_store(location) as store:
        out = tmp / f"{store.kind}.json"
        store.export("json", out, benchmark="AIME 2024")
        return {
            "kind": store.kind,
            "board": store.leaderboard("AIME'24", sources_limit=5).model_dump(),
            "beats": store.beats("GammaCoder", "AIME 2024").model_dump(),
            "claims": [c.model_dump() for c in store.claims(benchmark="AIME 2024", sort="value").items],
            "benchmarks": [b.model_dump() for b in store.benchmarks()],
            "models": [m.model_dump() for m in store.models()],
            "export": json.loads(out.read_text()),
        }


def test_a_file_and_a_lake_answer_alike(file_store: str, lake_store: str, tmp_path: Path) -> None:
    a, b = _answers(file_store, tmp_path), _answers(lake_store, tmp_path)
    assert (a.pop("kind"), b.pop("kind")) == ("duckdb", "lake")
    assert a == b
    with open_store(file_store) as store:
        assert isinstance(store, DuckDBStore) and store.read_only
    with open_store(lake_store) as store:
        assert isinstance(store, LakeStore)


@pytest.mark.slow
def test_a_running_server_answers_like_its_file(file_store: str, tmp_path: Path) -> None:
    from tests.test_server_limits import Server

    local = _answers(file_store, tmp_path)
    server = Server(Path(file_store))
    try:
        remote = _answers(file_store, tmp_path)
        with open_store(file_store, write=True) as store:
            assert store.kind == "remote"
            claim_id = store.claims(limit=1).items[0].id
            assert store.set_review_status(claim_id, "verified").review_status == "verified"
            with pytest.raises(UnknownName) as unknown:
                store.leaderboard("AIMEE")
            assert "AIME 2024" in unknown.value.suggestions
    finally:
        server.stop()
    assert (local.pop("kind"), remote.pop("kind")) == ("duckdb", "remote")
    assert remote == local


def test_missing_stores_are_one_line(tmp_path: Path) -> None:
    for location in (str(tmp_path / "none.duckdb"), str(tmp_path / "nolake") + "/"):
        with pytest.raises(StoreError) as exc:
            open_store(location)
        assert location in str(exc.value) and "\n" not in str(exc.value)


def test_reviews_are_refused_by_a_lake(lake_store: str) -> None:
    with open_store(lake_store) as store, pytest.raises(StoreUnsupported):
        store.set_review_status(1, "verified")


def test_the_api_chooses_no_storage_itself() -> None:
    """Storage is decided in ``warehouse.open_store`` only; ``create_app`` only wires (no route closures)."""
    for path in (ROOT / "api").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "is_lake" not in text and "lock_holder" not in text, path
    tree = ast.parse((ROOT / "api" / "app.py").read_text(encoding="utf-8"))
    create_app = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "create_app")
    nested = [n for n in ast.walk(create_app) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
              and n is not create_app]
    assert all(not n.decorator_list or ast.unparse(n.decorator_list[0]) == "asynccontextmanager" for n in nested), \
        [n.name for n in nested]
