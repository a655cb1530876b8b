"""A verdict with no object, after two models' values: "Mistral-Nemo-12B gets 44.7 and Elan-12B gets 51.0, so Elan-12B
is clearly ahead either way", "… 52.7 … 44.3, so we're eight points ahead".

"ahead" / "behind" without "of" compares the verdict's subject with the other model whose value the same sentence
states: the object is left out because the sentence just gave it.
"""

from __future__ import annotations

import re

from extractor.rules.clauses import _tight
from extractor.rules.comparisons import margin_value
from extractor.rules.mentions import Mention
from extractor.rules.names import _norm
from extractor.rules.subjects import _pick_subject
from schemas import ComparisonClaim, Document, ScoreClaim, Section


# a Chinese verdict and its margin, no object between (not "比 X 高", "领先 X 2 分"): "这一项还落后 1.2 个点", "我们高 0.6"
# (one pattern for both readers below; the group names say which reader's)
def _zh_margin_verdict(side: str, margin: str) -> str:
    return (rf"(?<![比较于])(?:都|也|还|则|要|又)?(?:略|稍|明显)?(?P<{side}>领先|落后|高出|高了|低了|高|低)了?\s*"
            rf"(?:约|近|大约|大概|将近)?\s*(?P<{margin}>\d+(?:\.\d+)?)\s*(?:分|个点|个百分点|点)")


BARE_VERDICT = re.compile(
    r"\b(?:is|are|was|were|['’]re|['’]s|stays?|remains?|sits?)\s+(?:still\s+)?"
    r"(?:(?:clearly|well|far|comfortably|way|miles|slightly|narrowly|just|a\s+(?:hair|bit|little))\s+"
    r"|(?:about\s+|roughly\s+|almost\s+|nearly\s+|~)?(?P<margin>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|"
    r"ten)\s+(?:points?|pts|pp)\s+)?"
    r"(?P<side>ahead|behind)\b(?!\s+(?:of|on\b))"
    # ("MATH-500 上我们 96.1%，它 97.3%，这一项还落后 1.2 个点": read by the two values' gap)
    r"|" + _zh_margin_verdict("side_zh", "margin_zh")
    # "MATH-500 上 R1 是 97.3，o1 是 96.4，R1 略高一点": a named subject's verdict with neither object nor margin
    + r"|(?<=[\w\s])(?:略|稍|要|明显|还是)?(?:(?P<up_zh>高一点点?|高一些|更高|更强|更好|占优|胜出)|(?P<down_zh>低一点点?|低一些|更低|更弱|更差))"
    r"(?=\s*(?:[。，,；;！!]|$))", re.IGNORECASE)
_AHEAD_ZH = frozenset({"领先", "高出", "高了", "高"})
_THAN_BEFORE = re.compile(r"(?:比|较|相比|对比)[^，,。；;]{0,10}$")


def bare_verdicts(document: Document, section: Section, offset: int, sentence: str, names: list[Mention],
                  subjects: list[Mention], scores: list[ScoreClaim],
                  comparisons: list[ComparisonClaim]) -> list[ComparisonClaim]:
    """The comparison each objectless "ahead" / "behind" of ``sentence`` states, with the other model whose value the
    sentence gave (none when the sentence's comparisons already cover the verdict, or no other model has a value)."""
    out: list[ComparisonClaim] = []
    for m in BARE_VERDICT.finditer(sentence):
        if any(c.start - offset <= m.start() < c.end - offset for c in comparisons):
            continue
        if m.group("side_zh"):
            # the Chinese verdict names nobody: the two values before it whose gap is the margin say who leads
            # (not "比基座高了 3.6 分": its object is named, and the cue path reads it)
            if _THAN_BEFORE.search(sentence, max(0, m.start() - 12), m.start()) is None:
                out += [c for c in _verdict_by_values(document, section, offset, sentence, m, scores)
                        if not any({_norm(c.model), _norm(c.baseline)} == {_norm(d.model), _norm(d.baseline)}
                                   for d in comparisons)]
            continue
        subject = _pick_subject(sentence, names, subjects, m.start(), section)
        if subject is None:
            continue
        if (m.group("up_zh") or m.group("down_zh")) and not (
                0 <= subject.start and 0 <= m.start() - subject.end <= 2
                and any(n.start == subject.start and n.kind in ("model", "name") for n in names)):
            continue  # (the Chinese verdict with no margin: only right after the name it is about)
        own = [s for s in scores if _norm(s.model) == _norm(subject.text) and s.end - offset <= m.start()]
        others = [s for s in scores if _norm(s.model) != _norm(subject.text) and s.end - offset <= m.start()
                  and (not own or s.benchmark == own[-1].benchmark)]
        if not others or len({_norm(s.model) for s in others}) != 1:
            continue
        other = others[-1]
        raw = m.group("margin") or m.group("margin_zh")
        delta = None if raw is None else margin_value(raw)
        ahead = m.group("side").lower() == "ahead" if m.group("side") else bool(m.group("up_zh")) \
            if m.group("up_zh") or m.group("down_zh") else m.group("side_zh") in _AHEAD_ZH
        qs, qe = _tight(sentence, min(other.start - offset, subject.start if subject.start >= 0 else m.start()), m.end())
        out.append(ComparisonClaim(
            model=subject.text, baseline=other.model, benchmark=other.benchmark,
            relation="outperforms" if ahead else "underperforms",
            delta=delta, unit="points" if delta is not None else None, quote=sentence[qs:qe],
            source=document.source, section=section.title, start=offset + qs, end=offset + qe, extractor="rules",
        ))
    return out


def _verdict_by_values(document: Document, section: Section, offset: int, sentence: str, m: re.Match[str],
                       scores: list[ScoreClaim]) -> list[ComparisonClaim]:
    """"Qwen2.5-7B 在 GSM8K 上是 91.6，Llama-3.1-8B 是 84.5，高了 7.1 分": the last two models' values on one benchmark
    before the verdict, when their gap is its margin; the higher one leads (高 / 领先), the lower one trails (低 / 落后)."""
    before = [s for s in scores if s.end - offset <= m.start()]
    if len(before) < 2:
        return []
    a, b = before[-2], before[-1]
    margin = margin_value(m.group("margin_zh"))
    if _norm(a.model) == _norm(b.model) or a.benchmark != b.benchmark or margin is None \
            or abs(abs(a.value - b.value) - margin) > 0.051:
        return []
    high, low = (a, b) if a.value > b.value else (b, a)
    ahead = m.group("side_zh") in _AHEAD_ZH
    subject, other = (high, low) if ahead else (low, high)
    qs, qe = _tight(sentence, min(a.start, b.start) - offset, m.end())
    return [ComparisonClaim(
        model=subject.model, baseline=other.model, benchmark=a.benchmark,
        relation="outperforms" if ahead else "underperforms", delta=margin, unit="points", quote=sentence[qs:qe],
        source=document.source, section=section.title, start=offset + qs, end=offset + qe, extractor="rules",
    )]


# "拿 DeepSeek-V3 来比，MMLU-Pro 我们高 2.5 个点，GPQA Diamond 高 5.8 个点": a sentence that opens with what it measures
# against, then verdicts with margins and no object, each on the benchmark named before it
# (after a speaker's label too: "我：和问道-34B 比，我们在 C-Eval 上高 4.5 分")
REFERENCE_LEAD = re.compile(r"(?:[^，,。；;：:]{1,12}[：:])?\s*(?:拿|和|跟|与|同)\s*(?=\S)")
_REFERENCE_LEAD_CLOSE = re.compile(r"\s*(?:来)?(?:比|相比|比较|对比)(?:的话|一下)?\s*[，,：:]")
_VERDICT_WITH_MARGIN = re.compile(_zh_margin_verdict("side", "margin"))


def opening_reference(sentence: str, names: list[Mention]) -> Mention | None:
    """The model a sentence opens by measuring against ("和 DeepSeek-R1-Distill-Qwen-1.5B 比，…", "拿 X 来比，…")."""
    lead = REFERENCE_LEAD.match(sentence)
    if lead is None:
        return None
    reference = next((n for n in names if n.kind in ("model", "name") and n.start == lead.end()), None)
    if reference is None or _REFERENCE_LEAD_CLOSE.match(sentence, reference.end) is None:
        return None
    return reference


def reference_verdicts(document: Document, section: Section, offset: int, sentence: str, names: list[Mention],
                       subjects: list[Mention], comparisons: list[ComparisonClaim]) -> list[ComparisonClaim]:
    """The comparisons with the reference a sentence opens with ("拿 X 来比，…", "和 X 比，…"), one for each verdict
    with a margin and no object that the sentence's other comparisons do not already state."""
    reference = opening_reference(sentence, names)
    if reference is None or (close := _REFERENCE_LEAD_CLOSE.match(sentence, reference.end)) is None:
        return []
    out: list[ComparisonClaim] = []
    since = close.end()
    for m in _VERDICT_WITH_MARGIN.finditer(sentence, close.end()):
        benches = [n for n in names if n.kind == "benchmark" and since <= n.start < m.start()]
        since = m.end()
        if not benches or any(c.start - offset <= m.start() < c.end - offset for c in comparisons):
            continue
        subject = _pick_subject(sentence, names, subjects, m.start(), section,
                                not_subjects=frozenset({reference.start}))
        bench = benches[-1].value or benches[-1].text
        if subject is None or _norm(subject.text) == _norm(reference.text) \
                or any(_norm(c.baseline) == _norm(reference.text) and c.benchmark == bench for c in comparisons):
            continue
        ahead = m.group("side") in _AHEAD_ZH
        qs, qe = _tight(sentence, reference.start, m.end())
        out.append(ComparisonClaim(
            model=subject.text, baseline=reference.text, benchmark=bench,
            relation="outperforms" if ahead else "underperforms", delta=margin_value(m.group("margin")), unit="points",
            quote=sentence[qs:qe], source=document.source, section=section.title, start=offset + qs, end=offset + qe,
            extractor="rules",
        ))
    return out
