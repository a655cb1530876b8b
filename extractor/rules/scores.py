"""Score claims: a result value + a benchmark + a model.

Includes "respectively" alignment (one value per listed benchmark or model) and the "86.0 vs. 82.3"
pairs that follow a comparison.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from extractor import lexicon
from extractor.regex_lead import led
from extractor.rules.clauses import _CLAUSE_SEP, _tight
from extractor.rules.comparisons import relation_of_values
from extractor.rules.context import _Context
from extractor.rules.enumerations import (
    ValueList,
    juxtaposed_values,
    paren_value_pairs,
    partners,
    runs_of_a_model_list,
    slash_value_lists,
)
from extractor.rules.gains import STATE_OF_THE_ART, UNNAMED_BASELINE
from extractor.rules.measures import (
    _GENERIC_METRICS,
    RESPECTIVELY,
    _benchmark_group,
    _benchmarks_near,
    _metric_near,
    _setting_near,
)
from extractor.rules.mentions import Lexicons, Mention, is_cjk_sentence
from extractor.rules.names import _norm
from extractor.rules.numbers import (
    _MARGIN_WORD,
    _NOT_RESULT_AFTER,
    BARE_HIGHER_LOWER,
    OWNER_AFTER,
    POINT_MARGIN,
    Number,
    _is_result_number,
    _labelled_value,
    _numbers,
    count_results,
    in_a_list_of_margins,
    not_result_before,
    taken_back,
)
from extractor.rules.owners import (
    COMMA_AT,
    COPULA,
    _baseline_owning,
    _contrast_before,
    _in_parens_after,
    _model_list_before,
    _named_after,
    _owned_by_other,
    _sized_family,
    copula_values,
    earlier_value_owner,
    former_latter_values,
    group_reference,
    group_referents,
    improved_from_to,
    model_list_after,
    other_party_values,
    owned_value_lists,
    predecessor_values,
    relative_clause_values,
    values_after_yi,
    values_before_named_parens,
    values_for_named,
    which_clause_values,
)
from extractor.rules.subjects import OWN_MODEL, _cue_objects, _model_mentions, _pick_subject
from schemas import ComparisonClaim, Document, ScoreClaim, Section

_EN_ON_BENCH = re.compile(r"\s*(?:[(（][^()（）]{0,40}[)）]\s*)?(?:[A-Za-z@0-9-]+\s+){0,3}?(?:on|in|at)\s+(?:the\s+)?",
                          re.IGNORECASE)
_PAREN_OPEN_AFTER = re.compile(r"\s*%?\s*[(（]\s*")
_PAREN_CLOSE_AFTER = re.compile(r"\s*[)）]")
_AND_BEFORE_ON = re.compile(r"\band\s+(?:on|in|at)\s+(?:the\s+)?$", re.IGNORECASE)
_VALUE_NEXT = re.compile(r"\s*[:：]?\s*\d")
# "a Codeforces rating of 1691", "Elo 为 1189": ratings are Elo points
_RATING = re.compile(r"\brating|\belo\b|评级|等级分", re.IGNORECASE)
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
# where a contrasting clause starts: "…, while Self-RAG and IRCoT reach …", "；", "，而"
_CONTRAST_CLAUSE = re.compile(r"[;；]|\b(?:while|whereas|but)\b|[，,]\s*(?:而|但)", re.IGNORECASE)
_VS_PAIR = re.compile(r"(?<![\w.@])(\d+(?:\.\d+)?)\s*(%|％)?\s*(?:vs\.?|versus|v\.s\.|对比|对|比)\s*(\d+(?:\.\d+)?)\s*(%|％)?(?!\w|\.\d)",
                      re.IGNORECASE)


_RESPECTIVELY_IS = re.compile(r"(?:分别|依次)(?:是|为|达到了?|拿到了?)\s*")
# the rest of a list of values that "respectively" closes ("38.9 and 65.9 respectively", "38.9 和 65.9")
_RESPECTIVELY_AFTER = re.compile(r"(?:\s*(?:%|％)?\s*(?:,|，|、|and|和|与|及)\s*[+]?\d+(?:\.\d+)?)*\s*(?:%|％)?\s*,?\s*"
                                 r"(?:respectively|in\s+that\s+order)\b", re.IGNORECASE)
_BARE_HIGHER_LOWER = re.compile(BARE_HIGHER_LOWER + r"\s?$")
_VERSUS_BEFORE = re.compile(r"\b(?:versus|vs\.?|against|compared\s+(?:with|to))\s+$", re.IGNORECASE)
_TO_OUR = re.compile(r"\b(?:to|vs\.?|versus|against|compared\s+(?:with|to))\s+(?P<our>our)\s+(?:own\s+)?$", re.IGNORECASE)
_TWO_VALUES_JOINED = re.compile(r"\s*(?:and|和|与)\s*")
_LISTED_VALUES_GAP = re.compile(r"\s*(?:[,，、]\s*(?:and\s+)?|and|和|与|及)\s*")
_PAIR_OPENS = re.compile(r"\s*[(（]\s*$")
_PAIR_LABEL = re.compile(r"\s*[:：]?\s*")  # ("MMLU 85.1 vs 83.0", "GSM8K: 92.3 vs 90.1": the pair's benchmark as its label)
# "scored 62.5, 41.2 and 48.8 on the same benchmarks", "在同样的三个基准上分别…": the benchmarks listed before, in order
_SAME_BENCHMARKS = re.compile(r"\bon\s+the\s+same\s+(?:(?:two\s+|three\s+|four\s+|\d\s+)?(?:benchmarks|tasks|tests|evals?)\b"
                              r"|(?:two|three|four|\d)\b(?!\s*[-A-Za-z0-9]))"  # ("on the same two": the noun left out)
                              r"|(?:在)?(?:同样的|相同的)(?:两|三|四|几)?(?:个|项)?(?:基准|评测|测试)(?:集)?上", re.IGNORECASE)


_GAP_IS_BEFORE = re.compile(r"\b(?:gap|margin|difference|deficit|spread)\b[^.;:()]{0,60}?\b(?:is|was|of|at|stands\s+at|"
                            r"comes\s+to|narrows\s+to|widens\s+to|to)\s+(?:just\s+|only\s+|about\s+|roughly\s+|nearly\s+|"
                            r"almost\s+|around\s+|a\s+mere\s+)?$", re.IGNORECASE)


# "edges out Claude 3.5 Sonnet on SWE-bench Verified, 50.8% to 49.0%": a score line after a comparison, set off by a
# comma, colon or dash (not "from 40.1 to 50.8", a trajectory, nor "by 2 to 3 points", a margin)
SCORE_LINE = re.compile(r"(?<![\w.@])(\d+(?:\.\d+)?)\s*(%|％)?\s+to\s+(\d+(?:\.\d+)?)(?:\s*(%|％))?"
                        r"(?=\s*(?:[.;,)]|$|on\s|in\s))(?!\.\d)")
_LINE_OPENS = re.compile(r"[,:(—–]\s*$")


def score_line_scores(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons,
                      comparisons: list[ComparisonClaim], names: list[Mention]) -> list[ScoreClaim | ComparisonClaim]:
    """``_versus_scores`` for a score line ("…, 50.8% to 49.0%"): the first value the comparison's subject's, the
    second its baseline's, whoever else the sentence rules gave them to (the caller drops those)."""
    # (or right after the baseline's name: "outscores GPT-4o 71.4 to 69.2 on GPQA Diamond")
    ends = {n.end for n in names if n.kind in ("model", "name")}
    pairs = [m for m in SCORE_LINE.finditer(sentence) if _LINE_OPENS.search(sentence, max(0, m.start() - 4), m.start())
             or m.start() - 1 in ends and sentence[m.start() - 1] == " "]
    return _versus_scores(document, section, offset, sentence, lex, comparisons, [], names, pairs) if pairs else []


def _versus_scores(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons,
                   comparisons: list[ComparisonClaim], scores: list[ScoreClaim],
                   names: list[Mention], pairs: list[re.Match[str]] | None = None) -> list[ScoreClaim | ComparisonClaim]:
    """"surpasses Y on HumanEval (86.0 vs. 82.3)": the pair is the subject's score, then the baseline's (on the
    benchmark written right before its parentheses, if one is: "gains 6.1 points on AIME 2024 and 4.7 on
    OlympiadBench (57.9 vs. 53.2)"; or right before the pair as its label: "beats GPT-4o: MMLU 85.1 vs 83.0, GSM8K
    92.3 vs 90.1", where a pair on another benchmark than the comparison's compares the two there too)."""
    out: list[ScoreClaim | ComparisonClaim] = []
    have = {(c.model, c.value) for c in scores}
    for m in _VS_PAIR.finditer(sentence) if pairs is None else pairs:
        if _YEAR_LIKE.fullmatch(m.group(1)) and not m.group(2):
            continue  # "on AIME 2024 versus 8 for GRPO": the year of a benchmark's name
        before = [c for c in comparisons if c.start - offset < m.start() and c.benchmark]
        if not before:
            continue
        # the comparison whose baseline is named last before the pair: "on par with A (71.4 vs. 70.2) and
        # surpasses B" pairs A's value, not B's
        comp = max(before, key=lambda c: sentence.rfind(c.baseline, 0, m.start()))
        owners = {(comp.model, float(m.group(1))), (comp.baseline, float(m.group(3)))}
        if any(c.value in (float(m.group(1)), float(m.group(3))) and (c.model, c.value) not in owners for c in scores):
            continue  # (a pair whose values already have other owners: "X gets 28.4 vs 31.0 for Y")
        unit = "%" if m.group(2) or m.group(4) else "score"
        qs = comp.start - offset
        right_before = next((n for n in names if n.kind == "benchmark" and (_PAIR_OPENS.fullmatch(sentence, n.end, m.start())
                                                                             or _PAIR_LABEL.fullmatch(sentence, n.end, m.start()))),
                            None)
        benchmark = (right_before.value or right_before.text) if right_before is not None else comp.benchmark
        if right_before is not None and _PAIR_LABEL.fullmatch(sentence, right_before.end, m.start()) \
                and benchmark != comp.benchmark and comp.baseline not in (UNNAMED_BASELINE, STATE_OF_THE_ART) \
                and not any(c.benchmark == benchmark and c.baseline == comp.baseline for c in comparisons):
            out.append(ComparisonClaim(
                model=comp.model, baseline=comp.baseline, benchmark=benchmark,
                relation=relation_of_values(float(m.group(1)), float(m.group(3)), benchmark, lex), delta=None,
                quote=sentence[qs:m.end()], source=document.source, section=section.title, start=offset + qs,
                end=offset + m.end(), extractor="rules"))
        for model, raw in ((comp.model, m.group(1)), (comp.baseline, m.group(3))):
            if (model, float(raw)) in have or model in (UNNAMED_BASELINE, STATE_OF_THE_ART):
                continue  # (a baseline the text does not name has no score of its own)
            out.append(ScoreClaim(
                model=model, benchmark=benchmark, metric=_metric_near(sentence, lex, m.start(), m.end()),
                value=float(raw), unit=unit, setting=_setting_near(sentence, m.start()), quote=sentence[qs:m.end()],
                source=document.source, section=section.title, start=offset + qs, end=offset + m.end(),
                extractor="rules",
            ))
    return out


# two models named together, then their values as a pair: "A and B are within 0.2 points on MMLU (68.9 vs. 69.1)",
# "A 和 B 之间还有距离，结果是 44.4 对 56.6"
# ("compares Meridian 4 with Meridian 3.5 on IFEval (88.1 vs 81.4)", "pits A against B")
_TWO_NAMED = re.compile(r"\s*(?:and|和|与|跟|同|以及|&|vs\.?|versus|对比|with|against)\s*", re.IGNORECASE)


def paired_values_of_two(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons,
                         names: list[Mention], bench: str | None) -> list[ScoreClaim | ComparisonClaim]:
    """The pair's first value is the first named model's, the second the second's, and the pair compares them
    (when the sentence names exactly two models, side by side, before the pair, and a benchmark)."""
    models = [n for n in names if n.kind in ("model", "name")]
    first = _VS_PAIR.search(sentence)
    if first is None or len(models) != 2 or models[1].end > first.start() \
            or not _TWO_NAMED.fullmatch(sentence, models[0].end, models[1].start):
        return []
    out: list[ScoreClaim | ComparisonClaim] = []
    # ("A vs B: MMLU 85.1 vs 83.0, GSM8K 92.3 vs 90.1": each pair on the benchmark written right before it as its label)
    labelled = [m for m in _VS_PAIR.finditer(sentence)
                if any(n.kind == "benchmark" and _PAIR_LABEL.fullmatch(sentence, n.end, m.start()) for n in names)]
    for m in labelled if len(labelled) >= 2 else [first]:
        if _YEAR_LIKE.fullmatch(m.group(1)) and not m.group(2):
            continue
        near = [b for b in names if b.kind == "benchmark" and b.end <= m.start()] or [b for b in names if b.kind == "benchmark"]
        benchmark = near[-1].text if near else bench
        if benchmark is None:
            continue
        unit = "%" if m.group(2) or m.group(4) else "score"
        qs, qe = models[0].start, m.end()
        common = {"benchmark": benchmark, "quote": sentence[qs:qe], "source": document.source, "section": section.title,
                  "start": offset + qs, "end": offset + qe, "extractor": "rules"}
        a, b = float(m.group(1)), float(m.group(3))
        out += [ScoreClaim(model=models[0].text, value=a, unit=unit, metric=_metric_near(sentence, lex, m.start(), m.end()),
                           **common),
                ScoreClaim(model=models[1].text, value=b, unit=unit, metric=_metric_near(sentence, lex, m.start(), m.end()),
                           **common)]
        out.append(ComparisonClaim(model=models[0].text, baseline=models[1].text,
                                   relation=relation_of_values(a, b, benchmark, lex), **common))
    return out


# "matches GPT-4o-mini on IFEval (84.1 for both)", "在 AMC23 上两者持平（均为 62.5）": one value both sides reached
SHARED_VALUE = led(re.compile(
    r"[(（]\s*(\d+(?:\.\d+)?)\s*(%|％)?\s*(?:for\s+both|each|apiece|for\s+each|in\s+both\s+cases)\s*[)）]"
    r"|(?:均为|都是|同为|皆为|都为|均是|均达到|都达到|都拿到|\bboth\s+(?:at|scoring|score|reach|reaching|with|on))\s*"
    r"(\d+(?:\.\d+)?)(?!\d|\.\d)(?:\s*(%|％))?(?!\s*(?:出头|多|几))"  # (not "都是 90 出头": no value)
    # ("Atlas 3 matches Claude 3.5 Sonnet on IFEval at 86.0%": the one value of a tie, after its benchmark)
    # ("Lumen 4 mini and o1-mini are tied on MATH-500 at 90.0": a pair's tie)
    r"|(?:\b(?:matches|matched|matching|ties|tied\s+with|tying)\s+[^,;()]{1,60}?|\b(?:tie|tied|are\s+on\s+par))"
    # (the benchmark perhaps named elsewhere: "On Arena-Hard, Tern-34B ties Llama 3.1 70B at 61.5")
    r"(?:\s+on\s+[^,;()]{1,40}?)?\s+at\s+"
    r"(\d+(?:\.\d+)?)(?!\d|\.\d)(?:\s*(%))?", re.IGNORECASE))


def shared_value_scores(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons,
                        comparisons: list[ComparisonClaim]) -> list[ScoreClaim]:
    """A tie stated with its one value ("on par with X (71.0 each)"): the value is the model's and the baseline's
    (the caller drops the single-owner scores the sentence rules gave that value)."""
    out: list[ScoreClaim] = []
    have: set[tuple[str, float]] = set()
    for m in SHARED_VALUE.finditer(sentence):
        ties = [c for c in comparisons if c.relation == "matches" and c.start - offset < m.start() and c.benchmark]
        if not ties:
            continue
        comp = ties[-1]
        raw, pct = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4)) if m.group(3) \
            else (m.group(5), m.group(6))
        if m.group(5) and _A_VALUE_BEFORE.search(sentence, comp.start - offset, m.start()):
            continue  # ("X scores 71.2 on IFEval, essentially matching Y at 72.0": the value at the end is Y's alone)
        qs = max(0, min(comp.start - offset, m.start()))  # (a tie stated in an earlier sentence: quote this one)
        for model in (comp.model, comp.baseline):
            if (model, float(raw)) in have:
                continue
            have.add((model, float(raw)))
            out.append(ScoreClaim(
                model=model, benchmark=comp.benchmark, metric=_metric_near(sentence, lex, m.start(), m.end()),
                value=float(raw), unit="%" if pct else "score", setting=_setting_near(sentence, m.start()),
                quote=sentence[qs:m.end()], source=document.source, section=section.title, start=offset + qs,
                end=offset + m.end(), extractor="rules",
            ))
    return out


_EN_POINTS = re.compile(r"\d+(?:\.\d+)?\s*(?:[-–]\s*\d+(?:\.\d+)?\s*)?-?\s*(?:points?|pts|pp|percentage\s+points?)\b",
                        re.IGNORECASE)
_YI_MARGIN_AFTER = re.compile(r"\s*(?:分|个百分点|个点)?\s*(?:的(?:微弱|明显|较大|巨大|绝对)?优势)?\s*"
                              r"(?:领先|超过|超越|击败|胜出|力压|险胜|落后|高于|低于|优于)")
_A_VALUE_BEFORE = re.compile(r"(?<![\w.])\d+\.\d+|(?<![\w.])\d+\s*%")
_ARTICLE = re.compile(r"(?:the|our|its|this)\s+", re.IGNORECASE)


def _scores(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons,
            names: list[Mention], subjects: list[Mention], numbers: list[Number], ctx: _Context,
            baseline_spans: list[tuple[int, int, str]] | None = None) -> list[ScoreClaim]:
    benches = [n for n in names if n.kind == "benchmark"]
    parens = "(" in sentence or "（" in sentence
    paired_at = {num.start: bench for bench, num in paren_value_pairs(sentence, names, numbers)} if parens else {}
    # "Yi-Lightning-2，MMLU 87.1，GSM8K 94.3": a value written right after a benchmark is measured on it
    paired_at.update({num.start: b for b, num in juxtaposed_values(sentence, names, numbers, ("benchmark",))
                      if num.start not in paired_at})
    # "GSM8K (8-shot, strict-match): 84.6 · MATH-500 (…): 61.2": the benchmark written right before the value
    paired_at.update({n.start: b for n in numbers if n.start not in paired_at
                      and (b := _benchmark_right_before(sentence, n, benches)) is not None})
    # "Wren-8B (84.2) beats Gemma-2-9B (80.1)": a value in parentheses right after a model is that model's
    # (or in a paragraph or a document about one benchmark: "Qwen2.5-72B (22.1%) edges out Llama-3.1-405B (21.4%)")
    owned_at = {num.start: m for m, num in paren_value_pairs(sentence, names, numbers, ("model", "name"))} \
        if parens and (benches or ctx.benchmark_before(offset) or ctx.title_benchmark) else {}
    # "MMLU 上两者几乎打平，星火-Max 85.6，Qwen2.5-72B 85.3": a value written right after a model is that model's
    owned_at.update({num.start: m for m, num in juxtaposed_values(sentence, names, numbers)
                     if num.start not in owned_at})
    # "71.8, up from 69.4 on rc2", "46.7 (was 40.0 on rc2)": the earlier value is the model's it was measured on
    if " from " in sentence or "was " in sentence:
        measured_on = {num.start: earlier_value_owner(sentence, num, names) for num in numbers if num.start not in owned_at}
        owned_at.update({start: owner for start, owner in measured_on.items() if owner is not None})
    # "X improves its backbone, Y, from 75.8 to 80.4": the first value is Y's, the second X's
    changed_to: dict[int, int] = {}  # a change's first value -> where its second ends
    if " from " in sentence:
        improved = improved_from_to(sentence, names, numbers)
        owned_at.update({num.start: m for m, num in improved})
        changed_to = {a.start: b.end for (_, a), (_, b) in zip(improved[::2], improved[1::2], strict=True)}
    # "On IFEval, Qwen2.5-72B is 84.1": a value a copula joins to a model's name is that model's
    if " is " in sentence or " was " in sentence or " at " in sentence:
        owned_at.update({num.start: m for m, num in copula_values(sentence, names, numbers) if num.start not in owned_at})
    # "新模型是 86.3，上一代是 74.0": the earlier release's value
    if "代" in sentence:
        owned_at.update({num.start: m for m, num in predecessor_values(sentence, numbers) if num.start not in owned_at})
    # "Gemini scores 62.2% to our 59.8%": the value after "to our" is the writers' own model's
    if " our " in sentence and (writers := OWN_MODEL.get() or section.subject) is not None:
        for num in numbers:
            ours = _TO_OUR.search(sentence, max(0, num.start - 20), num.start)
            if ours is not None and num.start not in owned_at:
                owned_at[num.start] = Mention(ours.start("our"), ours.end("our"), writers, "subject")
    # "…, which reports 97.3% on MATH-500 and 79.8% on AIME 2024": the relative clause's model
    if "which" in sentence:
        owned_at.update({num.start: m for m, num in which_clause_values(sentence, names, numbers)
                         if num.start not in owned_at})
    # "Tianshu-9 scored 88.2 on MMLU; GPT-4o, 88.7": a clause with its verb left out, the name then its value
    if ", " in sentence:
        owned_at.update({num.start: m for m, num in _gapped_values(sentence, names, numbers) if num.start not in owned_at})
    # "我们是 41.0，对方是 49.0": the other party's value
    if "对方" in sentence or "对手" in sentence or "人家" in sentence:
        owned_at.update({num.start: m for m, num in other_party_values(sentence, names, numbers, ctx.other_party)
                         if num.start not in owned_at})
    # "more than double the 23.3% Meridian-3 managed": a relative clause right after the value names its model
    if " the " in sentence:
        owned_at.update({num.start: m for m, num in relative_clause_values(sentence, names, numbers)
                         if num.start not in owned_at})
    # "the numbers are 71.5 (DeepSeek-R1) and 65.0 (Claude 3.5 Sonnet)": a value with its model's name in parentheses
    if parens:
        owned_at.update({num.start: m for m, num in values_before_named_parens(sentence, names, numbers)
                         if num.start not in owned_at})
    # "Tern-34B 在 MMLU 上以 85.1 超过 Llama 3.1 70B 的 83.0": the value after 以 is the clause's model's
    if "以" in sentence:
        owned_at.update({num.start: m for m, num in values_after_yi(sentence, names, numbers) if num.start not in owned_at})
    # "the figures are 94.3 for Tern-34B and 96.4 for o1": a value "for" the model named right after it
    if " for " in sentence:
        owned_at.update({num.start: m for m, num in values_for_named(sentence, names, numbers) if num.start not in owned_at})
    # "我只跑了 Phi-4 和星河，前者 55.6，后者 47.0", "the former scores 55.6 and the latter 47.0"
    owned_at.update({num.start: m for m, num in former_latter_values(sentence, numbers, ctx.text, section.start, offset)
                     if num.start not in owned_at})
    good = [n for n in numbers if _is_result_number(sentence, lex, n) or _labelled_value(sentence, benches, n)
            or n.start in paired_at or n.start in owned_at and n.unit != "x" or _on_a_benchmark(sentence, n, benches)
            or _after_a_benchmark_place(sentence, n, benches)
            # "On MATH-500 it does 96.8": a decimal right after a score verb, in a sentence naming its benchmark
            or bool(benches) and _verb_right_before(sentence, n)
            # "Sonnet and DeepSeek-R1 go 38.9 and 65.9 respectively": decimals a "respectively" lists for its names
            or bool(benches) and "." in sentence[n.start:n.end] and _RESPECTIVELY_AFTER.match(sentence, n.end) is not None
            # "It still sits just behind GPT-4o (90.2)": a decimal in parentheses right after a baseline's name
            or parens and bool(baseline_spans) and _right_after_baseline(sentence, n, baseline_spans or [])
            # "R1 was 97.3 versus 96.4 for o1": a decimal set against another, then given its own model
            or bool(benches) and _VERSUS_BEFORE.search(sentence, max(0, n.start - 12), n.start) is not None
            and "." in sentence[n.start:n.end] and _named_after(sentence, n, names) is not None]
    good = [n for n in good if not in_a_list_of_margins(sentence, n) and not taken_back(sentence, n)
            # ("GPT-4o is 3.7 ahead of Corvid": a margin, whatever verb is before it)
            and not _MARGIN_WORD.match(sentence, n.end)
            # ("24.4 points, a pattern of steep drops", "2–3 pts optimistic": English points are a margin, never a score
            # in any corpus's gold)
            and not _EN_POINTS.match(sentence, n.start)
            # ("青鸾以 0.6 分领先 GPT-4o": by how much it leads)
            and not (n.value < 15 and "以" in sentence and _YI_MARGIN_AFTER.match(sentence, n.end) is not None
                     and sentence.rfind("以", max(0, n.start - 6), n.start) >= 0)
            # ("The gap between Tianshu-9 and GPT-4o on MMLU is just 0.5 points": the gap's size)
            and not (n.value < 20 and _GAP_IS_BEFORE.search(sentence, max(0, n.start - 70), n.start))
            # ("原来是低 0.3", "我们在 C-Eval 上高 4.5 分": a bare 高 / 低 before it states a margin)
            and not (n.value < 20 and _BARE_HIGHER_LOWER.search(sentence, max(0, n.start - 4), n.start))
            # ("二者差距仅为0.3个百分点": percentage points are a margin, whatever verb is before them)
            and not (n.unit == "points" and POINT_MARGIN.search(sentence, n.start, n.end))]
    if not good:
        return []
    cjk = is_cjk_sentence(sentence)
    aligned: dict[int, Mention] = {}
    model_aligned: dict[int, Mention] = {}
    said_for: dict[int, re.Match[str]] = {}  # values a 分别 / respectively gives the topic, in a sentence naming nobody
    if len(good) >= 2 and (RESPECTIVELY.search(sentence) or _SAME_BENCHMARKS.search(sentence)):
        # (a value in parentheses after a name is that name's, not one of the list: "后者与 GPT-4o（68.5%）持平")
        pct = [n for n in good if (n.unit is not None or n.value_high is None) and n.start not in owned_at]
        # "RAG obtains 41.7 EM on HotpotQA, while Self-RAG and IRCoT reach 62.3 and 64.6 EM respectively": the
        # list is the clause of "respectively", not the whole sentence
        resp = RESPECTIVELY.search(sentence)
        # "scored 84.5%, 72.6 and 69.4% on the same three, and 80.4% on IFEval": the values before the phrase are on
        # the benchmarks listed before the sentence; the sentence's own benchmark comes after
        same = _SAME_BENCHMARKS.search(sentence) if resp is None else None
        if same is not None and any(b.start < same.start() for b in benches):
            same = None
        if same is not None and 2 <= len(before_same := [n for n in pct if n.end <= same.start()]) < len(pct):
            pct = before_same
        if resp is not None:
            rs = max((m.end() for m in _CONTRAST_CLAUSE.finditer(sentence, 0, resp.start())), default=0)
            in_clause = [n for n in pct if rs <= n.start < resp.start()]
            # ("灵枢-R2 只有 38.6%，而 Claude 3.5 Sonnet 和 GPT-4o 分别为 49.0% 和 33.2%": 分别 comes before its values, in
            # the clause after the contrast)
            after_resp = [n for n in pct if max(rs, resp.end()) <= n.start] if resp.group(0).startswith(("分别", "依次")) else []
            # ("Yunque-7B at 78.5 on C-Eval and 80.2 on CMMLU, and GLM-4-9B at 75.6 and 72.4 respectively": the run of
            # values right before an English "respectively" is its list; the values before have their own benchmarks)
            tail = _run_ending(sentence, [n for n in good if n.end <= resp.start()])
            if len(in_clause) >= 2 and len(in_clause) < len(pct):
                pct = in_clause
            elif not resp.group(0).startswith(("分别", "依次")) and len(tail) >= 2 and any(n not in tail for n in pct) \
                    and _VALUES_TO_RESPECTIVELY.fullmatch(sentence, tail[-1].end, resp.start()):
                pct = tail
            elif rs > 0 and 2 <= len(after_resp) < len(pct) and not RESPECTIVELY.search(sentence, resp.end()):
                pct = after_resp
            elif (second := RESPECTIVELY.search(sentence, resp.end())) is not None:
                # "得分分别为 72.8 和 76.5，相比 Distill-7B 分别下降 0.4 和 0.2 分": each 分别 pairs its own values
                first = [n for n in pct if n.start < second.start()
                         and (n.start >= resp.end() or not resp.group(0).startswith(("分别", "依次")))]  # (分别 before its values)
                if len(first) >= 2:
                    pct = first
        # the benchmarks listed together before the values ("C-Eval 和 CMMLU 成绩分别为 86.4 和 85.9"),
        # not every benchmark-like phrase of the sentence
        before = [b for b in benches if b.end <= pct[0].start]
        group = _benchmark_group(sentence, benches, before[-1]) if before else benches
        if len(group) != len(pct) and resp is not None and resp.group(0).startswith(("分别", "依次")) \
                and len(fenbie_run := _listed_run(sentence, [n for n in pct if n.start >= resp.end()])) == len(group) >= 2:
            # "Qwen2.5-72B 在 C-Eval 和 CMMLU 上分别是 91.7 和 90.1，GPT-4o 在 CMMLU 上大概 78.8": the values listed
            # right after 分别, as many as the benchmarks listed, are its own; the later value is another clause's
            pct = fenbie_run
        if pct and len(group) == len(pct):  # (no value left and no benchmark listed: nothing to align)
            aligned = {n.start: b for n, b in zip(pct, group, strict=True)}
            # ("…分别取得 91.2 和 90.4 分，Qwen2.5-72B 对应成绩为 88.6 和 88.1": another model's values on the same
            # benchmarks, listed after a second 对应 / 分别 / "respectively", as many as the first)
            later = RESPECTIVELY.search(sentence, pct[-1].end)
            if later is not None and not _group_is_margins(sentence, later.end()):
                second_list = _listed_run(sentence, [n for n in good if n.start >= later.end() and n.start not in aligned])
                if len(second_list) == len(group) and second_list[0].start - later.end() <= 8:
                    aligned.update({n.start: b for n, b in zip(second_list, group, strict=True)})
            # "…在 C-Eval 和 CMMLU 上分别为 89.3% 和 90.1%，两项均超过 GPT-4o（分别为 76.0% 和 78.3%）": a name's own
            # 分别 in parentheses lists its values on the same benchmarks
            for owner, values in _respectively_in_parens(sentence, names, good, pct[-1].end):
                if len(values) == len(group):
                    aligned.update({n.start: b for n, b in zip(values, group, strict=True)})
                    model_aligned.update({n.start: owner for n in values})
        elif len(benches) == len(pct):
            aligned = {n.start: b for n, b in zip(pct, benches, strict=True)}
        else:
            # "Osprey-7B and Osprey-13B achieve 61.2% and 68.9%, respectively": one value per listed model
            listed = _model_list_before(sentence, names, pct[0].start) or _sized_family(sentence, names, pct[0].start) \
                or model_list_after(sentence, names, pct[-1].end)
            said = group_reference(sentence, pct[0].start) if not listed and len(pct) in (2, 3) else None
            if said is not None and said.size == len(pct) \
                    and not _model_mentions([n for n in names if n.end <= pct[0].start]):
                # "两款模型…分别为 89.2 和 88.7", "三者分别是 …": the models named last, standing where the sentence
                # names the group
                # (named in the section, else in the document's first line: "X、Y 和 Z 实测对比")
                referents = group_referents(ctx.text, section.start, offset, said.size) \
                    or group_referents(ctx.text, 0, max(0, ctx.text.find("\n", 0, offset)), said.size)
                listed = [Mention(said.start, said.end, m.text, "model") for m in referents]
            if len(listed) == len(pct):
                model_aligned = {n.start: m for n, m in zip(pct, listed, strict=True)}
            elif (not benches or same is not None) \
                    and len(earlier_listed := [b for b in (ctx.paragraph_benchmarks or (
                        ctx.listed_in_the_line_before() if resp is not None else []) if same is None or len(
                        ctx.paragraph_benchmarks) - len(benches) >= len(pct) else ctx.last_paragraph_benchmarks)
                                        if not any(_norm(b) == _norm(n.text) for n in benches)]) >= len(pct):
                # "…在 C-Eval、CMMLU、GSM8K 上分别为 47.2%、46.8% 和 34.1%。微调后 xq-lora-0.5b 分别为 48.9%、48.0% 和
                # 36.6%": a sentence naming no benchmark lists its values for the ones the sentences before listed
                listed_before = earlier_listed[len(earlier_listed) - len(pct):]
                aligned = {n.start: Mention(-1, -1, b, "benchmark") for n, b in zip(pct, listed_before, strict=True)}
                if resp is not None and _RESPECTIVELY_IS.fullmatch(sentence, resp.start(), pct[0].start):
                    # ("官方报告分别是 55.5%、92.8% 和 49.1%": naming nobody, 分别 says whose values these are, the
                    # topic's, and on what; the quote starts there)
                    said_for = {n.start: resp for n in pct}
    if not aligned and not model_aligned and len(good) == 2 and _TWO_VALUES_JOINED.fullmatch(sentence, good[0].end, good[1].start):
        # "C-Eval and CMMLU come out at 78.9 and 80.3", "C-Eval 和 CMMLU 是 84.5 和 85.9": two benchmarks listed
        # together, then two values joined the same way, with no name between: the implied "respectively"
        before = [b for b in benches if b.end <= good[0].start]
        group = _benchmark_group(sentence, benches, before[-1]) if before else []
        # (one name between is whose they are: "On MMLU and GSM8K, Tianshu-Pro scored 85.1 and 92.3")
        if len(group) == 2 and len([n for n in names if n.kind != "benchmark" and group[-1].end <= n.start < good[0].start]) <= 1:
            aligned = {n.start: b for n, b in zip(good, group, strict=True)}
    if not aligned and not model_aligned and len(good) >= 3 \
            and all(_LISTED_VALUES_GAP.fullmatch(sentence, a.end, b.start) for a, b in zip(good, good[1:], strict=False)):
        # "Tianshu-Pro's MMLU, GSM8K and HumanEval scores are 85.1, 92.3 and 80.2": as many benchmarks listed together,
        # then the values listed the same way, with no name between
        before = [b for b in benches if b.end <= good[0].start]
        group = _benchmark_group(sentence, benches, before[-1]) if before else []
        if len(group) == len(good) and not any(group[-1].end <= n.start < good[0].start for n in names
                                               if n.kind != "benchmark"):
            aligned = {n.start: b for n, b in zip(good, group, strict=True)}
    if not aligned and not model_aligned and not benches and len(good) >= 2 \
            and any(_TWO_VALUES_JOINED.fullmatch(sentence, a.end, b.start) for a, b in zip(good, good[1:], strict=False)) \
            and (pair := ctx.listed_pair_before(offset)) is not None:
        # "For reasoning the team added GPQA Diamond and MATH-500. Corvid-3 Pro reached 53.1% and 78.9%; GPT-4o reached
        # 49.9% and 74.6%": two values joined, in a sentence naming no benchmark, are on the two the paragraph listed last
        last_two = [Mention(-1, -1, b, "benchmark") for b in pair]
        for left, right in zip(good, good[1:], strict=False):
            if left.start not in aligned and _TWO_VALUES_JOINED.fullmatch(sentence, left.end, right.start):
                aligned[left.start], aligned[right.start] = last_two
    if not aligned and not model_aligned and " and " in sentence and " on " in sentence:
        # "A and B score 85.9 and 78.3 on IFEval, and 40.2 and 21.7 on LiveCodeBench": the implied "respectively"
        listed_runs = runs_of_a_model_list(sentence, names, good)
        aligned = {start: v.benchmark for start, v in listed_runs.items()}
        model_aligned = {start: v.model for start, v in listed_runs.items() if v.model is not None}
    # "X outperforms Y ..., and scores 68.4": a baseline does not own a score of a later clause
    # (a score right after it, "Y(39.49%)", "Y 的强化学习(47 分)", is still Y's)
    baseline_texts = {t for _a, _b, t in baseline_spans or []}
    baseline_names = [n for n in names if n.text in baseline_texts]
    # "our model surpasses GPT-4o and Claude with 28.9% on AIME": the objects of a comparison cue are not
    # the scorers, even when the comparison itself found no nameable subject
    objects = _cue_objects(sentence, lex, names) if not cjk else frozenset()
    if baseline_spans and _VS_PAIR.search(sentence):  # "(76.6% vs 74.6%)" after a comparison: ``_versus_scores``
        paired = {m.start(k) for m in _VS_PAIR.finditer(sentence) for k in (1, 3)}
        good = [n for n in good if n.start not in paired]
    paren_owner: dict[int, Mention] = {}
    paren_runs: list[tuple[Mention, list[int]]] = []
    if baseline_names:
        # Values in parentheses a few words after a baseline are the baseline's: "DeepSeek 的强化学习(47 分)";
        # several of them ("outperforming Mixtral-style top-2 routing (76.1 and 38.9 respectively)") are
        # not the subject's either, but which benchmark each belongs to is not said here: dropped.
        inside = {n.start: o for n in good if (o := _in_parens_after(sentence, n.start, baseline_names)) is not None}
        by_paren: dict[int, list[int]] = defaultdict(list)
        for start in inside:
            by_paren[max(sentence.rfind("(", 0, start), sentence.rfind("（", 0, start))].append(start)
        paren_owner = {starts[0]: inside[starts[0]] for starts in by_paren.values() if len(starts) == 1}
        # (a run "(75.4 / 33.0)" counts every plain value in the parentheses, stated as a result or not)
        plain = [n for n in numbers if not n.signed and n.unit in (None, "%", "points") and n.value <= 10000]
        in_runs = {n.start: o for n in plain if (o := _in_parens_after(sentence, n.start, baseline_names)) is not None}
        runs: dict[int, list[int]] = defaultdict(list)
        for start in in_runs:
            runs[max(sentence.rfind("(", 0, start), sentence.rfind("（", 0, start))].append(start)
        # the owner right before the parentheses ("X (75.4 / 33.0)"), not a word inside a longer description
        # ("Heron-style top-2 routing (76.1 and 38.9 respectively)": "top-2" is not what was measured)
        paren_runs = [(in_runs[starts[0]], starts) for at, starts in runs.items() if len(starts) >= 2
                      and not sentence[in_runs[starts[0]].end:at].strip()]
        # (unless a 分别 inside said it: "GPT-4o（分别为 76.0% 和 78.3%）", aligned above)
        good = [n for n in good if n.start not in inside or n.start in paren_owner or n.start in model_aligned]
    out: list[ScoreClaim] = []
    # a value's own phrase may name its owner by size ("52.0 for the 72B": the registry resolves "the 72B")
    # (starting at the size: "for the 72B" reads its article itself)
    sized = [Mention(s.start + len(a.group(0)) if (a := _ARTICLE.match(s.text)) else s.start, s.end, s.text, "model")
             for s in subjects if s.kind == "sizeref"]
    owners = sorted([*names, *sized], key=lambda n: n.start) if sized else names
    value_lists = slash_value_lists(sentence)
    if value_lists:
        firsts = {v.start for v in value_lists}
        listed_claims = _listed_scores(document, section, offset, sentence, lex, names, value_lists)
        # (a list read whole, every value on its own benchmark: its later values are no values of their own either)
        firsts |= {start for v in value_lists
                   if sum(c.start - offset <= v.start and c.end - offset >= v.end for c in listed_claims) >= len(v.values)
                   for start in v.starts}
        good = [n for n in good if n.start not in firsts]
        out += listed_claims
    # "71.3 on MMLU and 58.0 on GPQA, compared with 69.8 and 55.1 for Gemma-2-9B": the owner's i-th value goes
    # with the benchmark of the i-th value stated before its run
    owned_runs = owned_value_lists(sentence, good, names) if " for " in sentence else {}
    benched: list[tuple[int, Mention]] = []  # (value start, its benchmark) of the values outside owned runs
    shared = _shared_values(sentence, good, names) if SHARED_VALUE.search(sentence) else {}
    for num in good:
        run = owned_runs.get(num.start)
        if run is not None:
            earlier = [b for start, b in benched if start < run.start]
            if len(earlier) == run.size and len({b.text for b in earlier}) == run.size:
                claim = _score_claim(document, section, offset, sentence, lex, num, earlier[run.index], run.owner)
                if claim is not None:
                    out.append(claim)
                continue
        bench = aligned.get(num.start) or paired_at.get(num.start)
        if bench is None and not cjk:
            # English "85.2% (accuracy) on MMLU": the benchmark follows the number.
            # ("from 10.0 to 16.7 on AIME 2024": a change's first value is on the benchmark after the second)
            m = _EN_ON_BENCH.match(sentence, changed_to.get(num.start, num.end)) or _OF_TOTAL.match(sentence, num.end)
            paren = _PAREN_OPEN_AFTER.match(sentence, num.end) if m is None else None
            if paren is not None:
                # "71.4 (GPQA Diamond), 88.0 (MMLU-Pro) and 90.1 (GSM8K)": the benchmark in parentheses right after
                bench = next((b for b in benches if b.start == paren.end() and _PAREN_CLOSE_AFTER.match(sentence, b.end)),
                             None)
            elif m:
                bench = next((b for b in benches if b.start == m.end()), None)
                if bench is not None and _AND_BEFORE_ON.search(sentence, num.end, m.end()) \
                        and _VALUE_NEXT.match(sentence, bench.end):
                    bench = None  # "On C-Eval it scored 86.3 and on CMMLU 85.0": the next value's benchmark
            elif "." in sentence[num.start:num.end] and not any(_GAP_ONLY.fullmatch(sentence, b.end, num.start) for b in benches):
                # "Phi-3.5-mini (69.0 MMLU reported)": a decimal written right before its benchmark (not a list of
                # "MMLU 87.1 GSM8K 92.0", where each value follows its own)
                gap = _GAP_ONLY.match(sentence, num.end)
                bench = next((b for b in benches if gap is not None and b.start == gap.end()), None)
        if bench is None:
            near = _benchmarks_near(sentence, names, num.start, past_contrast=False)
            if not near:
                ctx_bench = ctx.benchmark_before(offset)
                if benches:
                    # the sentence's benchmarks are past a contrast, the other clause's: the paragraph's before them
                    own = {_norm(b.text) for b in benches}
                    ctx_bench = next((b for b in reversed(ctx.paragraph_benchmarks) if _norm(b) not in own), None)
                in_paragraph = ctx_bench is not None  # named earlier in this paragraph, not only in the section
                metric_here = _metric_near(sentence, lex, num.start, num.end)
                if ctx_bench is None and metric_here is not None:
                    # an article about one evaluation keeps naming it less and less: fall back to the
                    # section's last benchmark when the clause says what is measured (准确率, accuracy)
                    ctx_bench = ctx.section_benchmark_before(offset)
                if ctx_bench is None and num.unit == "%":
                    ctx_bench = ctx.recent_or_title_benchmark(offset)
                if ctx_bench is None and (num.unit == "points" or metric_here is not None):
                    ctx_bench = ctx.sole_section_benchmark(offset)  # a section about one evaluation
                # "The first slide was MMLU-Pro. Sable-8B gets 52.7.", "QwQ-32B 自己报的是 79.5": a decimal right
                # after a score verb, in the paragraph of the benchmark just named
                verb_value = num.unit is None and metric_here is None and (
                    _verb_right_before(sentence, num)
                    # "52.0 for the 72B": a decimal its own phrase gives an owner
                    or "." in sentence[num.start:num.end] and (OWNER_AFTER.match(sentence, num.end) is not None
                                                               or _FOR_RELEASE.match(sentence, num.end) is not None)
                    # "It still sits just behind GPT-4o (90.2)": the baseline's value
                    or _right_after_baseline(sentence, num, baseline_spans or [])
                    # "MMLU：反过来了！GPT‑4o 88.7 👑，晴川-Max 85.1": values written right after their models
                    or num.start in owned_at and in_paragraph and "." in sentence[num.start:num.end]
                    and _VERSIONED.search(owned_at[num.start].text) is not None
                    # "Ironclad-3.1 and DeepSeek-R1 finished at 64.3 and 65.9 respectively": a list gives each its owner
                    or num.start in model_aligned and "." in sentence[num.start:num.end])
                if ctx_bench is None and verb_value:
                    ctx_bench = ctx.recent_or_title_benchmark(offset)
                # "# SuperCLUE 11月榜单解读 … 灵犀-2-Pro 首次参评即取得 66.3 分": points a score word gives, on the board the
                # title names
                titled_points = ctx.title_benchmark is not None and num.unit == "points" \
                    and "分" in sentence[num.start:num.end] \
                    and _POINTS_VERB.search(sentence, max(0, num.start - 6), num.start) is not None
                if titled_points and ctx_bench is None:
                    ctx_bench = ctx.title_benchmark
                # ("…总榜，X 以 80.2 分排名第一；GPT-4o 以 76.4 分位列第五": points in the paragraph's benchmark too)
                # ("还有更难的 AIME 2024。启明学伴 4 目前 30 道能做对 6 道": a count of solved items, on the benchmark the
                # paragraph just named)
                solved = in_paragraph and num.unit is None and num.start in count_results(sentence)[0]
                if ctx_bench is None or num.unit != "%" and metric_here is None and not verb_value and not titled_points \
                        and not (in_paragraph and num.unit == "points" and "分" in sentence[num.start:num.end]) \
                        and not solved:
                    continue
                near = [Mention(-1, -1, ctx_bench, "benchmark")]
            before = [b for b in near if b.end <= num.start]
            bench = before[-1] if before else near[0]
        if num.start in shared:  # "R2 与 DeepSeek-R1 打平（两者均为 65.9%）": the value of both
            out += [c for owner in shared[num.start]
                    if (c := _score_claim(document, section, offset, sentence, lex, num, bench, owner)) is not None]
            continue
        barrier = _contrast_before(sentence, num.start)
        model = model_aligned.get(num.start) or paren_owner.get(num.start) or owned_at.get(num.start) \
            or _named_after(sentence, num, owners) or _subject_after_opening(sentence, num, names) \
            or _baseline_owning(sentence, num, baseline_spans or [], names) \
            or _pick_subject(sentence, names, subjects, num.start, section, barrier=barrier,
                             not_subjects=objects | frozenset(n.start for n in baseline_names if n.end < num.start
                                                              and _CLAUSE_SEP.search(sentence, n.end, num.start)))
        if model is None or model.text == bench.text or barrier and model.start < barrier:
            continue
        if model.start < 0 and num.start in said_for:
            model = Mention(said_for[num.start].start(), said_for[num.start].end(), model.text, "subject")
        if model.start < 0 and _group_subject_before(sentence, num.start):
            continue  # "参评模型IFEval平均得分为78.4分": the group's value, not the document's model's
        benched.append((num.start, bench))
        claim = _score_claim(document, section, offset, sentence, lex, num, bench, model)
        if claim is not None:
            out.append(claim)
    # "83.1 on GSM8K and 38.9 on MATH, outperforming X (75.4 / 33.0)": the baseline's values, in the order of the
    # benchmarks the subject's values were stated on (when there are as many)
    by_start = {n.start: n for n in numbers}
    for owner, starts in paren_runs:
        earlier = [b for start, b in benched if start < starts[0]]
        if len(earlier) == len(starts) and len({b.text for b in earlier}) == len(starts):
            for start, bench in zip(sorted(starts), earlier, strict=True):
                claim = _score_claim(document, section, offset, sentence, lex, by_start[start], bench, owner)
                if claim is not None:
                    out.append(claim)
    return out


_PAREN_RIGHT_AFTER = re.compile(r"\s*[(（]\s*$")


_PAREN_RESPECTIVELY = re.compile(r"\s*[（(]\s*分别(?:为|是)\s*")


def _respectively_in_parens(sentence: str, names: list[Mention], values: list[Number],
                            after: int) -> list[tuple[Mention, list[Number]]]:
    """Each model named after ``after`` with its own 分别 in parentheses right after it ("GPT-4o（分别为 76.0% 和
    78.3%）"), and the values inside them."""
    out: list[tuple[Mention, list[Number]]] = []
    if "分别" not in sentence[after:]:
        return out
    for name in _model_mentions(names):
        opened = _PAREN_RESPECTIVELY.match(sentence, name.end) if name.start >= after else None
        if opened is None:
            continue
        close = min((i for i in (sentence.find("）", opened.end()), sentence.find(")", opened.end())) if i >= 0),
                    default=-1)
        if close >= 0:
            out.append((name, [n for n in values if opened.end() <= n.start < close]))
    return out


_GAPPED_OPENS = re.compile(r"(?:^|[;；]|,\s+and|\band|\bwhile)\s*$")


def _gapped_values(sentence: str, names: list[Mention], numbers: list[Number]) -> list[tuple[Mention, Number]]:
    """Each decimal written right after "<name>, " where the name opens a clause of its own ("…; GPT-4o, 88.7",
    "…, and GPT-4o, 88.7"): the clause leaves out the verb the one before had, and the value is the name's."""
    out: list[tuple[Mention, Number]] = []
    for num in numbers:
        if sentence[num.start - 2:num.start] != ", " or "." not in sentence[num.start:num.end]:
            continue
        owner = next((m for m in _model_mentions(names) if m.end == num.start - 2), None)
        if owner is not None and _GAPPED_OPENS.search(sentence, max(0, owner.start - 8), owner.start):
            out.append((owner, num))
    return out


def _shared_values(sentence: str, numbers: list[Number], names: list[Mention]) -> dict[int, list[Mention]]:
    """"R2 与 DeepSeek-R1 打平（两者均为 65.9%）", "Claude 3.5 Sonnet and GPT-4o, which are both at 88.7": a value
    ``SHARED_VALUE`` says both reached is each of the two models named last before it (keyed by value start)."""
    starts = {m.start(k) for m in SHARED_VALUE.finditer(sentence) for k in (1, 3) if m.start(k) >= 0}
    out: dict[int, list[Mention]] = {}
    for num in numbers:
        if num.start not in starts:
            continue
        models = [n for n in _model_mentions(names) if n.end <= num.start]
        if len(models) >= 2 and models[-1].text != models[-2].text:
            out[num.start] = models[-2:]
    return out


def _right_after_baseline(sentence: str, num: Number, spans: list[tuple[int, int, str]]) -> bool:
    """"behind GPT-4o (90.2)": a decimal alone in the parentheses that follow a baseline's name."""
    return "." in sentence[num.start:num.end] and not num.signed and num.value <= 100 \
        and sentence[num.end:num.end + 1] in (")", "）") \
        and any(end <= num.start and _PAREN_RIGHT_AFTER.fullmatch(sentence, end, num.start) for _s, end, _t in spans)


_VERB_RIGHT_BEFORE = re.compile(
    r"(?:\b(?:scor(?:es|ed|ing)|gets?|got|reach(?:es|ed)|hits?|posts?|posted|lands?\s+at|sits?\s+(?:at|around)|(?:is|was)\s+at"
    r"|manag(?:es|ed)|obtain(?:s|ed)|achiev(?:es|ed)|attain(?:s|ed)|record(?:s|ed)"
    # "On MATH-500 it does 96.8", "Report says 51.8", "Lyra-R-32B reports 57.2 on …"
    r"|does|did|says|said|reports|reported|shows|showed|measured|measures|clocked|logged"
    r"|(?:comes?|came)\s+(?:in|out)\s+at|gives?\s+(?:me|us)|gave\s+(?:me|us)"
    # "On MATH-500 it was 83.2": a pronoun and a copula, in a sentence naming its benchmark
    r"|(?:it|we|they)\s+(?:is|was|are|were)(?:\s+(?:only|just|still|now))?)"
    # "DeepSeek-R1-Distill-Qwen-7B, also at 55.5": a name, then its value after ", at"
    r"|(?<=[A-Za-z0-9])" + COMMA_AT +
    r"|达到了?|拿了|拿到了?|来到了?|报的是|报告了?|报了|给的是|是|为|得分|跑出了?|只有|仅有|只拿到"
    # ("CMMLU 上我们 87.9，Qwen 是 88.1": the writers, then their value)
    r"|我们(?:这边|自己)?\s"
    # "QwQ-32B 最高，63.4", "星河-R1 垫底：41.2": a rank word, then the value
    r"|(?<![\u4e00-\u9fff])(?:最高|最低|垫底|居首)[，,：:]"
    # "跟 o1 的 79.2 比": a Latin name's value after 的
    r"|(?<=[A-Za-z0-9])\s*的)\s*$", re.IGNORECASE)



def _group_is_margins(sentence: str, at: int) -> bool:
    """Is the list after a second 分别 at ``at`` a list of margins ("分别领先 2.6 和 2.3 分", "分别提升 4.2 和 5.1 个百分点")?"""
    return _MARGIN_AFTER_RESPECTIVELY.match(sentence, at) is not None


_MARGIN_AFTER_RESPECTIVELY = re.compile(r"\s*(?:领先|落后|高出|低了|高了|提升了?|提高了?|下降了?|降低了?|增加了?|减少了?|超出|"
                                        r"(?:higher|lower|ahead|behind|up|down)\b)")


def _run_ending(sentence: str, values: list[Number]) -> list[Number]:
    """The values at the tail of ``values`` listed one after another, in order."""
    run = values[-1:]
    for prev, nxt in zip(values[-2::-1], values[::-1], strict=False):
        if not _LISTED_VALUES_GAP.fullmatch(sentence, prev.end, nxt.start):
            break
        run.insert(0, prev)
    return run


_VALUES_TO_RESPECTIVELY = re.compile(r"\s*(?:%|％)?\s*,?\s*")


def _listed_run(sentence: str, values: list[Number]) -> list[Number]:
    """The values at the head of ``values`` listed one after another ("91.7 和 90.1", "85.1、92.3 and 80.2")."""
    run = values[:1]
    for prev, nxt in zip(values, values[1:], strict=False):
        if not _LISTED_VALUES_GAP.fullmatch(sentence, prev.end, nxt.start):
            break
        run.append(nxt)
    return run

@lru_cache(maxsize=1)
def _group_subjects() -> re.Pattern[str]:
    zh = [w for w in lexicon.group_subjects() if not w.isascii()]
    en = [w for w in lexicon.group_subjects() if w.isascii()]
    return re.compile(f"{lexicon.phrase_pattern(zh)}|\\b(?:{lexicon.phrase_pattern(en, ignore_case=True)})\\b",
                      re.IGNORECASE)


def _group_subject_before(sentence: str, pos: int) -> bool:
    """Does the sentence name a group of models ("参评模型", "the models tested") before ``pos``?"""
    return _group_subjects().search(sentence, 0, pos) is not None


_VERSIONED = re.compile(r"\d|-")  # "GPT-4o", "晴川-Max": a model's name, not a label such as "Card: 79.3"


def _verb_right_before(sentence: str, num: Number) -> bool:
    """A decimal of a plausible size right after a score verb ("gets 52.7", "报的是 79.5")."""
    text = sentence[num.start:num.end]
    return "." in text and num.value <= 100 and not num.signed \
        and (_VERB_RIGHT_BEFORE.search(sentence, max(0, num.start - 14), num.start) is not None
             or _MEASURED_AT.search(sentence, max(0, num.start - 60), num.start) is not None) \
        and not not_result_before(sentence, num.start)


# "71.8 for rc3": a bare release tag owns a decimal here (the registry makes it the subject's other release)
_POINTS_VERB = re.compile(r"(?:拿到|拿下|取得|得到|获得|总分|得分|以|为|是|达到|只有|仅有?)\s*(?:了)?\s*$")
_FOR_RELEASE = re.compile(r"\s+for\s+(?:v|rc)\d")  # ("76.9 on rc3" is ``OWNER_AFTER``'s)
# "We measured Sonnet at 78.8", "we have GPT-4o at 71.0", "they list Qwen at 52.9": a verb of measuring, whom, then "at"
_MEASURED_AT = re.compile(r"\b(?:measured|measure|clocked|had|have|put|puts|found|saw|list|lists|listed)\s+(?:[A-Z]|the\s|it\s|them\s)"
                          r"[^,;:!?()]{0,40}?\s+at\s+$"
                          # "o1-mini, which her table lists at 33.3": the name before "which" is whom
                          r"|\bwhich\s+(?:[\w'’]+\s+){0,3}(?:lists?|listed|puts?|has|had|measured|clocks?|clocked)\s+at\s+$")


# "With 71.4% on GPQA Diamond, Helix-7B tops the open models": a value in an opening phrase is the subject's after it
_WITH_OPENING = re.compile(r"[\s*>-]*(?:With|At|Scoring|Posting)\s+[^,;]{1,60},\s*")


def _subject_after_opening(sentence: str, num: Number, names: list[Mention]) -> Mention | None:
    """The model named right after an opening "With <value> on <benchmark>," that holds ``num``."""
    opening = _WITH_OPENING.match(sentence)
    if opening is None or num.end > opening.end():
        return None
    return next((n for n in names if n.kind in ("model", "name") and n.start == opening.end()), None)


def _on_a_benchmark(sentence: str, num: Number, benches: list[Mention]) -> bool:
    """"83.1 on GSM8K and 38.9 on MATH Lvl-5": a decimal (or percentage) right before "on <benchmark>"."""
    # (a value with a unit was already judged by ``_is_result_number``, with what it knows of costs and margins)
    if not benches or num.signed or num.unit is not None or num.value > 10000 \
            or "." not in sentence[num.start:num.end] \
            or not_result_before(sentence, num.start):
        return False
    m = _ON_BENCH_RIGHT_AFTER.match(sentence, num.end)
    if m is None and not any(_GAP_ONLY.fullmatch(sentence, b.end, num.start) for b in benches):
        m = _GAP_ONLY.match(sentence, num.end)  # "(69.0 MMLU reported)": the benchmark right after its value
    if m is not None and any(b.start == m.end() for b in benches):
        return True
    # "71.4 (GPQA Diamond), 88.0 (MMLU-Pro)": the benchmark alone in parentheses right after its value
    paren = _PAREN_OPEN_AFTER.match(sentence, num.end)
    return paren is not None and any(b.start == paren.end() and _PAREN_CLOSE_AFTER.match(sentence, b.end) for b in benches)


# "solves 21 of 30 AIME 2025 problems": the benchmark after a count's total
_OF_TOTAL = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?\d+\s+")


def _after_a_benchmark_place(sentence: str, num: Number, benches: list[Mention]) -> bool:
    """"DeepSeek-V3 在 MATH-500 上 90.2": a decimal (or percentage) right after "<benchmark> 上" (or see
    ``_benchmark_said_before``)."""
    return _benchmark_right_before(sentence, num, benches) is not None


def _benchmark_right_before(sentence: str, num: Number, benches: list[Mention]) -> Mention | None:
    """The benchmark a decimal (or percentage) is written right after: "<benchmark> 上 90.2", "HumanEval 我这边只有
    79.3", "C-Eval 报 78.0", "GSM8K (8-shot, strict-match): 84.6" (a few words of who measured it, or how)."""
    if not benches or num.signed or num.unit not in (None, "%") or num.value > 100 \
            or num.unit is None and "." not in sentence[num.start:num.end] or _NOT_RESULT_AFTER.match(sentence, num.end) \
            or not_result_before(sentence, num.start):
        return None  # (nor a duration, a count of something else or a margin: "On MMLU it lands within 0.2 of X")
    after = _ON_BENCH_RIGHT_AFTER.match(sentence, num.end)
    if after is not None and any(b.start == after.end() for b in benches):
        return None  # "86.1 on MMLU (5-shot), 62.0 on GPQA Diamond": the benchmark written after it
    found = [_BENCH_PLACE_RIGHT_BEFORE.search(sentence, max(0, num.start - 4), num.start)]
    if "." in sentence[num.start:num.end]:
        found += [_BENCH_SAID_BEFORE.search(sentence, max(0, num.start - 52), num.start),
                  _BENCH_IS_BEFORE.search(sentence, max(0, num.start - 64), num.start)]
    ends = {m.start() for m in found if m is not None}
    return next((b for b in benches if b.end in ends), None)


_BENCH_PLACE_RIGHT_BEFORE = re.compile(r"\s*[上中]的?\s*$")  # ("在 MMLU 上的 88.7 高于…")
# the few words of who measured a value between a benchmark and the value ("HumanEval 我这边只有 79.3", "官方写的 65.4")
SAID_BEFORE_VALUE = "[我他她它你们这那边官方自己实测跑测报只有是为到了的得分写说称给出也都]"
# and a setting word of how it was run ("IFEval 严格模式 83.0", "IFEval strict 83.0")
_SETTING_BEFORE_VALUE = (r"(?:(?:严格|宽松|思考|非思考|推理)模式|严格|宽松|零样本|少样本|prompt-level\s+strict|(?:strict|loose)[- ]prompt|"
                         r"prompt[- ](?:strict|loose)|strict|loose|"
                         r"\d+-shot|(?:pass|avg|maj|cons|mean|best-of-)@?\d+|CoT)?")
# ("MMLU 5-shot: 68.4", "GSM8K 8-shot CoT: 74.9": an eval log's label, its settings before the colon)
_BENCH_SAID_BEFORE = re.compile(r"\s*(?:[（(][^()（）]{1,40}[)）])?\s*[:：]?\s*(?:" + _SETTING_BEFORE_VALUE + r"\s*){1,2}[:：]?\s*(?:"
                                + SAID_BEFORE_VALUE + r"{0,8})\s*[，,]?\s*$")
# "Arena-Hard is 62.3 with style control off", "MMLU-Pro sits at 71.0": the benchmark, a copula, the value
# ("IFEval strict-prompt is 84.1", "LCB (2408–2502 window) is 38.9": a setting word or a note may stand between the
# benchmark and its copula)
# ("Sparrow-7B's own GSM8K result, 85.1, is unaffected": the result word, then the value set off by a comma)
_BENCH_IS_BEFORE = re.compile(r"(?:\s*[（(][^()（）]{1,40}[)）])?(?:\s+" + _SETTING_BEFORE_VALUE + r")?"
                              r"(?:\s+" + COPULA + r"\s+"
                              r"|\s+(?:result|score|number|figure)(?:\s+(?:is|was))?\s*[,:]?\s+)$")
_GAP_ONLY = re.compile(r"\s*%?\s*[:：]?\s*")
_ON_BENCH_RIGHT_AFTER = re.compile(r"\s*(?:%\s*)?(?:on|in)\s+(?:the\s+)?")


def _score_claim(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons, num: Number,
                 bench: Mention, model: Mention) -> ScoreClaim | None:
    """``model``'s score ``num`` on ``bench`` (None when nothing in the sentence says what was measured)."""
    metric = _metric_near(sentence, lex, num.start, num.end)
    if model.start < 0 and (bench.start < 0 and (metric is None or metric in _GENERIC_METRICS)
                            or _owned_by_other(sentence, num.start)):
        return None  # neither the model nor the benchmark is in the sentence, and nothing says what is measured
    unit = num.unit or ("elo" if metric == "Elo" or _RATING.search(sentence, max(0, num.start - 24), num.start)
                        or bench.text.lower().startswith("codeforces") else "score")
    if unit == "x":
        return None  # "3 倍" is a speed-up or ratio, not a score on the benchmark
    spans = [(num.start, num.end)]
    if bench.start >= 0:
        spans.append((bench.start, bench.end))
    if model.start >= 0:
        spans.append((model.start, model.end))
    qs, qe = _tight(sentence, min(s for s, _ in spans), max(e for _, e in spans))
    return ScoreClaim(
        model=model.text, benchmark=bench.text, metric=metric, value=num.value, value_high=num.value_high,
        unit=unit, setting=_setting_near(sentence, num.start, num.end), quote=sentence[qs:qe], source=document.source,
        section=section.title, start=offset + qs, end=offset + qe, extractor="rules",
    )


# what may stand between a reply's opening and its value: nothing, or who said it ("官方说 82.3", "官方写的是 63.3%",
# "They report 61.0")
_SAID_OPENING = re.compile(r"[\s*]*(?:(?:[\u4e00-\u9fff]{0,4}(?:说|说的是|写的是|报的是|给的是|是|为)|(?:they|it)\s+(?:report|reports|say|says|gets?))\s*)?",
                           re.IGNORECASE)


def answer_score(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons, label_start: int,
                 opening_end: int, model: str, benchmark: str) -> ScoreClaim | None:
    """A reply's value right after its opening ("答：79.8%。", "A: 61.0, ahead of GPT-4o"), as the result of the model
    and the benchmark the question before it asks about ("DeepSeek-R1 在 AIME 2024 上 pass@1 是多少？"): the question
    says what was measured, which the answer alone does not."""
    first = next((n for n in _numbers(sentence, lex) if n.start >= opening_end), None)
    if first is None or not _SAID_OPENING.fullmatch(sentence, opening_end, first.start) \
            or not _is_result_number(sentence, lex, first) and first.unit is None and "." not in sentence[first.start:first.end]:
        return None
    return _score_claim(document, section, offset, sentence, lex, first, Mention(-1, -1, benchmark, "benchmark"),
                        Mention(label_start, opening_end, model, "model"))  # (the quote from the reply's label on)


def _listed_scores(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons,
                   names: list[Mention], listed: list[ValueList]) -> list[ScoreClaim]:
    """Claims of slash lists ("the 1B/3B/8B variants reach 41.2/58.0/71.4 on MATH"), paired in order."""
    out: list[ScoreClaim] = []
    for values in listed:
        models, benches = partners(sentence, names, values, section)
        if not models and not benches:
            continue
        for i, (value, start) in enumerate(zip(values.values, values.starts, strict=True)):
            model = models[i] if models else _pick_subject(sentence, names, [], values.start, section)
            if benches:
                bench: Mention | None = benches[i]
            else:
                near = _benchmarks_near(sentence, names, values.start)
                bench = next((b for b in near if b.start >= values.end), near[-1] if near else None)
            if model is None or bench is None:
                continue
            spans = [(values.start, values.end), (bench.start, bench.end)]
            if model.start >= 0:
                spans.append((model.start, model.end))
            qs, qe = _tight(sentence, min(a for a, _ in spans), max(b for _, b in spans))
            metric = _metric_near(sentence, lex, values.start, values.end)
            out.append(ScoreClaim(
                model=model.text, benchmark=bench.text, metric=metric, value=value,
                unit="%" if values.percent else ("elo" if metric == "Elo" else "score"),
                setting=_setting_near(sentence, start, start + 1), quote=sentence[qs:qe], source=document.source,
                section=section.title, start=offset + qs, end=offset + qe, extractor="rules",
            ))
    return out
