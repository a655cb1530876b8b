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
from collections.abc import Sequence
from functools import lru_cache

from extractor import lexicon
from extractor.segment import sentence_bounds
from schemas import Span

# Result-like numbers (a number with a unit, or a decimal) and score words followed by a number.
# Each trigger is its own regex that starts with a literal or a digit, so ``re`` can skip ahead by
# its first character; a lookbehind or IGNORECASE at the front would make it try every position.
# ``[0-9]`` first (not ``\d``): a plain character class lets ``re`` skip ahead to the next digit.
_NUMBER_TRIGGER = re.compile(r"[0-9]+(\.[0-9]+)?(\s*(?:%|％|个?百分点|分(?![钟之别析类布])|points?\b|pts\b|pp\b|Elo\b|per\s?cent\b))?")
_SCORE_WORD_TRIGGER = re.compile(r"(?:得分|分数|评分|成绩|总分|Elo|score[sd]?|rating)\D{0,6}\d")
# A score verb right before a plain integer ("取得了 2312 的总分"): the number alone is no trigger.
# (Chinese verbs only: an English verb alternation starts with common letters and would cost a try at each.)
_VERB_NUMBER_TRIGGER = re.compile(r"(?:取得|达到|获得|得到)了?\s*[0-9]")
# A result stated as a count: "solves 13 of the 30 problems", "答对 22 道", "500 个问题中的 231 个".
# ("21 of 30 AIME 2025 problems": up to three words, the benchmark's name, before the noun)
_COUNT_TRIGGER = re.compile(r"[0-9]+\s+(?:out\s+)?of\s+(?:the\s+)?[0-9]+\s+(?:[A-Za-z0-9.'-]+\s+){0,3}?"
                            r"(?:problems|questions|tasks|issues|puzzles)"
                            r"|[0-9]+\s+(?:out\s+)?of\s+(?:the\s+)?[0-9]+\s+(?:right|correct)"  # ("got 11 of 30 right")
                            r"|(?:答对|做对|解出|解决)了?\s*[0-9]|(?:问题|题目|题|任务)中的\s*[0-9]"
                            r"|[0-9]{1,4}\s*/\s*[0-9]{1,4}\b(?![/.][0-9])")  # "got 16/30 on AIME 2024"
# "比 X 高/好/强...": the one-character comparatives only count after 比.
_THAN_TRIGGER = re.compile(r"比[^。！？；\n]{1,30}?(?:高|好|强|优|低|差|弱|多|少)")
# "超" alone is too common; right before a Latin name or SOTA it is "beats" ("超 GPT-4o", "编辑超SOTA").
_SUPER_TRIGGER = re.compile(r"超\s?(?=[A-Z][A-Za-z0-9])")
# (模型准确度 / 模型的得分: "the model's accuracy", said of the model the text is about)
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_.+'’][A-Za-z0-9]+)*|它|该模型|该方法|我们的|本文|模型(?=的?(?:准确|得分|性能|表现))"
                   # "我自己跑出来是 55.6": who measured the model the text is about, standing for it
                   r"|我(?:们)?(?:自己|这边)?(?:跑|测|复现)出来"
                   # a Chinese brand with a numbered version and no Latin letter: "天枢-2 为 36.2%"
                   r"|[\u3400-\u9fff][-·]\d")


_SCORE_VERBS_LATIN = ["state-of-the-art", "sota", "achieves", "achieved", "scores", "scored", "reaches", "reached"]
_SCORE_VERBS_CJK = ["最先进", "最佳", "达到", "取得", "获得"]


@lru_cache(maxsize=2)
def _cue_regexes(score_verbs: bool = True) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Comparison cues of 2+ characters (and score verbs): (Chinese, Latin) regexes."""
    cues = [c.phrase for c in lexicon.comparison_cues() if len(c.phrase) >= 2]
    latin = [c for c in cues if c.isascii()] + (_SCORE_VERBS_LATIN if score_verbs else [])
    cjk = [c for c in cues if not c.isascii()] + (_SCORE_VERBS_CJK if score_verbs else [])
    return re.compile(lexicon.phrase_pattern(cjk)), re.compile(lexicon.phrase_pattern(latin, ignore_case=True))


_RANK_TRIGGER = re.compile(r"[>＞<＜≈]")


def _word_around(text: str, a: int, b: int) -> bool:
    """A word character right before ``a`` and right after ``b``, one space or tab allowed on each side."""
    i = a - 1 if a and text[a - 1] not in " \t" else a - 2
    j = b if b < len(text) and text[b] not in " \t" else b + 1
    return i >= 0 and j < len(text) and text[i].isalnum() and text[j].isalnum()


def _glued_to_name(text: str, i: int) -> bool:
    """Is the number at ``i`` part of a name ("Qwen2.5", "GPT-4", "v1.5") rather than a value ("70-75%")?"""
    if i == 0:
        return False
    prev = text[i - 1]
    if prev == "-":
        return i >= 2 and not text[i - 2].isdigit()
    return prev in "_.@/" or prev.isascii() and prev.isalpha()


@lru_cache(maxsize=8)
def trigger_positions(text: str, score_verbs: bool = True) -> tuple[int, ...]:
    """Start offsets of every trigger in ``text`` (sorted; cached: the tokenizer, the mention layer
    and the prose rules of one document ask for the same text).

    ``score_verbs=False`` leaves out 达到/achieves/SOTA...: a sentence with such a verb but no
    number and no comparison cue can interest an LLM, but no rule can extract from it.
    """
    cjk, latin = _cue_regexes(score_verbs)
    # numbers glued to a name ("Qwen2.5", "GPT-4", "v1.5") are versions, not results
    hits = [m.start() for m in _NUMBER_TRIGGER.finditer(text)
            if (m.group(1) or m.group(2)) and not _glued_to_name(text, m.start())]
    hits += [m.start() for rx in (_SCORE_WORD_TRIGGER, _VERB_NUMBER_TRIGGER, _THAN_TRIGGER, _SUPER_TRIGGER, _COUNT_TRIGGER, cjk) for m in rx.finditer(text)]
    # a ranking written with symbols between names ("青鸾 > Kimi > GLM", "R1 ≈ o1"): word characters on both sides
    hits += [m.start() for m in _RANK_TRIGGER.finditer(text) if _word_around(text, m.start(), m.end())]
    for m in latin.finditer(text):  # whole words only: "match" but not "matchup"
        a, b = m.start(), m.end()
        if not (a and text[a - 1].isascii() and text[a - 1].isalpha()) and not (b < len(text) and text[b].isascii() and text[b].isalpha()):
            hits.append(a)
    hits.sort()
    return tuple(hits)


def has_name(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` hold a Latin name or a pronoun standing for the subject?"""
    return _NAME.search(text, start, end) is not None


def candidate_bounds(text: str, start: int = 0, end: int | None = None,
                     triggers: Sequence[int] | None = None) -> list[tuple[int, int]]:
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
    return bool(trigger_positions(sentence)) and _NAME.search(sentence) is not None


def candidate_sentences(text: str) -> list[Span]:
    """Spans of the sentences of ``text`` worth running the heavy matchers on."""
    return [Span(start=a, end=b) for a, b in candidate_bounds(text)]
