"""spaCy tokenisation keeps Latin model and benchmark names whole inside Chinese text."""

from extractor.rules.nlp import annotate, tokenize


def test_latin_names_stay_whole_in_chinese_text():
    toks = tokenize("DeepSeek-R1-Distill-Qwen-7B 在 AIME'24 上超过了 GPT-4o 和 Qwen2.5-32B，得分 55.5%。")
    for name in ("DeepSeek-R1-Distill-Qwen-7B", "AIME'24", "GPT-4o", "Qwen2.5-32B", "55.5%"):
        assert name in toks
    assert "在" in toks and "超" in toks  # Chinese characters are still single tokens


def test_entity_ruler_labels_come_from_the_lexicons():
    doc = annotate("Llama-3.1-70B-Instruct 在 GSM8K 上的准确率超过 o1-mini。")
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("GSM8K", "BENCHMARK") in labels
    assert ("准确率", "METRIC") in labels
    assert ("Llama-3.1-70B-Instruct", "MODEL") in labels
    assert ("o1-mini", "MODEL") in labels
    assert doc.text == "Llama-3.1-70B-Instruct 在 GSM8K 上的准确率超过 o1-mini。"
