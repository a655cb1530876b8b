"""Grounding: quotes located with exact offsets, numbers and names checked, the rest dropped."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.llm.grounding import Grounder, locate_quote, name_grounded, numbers_in, value_in
from extractor.llm.prefilter import Chunk, Excerpt
from schemas import ComparisonFacts, Document, ScoreFacts, Section

TEXT = (
    "## QuillRAG: Retrieval for Long Inputs\n"
    "该方法在 HotpotQA 上的 EM 达到 48.5，比 BarNet 高出 3.2 分。\n"
    "Our model reaches 0.875 accuracy on MMLU , beating Llama-3-8B.\n"
)


def _doc_and_chunk() -> tuple[Document, Chunk]:
    doc = Document(source="d.md", path="d.md", text=TEXT, sha256="x",
                   sections=[Section(title="QuillRAG: Retrieval for Long Inputs", start=0, end=len(TEXT),
                                     subject="QuillRAG")])
    chunk = Chunk(section=doc.sections[0])
    first = TEXT.index("该方法")
    chunk.add(TEXT, Excerpt(first, TEXT.index("\n", first)))
    second = TEXT.index("Our model")
    chunk.add(TEXT, Excerpt(second, len(TEXT) - 1))
    return doc, chunk


def test_exact_quote_gets_exact_offsets() -> None:
    doc, chunk = _doc_and_chunk()
    g = Grounder(doc, chunk, "llm:m").ground(
        ScoreFacts(model="QuillRAG", benchmark="HotpotQA", metric="EM", value=48.5, quote="EM 达到 48.5"))
    assert g.claim is not None
    assert TEXT[g.claim.start:g.claim.end] == g.claim.quote == "EM 达到 48.5"
    assert g.claim.section == "QuillRAG: Retrieval for Long Inputs"
    assert g.claim.extractor == "llm:m"


def test_quote_with_other_spacing_and_punctuation_maps_back_to_the_source_text() -> None:
    doc, chunk = _doc_and_chunk()
    g = Grounder(doc, chunk, "llm:m").ground(
        ComparisonFacts(model="QuillRAG", baseline="BarNet", relation="outperforms", delta=3.2,
                        quote="比BarNet高出3.2分."))
    assert g.claim is not None
    assert g.claim.quote == "比 BarNet 高出 3.2 分"
    assert TEXT[g.claim.start:g.claim.end] == g.claim.quote


def test_elided_quote_spans_from_first_to_last_piece() -> None:
    doc, chunk = _doc_and_chunk()
    g = Grounder(doc, chunk, "llm:m").ground(
        ScoreFacts(model="QuillRAG", benchmark="HotpotQA", value=48.5, quote="该方法在 HotpotQA ... 达到 48.5"))
    assert g.claim is not None and g.claim.quote == "该方法在 HotpotQA 上的 EM 达到 48.5"


def test_fraction_and_percentage_forms_both_count() -> None:
    doc, chunk = _doc_and_chunk()
    g = Grounder(doc, chunk, "llm:m").ground(
        ScoreFacts(model="QuillRAG", benchmark="MMLU", value=87.5, unit="%", quote="reaches 0.875 accuracy on MMLU"))
    assert g.claim is not None and g.claim.value == 87.5


def test_invented_number_is_dropped_with_reason() -> None:
    doc, chunk = _doc_and_chunk()
    g = Grounder(doc, chunk, "llm:m").ground(
        ScoreFacts(model="QuillRAG", benchmark="HotpotQA", value=51.0, quote="EM 达到 48.5"))
    assert g.claim is None and "value 51" in (g.reason or "")


def test_invented_delta_is_dropped() -> None:
    doc, chunk = _doc_and_chunk()
    g = Grounder(doc, chunk, "llm:m").ground(
        ComparisonFacts(model="QuillRAG", baseline="BarNet", relation="outperforms", delta=4.0, quote="比 BarNet 高出 3.2 分"))
    assert g.claim is None


def test_quote_not_in_the_chunk_is_dropped() -> None:
    doc, chunk = _doc_and_chunk()
    g = Grounder(doc, chunk, "llm:m").ground(
        ScoreFacts(model="QuillRAG", benchmark="HotpotQA", value=48.5, quote="QuillRAG scores 48.5 on HotpotQA"))
    assert g.claim is None and "quote" in (g.reason or "")


def test_model_named_nowhere_is_dropped_but_section_subject_resolves_pronouns() -> None:
    doc, chunk = _doc_and_chunk()
    bad = Grounder(doc, chunk, "llm:m").ground(
        ScoreFacts(model="GPT-5", benchmark="HotpotQA", value=48.5, quote="EM 达到 48.5"))
    assert bad.claim is None and "model" in (bad.reason or "")
    ok = Grounder(doc, chunk, "llm:m", frozenset({"该方法"})).ground(
        ScoreFacts(model="该方法", benchmark="HotpotQA", value=48.5, quote="EM 达到 48.5"))
    assert ok.claim is not None and ok.claim.model == "QuillRAG"


def test_benchmark_named_nowhere_is_dropped() -> None:
    doc, chunk = _doc_and_chunk()
    g = Grounder(doc, chunk, "llm:m").ground(
        ScoreFacts(model="QuillRAG", benchmark="GSM8K", value=48.5, quote="EM 达到 48.5"))
    assert g.claim is None and "benchmark" in (g.reason or "")


def test_names_match_loosely() -> None:
    ctx = "qwen2.532b模型在aime2024上dapo".replace(".", "")
    assert name_grounded("Qwen2.5-32B (DAPO)", "qwen2532bdapoaime2024")
    assert name_grounded("previous models", ctx)  # descriptive: nothing checkable
    assert name_grounded("baseline", ctx)
    assert not name_grounded("Claude 3.5", ctx)
    assert name_grounded("existing LLMs", "现有的llm")  # acronym plural


def test_numbers_and_value_forms() -> None:
    assert numbers_in("从 1,234.5 到 ２７ 分, - 42.5") == [1234.5, 27.0, 42.5]
    assert value_in(-42.5, [42.5])
    assert value_in(0.875, [87.5]) and value_in(87.5, [0.875])
    assert not value_in(8.75, [87.5])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab 。，c12%@模型", min_size=1, max_size=40), st.data())
def test_located_span_is_always_inside_the_text_and_equals_the_slice(text: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    quote = text[i:j].replace(" ", "")  # the LLM dropped the spaces
    hit = locate_quote(quote, text)
    if hit is not None:
        a, b = hit
        assert 0 <= a < b <= len(text)
        stripped = "".join(c for c in text[a:b] if c not in " 。，")
        assert stripped.lower() == "".join(c for c in quote if c not in " 。，").lower()


def test_decimal_point_is_kept_but_sentence_full_stop_is_not() -> None:
    assert locate_quote("高出32分", "高出 3.2 分。") is None
    assert locate_quote("reaches 3.2.", "It reaches 3.2 now") == (3, 14)


def test_table_rows_are_found_without_their_markup() -> None:
    html = "<table><tr><th>Model</th><th>MMLU</th></tr><tr><td>FooLM</td><td>62.1</td></tr></table>"
    a, b = locate_quote("FooLM 62.1", html) or (0, 0)
    assert html[a:b] == "FooLM</td><td>62.1"
    md = "| Model | MMLU |\n|---|---|\n| FooLM | 62.1 |"
    a, b = locate_quote("FooLM 62.1", md) or (0, 0)
    assert md[a:b] == "FooLM | 62.1"
