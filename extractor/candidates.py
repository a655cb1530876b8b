"""Cheap scan for the sentences that may state a benchmark result.

One pass of a compiled trigger regex over the whole text finds result-like numbers (a
number with %, 分, points..., or a decimal) and comparison cues (优于, 与...相当, 比...高,
outperforms...); a sentence holding a trigger and a name-shaped token (or a pronoun such
as 它 / our model) is a candidate. The LLM backend sends only these sentences to the
model; the rules backend runs its heavy matching only on them. Recall matters more than
precision here, but single characters such as 高 are only triggers after 比.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from extractor import lexicon
from extractor.segment import sentence_bounds
from schemas import Span

# Result-like numbers: with a unit, a decimal, or a bare number after a score word.
_NUMBER_TRIGGER = (
    r"\d(?:\.\d+)?\s*(?:%|％|个?百分点|分(?![钟之别析类布])|points?\b|pts\b|pp\b)"
    r"|(?<![\d.A-Za-z])\d+\.\d+(?![\d.]*[A-Za-z])"
    r"|(?:得分|分数|评分|成绩|总分|Elo|score[sd]?|rating)\D{0,6}\d"
)
# "比 X 高/好/强...": the one-character comparatives only count after 比/较.
_THAN_TRIGGER = r"比[^。！？；\n]{1,30}?(?:高|好|强|优|低|差|弱|多|少)"
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_.+'’][A-Za-z0-9]+)*|它|该模型|该方法|我们的|本文")


@lru_cache(maxsize=1)
def trigger_regex() -> re.Pattern[str]:
    """Numbers with result units, comparison cues (2+ characters) and 比...高 (compiled once)."""
    cues = [c.phrase for c in lexicon.comparison_cues() if len(c.phrase) >= 2]
    latin = [c for c in cues if c.isascii()]
    cjk = [c for c in cues if not c.isascii()]
    extra_cjk = ["最先进", "最佳", "达到", "取得", "获得"]
    extra_latin = ["state-of-the-art", "sota", "achieves", "achieved", "scores", "scored", "reaches", "reached"]
    cue_src = (
        rf"(?i:(?<![A-Za-z])(?:{lexicon.phrase_pattern(latin + extra_latin, ignore_case=True)})(?![A-Za-z]))"
        rf"|{lexicon.phrase_pattern(cjk + extra_cjk)}"
    )
    return re.compile(rf"{_NUMBER_TRIGGER}|{_THAN_TRIGGER}|{cue_src}")


def trigger_positions(text: str) -> list[int]:
    """Start offsets of every trigger in ``text`` (sorted)."""
    return [m.start() for m in trigger_regex().finditer(text)]


def candidate_bounds(text: str, start: int = 0, end: int | None = None,
                     triggers: list[int] | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the candidate sentences of ``text[start:end]``."""
    hits = trigger_positions(text) if triggers is None else triggers
    out: list[tuple[int, int]] = []
    for a, b in sentence_bounds(text, start, end):
        i = bisect_left(hits, a)
        if i < len(hits) and hits[i] < b and _NAME.search(text, a, b):
            out.append((a, b))
    return out


def is_candidate(sentence: str) -> bool:
    """Does this one sentence hold a trigger and a name (or pronoun)?"""
    return trigger_regex().search(sentence) is not None and _NAME.search(sentence) is not None


def candidate_sentences(text: str) -> list[Span]:
    """Spans of the sentences of ``text`` worth running the heavy matchers on."""
    return [Span(start=a, end=b) for a, b in candidate_bounds(text)]
