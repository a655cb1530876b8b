"""Defects found by probing the server (issue 13), each against a real DuckDB file in a tmp dir.

Junk query parameters, the byte-bounded answer cache, sources per row, the API key before the
body, the body timeout, problem documents and what OpenAPI promises.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from schemas import Extraction, ScoreClaim, Settings
from schemas.documents import Document
from tests.support.handmade import handmade_extractions

KEY = "hardening-key-0123"


def dense_document(source: str, model: str, n: int) -> Extraction:
    """One document repeating one model's AIME 2024 score ``n`` times (n supporting sources)."""
    line = f"{model} reaches 77.0% accuracy on AIME 2024."
    text = "# Dense\n\n" + "\n".join([line] * n) + "\n"
    doc = Document(source=source, path=source, text=text, media_type="text/markdown",
                   sha256=hashlib.sha256(text.encode()).hexdigest())
    claims = []
    start = text.index(line)
    for i in range(n):
        s = start + i * (len(line) + 1)
        claims.append(ScoreClaim(model=model, benchmark="AIME 2024", value=77.0, unit="%", metric="accuracy",
                                 quote=line, source=source, section="Dense", start=s, end=s + len(line),
                                 extractor="rules"))
    return Extraction(document=doc, claims=claims)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def dense_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from warehouse import Warehouse

    path = tmp_path_factory.mktemp("dense") / "dense.duckdb"
    with Warehouse(path) as wh:
        wh.store_many([*handmade_extractions(), dense_document("dense.md", "DenseNet", 1200)], wh.start_run("rules"))
    return str(path)


@pytest.fixture
def client(dense_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=dense_db, cache_max_bytes=200_000))) as c:
        yield c


def _is_problem(r: Any, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = r.json()
    assert body["status"] == status and body["title"] and isinstance(body["detail"], str)
    return body


# ---- 1. junk parameters and the cache --------------------------------------------------------

def test_unknown_query_parameters_are_a_400_problem_and_never_cached(client: TestClient) -> None:
    gateway = client.app.state.gateway  # type: ignore[attr-defined]
    for n in range(150):
        r = client.get("/api/export.json", params={"junk": n})
        body = _is_problem(r, 400)
        assert "junk" in body["detail"]
    assert gateway.cache_held_bytes == 0
    _is_problem(client.get("/api/leaderboard", params={"benchmark": "AIME 2024", "metrc": "accuracy"}), 400)
    assert client.get("/api/leaderboard", params={"benchmark": "AIME 2024", "metric": "accuracy"}).status_code == 200


def test_the_cache_is_keyed_on_normalised_parameters(client: TestClient) -> None:
    gateway = client.app.state.gateway  # type: ignore[attr-defined]
    first = client.get("/api/leaderboard?benchmark=AIME+2024&metric=accuracy&sources_limit=2")
    held = gateway.cache_held_bytes
    assert held > 0
    again = client.get("/api/leaderboard?sources_limit=2&metric=accuracy&benchmark=AIME%202024")
    assert again.headers["etag"] == first.headers["etag"]
    assert gateway.cache_held_bytes == held  # the same entry, not a second one


def test_the_cache_is_bounded_in_bytes(client: TestClient) -> None:
    gateway = client.app.state.gateway  # type: ignore[attr-defined]
    for n in range(1, 60):  # distinct, valid requests: each answer is cached until the bound
        assert client.get("/api/leaderboard", params={"benchmark": "AIME 2024", "sources_limit": n}).status_code == 200
        assert client.get("/api/claims", params={"offset": n}).status_code == 200
        assert gateway.cache_held_bytes <= 200_000
    assert gateway.cache_held_bytes > 100_000  # it does cache, up to the bound


# ---- 2. sources per row ----------------------------------------------------------------------

def test_leaderboard_rows_carry_a_few_sources_and_a_link_to_the_rest(client: TestClient) -> None:
    r = client.get("/api/leaderboard", params={"benchmark": "AIME 2024"})
    assert r.status_code == 200
    assert len(r.content) < 50_000  # 1200 sources would be ~400 kB
    dense = next(row for row in r.json()["rows"] if row["model"] == "DenseNet")
    assert len(dense["sources"]) == 5 and dense["sources_total"] == 1200
    rest = client.get(dense["more_sources"]).json()
    assert rest["total"] == 1200
    alpha = next(row for row in r.json()["rows"] if row["model"] == "AlphaNet")
    assert alpha["more_sources"] is None and alpha["sources_total"] == len(alpha["sources"])
    two = client.get("/api/leaderboard", params={"benchmark": "AIME 2024", "sources_limit": 2}).json()
    assert all(len(row["sources"]) <= 2 for row in two["rows"])
    _is_problem(client.get("/api/leaderboard", params={"benchmark": "AIME 2024", "sources_limit": 101}), 422)


def test_beats_evidence_is_capped_too(client: TestClient) -> None:
    r = client.get("/api/beats", params={"model": "GammaCoder", "benchmark": "AIME 2024", "sources_limit": 1})
    assert r.status_code == 200
    rows = r.json()["rows"]
    assert rows and all(len(row["evidence"]) <= 1 for row in rows)
    assert any(row["evidence_total"] > 1 and row["more_evidence"] for row in rows)


def test_the_cli_still_shows_every_source(dense_db: str) -> None:
    from warehouse import Warehouse

    with Warehouse(dense_db, read_only=True) as wh:
        row = next(r for r in wh.leaderboard("AIME 2024").rows if r.model == "DenseNet")
    assert len(row.sources) == row.sources_total == 1200


# ---- 7. the key before the body, body timeouts -----------------------------------------------

def _asgi(app: Any, method: str, path: str, headers: list[tuple[bytes, bytes]],
          receive_body: Any) -> tuple[int, bytes, int]:
    """Call the app over ASGI; returns status, body and how many times it asked for the request body."""
    asked = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal asked
        asked += 1
        return await receive_body()  # type: ignore[no-any-return]

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def run() -> None:
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
                 "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"",
                 "headers": headers, "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
        await app(scope, receive, send)

    asyncio.run(run())
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], body, asked


@pytest.fixture
def own_copy(dense_db: str, tmp_path: Path) -> str:
    db = tmp_path / "w.duckdb"
    db.write_bytes(Path(dense_db).read_bytes())
    return str(db)


@pytest.mark.parametrize(("key", "status"), [(None, 401), (b"wrong", 403)])
def test_the_api_key_is_checked_before_the_body_is_read(own_copy: str, key: bytes | None, status: int) -> None:
    app = create_app(Settings(db=own_copy, api_key=SecretStr(KEY)))

    async def endless() -> dict[str, Any]:  # a body that would take forever to arrive
        await asyncio.sleep(3600)
        return {"type": "http.request", "body": b"", "more_body": False}

    headers = [(b"content-type", b"application/json"), (b"content-length", b"4000000")]
    if key is not None:
        headers.append((b"x-api-key", key))
    got, body, asked = _asgi(app, "POST", "/api/documents", headers, endless)
    app.state.gateway.close()
    assert (got, asked) == (status, 0)
    assert json.loads(body)["status"] == status


def test_a_stalled_body_is_a_408(own_copy: str) -> None:
    app = create_app(Settings(db=own_copy, api_key=SecretStr(KEY), body_timeout=0.3))

    async def stalls() -> dict[str, Any]:
        await asyncio.sleep(3600)
        return {"type": "http.request", "body": b"", "more_body": False}

    headers = [(b"content-type", b"application/json"), (b"content-length", b"100"), (b"x-api-key", KEY.encode())]
    got, body, asked = _asgi(app, "POST", "/api/documents", headers, stalls)
    app.state.gateway.close()
    assert got == 408 and asked >= 1
    assert "not received" in json.loads(body)["detail"]


# ---- 8. problems and OpenAPI -----------------------------------------------------------------

def test_every_error_is_a_problem_document(own_copy: str) -> None:
    with TestClient(create_app(Settings(db=own_copy, api_key=SecretStr(KEY)))) as c:
        _is_problem(c.get("/api/claims", params={"sort": "nope"}), 400)
        unknown = _is_problem(c.get("/api/leaderboard", params={"benchmark": "AIMEE"}), 404)
        assert unknown["kind"] == "benchmark" and unknown["suggestions"]
        _is_problem(c.get("/api/claims", params={"limit": 0}), 422)
        _is_problem(c.post("/api/documents", content=b"{not json", headers={"X-API-Key": KEY,
                                                                           "Content-Type": "application/json"}), 400)
        _is_problem(c.post("/api/documents", json={"source": "x.md"}), 401)
        _is_problem(c.get("/api/nothing-here"), 404)


def test_openapi_documents_the_real_error_responses(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, method, statuses in [("/api/claims", "get", {"400", "404", "422"}),
                                   ("/api/leaderboard", "get", {"400", "404", "422"}),
                                   ("/api/export.{fmt}", "get", {"400", "404", "422"}),
                                   ("/api/documents", "post", {"400", "401", "403", "408", "413", "422", "503"}),
                                   ("/api/claims/{claim_id}", "patch", {"400", "401", "403", "404", "422"})]:
        responses = spec["paths"][path][method]["responses"]
        assert statuses <= set(responses), (path, method, set(responses))
        for status in statuses:
            assert "application/problem+json" in responses[status]["content"], (path, status)
    names = {p["name"] for p in spec["paths"]["/api/leaderboard"]["get"]["parameters"]}
    assert "sources_limit" in names


# ---- 6. CSV formula injection, control characters in names --------------------------------------

FORMULA_SOURCE = '=HYPERLINK("http://evil.example","x").md'
FORMULA_MODEL = "=cmd|' /C calc'!A0"


@pytest.fixture(scope="module")
def formula_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from warehouse import Warehouse

    text = f"# -2+3\n\n{FORMULA_MODEL} reaches 99.0% accuracy on AIME 2024.\n"
    quote = f"{FORMULA_MODEL} reaches 99.0% accuracy on AIME 2024"
    doc = Document(source=FORMULA_SOURCE, path=FORMULA_SOURCE, text=text, media_type="text/markdown",
                   sha256=hashlib.sha256(text.encode()).hexdigest())
    start = text.index(quote)
    claim = ScoreClaim(model=FORMULA_MODEL, benchmark="AIME 2024", value=99.0, unit="%", metric="accuracy",
                       quote=quote, source=FORMULA_SOURCE, section="-2+3", start=start, end=start + len(quote),
                       extractor="rules")
    path = tmp_path_factory.mktemp("formula") / "formula.duckdb"
    with Warehouse(path) as wh:
        wh.store_many([*handmade_extractions(), Extraction(document=doc, claims=[claim])], wh.start_run("rules"))
    return str(path)


def _cells(text: str) -> list[str]:
    import csv
    import io

    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _no_formula(cells: list[str]) -> None:
    for cell in cells:
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
            float(cell)  # only a number may start so


def test_csv_exports_have_no_cell_starting_with_a_formula(formula_db: str) -> None:
    with TestClient(create_app(Settings(db=formula_db))) as c:
        everything = c.get("/api/export.csv").text
        board = c.get("/api/export.csv", params={"benchmark": "AIME 2024"}).text
    for text in (everything, board):
        cells = _cells(text)
        assert "'" + FORMULA_MODEL in cells
        _no_formula(cells)
    assert "'" + FORMULA_SOURCE in _cells(everything) and "'-2+3" in _cells(everything)
    parquet_free = json.loads(TestClient(create_app(Settings(db=formula_db))).get("/api/export.json").text)
    assert any(row["model"] == FORMULA_MODEL for row in parquet_free)  # JSON keeps the name as stored


def test_cli_csv_has_no_cell_starting_with_a_formula(formula_db: str) -> None:
    from typer.testing import CliRunner

    from api.cli import app as cli_app

    r = CliRunner().invoke(cli_app, ["leaderboard", "AIME 2024", "--db", formula_db, "--format", "csv"])
    assert r.exit_code == 0, r.output
    cells = _cells(r.stdout)
    assert "'" + FORMULA_MODEL in cells and "'" + FORMULA_SOURCE in cells
    _no_formula(cells)


@pytest.mark.parametrize("source", ["evil\x1b[31m.md", "two\nlines.md", "bell\x07.md", "nul\x00.md", "c1\x9b.md",
                                    "sep\u2028.md"])
def test_control_characters_are_refused_in_posted_names(own_copy: str, source: str) -> None:
    with TestClient(create_app(Settings(db=own_copy, api_key=SecretStr(KEY)))) as c:
        r = c.post("/api/documents", json={"source": source, "text": "AlphaNet reaches 1% on AIME 2024."},
                   headers={"X-API-Key": KEY})
        _is_problem(r, 422)
        assert c.post("/api/documents", json={"source": "fine name (v2).md", "text": "AlphaNet reaches 1% on AIME 2024."},
                      headers={"X-API-Key": KEY}).status_code == 201


# ---- response time limit -------------------------------------------------------------------------

@pytest.mark.slow
def test_a_query_past_the_time_limit_is_interrupted_with_a_503(tmp_path: Path) -> None:
    from tests.api.test_server_limits import _synthetic

    db = str(_synthetic(tmp_path / "mid.duckdb"))
    with TestClient(create_app(Settings(db=db, query_time_limit=0.005))) as c:
        slow = c.get("/api/export.json")  # writing 10 000 claims as JSON takes 30-100 ms here
        body = _is_problem(slow, 503)
        assert "time limit" in body["detail"]
        assert c.app.state.gateway.cache_held_bytes == 0  # type: ignore[attr-defined]  # a 503 is never cached
        assert c.get("/api/healthz").status_code == 200  # the store is fine afterwards
    with TestClient(create_app(Settings(db=db, query_time_limit=0))) as c:
        assert c.get("/api/export.json").status_code == 200
