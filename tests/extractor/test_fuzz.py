"""Property tests: the extractor never raises on arbitrary text, and every offset reproduces its quote."""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.base import get_extractor
from extractor.files import UnreadableFile, document_from_bytes
from extractor.pipeline import prepare
from schemas import Document

RULES = get_extractor("rules")

# Fragments that steer random text towards the extractor's interesting paths.
FRAGMENTS = [
    "GPT-4o", "Qwen2.5-32B", "DeepSeek-R1", "o1-mini", "我们的方法", "它", "our method", "AIME 2024", "AIME'24",
    "MATH-500", "GSM8K", "在", "上", "达到了", "取得", "准确率为", "超过", "优于", "相当", "不如", "、", "和",
    "outperforms", "matches", "achieves", "on", " ", "\n", "## ", "# ", "| ", " |", "|---|", "%", "分", "倍",
    "71.0", "15.6%", "→", "pass@1", "maj@16", "74% 到 93%", "+24.3%", "。", ".", "(", ")", "（", "）", "<table>",
    "<tr><td>", "</td></tr>", "</table>", "[t](https://arxiv.org/abs/1)", "-", "—", "N/A", "**", "7B", "2024年",
]


def _doc(text: str) -> Document:
    return Document(source="fuzz.txt", path="fuzz.txt", text=text,
                    sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())


def _check(text: str) -> None:
    extraction = RULES.extract(prepare(_doc(text)))
    for claim in extraction.claims:
        assert text[claim.start:claim.end] == claim.quote
        assert claim.source == "fuzz.txt"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=60).map("".join))
def test_claim_like_text_keeps_offsets_exact(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_refuse_by_reason(data: bytes) -> None:
    try:
        doc = document_from_bytes(data, source="fuzz.bin")
    except UnreadableFile as exc:
        assert exc.reason
        return
    _check(doc.text)
