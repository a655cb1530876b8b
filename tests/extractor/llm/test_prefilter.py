"""The prefilter: what reaches the LLM, grouped by section, with offsets back into the document."""

from __future__ import annotations

import json

import pytest

from extractor.files import read_document
from extractor.llm.cache import MemoryCache, ResponseCache, cache_key
from extractor.llm.prefilter import build_chunks, chunk_header_len, focus
from extractor.llm.prompt import PROMPT_VERSION, PromptError, system_prompt
from schemas import Document
from tests.support.paths import SEEDS_DIR, SEEDS_GOLD

TEXT = (
    "# FooLM: A Small Model\n"
    "We thank the reviewers for their patience.\n"
    "FooLM reaches 81.4% on MATH-500, beating BarNet.\n"
    "The code is released under a permissive licence.\n"
    "\n"
    "| Model | MMLU | GSM8K |\n"
    "|---|---|---|\n"
    "| FooLM | 62.1 | 70.3 |\n"
    "| BarNet | 60.0 | 65.5 |\n"
    "\n"
    "# 相关工作\n"
    "该方法在 HotpotQA 上优于 BazRAG。\n"
    "天气很好。\n"
)


def _doc(text: str = TEXT) -> Document:
    return Document(source="foo.md", path="foo.md", text=text, sha256="0")


def test_chunks_hold_candidates_and_whole_tables_but_not_narrative() -> None:
    chunks = build_chunks(_doc())
    sent = "\n".join(c.text for c in chunks)
    assert "FooLM reaches 81.4% on MATH-500, beating BarNet." in sent
    assert "| FooLM | 62.1 | 70.3 |\n| BarNet | 60.0 | 65.5 |" in sent  # the table, whole
    assert "| Model | MMLU | GSM8K |" in sent  # with its header
    assert "该方法在 HotpotQA 上优于 BazRAG。" in sent
    assert "reviewers" not in sent and "licence" not in sent and "天气" not in sent


def test_a_chunk_never_mixes_sections_and_carries_its_title() -> None:
    chunks = build_chunks(_doc())
    titles = [c.section.title for c in chunks]
    assert titles == ["FooLM: A Small Model", "相关工作"]
    assert chunks[1].message.startswith("Section: 相关工作")
    assert "HotpotQA" not in chunks[0].text


def test_every_excerpt_is_verbatim_document_text_at_its_offsets() -> None:
    doc = _doc()
    for chunk in build_chunks(doc):
        for ex, off in zip(chunk.excerpts, chunk.offsets, strict=True):
            piece = doc.text[ex.start:ex.end]
            assert chunk.text[off:off + len(piece)] == piece
        assert chunk.message[chunk_header_len(chunk):] == chunk.text


def test_long_sections_are_split_between_excerpts() -> None:
    text = "# Big\n" + "".join(f"Model{i} scores {i}.5% on MMLU.\n\n" for i in range(200))
    chunks = build_chunks(_doc(text), max_chars=500)
    assert len(chunks) > 5
    assert all(len(c.text) <= 500 for c in chunks)
    assert sum(len(c.excerpts) for c in chunks) == 200


@pytest.mark.skipif(not SEEDS_GOLD.exists(), reason="gold file not available")
def test_gold_quotes_reach_the_llm_with_at_most_half_the_corpus() -> None:
    gold = [json.loads(line) for line in SEEDS_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus = sent = 0
    texts: dict[str, list[str]] = {}
    for path in sorted((SEEDS_DIR).glob("*.txt")):
        doc = read_document(path)
        chunks = build_chunks(doc)
        corpus += len(doc.text)
        sent += sum(len(c.text) for c in chunks)
        texts[doc.source] = [c.text for c in chunks]
    reached = sum(1 for g in gold if any(g["quote"] in t for t in texts.get(g["source"], [])))
    assert sent <= 0.5 * corpus
    assert reached >= 0.98 * len(gold)


def test_system_prompt_is_a_versioned_data_file() -> None:
    text = system_prompt(PROMPT_VERSION)
    assert "score" in text and "comparison" in text and "quote" in text
    with pytest.raises(PromptError, match="claims_v999.md"):
        system_prompt("claims_v999")


def test_cache_key_depends_on_model_prompt_version_and_message() -> None:
    k = cache_key("m", "v1", "text")
    assert k == cache_key("m", "v1", "text") and len(k) == 64
    assert len({k, cache_key("m2", "v1", "text"), cache_key("m", "v2", "text"), cache_key("m", "v1", "text2")}) == 4
    cache: ResponseCache = MemoryCache()
    assert cache.cache_get(k) is None
    cache.cache_put(k, "{}")
    assert cache.cache_get(k) == "{}"


def test_link_digits_are_no_numbers_and_broad_words_need_one() -> None:
    text = ("# Papers\n"
            "[Predictive Data Selection](https://arxiv.org/abs/2503.00808)\n"
            "大语言模型在解决复杂推理任务时表现出色。\n"
            "随着训练步数增长，模型准确度稳步提升到 50 左右。\n"
            "实验表明，该方法均优于现有最先进模型。\n")
    sent = "\n".join(c.text for c in build_chunks(_doc(text)))
    assert "arxiv" not in sent  # an arXiv id is not a result
    assert "表现出色" not in sent  # a broad word alone is narrative
    assert "模型准确度稳步提升到 50 左右" in sent  # a broad word with a number goes
    assert "均优于现有最先进模型" in sent  # a comparison word goes on its own


def test_a_reask_is_focused_on_the_excerpts_of_the_dropped_quotes() -> None:
    text = ("# Results\n"
            "FooLM reaches 81.4% on MATH-500.\n"
            "Narrative in between that states nothing at all.\n"
            "BarNet reaches 60.0% on MMLU.\n")
    doc = _doc(text)
    chunk = build_chunks(doc)[0]
    assert len(chunk.excerpts) == 2
    only = focus(chunk, ["BarNet reaches 60.0%"], doc.text)
    assert only.text == "BarNet reaches 60.0% on MMLU." and only.section == chunk.section
    assert doc.text[only.excerpts[0].start:only.excerpts[0].end] == only.text
    assert focus(chunk, ["a quote the model did not copy"], doc.text) is chunk  # cannot be placed: all again
    assert focus(chunk, [], doc.text) is chunk
