"""Clause bounds and quote spans inside one sentence.

A value's benchmark, metric and setting are looked for in its own clause first (one sentence often
states several results, one per clause), so every rule module asks where a clause begins and ends;
that question is answered here, below all of them.
"""

from __future__ import annotations

import re
from functools import lru_cache

# (each branch's first character from one class, so that ``re`` skips ahead to it; the branch checks it again with a
# look-behind, in the branches' old order)
_CLAUSE_SEP = re.compile(r"[，;；:：—,\s](?:(?<=[，;；:：—])|(?<=,)(?!\d{3}(?!\d))|(?<=—)—|(?<=\s)-\s"
                         r"|(?<=[a-z]\s)\s*(?:while|whereas|but|and then)\s+)")


def _clause_bounds(sentence: str, pos: int) -> tuple[int, int]:
    """The clause around ``pos``: between separators (，, ; : —), ignoring those inside brackets."""
    start, end = 0, len(sentence)
    for a, b in _separators(sentence):
        if b <= pos:
            start = b
        elif a >= pos:
            end = a
            break
    return start, end


@lru_cache(maxsize=256)
def _separators(sentence: str) -> tuple[tuple[int, int], ...]:
    """Clause separators of a sentence outside brackets (cached: asked for many times per sentence)."""
    if "(" not in sentence and "（" not in sentence:
        return tuple((m.start(), m.end()) for m in _CLAUSE_SEP.finditer(sentence))
    out = []
    depth = 0
    last = 0
    for m in _CLAUSE_SEP.finditer(sentence):
        head = sentence[last:m.start()]
        depth += head.count("(") + head.count("（") - head.count(")") - head.count("）")
        last = m.start()
        if depth <= 0:
            out.append((m.start(), m.end()))
    return tuple(out)


def _tight(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a quote span past surrounding whitespace (quotes are stored stripped)."""
    while start < end and sentence[start].isspace():
        start += 1
    while end > start and sentence[end - 1].isspace():
        end -= 1
    return start, end
