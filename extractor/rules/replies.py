"""Comparisons that answer a score the sentence just gave another model, with no object of their own.

"Llama-3.1-70B-Instruct gets 50.5 under the same harness, so Orion still wins, just by ~5.6", "QwQ-32B 自己报的是
79.5，所以星河其实还差了 7 分", "SimpleRL-Zoo-7B 在 MATH-500 上是 78.2%，我们高了 4.2 个点": the baseline is the model
whose score the same sentence just stated; the subject is the model named after that score, else the one "we" / 我们
stand for, else the model the text is about. (A reply in the next sentence, "… gets 44.3. So we're eight points
ahead", is not read.)
"""

from __future__ import annotations

import re

from extractor.rules.clauses import _tight
from extractor.rules.mentions import Mention
from extractor.rules.names import _norm, _same_name
from extractor.rules.subjects import OWN_MODEL, _model_mentions
from extractor.segment import is_model_shaped
from schemas import ComparisonClaim, Document, ScoreClaim, Section

# a comparative with no object: "still wins", "is ~5 pts ahead", "leads by 5.5", "高了 4.2 个点", "还差了 7 分"
_BARE_COMPARATIVE = re.compile(
    r"(?:(?P<d0>\d+(?:\.\d+)?)\s*(?:points?|pts|pp)\s+)?"
    r"\b(?:(?P<up>ahead|clear|wins?|leads?|comes\s+out\s+on\s+top)|(?P<down>behind|loses?|trails?))\b"
    r"(?:,?\s+(?:just\s+)?(?:by\s+)?(?:about\s+|almost\s+|nearly\s+|roughly\s+|~)?(?P<d1>\d+(?:\.\d+)?)\s*(?:points?|pts|pp)?)?"
    # (Chinese only with its margin: "我们高了 4.2 个点", "还差了 7 分")
    r"|(?:(?P<zup>高了|高出了?|领先了?|赢了|多了|超出了?)|(?P<zdown>低了|差了|还差了?|落后了?|输了|少了))"
    r"\s*(?:约|近|快|大约|将近|足足)?\s*(?P<d2>\d+(?:\.\d+)?)\s*(?:个)?(?:百分点|个点|点|分)",
    re.IGNORECASE)
# an object right after the comparative makes it an ordinary cue ("ahead of X", "wins over X", "领先 X")
_OBJECT_AFTER = re.compile(r"\s*(?:of|than|over|against|to|with)\b|\s*[A-Z\u4e00-\u9fff]", re.IGNORECASE)
_OBJECT_BEFORE = re.compile(r"比|与|和|跟|同|较|相比|对比|\b(?:than|with|versus|vs\.?|against|over)\b", re.IGNORECASE)
_FIRST_PERSON_OR_IT = re.compile(r"\b(?:we|we're|we are|us|it|it's)\b|我们|它|其", re.IGNORECASE)
# the sentence's subject word standing for a model named before ("在 AIME 2024 上它是 26.7%")
_IT = re.compile(r"它|\bit\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[。！？!?；;]")


def reply_comparisons(document: Document, section: Section, offset: int, sentence: str, names: list[Mention],
                      scores: list[ScoreClaim], comparisons: list[ComparisonClaim],
                    topic: str | None = None) -> list[ComparisonClaim]:
    """The comparisons of ``sentence`` whose baseline is the model of a score stated before a bare comparative.

    ``topic``: the model the text is about, whom "we" / 我们 stand for when the sentence's subject word (它, "it")
    stands for another model ("在 AIME 2024 上它是 26.7%，我们领先 6.6 个点")."""
    out: list[ComparisonClaim] = []
    models = _model_mentions(names)
    for m in _BARE_COMPARATIVE.finditer(sentence):
        up, down = m.group("up") or m.group("zup"), m.group("down") or m.group("zdown")
        if not (up or down):
            continue
        if (m.group("up") or m.group("down")) and m.group("d1") is None \
                and _OBJECT_AFTER.match(sentence, m.end("up") if m.group("up") else m.end("down")):
            continue  # "ahead of X", "wins over X": the cue rules read those
        stated = [s for s in scores if s.end - offset <= m.start() and s.model and s.benchmark
                  and (any(_same_name(n.text, s.model) for n in models if n.end <= m.start())
                       or (s.model == section.subject and _IT.search(sentence, 0, s.end - offset) is not None))]
        if not stated:
            continue
        score = stated[-1]
        between = sentence[score.end - offset:m.start()]
        if _CLAUSE_BREAK.search(between) or len(between) > 80 or _OBJECT_BEFORE.search(between):
            continue  # (an object stated before the comparative: "比 X 高了 11 分", "than X")
        subject = _subject_between(sentence, models, score, offset, m.start(), section, topic)
        if subject is None or _same_name(subject, score.model):
            continue
        if any({_norm(c.model), _norm(c.baseline or "")} == {_norm(subject), _norm(score.model)}
               and c.benchmark == score.benchmark for c in [*comparisons, *out]):
            continue
        margin = m.group("d0") or m.group("d1") or m.group("d2")
        if margin and any(_norm(c.baseline or "") == _norm(score.model) and c.benchmark == score.benchmark
                          and c.delta == float(margin) for c in comparisons):
            continue  # ("DeepSeek-R1 … 为 97.3%，比 GPT-4o 的 74.6% 高出 22.7 个百分点": the cue's comparison, its margin)
        relation = "outperforms" if up else "underperforms"
        margin = m.group("d0") or m.group("d1") or m.group("d2")
        qs, qe = _tight(sentence, score.start - offset, m.end())
        out.append(ComparisonClaim(
            model=subject, baseline=score.model, relation=relation, benchmark=score.benchmark,
            delta=float(margin) if margin else None,
            quote=sentence[qs:qe], source=document.source, section=section.title,
            start=offset + qs, end=offset + qe, extractor="rules"))
    return out


def _subject_between(sentence: str, models: list[Mention], score: ScoreClaim, offset: int, at: int,
                     section: Section, topic: str | None = None) -> str | None:
    """The model a reply is about: named between the score and the comparative, else we / it, else the topic."""
    named = [n for n in models if score.end - offset <= n.start and n.end <= at and is_model_shaped(n.text)]
    if named:
        return named[-1].text
    if _FIRST_PERSON_OR_IT.search(sentence, score.end - offset, at):
        own = OWN_MODEL.get() or (topic if topic != section.subject else None)
        if own and re.search(r"\bwe|我们", sentence[score.end - offset:at], re.IGNORECASE):
            return own
    return section.subject

