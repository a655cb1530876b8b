"""Property-based fuzzing of the whole REST API from its own OpenAPI document (schemathesis).

The app runs in-process over ASGI against a writable copy of the hand-made warehouse, with
the API key sent so the write endpoints are exercised too. For every operation, schemathesis
generates valid (positive) and schema-violating (negative) parameters and bodies; the server
must never answer 5xx. The example count is bounded so the module stays well under a minute
on a 2-core CI machine. (Schemathesis' own pytest plugin does not load under pytest 9 yet, so
the strategies are driven through hypothesis directly.)
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from pydantic import SecretStr
from schemathesis import checks

from api.app import create_app
from schemas import Settings
from tests.support.handmade import HANDMADE, handmade_extractions

KEY = "fuzz-key-0123456789"
MAX_EXAMPLES = 15
TALLY = {"requests": 0, "server_errors": 0}
OPERATIONS = [("GET", "/api/healthz"), ("GET", "/api/benchmarks"), ("GET", "/api/models"),
              ("GET", "/api/documents"), ("GET", "/api/documents/{doc_id}"),
              ("GET", "/api/leaderboard"), ("GET", "/api/beats"), ("GET", "/api/claims"),
              ("GET", "/api/claims/{claim_id}"), ("GET", "/api/export.{fmt}"),
              ("POST", "/api/documents"), ("PATCH", "/api/claims/{claim_id}")]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from warehouse import Warehouse

    db = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    with Warehouse(db) as wh:
        wh.store_many(handmade_extractions(), wh.start_run("rules"))
    assert HANDMADE
    # api_fetch off: a generated {"url": ...} must not make the server reach out (nothing in tests leaves the machine)
    app = create_app(Settings(db=str(db), api_key=SecretStr(KEY), max_page_size=50, max_request_bytes=20_000,
                              api_fetch=False))
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    print(f"\nschemathesis: {TALLY['requests']} requests, {TALLY['server_errors']} server errors")
    shutil.rmtree(Path(db).parent, ignore_errors=True)


def test_the_schema_lists_every_operation(api_schema: Any) -> None:
    labels = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert set(OPERATIONS) <= labels


POSITIVE, NEGATIVE = schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE
NO_INPUT = {"/api/healthz", "/api/benchmarks", "/api/models"}  # nothing to violate: no negative cases exist
CASES = [(m, p, POSITIVE) for m, p in OPERATIONS] + [(m, p, NEGATIVE) for m, p in OPERATIONS if p not in NO_INPUT]


@pytest.mark.parametrize(("method", "path", "mode"), CASES)
def test_no_request_is_a_server_error(api_schema: Any, method: str, path: str,
                                      mode: schemathesis.GenerationMode) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case) -> None:
        response = case.call(headers={"X-API-Key": KEY})
        TALLY["requests"] += 1
        if response.status_code >= 500:
            TALLY["server_errors"] += 1
        assert response.status_code < 500, (f"{case.method} {case.formatted_path} query={case.query!r} "
                                            f"body={str(case.body)[:200]!r} -> {response.status_code} "
                                            f"{response.text[:300]}")
        # Every answer is documented: its status, its media type and its shape.
        case.validate_response(response, checks=[checks.status_code_conformance, checks.content_type_conformance,
                                                 checks.response_schema_conformance])

    run()
