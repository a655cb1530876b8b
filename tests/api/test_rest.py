"""The REST API against real DuckDB files: reads, caching headers, errors, writes and their guards."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import SecretStr

from api.app import create_app
from schemas import Leaderboard, Settings
from tests.support.paths import SEEDS_DIR

KEY = "test-key-123"


def client_for(db: str, **overrides: object) -> TestClient:
    settings = Settings(db=db, **overrides)  # type: ignore[arg-type]
    return TestClient(create_app(settings))


@pytest.fixture
def reader(handmade_db: str) -> Iterator[TestClient]:
    """A server with no API key: read-only, writes refused."""
    with client_for(handmade_db) as client:
        yield client


@pytest.fixture
def writer(handmade_db: str, writable_copy: Callable[[str], str]) -> Iterator[TestClient]:
    """A server with an API key over its own copy of the hand-made warehouse."""
    with client_for(writable_copy(handmade_db), api_key=SecretStr(KEY), max_request_bytes=4000,
                    max_page_size=20) as client:
        yield client


# ---- reads ------------------------------------------------------------------------------------

def test_healthz(reader: TestClient) -> None:
    r = reader.get("/api/healthz")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"
    assert r.json()["writes_enabled"] is False


def test_benchmarks_and_models_carry_counts(reader: TestClient) -> None:
    benchmarks = {b["name"]: b["claims"] for b in reader.get("/api/benchmarks").json()}
    assert benchmarks["AIME 2024"] >= 5
    models = {m["name"] for m in reader.get("/api/models").json()}
    assert {"AlphaNet", "BetaLM", "GammaCoder"} <= models


def test_leaderboard_ranks_best_first_with_quotes(reader: TestClient) -> None:
    r = reader.get("/api/leaderboard", params={"benchmark": "AIME 2024"})
    assert r.status_code == 200
    board = Leaderboard.model_validate(r.json())
    assert [(row.rank, row.model, row.value) for row in board.rows] == [
        (1, "AlphaNet", 81.5), (2, "BetaLM", 70.2), (3, "GammaCoder", 64.0)]
    assert board.rows[0].sources[0].quote == "AlphaNet reaches 81.5% accuracy on AIME 2024"
    beta = board.rows[1]
    assert beta.support == 2, "the English report and the Chinese card both support BetaLM's 70.2"
    assert {s.source for s in beta.sources} == {"alpha-report.md", "beta-card.md"}


def test_leaderboard_accepts_an_alias(reader: TestClient) -> None:
    r = reader.get("/api/leaderboard", params={"benchmark": "AIME'24"})
    assert r.status_code == 200
    assert r.json()["benchmark"] == "AIME 2024"
    assert r.json()["rows"][0]["model"] == "AlphaNet"


def test_unknown_benchmark_is_404_with_suggestions(reader: TestClient) -> None:
    r = reader.get("/api/leaderboard", params={"benchmark": "AIME 202"})
    assert r.status_code == 404
    body = r.json()
    assert body["kind"] == "benchmark"
    assert "AIME 2024" in body["suggestions"]


def test_beats_lists_models_above_the_baseline_with_evidence(reader: TestClient) -> None:
    r = reader.get("/api/beats", params={"model": "GammaCoder", "benchmark": "AIME 2024"})
    assert r.status_code == 200
    rows = {row["model"]: row for row in r.json()["rows"]}
    assert set(rows) == {"AlphaNet", "BetaLM"}
    assert rows["AlphaNet"]["how"] == "both"
    quotes = {e["quote"] for e in rows["AlphaNet"]["evidence"]}
    assert "AlphaNet outperforms GammaCoder on AIME 2024" in quotes
    assert reader.get("/api/beats", params={"model": "NoSuchModel", "benchmark": "AIME 2024"}).status_code == 404


def test_claims_paginate_and_filter(reader: TestClient) -> None:
    page = reader.get("/api/claims", params={"benchmark": "AIME 2024", "kind": "score", "limit": 2}).json()
    assert page["total"] == 4
    assert len(page["items"]) == 2
    rest = reader.get("/api/claims", params={"benchmark": "AIME 2024", "kind": "score", "limit": 2, "offset": 2}).json()
    assert {c["id"] for c in page["items"]}.isdisjoint(c["id"] for c in rest["items"])
    for claim in page["items"] + rest["items"]:
        assert claim["kind"] == "score" and claim["quote"]


@pytest.mark.parametrize("params", [
    {"limit": 501}, {"limit": 0}, {"offset": -1}, {"kind": "opinion"}, {"review_status": "maybe"},
])
def test_bad_claim_parameters_are_422(reader: TestClient, params: dict[str, object]) -> None:
    r = reader.get("/api/claims", params=params)
    assert r.status_code == 422
    assert "detail" in r.json()


def test_unknown_sort_is_a_clear_400(reader: TestClient) -> None:
    r = reader.get("/api/claims", params={"sort": "value; DROP TABLE claims"})
    assert r.status_code == 400
    assert "unknown sort" in r.json()["detail"]


@pytest.mark.parametrize("evil", [
    "AIME 2024' OR '1'='1", "'; DROP TABLE claims; --", "AIME\" UNION SELECT * FROM claims --", "%", "_",
])
def test_injection_strings_are_harmless(reader: TestClient, evil: str) -> None:
    for path, params in [("/api/leaderboard", {"benchmark": evil}), ("/api/beats", {"model": evil, "benchmark": evil}),
                         ("/api/claims", {"model": evil}), ("/api/claims", {"source": evil})]:
        r = reader.get(path, params=params)
        assert r.status_code in (200, 404), (path, r.status_code, r.text)
        assert r.headers["content-type"].startswith(("application/json", "application/problem+json"))
    # Nothing was dropped or widened.
    assert reader.get("/api/claims", params={"limit": 1}).json()["total"] == 6
    assert reader.get("/api/claims", params={"source": "%"}).json()["total"] == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=60), field=st.sampled_from(["benchmark", "metric", "setting", "model", "sort"]))
def test_any_text_in_any_parameter_is_never_a_server_error(reader: TestClient, name: str, field: str) -> None:
    path, params = {
        "benchmark": ("/api/leaderboard", {"benchmark": name}),
        "metric": ("/api/leaderboard", {"benchmark": "AIME 2024", "metric": name}),
        "setting": ("/api/leaderboard", {"benchmark": "AIME 2024", "setting": name}),
        "model": ("/api/beats", {"model": name, "benchmark": "AIME 2024"}),
        "sort": ("/api/claims", {"sort": name}),
    }[field]
    r = reader.get(path, params=params)
    assert r.status_code < 500, (params, r.text)
    assert r.headers["content-type"].startswith(("application/json", "application/problem+json"))


def test_etag_revalidation_gives_304(reader: TestClient) -> None:
    first = reader.get("/api/leaderboard", params={"benchmark": "AIME 2024"})
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    again = reader.get("/api/leaderboard", params={"benchmark": "AIME 2024"}, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    other = reader.get("/api/leaderboard", params={"benchmark": "GPQA Diamond"}, headers={"If-None-Match": etag})
    assert other.status_code == 200
    listed = reader.get("/api/leaderboard", params={"benchmark": "AIME 2024"},
                        headers={"If-None-Match": f'"stale", W/{etag}'})
    assert listed.status_code == 304


def test_repeated_reads_are_identical_answers(reader: TestClient) -> None:
    """The second request is served from the answer cache before routing; it must say the same."""
    params = {"benchmark": "AIME 2024", "metric": "accuracy"}
    first, second = (reader.get("/api/leaderboard", params=params) for _ in range(2))
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert first.headers["etag"] == second.headers["etag"]
    assert first.headers["content-type"] == second.headers["content-type"]
    missing = [reader.get("/api/beats", params={"model": "Nobody", "benchmark": "AIME 2024"}) for _ in range(2)]
    assert [r.status_code for r in missing] == [404, 404]
    assert missing[0].json() == missing[1].json()


def test_exports(reader: TestClient) -> None:
    csv = reader.get("/api/export.csv", params={"benchmark": "AIME 2024"})
    assert csv.status_code == 200
    assert csv.headers["content-type"].startswith("text/csv")
    assert 'filename="AIME_2024.csv"' in csv.headers["content-disposition"]
    lines = csv.text.splitlines()
    assert "model" in lines[0] and "AlphaNet" in lines[1]
    everything = reader.get("/api/export.json")
    assert everything.status_code == 200
    data = everything.json()
    assert len(data if isinstance(data, list) else data["claims"]) == 6
    parquet = reader.get("/api/export.parquet")
    assert parquet.status_code == 200 and parquet.content[:4] == b"PAR1"
    assert reader.get("/api/export.xlsx").status_code == 422
    assert reader.get("/api/export.csv", params={"benchmark": "NoSuchBench"}).status_code == 404


def test_openapi_documents_typed_responses(reader: TestClient) -> None:
    spec = reader.get("/openapi.json").json()
    for path in ("/api/healthz", "/api/benchmarks", "/api/models", "/api/leaderboard", "/api/beats", "/api/claims",
                 "/api/documents", "/api/claims/{claim_id}", "/api/export.{fmt}"):
        assert path in spec["paths"], path
    ok = spec["paths"]["/api/leaderboard"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/Leaderboard")
    assert "X-API-Key" in json.dumps(spec["components"]["securitySchemes"])
    assert reader.get("/docs").status_code == 200


def test_dashboard_and_assets_are_served_locally(reader: TestClient) -> None:
    page = reader.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "/static/app.js" in page.text and "http://" not in page.text.replace("http://www.w3.org", "")
    for asset in ("/static/app.js", "/static/style.css"):
        assert reader.get(asset).status_code == 200
    assert reader.get("/api/nothing-here").status_code == 404


def test_cors_is_off_by_default_and_configurable(handmade_db: str) -> None:
    origin = "https://leaderboard.example"
    with client_for(handmade_db) as plain:
        assert "access-control-allow-origin" not in plain.get("/api/healthz", headers={"Origin": origin}).headers
    with client_for(handmade_db, cors_origins=[origin]) as cors:
        r = cors.get("/api/healthz", headers={"Origin": origin})
        assert r.headers["access-control-allow-origin"] == origin
        pre = cors.options("/api/documents", headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                                                      "Access-Control-Request-Headers": "X-API-Key"})
        assert pre.status_code == 200


# ---- writes -------------------------------------------------------------------------------------

DOC = {"source": "delta-card.md",
       "text": "# DeltaNet: a test model\n\nDeltaNet 在 AIME 2024 上的准确率为 88.8%。\n"}


def test_writes_are_refused_without_a_configured_key(reader: TestClient) -> None:
    r = reader.post("/api/documents", json=DOC, headers={"X-API-Key": "anything"})
    assert r.status_code == 503
    assert "no API key" in r.json()["detail"]
    assert reader.patch("/api/claims/1", json={"review_status": "verified"}).status_code == 503


def test_writes_need_the_right_key(writer: TestClient) -> None:
    assert writer.post("/api/documents", json=DOC).status_code == 401
    assert writer.post("/api/documents", json=DOC, headers={"X-API-Key": "wrong"}).status_code == 403
    assert writer.patch("/api/claims/1", json={"review_status": "verified"}).status_code == 401


def test_posted_document_is_extracted_stored_and_ranked(writer: TestClient) -> None:
    before = writer.get("/api/leaderboard", params={"benchmark": "AIME 2024"})
    r = writer.post("/api/documents", json=DOC, headers={"X-API-Key": KEY})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "added"
    scores = [c for c in body["claims"] if c["kind"] == "score"]
    assert any(c["model"] == "DeltaNet" and c["value"] == 88.8 for c in scores)
    for claim in body["claims"]:
        assert DOC["text"][claim["start"]:claim["end"]] == claim["quote"]
    # The cached leaderboard is invalidated by the write: the new model now leads.
    after = writer.get("/api/leaderboard", params={"benchmark": "AIME 2024"},
                       headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200
    assert after.json()["rows"][0]["model"] == "DeltaNet"
    again = writer.post("/api/documents", json=DOC, headers={"X-API-Key": KEY})
    assert again.status_code == 201 and again.json()["status"] == "unchanged"


@pytest.mark.parametrize("payload", [
    {"source": "x.md"}, {"text": "AlphaNet reaches 1% on AIME 2024."}, {"source": "../etc/passwd", "text": "hi"},
    {"source": "x.md", "text": "   \n  "}, {"source": "x.md", "text": "hi", "backend": "magic"},
])
def test_bad_documents_are_rejected_clearly(writer: TestClient, payload: dict[str, str]) -> None:
    r = writer.post("/api/documents", json=payload, headers={"X-API-Key": KEY})
    assert r.status_code == 422, r.text
    assert r.json()["detail"]


def test_oversized_body_is_413(writer: TestClient) -> None:
    big = {"source": "big.md", "text": "AlphaNet " * 1000}
    r = writer.post("/api/documents", json=big, headers={"X-API-Key": KEY})
    assert r.status_code == 413
    assert "larger than" in r.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is enforced while reading
        yield b'{"source": "big.md", "text": "'
        for _ in range(100):
            yield b"x" * 100
        yield b'"}'

    r = writer.post("/api/documents", content=chunks(), headers={"X-API-Key": KEY, "Content-Type": "application/json"})
    assert r.status_code == 413


def test_review_status_changes_and_is_visible(writer: TestClient) -> None:
    board = writer.get("/api/leaderboard", params={"benchmark": "AIME 2024"}).json()
    claim_id = board["rows"][0]["sources"][0]["claim_id"]
    r = writer.patch(f"/api/claims/{claim_id}", json={"review_status": "verified"}, headers={"X-API-Key": KEY})
    assert r.status_code == 200
    assert r.json()["review_status"] == "verified"
    assert writer.get(f"/api/claims/{claim_id}").json()["review_status"] == "verified"
    verified = writer.get("/api/claims", params={"review_status": "verified"}).json()
    assert [c["id"] for c in verified["items"]] == [claim_id]
    bad = writer.patch(f"/api/claims/{claim_id}", json={"review_status": "great"}, headers={"X-API-Key": KEY})
    assert bad.status_code == 422
    missing = writer.patch("/api/claims/999999", json={"review_status": "verified"}, headers={"X-API-Key": KEY})
    assert missing.status_code == 404


def test_page_size_follows_settings(writer: TestClient) -> None:
    assert writer.get("/api/claims", params={"limit": 20}).status_code == 200
    assert writer.get("/api/claims", params={"limit": 21}).status_code == 422


# ---- the seed warehouse ------------------------------------------------------------------------

def test_seed_leaderboard_quotes_are_verbatim(seed_db: str) -> None:
    with client_for(seed_db) as client:
        board = client.get("/api/leaderboard", params={"benchmark": "AIME 2024"}).json()
    assert board["rows"], "the rules extractor finds AIME 2024 scores in the seeds"
    for row in board["rows"]:
        for src in row["sources"]:
            text = (SEEDS_DIR / src["source"]).read_text(encoding="utf-8")
            assert src["quote"] in text


def test_docs_page_works_offline(reader: TestClient) -> None:
    page = reader.get("/docs")
    assert page.status_code == 200
    assert "cdn.jsdelivr" not in page.text and "unpkg.com" not in page.text
    bundle = page.text.split('src="')[1].split('"')[0]
    assert reader.get(bundle).status_code == 200
