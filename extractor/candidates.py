"""Cheap scan for the sentences that may state a benchmark result.

One pass of compiled regexes over the whole text picks sentences holding a number with
a result-like unit (%, 分, points, ...) or a comparison cue, next to a name-shaped token.
The LLM backend sends only these sentences to the model; the rules backend runs its
heavy matching only on them. Recall matters more than precision here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractor import lexicon
from extractor.segment import split_sentences
from schemas import Span


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


@lru_cache(maxsize=1)
def cue_regex() -> re.Pattern[str]:
    """Any comparison cue or score verb/metric word (case-insensitive)."""
    cues = [c.phrase for c in lexicon.comparison_cues()]
    metrics = [m for m in lexicon.metric_words() if len(m) >= 2 and not m.isascii()]
    extra = ["达到", "取得", "获得", "实现", "得分", "score", "scores", "scored", "achieves", "achieved", "achieving",
             "reaches", "reached", "attains", "obtains", "accuracy", "state-of-the-art", "SOTA", "SoTA", "sota",
             "最先进", "最佳", "第一"]
    return re.compile(_alternation(cues + metrics + extra), re.IGNORECASE)


# A number with a result-like unit, or a decimal (scores are usually written with decimals).
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|个?百分点|分|points?|pts|pp|倍|x\b|×)|\d+\.\d+|\d{2,4}")
# A Latin name-shaped token (models, benchmarks): has a capital or a digit-letter mix.
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_.+'’][A-Za-z0-9]+)*")


def is_candidate(sentence: str) -> bool:
    """Does this sentence hold a result-like number or a comparison cue (and some name)?"""
    has_number = _NUMBER.search(sentence) is not None
    has_cue = cue_regex().search(sentence) is not None
    return (has_number or has_cue) and (has_cue or _NAME.search(sentence) is not None)


def candidate_sentences(text: str) -> list[Span]:
    """Spans of the sentences of ``text`` worth running the heavy matchers on."""
    return [s for s in split_sentences(text) if is_candidate(text[s.start:s.end])]
