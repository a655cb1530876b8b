"""Values a text takes back later: a speaker's correction, an erratum.

"刚才说错了，不是 65.1，是 59.1", "Correction: not 79.2 but 78.2", "The first preprint version listed 57.1 on
OlympiadBench; a grading bug was responsible, and the corrected number is 57.9": the value taken back is no result
of the text (only the corrected one is), although the sentence that first stated it read like one. The claim
frames drop a score claim stated before such a correction with the value it takes back.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# a word that says a correction follows or was made
# (all read in the lower-cased text: a case-blind regex has no first characters to skip ahead by)
_CORRECTION = re.compile(r"说错了?|讲错了?|口误|更正|纠正|勘误|\bmisspoke\b|\bcorrect(?:ed|ion)\b|\berratum\b|\bwrong\b"
                         r"|\bmistake\b|\bgrading\s+bug\b")
_CORRECTION_WORDS = ("说错", "讲错", "口误", "更正", "纠正", "勘误", "误把", "误将", "错把", "错将", "misspoke", "corrected", "correction", "correct value",
                     "right figure", "right number", "actual figure", "actual number",
                     "correct number", "correct figure", "correct score", "erratum", "wrong", "mistake", "grading bug", "typo", "笔误",
                     "incorrect", "misprint", "有误", "是错的", "actually", "transposed", "clean figure", "误印", "误写",
                     "误记", "误报", "误标", "错印", "错写", "错记", "错标")
_CORRECTION_HINTS = ("说错", "讲错", "口误", "更正", "纠正", "勘误", "误把", "误将", "错把", "错将", "isspoke", "orrect", "rratum", "wrong", "Wrong", "istake", "ading bug",
                     "ISSPOKE", "ORRECT", "RRATUM", "WRONG", "ISTAKE", "typo", "Typo", "TYPO", "笔误",
                     "isprint", "有误", "是错的", "ctually", "ransposed", "lean figure", "误印", "误写", "误记", "误报",
                     "误标", "错印", "错写", "错记", "错标")
# whether a text holds any of them, in one scan (eighteen ``in`` tests read a long text eighteen times: twice the time)
_ANY_HINT = re.compile("|".join(map(re.escape, _CORRECTION_HINTS)))
_ANY_WORD = re.compile("|".join(map(re.escape, _CORRECTION_WORDS)))
# the value taken back, then the right one: "不是 65.1，是 59.1", "not 79.2 but 78.2", "not 79.2, it's 78.2"
_NOT_THIS_BUT_THAT = re.compile(r"(?:不是|并非|\bnot\b)\s*(?P<old>\d+(?:\.\d+)?)\s*(?:%|分)?[^\d。\n]{0,12}?"
                                r"(?:而是|是|\bbut\b|\bit['’]s\b|\bit\s+is\b)\s*(?P<new>\d+(?:\.\d+)?)")
# an erratum: "listed 57.1 … the corrected number is 57.9", "was reported as 58.4; the correct value is 54.9"
# ("we reported HelioMath-7B at 62.0 on MATH-500": the model named between; the text is read lower-cased)
_LISTED = re.compile(r"\b(?:listed|reported(?:\s+as)?|stated|printed|gave|wrote|misstated|misreported|misquoted|quoted|cited)\s+"
                     # ("listed livecodebench at 41.5": a benchmark's one word too)
                     r"(?:(?:[a-z][\w.]*(?:-[\w.]+)+|[a-z]+\s+[\w.]*\d[\w.]*|[a-z][\w.\-]*)\s+(?=at\s|as\s))?(?:at\s+|as\s+)?"
                     r"(?P<old>\d+(?:\.\d+)?)"
                     # ("listed the GSM8K accuracy of Kestrel-r 14b as 95.8%": what was listed, then "as")
                     r"|\b(?:listed|reported|stated|printed|gave|put|misstated|misreported|misquoted|quoted|cited)\s+"
                     # ("misstated pelican 3 pro's arena-hard score as 85.0": a name's, read lower-cased)
                     r"(?:the|its|their|our|[a-z0-9][\w.\- ]{0,30}?['’]s)\s+[^.;:\n]{3,60}?\s(?:as|at)\s+(?P<old2>\d+(?:\.\d+)?)")
# (the word start after its first letter: a leading \b made ``re`` try every position of the text)
_CORRECT_VALUE = re.compile(r"(?:c(?<!\w\w)orrect(?:ed)?|r(?<!\w\w)ight|a(?<!\w\w)ctual|c(?<!\w\w)lean|r(?<!\w\w)evised|t(?<!\w\w)rue)"
                            r"\s+(?:number|value|figure|score|result)\s+"
                            r"(?:is|was|should\s+be)\s+(?P<new>\d+(?:\.\d+)?)")


# a value a text says was written by mistake, then the right one: "误把其 IFEval 得分写成了 71.0，正确数字应为 61.0"
_MISWRITTEN = re.compile(r"(?:(?:误把|误将|错把|错将)[^。\n\d]{0,30}?(?:写成|记成|报成|标成|写作|写为|记为)"
                         # ("MMLU-Pro 数值误印为 74.0%，正确数值为 70.4%")
                         r"|(?:误印|误写|误记|误报|误标|错印|错写|错记|错标)(?:为|成|作))了?\s*(?P<old>\d+(?:\.\d+)?)"
                         r"\s*(?:%|分)?[^。\n\d]{0,16}?(?:正确|实际|应为|应是|应该是)[^。\n\d]{0,8}?(?P<new>\d+(?:\.\d+)?)")


# a value the text calls a typo, then the right one: "I wrote that Brisa got 65.8 on MMLU-Pro, that was a typo, it's 63.8",
# "65.8 是笔误，应为 63.8"
# ("…as 61.8%; that was a transcription error, and the correct figure is 68.1%": an error of some kind, and then)
_TYPO = re.compile(r"(?P<old>\d+(?:\.\d+)?)\s*%?[^\d。\n]{0,40}?(?:\b(?:that|which|this)\s+(?:was|is)\s+a\s+"
                   r"(?:typo|(?:transcription|copying|clerical|reporting|copy-paste)\s+(?:error|mistake))|是笔误|系笔误)"
                   r"[\s,，;；:：—-]*(?:(?:and|but)\s+)?(?:it['’]s|it\s+is|it\s+should\s+be|should\s+(?:have\s+)?be(?:en)?|the\s+(?:right|real|correct)\s+"
                   r"(?:number|value|figure)\s+is|应为|应该是|正确的?是|实际是|是)\s*(?P<new>\d+(?:\.\d+)?)")


# a value the text calls wrong, then (in the same or the next sentence) the right one: "The 90.3 was a typo. The correct
# figure is 86.3 on MMLU", "the 71.0 is wrong; it should be 61.0", "那个 71.0 是错的，应该是 61.0"
_WAS_WRONG = re.compile(r"(?P<old>\d+(?:\.\d+)?)\s*%?\s+(?:figure\s+|number\s+|score\s+)?(?:was|is)\s+(?:simply\s+|just\s+)?"
                        r"(?:a\s+typo|a\s+mistake|wrong|an\s+error|incorrect|a\s+misprint)\b"
                        r"|(?P<old_zh>\d+(?:\.\d+)?)\s*(?:%|分)?\s*(?:是错的|是错误的|有误|不对)")
_RIGHT_ONE = re.compile(r"(?:(?:c(?<!\w\w)orrect(?:ed)?|r(?<!\w\w)ight|a(?<!\w\w)ctual|r(?<!\w\w)eal)\s+(?:number|value|figure|score|result)\s+"
                        r"(?:is|was|should\s+be)|\bit\s+should\s+(?:have\s+)?be(?:en)?|\bshould\s+(?:have\s+)?be(?:en)?|\bit['’]s\s+actually"
                        r"|应为|应该是|正确的?(?:数字|数|分数|值)?(?:是|为|应为))\s*(?P<new>\d+(?:\.\d+)?)")


# a value, then what the source "actually" says: "gave the GSM8K score of tide-13b-chat as 71%; its model card actually
# reports 77.5%", "you said 41; it's actually 44.1"
_ACTUALLY = re.compile(r"(?P<old>\d+(?:\.\d+)?)\s*%?[^\d.\n]{0,60}?\bactually\s+(?:reports?|reported|says|said|lists|listed|"
                       r"is|was|scores?|scored|shows?|showed|gives|gave|reads|stands\s+at|came\s+in\s+at)\s+"
                       r"(?P<new>\d+(?:\.\d+)?)")


# a value, then what its source says instead, where the text calls the first a slip: "you have Marlin-3 at 84.3 on MMLU-Pro,
# and the card says 48.3; you transposed the digits" (read lower-cased; a reproduction beside the official figure, with no
# word of a slip, keeps both)
_SOURCE_SAYS = re.compile(r"(?P<old>\d+(?:\.\d+)?)\s*%?[^\d.\n]{0,60}?\b(?:card|paper|report|source|leaderboard|table)\s+"
                          r"(?:actually\s+)?(?:says|lists|reports|gives|shows|has)\s+(?P<new>\d+(?:\.\d+)?)")
_SLIP = re.compile(r"transposed|\bmisread|\bmisquoted|\bwrong\b|\bmistake|\berror\b|\btypo|\bincorrect")


class Retraction(NamedTuple):
    """A value taken back (``value``) where the text takes it back (``at``), and the value it gives instead, with
    that value's offsets (``instead_start``, ``instead_end``)."""

    value: float
    at: int
    instead: float
    instead_start: int
    instead_end: int


def retractions(text: str) -> list[Retraction]:
    """The values ``text`` takes back, each with the offset of the correction (see the module docstring)."""
    # (substring tests first: the case-blind regex over a whole document costs more than the rest of its rules)
    if _ANY_HINT.search(text) is None:  # (the words' tails, whatever the first letter's case)
        return []
    low = text.lower()
    if len(low) != len(text):  # (a letter whose lower case is longer: offsets would move; read the text as it is)
        low = text
    if _ANY_WORD.search(low) is None:
        return []
    text = low  # (offsets and digits are the same)
    out: list[Retraction] = []
    for m in _denials(text):
        near = text[max(0, m.start() - 40):m.end() + 20]
        if _CORRECTION.search(near) and m.group("old") != m.group("new"):
            out.append(Retraction(float(m.group("old")), m.start("old"), float(m.group("new")), m.start("new"), m.end("new")))
    for m in _MISWRITTEN.finditer(text) if "误" in text or "错" in text else ():
        if m.group("old") != m.group("new"):
            out.append(Retraction(float(m.group("old")), m.start("old"), float(m.group("new")), m.start("new"),
                                  m.end("new")))
    for m in _anchored(text, _TYPO, ("typo", "笔误", "error", "mistake"), 60):
        if m.group("old") != m.group("new"):
            out.append(Retraction(float(m.group("old")), m.start("old"), float(m.group("new")), m.start("new"),
                                  m.end("new")))
    for m in _anchored(text, _WAS_WRONG, _WRONG_WORDS, 48):
        right = _RIGHT_ONE.search(text, m.end(), m.end() + 160)
        old_value = m.group("old") or m.group("old_zh")
        if right is not None and "\n\n" not in text[m.end():right.start()] and old_value != right.group("new"):
            at = m.start("old") if m.group("old") else m.start("old_zh")
            out.append(Retraction(float(old_value), at, float(right.group("new")), right.start("new"), right.end("new")))
    for m in _anchored(text, _ACTUALLY, ("actually",), 90):
        if m.group("old") != m.group("new"):
            out.append(Retraction(float(m.group("old")), m.start("old"), float(m.group("new")), m.start("new"),
                                  m.end("new")))
    for m in _anchored(text, _SOURCE_SAYS, (" says ", " lists ", " reports ", " gives ", " shows "), 90):
        if m.group("old") != m.group("new") and _SLIP.search(text, m.end(), m.end() + 60):
            out.append(Retraction(float(m.group("old")), m.start("old"), float(m.group("new")), m.start("new"),
                                  m.end("new")))
    for m in _CORRECT_VALUE.finditer(text) if "correct" in low or " clean " in low or "revised" in low else ():
        listed = [x for x in _LISTED.finditer(text, max(0, m.start() - 300), m.start())
                  if "\n\n" not in text[x.end():m.start()]]
        if listed and (listed[-1].group("old") or listed[-1].group("old2")) != m.group("new"):
            old = listed[-1]
            which = "old" if old.group("old") else "old2"
            out.append(Retraction(float(old.group(which)), old.start(which), float(m.group("new")), m.start("new"),
                                  m.end("new")))
    return out


# the words ``_WAS_WRONG`` turns on, found with ``str.find`` first: the regex opens with a number, so ``re`` would try it
# at every digit of a long text
_WRONG_WORDS = ("typo", "mistake", "wrong", "error", "incorrect", "misprint", "是错", "有误", "不对")


def _anchored(text: str, pattern: re.Pattern[str], words: tuple[str, ...], reach: int) -> list[re.Match[str]]:
    """The matches of ``pattern`` that start at most ``reach`` characters before one of ``words`` (each found with
    ``str.find``), in order, each once."""
    found: dict[int, re.Match[str]] = {}
    for word in words:
        at = text.find(word)
        while at >= 0:
            for m in pattern.finditer(text, max(0, at - reach), min(len(text), at + 200)):
                if m.start() <= at < m.end() + len(word) and not (m.start() and text[m.start() - 1] in "0123456789."):
                    found.setdefault(m.start(), m)
            at = text.find(word, at + len(word))
    return [found[k] for k in sorted(found)]


def _denials(text: str) -> list[re.Match[str]]:
    """``_NOT_THIS_BUT_THAT`` where it starts, and ``_THAT_NOT_THIS`` where its denial is (found by ``str.find``: a
    scan of the whole text by the regex costs more)."""
    out: list[re.Match[str]] = []
    for word in ("不是", "并非", "not"):
        at = text.find(word)
        while at >= 0:
            m = _NOT_THIS_BUT_THAT.match(text, at)
            if m is not None:
                out.append(m)
            else:
                m = _THAT_NOT_THIS.search(text, max(0, at - 24), at + len(word) + 16)
                if m is not None and m.start("no") == at:
                    out.append(m)
            at = text.find(word, at + len(word))
    return sorted(out, key=lambda m: m.start())


# the right value, then the one taken back: "是 30.2 不是 32.0", "it's 30.2, not 32.0"
_THAT_NOT_THIS = re.compile(r"(?:是|为|\bit['’]s|\bit\s+is)\s*(?P<new>\d+(?:\.\d+)?)\s*(?:%|分)?\s*[，,]?\s*(?:而)?"
                            r"(?P<no>不是|并非|\bnot\b)\s*(?P<old>\d+(?:\.\d+)?)")


# "The claim that X outperforms Y on MMLU-Pro no longer holds", "We no longer claim that …", "原文称 X 超过 Y，这一说法不成立":
# a statement the sentence takes back states no result (a cheap test first: ``STATEMENT_WORD``)
STATEMENT_WORD = re.compile(r"\b(?:claim|claims|claimed|statement|assertion)\b|说法|结论|表述", re.IGNORECASE)
_RETRACTED_STATEMENT = re.compile(
    r"\b(?:the|this|that|their|our|its)\s+(?:earlier\s+|original\s+|previous\s+)?(?:claim|statement|assertion)\s+that\s+(?P<en>.+?)"
    r"\s+(?:no\s+longer\s+holds|(?:does|did)\s+not\s+hold|doesn['’]t\s+hold|(?:is|was)\s+(?:no\s+longer\s+true|not\s+true|"
    r"incorrect|wrong|false|untrue|withdrawn|retracted))\b"
    r"|\b(?:we|they|the\s+authors)\s+(?:no\s+longer|do\s+not|don['’]t)\s+claim\s+that\s+(?P<en2>.+)"
    r"|\b(?:retract|retracts|retracted|withdraw|withdraws|withdrew)\s+(?:the|its|their|our)\s+claim\s+that\s+(?P<en3>.+)"
    r"|(?P<zh>.+?)[，,]\s*(?:这一|这个|该|此|上述)?(?:说法|结论|表述)(?:并)?(?:不成立|不准确|有误|是错误的|是错的|已撤回|被撤回)",
    re.IGNORECASE)


def retracted_statement(sentence: str) -> tuple[int, int] | None:
    """Where in ``sentence`` the statement it takes back stands (``_RETRACTED_STATEMENT``), if it takes one back."""
    m = _RETRACTED_STATEMENT.search(sentence)
    if m is None:
        return None
    group = next(g for g in ("en", "en2", "en3", "zh") if m.group(g) is not None)
    return m.start(group), m.end(group)
