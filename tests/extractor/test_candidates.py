"""The cheap candidate scan keeps result sentences and drops the rest."""

from extractor.candidates import candidate_sentences, is_candidate


def test_result_and_comparison_sentences_are_candidates():
    assert is_candidate("NovaLM 在 MathBench 上取得了 61.3% 的准确率。")
    assert is_candidate("NovaLM 显著优于 Llama-3-8B。")
    assert is_candidate("NovaLM 比 Qwen2-7B 高出 3 分。")
    assert is_candidate("It outperforms Mistral-7B on every task.")


def test_plain_sentences_are_not_candidates():
    assert not is_candidate("这是一个关于天气的句子。")
    assert not is_candidate("The weather was pleasant that day.")
    assert not is_candidate("我们在 2023 年开始了这个项目。")


def test_candidate_spans_point_into_the_text():
    text = "第一句没有结果。NovaLM 在 MathBench 上取得了 61.3%。最后一句。"
    spans = candidate_sentences(text)
    assert [text[s.start:s.end] for s in spans] == ["NovaLM 在 MathBench 上取得了 61.3%。"]


def test_score_verb_before_a_plain_integer_is_a_trigger():
    from extractor.candidates import is_candidate

    assert is_candidate("Kite-7B 在 MME 上取得了 2312 的总分。")
    assert is_candidate("Kite-R1 achieves 1620 Elo on Codeforces.")
    assert not is_candidate("Kite-7B 发布于 2024 年。")
