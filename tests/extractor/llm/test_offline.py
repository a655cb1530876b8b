"""The offline path (``extractor.llm.offline``): the LLM backend over a batch engine instead of an HTTP server.

The engine is faked through its own protocol (``tests.support.fake_engine.FakeEngine``: a batch of chat
requests in, responses with usage out), answering exactly as the fake OpenAI server would; the
claims must be the HTTP path's, because prompts, grounding, re-asks and salvage are the same code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from api.cli import app
from extractor.files import read_document
from extractor.llm.backend import LLMExtractor
from extractor.llm.hybrid import HybridExtractor
from extractor.llm.offline import (
    ChatRequest,
    EngineUnavailable,
    RayDataLLMEngine,
    build_engine,
    check_engine,
    from_row,
    ray_preprocess,
    to_row,
)
from extractor.pipeline import prepare
from schemas import Extraction, ScoreClaim, Settings
from tests.support.fake_engine import FakeEngine
from tests.support.fake_openai import INVENTED_VALUE, FakeOpenAI, GoldResponder
from tests.support.paths import SEEDS_DIR, SEEDS_GOLD

SUBSET = ["000_89d5b39adc3541eb.txt", "002_50d41dcaebe4524c.txt"]

needs_gold = pytest.mark.skipif(not SEEDS_GOLD.exists(), reason="gold file not available")


def _gold() -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in SEEDS_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["source"] in SUBSET]


def _docs() -> list[Any]:
    return [prepare(read_document(SEEDS_DIR / name)) for name in SUBSET]


def _facts(results: list[Extraction]) -> list[tuple[Any, ...]]:
    return sorted((r.document.source, c.kind, c.start, c.end, c.model, c.benchmark, getattr(c, "value", None),
                   getattr(c, "baseline", None)) for r in results for c in r.claims)


@needs_gold
def test_offline_claims_are_the_http_paths_and_each_round_is_one_batch() -> None:
    gold = _gold()
    with FakeOpenAI(GoldResponder(gold)) as server:
        settings = Settings(llm_base_url=server.base_url, llm_model="gold", llm_timeout=5)
        by_http = LLMExtractor(settings).extract_many(_docs())
    engine = FakeEngine(GoldResponder(gold))
    extractor = LLMExtractor(Settings(llm_model="gold"), engine=engine)
    offline = extractor.extract_many(_docs())
    assert _facts(offline) == _facts(by_http) and len(_facts(offline)) >= 0.95 * len(gold)
    # the same requests, gathered: every chunk of both documents in the first batch, re-asks after
    first_asks = sum(r.stats.llm_chunks for r in offline)
    assert extractor.last_batches[0] == first_asks and len(extractor.last_batches) <= 3
    sent = {r.messages[1]["content"] for r in engine.batches[0]}
    assert sent == {b["messages"][1]["content"] for b in server.requests if "Note:" not in b["messages"][1]["content"]}
    assert all(r.json_schema is not None and r.repetition_penalty == 1.0 for b in engine.batches for r in b)
    stats = [r.stats for r in offline]
    assert sum(s.prompt_tokens for s in stats) > 0 and sum(s.completion_tokens for s in stats) > 0
    assert sum(s.requests for s in stats) == sum(len(b) for b in engine.batches)


@needs_gold
def test_offline_faults_are_grounded_and_reasked_as_over_http() -> None:
    gold = _gold()
    responder = GoldResponder(gold, error_rate=0.10, garbage_rate=0.10, invent_rate=0.3)
    results = LLMExtractor(Settings(llm_model="gold"), engine=FakeEngine(responder)).extract_many(_docs())
    assert responder.injected["garbage"] and responder.injected["invented"]
    claims = [c for r in results for c in r.claims]
    assert not any(isinstance(c, ScoreClaim) and c.value == INVENTED_VALUE for c in claims)
    assert all(r.document.text[c.start:c.end] == c.quote for r in results for c in r.claims)
    assert sum(r.stats.reasks for r in results) > 0 and sum(r.stats.dropped_ungrounded for r in results) > 0
    assert len(claims) >= 0.9 * len(gold)  # a failed request falls back to rules for its chunk only


@needs_gold
def test_an_answer_cut_at_max_tokens_is_salvaged_and_its_chunk_split() -> None:
    gold = _gold()
    extractor = LLMExtractor(Settings(llm_model="gold"), engine=FakeEngine(GoldResponder(gold)), max_tokens=400)
    results = extractor.extract_many(_docs())
    assert sum(r.stats.truncated for r in results) > 0  # the fake cuts at max_tokens, with finish_reason length
    assert len(_facts(results)) >= 0.9 * len(gold) and all(r.stats.fallback_chunks == 0 for r in results)


def test_a_failing_engine_loses_no_document() -> None:
    doc = prepare(read_document(SEEDS_DIR / SUBSET[1]))
    engine = FakeEngine(GoldResponder([]), fail="CUDA out of memory")
    llm = LLMExtractor(Settings(llm_model="gold"), engine=engine)
    result = llm.extract(doc)
    assert result.stats.fallback_chunks == result.stats.llm_chunks + result.stats.fallback_chunks > 0
    assert result.claims and any("CUDA out of memory" in e for e in result.stats.errors)
    hybrid = HybridExtractor(Settings(llm_model="gold"),
                             llm=LLMExtractor(Settings(llm_model="gold"), engine=engine, use_fallback=False,
                                              send_tables=False))
    assert hybrid.extract(doc).claims  # the rules' claims stand


def test_a_ray_data_row_carries_the_messages_the_schema_and_the_sampling_parameters() -> None:
    request = ChatRequest(messages=[{"role": "system", "content": "S"}, {"role": "user", "content": "U"}],
                          max_tokens=100, json_schema={"type": "object"}, repetition_penalty=1.0)
    row = to_row(7, request)
    assert all(isinstance(v, (int, str, list)) for v in row.values())  # flat columns Arrow can type
    assert ray_preprocess(row) == {"request_index": 7, "messages": request.messages,
                                   "sampling_params": {"temperature": 0.0, "max_tokens": 100, "repetition_penalty": 1.0,
                                                       "structured_outputs": {"json": {"type": "object"}}}}
    older = ray_preprocess(to_row(0, request, "guided_decoding"))["sampling_params"]
    assert older["guided_decoding"] == {"json": {"type": "object"}} and "structured_outputs" not in older
    done = from_row({"generated_text": '{"claims": []}', "num_input_tokens": 50, "num_generated_tokens": 12}, request)
    assert (done.text, done.finish_reason, done.prompt_tokens, done.completion_tokens) == ('{"claims": []}', "stop", 50, 12)
    assert from_row({"generated_text": "{", "num_input_tokens": 5, "num_generated_tokens": 100}, request).finish_reason == "length"
    assert from_row({"__inference_error__": "boom"}, request).error == "boom"


def test_engines_are_chosen_by_setting_and_import_nothing_heavy_until_used(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    gold = tmp_path / "gold.jsonl"  # the fake engine's answers: any gold file will do (a clean clone has no ../shared)
    gold.write_text("", encoding="utf-8")
    monkeypatch.setenv("BENCHCLAIMS_TEST_GOLD", str(gold))
    assert build_engine(Settings()) is None  # http: the server path
    engine = build_engine(Settings(llm_engine="ray-data", llm_chat_template_kwargs={"enable_thinking": False}))
    assert isinstance(engine, RayDataLLMEngine) and engine.engine_kwargs["generation_config"] == "vllm"
    assert "vllm" not in sys.modules
    assert isinstance(build_engine(Settings(llm_engine="tests.support.fake_engine:gold_engine")), FakeEngine)
    with pytest.raises(EngineUnavailable, match="BENCHCLAIMS_LLM_ENGINE='nonsense'"):
        build_engine(Settings(llm_engine="nonsense"))
    with pytest.raises(EngineUnavailable, match="vllm is not installed"):
        check_engine(Settings(llm_engine="vllm"))


@needs_gold
@pytest.mark.slow
def test_ingest_engine_ray_with_an_offline_engine_stores_the_claims(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SUBSET:
        (tmp_path / name).write_bytes((SEEDS_DIR / name).read_bytes())
    db = tmp_path / "w.duckdb"
    monkeypatch.setenv("BENCHCLAIMS_LLM_ENGINE", "tests.support.fake_engine:gold_engine")
    monkeypatch.setenv("BENCHCLAIMS_LLM_MODEL", "gold")
    monkeypatch.setenv("BENCHCLAIMS_LLM_BASE_URL", "http://127.0.0.1:9/v1")  # nothing listens: no server is asked
    result = CliRunner().invoke(app, ["ingest", *[str(tmp_path / n) for n in SUBSET], "--db", str(db),
                                      "--backend", "llm", "--engine", "ray"])
    assert result.exit_code == 0, result.output
    summary = [line for line in result.stderr.splitlines() if line.startswith("llm: ")]
    assert len(summary) == 1 and "0 fell back to rules" in summary[0] and "tokens: prompt" in summary[0]
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:  # what the run cost is stored with it, as for --engine local
        (stats,) = con.execute("SELECT stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()  # type: ignore[misc]
    spent = json.loads(stats)["llm"]
    assert spent["llm_chunks"] >= 2 and spent["prompt_tokens"] > 0 and spent["completion_tokens"] > 0
    out = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "json", "--out", str(tmp_path / "c.json")])
    assert out.exit_code == 0, out.output
    stored = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert len(stored) >= 0.95 * len(_gold())
    assert all(c["extractor"] == "llm:gold" for c in stored)
