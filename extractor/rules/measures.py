"""What a value measures: the benchmark(s) of its clause, its metric and its evaluation setting.

Score claims and comparison claims both ask these questions about a position in a sentence, so the
answers are shared here rather than read twice.
"""

from __future__ import annotations

import re

from extractor import lexicon
from extractor.rules.clauses import _clause_bounds
from extractor.rules.mentions import SETTING, Lexicons, Mention

_LIST_SEP = re.compile(r"^(?:\s*(?:、|,|，|和|与|及|以及|或|and|or|&|/|以及)\s*)+(?:the\s+)?$", re.IGNORECASE)
# "分别为 86.4 和 85.9", "61.2% and 68.9%, respectively": a list's members pair with another list's, in order
RESPECTIVELY = re.compile(r"分别|依次|对应|相应|respectively|\bin\s+that\s+order\b", re.IGNORECASE)  # (依次: "in order")


def _benchmarks_near(sentence: str, names: list[Mention], pos: int, past_contrast: bool = True) -> list[Mention]:
    """Benchmarks for a statement at ``pos``: those of its clause, else the nearest in the sentence (not one a
    contrast after ``pos`` introduces, unless ``past_contrast``)."""
    benches = [n for n in names if n.kind == "benchmark"]
    if not benches:
        return []
    cs, ce = _clause_bounds(sentence, pos)
    inside = [b for b in benches if cs <= b.start < ce]
    if inside:
        return inside
    before = [b for b in benches if b.end <= pos]
    if before:
        return [before[-1]]
    nearest = min(benches, key=lambda b: abs(b.start - pos))
    if not past_contrast and _CONTRAST_BETWEEN.search(sentence, pos, nearest.start):
        # "GPT-4o reaches only 24.6%, … even though the two are close on MMLU", "X 为 28.4%，落后于 GPT-4o，但在
        # HumanEval 上…": a benchmark a contrast introduces is the other clause's; the value's is the context's
        return []
    return [nearest]


_CONTRAST_BETWEEN = re.compile(r"但|不过|然而|(?<![因从然反进])而(?![且言是])"
                               r"|\b(?:but|while|whereas|although|though|yet|however)\b", re.IGNORECASE)


def _benchmark_group(sentence: str, benches: list[Mention], anchor: Mention) -> list[Mention]:
    """``anchor`` and the benchmarks listed with it ("在 A、B 和 C 上")."""
    group = [anchor]
    ordered = sorted(benches, key=lambda b: b.start)
    i = ordered.index(anchor)
    for j in range(i - 1, -1, -1):
        if _LIST_SEP.match(sentence[ordered[j].end:group[0].start]):
            group.insert(0, ordered[j])
        else:
            break
    for j in range(i + 1, len(ordered)):
        if _LIST_SEP.match(sentence[group[-1].end:ordered[j].start]):
            group.append(ordered[j])
        else:
            break
    return group


def _metric_near(sentence: str, lex: Lexicons, start: int, end: int) -> str | None:
    cs, ce = _clause_bounds(sentence, start)
    best: tuple[int, int, str] | None = None
    for m in lex.metric_regex.finditer(sentence, cs, ce):
        metric = lexicon_metric(m.group(0))
        if not metric:
            continue
        dist = m.start() - end if m.start() >= end else start - m.end()
        if dist > 24:
            continue  # "71.7% on SWE-bench Verified and an Elo rating of 2727": too far to be this number's
        if m.start() >= end and _after_other_value(sentence, end, m.start()):
            continue  # "83.2% on MATH-500 and 55.5 pass@1": a metric after another value is that value's
        # A specific metric (Elo, F1, accuracy) beats a generic "score" word in the same clause.
        rank = (1 if metric in _GENERIC_METRICS else 0, abs(m.start() - start))
        if best is None or rank < best[:2]:
            best = (*rank, metric)
    return best[2] if best else None


_GENERIC_METRICS = frozenset({"score", "average score", "total score"})
# A value standing alone (not the digits of a name such as MATH-500 or GPT-4o).
_STANDALONE_NUMBER = re.compile(r"(?:^|(?<=[\s(（,，:：]))[+-]?\d+(?:\.\d+)?\s*(?:%|％)?(?=[\s,，;；)）%]|$)")


_VALUE_LIST_GAP = re.compile(r"(?:\s*(?:、|,|，|和|与|及|以及|and|or|/)?\s*[+-]?\d+(?:\.\d+)?\s*(?:%|％|分|points?)?)*"
                             r"\s*(?:的|,|，)?\s*(?:average\s+|平均)?", re.IGNORECASE)


def _after_other_value(sentence: str, start: int, end: int) -> bool:
    """Does another value stand between ``start`` and ``end``, other than in a plain list of values?

    "82.3% 和 45.6% 的准确率": the metric after a list is every value's; "83.2% on MATH-500
    and 55.5 pass@1": the metric after another clause's value is that value's only.
    """
    return bool(_STANDALONE_NUMBER.search(sentence, start, end)) and not _VALUE_LIST_GAP.fullmatch(sentence, start, end)


def lexicon_metric(surface: str) -> str | None:
    return lexicon.metric_words().get(surface.lower())


def _setting_near(sentence: str, start: int, end: int | None = None) -> str | None:
    """The evaluation setting of the value at ``start``: its own "(5-shot)" after it, else the nearest one."""
    if end is not None:
        own = _OWN_SETTING.match(sentence, end)
        if own is not None:
            return own.group(1)
    cs, ce = _clause_bounds(sentence, start)
    if "|" in sentence:  # "tide-13b-chat | MMLU 5-shot: 68.4 | GSM8K 8-shot CoT: 74.9": each cell its own setting
        # (the cell, not the clause: "MMLU 5-shot: 68.4" is one cell, two clauses)
        bar = sentence.rfind("|", 0, start)
        cs = bar + 1 if bar >= 0 else cs
        bar = sentence.find("|", start)
        ce = bar if bar >= 0 else ce
    found = [m for m in SETTING.finditer(sentence, cs, ce)
             if m.start() < start or not _after_other_value(sentence, start + 1, m.start())]
    if not found:
        return None
    return min(found, key=lambda m: abs(m.start() - start)).group(0)


# "55.3 ± 0.6 (5-shot)", "71.9% (maj@8)": the setting in parentheses right after a value is that value's
_OWN_SETTING = re.compile(r"\s*(?:(?:±|\+/-)\s*\d+(?:\.\d+)?\s*%?\s*)?[(（]\s*(" + SETTING.pattern + r")"
                          r"(?:\s+[\w@-]+){0,2}\s*[)）,，;]",  # ("(8-shot CoT)")
                          re.IGNORECASE)
