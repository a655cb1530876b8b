"""A look-ahead for the characters a regex's match can start with, so that ``re`` turns a position away in one test.

``re`` skips ahead by a pattern's first character only when the pattern opens with a literal or a character class
matched case-sensitively. A pattern that opens with a look-behind, a ``\\b`` or case-blind words is tried whole at
every position: each of its branches in turn. ``led(pattern)`` puts ``(?=[…])`` in front of it, the class holding
every character a match can start with (read from the pattern's parse tree, compiled with the pattern's own flags, so
a case-blind pattern's class is case-blind the same way). A position whose character is not in it fails on that one
test; at any other the pattern runs as before. Matches, spans and groups are the same: the look-ahead only turns
away positions where no match can start.

When the first characters cannot be read (a match may be empty, or start with a character of a negated class, ``.``,
a back-reference, …), or the pattern cannot be wrapped, ``led`` returns the pattern unchanged.

(The parse tree is ``re``'s own parser's, ``re._parser``, read once per pattern at import; what it cannot place,
``led`` leaves alone.)
"""

from __future__ import annotations

import re
from re import _constants as _k  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

_ZERO_WIDTH = (_k.AT, _k.ASSERT, _k.ASSERT_NOT)
_REPEATS = (_k.MAX_REPEAT, _k.MIN_REPEAT, _k.POSSESSIVE_REPEAT)
# the categories a class may hold, as they are written inside one
_CATEGORIES = {_k.CATEGORY_DIGIT: r"\d", _k.CATEGORY_NOT_DIGIT: r"\D", _k.CATEGORY_SPACE: r"\s",
               _k.CATEGORY_NOT_SPACE: r"\S", _k.CATEGORY_WORD: r"\w", _k.CATEGORY_NOT_WORD: r"\W"}


def led(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead for its first characters (see the module docstring), or ``pattern``."""
    try:
        first, empty = _firsts(_p.parse(pattern.pattern, pattern.flags), False)
        if first is None or empty or not first:
            return pattern
        return re.compile(f"(?=[{''.join(sorted(first))}])(?:{pattern.pattern})", pattern.flags)
    except Exception:  # noqa: BLE001 - a pattern this cannot read or wrap (global inline flags): as it is
        return pattern


# the case-blind matches of the letters that have more than their two cases ("i" also matches "İ" and "ı")
_MORE_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _members(ch: str, fold: bool) -> set[str] | None:
    """``ch`` as a class's members; with ``fold`` (a case-blind group in a case-sensitive pattern) every character
    ``ch`` matches case-blind, or None when that is not known (a non-ASCII letter)."""
    if not fold or ch.lower() == ch.upper():
        return {re.escape(ch)}
    if not ch.isascii():
        return None
    low = ch.lower()
    return {re.escape(c) for c in (low, ch.upper(), *_MORE_CASES.get(low, ""))}


def _firsts(items: Any, fold: bool) -> tuple[set[str] | None, bool]:
    """(what a match of ``items`` can start with, written as a class's members, or None when that is not known;
    whether the match can be empty). ``fold``: inside a case-blind group of a case-sensitive pattern."""
    out: set[str] = set()
    for op, av in items:
        first, empty = _first(op, av, fold)
        if first is None:
            return None, False
        out |= first
        if not empty:
            return out, False
    return out, True


def _first(op: object, av: Any, fold: bool) -> tuple[set[str] | None, bool]:
    if op in _ZERO_WIDTH:
        return set(), True  # (a look-around or an anchor consumes nothing: the next item starts the match)
    if op is _k.LITERAL:
        return _members(chr(av), fold), False
    if op is _k.IN:
        members: set[str] = set()
        for item_op, item in av:
            if item_op is _k.LITERAL:
                one = _members(chr(item), fold)
                if one is None:
                    return None, False
                members |= one
            elif item_op is _k.RANGE and not fold:
                members.add(re.escape(chr(item[0])) + "-" + re.escape(chr(item[1])))
            elif item_op is _k.CATEGORY and item in _CATEGORIES:
                members.add(_CATEGORIES[item])
            else:
                return None, False  # (a negated class: almost any character may start a match)
        return members, False
    if op is _k.SUBPATTERN:
        _, add_flags, del_flags, body = av
        if (add_flags | del_flags) & ~(re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE):
            return None, False  # (a group that changes what \d, \w or a case means otherwise: not read)
        # (a case-sensitive group inside a case-blind pattern: the class stays case-blind, which holds more)
        return _firsts(body, fold or bool(add_flags & re.IGNORECASE))
    if op is _k.BRANCH:
        out: set[str] = set()
        empty = False
        for alternative in av[1]:
            first, maybe_empty = _firsts(alternative, fold)
            if first is None:
                return None, False
            out |= first
            empty = empty or maybe_empty
        return out, empty
    if op in _REPEATS:
        low, _, body = av
        first, empty = _firsts(body, fold)
        return first, empty or low == 0
    return None, False  # (any character, a negated literal, a back-reference, a conditional)
