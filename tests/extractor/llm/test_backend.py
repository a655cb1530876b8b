"""The llm backend against a real HTTP server on 127.0.0.1 speaking the OpenAI chat API.

Every fault is injected at the HTTP level and goes through the real openai client and
instructor: 500 and 429 (retried by openai), a timeout (retried), non-JSON text and
schema-invalid JSON (re-asked by instructor), a claim with a number not in the text
(dropped by grounding), and a chunk that never succeeds (rules fallback).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import pytest

from extractor.base import get_extractor
from extractor.llm import MemoryCache, build_llm
from extractor.llm.backend import LLMExtractor
from extractor.llm.hybrid import HybridExtractor, merge_claims
from schemas import ComparisonClaim, Document, Extraction, ScoreClaim, Settings
from tests.support.fake_openai import FAST_RETRY, FakeOpenAI, Reply, excerpt_text, first_user_text, is_reask
from tests.support.paths import REPO_ROOT

TEXT = (
    "# QuillRAG: Retrieval for Long Inputs\n"
    "QuillRAG 在 HotpotQA 上的 EM 达到 48.5，比 BarNet 高出 3.2 分。\n"
    "The weather was nice that day and nobody counted anything.\n"
    "# Appendix\n"
    "On MMLU, QuillRAG scores 71.0 while Llama-3-8B scores 66.6.\n"
)

GOOD_SCORE = {"kind": "score", "model": "QuillRAG", "benchmark": "HotpotQA", "metric": "EM", "value": 48.5,
              "unit": "score", "quote": "QuillRAG 在 HotpotQA 上的 EM 达到 48.5"}
GOOD_COMPARISON = {"kind": "comparison", "model": "QuillRAG", "baseline": "BarNet", "relation": "outperforms",
                   "delta": 3.2, "unit": "points", "benchmark": "HotpotQA", "quote": "比 BarNet 高出 3.2 分"}
GOOD_MMLU = {"kind": "score", "model": "QuillRAG", "benchmark": "MMLU", "value": 71.0, "unit": "score",
             "quote": "On MMLU, QuillRAG scores 71.0"}


def _doc(text: str = TEXT, source: str = "quill.md") -> Document:
    return Document(source=source, path=source, text=text, sha256="0" * 64)


def answer_by_chunk(body: dict[str, Any]) -> Reply:
    """The right claims for whichever chunk was asked."""
    chunk = excerpt_text(body)
    claims = [c for c in (GOOD_SCORE, GOOD_COMPARISON, GOOD_MMLU) if c["quote"] in chunk]
    return Reply(claims=claims)


def _settings(server: FakeOpenAI, **kw: Any) -> Settings:
    base: dict[str, Any] = {"llm_base_url": server.base_url, "llm_model": "fake-model", "llm_timeout": 2.0,
                            "llm_retries": 2, "llm_concurrency": 4}
    base.update(kw)
    return Settings(**base)


def _extract(responder: Callable[[dict[str, Any]], Reply], doc: Document | None = None, pack: bool = False,
             **kw: Any) -> tuple[Extraction, FakeOpenAI]:
    """One request per section (``pack=False``) keeps each fault below to one section's chunk."""
    with FakeOpenAI(responder) as server:
        ex = LLMExtractor(_settings(server, **kw), pack_sections=pack)
        result = ex.extract(doc or _doc())
    return result, server


def _values(result: Extraction) -> set[float | None]:
    return {c.value if isinstance(c, ScoreClaim) else c.delta for c in result.claims}


class FlakyThenGood:
    """Fails the first ``n`` requests of every chunk with ``reply``, then answers correctly."""

    def __init__(self, fault: Reply, n: int = 1) -> None:
        self.fault, self.n = fault, n
        self.seen: dict[str, int] = {}
        self._lock = threading.Lock()

    def __call__(self, body: dict[str, Any]) -> Reply:
        key = excerpt_text(body)
        with self._lock:
            k = self.seen.get(key, 0)
            self.seen[key] = k + 1
        return self.fault if k < self.n else answer_by_chunk(body)


def test_claims_come_back_grounded_with_exact_offsets_and_sections() -> None:
    result, server = _extract(answer_by_chunk)
    assert result.extractor == "llm:fake-model"
    assert len(result.claims) == 3
    for c in result.claims:
        assert TEXT[c.start:c.end] == c.quote
        assert c.extractor == "llm:fake-model"
    by_value = {(c.value if isinstance(c, ScoreClaim) else c.delta): c for c in result.claims}
    assert by_value[71.0].section == "Appendix"
    assert isinstance(by_value[3.2], ComparisonClaim) and by_value[3.2].baseline == "BarNet"
    assert result.stats.requests == 2 and result.stats.fallback_chunks == 0 and result.stats.errors == []
    # the prefilter kept the narrative sentence out of every request
    assert all("weather" not in json.dumps(r, ensure_ascii=False) for r in server.requests)


def test_small_sections_share_one_request_each_with_its_own_section_context() -> None:
    result, server = _extract(answer_by_chunk, pack=True)
    assert len(server.requests) == 1
    user = server.requests[0]["messages"][1]["content"]
    assert user.startswith("Section: QuillRAG: Retrieval for Long Inputs") and "\n\nSection: Appendix\n" in user
    by_value = {(c.value if isinstance(c, ScoreClaim) else c.delta): c for c in result.claims}
    assert len(result.claims) == 3 and by_value[71.0].section == "Appendix"
    assert by_value[48.5].section == "QuillRAG: Retrieval for Long Inputs"
    for c in result.claims:
        assert TEXT[c.start:c.end] == c.quote


def test_each_request_carries_the_section_title_and_the_versioned_system_prompt() -> None:
    _, server = _extract(answer_by_chunk)
    users = [r["messages"][1]["content"] for r in server.requests]
    assert any(u.startswith("Section: QuillRAG: Retrieval for Long Inputs") for u in users)
    assert any(u.startswith("Section: Appendix") for u in users)
    assert all(r["messages"][0]["role"] == "system" and "ClaimList" in r["messages"][0]["content"]
               for r in server.requests)
    assert all(r["temperature"] == 0 for r in server.requests)


def test_tools_mode_sends_a_named_tool_choice_with_the_claim_schema() -> None:
    """What instructor 1.17 really sends in TOOLS mode: vLLM enforces a named tool's parameters."""
    _, server = _extract(answer_by_chunk, llm_mode="tools")
    body = server.requests[0]
    assert body["tool_choice"] == {"type": "function", "function": {"name": "ClaimList"}}
    params = body["tools"][0]["function"]["parameters"]
    assert "claims" in params["properties"] and "ScoreFacts" in params["$defs"]
    assert "response_format" not in body


def test_json_schema_mode_is_the_default_and_the_request_body_is_pinned() -> None:
    """instructor 1.17 JSON_SCHEMA: response_format type json_schema with the schema (vLLM structured outputs
    enforce it, and the schema stays out of the prompt); repetition_penalty 1.0 against the model's
    generation_config; chat_template_kwargs only when set."""
    result, server = _extract(answer_by_chunk)
    body = server.requests[0]
    assert sorted(body) == ["max_tokens", "messages", "model", "repetition_penalty", "response_format", "temperature"]
    fmt = body["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["name"] == "ClaimList" and "claims" in fmt["json_schema"]["schema"]["properties"]
    assert body["repetition_penalty"] == 1.0 and body["temperature"] == 0 and body["max_tokens"] == 4096
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert "ScoreFacts" not in json.dumps(body["messages"])  # the schema is not in the prompt
    assert len(result.claims) == 3
    _, server = _extract(answer_by_chunk, llm_chat_template_kwargs={"enable_thinking": False}, llm_max_tokens=2048)
    body = server.requests[0]
    assert body["chat_template_kwargs"] == {"enable_thinking": False} and body["max_tokens"] == 2048
    assert body["repetition_penalty"] == 1.0 and body["response_format"]["type"] == "json_schema"


@pytest.mark.parametrize("fault", [
    Reply(status=500, headers=FAST_RETRY),
    Reply(status=429, headers=FAST_RETRY),
], ids=["http500", "http429"])
def test_server_errors_are_retried(fault: Reply) -> None:
    responder = FlakyThenGood(fault, n=2)
    result, server = _extract(responder)
    assert len(result.claims) == 3 and result.stats.fallback_chunks == 0
    assert len(server.requests) == 2 * 3  # two chunks, two failures + one success each


def test_a_timeout_is_retried() -> None:
    responder = FlakyThenGood(Reply(delay=1.5, claims=[]), n=1)
    result, server = _extract(responder, llm_timeout=0.3, llm_retries=2)
    assert len(result.claims) == 3 and result.stats.fallback_chunks == 0
    assert len(server.requests) == 4


@pytest.mark.parametrize("fault", [
    Reply(content="I think the answer is that QuillRAG is good."),
    Reply(arguments='{"claims": [{"kind": "score", "model": "QuillRAG"}]}'),  # value and quote missing
    Reply(arguments='{"claims": [{"kind": "score", "model": "QuillRAG", "value": "high", "quote": "x"'),  # cut off
], ids=["non-json", "schema-invalid", "truncated-json"])
@pytest.mark.parametrize("mode", ["json_schema", "tools"])
def test_invalid_output_is_reasked_with_the_validation_error(fault: Reply, mode: str) -> None:
    responder = FlakyThenGood(fault, n=1)
    result, server = _extract(responder, llm_mode=mode)
    assert len(result.claims) == 3 and result.stats.fallback_chunks == 0
    reasks = [r for r in server.requests if "was not valid JSON" in first_user_text(r)]
    assert len(reasks) == 2 and len(server.requests) == 4  # one re-ask per chunk
    for r in reasks:
        # the same message with a short note naming the error; the bad answer is not sent back
        assert not is_reask(r) and [m["role"] for m in r["messages"]] == ["system", "user"]
        assert any(first_user_text(r).startswith(first_user_text(q) + "\n\nNote:") for q in server.requests if q is not r)
        note = first_user_text(r).rsplit("Note:", 1)[1]
        assert len(note) < 300 and ("JSON" in note or "required" in note)
        for leaked in (fault.content, fault.arguments):
            assert not leaked or leaked not in first_user_text(r)


def test_a_claim_with_a_number_not_in_the_text_never_comes_out() -> None:
    def inventing(body: dict[str, Any]) -> Reply:
        reply = answer_by_chunk(body)
        assert reply.claims is not None
        if reply.claims:
            reply.claims = reply.claims + [dict(reply.claims[0], value=93.1)]
        return reply

    result, server = _extract(inventing)
    assert 93.1 not in _values(result)
    # each of the 2 chunks is re-asked once (the server invents again): 2 x 2 claims dropped, and reported
    assert len(result.claims) == 3 and result.stats.dropped_ungrounded == 4
    assert len(server.requests) == 4 and result.stats.reasks == 2
    assert len(result.stats.errors) == 2 and all("after a re-ask" in e and "93.1" in e for e in result.stats.errors)


def test_a_grounding_reask_sends_only_the_excerpt_of_the_dropped_claim() -> None:
    text = ("# Results\n"
            "On MMLU, QuillRAG scores 71.0 while Llama-3-8B scores 66.6.\n"
            "Nothing in this line is a result, it only separates the two paragraphs.\n"
            "QuillRAG 在 HotpotQA 上的 EM 达到 48.5，比 BarNet 高出 3.2 分。\n")

    def invents_on_hotpotqa(body: dict[str, Any]) -> Reply:
        reply = answer_by_chunk(body)
        assert reply.claims is not None
        if "Note:" not in first_user_text(body):
            reply.claims = reply.claims + [dict(GOOD_SCORE, value=93.1)]
        return reply

    result, server = _extract(invents_on_hotpotqa, _doc(text))
    assert len(server.requests) == 2 and result.stats.reasks == 1 and result.stats.dropped_ungrounded == 1
    first, again = (first_user_text(r) for r in server.requests)
    assert "On MMLU" in first and "HotpotQA" in first
    assert "HotpotQA" in again and "On MMLU" not in again  # only the paragraph whose claim was dropped
    assert again.startswith("Section: Results") and "93.1" in again
    assert 93.1 not in _values(result) and {71.0, 48.5, 3.2} <= _values(result)


def test_a_chunk_that_keeps_failing_falls_back_to_rules_and_the_document_survives() -> None:
    def mmlu_chunk_broken(body: dict[str, Any]) -> Reply:
        if "MMLU" in excerpt_text(body):
            return Reply(status=500, headers=FAST_RETRY)
        return answer_by_chunk(body)

    result, server = _extract(mmlu_chunk_broken)
    assert result.stats.fallback_chunks == 1
    assert len(result.stats.errors) == 1 and "quill.md" in result.stats.errors[0]
    assert "InternalServerError" in result.stats.errors[0] or "500" in result.stats.errors[0]
    llm_claims = [c for c in result.claims if c.extractor.startswith("llm:")]
    assert {c.value if isinstance(c, ScoreClaim) else c.delta for c in llm_claims} == {48.5, 3.2}
    # whatever the rules backend found comes only from the failed chunk's text
    for c in result.claims:
        assert TEXT[c.start:c.end] == c.quote
        if not c.extractor.startswith("llm:"):
            assert c.start >= TEXT.index("On MMLU")
    assert len([r for r in server.requests if "MMLU" in excerpt_text(r)]) == 3  # 1 + llm_retries


def test_unreachable_server_loses_no_document() -> None:
    with FakeOpenAI(answer_by_chunk) as server:
        settings = _settings(server, llm_retries=0)
    # server is shut down now: connection refused
    result = LLMExtractor(settings, pack_sections=False).extract(_doc())
    assert result.stats.fallback_chunks == 2 and len(result.stats.errors) == 2
    assert result.document.source == "quill.md"


def test_cache_hits_skip_the_server() -> None:
    cache = MemoryCache()
    with FakeOpenAI(answer_by_chunk) as server:
        ex = LLMExtractor(_settings(server), cache, pack_sections=False)
        first = ex.extract(_doc())
        n = len(server.requests)
        second = ex.extract(_doc())
    assert n == 2 and len(server.requests) == 2
    assert second.stats.cache_hits == 2 and second.stats.requests == 0
    assert [c.model_dump() for c in first.claims] == [c.model_dump() for c in second.claims]
    assert len(cache.data) == 2


def test_concurrency_never_exceeds_the_setting() -> None:
    text = "".join(f"# Part {i}\nQuillRAG 在 HotpotQA 上的 EM 达到 48.5。\n" for i in range(12))
    with FakeOpenAI(answer_by_chunk, delay=0.05) as server:
        ex = LLMExtractor(_settings(server, llm_concurrency=3), pack_sections=False)
        results = ex.extract_many([_doc(text, f"d{i}.md") for i in range(3)])
    assert server.max_in_flight == 3
    assert [len(r.claims) for r in results] == [12, 12, 12]


def test_get_extractor_builds_both_backends_from_settings() -> None:
    with FakeOpenAI(answer_by_chunk) as server:
        s = _settings(server)
        llm = get_extractor("llm", s)
        hybrid = get_extractor("hybrid", s)
        assert llm.name == "llm" and hybrid.name == "hybrid"
        assert len(llm.extract(_doc()).claims) == 3
        assert isinstance(build_llm(s, MemoryCache()).cache, MemoryCache)


def test_hybrid_merges_rules_and_llm_without_duplicates() -> None:
    with FakeOpenAI(answer_by_chunk) as server:
        hybrid = HybridExtractor(_settings(server))
        result = hybrid.extract(_doc())
        rules = get_extractor("rules").extract(_doc())
    assert result.extractor == "hybrid"
    llm_claims = [c for c in result.claims if c.extractor.startswith("llm:")]
    assert len(llm_claims) == 3
    for r in rules.claims:  # every rules claim is either kept or duplicated by an LLM claim
        assert r in result.claims or any(
            c.kind == r.kind and c.start < r.end and r.start < c.end for c in llm_claims)
    keys = [(c.kind, c.start, c.end, c.model, c.value if isinstance(c, ScoreClaim) else c.baseline)
            for c in result.claims]
    assert len(keys) == len(set(keys))


def test_merge_prefers_the_llm_copy_of_the_same_statement() -> None:
    llm = ScoreClaim(model="QuillRAG", benchmark="HotpotQA", metric="EM", value=48.5, quote="EM 达到 48.5",
                     source="q", start=10, end=20, extractor="llm:m")
    rule = ScoreClaim(model="quillrag", benchmark="HotpotQA", value=48.5, quote="48.5", source="q", start=16, end=20)
    other = ScoreClaim(model="QuillRAG", benchmark="MMLU", value=71.0, quote="71.0", source="q", start=40, end=44)
    assert merge_claims([llm], [rule, other]) == [llm, other]


def test_extract_works_when_called_from_inside_a_running_event_loop() -> None:
    import asyncio

    with FakeOpenAI(answer_by_chunk) as server:
        ex = LLMExtractor(_settings(server))

        async def handler() -> Extraction:  # e.g. a sync call made from an async web handler
            return ex.extract(_doc())

        result = asyncio.run(handler())
    assert len(result.claims) == 3


def test_without_the_llm_extra_the_backend_says_which_extra_and_serve_still_imports() -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['instructor'] = None\n"
        "from extractor.base import get_extractor, BackendUnavailable\n"
        "import extractor.llm.serve\n"
        "try:\n    get_extractor('llm')\nexcept BackendUnavailable as e:\n    print('UNAVAILABLE', e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         cwd=str(REPO_ROOT))
    assert out.returncode == 0, out.stderr
    assert "UNAVAILABLE" in out.stdout and "[llm]" in out.stdout
