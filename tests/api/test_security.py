"""Security properties of the API and the server: keys, size limits, no SQL from input, no path
traversal, secrets never echoed, logged or written anywhere but the owner-only sidecar token."""

from __future__ import annotations

import ast
import base64
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from schemas import Settings
from tests.support.handmade import handmade_extractions
from tests.support.paths import REPO_ROOT

KEY = "test-key-7f3a9c"
TOKEN = "server-token-0b1d2e"
DOC = {"source": "delta-card.md", "text": "# DeltaNet\n\nDeltaNet 在 AIME 2024 上的准确率为 88.8%。\n"}


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from warehouse import Warehouse

    path = tmp_path_factory.mktemp("template") / "w.duckdb"
    with Warehouse(path) as wh:
        wh.store_many(handmade_extractions(), wh.start_run("rules"))
    return path


@pytest.fixture
def db(template_db: Path, tmp_path: Path) -> str:
    """Each test writes to its own copy of the template warehouse."""
    path = tmp_path / "data" / "w.duckdb"
    path.parent.mkdir()
    shutil.copy(template_db, path)
    return str(path)


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    settings = Settings(db=db, api_key=SecretStr(KEY), max_request_bytes=6000, max_file_bytes=3000, max_page_size=20)
    with TestClient(create_app(settings, server_token=TOKEN)) as c:
        yield c


# ---- keys ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("headers", "status"), [
    ({}, 401), ({"X-API-Key": ""}, 401), ({"X-API-Key": "wrong"}, 403), ({"X-API-Key": KEY + "x"}, 403),
    ({"X-API-Key": KEY[:-1]}, 403), ({"X-API-Key": "é".encode("latin-1") * 40}, 403), ({"X-API-Key": KEY.upper()}, 403),
    ({"X-API-Key": KEY}, 201), ({"X-API-Key": TOKEN}, 201),
])
def test_writes_need_the_api_key_or_the_server_token(client: TestClient, headers: dict[str, str | bytes],
                                                     status: int) -> None:
    r = client.post("/api/documents", json=DOC, headers=headers)
    assert r.status_code == status, r.text
    if status != 201:
        assert KEY not in r.text and TOKEN not in r.text


def test_keys_are_compared_in_constant_time() -> None:
    """The key check uses hmac.compare_digest on every configured key, never ``==``."""
    tree = ast.parse((REPO_ROOT / "api" / "limits.py").read_text())
    check = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "check_key")
    calls = {ast.unparse(n.func) for n in ast.walk(check) if isinstance(n, ast.Call)}
    assert "hmac.compare_digest" in calls
    compares = [n for n in ast.walk(check) if isinstance(n, ast.Compare)]
    assert all(not isinstance(op, ast.Eq | ast.NotEq) for c in compares for op in c.ops)


def test_writes_are_off_without_key_or_token(db: str) -> None:
    with TestClient(create_app(Settings(db=db))) as c:
        assert c.post("/api/documents", json=DOC, headers={"X-API-Key": "x"}).status_code == 503
        assert c.get("/api/healthz").json()["writes_enabled"] is False


# ---- limits ----------------------------------------------------------------------------------

def test_request_and_file_size_limits(client: TestClient) -> None:
    big = {"source": "big.md", "text": "AlphaNet " * 1000}
    assert client.post("/api/documents", json=big, headers={"X-API-Key": KEY}).status_code == 413
    raw = b"AlphaNet reaches 1% on AIME 2024.\n" * 100  # 3.4 kB: under the request limit, over the file limit
    r = client.post("/api/documents", headers={"X-API-Key": KEY},
                    json={"source": "raw.txt", "content_base64": base64.b64encode(raw).decode()})
    assert r.status_code == 413 and "too large" in r.json()["detail"]
    lying = client.post("/api/documents", content=b"{}", headers={"X-API-Key": KEY, "Content-Length": "abc"})
    assert lying.status_code in (400, 413)


@pytest.mark.parametrize("params", [{"limit": 21}, {"limit": 0}, {"limit": -1}, {"offset": -1},
                                    {"limit": 10**30}, {"offset": "1e9"}, {"offset": 2**63}])
def test_page_size_is_bounded(client: TestClient, params: dict[str, object]) -> None:
    assert client.get("/api/claims", params=params).status_code == 422


def test_bad_base64_and_ambiguous_bodies_are_422(client: TestClient) -> None:
    h = {"X-API-Key": KEY}
    assert client.post("/api/documents", headers=h, json={"source": "a.md", "content_base64": "!!!"}).status_code == 422
    both = {"source": "a.md", "text": "x", "content_base64": "eA=="}
    assert client.post("/api/documents", headers=h, json=both).status_code == 422


# ---- no SQL from input -----------------------------------------------------------------------

def _function_params(tree: ast.AST) -> dict[ast.AST, set[str]]:
    """Each node inside a function -> that function's parameter names."""
    owner: dict[ast.AST, set[str]] = {}
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef):
            names = {a.arg for a in [*fn.args.args, *fn.args.kwonlyargs, *fn.args.posonlyargs]}
            for node in ast.walk(fn):
                owner[node] = owner.get(node, set()) | names
    return owner


def test_no_sql_is_formatted_from_function_arguments() -> None:
    """Every query the warehouse runs is a constant, or formats only fixed fragments (never a parameter)."""
    offenders = []
    for path in sorted((REPO_ROOT / "warehouse").rglob("*.py")):
        tree = ast.parse(path.read_text())
        params = _function_params(tree)
        for call in ast.walk(tree):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                    and call.func.attr in ("execute", "executemany", "sql", "query") and call.args):
                continue
            query = call.args[0]
            if isinstance(query, ast.JoinedStr):
                used = {n.id for v in query.values if isinstance(v, ast.FormattedValue)
                        for n in ast.walk(v) if isinstance(n, ast.Name)}
                if used & params.get(call, set()):
                    offenders.append(f"{path.name}:{call.lineno} formats {used & params.get(call, set())}")
            elif isinstance(query, ast.BinOp | ast.Call):
                offenders.append(f"{path.name}:{call.lineno} builds its query inline: {ast.unparse(query)[:80]}")
    assert not offenders, offenders


@pytest.mark.parametrize("evil", ["'; DROP TABLE claims; --", "\" OR 1=1 --", "x') UNION SELECT * FROM runs --"])
def test_injection_through_every_write_field_is_stored_as_text(client: TestClient, evil: str) -> None:
    text = f"# {evil}\n\nAlphaNet reaches 12.5% accuracy on AIME 2024.\n"
    r = client.post("/api/documents", headers={"X-API-Key": KEY}, json={"source": f"{evil}.md", "text": text})
    assert r.status_code == 201, r.text
    assert client.get("/api/claims", params={"source": f"{evil}.md"}).json()["total"] >= 1
    assert client.get("/api/claims", params={"limit": 1}).json()["total"] > 1  # the table is still there


# ---- no path traversal -----------------------------------------------------------------------

@pytest.mark.parametrize("source", ["../../etc/passwd", "/etc/passwd", "..\\..\\win.ini", "a/../../b.md", "..", ".",
                                    "x\x00.md", "sub/dir.md"])
def test_document_source_must_be_a_plain_name(client: TestClient, source: str) -> None:
    r = client.post("/api/documents", headers={"X-API-Key": KEY}, json={"source": source, "text": "hello"})
    assert r.status_code == 422


def test_posted_documents_never_touch_the_file_system(client: TestClient, db: str, tmp_path: Path) -> None:
    before = sorted(p for p in tmp_path.rglob("*") if not p.name.endswith(".wal"))
    for source in ["passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "...md", "COM1", "con.md"]:
        r = client.post("/api/documents", headers={"X-API-Key": KEY},
                        json={"source": source, "text": "AlphaNet reaches 33.5% accuracy on AIME 2024."})
        assert r.status_code == 201, (source, r.text)
        assert r.json()["source"] == source  # stored verbatim as a name
        for claim in r.json()["claims"]:
            assert "root:" not in claim["quote"]  # nothing was read from /etc/passwd
    after = sorted(p for p in tmp_path.rglob("*") if not p.name.endswith(".wal"))
    assert after == before


@pytest.mark.parametrize("url", ["/static/..%2F..%2Fapi%2Fapp.py", "/static/%2e%2e/%2e%2e/pyproject.toml",
                                 "/static/..%5c..%5capi%5capp.py", "/api/export.csv%2F..%2F..%2Fetc%2Fpasswd"])
def test_static_and_export_paths_do_not_escape(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (404, 422), (url, r.status_code)
    assert "import" not in r.text and "root:" not in r.text


def test_export_filename_header_cannot_be_injected(client: TestClient) -> None:
    r = client.get("/api/export.csv", params={"benchmark": "AIME 2024\r\nSet-Cookie: a=b"})
    assert "set-cookie" not in r.headers
    assert "\n" not in r.headers.get("content-disposition", "")


# ---- secrets ----------------------------------------------------------------------------------

def test_settings_never_show_secrets() -> None:
    s = Settings(api_key=SecretStr(KEY), llm_api_key=SecretStr("sk-llm-secret"))
    assert KEY not in repr(s) and "sk-llm-secret" not in repr(s) and KEY not in str(s.model_dump())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_server_keeps_secrets_out_of_sidecar_responses_and_logs(db: str, tmp_path: Path) -> None:
    secret, llm_secret = "env-api-key-5e6f7a8b", "sk-llm-1a2b3c4d"
    # (the regex cache folder stays: conftest points it at the test session's own, not the user's ~/.cache)
    env = {k: v for k, v in os.environ.items() if not k.startswith("BENCHCLAIMS_") or k == "BENCHCLAIMS_RE_CACHE"}
    env.update(PYTHONPATH=str(REPO_ROOT), BENCHCLAIMS_API_KEY=secret, BENCHCLAIMS_LLM_API_KEY=llm_secret)
    port = _free_port()
    log = tmp_path / "serve.log"
    sidecar = Path(db + ".server.json")
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--db", db, "--port", str(port)],
                                cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while not sidecar.exists():
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.1)
            assert stat.S_IMODE(sidecar.stat().st_mode) == 0o600
            info = json.loads(sidecar.read_text())
            assert secret not in sidecar.read_text() and llm_secret not in sidecar.read_text()
            assert len(info["token"]) >= 32
            base = f"http://127.0.0.1:{port}"
            bodies = [httpx.get(base + u).text for u in ("/api/healthz", "/openapi.json", "/api/claims?limit=5")]
            wrong = httpx.post(base + "/api/documents", json=DOC, headers={"X-API-Key": "nope"})
            ok = httpx.post(base + "/api/documents", json=DOC, headers={"X-API-Key": info["token"]})
            assert wrong.status_code == 403 and ok.status_code == 201
            bodies += [wrong.text, ok.text]
            for body in bodies:
                assert secret not in body and llm_secret not in body and info["token"] not in body
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    text = log.read_text()
    assert secret not in text and llm_secret not in text and info["token"] not in text
    assert not sidecar.exists()
