"""Rules read a folded copy of the text: every Unicode dash as ``-``, accented Latin letters as ASCII,
citation markers ("[12]", "(Li et al., 2024)") as spaces.

The name patterns are ASCII (``[A-Za-z0-9-]``); web text writes ``GPT‑4o`` with U+2011 and names such
as ``Protégé-8B`` or ``Élan-7B``. Folding maps each such character to one ASCII character, so the
folded text has the same length and every offset found in it is an offset into the original: quotes
are sliced from the original text, and names found in the folded text are given back their original
spelling (``restore_names``).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from extractor.nlp.tokenizer import DASHES


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x00C0, 0x0250):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base.isascii() and base.isalpha():
            table[cp] = base
    return table


@lru_cache(maxsize=1)
def _foldable() -> re.Pattern[str]:
    return re.compile(f"[{DASHES}\u00c0-\u024f]")


# Citation markers: "Corvid-R1 [12] applies …", "Ferret-Coder-33B [9] (31.8%)", "StructCoT-7B（Li 等，2024）",
# "(Chen et al., 2024)". They are blanked (spaces, same length): a reference number or an author's name sits
# where the rules expect a name's value or verb, and an author is never a model. ("[text](url)" links stay.)
_CITATION = re.compile(r"[\[（(](?:(?<=\[)\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\](?!\()"
                       r"|(?<=[（(])[A-Z][A-Za-z'’-]+(?:\s+(?:et\s+al\.?|and\s+[A-Z][A-Za-z'’-]+|&\s+[A-Z][A-Za-z'’-]+)|\s*等人?)?"
                       r"\s*[,，]?\s*(?:19|20)\d{2}[a-z]?[)）])")  # (one opening bracket first: ``re`` skips ahead to it)


@lru_cache(maxsize=4)
def needs_folding(text: str) -> bool:
    """Does ``text`` hold a character to fold or a citation to blank? (cached: the components of one document ask
    about its text several times)"""
    return _foldable().search(text) is not None or _CITATION.search(text) is not None


# a dash inside a name ("GPT‑4o", "Qwen2.5–32B": a letter or digit before and after it; "——" and " – " between words
# stay punctuation), and an accented Latin letter: one character class, so ``re`` skips ahead to each; whether a dash
# is a name's is checked by the substitution, on the letters before they are folded (one pass: a dash pass, then a
# letter pass, cost a fifth of ``fold``'s time more)
_DASH_OR_LETTER = re.compile(f"[{DASHES}\u00c0-\u024f]")


def fold(text: str) -> str:
    """``text`` with name dashes and accented Latin letters replaced one for one, and citation markers
    blanked (same length).

    Cached: the mention layer, the registry and the claim frames of one document fold the same text, and
    some fold a text that is already folded (a recent result is returned as it is)."""
    if text in _RECENTLY_FOLDED:
        return text
    folded = _fold(text)
    with _RECENT_LOCK:  # (the server extracts in threads)
        if len(_RECENTLY_FOLDED) >= 8:
            _RECENTLY_FOLDED.pop(next(iter(_RECENTLY_FOLDED)), None)
        _RECENTLY_FOLDED[folded] = None
    return folded


_RECENTLY_FOLDED: dict[str, None] = {}  # the last few results of ``fold`` (insertion-ordered; oldest dropped)
_RECENT_LOCK = threading.Lock()


@lru_cache(maxsize=8)
def _fold(text: str) -> str:
    if not needs_folding(text):
        return text
    text = _CITATION.sub(lambda m: " " * len(m.group(0)), text)
    table = _table()

    def one(m: re.Match[str]) -> str:
        ch = m.group(0)
        if ch < "\u2010":  # an accented letter
            return table.get(ord(ch), ch)
        a = m.start()  # a dash: a name's when a letter or digit follows and one comes before
        after = text[a + 1:a + 2]
        if not (after.isascii() and after.isalnum() or "\u00c0" <= after <= "\u024f"):
            return ch
        return "-" if a and (text[a - 1].isascii() and text[a - 1].isalnum() or "\u00c0" <= text[a - 1] <= "\u024f") \
            else ch

    # a substitution per foldable character (rare), not ``str.translate`` (a dict look-up per character)
    return _DASH_OR_LETTER.sub(one, text)


_RUN = re.compile(rf"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9]*(?:[-{DASHES}_.+/'’][A-Za-z\u00c0-\u024f0-9]+)*")


_REACH = 120  # the longest word looked at around a foldable character


def name_restorer(original: str) -> dict[str, str]:
    """Folded spelling -> original spelling of every word of ``original`` that folding changes.

    Only the words around a foldable character are read (a document has far fewer of those than words)."""
    out: dict[str, str] = {}
    done = -1
    for f in _foldable().finditer(original):
        p = f.start()
        if p < done:
            continue
        for m in _RUN.finditer(original, max(0, p - _REACH), p + _REACH):
            if m.start() <= p < m.end():
                word = m.group(0)
                out.setdefault(fold(word), word)
                done = m.end()
                break
            if m.start() > p:
                break
    return out


def restore_names(name: str | None, restorer: dict[str, str]) -> str | None:
    """``name`` with each folded word written as in the original text."""
    if not name or not restorer:
        return name
    return _RUN.sub(lambda m: _original(m.group(0), restorer), name)


def _original(run: str, restorer: dict[str, str]) -> str:
    if run in restorer:
        return restorer[run]
    for folded, original in restorer.items():  # a name cut inside a longer word ("Protege" of "Protege-8B")
        if folded.startswith(run):
            return original[: len(run)]
    return run


# Numbers a transcript spells out: "sixty-eight point four", "Sixty-two point three", "forty-nine". Written as digits in
# a same-length copy (the digits, then spaces), so the number rules read them and every offset stays the original's.
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_DIGIT_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}
_WORD_VALUES = {**_DIGIT_WORDS, **{w: 10 + i for i, w in enumerate(_TEENS.split("|"))},
                **{w: 20 + 10 * i for i, w in enumerate(_TENS.split("|"))}}
_SPOKEN_NUMBER = re.compile(
    rf"\b(?:(?P<tens>{_TENS})-(?P<unit>{_UNITS})|(?P<whole>{_TENS}|{_TEENS}|{_UNITS}|zero))"
    rf"(?:\s+point\s+(?P<d1>zero|{_UNITS})(?:\s+(?P<d2>zero|{_UNITS}))?)?\b(?![-‐‑])", re.IGNORECASE)


# (what follows "point " in a spelled-out decimal, and "ty-" in a hyphenated number: looked for only after those literals,
# which ``str.find`` skips to; a pattern scanning the whole text cost ~75 ms over the seeds x25)
_DIGIT_WORD_NEXT = re.compile(rf"\s*(?:zero|{_UNITS})\b", re.IGNORECASE)


def _hinted(text: str, literal: str) -> bool:
    at = text.find(literal)
    while at >= 0:
        if _DIGIT_WORD_NEXT.match(text, at + len(literal)):
            return True
        at = text.find(literal, at + 1)
    return False


# a count written in words before its total: "solved just three of the 30 AIME 2024 problems", "eleven out of 30" (found by
# the literal " of " followed by a digit, then the word before it is looked at)
_OF_TOTAL = re.compile(r" of (?:the )?[0-9]")
_COUNT_WORD_BEFORE = re.compile(rf"\b(?:{_TEENS}|{_UNITS}|{_TENS})(?:\s+out)?$", re.IGNORECASE)


def _word_counts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) of each count written as a word right before "of (the) <digits>"."""
    out: list[tuple[int, int, str]] = []
    for m in _OF_TOTAL.finditer(text):
        word = _COUNT_WORD_BEFORE.search(text, max(0, m.start() - 14), m.start())
        if word is not None:
            raw = word.group(0).split()[0]
            digits = str(_WORD_VALUES[raw.lower()])
            out.append((word.start(), word.start() + len(raw), digits))
    return out


def has_spoken_numbers(text: str) -> bool:
    """Does ``text`` spell a decimal out ("… point four", "八十八点二") or a hyphenated number ("forty-nine"), or
    write a value in Chinese numerals ("百分之八十", "二百七十分")?"""
    return _has_english_numbers(text) or bool(_other_numbers(text))


@lru_cache(maxsize=4)
def _other_numbers(text: str) -> tuple[tuple[int, int, str], ...]:
    """Chinese-numeral values and counts in words, sorted (cached: the check, the folding and the spans of one document
    ask for the same text)."""
    return tuple(sorted([*_zh_numbers(text), *_word_counts(text)]))


def _has_english_numbers(text: str) -> bool:
    if not (_hinted(text, "oint ") or _hinted(text, "ty-") or _hinted(text, "Ty-") or _hinted(text, "TY-")):
        return False
    return any(
        m.group("d1") or m.group("tens") for m in _SPOKEN_NUMBER.finditer(text))


# Values a Chinese transcript writes in numerals: "考了八十八点二分", "比 GPT-4o 高了二十点四分", "百分之八十", "高出二百七十分",
# "做对了二十四道". Folded to digits only where they fit in the same length ("十点五" does not) and only these shapes: a
# decimal, a percentage, or a whole number of two or more numerals before 分 / 个点 / 个百分点 / 道 ("十分" is "very"; a
# time "八点二十分" is no value).
_ZH_NUMERALS = "零〇一二两三四五六七八九十百千"
_ZH_DIGIT_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_ZH_NUMBER = re.compile(rf"(?P<pct>百分之)?(?P<int>[{_ZH_NUMERALS}]+)"
                        r"(?:点(?P<frac>[零〇一二三四五六七八九]+)(?![十百千刻]))?"
                        r"(?P<unit>分(?![钟之别析类布成为支割数])|个百分点|个点|道)?")
# (the literals each shape ends its numerals with, or opens with: ``str.find`` skips to each, and only the character
# before is looked at; a pattern, even one opening with these literals, tries every character of every text)
_ZH_HINTS = ("点", "分", "道", "个", "百分之")


def _zh_whole(raw: str) -> int | None:
    """"八十八" -> 88, "二百七十" -> 270, "一千八百九十" -> 1890, "十一" -> 11, "九五" -> None (digits read one by one are
    no whole number here)."""
    total, current, last_unit = 0, None, 10_000
    for ch in raw:
        if ch in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            if unit >= last_unit:
                return None
            total += (1 if current is None else current) * unit
            current, last_unit = None, unit
        else:
            if current is not None and current != 0:
                return None
            current = _ZH_DIGIT_VALUES[ch]
    return total + (current or 0)


def _zh_numbers(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, digits) of each Chinese-numeral value of ``text`` that ``fold_spoken_numbers`` writes as digits."""
    starts: set[int] = set()
    for hint in _ZH_HINTS:
        at = text.find(hint)
        while at >= 0:
            if hint == "百分之":
                starts.add(at)
            elif at and text[at - 1] in _ZH_NUMERALS and (hint != "个" or text.startswith(("点", "百分点"), at + 1)):
                start = at - 1
                while start > 0 and text[start - 1] in _ZH_NUMERALS:
                    start -= 1
                if not text.startswith("百分之", start - 3):  # (read from its 百分之)
                    starts.add(start)
            at = text.find(hint, at + 1)
    seen_end = -1
    for start in sorted(starts):
        if start < seen_end:
            continue
        m = _ZH_NUMBER.match(text, start)
        digits = _zh_digits(text, m) if m is not None else None
        if m is not None and digits is not None:
            seen_end = m.end()
            yield m.start(), m.end("frac") if m.group("frac") else m.end("int"), digits


def _zh_digits(text: str, m: re.Match[str]) -> str | None:
    raw, frac, pct = m.group("int"), m.group("frac"), m.group("pct")
    if m.start() and text[m.start() - 1] in "点第":
        return None  # "八点二十分": the minutes of a time; "第二十道": an ordinal
    if not (frac or pct or m.group("unit") and len(raw) >= 2):
        return None
    whole = _zh_whole(raw)
    if whole is None:
        return None
    out = str(whole) + ("." + "".join(str(_ZH_DIGIT_VALUES[c]) for c in frac) if frac else "") + ("%" if pct else "")
    end = m.end("frac") if frac else m.end("int")
    return out if len(out) <= end - m.start() else None


def fold_spoken_numbers(text: str) -> str:
    """``text`` with each spelled-out decimal ("sixty-eight point four") and hyphenated number ("forty-nine") written
    as digits, padded with spaces to the same length; other number words ("the two are tied", "one model") stay."""
    def digits(m: re.Match[str]) -> str:
        if not (m.group("d1") or m.group("tens")):
            return m.group(0)
        low = {k: (v.lower() if v else v) for k, v in m.groupdict().items()}
        whole = _WORD_VALUES[low["tens"]] + _WORD_VALUES[low["unit"]] if low["tens"] else _WORD_VALUES[low["whole"]]
        out = str(whole)
        if low["d1"]:
            out += "." + str(_DIGIT_WORDS[low["d1"]]) + (str(_DIGIT_WORDS[low["d2"]]) if low["d2"] else "")
        return out + " " * (len(m.group(0)) - len(out))
    if _has_english_numbers(text):
        text = _SPOKEN_NUMBER.sub(digits, text)
    zh = _other_numbers(text)
    if zh:
        parts, last = [], 0
        for a, b, out in zh:
            parts += [text[last:a], out + " " * (b - a - len(out))]
            last = b
        text = "".join(parts) + text[last:]
    return text


def spoken_number_spans(text: str) -> list[tuple[int, int]]:
    """Where ``fold_spoken_numbers`` writes digits: a claim ending inside one ends with the words it stands for."""
    return [(m.start(), m.end()) for m in _SPOKEN_NUMBER.finditer(text) if m.group("d1") or m.group("tens")] \
        + [(a, b) for a, b, _digits in _other_numbers(text)]
