"""From-to statements whose starting value belongs to another, named model.

"Arena-Hard 胜率从上一代青鸾-14B 的 52.3% 提升到了 76.8%", "与上一代玄武-13B 相比，新模型在 GSM8K 上从
78.2% 提升到 94.6%": the first value is the earlier model's score, the second the subject's, and the
sentence compares the two. Without a named owner of the first value ("从最初的 15.6% 提高到了 71.0%")
both values stay the subject's (the score rules handle those).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extractor.rules.clauses import _tight
from extractor.rules.context import SentenceBenchmark
from extractor.rules.measures import _benchmarks_near, _metric_near
from extractor.rules.mentions import Lexicons, Mention
from extractor.rules.numbers import FROM_TO as _FROM_TO
from extractor.rules.numbers import Number
from extractor.rules.subjects import _model_mentions, _pick_subject
from schemas import ComparisonClaim, Document, ScoreClaim, Section

# "from the base model's 16.7% to 43.3%" (English needs a named or base owner: a bare "from 45.2% to 61.0%"
# stays the subject's own before/after)
# ("from 52% for Pro 1.5 to 71% for Pro 2": the first value's owner may follow it)
_FROM_TO_EN = re.compile(
    r"\bfrom\s+(?P<pre>[^,;]{0,40}?)\s*(?<![\w.\-])(?P<a>\d+(?:\.\d+)?)\s*%?\s+(?:for\s+(?P<post>[^,;]{1,40}?)\s+)?"
    r"to\s+(?P<b>\d+(?:\.\d+)?)", re.IGNORECASE)
# "从基座模型的 16.7%", "from its base model's 30.8": the start value is the base model's
_BASE_WORDS = re.compile(r"基座模型|基础模型|基模|初始模型|原始模型|原模型|\bbase model|\boriginal model|\bstarting point",
                         re.IGNORECASE)
_NAME = r"[A-Za-z][A-Za-z0-9]*(?:[-_.+\u2010-\u2015][A-Za-z0-9]+)*"
# "作者在 Qwen2.5-Math-7B 上训练得到 RePO-7B", "bolt a verifier onto Kite-3B", "built on Llama-3.1-8B"
_BASE_STATEMENT = re.compile(
    rf"(?:在|基于|以)\s*(?P<zh>{_NAME})\s*(?:上|之上|为基础|为基座|为底座)?\s*(?:进行|做)?(?:训练|微调|后训练|蒸馏|强化学习)"
    rf"|\b(?:onto|on top of|built on|based on|fine-tuned from|initiali[sz]ed from|starting from|trained from)\s+"
    rf"(?:the\s+)?(?P<en>{_NAME})", re.IGNORECASE)


# "After upgrading from tide-13b-chat-v2.3 to tide-13b-chat-v2.4 …", "从 Qwen2.5-7B 切换到 Llama-3.1-8B 后": a change of model,
# whose from-to values after it are the first model's, then the second's
_SWITCH = re.compile(
    rf"\b(?:upgrad|switch|mov|migrat|chang)(?:e|ed|es|ing)?\s+(?:\w+\s+){{0,2}}?from\s+(?:the\s+)?(?P<a>{_NAME})\s+to\s+"
    rf"(?:the\s+)?(?P<b>{_NAME})"
    rf"|从\s*(?P<za>{_NAME})\s*(?:升级|切换|换|迁移|更换)(?:到|成|为|至)\s*(?P<zb>{_NAME})", re.IGNORECASE)


def switched_models(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The models the text between ``start`` and ``end`` last says it changed from and to, if it says so
    (cheap tests first: most paragraphs change no model)."""
    window = text[start:end]
    if "from" not in window and "从" not in window:
        return None
    found = None
    for m in _SWITCH.finditer(text, start, end):
        a, b = m.group("a") or m.group("za"), m.group("b") or m.group("zb")
        if a and b and a != b and all(any(ch.isdigit() for ch in x) for x in (a, b)):
            found = (a.rstrip("."), b.rstrip("."))
    return found


def base_model_in(text: str, start: int, end: int) -> str | None:
    """The model the text between ``start`` and ``end`` last says something was built on, if any."""
    found = None
    for m in _BASE_STATEMENT.finditer(text, start, end):
        name = m.group("zh") or m.group("en")
        if name and any(ch.isdigit() for ch in name):
            found = name
    return found
_COMPARED = re.compile(r"(?:与|和|跟|同|相比|相较于?|对比)\s*(?:上一代|前代|此前的|之前的|它的\s*(?:上一代|前代|前身))?"
                       r"\s*$")

_FOR_AFTER = re.compile(r"\s*%?\s+for\s+(?:the\s+)?")
_OVER = r"(?:over|compared\s+(?:to|with)|relative\s+to|vs\.?|versus|against)\s+(?:(?:its|the|their)\s+)?" \
        r"(?:(?:backbone|base\s+model|baseline|base|starting\s+point)\s*,?\s*)?"
_OVER_NAMED = re.compile(r"\s*(?:%|points?)?\s*,?\s*" + _OVER, re.IGNORECASE)
_COMPARED_EN = re.compile(r"\b(?:compared\s+(?:to|with)|relative\s+to|over|versus|against)\s+(?:(?:its|the|their)\s+)?"
                          r"(?:(?:backbone|base\s+model|baseline)\s*,?\s*)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Trajectory:
    """A from-to pair and whose each value is (offsets are into the sentence)."""

    earlier_owner: Mention
    subject: Mention
    earlier: Number
    later: Number
    benchmark: Mention | None
    metric: str | None
    start: int
    end: int
    # (a change of model the paragraph states gives the two values, not a comparison of its own: "after upgrading from X
    # to Y … went from 61.4 to 55.2")
    compared: bool = True


def trajectories(sentence: str, lex: Lexicons, names: list[Mention], subjects: list[Mention],
                 numbers: list[Number], section: Section,
                 find_base: Callable[[], str | None] = lambda: None,
                 find_switch: Callable[[], tuple[str, str] | None] = lambda: None) -> list[Trajectory]:
    """From-to pairs whose start value is another model's: named in the pair, compared with, the base
    model the text said the subject was built on (``find_base``, asked only when the pair says 基座模型), or the
    models the paragraph says it changed from and to (``find_switch``: "After upgrading from X to Y … MATH-500 went
    from 61.4 to 55.2", asked only when the pair names nobody)."""
    out: list[Trajectory] = []
    for m in (*_FROM_TO.finditer(sentence), *_FROM_TO_EN.finditer(sentence)):
        a = next((n for n in numbers if n.start == m.start("a")), None)
        b = next((n for n in numbers if n.start == m.start("b")), None)
        if a is None or b is None:
            continue
        models = _model_mentions(names)
        # the owner of the first value: named inside "从 X 的", or the one the sentence compares with ("与 X 相比")
        owner = next((n for n in models if m.start("pre") <= n.start and n.end <= m.end("pre")), None)
        if owner is None and m.re is _FROM_TO_EN and m.group("post"):
            owner = next((n for n in models if n.start == m.start("post")), None)
        if owner is None and m.re is _FROM_TO:
            owner = next((n for n in models if n.end <= m.start() and _COMPARED.search(sentence, 0, n.start)), None)
        if owner is None and m.re is _FROM_TO_EN:
            # "from 84.5% to 89.7% over its backbone Llama-3.1-8B", "Compared with X, it goes from 84.5 to 89.7"
            after = _OVER_NAMED.match(sentence, m.end())
            owner = next((n for n in models if after is not None and n.start == after.end()), None) \
                or next((n for n in models if n.end <= m.start() and _COMPARED_EN.search(sentence, 0, n.start)), None)
        if owner is None and _BASE_WORDS.search(m.group("pre")):
            base = find_base()
            owner = Mention(-1, -1, base, "model") if base else None
        switched = find_switch() if owner is None else None
        if switched is not None and all(n.text in switched for n in models):  # (a sentence naming another model is its own)
            owner = Mention(-1, -1, switched[0], "model")
            subject: Mention | None = Mention(-1, -1, switched[1], "model")
        elif owner is None:
            continue
        else:
            subject = _pick_subject(sentence, names, subjects, m.start(), section, not_subjects=frozenset({owner.start}))
        later_for = _FOR_AFTER.match(sentence, m.end("b"))  # "to 71% for Pro 2": the later value's own owner
        if later_for is not None:
            subject = next((n for n in models if n.start == later_for.end()), subject)
        if subject is None or subject.text == owner.text:
            continue
        near = _benchmarks_near(sentence, names, m.start())
        # ("MATH-500 went from 61.4 to 55.2 and GSM8K from 83.9 to 80.3": the benchmark named right before the pair)
        before = [n for n in near if n.end <= m.start()]
        first = min(owner.start, m.start()) if owner.start >= 0 else m.start()
        out.append(Trajectory(owner, subject, a, b, before[-1] if before else near[-1] if near else None,
                              _metric_near(sentence, lex, a.start, b.end), first, max(b.end, owner.end, subject.end),
                              compared=switched is None))
    return out


def trajectory_claims(document: Document, section: Section, offset: int, sentence: str, path: Trajectory,
                      ctx_benchmark: SentenceBenchmark) -> list[ScoreClaim | ComparisonClaim]:
    """The earlier model's score, the subject's score, and the comparison the pair states."""
    bench = path.benchmark.text if path.benchmark is not None else ctx_benchmark.get()
    if bench is None:
        return []
    start = min(path.start, path.subject.start if path.subject.start >= 0 else path.start)
    if path.benchmark is not None and path.benchmark.start >= 0:
        start = min(start, path.benchmark.start)
    qs, qe = _tight(sentence, start, path.end)
    common = {"benchmark": bench, "metric": path.metric, "quote": sentence[qs:qe], "source": document.source,
              "section": section.title, "start": offset + qs, "end": offset + qe, "extractor": "rules"}
    out: list[ScoreClaim | ComparisonClaim] = []
    for model, num in ((path.earlier_owner.text, path.earlier), (path.subject.text, path.later)):
        out.append(ScoreClaim(model=model, value=num.value, unit=num.unit or "score", **common))
    if path.later.value != path.earlier.value and path.compared:
        relation = "outperforms" if path.later.value > path.earlier.value else "underperforms"
        out.append(ComparisonClaim(model=path.subject.text, baseline=path.earlier_owner.text, relation=relation,
                                   **common))
    return out


# "从最初的 15.6% 提高到了 71.0%", "from 6.5% to 57.1%": the value a rise starts from, and what leads to the next
_RISE_START = re.compile(r"(?:从|\bfrom\s)(?P<pre>[^，。；;从]{0,24}?)\s*$", re.IGNORECASE)
_RISE_GAP = re.compile(r"\s*(?:%|％|分|points?)?\s*(?:的|，|,)?\s*(?:稳步|大幅|显著|一举)?\s*"
                       r"(?:(?:提升|提高|增长|上升|增加|升|涨|提|拉|拉升|下降|降|掉|跌|回落)(?:到|至)?了?|到|至|to|→|->)\s*$",
                       re.IGNORECASE)
_INITIAL = re.compile(r"最初|初始|起初|一开始|initial|start", re.IGNORECASE)


def mark_starting_values(sentence: str, offset: int, scores: list[ScoreClaim]) -> None:
    """The first value of a from-to rise by the same model on the same benchmark is where it started,
    not a second result: it gets the setting "initial checkpoint" ("从最初的 15.6%") or "before", so a
    board ranks the later value and does not call the pair a conflict."""
    for i, first in enumerate(scores):
        if first.setting is not None:
            continue
        head = _RISE_START.search(sentence, max(0, first.end - offset - 40), _number_start(sentence, first.end - offset))
        if head is None:
            continue
        later = next((s for s in scores[i + 1:] if s.model == first.model and s.benchmark == first.benchmark
                      and s.end > first.end
                      and _RISE_GAP.match(sentence[first.end - offset:_number_start(sentence, s.end - offset)])), None)
        if later is not None:
            first.setting = "initial checkpoint" if _INITIAL.search(head.group("pre")) else "before"


_TRAILING_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?\s*(?:%|％|分|points?)?\s*$")


def _number_start(sentence: str, end: int) -> int:
    m = _TRAILING_NUMBER.search(sentence, 0, end)
    return m.start() if m else end
