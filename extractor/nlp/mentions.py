"""The typed-mention layer: what each candidate sentence names, as labelled spans.

Labels: ``MODEL`` (a model, method or system name), ``BENCHMARK``, ``METRIC``, ``VALUE`` (a number
that may be a result), ``SETTING`` (pass@1, 5-shot, CoT ...), ``CUE`` (a comparison phrase) and
``SUBJECT`` (a word standing for the document's subject: 该模型, our method). They come from the
lexicon data files (benchmarks, metrics, cues, subject words) and the name shapes of
``extractor.rules.mentions``; only candidate sentences (a trigger and a name) are read, so the
cost follows the text that can hold a claim, not the document.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from extractor.candidates import has_name, trigger_positions
from extractor.rules.mentions import SETTING, cue_matches, find_subject_words, lexicons, sentence_names
from extractor.rules.numbers import _is_result_number, _numbers
from extractor.segment import line_bounds, sentence_bounds

LABELS: tuple[str, ...] = ("MODEL", "BENCHMARK", "METRIC", "VALUE", "SETTING", "CUE", "SUBJECT")
# What the claim frames read from the mention layer: the names (the entity registry is built from the models).
# The other labels are for spaCy users reading ``doc.spans``; the claim rules find those themselves where they need them.
NAME_LABELS: tuple[str, ...] = ("MODEL", "BENCHMARK")
_NAME_LABEL = {"model": "MODEL", "name": "MODEL", "benchmark": "BENCHMARK"}


@dataclass(frozen=True, slots=True)
class TypedMention:
    """One labelled span of the document text (``start``/``end`` are document offsets)."""

    label: str
    start: int
    end: int
    text: str
    canonical: str = ""


def candidate_sentences(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """``(start, end)`` of the sentences holding a trigger and a name, outside the ``skip`` regions."""
    found = _candidate_sentences(text)
    if not skip:
        return list(found)
    return [(a, b) for a, b in found if not any(s < b and a < e for s, e in skip)]


@lru_cache(maxsize=4)
def _candidate_sentences(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_walk_candidates(text))


def _walk_candidates(text: str) -> Iterator[tuple[int, int]]:
    hits = trigger_positions(text, score_verbs=False)
    i = 0
    while i < len(hits):
        pos = hits[i]
        line_start, line_end = line_bounds(text, pos)
        for a, b in sentence_bounds(text, line_start, line_end):
            j = bisect_left(hits, a)
            if j < len(hits) and hits[j] < b and has_name(text, a, b):
                yield a, b
        i = bisect_left(hits, line_end + 1, i)


def sentence_mentions(text: str, a: int, b: int, labels: Sequence[str] = LABELS) -> list[TypedMention]:
    """The typed mentions of the sentence ``text[a:b]`` that carry one of ``labels``.

    Only the kinds asked for are looked for: the rules backend asks for ``NAME_LABELS`` alone, since the
    other kinds cost about 6 % of its run and no claim frame reads them from here.
    """
    lex = lexicons()
    sentence = text[a:b]
    out = [TypedMention(_NAME_LABEL[m.kind], a + m.start, a + m.end, m.text, m.value)
           for m in sentence_names(sentence) if m.kind in _NAME_LABEL and _NAME_LABEL[m.kind] in labels]
    if "SUBJECT" in labels:
        out += [TypedMention("SUBJECT", a + m.start, a + m.end, m.text) for m in find_subject_words(sentence, lex)]
    if not {"VALUE", "METRIC", "SETTING"}.isdisjoint(labels):
        values = [n for n in _numbers(sentence, lex) if _is_result_number(sentence, lex, n)]
        if "VALUE" in labels:
            out += [TypedMention("VALUE", a + n.start, a + n.end, sentence[n.start:n.end]) for n in values]
        # metrics and settings that qualify a value sit within a clause of it: only those windows are read
        for ws, we in _windows([(n.start, n.end) for n in values], len(sentence), _QUALIFIER_REACH):
            if "METRIC" in labels:
                out += [TypedMention("METRIC", a + m.start(), a + m.end(), m.group(0))
                        for m in lex.metric_regex.finditer(sentence, ws, we)]
            if "SETTING" in labels:
                out += [TypedMention("SETTING", a + m.start(), a + m.end(), m.group(0))
                        for m in SETTING.finditer(sentence, ws, we)]
    if "CUE" in labels:
        out += [TypedMention("CUE", a + m.start(), a + m.end(), m.group(0)) for m in cue_matches(sentence, lex)]
    return out


_QUALIFIER_REACH = 40


def _windows(spans: list[tuple[int, int]], length: int, reach: int) -> list[tuple[int, int]]:
    """``spans`` widened by ``reach`` on each side, merged where they overlap."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        s, e = max(0, s - reach), min(length, e + reach)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def forget_sentences() -> None:
    """Drop the per-sentence caches (names, numbers) that the mention layer and the claim rules share
    within one document: a later document must not be faster because an earlier one said the same."""
    from extractor.rules.mentions import _cached_cues, _cached_names, _cached_subject_words
    from extractor.rules.numbers import _cached_numbers, _cached_result_number, _has_far_reasons
    from extractor.segment import forget_sentence_bounds

    _cached_names.cache_clear()
    _cached_subject_words.cache_clear()
    _cached_cues.cache_clear()
    _cached_numbers.cache_clear()
    _cached_result_number.cache_clear()
    _has_far_reasons.cache_clear()
    forget_sentence_bounds()


def find_mentions(text: str, skip: Sequence[tuple[int, int]] = (),
                  labels: Sequence[str] = LABELS) -> list[TypedMention]:
    """Every typed mention (of ``labels``) of the candidate sentences of ``text``, in text order."""
    out: list[TypedMention] = []
    for a, b in candidate_sentences(text, skip):
        out += sentence_mentions(text, a, b, labels)
    out.sort(key=lambda m: (m.start, -m.end))
    return out
