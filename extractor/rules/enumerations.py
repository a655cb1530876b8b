"""Enumerations: lists of values paired with lists of models or benchmarks, in order.

"the 1B/3B/8B variants reach 41.2/58.0/71.4 on MATH", "3B/14B/32B 三个尺寸在 MMLU 上分别为
65.2/79.8/83.1", "A and B score 61.2 and 68.9, respectively". The i-th value belongs to the i-th
member of the parallel list (sizes of one family, models, or benchmarks). A value list with no
parallel list of the same length is nobody's: one value never lands on two benchmarks or models.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor import lexicon
from extractor.rules.measures import _benchmark_group
from extractor.rules.mentions import DOCUMENT_SHORT_FORMS, Mention
from extractor.rules.numbers import Number
from extractor.rules.owners import _HAS_SIZE, _SIZE_LIST, _SIZE_ONE, _model_list_before
from extractor.rules.subjects import _is_attribute, _model_mentions
from extractor.segment import is_model_shaped
from schemas import Section

_NUM = r"[+-]?\d+(?:\.\d+)?"
# "41.2/58.0/71.4", "65.2 / 79.8 / 83.1%": three or more, or two with a decimal (not "13/30", a count)
_SLASH_VALUES = re.compile(rf"(?<![\w./\-])({_NUM}\s*%?(?:\s*/\s*{_NUM}\s*%?)+)(?![\w/]|\.\d)")
_ONE = re.compile(rf"({_NUM})\s*(%)?")
_FAMILY_WORD = re.compile(r"\s*(?:系列|家族|family|series|models?|variants?)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ValueList:
    """A run of values written as one list; offsets are into the sentence."""

    start: int
    end: int
    values: tuple[float, ...]
    starts: tuple[int, ...]
    percent: bool


def slash_value_lists(sentence: str) -> list[ValueList]:
    out = []
    for m in _SLASH_VALUES.finditer(sentence):
        parts = list(_ONE.finditer(sentence, m.start(1), m.end(1)))
        values = tuple(float(p.group(1)) for p in parts)
        if len(values) < 2 or len(values) == 2 and not any("." in p.group(1) for p in parts):
            continue
        if any(v > 10000 for v in values):
            continue
        out.append(ValueList(m.start(1), m.end(1), values, tuple(p.start(1) for p in parts),
                             any(p.group(2) for p in parts)))
    return out


def family_members(sentence: str, names: list[Mention], pos: int, section: Section) -> list[Mention]:
    """One model per size of the last size list before ``pos`` ("Lumen 系列包含 3B/14B/32B",
    "the 1B/3B/8B variants" of STRIDE-8B): the family is the name before the list, else the
    section's method, without its own size."""
    lists = list(_SIZE_LIST.finditer(sentence, 0, pos))
    if not lists:
        return []
    sizes = lists[-1]
    before = [n for n in _model_mentions(names) if n.end <= sizes.start() and not _is_attribute(sentence, n)]
    family = _HAS_SIZE.sub("", before[-1].text) if before else _HAS_SIZE.sub("", section.subject or "")
    family = family.rstrip("-_ ")
    if not family:
        return []
    anchor = before[-1].start if before else sizes.start()
    return [Mention(anchor, m.end(), f"{family}-{m.group(0)}", "model")
            for m in _SIZE_ONE.finditer(sentence, sizes.start(), sizes.end())]


def partners(sentence: str, names: list[Mention], values: ValueList, section: Section
             ) -> tuple[list[Mention], list[Mention]]:
    """(models, benchmarks) to pair with ``values``: one list of the same length, the other empty
    (both empty when the sentence holds no parallel list of that length)."""
    n = len(values.values)
    members = family_members(sentence, names, values.start, section)
    if len(members) == n:
        return members, []
    models = _model_list_before(sentence, names, values.start)
    if len(models) == n:
        return models, []
    benches = [b for b in names if b.kind == "benchmark"]
    before = [b for b in benches if b.end <= values.start]
    if before:
        group = _benchmark_group(sentence, benches, before[-1])
        if len(group) == n:
            return [], group
    on = _ON_AFTER_VALUES.match(sentence, values.end)
    after = next((b for b in benches if on is not None and b.start == on.end()), None)
    if after is not None:  # "posts 85.1 / 92.3 / 80.2 on MMLU / GSM8K / HumanEval": the list right after "on"
        group = _benchmark_group(sentence, benches, after)
        if len(group) == n:
            return [], group
    return [], []


_ON_AFTER_VALUES = re.compile(r"\s*%?\s*(?:on|across|in)\s+(?:the\s+)?", re.IGNORECASE)


_PAREN_OPEN = re.compile(r"\s*[(（]\s*$")
# the value ends the parentheses, or a note on how it was measured follows it ("(43.8 in our harness)",
# "(59.8, per management)")
_PAREN_CLOSE = re.compile(r"\s*(?:[)）]|[,，;；]\s*(?:per|according|as|in|on|by|from|via)\b[^()（）]{0,40}[)）]"
                          r"|\s(?:in|on|per|under|with|using|for|at|from|as|according|by)\b[^()（）]{0,40}[)）])")


def paren_value_pairs(sentence: str, names: list[Mention], numbers: list[Number],
                      kinds: tuple[str, ...] = ("benchmark",)) -> list[tuple[Mention, Number]]:
    """Each name of ``kinds`` with the value in the parentheses right after it: "MMLU（85.1）、GSM8K（92.3）"
    (benchmarks), "Wren-8B (84.2) beats Gemma-2-9B (80.1)" (models)."""
    out: list[tuple[Mention, Number]] = []
    owners = [n for n in names if n.kind in kinds]
    for num in numbers:
        if num.signed:
            continue  # "slightly better on GPQA Diamond (+1.4)": a margin, not a result
        owner = next((b for b in owners if b.end <= num.start and (num.start - b.end <= 3
                      and _PAREN_OPEN.search(sentence, b.end, num.start)
                      # ("豆包 1.5 Pro 紧随其后（93.4）": a ranking phrase between the name and its value)
                      or "model" in kinds and _RANKED_THEN_PAREN.fullmatch(sentence, b.end, num.start) is not None)), None)
        if owner is not None and _PAREN_CLOSE.match(sentence, num.end):
            out.append((owner, num))
    return out


_RANKED_THEN_PAREN = re.compile(r"\s*(?:紧随其后|紧跟其后|位列第[二三四五六]|排名第[二三四五六]|排第[二三四五六]|次之|居次|垫底)\s*[(（]\s*")
_ELLIPSIS_BEFORE = re.compile(r"(?:\band|[,，、;；])\s*$")
# ("GPQA Diamond 呢，62.1": spoken; "dpo-v3 = 16.7, sft-v3 = 10.0": a notebook's)
# (or an English possessive, as sure as a colon: "84.1% vs Qwen2.5-14B's 80.5%")
# ("GPT-4o's published 49.9%": a word saying where the value comes from may stand between)
_JUXTAPOSED_GAP = re.compile(r"[ \t]*(?:(?:[:：=]|呢[，,]|的话[，,])[ \t]*)?|['’]s[ \t]+(?:(?:published|reported|official|claimed|"
                             r"listed|stated|self-reported|quoted)[ \t]+)?")


def juxtaposed_values(sentence: str, names: list[Mention], numbers: list[Number],
                      kinds: tuple[str, ...] = ("model", "name")) -> list[tuple[Mention, Number]]:
    """Each model (or, with ``kinds=("benchmark",)``, each benchmark: "MMLU 87.1，GSM8K 94.3") with the value
    written right after it: "星火-Max 85.6，Qwen2.5-72B 85.3", "GPT-4o: 88.7, Claude 3.5 Sonnet: 88.3". Taken when
    the sentence pairs two or more names so, or one with a colon: a lone "Qwen2.5 72" is more often a name and
    a size than a result."""
    out: list[tuple[Mention, Number]] = []
    colon = False
    settings = lexicon.setting_words()  # "MMLU-Pro 5-shot CoT: 68.8": how it was run, not who
    # (a chat line's speaker is no model: "[09:31] Priya Sandoval: 72.6 on aime24" — a plain word before the value
    # must look like a name to own it)
    models = [n for n in names if n.kind in kinds and n.text.lower() not in settings
              and (n.kind != "name" or is_model_shaped(n.text) or n.text in DOCUMENT_SHORT_FORMS.get())]
    for num in numbers:
        if num.unit == "x" or num.signed or num.value > 10000:
            continue
        # (a Chinese name may touch its value: "星河89.3"; a Latin one touching digits is one word)
        owner = next((m for m in models if m.end <= num.start and _JUXTAPOSED_GAP.fullmatch(sentence, m.end, num.start)
                      and (num.start > m.end or "\u3400" <= sentence[m.end - 1] <= "\u9fff")), None)
        if owner is not None and ("." in sentence[num.start:num.end] or num.unit in ("%", "points")):
            out.append((owner, num))
            colon = colon or any(mark in sentence[owner.end:num.start] for mark in (":", "：", "=", "呢", "的话", "'s", "’s"))
    if len(out) == 1 and not colon and len(numbers) >= 2 \
            and _ELLIPSIS_BEFORE.search(sentence, max(0, out[0][0].start - 6), out[0][0].start):
        return out  # "X puts up 71.2 on MMLU-Pro and Llama-3.1-70B 65.7": the verb of the clause before, left out
    if len(out) == 1 and kinds != ("benchmark",) \
            and _BENCHMARK_PLACE_BEFORE.search(sentence, max(0, out[0][0].start - 3), out[0][0].start):
        return out  # "IFEval 上星河 82.0": where it was measured, then who, then the value
    if len(out) == 1 and kinds != ("benchmark",) and any(
            n.kind == "benchmark" and 0 <= out[0][0].start - n.end <= 1 and not sentence[n.end:out[0][0].start].strip()
            for n in names) and "\u3400" <= sentence[out[0][0].end - 1] <= "\u9fff":
        return out  # "GSM8K星河96.1": the benchmark, who, the value, with no word between
    if len(out) == 1 and kinds != ("benchmark",) and _LABEL_COLON_BEFORE.search(sentence, 0, out[0][0].start):
        return out  # "IFEval (strict, prompt-level): Brisa-14B 79.3": a label names the benchmark, then who, then the value
    return out if len(out) >= 2 or colon else []


_BENCHMARK_PLACE_BEFORE = re.compile(r"[A-Za-z0-9)）]\s?[上中]\s?$")
_LABEL_COLON_BEFORE = re.compile(r"[A-Za-z0-9)）][ \t]*[:：][ \t]*$")
_RUN_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)\s*")
_RUN_ON = re.compile(r"\s*(?:%|points?)?\s+on\s+(?:the\s+)?")


@dataclass(frozen=True, slots=True)
class ListedValue:
    """One value of a run paired with a list ("A and B score 85.9 and 78.3 on IFEval": a model each; "85.9 and 78.3
    on IFEval and MMLU": a benchmark each, the model left to the sentence's subject)."""

    model: Mention | None
    benchmark: Mention


def runs_of_a_model_list(sentence: str, names: list[Mention], numbers: list[Number]) -> dict[int, ListedValue]:
    """Runs of two or more values followed by "on <benchmark>", paired in order (the implied "respectively"):
    with the benchmarks listed after "on" when as many ("reaches 85.9 and 78.3 on IFEval and MMLU"), else with
    the models listed before the first run when as many ("Kestrel-70B and Kestrel-7B score 85.9 and 78.3 on IFEval,
    and 40.2 and 21.7 on LiveCodeBench"). Keyed by value start; empty when a run fits neither."""
    plain = [n for n in numbers if not n.signed and n.unit in (None, "%") and n.value <= 100]
    runs: list[list[Number]] = []
    for num in plain:
        if runs and _RUN_JOIN.fullmatch(sentence, runs[-1][-1].end, num.start):
            runs[-1].append(num)
        else:
            runs.append([num])
    all_benches = [b for b in names if b.kind == "benchmark"]
    benches = {b.start: b for b in all_benches}
    out: dict[int, ListedValue] = {}
    models: list[Mention] = []
    for run in runs:
        on = _RUN_ON.match(sentence, run[-1].end)
        bench = benches.get(on.end()) if on is not None else None
        if len(run) < 2 or bench is None:
            continue
        group = _benchmark_group(sentence, all_benches, bench)
        if len(group) == len(run) and group[0] is bench:
            out.update({num.start: ListedValue(None, b) for num, b in zip(run, group, strict=True)})
            continue
        if not models:
            models = _model_list_before(sentence, names, run[0].start)
            between = [n for n in _model_mentions(names) if models and models[-1].end <= n.start < run[0].start]
            if not models or between:
                return {}
        if len(run) != len(models):
            return {}
        out.update({num.start: ListedValue(model, bench) for num, model in zip(run, models, strict=True)})
    return out
