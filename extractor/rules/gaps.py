"""A gap stated by its size and no direction, after two models' values on one benchmark.

"Atlas-2 completes 38% of tasks; Claude 3.7 Sonnet completes 58%. That's a 20-point gap", "Gemini was 86.7 there, so
that's a five-point gap", "V3 是 47.5，Flash 只有 36.1，差了十一个多点": the gap compares the two models whose values
the paragraph just gave, when their difference is its size; the values say who leads. The sentence naming the gap
often names nobody, so this reads a whole paragraph after its sentences were read, with the scores they stated.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from extractor.rules.comparisons import margin_value, relation_of_values
from extractor.rules.mentions import Lexicons, canonical_benchmark
from extractor.rules.names import _norm
from schemas import ComparisonClaim, Document, ScoreClaim, Section

_NUM_EN = r"\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten"
_NUM_ZH = r"\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3}"
_POINTS_ZH = r"\s*(?:个)?(?P<{}>多)?\s*(?:个)?(?:百分点|分|点)"
GAP = re.compile(
    # "a 20-point gap", "that's a five-point gap", "a 16.7-point margin", "a 0.8-point gap"
    rf"\b(?:a|an|the|that|this)\s+(?:full\s+|whopping\s+|(?P<h1>roughly\s+|about\s+|nearly\s+|~))?(?P<en1>{_NUM_EN})"
    rf"(?:\s*|-)(?:points?|pts?|pp|percentage[- ]points?)\s+(?:gap|margin|difference|spread)\b"
    # "the gap is 24.8 points", "the gap shrinks to 0.5"
    rf"|\b(?:gap|margin|difference|spread)\s+(?:is|was|of|shrinks\s+to|narrows\s+to|widens\s+to|grows\s+to|comes\s+to|"
    rf"stands\s+at)\s+(?:only\s+|just\s+|(?P<h2>about\s+|roughly\s+|nearly\s+|~))?(?P<en2>{_NUM_EN})(?:\s*(?:points?|pts|pp)\b|%)"
    # "差了 15.8 分", "差距 3.7 分", "相差七十个点", "差了十一个多点"
    rf"|(?:(?P<lag>差了|只差|仅差|还差)|相差|差距(?:为|是|有|达)?)\s*(?:(?P<h3>约|近|大约|大概|将近|差不多|接近)|足足|整整)?\s*(?P<zh1>{_NUM_ZH})"
    + _POINTS_ZH.format("more1")
    # "仍有约 9 分差距", "有 2.4 个点的差距"
    + rf"|(?:有|仍有|还有)\s*(?P<h4>约|近|大约|大概|将近|差不多|接近)?\s*(?P<zh2>{_NUM_ZH})" + _POINTS_ZH.format("more2") + "的?差距"
    # "CMMLU 上领先了十一个点还多", "落后 7 分左右": a lead or a lag naming nobody, its size right after the verb
    + rf"|(?P<verb>领先|落后)了?\s*(?:(?P<h5>约|近|大约|大概|将近|差不多|接近)|足足|整整)?\s*(?P<zh3>{_NUM_ZH})" + _POINTS_ZH.format("more3")
    + r"(?P<more4>还多|多一点)?",
    re.IGNORECASE)
GAP_HINT = re.compile(r"gap|margin|difference|spread|差|领先|落后", re.IGNORECASE)  # (cheap: most paragraphs state no gap)
_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _zh_number(raw: str) -> float | None:
    """"七十" -> 70, "十一" -> 11, "二十三" -> 23, "五" -> 5; None for what is no whole number ("七八": a range)."""
    if raw[0].isdigit():
        return float(raw)
    if "十" not in raw:
        return float(_ZH_DIGITS[raw]) if len(raw) == 1 else None
    tens, _, ones = raw.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return float(_ZH_DIGITS[tens] if tens else 1) * 10 + (_ZH_DIGITS[ones] if ones else 0)


def _gap_size(m: re.Match[str]) -> tuple[float, float, float] | None:
    """The gap's size and how far below and above it the values' difference may be ("十一个多点": 11 to 12; a hedged
    size, "领先差不多 6 个点", "a roughly 6-point gap": half a point either way)."""
    hedged = any(m.group(f"h{k}") for k in range(1, 6))
    below = 0.5 if hedged else 0.051
    raw = m.group("en1") or m.group("en2")
    if raw is not None:
        return margin_value(raw), below, max(below, 0.051)
    size = _zh_number(m.group("zh1") or m.group("zh2") or m.group("zh3"))
    if size is None:
        return None
    more = m.group("more1") or m.group("more2") or m.group("more3") or m.group("more4")
    return size, below, 1.0 if more else below


def _canonical(benchmark: str | None, lex: Lexicons) -> str | None:
    return None if benchmark is None else canonical_benchmark(benchmark, lex)


def _pair_with_gap(scores: list[ScoreClaim], size: tuple[float, float, float],
                   lex: Lexicons) -> tuple[ScoreClaim, ScoreClaim] | None:
    """The latest two values of two models on one benchmark whose difference is the gap ``size`` ("On MATH-500 and
    AIME 2024, X scores 89.6% and 41.3% respectively; Y scores 73.8% and 23.3%. That is a 15.8-point margin"), the
    earlier one first."""
    for j in range(len(scores) - 1, 0, -1):
        last = scores[j]
        bench = _canonical(last.benchmark, lex)
        if bench is None:
            continue
        for other in reversed(scores[:j]):
            if _canonical(other.benchmark, lex) == bench and _norm(other.model) != _norm(last.model) \
                    and -size[1] <= abs(other.value - last.value) - size[0] <= size[2]:
                return other, last
    return None


def gap_comparisons(document: Document, section: Section, start: int, end: int, scores: list[ScoreClaim],
                    comparisons: list[ComparisonClaim], topic: str | None, lex: Lexicons,
                    sentence_starts: list[int]) -> list[ComparisonClaim]:
    """The comparison each gap in ``document.text[start:end]`` (a paragraph) states between the two models whose
    values on one benchmark, among ``scores`` stated before it in the paragraph, differ by its size.

    The model is the ``topic`` when it is one of the two, else the one named first (last in Chinese, where the gap is
    the verb of the last: "…只有 36.1，差了十一个多点"); none when ``comparisons`` already compare the two on that benchmark."""
    text = document.text
    out: list[ComparisonClaim] = []
    for m in GAP.finditer(text, start, end):
        size = _gap_size(m)
        if size is None or any(c.start <= m.start() < c.end for c in comparisons):
            continue  # (a gap a stated comparison already quotes is its margin: "leads X by 3 points, a 3-point gap")
        # (the values of the gap's sentence or the two before it, "X completes 38%; Y completes 58%. That's a …")
        k = bisect_right(sentence_starts, m.start())
        since = sentence_starts[k - 3] if k >= 3 else start
        before = sorted((s for s in scores if since <= s.start and s.end <= m.start()), key=lambda s: s.end)
        if len(before) < 2:
            continue
        found = _pair_with_gap(before, size, lex)
        if found is None:
            continue
        other, last = found
        bench = _canonical(last.benchmark, lex)
        pair = {_norm(last.model), _norm(other.model)}
        if any({_norm(c.model), _norm(c.baseline)} == pair and (c.benchmark is None or _canonical(c.benchmark, lex) == bench)
               for c in [*comparisons, *out]):
            continue
        if m.group("verb") or m.group("lag"):  # (领先 / 落后 / 还差 say which side: the one that leads, or lags)
            leads = relation_of_values(last.value, other.value, last.benchmark, lex, last.metric) == "outperforms"
            model, baseline = (last, other) if leads == (m.group("verb") == "领先") else (other, last)
        elif topic is not None and _norm(topic) in pair:
            model, baseline = (other, last) if _norm(topic) == _norm(other.model) else (last, other)
        elif m.group("zh1") or m.group("zh2"):  # (a Chinese gap is the last one's verb: "…只有 36.1，差了十一个多点")
            model, baseline = last, other
        else:
            continue  # (an English gap names no side: which is the subject only the topic says)
        qs = min(model.start, baseline.start)
        out.append(ComparisonClaim(
            model=model.model, baseline=baseline.model, benchmark=last.benchmark,
            relation=relation_of_values(model.value, baseline.value, last.benchmark, lex, last.metric), delta=size[0] if size[1] < 0.06 and size[2] < 1 else round(abs(model.value - baseline.value), 2),
            unit="points", quote=text[qs:m.end()], source=document.source, section=section.title, start=qs,
            end=m.end(), extractor="rules",
        ))
    return out
