"""The served API under a real ``benchclaims serve`` process, and CLI mistakes (issue 13).

Real subprocesses on 127.0.0.1 and real DuckDB files in tmp dirs; nothing of ours is patched.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from api.cli import app as cli_app
from schemas import Extraction, ScoreClaim
from schemas.documents import Document
from tests.support.handmade import handmade_extractions
from tests.support.paths import REPO_ROOT


def _env(**extra: str) -> dict[str, str]:
    # (the regex cache folder stays: conftest points it at the test session's own, not the user's ~/.cache)
    env = {k: v for k, v in os.environ.items() if not k.startswith("BENCHCLAIMS_") or k == "BENCHCLAIMS_RE_CACHE"}
    env["PYTHONPATH"] = str(REPO_ROOT)
    env.update(extra)
    return env


def cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=REPO_ROOT, env=_env(**env), capture_output=True,
                          text=True, timeout=300)


def one_line_no_traceback(stderr: str) -> bool:
    return len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr


class Server:
    """``benchclaims serve`` in its own process; ``url`` once its sidecar says it listens."""

    def __init__(self, db: Path, **env: str) -> None:
        self.db = db
        self.sidecar = db.with_name(db.name + ".server.json")
        self.proc = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--db", str(db), "--port", "0"],
                                     cwd=REPO_ROOT, env=_env(**env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True)
        deadline = time.monotonic() + 60
        while not self.sidecar.exists():
            if self.proc.poll() is not None:
                raise AssertionError(f"serve exited early: {self.proc.stderr.read() if self.proc.stderr else ''}")
            assert time.monotonic() < deadline, "serve did not write its sidecar within 60 s"
            time.sleep(0.1)
        import json

        self.info = json.loads(self.sidecar.read_text())
        self.url = self.info["url"]

    def rss_kb(self) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _handmade(path: Path) -> Path:
    from warehouse import Warehouse

    with Warehouse(path) as wh:
        wh.store_many(handmade_extractions(), wh.start_run("rules"))
    return path


# ---- CLI mistakes: one line, exit 1 or 2 -------------------------------------------------------

def test_export_to_an_existing_folder_is_one_line(tmp_path: Path) -> None:
    db = _handmade(tmp_path / "h.duckdb")
    folder = tmp_path / "out"
    folder.mkdir()
    r = CliRunner().invoke(cli_app, ["export", "--db", str(db), "--format", "csv", "--out", str(folder)])
    assert r.exit_code == 1
    assert one_line_no_traceback(r.stderr) and "folder" in r.stderr


def test_serve_on_an_impossible_port_is_a_usage_error() -> None:
    r = CliRunner().invoke(cli_app, ["serve", "--port", "99999"])
    assert r.exit_code == 2
    assert one_line_no_traceback(r.stderr) and "99999" in r.stderr


def test_serve_on_a_busy_port_is_one_line_exit_1(tmp_path: Path) -> None:
    db = _handmade(tmp_path / "h.duckdb")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        r = cli("serve", "--db", str(db), "--port", str(busy.getsockname()[1]))
    assert r.returncode == 1, r.stderr
    assert one_line_no_traceback(r.stderr) and "in use" in r.stderr


# ---- forwarding to a running server ------------------------------------------------------------

TABLE_BENCHMARKS = ["MMLU", "GSM8K", "MATH-500", "HumanEval", "MBPP", "GPQA Diamond", "AIME 2024", "AIME 2025",
                    "LiveCodeBench", "HellaSwag"]


def table_document(path: Path, models: int = 60) -> Path:
    """A results table of ``models`` x 10 benchmarks: 600 score claims for the rules extractor."""
    lines = ["# Results of the Foo family", "", "Table 1: accuracy (%) of every model.", "",
             "| Model | " + " | ".join(TABLE_BENCHMARKS) + " |", "|---|" + "---|" * len(TABLE_BENCHMARKS)]
    for i in range(models):
        values = [f"{(i * 7 + j * 3) % 50 + 40}.{(i + j) % 10}" for j in range(len(TABLE_BENCHMARKS))]
        lines.append(f"| Foo-{i + 1}B | " + " | ".join(values) + " |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Server]:
    server = Server(_handmade(tmp_path / "served.duckdb"))
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.slow
def test_a_600_claim_document_ingested_through_a_server_reports_600(served: Server, tmp_path: Path) -> None:
    doc = table_document(tmp_path / "table.md")
    local = cli("extract", str(doc))
    assert len(local.stdout.splitlines()) == 600
    r = cli("ingest", str(doc), "--db", str(served.db))
    assert r.returncode == 0, r.stderr
    assert f"via {served.url}" in r.stderr and "(600 claims stored)" in r.stderr, r.stderr
    page = httpx.get(served.url + "/api/claims", params={"source": "table.md", "limit": 1}).json()
    assert page["total"] == 600


@pytest.mark.slow
@pytest.mark.parametrize("instance", ["stale-instance", "the server's own"])
def test_a_stale_sidecar_never_answers_for_another_warehouse(served: Server, tmp_path: Path, instance: str) -> None:
    """A sidecar for a.duckdb whose (alive) pid and URL now belong to a server of another warehouse."""
    from warehouse.owner import write_sidecar

    a = tmp_path / "a.duckdb"
    from warehouse import Warehouse

    with Warehouse(a) as wh:  # a: one document, one claim
        wh.store_many(handmade_extractions()[1:], wh.start_run("rules"))
    write_sidecar(a, served.url, "some-token", served.info["instance"] if instance != "stale-instance" else instance)
    out = tmp_path / "a.json"
    r = cli("export", "--db", str(a), "--format", "json", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert served.url not in r.stderr
    import json

    assert len(json.loads(out.read_text())) == 1  # a's one claim, not the served warehouse's six


# ---- limits of the served API ------------------------------------------------------------------

def _synthetic(path: Path, documents: int = 200, per_document: int = 50) -> Path:
    """A mid-size warehouse (10 000 claims over 200 documents) written through the real store."""
    from warehouse import Warehouse

    extractions = []
    for d in range(documents):
        lines = [f"Model-{d}-{k} reaches {40 + (d + k) % 50}.5% accuracy on AIME 2024." for k in range(per_document)]
        text = "# Report\n\n" + "\n".join(lines) + "\n"
        source = f"doc-{d}.md"
        doc = Document(source=source, path=source, text=text, media_type="text/markdown",
                       sha256=hashlib.sha256(text.encode()).hexdigest())
        claims = []
        for k, line in enumerate(lines):
            s = text.index(line)
            claims.append(ScoreClaim(model=f"Model-{d}-{k}", benchmark="AIME 2024", value=40 + (d + k) % 50 + 0.5,
                                     unit="%", metric="accuracy", quote=line, source=source, section="Report",
                                     start=s, end=s + len(line), extractor="rules"))
        extractions.append(Extraction(document=doc, claims=claims))  # type: ignore[arg-type]
    with Warehouse(path) as wh:
        wh.store_many(extractions, wh.start_run("rules"))
    return path


@pytest.mark.slow
def test_junk_query_parameters_do_not_grow_the_server(tmp_path: Path) -> None:
    server = Server(_synthetic(tmp_path / "mid.duckdb"))
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            size = len(client.get("/api/export.json").content)
            assert size > 3_000_000  # every junk answer would have been this big
            before = server.rss_kb()
            statuses = {client.get("/api/export.json", params={"junk": n}).status_code for n in range(150)}
            grown_mb = (server.rss_kb() - before) / 1024
    finally:
        server.stop()
    print(f"\n150 junk requests: export.json {size / 1e6:.1f} MB, server grew {grown_mb:.1f} MB")
    assert statuses == {400}
    assert grown_mb < 50


@pytest.mark.slow
def test_silent_connections_are_dropped_and_capped(tmp_path: Path) -> None:
    server = Server(_handmade(tmp_path / "h.duckdb"), BENCHCLAIMS_HEADER_TIMEOUT="1", BENCHCLAIMS_MAX_CONNECTIONS="20")
    host, port = server.url.removeprefix("http://").split(":")
    silent: list[socket.socket] = []
    try:
        for _ in range(40):
            s = socket.create_connection((host, int(port)), timeout=5)
            s.sendall(b"GET /api/healthz HTTP/1.1\r\nHost: x\r\n")  # headers never finished
            silent.append(s)
        time.sleep(0.3)
        over = httpx.get(server.url + "/api/healthz", timeout=10)
        assert over.status_code == 503  # over the connection limit: refused at once, not queued
        started = time.monotonic()
        for s in silent:
            assert s.recv(1024) == b""  # closed by the server
        assert time.monotonic() - started < 5
        assert httpx.get(server.url + "/api/healthz", timeout=10).status_code == 200
    finally:
        for s in silent:
            s.close()
        server.stop()
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_a_file_name_with_control_characters_stays_one_escaped_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil\x1b[2Jname\x07.txt").write_bytes(bytes(range(256)) * 8)
    r = cli("extract", str(folder))
    assert r.returncode == 1
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr
    assert "evil\\x1b[2Jname\\x07.txt: binary content" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
