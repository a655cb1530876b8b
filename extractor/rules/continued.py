"""A comparison continued on another benchmark by a clause that names no model.

"Heron beats Corvid-2 Pro on GPQA Diamond by 2.4 points and on MATH-500 by 1.1", "leads X by 2.4 points on GPQA Diamond
and 1.1 on MATH-500", "天枢-Pro 在 MMLU 上领先 GPT-4o 2.1 分，在 GSM8K 上领先 1.3 分": the clause right after a stated
comparison gives its benchmark (and a margin) but neither the model nor whom it is measured against, so both are the
stated comparison's; the Chinese clause's own verb says which way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from extractor.rules.clauses import _tight
from extractor.rules.mentions import Mention
from extractor.rules.names import _norm
from schemas import AnyClaim, ComparisonClaim, Document, ScoreClaim, Section

_NUM = r"\d+(?:\.\d+)?"
# " and on MATH-500", ", and 1.1 on MATH-500", " and 1.1 points on MATH-500"
_EN_NEXT = re.compile(rf"\s*,?\s*and\s+(?:(?P<num>{_NUM})\s*(?:points?|pts|pp)?\s+)?on\s+(?:the\s+)?")
# (after the benchmark: " by 1.1", " by a comfortable 7 points")
_EN_BY = re.compile(rf"\s+by\s+(?:a\s+|an\s+)?(?:(?:comfortable|wide|clear|narrow|slim|whopping|further|about|roughly|"
                    rf"nearly|almost|around|just|only|over)\s+)?(?P<num>{_NUM})")
_CLAUSE_STOP = re.compile(r"[.;](?!\d)")
_OWN_VALUE_CLAUSE = re.compile(r"(?:\s*\([^()]{0,60}\))?\s*,?\s*(?:it|they|he|she|we|the\s+model)\s+(?:[a-z]+\s+){0,2}?\d",
                               re.IGNORECASE)
# " but loses on GSM8K", ", though it falls behind on GSM8K", " but wins on GSM8K": a contrast whose verb alone says which way
_EN_CONTRAST = re.compile(r"\s*,?\s*(?:but|though|although|while|yet|whereas)\s+(?:it\s+|they\s+)?(?:still\s+|only\s+|then\s+)?"
                          r"(?:(?P<down>loses|lost|trails|trailed|falls\s+behind|fell\s+behind|lags|lagged|is\s+behind|"
                          r"comes\s+up\s+short|came\s+up\s+short)|(?P<up>wins|won|leads|led|comes\s+out\s+ahead|came\s+out\s+ahead|"
                          r"edges\s+ahead|edged\s+ahead|pulls\s+ahead|pulled\s+ahead|is\s+ahead)|(?P<tie>ties|tied|draws\s+level|is\s+level))"
                          r"\s+(?:slightly\s+|narrowly\s+|clearly\s+|badly\s+|easily\s+)?on\s+(?:the\s+)?", re.IGNORECASE)
# "，在 GSM8K 上领先 1.3 分", "；GSM8K 上则落后 0.8 分"
_ZH_NEXT = re.compile(r"\s*[，,；;]\s*(?:而|但)?\s*(?:在|于)?\s*")
_ZH_VERB = re.compile(rf"\s*(?:上|中|方面)?\s*[，,]?\s*(?:也|则|更是|还|同样|亦)?\s*"
                      rf"(?:(?:(?P<up>领先|高出|高了|超出|多出)|(?P<down>落后|低了|差了|少了))了?\s*(?:约|近|大约)?\s*(?P<num>{_NUM})"
                      # ("…比它高 2.9 分，在 GSM8K 上基本持平": a tie, no margin)
                      rf"|(?:基本|大致|几乎)?(?P<tie>持平|打平|相当|不相上下)(?![\u4e00-\u9fff]*[于与和跟])"
                      # ("…超过 X，但在 GSM8K 上落后", "GSM8K 上则略逊一筹": the verdict alone, whom it is measured against left out)
                      rf"|(?:略|稍|明显|大幅|反而|还是)?(?:(?P<up_bare>领先|胜出|占优|更强|更好|更胜一筹|赢了)"
                      rf"|(?P<down_bare>落后|逊色|略逊一筹|逊一筹|稍逊一筹|不如|输了|略逊|稍逊))(?=\s*(?:了|一些|一点|不少|较多|明显|一截)?\s*(?:[，,。；;！!？?）)]|$)))")
# (a cheap test first: an English "and … on", or a Chinese verdict verb a continuing clause needs)
CONTINUE_HINT = re.compile(r"\band\s+(?:\d+(?:\.\d+)?\s*(?:points?|pts|pp)?\s+)?on\b|领先|高出|高了|超出|多出|落后|低了|差了|少了"
                           r"|持平|打平|相当|不相上下|胜出|占优|更强|更好|更胜一筹|赢了|逊|不如|输了"
                           r"|\b(?:but|though|although|while|yet|whereas)\b", re.IGNORECASE)


class Continued(NamedTuple):
    """The comparisons continued, and where their margins stand in the sentence (no scores, whatever else read them)."""

    claims: list[ComparisonClaim]
    margins: list[tuple[int, int]]


def continued_comparisons(document: Document, section: Section, offset: int, sentence: str, names: list[Mention],
                          comparisons: list[ComparisonClaim]) -> Continued:
    """The comparisons that clauses right after the stated ``comparisons`` continue on another benchmark."""
    out: list[ComparisonClaim] = []
    margins: list[tuple[int, int]] = []
    stated = {(_norm(c.model), _norm(c.baseline), _norm(c.benchmark or "")) for c in comparisons}
    benches = {b.start: b for b in names if b.kind == "benchmark"}
    others = [n.start for n in names if n.kind in ("model", "name")]
    for c in comparisons:
        if c.benchmark is None or c.baseline is None:
            continue
        at = c.end - offset
        for _step in range(3):  # (a comparison continued twice: "… on A by 2.4, on B by 1.1 and on C by 0.3")
            found = _next_clause(sentence, at, benches, others, c.delta is not None)
            if found is None:
                break
            bench, num, relation, end, span = found
            if any(at <= s < bench.start for s in others):
                break  # (a clause naming a model of its own is that model's)
            key = (_norm(c.model), _norm(c.baseline), _norm(bench.text))
            if key in stated or _norm(bench.text) == _norm(c.benchmark):
                break
            stated.add(key)
            if span is not None:
                margins.append(span)
            qs, qe = _tight(sentence, c.start - offset, end)
            out.append(ComparisonClaim(
                model=c.model, baseline=c.baseline, relation=relation or c.relation,  # type: ignore[arg-type]
                benchmark=bench.text, delta=num, unit="points" if num is not None else None,
                quote=sentence[qs:qe], source=document.source, section=section.title,
                start=offset + qs, end=offset + qe, extractor="rules"))
            at = end
    return Continued(out, margins)


def _next_clause(sentence: str, at: int, benches: dict[int, Mention], others: list[int], had_margin: bool
                 ) -> tuple[Mention, float | None, str | None, int, tuple[int, int] | None] | None:
    """(benchmark, margin, relation, end, the margin's span) of the clause right at ``at`` that continues a
    comparison, if it is one."""
    en = _EN_NEXT.match(sentence, at)
    if en is not None and (bench := benches.get(en.end())) is not None:
        if en.group("num"):  # (a margin only after a margin: "… by 2.4 points on A and 1.1 on B", not "…, and 88.0 on B")
            return (bench, float(en.group("num")), None, bench.end, en.span("num")) if had_margin else None
        by = _EN_BY.match(sentence, bench.end)
        if by is not None:
            return bench, float(by.group("num")), None, by.end(), by.span("num")
        stop = _CLAUSE_STOP.search(sentence, bench.end)
        clause_end = stop.start() if stop is not None else len(sentence)
        if not any(bench.end <= s < clause_end for s in others) \
                and not _OWN_VALUE_CLAUSE.match(sentence, bench.end, clause_end):  # (not "and on BBH at 81.3, level with Qwen2.5-72B")
            # (nor "…, which edges out GPT-4o mini, and on LiveCodeBench it scores 41.7%": a clause with its own result)
            return bench, None, None, bench.end, None
        return None
    contrast = _EN_CONTRAST.match(sentence, at)
    if contrast is not None and (bench := benches.get(contrast.end())) is not None:
        relation = "matches" if contrast.group("tie") else "outperforms" if contrast.group("up") else "underperforms"
        by = _EN_BY.match(sentence, bench.end)
        if by is not None:
            return bench, float(by.group("num")), relation, by.end(), by.span("num")
        return bench, None, relation, bench.end, None
    zh = _ZH_NEXT.match(sentence, at)
    if zh is not None and (bench := benches.get(zh.end())) is not None:
        verb = _ZH_VERB.match(sentence, bench.end)
        if verb is not None and verb.group("tie"):
            return bench, None, "matches", verb.end(), None
        if verb is not None and (verb.group("up_bare") or verb.group("down_bare")):
            return bench, None, "outperforms" if verb.group("up_bare") else "underperforms", verb.end(), None
        if verb is not None:
            return (bench, float(verb.group("num")), "outperforms" if verb.group("up") else "underperforms", verb.end(),
                    verb.span("num"))
    return None


# "On GPQA Diamond the gap is wider: 59.1 versus 53.6", "GSM8K: 93.1 vs 95.8": a value pair in a sentence naming no model
CARRIED_PAIR = re.compile(r"(?<![\w.])(?P<a>\d+(?:\.\d+)?)\s*(?P<pa>%)?\s*(?:vs\.?|versus|against|对比?|比)\s*"
                          r"(?P<b>\d+(?:\.\d+)?)\s*(?P<pb>%)?(?!\w|\.\d)", re.IGNORECASE)


def carried_pair_claims(document: Document, section: Section, offset: int, sentence: str, names: list[Mention],
                        pair: tuple[str, str], relation_of: Callable[[float, float, str], str]) -> list[AnyClaim]:
    """The scores and the comparison of a value pair in a sentence that names a benchmark but no model, when the sentence
    before compared one pair: its first value is that comparison's model's, the second its baseline's ("Halcyon-3 Ultra
    scores 74.8 against 72.6 for GPT-4o. On GPQA Diamond the gap is wider: 59.1 versus 53.6")."""
    if any(n.kind in ("model", "name") for n in names):
        return []
    benches = [n for n in names if n.kind == "benchmark"]
    found = list(CARRIED_PAIR.finditer(sentence))
    if len(benches) != 1 or len(found) != 1:
        return []
    m, bench = found[0], benches[0]
    a, b = float(m.group("a")), float(m.group("b"))
    unit = "%" if m.group("pa") or m.group("pb") else "score"
    qs, qe = _tight(sentence, min(bench.start, m.start()), max(bench.end, m.end()))
    common = {"benchmark": bench.value or bench.text, "quote": sentence[qs:qe], "source": document.source,
              "section": section.title, "start": offset + qs, "end": offset + qe, "extractor": "rules"}
    return [ScoreClaim(model=pair[0], value=a, unit=unit, **common),
            ScoreClaim(model=pair[1], value=b, unit=unit, **common),
            ComparisonClaim(model=pair[0], baseline=pair[1], relation=relation_of(a, b, bench.text), **common)]
