"""Gains stated without a baseline of their own: a margin over an unnamed baseline, or over the one
the sentence named in an earlier clause.

* "Zero-Shot 性能提升 18.78%", "LPIPS_da 提升了 0.096", "improves accuracy by 4.2 points": a margin
  with nobody named to have it over is a comparison with the unnamed baseline (claims-spec: baseline
  ``baseline``, as for 「比基线模型提高了 24.3%」).
* "在 COCO 上比基线高出 21.9，在 LVIS 数据集中高出 15.4", "在 GenEval 上比 SD-XL 高出 2 分，在
  DPGBench 上高出 5 分": a later clause that names another benchmark and a margin but no baseline
  continues the earlier comparison (same model, same baseline), on its own benchmark.

A gain in speed, cost or data ("吞吐提升了 49.6%", "reduces latency by 30%") is no result; a
"from X to Y" gain is a trajectory (``trajectories``), and a gain the sentence already compares
with a named baseline is that comparison's margin (``comparisons``).
"""

from __future__ import annotations

import re

from extractor.rules.clauses import _clause_bounds, _tight
from extractor.rules.context import REFERENCE_OPENING, SentenceBenchmark
from extractor.rules.measures import _benchmark_group
from extractor.rules.mentions import Lexicons, Mention
from extractor.rules.numbers import _NOT_RESULT_AFTER, Number
from extractor.rules.subjects import _cue_objects, _pick_subject
from schemas import ComparisonClaim, Document, Section

UNNAMED_BASELINE = "baseline"
STATE_OF_THE_ART = "state-of-the-art"
# "取得了最先进的结果（在 MLVU 上提升了超过 5%）": the gain is over the previous state of the art
_SOTA_BEFORE = re.compile(r"(?:最先进|最优|SOTA|state[- ]of[- ]the[- ]art)[^。；;]{0,30}$", re.IGNORECASE)

# a gain verb and the gap to its margin ("性能提升了 18.78%", "进一步提升了 0.142", "improves MATH by 3.1")
# (each branch's first character is matched first, case-sensitively, from one class holding every character the
# case-blind first letters match - "i" also matches "İ" and "ı" - so that ``re`` skips ahead to the next one instead of
# trying both branches at every position; the branch checks that character again with a look-behind, and "\b" before a
# word's first letter is a look-behind after it)
GAIN = re.compile(
    r"(?-i:[提高增改IiBbRrLl\u0130\u0131])(?:"
    r"(?:(?<=提)(?:升|高)|(?<=高)出|(?<=增)(?:加|长)|(?<=改)善)(?:了|约|近|超过|达|高达|多达|\s)*(?=[+]?\d)"
    r"|(?<!\w[\s\S])(?:(?<=i)(?:mprov(?:es|ed|ing)|ncreas(?:es|ed|ing))|(?<=b)oost(?:s|ed|ing)?|(?<=r)ais(?:es|ed|ing)"
    r"|(?<=l)ift(?:s|ed|ing)?)\b"
    r"(?:\s+[^\s,;.]+){0,4}?\s+by\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|over\s+|up\s+to\s+|more\s+than\s+)?"
    r"(?=[+]?\d))", re.IGNORECASE)
# what the gain is in, when it is not a result: speed, cost, data, efficiency
_NOT_RESULT_GAIN = re.compile(r"速度|加速|效率|吞吐|延迟|成本|费用|显存|内存|参数|数据量|token|样本|倍|"
                              r"\b(?:speed|throughput|latency|cost|memory|efficiency|tokens?|parameters)\b",
                              re.IGNORECASE)
# a comparison the clause already states ("比 X 高出", "over X", "相比 X"), or a from-to trajectory
_NAMED_OVER = re.compile(r"比|较|相比|相较|对比|相对于|\b(?:over|than|compared|versus|vs\.?|relative\s+to|against)\b|从|"
                         r"\bfrom\b", re.IGNORECASE)
# "文本分割(Zero-Shot 性能提升 18.78%)": a task label right before the parentheses holding the gain
_LABEL_BEFORE_PAREN = re.compile(r"^[\s•·*\-–>]*([^\s(（)）:：，,。;；]{2,16})\s*[(（]")
# (the reference of a ``REFERENCE_OPENING``, then the comma closing it: "对标 DeepSeek-V3，星河-4 …高出 4 个点")
_REFERENCE_CLOSE = re.compile(r"(?:的成绩|的结果)?\s*(?:来看|而言)?\s*[，,]")
_ON_AFTER_MARGIN = re.compile(r"\s*(?:points?|pts|pp|percentage\s+points?)?\s+(?:on|in)\s+(?:the\s+)?", re.IGNORECASE)
_ON_BEFORE = re.compile(r"\b(?:on|upon)\s+$", re.IGNORECASE)
_IN_BENCHMARK = re.compile(r"(?:在|于|on|in)\s*$", re.IGNORECASE)


def gain_claims(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons,
                names: list[Mention], subjects: list[Mention], numbers: list[Number],
                comparisons: list[ComparisonClaim], ctx_benchmark: SentenceBenchmark) -> list[ComparisonClaim]:
    """Comparisons for the gains of ``sentence`` that no named-baseline comparison already states."""
    out: list[ComparisonClaim] = []
    benches = [n for n in names if n.kind == "benchmark"]
    for g in GAIN.finditer(sentence):
        num = next((n for n in numbers if n.start == g.end()), None)
        if num is None or num.unit == "x" or _NOT_RESULT_AFTER.match(sentence, num.end):
            continue
        c0, c1 = _clause_bounds(sentence, g.start())
        if _NOT_RESULT_GAIN.search(sentence, c0, g.end()) or _NAMED_OVER.search(sentence, c0, g.start()):
            continue
        if any(c.start - offset < c1 and c.end - offset > c0 for c in comparisons):
            continue  # the clause holds a stated comparison: the gain is its margin
        own = [b for b in benches if c0 <= b.start < g.end()]
        earlier = [c for c in comparisons if c.end - offset <= c0]
        if earlier and own and _IN_BENCHMARK.search(sentence, max(c0, own[-1].start - 3), own[-1].start):
            # "…比基线高出 21.9，在 LVIS 数据集中高出 15.4": the earlier comparison, on this benchmark
            base = earlier[-1]
            if base.benchmark == own[-1].text:
                continue
            out.append(_claim(document, section, offset, sentence, base.model, base.baseline, own[-1].text,
                              base.relation, num, (own[-1].start, num.end), base.start - offset))
            continue
        if earlier:
            continue  # a second margin of a stated comparison ("…高出 6.2% 和 6.6%")
        # "相比玄鸟-1.5，MMLU-Pro 提升了 5.8 分", "与上一季度发布的玄鸟-1.5 比，…": the name the sentence opens with as its
        # reference is the baseline, never the subject
        opened = _reference_opened(sentence, names)
        model = _pick_subject(sentence, names, subjects, g.start(), section,
                              exclude=(opened.start, opened.end) if opened is not None else (0, 0),
                              not_subjects=_cue_objects(sentence, lex, names))
        if model is None:
            continue
        group: list[str | None] = [b.text for b in _benchmark_group(sentence, benches, own[-1])] if own else []
        on = _ON_AFTER_MARGIN.match(sentence, num.end)  # ("by 2.1 points on MMLU": the benchmark after the margin)
        after = next((b.text for b in benches if on is not None and b.start == on.end()), None)
        bench = _label(sentence, g.start()) or after or _nearest(benches, g.start()) or ctx_benchmark.get()
        first = model.start if 0 <= model.start < g.start() else g.start()
        sota = _SOTA_BEFORE.search(sentence, max(0, g.start() - 40), g.start())
        opening = REFERENCE_OPENING.match(sentence)
        reference = next((n for n in names if n.kind in ("model", "name") and opening is not None
                          and n.start == opening.end() and _REFERENCE_CLOSE.match(sentence, n.end)
                          and n.text != model.text), None) or (opened if opened is not None and opened.text != model.text
                                                              else None)
        # ("improves on GPT-4o by 2.1 points": the model the verb's own words name)
        improved_on = next((n for n in names if n.kind in ("model", "name") and g.start() < n.start < g.end()
                            and n.text != model.text and _ON_BEFORE.search(sentence, max(0, n.start - 7), n.start)), None)
        baseline = STATE_OF_THE_ART if sota else reference.text if reference is not None \
            else improved_on.text if improved_on is not None else UNNAMED_BASELINE
        for name in (group or [bench]):
            out.append(_claim(document, section, offset, sentence, model.text, baseline, name, "outperforms", num,
                              (first, num.end), sota.start() if sota else reference.start if reference else first))
    return out


# "与上一季度发布的玄鸟-1.5 比，", "和 GPT-4o 比起来，", "跟玄鸟-1.5 相比，": a reference the sentence opens with
_WITH_OPENING = re.compile(r"(?:与|和|跟|同)\s*(?:[^，,。；;的]{1,10}的)?\s*")
_SUBJECT_THEN_REFERENCE = re.compile(r"\s*(?:相较于?|相比于?|比起|对比|较之)\s*")
_REFERENCE_END = re.compile(r"\s*(?:而言|来说|来看)?\s*[，,]")
_WITH_CLOSE = re.compile(r"\s*(?:相比|相较|比较|比起来|比)\s*(?:而言|来看|之下)?\s*[，,]")


def _reference_opened(sentence: str, names: list[Mention]) -> Mention | None:
    """The model a "与 X 比，" opening sets the rest of the sentence against."""
    m = _WITH_OPENING.match(sentence)
    if m is None:
        # "天枢-9 相较 GPT-4o，在 MATH-500 上提升了 12.4 个百分点": the subject first, then what it is set against
        models = [n for n in names if n.kind in ("model", "name")]
        if len(models) >= 2 and models[0].start <= 2:
            then = _SUBJECT_THEN_REFERENCE.match(sentence, models[0].end)
            if then is not None and models[1].start == then.end() and _REFERENCE_END.match(sentence, models[1].end):
                return models[1]
        return None
    first = next((n for n in names if n.kind in ("model", "name") and n.start >= m.end()), None)
    if first is None or first.start != m.end() or not _WITH_CLOSE.match(sentence, first.end):
        return None
    return first


def margins_of_named(comparisons: list[ComparisonClaim], sentence: str, offset: int) -> list[ComparisonClaim]:
    """A gain read as over the unnamed baseline is the margin of the named comparison the sentence's contrast
    states for the same model and benchmark ("GPT-4o 的成绩是 78.9，而知微-32B 达到了 87.3，高出 8.4 分": over
    GPT-4o by 8.4, not over some baseline too)."""
    named = {(c.model, c.benchmark): i for i, c in enumerate(comparisons)
             if c.baseline != UNNAMED_BASELINE and c.relation == "outperforms"}
    out = list(comparisons)
    drop: set[int] = set()
    for i, c in enumerate(comparisons):
        j = named.get((c.model, c.benchmark))
        if c.baseline != UNNAMED_BASELINE or c.relation != "outperforms" or j is None:
            continue
        drop.add(i)
        if out[j].delta is None:  # (the quote reaches the margin)
            start, end = min(out[j].start, c.start), max(out[j].end, c.end)
            out[j] = out[j].model_copy(update={"delta": c.delta, "unit": c.unit, "start": start, "end": end,
                                               "quote": sentence[start - offset:end - offset]})
    return [c for i, c in enumerate(out) if i not in drop]


def _label(sentence: str, pos: int) -> str | None:
    """The task label a bullet puts before the parentheses the gain is in, if any."""
    m = _LABEL_BEFORE_PAREN.match(sentence)
    if m is None or not m.end() <= pos:
        return None
    closing = min((i for i in (sentence.find(")", m.end()), sentence.find("）", m.end())) if i >= 0), default=-1)
    return m.group(1) if closing < 0 or closing > pos else None


def _nearest(benches: list[Mention], pos: int) -> str | None:
    before = [b for b in benches if b.end <= pos]
    return before[-1].text if before else None


def _claim(document: Document, section: Section, offset: int, sentence: str, model: str, baseline: str,
           benchmark: str | None, relation: str, num: Number, span: tuple[int, int],
           quote_from: int) -> ComparisonClaim:
    qs, qe = _tight(sentence, min(span[0], quote_from), span[1])
    return ComparisonClaim(
        model=model, baseline=baseline, relation=relation, benchmark=benchmark,  # type: ignore[arg-type]
        delta=num.value, unit=num.unit if num.unit in ("%", "points") else None,
        quote=sentence[qs:qe], source=document.source, section=section.title,
        start=offset + qs, end=offset + qe, extractor="rules",
    )
