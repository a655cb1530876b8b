"""Values of an unnamed earlier system beside a result: "71%（之前为52%）", "25.2%，相比之前最佳的 2.0%".

The earlier value is a score of its own (model "previous", or the phrase the text uses: "之前最佳",
"previous best") and the sentence compares the result with it. Only a value that follows a result of
the same sentence counts: that result's model and benchmark are what is compared.
"""

from __future__ import annotations

import re

from extractor.rules.clauses import _clause_bounds, _tight
from extractor.rules.mentions import Mention
from extractor.rules.numbers import _EARLIER_VALUE, EARLIER_BEST, Number
from schemas import ComparisonClaim, Document, ScoreClaim, Section

# "（之前为52%）", "(previously 47%)": the value before the result, in parentheses right after it
_PAREN_PREVIOUS = re.compile(r"[（(]\s*(?:之前|此前|以前|原来|原先|previously|prior|before)\s*(?:为|是|was|:|：)?\s*$",
                             re.IGNORECASE)
_EARLIER_PHRASE = re.compile(EARLIER_BEST, re.IGNORECASE)
# a correction: the value before is the same system's retracted figure, not an earlier system's
_CORRECTED = re.compile(r"\bcorrect(?:ed|ion|s)\b|\brevis(?:ed|ion)\b|\bamended\b|\berratum\b|更正|修正|勘误|订正|纠正",
                        re.IGNORECASE)


def earlier_claims(document: Document, section: Section, offset: int, sentence: str, numbers: list[Number],
                   scores: list[ScoreClaim], lower_is_better: bool = False) -> list[ScoreClaim | ComparisonClaim]:
    out: list[ScoreClaim | ComparisonClaim] = []
    for num in numbers:
        window = sentence[max(0, num.start - 16):num.start]
        if _PAREN_PREVIOUS.search(window):
            if _CORRECTED.search(sentence, 0, num.start):
                continue  # "the corrected score of Sparrow-7B is 38.4 (previously 41.9)": the retracted figure
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


# "现有最优方法在 Wikitext 上的困惑度达到 10": a clause whose subject is the unnamed earlier best
_EARLIER_SUBJECT = re.compile(
    r"\s*(?:(?:现有|已有|之前|此前|以前|先前)的?(?:最佳|最好|最优|最先进|SOTA)的?(?:方法|模型|系统)?"
    r"|(?:the\s+)?(?:existing|previous|prior)\s+(?:best|state[- ]of[- ]the[- ]art|SOTA)(?:\s+(?:methods?|models?|systems?))?)"
    r"(?=\s*(?:在|于|on|in|的|reach|achiev|scor|is|are|was|were))", re.IGNORECASE)


def reown_earlier_subjects(sentence: str, offset: int, scores: list[ScoreClaim], names: list[Mention]) -> None:
    """A value in a clause whose subject is "现有最优方法" / "the previous best" is that phrase's, not the
    section subject's ("现有最优方法在 Wikitext 上的困惑度 (PPL) 达到 10 …，但 MaskLLM … 6.72")."""
    for score in scores:
        c0, _ = _clause_bounds(sentence, score.end - offset - 1)
        m = _EARLIER_SUBJECT.match(sentence, c0)
        if m is None or m.end() > score.end - offset:
            continue
        if any(n.kind in ("model", "name") and m.end() <= n.start < score.end - offset for n in names):
            continue  # a model named after the phrase is the clause's subject
        score.model = m.group(0).strip()
        score.model_canonical = None
