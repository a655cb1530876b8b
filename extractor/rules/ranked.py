"""Rankings written with symbols: "数学：青鸾 > Kimi > GLM", "R1 > v3.1思考", "v3.1思考 ≈ 星河", "A < B".

Notes, chats and forum posts rank models with ``>`` / ``<`` / ``≈`` between their names. Each symbol between
two adjacent model names is one comparison (a chain of three gives two); the benchmark is the one the sentence
names, else none (the ranking is general: "数学：" names a field, not a benchmark).
"""

from __future__ import annotations

import re

from extractor.rules.mentions import Mention
from extractor.rules.subjects import _model_mentions
from schemas import ComparisonClaim, Document, Section

# the symbol between two names, with at most one space each side ("A > B", "A>B", "A ＞ B")
RANK_SYMBOL = re.compile(r"[>＞<＜≈]")
_BETWEEN = re.compile(r"[ \t]?([>＞<＜≈])[ \t]?")
_RELATION = {">": "outperforms", "＞": "outperforms", "<": "underperforms", "＜": "underperforms", "≈": "matches"}


def ranked_comparisons(document: Document, section: Section, offset: int, sentence: str,
                       names: list[Mention]) -> list[ComparisonClaim]:
    """One comparison per symbol written between two adjacent model names of ``sentence``."""
    models = _model_mentions(names)
    benches = [n for n in names if n.kind == "benchmark"]
    out: list[ComparisonClaim] = []
    for left, right in zip(models, models[1:], strict=False):
        m = _BETWEEN.fullmatch(sentence, left.end, right.start)
        if m is None or left.text == right.text:
            continue
        out.append(ComparisonClaim(
            model=left.text, baseline=right.text, relation=_RELATION[m.group(1)],  # type: ignore[arg-type]
            benchmark=benches[0].text if len(benches) == 1 else None,
            quote=sentence[left.start:right.end], source=document.source, section=section.title,
            start=offset + left.start, end=offset + right.end, extractor="rules"))
    return out
