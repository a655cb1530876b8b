"""Values of an unnamed earlier system beside a result: "71%（之前为52%）", "25.2%，相比之前最佳的 2.0%".

The earlier value is a score of its own (model "previous", or the phrase the text uses: "之前最佳",
"previous best") and the sentence compares the result with it. Only a value that follows a result of
the same sentence counts: that result's model and benchmark are what is compared.
"""

from __future__ import annotations

import re

from extractor.rules.clauses import _tight
from extractor.rules.numbers import _EARLIER_VALUE, EARLIER_BEST, Number
from schemas import ComparisonClaim, Document, ScoreClaim, Section

# "（之前为52%）", "(previously 47%)": the value before the result, in parentheses right after it
_PAREN_PREVIOUS = re.compile(r"[（(]\s*(?:之前|此前|以前|原来|原先|previously|prior|before)\s*(?:为|是|was|:|：)?\s*$",
                             re.IGNORECASE)
_EARLIER_PHRASE = re.compile(EARLIER_BEST, re.IGNORECASE)


def earlier_claims(document: Document, section: Section, offset: int, sentence: str, numbers: list[Number],
                   scores: list[ScoreClaim], lower_is_better: bool = False) -> list[ScoreClaim | ComparisonClaim]:
    out: list[ScoreClaim | ComparisonClaim] = []
    for num in numbers:
        window = sentence[max(0, num.start - 16):num.start]
        if _PAREN_PREVIOUS.search(window):
            phrase = "previous"
        elif _EARLIER_VALUE.search(sentence, max(0, num.start - 28), num.start):
            found = _EARLIER_PHRASE.search(sentence, max(0, num.start - 28), num.start)
            if found is None:
                continue
            phrase = found.group(0)
        else:
            continue
        result = next((s for s in reversed(scores) if s.end - offset <= num.start), None)
        if result is None:
            continue
        qs, qe = _tight(sentence, result.start - offset, num.end)
        common = {"benchmark": result.benchmark, "metric": result.metric, "quote": sentence[qs:qe],
                  "source": document.source, "section": section.title, "start": offset + qs, "end": offset + qe,
                  "extractor": "rules"}
        out.append(ScoreClaim(model=phrase, value=num.value, unit=num.unit or result.unit, **common))
        if result.value != num.value:
            better = result.value < num.value if lower_is_better else result.value > num.value
            out.append(ComparisonClaim(model=result.model, baseline=phrase,
                                       relation="outperforms" if better else "underperforms", **common))
    return out
