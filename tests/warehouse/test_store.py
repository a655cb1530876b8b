"""The storage port: ``open_store`` gives one ``Store`` for a DuckDB file, a lake (DuckLake, SQLite or
PostgreSQL catalog) and a running server, and all answer alike. Real files in tmp dirs and a real ``benchclaims serve`` process."""

from __future__ import annotations

import ast
import json
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from schemas import Extraction, FileProblem
from tests.support.handmade import handmade_extractions
from tests.support.paths import REPO_ROOT
from warehouse import IngestJob, StoreError, UnknownName, open_store
from warehouse.store import DuckDBStore, LakeStore


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
    from tests.api.test_server_limits import Server

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


def test_reviews_are_stored_in_a_lake_as_in_a_file(file_store: str, lake_store: str) -> None:
    """PATCH and undo on a lake: the same claims, statuses and history as on a DuckDB file."""
    answers = []
    for location in (file_store, lake_store):
        with open_store(location, write=True) as store:
            first, second = (c.id for c in store.claims(limit=2).items)
            store.set_review_status(first, "verified", note="checked", reviewer="ann")
            store.set_review_status(second, "rejected", reviewer="bob")
            store.undo_review(second, reviewer="bob")
        with open_store(location) as store:
            answers.append({
                "claims": [c.model_dump() for c in store.claims(limit=100).items],
                "history": [[e.model_dump(exclude={"at"}) for e in store.review_history(i)] for i in (first, second)],
                "queue": [q.model_dump() for q in store.review_queue()],
            })
    assert answers[0] == answers[1]
    assert answers[1]["claims"][0]["review_status"] == "verified"
    assert [e["status"] for e in answers[1]["history"][1]] == ["rejected", "unreviewed"]


def test_a_lake_keeps_snapshots_of_every_write(lake_store: str) -> None:
    """DuckLake keeps each commit as a snapshot: the lake can be read as it was (time travel)."""
    from warehouse.lake import LakeWarehouse

    with open_store(lake_store, write=True) as store:
        claim_id = store.claims(limit=1).items[0].id
        store.set_review_status(claim_id, "verified")
    with LakeWarehouse(lake_store, read_only=True) as wh:
        snapshots = wh.con.execute("SELECT snapshot_id FROM lake.snapshots() ORDER BY 1").fetchall()
        before = snapshots[-2][0]
        old = wh.con.execute(f"SELECT review_status FROM claims AT (VERSION => {int(before)}) WHERE id = ?",
                             [claim_id]).fetchall()
        assert old == [("unreviewed",)]
        assert wh.get_claim(claim_id).review_status == "verified"


def _postgres_bin() -> Path | None:
    for version in sorted(Path("/usr/lib/postgresql").glob("*"), reverse=True):
        if (version / "bin" / "initdb").exists():
            return version / "bin"
    return None


@pytest.fixture
def postgres_url(tmp_path: Path) -> Iterator[str]:
    """A throwaway PostgreSQL (Debian's ``postgresql`` package, as ``.ci/run`` installs it) on a free port,
    run by an unprivileged user; skipped when it is not installed."""
    import os
    import pwd
    import shutil
    import socket
    import subprocess

    bin_dir = _postgres_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (Debian package postgresql)")
    user = "postgres" if os.geteuid() == 0 else None
    if user is not None:
        try:
            pwd.getpwnam(user)
        except KeyError:
            pytest.skip("no postgres user to run PostgreSQL as")
        if shutil.which("runuser") is None:
            pytest.skip("runuser is missing")
    home = Path(tempfile.mkdtemp(prefix="bc-pg-"))  # outside tmp_path: the postgres user must reach it
    home.chmod(0o777)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    as_user = ["runuser", "-u", user, "--"] if user else []

    def run(*cmd: str) -> None:
        subprocess.run([*as_user, *cmd], check=True, capture_output=True, timeout=120)

    data = home / "data"
    try:
        run(str(bin_dir / "initdb"), "-D", str(data), "-U", "bench", "--auth=trust")
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(home / "log"), "-w", "-o",
            f"-p {port} -k {home} -c listen_addresses=127.0.0.1", "start")
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(home, ignore_errors=True)
        pytest.skip(f"cannot start PostgreSQL: {exc}")
    try:
        run(str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "bench", "lake")
        lake_data = tmp_path / "lake-data"
        yield f"postgresql://bench@127.0.0.1:{port}/lake?data_path={lake_data}/"
    finally:
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(home, ignore_errors=True)


@pytest.mark.slow
def test_a_lake_with_a_postgresql_catalog_answers_like_a_file(file_store: str, postgres_url: str,
                                                              tmp_path: Path) -> None:
    with open_store(postgres_url, write=True) as store:
        assert store.kind == "lake"
        assert [o.status for o in store.ingest(FILES, _job())] == ["added", "added"]  # type: ignore[union-attr]
    with open_store(postgres_url.split("?")[0], write=True) as store:  # DuckLake remembers its data path
        assert [o.status for o in store.ingest(FILES, _job())] == ["unchanged", "unchanged"]  # type: ignore[union-attr]
        claim_id = store.claims(limit=1).items[0].id
        assert store.set_review_status(claim_id, "verified").review_status == "verified"
        store.undo_review(claim_id)
    a, b = _answers(file_store, tmp_path), _answers(postgres_url, tmp_path)
    assert (a.pop("kind"), b.pop("kind")) == ("duckdb", "lake")
    assert a == b


def _synthetic(prefix: str, n: int) -> list[Extraction]:
    """``n`` small documents whose claims name the same few models and benchmarks as another writer's."""
    import hashlib

    from schemas import Document, ScoreClaim

    out = []
    for d in range(n):
        quotes = [f"Model-{(d + i) % 7} scores {50 + i}.5% on Bench-{i % 3}" for i in range(6)]
        text = "\n".join(quotes)
        claims = [ScoreClaim(model=f"Model-{(d + i) % 7}", benchmark=f"Bench-{i % 3}", value=50 + i + 0.5, unit="%",
                             quote=q, source=f"{prefix}{d}.txt", start=text.index(q), end=text.index(q) + len(q))
                  for i, q in enumerate(quotes)]
        doc = Document(source=f"{prefix}{d}.txt", path=f"{prefix}{d}.txt", text=text,
                       sha256=hashlib.sha256(text.encode()).hexdigest())
        out.append(Extraction(document=doc, claims=claims))
    return out


def _lake_writer(location: str, prefix: str) -> None:
    from warehouse.lake import LakeWarehouse

    with LakeWarehouse(location) as wh:
        run = wh.start_run("rules")
        for ex in _synthetic(prefix, 12):
            wh.store(ex, run)  # one transaction per document: many chances to collide
        wh.finish_run(run, 12, 0)


@pytest.mark.slow
def test_two_writers_on_a_postgresql_catalog_never_hand_out_an_id_twice(postgres_url: str) -> None:
    """No OS lock spans machines: the compare-and-set on ``lake_writes`` alone keeps ids and entities unique."""
    import multiprocessing as mp

    from warehouse.lake import LakeWarehouse

    with LakeWarehouse(postgres_url):
        pass  # create the lake first: DuckLake's own catalog tables are made by one ATTACH
    ctx = mp.get_context("spawn")
    writers = [ctx.Process(target=_lake_writer, args=(postgres_url, p)) for p in ("a", "b")]
    for w in writers:
        w.start()
    for w in writers:
        w.join(timeout=300)
        assert w.exitcode == 0
    with LakeWarehouse(postgres_url, read_only=True) as wh:
        one = wh.con.execute
        assert one("SELECT count(*), count(DISTINCT id), count(DISTINCT source) FROM documents").fetchall() == [(24, 24, 24)]
        assert one("SELECT count(*), count(DISTINCT id) FROM claims").fetchall() == [(144, 144)]
        assert one("SELECT count(*) = count(DISTINCT (kind, key)) FROM aliases").fetchall() == [(True,)]
        assert one("SELECT count(*) = count(DISTINCT id) FROM entities").fetchall() == [(True,)]
        assert wh.leaderboard("Bench-0").rows


def test_the_api_chooses_no_storage_itself() -> None:
    """Storage is decided in ``warehouse.open_store`` only; ``create_app`` only wires (no route closures)."""
    for path in (REPO_ROOT / "api").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "is_lake" not in text and "lock_holder" not in text, path
    tree = ast.parse((REPO_ROOT / "api" / "app.py").read_text(encoding="utf-8"))
    create_app = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "create_app")
    nested = [n for n in ast.walk(create_app) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
              and n is not create_app]
    assert all(not n.decorator_list or ast.unparse(n.decorator_list[0]) == "asynccontextmanager" for n in nested), \
        [n.name for n in nested]


def test_lake_locations() -> None:
    """A folder is a SQLite-catalog lake; a postgresql:// URI a PostgreSQL one, its password kept out of messages."""
    from warehouse.lake import is_lake, parse_lake

    assert is_lake("lake/") and is_lake("postgres://h/db") and not is_lake("w.duckdb")
    folder = parse_lake("some/lake/")
    assert folder.catalog == "ducklake:sqlite:some/lake/meta.sqlite" and folder.data_path == "some/lake/data/"
    pg = parse_lake("postgresql://ann:s3cret@db.example:5432/bench?data_path=/shared/lake/&sslmode=require")
    assert pg.catalog == "ducklake:postgres:postgresql://ann:s3cret@db.example:5432/bench?sslmode=require"
    assert pg.data_path == "/shared/lake/" and pg.folder is None
    assert "s3cret" not in pg.given and pg.redact("cannot reach postgresql://ann:s3cret@db") == \
        "cannot reach postgresql://ann:***@db"


def test_an_older_parquet_lake_is_converted_once(tmp_path: Path) -> None:
    """A folder of extraction batches (the lake before DuckLake, the Ray engine's layout) is loaded into the
    DuckLake the first time it is opened for writing; before that, reading it says how to convert it."""
    import duckdb

    from schemas.batches import BATCH_COLUMNS, batch_row

    folder = tmp_path / "old"
    (folder / "bucket=3").mkdir(parents=True)
    rows = [batch_row(e) for e in handmade_extractions()]
    con = duckdb.connect()
    con.execute("CREATE TABLE batch (source VARCHAR, path VARCHAR, sha256 VARCHAR, ok BOOLEAN, reason VARCHAR, "
                "extraction_json VARCHAR, bucket INTEGER)")
    con.executemany("INSERT INTO batch VALUES (?, ?, ?, ?, ?, ?, ?)", [[r[c] for c in BATCH_COLUMNS] for r in rows])
    con.table("batch").write_parquet(str(folder / "bucket=3" / "0001.parquet"))
    con.close()
    with pytest.raises(StoreError, match="convert"):
        open_store(str(folder))
    with open_store(str(folder), write=True) as store:
        assert store.claims().total == sum(len(e.claims) for e in handmade_extractions())
    with open_store(str(folder), write=True) as store:  # converted once: nothing is loaded twice
        assert store.claims().total == sum(len(e.claims) for e in handmade_extractions())
