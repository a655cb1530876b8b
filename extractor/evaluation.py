"""Scoring extracted claims against a gold set: ``shared/gold/score.py`` as a typed library.

Why a copy: ``benchclaims eval`` and the tests need the numbers in-process and as objects,
and the reference script is a stand-alone file outside the package. The behaviour is kept
identical (same name matching, same value tolerance, same greedy one-to-one matching in
prediction order); ``tests/extractor/test_evaluation.py`` checks it against the script itself.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vocabulary import fold

KINDS: tuple[str, ...] = ("score", "comparison")

_DIGIT = re.compile(r"\d")
_WORD_SPLIT = re.compile(r"[\s()（）,，/]+")

Claim = Mapping[str, Any]


class GoldFileError(ValueError):
    """A JSONL file that cannot be read; the message names the file and line."""


def norm(name: object) -> str:
    """Lower-case, without spaces, hyphens, underscores, dots and apostrophes (``vocabulary.fold``)."""
    return fold(str(name or ""))


def words(name: object) -> list[str]:
    return [w for w in _WORD_SPLIT.split(str(name or "").lower()) if w]


def names_match(pred: object, golds: Iterable[object]) -> bool:
    """Equal after ``norm``, or one contains the other (the shorter of at least 3 characters) and
    what is left over holds no digit ("GPT" is not "GPT-4.1": a family or a cut name is another
    model), or the words of one end the other's ("o1" ~ "OpenAI o1")."""
    p, pw = norm(pred), words(pred)
    if not p:
        return False
    for gold in golds:
        g, gw = norm(gold), words(gold)
        if not g:
            continue
        if p == g:
            return True
        short, long_ = (p, g) if len(p) <= len(g) else (g, p)
        if len(short) >= 3 and short in long_ and not _DIGIT.search(long_.replace(short, "", 1)):
            return True
        sw, lw = (pw, gw) if len(pw) <= len(gw) else (gw, pw)
        if sw and lw[-len(sw):] == sw:
            return True
    return False


def values_match(pred: object, gold: object) -> bool:
    """Equal within 0.01, also when one side is a fraction of the other's percentage."""
    try:
        p, g = float(pred), float(gold)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return abs(p - g) <= 0.01 or abs(p * 100 - g) <= 0.01 or abs(p - g * 100) <= 0.01


def gold_names(claim: Claim, field_name: str) -> list[Any]:
    names = [claim.get(field_name), *list(claim.get(field_name + "_aliases") or [])]
    return [n for n in names if n]


def matches(pred: Claim, gold: Claim) -> bool:
    """Whether one predicted claim matches one gold claim (claims-spec.md, "Scoring")."""
    if pred.get("kind", "score") != gold["kind"]:
        return False
    if not names_match(pred.get("model"), gold_names(gold, "model")):
        return False
    if gold["kind"] == "score":
        return values_match(pred.get("value"), gold.get("value")) and names_match(
            pred.get("benchmark"), gold_names(gold, "benchmark"))
    baselines = [gold.get("baseline"), *list(gold.get("baseline_aliases") or [])]
    if not names_match(pred.get("baseline"), baselines):
        return False
    gb = gold_names(gold, "benchmark")
    return not gb or names_match(pred.get("benchmark"), gb)


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The shape ``score.py --json`` prints per kind."""
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "pred": self.pred, "gold": self.gold}


@dataclass
class EvalReport:
    """Per-kind counts plus the unmatched gold claims (misses) and unmatched predictions."""

    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    # score.py does not score a comparison's relation, yet "who beats X" rests on it: matched comparisons whose
    # gold states a relation, and those of them (prediction, gold) that say another
    relations_compared: int = 0
    relation_mismatches: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)

    @property
    def total(self) -> Counts:
        return Counts(*(sum(getattr(c, f) for c in self.counts.values()) for f in ("tp", "pred", "gold")))

    def rows(self) -> dict[str, Counts]:
        """``score``, ``comparison`` and ``all``, in the order score.py prints them."""
        return {**self.counts, "all": self.total}

    def as_dict(self) -> dict[str, dict[str, float | int]]:
        return {k: c.as_dict() for k, c in self.rows().items()}

    def lines(self) -> list[str]:
        """Human-readable summary, the same lines score.py prints."""
        return [f"{k:<11} precision {c.precision:.3f}  recall {c.recall:.3f}  F1 {c.f1:.3f}  "
                f"(tp {c.tp}, pred {c.pred}, gold {c.gold})" for k, c in self.rows().items()]

    def detail_lines(self, limit: int) -> list[str]:
        """What ``benchclaims eval --misses N`` adds after the summary: the relation line, then up to ``limit``
        misses, false positives and relation disagreements (none when ``limit`` is 0, so the summary's last line
        stays score.py's "all" line for scripts)."""
        if not limit:
            return []
        relation = self.relation_line()
        out = [relation] if relation is not None else []
        out += [f"MISS {g.get('source')} {g.get('kind')} {g.get('model')} {g.get('benchmark')} "
                f"{g.get('value')} {g.get('baseline')} | {g.get('quote')}" for g in self.misses[:limit]]
        out += [f"FP   {p.get('source')} {p.get('kind')} {p.get('model')} {p.get('benchmark')} "
                f"{p.get('value')} {p.get('baseline')} | {p.get('quote')}" for p in self.false_positives[:limit]]
        out += [f"REL  {p.get('source')} {p.get('model')} {p.get('relation')} {p.get('baseline')}, gold says "
                f"{g.get('relation')} | {p.get('quote')}" for p, g in self.relation_mismatches[:limit]]
        return out

    def relation_line(self) -> str | None:
        """How often a matched comparison says the relation its gold says (not part of score.py's F1)."""
        if not self.relations_compared:
            return None
        agree = self.relations_compared - len(self.relation_mismatches)
        return (f"{'relation':<11} agrees on {agree} of {self.relations_compared} matched comparisons "
                f"({agree / self.relations_compared:.3f})")


def score(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> EvalReport:
    """Match predictions to gold per source file, greedily in prediction order, each gold used once.

    Predictions for sources absent from the gold set, and of unknown kinds, are ignored.
    """
    by_src: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_src[g["source"]].append(g)
    report = EvalReport()
    for g in gold:
        report.counts[g["kind"]].gold += 1
    used: set[tuple[str, int]] = set()
    for p in pred:
        src = p.get("source")
        if src not in by_src:
            continue
        kind = p.get("kind", "score")
        if kind not in report.counts:
            continue
        report.counts[kind].pred += 1
        for i, g in enumerate(by_src[src]):
            if (src, i) not in used and matches(p, g):
                used.add((src, i))
                report.counts[kind].tp += 1
                if kind == "comparison" and g.get("relation"):
                    report.relations_compared += 1
                    if p.get("relation") != g["relation"]:
                        report.relation_mismatches.append((p, g))
                break
        else:
            report.false_positives.append(p)
    for src, gs in by_src.items():
        report.misses += [g for i, g in enumerate(gs) if (src, i) not in used]
    return report


def score_claims(gold: list[dict[str, Any]], claims: Iterable[Any]) -> EvalReport:
    """``score`` for extractor output: accepts claim objects (anything with ``model_dump``) or dicts."""
    pred = [c.model_dump() if hasattr(c, "model_dump") else dict(c) for c in claims]
    return score(gold, pred)


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL file of claims; a bad line raises GoldFileError naming the file and line."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise GoldFileError(f"{p}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise GoldFileError(f"{p}: not UTF-8 text") from exc
    out: list[dict[str, Any]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"{p}:{lineno}: invalid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise GoldFileError(f"{p}:{lineno}: expected a JSON object per line")
        out.append(obj)
    return out
