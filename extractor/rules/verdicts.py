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

BARE_VERDICT = re.compile(
    r"\b(?:is|are|was|were|['’]re|['’]s|stays?|remains?|sits?)\s+(?:still\s+)?"
    r"(?:(?:clearly|well|far|comfortably|way|miles|slightly|narrowly|just|a\s+(?:hair|bit|little))\s+"
    r"|(?:about\s+|roughly\s+|almost\s+|nearly\s+|~)?(?P<margin>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|"
    r"ten)\s+(?:points?|pts|pp)\s+)?"
    r"(?P<side>ahead|behind)\b(?!\s+(?:of|on\b))", re.IGNORECASE)


def bare_verdicts(document: Document, section: Section, offset: int, sentence: str, names: list[Mention],
                  subjects: list[Mention], scores: list[ScoreClaim],
                  comparisons: list[ComparisonClaim]) -> list[ComparisonClaim]:
    """The comparison each objectless "ahead" / "behind" of ``sentence`` states, with the other model whose value the
    sentence gave (none when the sentence's comparisons already cover the verdict, or no other model has a value)."""
    out: list[ComparisonClaim] = []
    for m in BARE_VERDICT.finditer(sentence):
        if any(c.start - offset <= m.start() < c.end - offset for c in comparisons):
            continue
        subject = _pick_subject(sentence, names, subjects, m.start(), section)
        if subject is None:
            continue
        own = [s for s in scores if _norm(s.model) == _norm(subject.text) and s.end - offset <= m.start()]
        others = [s for s in scores if _norm(s.model) != _norm(subject.text) and s.end - offset <= m.start()
                  and (not own or s.benchmark == own[-1].benchmark)]
        if not others or len({_norm(s.model) for s in others}) != 1:
            continue
        other = others[-1]
        raw = m.group("margin")
        delta = None if raw is None else margin_value(raw)
        qs, qe = _tight(sentence, min(other.start - offset, subject.start if subject.start >= 0 else m.start()), m.end())
        out.append(ComparisonClaim(
            model=subject.text, baseline=other.model, benchmark=other.benchmark,
            relation="outperforms" if m.group("side").lower() == "ahead" else "underperforms",
            delta=delta, unit="points" if delta is not None else None, quote=sentence[qs:qe],
            source=document.source, section=section.title, start=offset + qs, end=offset + qe, extractor="rules",
        ))
    return out
