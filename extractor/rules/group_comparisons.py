"""Comparisons whose one side is a group named by its size, not by its names.

"Phi-4 比这两位都略高一点", "星河只有 71.3，不及另外两家", "DRIFT-8B surpasses all three baselines": the
baselines are the models the text named last. "两个模型均不及 DeepSeek-Coder-1.3B", "二者均优于 X": the
subjects are. Which models a group stands for comes from ``owners.group_referents`` (the section, then
the document's first line); a group that names fewer models than its size stands for nobody.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from extractor.rules.baselines import Baseline, _baselines
from extractor.rules.clauses import _clause_bounds
from extractor.rules.comparison_cue import Comparison, _delta_after
from extractor.rules.mentions import Mention, lexicons
from extractor.rules.names import _same_name
from extractor.rules.numbers import Number
from extractor.rules.owners import group_referents
from extractor.rules.subjects import _model_mentions, _pick_subject
from schemas import Section

# "这两位", "另外两家", "其余三款", "二者均", "both baselines", "all three baselines", "the other two" ("另外两个":
# 个 only after 另外 / 其他 / 其余, not "这两个 benchmark")
_GROUP = re.compile(
    r"(?P<other>另外|其他|其余|另)?\s*(?:这)?(?P<zh>[两二三])(?:位|家|款模型|款|个模型|个基线|者|(?<=[外他余][两二三])个(?![点分百月小人字样问题道]))"
    r"|\b(?P<en_other>the\s+other\s+)?(?P<en>both|two|three|all\s+three|all\s+two)"
    r"(?:\s+(?:of\s+them|models|baselines|systems|competitors|rivals))?\b",
    re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_ON_BEFORE = re.compile(r"\b(?:on|in|across)\s+(?:all\s+)?$", re.IGNORECASE)
_VERB_AFTER = re.compile(r"\s+(?:are|were|remain|stay|look|sit|finish(?:ed)?|end(?:ed)?\s+up)\b")
_SIZE = {"两": 2, "二": 2, "三": 3, "both": 2, "two": 2, "three": 3, "all three": 3, "all two": 2}
# between a pair and the tie it states: "两者打平", "两者基本持平", "the two are roughly on par"
_TIED_GAP = re.compile(r"\s*(?:[均都]|基本|几乎|大致|are|were|is|roughly|essentially|basically|about|\s)*\s*", re.IGNORECASE)
# a group standing for the subjects says so: "两个模型均不及 X", "二者都优于 Y", "both models beat Y"
_ALL_OF_US = re.compile(r"\s*(?:[均都皆]|both\b)", re.IGNORECASE)


# "…, and both finished far ahead of nimbus-9b-it": a group opening a clause is its subject
# (after "and" only: a sentence's "Both exceed X" may mean two values of one model)
_OPENS_CLAUSE = re.compile(r"\band\s+$", re.IGNORECASE)


class Group(NamedTuple):
    """A group in a sentence: where it is, how many it stands for, and whether it leaves the subject out."""

    start: int
    end: int
    size: int
    others: bool  # "另外两家", "the other two": the subject is not one of them


def _groups(sentence: str, start: int, end: int) -> list[Group]:
    out: list[Group] = []
    for m in _GROUP.finditer(sentence, start, end):
        word = (m.group("zh") or re.sub(r"\s+", " ", m.group("en") or "")).lower()
        if m.group("en") and m.group("en").lower() in ("two", "three") and not m.group("en_other") \
                and not re.match(r"\s+(?:models|baselines|systems|competitors|rivals)", sentence[m.end("en"):]) \
                and not (_THE_BEFORE.search(sentence, max(0, m.start() - 4), m.start())
                         and _VERB_AFTER.match(sentence, m.end("en"))):
            continue  # a bare "two"/"three" is a number ("two points"), not a group (but "the two are tied" is one)
        if m.group("en") and not m.group(0)[len(m.group("en")):].strip() \
                and _ON_BEFORE.search(sentence, max(0, m.start() - 8), m.start()):
            continue  # "behind it on both", "ahead on all three": the benchmarks, not the models
        out.append(Group(m.start(), m.end(), _SIZE[word], bool(m.group("other") or m.group("en_other"))))
    return out


def _may_name_a_group(sentence: str) -> bool:
    """A cheap test before the group regex (it has no literal to skip ahead by), asked once per cue."""
    if "两" in sentence or "二" in sentence or "三" in sentence:
        return True
    low = sentence.lower()
    return "both" in low or "two" in low or "three" in low


def group_comparisons(text: str, section: Section, offset: int, sentence: str, cue_start: int, cue_end: int,
                      relation: str, shape: str, cjk: bool, names: list[Mention], subjects: list[Mention],
                      numbers: list[Number], used: frozenset[int]) -> list[Comparison]:
    """The comparisons of the cue at ``sentence[cue_start:cue_end]`` when one side is a group (see the module)."""
    if not _may_name_a_group(sentence):
        return []
    c0, c1 = _clause_bounds(sentence, cue_start)
    delta = _delta_after(sentence, numbers, cue_end, c1)
    for group in _groups(sentence, c0, c1):
        if sentence[:group.start].rstrip().endswith(("(", "（")):
            continue  # "R2 与 DeepSeek-R1 打平（两者均为 65.9%）": a note on the pair, not the cue's object
        if group.start >= cue_end and any(group.end <= n.start <= group.end + 1 for n in _model_mentions(names)):
            continue  # "trails both Llama-3.1-8B and Qwen2.5-7B": the names are given
        after_cue = group.start >= cue_end and group.start - cue_end <= 12
        than_group = shape == "than" and cjk and group.end <= cue_start and "比" in sentence[c0:group.start]
        if after_cue or than_group:
            model = _pick_subject(sentence, names, subjects, min(group.start, cue_start), section, not_subjects=used)
            if model is None:
                return []
            referents = group_referents(text, section.start, offset + group.start, group.size, leave_out=model.text)
            bases = [m.text for m in referents if not _same_name(m.text, model.text)]
            if len(bases) != group.size:
                return []
            baselines: list[Baseline] = [(group.start, group.end, name) for name in bases]
            region = (min(group.start, cue_start), max(group.end, cue_end))
            return [(model, baselines, region, relation, delta)]
        if group.end <= cue_start and relation == "matches" and group.size == 2 \
                and _TIED_GAP.fullmatch(sentence, group.end, cue_start) \
                and not _model_mentions([n for n in names if cue_end <= n.start < c1]):
            # "MATH 两者打平", "the two are tied": the pair matches each other
            pair = [m.text for m in group_referents(text, section.start, offset + group.start, 2)]
            if len(pair) != 2:
                return []
            if section.subject is not None and _same_name(pair[1], section.subject) \
                    and not _same_name(pair[0], section.subject) and lexicons().vendor_regex.match(section.subject) is None:
                # (the model the passage is about, not a widely known one, is the tie's subject, whichever was named
                # first: "对标 DeepSeek-V3，星河-4 在 MATH-500 上 …；LiveCodeBench 两者打平")
                pair.reverse()
            return [(Mention(group.start, group.end, pair[0], "model"), [(group.start, group.end, pair[1])],
                     (group.start, cue_end), relation, None)]
        if group.end <= cue_start and shape == "after" \
                and (_ALL_OF_US.match(sentence, group.end) or not group.others and _OPENS_CLAUSE.search(sentence, 0, group.start)
                     and not sentence[group.start:group.end].strip().isdigit()) \
                and not _model_mentions([n for n in names if group.end <= n.start < cue_start]):
            named = _baselines(sentence, names, cue_end, c1, cjk)
            if not named:
                return []
            members = [m.text for m in group_referents(text, section.start, offset + group.start, group.size)]
            models = [name for name in members if not any(_same_name(name, b[2]) for b in named)]
            if len(models) != group.size:
                return []
            region = (group.start, cue_end)
            return [(Mention(group.start, group.end, name, "model"), named, region, relation, delta)
                    for name in models]
    return []
