"""End to end on the seeds: a server answering from the gold file, clean and with faults injected.

The server answers each chunk with the gold claims whose quote lies inside it, so a
correct backend must give back exactly those claims with their offsets; with 10 % HTTP
errors, 10 % garbage and 15 % invented numbers it must still finish every document and
keep no invented number. Two seed files keep the test fast (the figures for all five
come from ``benchmarks/llm_e2e.py``).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from extractor.files import read_document
from extractor.llm.backend import LLMExtractor
from extractor.llm.grounding import numbers_in, value_in
from schemas import Extraction, ScoreClaim, Settings
from tests.support.fake_openai import INVENTED_VALUE, FakeOpenAI, GoldResponder
from tests.support.paths import SEEDS_DIR, SEEDS_GOLD

SUBSET = ["000_89d5b39adc3541eb.txt", "002_50d41dcaebe4524c.txt"]

pytestmark = pytest.mark.skipif(not SEEDS_GOLD.exists(), reason="gold file not available")


def _gold() -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in SEEDS_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["source"] in SUBSET]


def _run(responder: GoldResponder) -> list[Extraction]:
    docs = [read_document(SEEDS_DIR / name) for name in SUBSET]
    with FakeOpenAI(responder) as server:
        settings = Settings(llm_base_url=server.base_url, llm_model="gold", llm_timeout=5, llm_retries=3,
                            llm_concurrency=8)
        return LLMExtractor(settings, pack_sections=False).extract_many(docs)  # many requests: every fault occurs


def _recovered(gold: list[dict[str, Any]], results: list[Extraction]) -> int:
    by_source = {r.document.source: r for r in results}
    n = 0
    for g in gold:
        r = by_source[g["source"]]
        text = r.document.text
        start = text.find(g["quote"])
        if any(c.kind == g["kind"] and c.model == g["model"] and c.start == start and c.end == start + len(g["quote"])
               and c.quote == g["quote"] and getattr(c, "value", None) == g.get("value")
               and getattr(c, "baseline", None) == g.get("baseline") for c in r.claims):
            n += 1
    return n


def test_a_correct_server_gets_every_given_claim_back_with_its_offsets() -> None:
    gold = _gold()
    results = _run(GoldResponder(gold))
    assert _recovered(gold, results) == len(gold)
    assert all(r.stats.dropped_ungrounded == 0 and r.stats.fallback_chunks == 0 for r in results)


def test_with_errors_garbage_and_invented_numbers_no_document_is_lost_and_no_number_invented() -> None:
    gold = _gold()
    responder = GoldResponder(gold, error_rate=0.10, garbage_rate=0.10, invent_rate=0.15)
    results = _run(responder)
    assert [r.document.source for r in results] == SUBSET
    assert responder.injected["error"] and responder.injected["garbage"] and responder.injected["invented"]
    for r in results:
        for c in r.claims:
            assert r.document.text[c.start:c.end] == c.quote
            if isinstance(c, ScoreClaim):
                assert c.value != INVENTED_VALUE
                assert value_in(c.value, numbers_in(c.quote))
    assert sum(r.stats.dropped_ungrounded for r in results) >= responder.injected["invented"] > 0
    # retries absorb the faults: (almost) everything is still recovered
    assert _recovered(gold, results) >= 0.95 * len(gold)
