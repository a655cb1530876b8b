"""Property: on any mix of result-like fragments the rules never raise and quotes are exact slices."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.base import get_extractor
from schemas import Document

FRAGMENTS = [
    "NovaLM-7B", " 在 GSM8K 上", "达到了 ", "83.4%", "，", "。", "\n", "## Kite: Fast\n", "它", "优于 ", "Llama-3-8B",
    " 和 ", "与 o1 相当", "比基线高出 ", "2 分", "outperforms ", "GPT-4o", " on MMLU", " by 3 points", ". ",
    "(之前为 52%)", "分别为 ", "12%、", "70-75%", "e.g. ", "U.S. ", "700 亿参数", "$2M", "2024 年", "respectively",
    "在数学评测中", "Qwen2.5-32B", "AIME'24", "超过人类水平 ", "85%", "an improvement of 5 points over prior methods",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30))
def test_quotes_are_slices_and_nothing_raises(parts):
    text = "".join(parts)
    doc = Document(source="p.md", path="p.md", text=text, sha256="0")
    for claim in get_extractor("rules").extract(doc).claims:
        assert text[claim.start:claim.end] == claim.quote
        assert claim.quote.strip()
