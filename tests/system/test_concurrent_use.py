"""Concurrent use with real processes: a server owning the warehouse takes ingests from other
processes while dashboards read; a file locked by anything else is one clear line; a lake
(DuckLake) takes concurrent writer processes while others read.

Every process here is a real ``python -m api.cli`` subprocess on 127.0.0.1; nothing of ours is
faked or patched.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.paths import REPO_ROOT, SEEDS_DIR
from tests.support.warehouse_state import state_of, warehouse_state

pytestmark = pytest.mark.slow  # real processes / crashes / Ray: deselect with -m 'not slow'

COPIES = 2

def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BENCHCLAIMS_")}
    env["PYTHONPATH"] = str(REPO_ROOT)
    return env


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=REPO_ROOT, env=_env(), capture_output=True,
                          text=True, timeout=300)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds copied several times under distinct names."""
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(COPIES):
        for seed in sorted(SEEDS_DIR.glob("*.txt")):
            shutil.copy(seed, folder / f"{i}_{seed.name}")
    return folder


@pytest.fixture(scope="module")
def clean_state(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[list[tuple[object, ...]]]:
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    done = cli("ingest", str(corpus), "--db", str(db))
    assert done.returncode == 0, done.stderr
    return warehouse_state(db)


class Server:
    """``benchclaims serve`` in its own process on a free port."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.sidecar = db.with_name(db.name + ".server.json")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve", "--db", str(db), "--port", str(self.port)],
            cwd=REPO_ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while not self.sidecar.exists():
            if self.proc.poll() is not None:
                raise AssertionError(f"serve exited early: {self.proc.stderr.read() if self.proc.stderr else ''}")
            if time.monotonic() > deadline:
                raise AssertionError("serve did not write its sidecar within 60 s")
            time.sleep(0.1)

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()


@pytest.fixture
def server(corpus: Path, tmp_path: Path) -> Iterator[Server]:
    db = tmp_path / "served.duckdb"
    first = tmp_path / "first"
    first.mkdir()
    for seed in SEEDS_DIR.glob("*.txt"):  # something to rank before the server starts
        shutil.copy(seed, first / f"0_{seed.name}")
    assert cli("ingest", str(first), "--db", str(db)).returncode == 0
    srv = Server(db)
    try:
        yield srv
    finally:
        srv.stop()


def _hammer(urls: list[str], stop: threading.Event, results: list[int | str]) -> None:
    with httpx.Client(timeout=30) as client:
        while not stop.is_set():
            for url in urls:
                try:
                    results.append(client.get(url).status_code)
                except httpx.HTTPError as exc:
                    results.append(type(exc).__name__)


def test_ingest_through_a_running_server_while_dashboards_read(
        server: Server, corpus: Path, clean_state: list[list[tuple[object, ...]]]) -> None:
    info = json.loads(server.sidecar.read_text())
    assert set(info) == {"url", "pid", "token", "db", "instance"} and info["url"] == server.url
    assert stat.S_IMODE(server.sidecar.stat().st_mode) == 0o600
    benchmark = httpx.get(f"{server.url}/api/benchmarks").json()[0]["name"]
    urls = [str(httpx.URL(f"{server.url}/api/leaderboard", params={"benchmark": benchmark})),
            f"{server.url}/api/claims?limit=100", f"{server.url}/api/models"]
    stop = threading.Event()
    results: list[int | str] = []
    readers = [threading.Thread(target=_hammer, args=(urls, stop, results)) for _ in range(3)]
    for t in readers:
        t.start()
    try:
        done = cli("ingest", str(corpus), "--db", str(server.db))
    finally:
        stop.set()
        for t in readers:
            t.join()
    assert done.returncode == 0, done.stderr
    assert f"via {server.url}" in done.stderr
    assert results and set(results) == {200}, {r for r in results if r != 200}
    # Re-ingesting through the server adds nothing (the server hashed the same raw bytes).
    again = cli("ingest", str(corpus), "--db", str(server.db))
    assert again.returncode == 0 and f"0 added, {5 * COPIES} unchanged" in again.stderr, again.stderr
    # Query commands ask the server instead of failing on DuckDB's lock, with the same exit codes.
    query = cli("leaderboard", benchmark, "--db", str(server.db), "--format", "json")
    assert query.returncode == 0, query.stderr
    assert json.loads(query.stdout) == httpx.get(urls[0]).json()
    unknown = cli("leaderboard", "No Such Bench 9000", "--db", str(server.db))
    assert unknown.returncode == 3 and "unknown benchmark" in unknown.stderr
    exported = server.db.with_name("claims.csv")
    assert cli("export", "--format", "csv", "--out", str(exported), "--db", str(server.db)).returncode == 0
    assert exported.read_bytes() == httpx.get(f"{server.url}/api/export.csv").content
    # Forwarded files are refused exactly as locally, by name, and the rest still go through.
    mixed = server.db.with_name("mixed")
    mixed.mkdir()
    (mixed / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (mixed / "card.md").write_text("# IotaNet\n\nIotaNet reaches 71.5% accuracy on AIME 2024.\n", encoding="utf-8")
    partial = cli("ingest", str(mixed), "--db", str(server.db))
    assert partial.returncode == 1
    assert f"{mixed / 'blob.txt'}: binary content" in partial.stderr and "1 added" in partial.stderr
    assert httpx.get(f"{server.url}/api/claims", params={"source": "card.md"}).json()["total"] == 1
    # A second server on the same file is refused in one line naming the first.
    other = cli("serve", "--db", str(server.db), "--port", str(_free_port()))
    assert other.returncode == 1
    assert str(server.db) in other.stderr and server.url in other.stderr and "Traceback" not in other.stderr
    assert server.stop() in (0, -signal.SIGTERM)
    assert not server.sidecar.exists(), "the sidecar is removed on shutdown"
    final = warehouse_state(server.db)
    assert [d for d in final[0] if d[0] != "card.md"] == clean_state[0]
    assert [c for c in final[1] if c[0] != "card.md"] == clean_state[1]


def test_file_locked_by_another_process_is_one_line_naming_the_holder(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys, time; c = duckdb.connect({str(db)!r}); print('ok', flush=True); "
                               "time.sleep(120)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        done = cli("ingest", str(corpus), "--db", str(db))
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert str(db) in lines[0] and f"pid {holder.pid}" in lines[0]


@pytest.mark.parametrize("kind", ["dead-pid", "world-readable", "other-file", "no-token"])
def test_a_stale_or_untrusted_sidecar_is_ignored(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "stale.duckdb"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout) if kind == "dead-pid" else os.getpid()  # our own pid: alive, but nothing listens
    sidecar = db.with_name(db.name + ".server.json")
    sidecar.write_text(json.dumps({"url": "http://127.0.0.1:9", "pid": pid, "token": "" if kind == "no-token" else "x",
                                   "db": str(tmp_path / "other.duckdb" if kind == "other-file" else db.resolve())}))
    sidecar.chmod(0o644 if kind == "world-readable" else 0o600)
    done = cli("ingest", str(SEEDS_DIR / "004_2075edd4e1164766.txt"), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "via" not in done.stderr


def test_concurrent_ingests_into_a_lake_then_serve_it(corpus: Path, tmp_path: Path,
                                                      clean_state: list[list[tuple[object, ...]]]) -> None:
    """Two writer processes ingest into one DuckLake at once while a reader process queries it; the
    lake then holds what one clean ingest into a DuckDB file holds, and a server reads it."""
    lake = tmp_path / "lake"
    halves = [tmp_path / "a", tmp_path / "b"]
    for i, half in enumerate(halves):
        half.mkdir()
        for f in sorted(corpus.iterdir())[i::2]:
            shutil.copy(f, half / f.name)
    assert cli("ingest", str(halves[0] / sorted(os.listdir(halves[0]))[0]), "--db", f"{lake}/").returncode == 0
    procs = [subprocess.Popen([sys.executable, "-m", "api.cli", "ingest", str(h), "--db", f"{lake}/"], cwd=REPO_ROOT,
                              env=_env(), stderr=subprocess.PIPE, text=True) for h in halves]
    reads = 0
    while any(p.poll() is None for p in procs):  # a reader keeps being answered while both write
        read = cli("leaderboard", "AIME 2024", "--db", f"{lake}/", "--format", "json")
        assert read.returncode in (0, 3), read.stderr  # 3: no AIME claim committed yet
        reads += 1
    codes = [p.wait(timeout=300) for p in procs]
    assert codes == [0, 0], [p.stderr.read() if p.stderr else "" for p in procs]
    assert reads >= 1
    again = cli("ingest", str(corpus), "--db", f"{lake}/")  # idempotent: nothing new to store
    assert again.returncode == 0 and f"0 added, {5 * COPIES} unchanged" in again.stderr, again.stderr

    from warehouse.lake import LakeWarehouse

    with LakeWarehouse(f"{lake}/", read_only=True) as wh:
        assert state_of(wh.con) == clean_state
        ids = wh.con.execute("SELECT count(*), count(DISTINCT id) FROM claims").fetchone()
        assert ids is not None and ids[0] == ids[1]  # no id was handed out twice
        docs = wh.con.execute("SELECT count(*), count(DISTINCT id), count(DISTINCT source) FROM documents").fetchone()
        assert docs == (5 * COPIES,) * 3

    srv = Server.__new__(Server)  # serve the lake: it writes no sidecar, so wait for health instead
    srv.port = _free_port()
    srv.url = f"http://127.0.0.1:{srv.port}"
    srv.proc = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--db", str(lake), "--port", str(srv.port)],
                                cwd=REPO_ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_healthy(srv.url)
        before = httpx.get(f"{srv.url}/api/claims", params={"limit": 1}).json()["total"]
        extra = tmp_path / "extra"
        extra.mkdir()
        (extra / "new-card.md").write_text("# ZetaNet card\n\nZetaNet reaches 91.5% accuracy on AIME 2024.\n")
        assert cli("ingest", str(extra), "--db", f"{lake}/").returncode == 0
        deadline = time.monotonic() + 30
        while httpx.get(f"{srv.url}/api/claims", params={"limit": 1}).json()["total"] == before:
            assert time.monotonic() < deadline, "the server never saw the new document"
            time.sleep(0.2)
        models = {m["name"] for m in httpx.get(f"{srv.url}/api/models").json()}
        assert "ZetaNet" in models
    finally:
        srv.stop()
    # The CLI's queries read the lake too (in-process: no need for another interpreter start).
    from typer.testing import CliRunner

    from api.cli import app

    board = CliRunner().invoke(app, ["leaderboard", "AIME 2024", "--db", f"{lake}/", "--format", "json"])
    assert board.exit_code == 0, board.stderr
    assert any(row["model"] == "ZetaNet" for row in json.loads(board.stdout)["rows"])


def _wait_healthy(url: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/api/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline, f"{url} never became healthy"
        time.sleep(0.2)


def test_documents_posted_to_a_served_lake_are_stored_once_and_reviewed(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient
    from pydantic import SecretStr

    from api.app import create_app
    from schemas import Settings

    lake = tmp_path / "lake"
    lake.mkdir()
    doc = {"source": "kappa.md", "text": "# KappaNet\n\nKappaNet reaches 61.5% accuracy on AIME 2024.\n"}
    with TestClient(create_app(Settings(db=str(lake), api_key=SecretStr("k")))) as client:
        h = {"X-API-Key": "k"}
        first = client.post("/api/documents", json=doc, headers=h)
        assert first.status_code == 201 and first.json()["status"] == "added", first.text
        again = client.post("/api/documents", json=doc, headers=h)
        assert again.status_code == 201 and again.json()["status"] == "unchanged"
        claim_id = first.json()["claims"][0]["id"]
        patched = client.patch(f"/api/claims/{claim_id}", json={"review_status": "verified"}, headers=h)
        assert patched.status_code == 200 and patched.json()["review_status"] == "verified", patched.text
        assert client.get(f"/api/claims/{claim_id}").json()["review_status"] == "verified"
        undone = client.post(f"/api/claims/{claim_id}/undo", headers=h)
        assert undone.status_code == 200 and undone.json()["review_status"] == "unreviewed", undone.text
