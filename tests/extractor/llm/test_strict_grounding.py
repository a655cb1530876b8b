"""Strict grounding: invented names, values from the neighbouring cell, and one re-ask per chunk."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from extractor.llm.backend import LLMExtractor
from extractor.llm.grounding import Grounder, name_in_chunk
from extractor.llm.prefilter import build_chunks
from extractor.tables.grid import find_tables
from schemas import Document, ScoreClaim, ScoreFacts, Section, Settings
from tests.support.fake_openai import FakeOpenAI, Reply, excerpt_text

TEXT = ("# Wren\n\nWren-8B beats GPT-4o on GSM8K (81.4 vs. 80.1), and the Ultra tier of GPT is slower.\n\n"
        "| Model | MMLU | GSM8K |\n|---|---|---|\n| Wren-8B | 66.1 | 81.4 |\n| Heron-7B | 61.5 | 70.2 |\n")


def _doc() -> Document:
    return Document(source="w.md", path="w.md", text=TEXT, sha256="0" * 64,
                    sections=[Section(title="Wren", start=0, end=len(TEXT), subject="Wren-8B")])


def test_an_invented_name_is_dropped_even_where_its_words_occur() -> None:
    context = "wren8bbeatsgpt4oongsm8k(81.4vs80.1),andtheultratierofgptisslower"
    assert not name_in_chunk("GPT-7-Ultra", context)
    assert name_in_chunk("GPT-4o", context) and name_in_chunk("Wren-8B (ours)", context)
    assert name_in_chunk("previous models", context) and name_in_chunk("baseline", context)
    assert name_in_chunk("existing GPT models", context)  # a description: its name-like words occur
    assert not name_in_chunk("existing Claude models", context)
    assert name_in_chunk("CodeLlama-13B", "codellama的7b13b和34b版本")  # family and size both written


def test_a_full_claim_with_the_neighbouring_cell_value_is_dropped() -> None:
    doc = _doc()
    chunk = next(c for c in build_chunks(doc, tables=True) if "| Wren-8B" in c.text)
    g = Grounder(doc, chunk, "llm:m", grids=find_tables(TEXT))
    row = "| Wren-8B | 66.1 | 81.4 |"
    ok = g.ground(ScoreFacts(model="Wren-8B", benchmark="GSM8K", value=81.4, quote=row))
    assert ok.claim is not None and ok.claim.quote == row
    shifted = g.ground(ScoreFacts(model="Wren-8B", benchmark="MMLU", value=81.4, quote=row))
    assert shifted.claim is None and "not the cell" in (shifted.reason or "")
    other_row = g.ground(ScoreFacts(model="Heron-7B", benchmark="GSM8K", value=81.4, quote=row))
    assert other_row.claim is None


GOOD = {"kind": "score", "model": "Wren-8B", "benchmark": "GSM8K", "value": 81.4, "unit": "score",
        "quote": "Wren-8B beats GPT-4o on GSM8K (81.4 vs. 80.1)"}
INVENTED = dict(GOOD, model="GPT-7-Ultra", value=80.1)


class InventsFirst:
    """The first answer per chunk carries an invented name instead of a real claim; later answers are right."""

    def __init__(self, always: bool = False) -> None:
        self.always, self.seen = always, {}  # type: ignore[var-annotated]
        self._lock = threading.Lock()

    def __call__(self, body: dict[str, Any]) -> Reply:
        chunk = excerpt_text(body)
        with self._lock:
            k = self.seen[chunk] = self.seen.get(chunk, 0) + 1
        if GOOD["quote"] not in chunk:
            return Reply(claims=[])
        return Reply(claims=[INVENTED] if (k == 1 or self.always) else [GOOD])


@pytest.mark.parametrize("always", [False, True], ids=["corrected", "insists"])
def test_one_reask_per_chunk_with_drops_then_the_drops_are_reported(always: bool) -> None:
    pytest.importorskip("instructor")
    responder = InventsFirst(always)
    text = TEXT.split("| Model")[0]
    doc = Document(source="w.md", path="w.md", text=text, sha256="0" * 64)
    with FakeOpenAI(responder) as server:
        settings = Settings(llm_base_url=server.base_url, llm_model="m", llm_mode="json_schema", llm_retries=1)
        result = LLMExtractor(settings).extract(doc)
    asked = [r for r in server.requests if GOOD["quote"] in excerpt_text(r)]
    assert len(asked) == 2  # the answer, one re-ask: never more
    first, reask = asked[0]["messages"], asked[1]["messages"]
    # the re-ask starts with exactly the first request (a prefix-cache hit) and adds only the feedback
    assert [m["role"] for m in reask] == ["system", "user"]
    assert reask[1]["content"].startswith(first[1]["content"])
    feedback = reask[1]["content"][len(first[1]["content"]):]
    assert "GPT-7-Ultra" in feedback and "dropped" in feedback
    values = [(c.model, c.value) for c in result.claims if isinstance(c, ScoreClaim)]
    assert ("GPT-7-Ultra", 80.1) not in values
    if always:
        assert values == [] and result.stats.dropped_ungrounded == 2
        assert len(result.stats.errors) == 1 and "still dropped by grounding after a re-ask" in result.stats.errors[0]
    else:
        assert values == [("Wren-8B", 81.4)] and result.stats.dropped_ungrounded == 1
        assert result.stats.errors == []
