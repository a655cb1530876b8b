"""A per-document memory of who is being talked about.

Papers introduce a model once by its full name ("Halcyon-72B", "昆仑-110B") and then say "the 72B",
"110B 版本", "the smaller variant". The registry remembers every full name the document holds,
indexed by its size and family, so a size reference resolves to the one full name of that size the
document introduced, and "the smaller/larger variant" to the smallest/largest member of the one family
that has several sizes. A reference that matches several names, or none, resolves to nobody.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from extractor import lexicon
from extractor.nlp.mentions import TypedMention
from extractor.normalize import is_catalogued_model
from extractor.rules.baselines import PREDECESSOR, ROLE_FORMS
from extractor.rules.folding import fold
from extractor.segment import CJK_HYBRID_NAME, _is_benchmark, _vendor_regex, is_model_shaped

# "Halcyon-72B", "Qwen2.5 72B", "昆仑-110B-Chat", "Mixtral-8x7B": the size inside a full name
# a family's versioned name ("Corvid-2", "Qwen2.5", "Llama 3.1"): its size dropped, it may stand for the one member named
_VERSIONED_FAMILY = re.compile(r"[A-Za-z][A-Za-z-]*[- ]?\d+(?:\.\d+)?")
_SIZE_IN_NAME = re.compile(r"(?:^|[-_ ])(\d+(?:\.\d+)?(?:x\d+)?[BMK])(?:$|[-_ ])", re.IGNORECASE)
# "the 72B", "72B 版本", "72B model", "35B 模型", "the 1.5B variant": a size standing for a model
_SIZE_ONLY = re.compile(
    r"^(?:the\s+|our\s+|its\s+|this\s+)?(\d+(?:\.\d+)?(?:x\d+)?[BMK])"
    r"(?:\s*(?:版本|模型|型号|参数版本|versions?|variants?|models?|checkpoints?|siblings?))?$", re.IGNORECASE)
_VERSION_WORD = re.compile(r"版本|型号|versions?|variants?", re.IGNORECASE)
# "the smaller variant", "the largest model"
# "Qwen 32B", "Llama 70B": a family's word and a size, for the one sized name of the document that is both
_FAMILY_SIZE = re.compile(r"([A-Za-z][A-Za-z]+) (\d+(?:\.\d+)?[BbMm])")
_TIER_REFERENCE = re.compile(r"^(?:the|our|its|this)\s+(mini|pro|ultra|flash|lite|max|turbo|nano)\s+(?:model|variant|version|sibling)$",
                             re.IGNORECASE)
_RELATIVE = re.compile(r"^(?:the|our|its|this)\s+(smaller|smallest|larger|largest|bigger|biggest)\s+\w+$", re.IGNORECASE)
# a size in running text, and the name it ends ("Halcyon-72B", "Ferrous-Coder 14B"): found by the digits
# (tried from a run's first digit only, the look-behind after it: a try inside a run of digits fails as the one
# from its start did, and each of them cost a try per digit of "2024", "12,500")
_SIZE_TOKEN = re.compile(r"[0-9](?<![0-9][0-9])[0-9]*(?:\.[0-9]+)?[BM](?![A-Za-z0-9])")
# (the word-start check sits after the first letter, so ``re`` skips ahead to the next capital)
_NAME_BEFORE = re.compile(r"([A-Z](?<![A-Za-z0-9.\-][A-Z])[A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)*)[-_ ]$")
# (a dot ends no name: "… ahead of Llama-3.1-70B-Instruct." names "Llama-3.1-70B-Instruct")
_NAME_AFTER = re.compile(r"(?:-[A-Za-z](?:[A-Za-z0-9.]*[A-Za-z0-9])?)*")
# a checkpoint id written in lower case, as on a model hub or in a chat ("kestrel-34b-rc3", "qwen2.5-7b-instruct"):
# a lower-case size ("34b") right after a dash, a lower-case word before it
_LOWER_SIZE_TOKEN = re.compile(r"-[0-9]+(?:\.[0-9]+)?b(?![A-Za-z0-9])")
_LOWER_NAME_BEFORE = re.compile(r"([a-z](?<![A-Za-z0-9.\-/][a-z])[a-z0-9.]*(?:-[a-z0-9.]+)*)$")
# (the word-start check sits after the first letter, so ``re`` skips ahead to the next lower-case letter)
_LOWER_RUN_ID = re.compile(r"[a-z](?<![A-Za-z0-9.\-/_][a-z])[a-z0-9]*(?:-[a-z][a-z0-9]*)+-(?:v|rc)\d+(?:\.\d+)*"
                           r"(?![A-Za-z0-9\-])")
_LOWER_NAME_AFTER = re.compile(r"(?:-[a-z][a-z0-9.]*[a-z0-9])*")
_RUN_ID_HINT = re.compile(r"-(?:v|rc)\d")
_RUN_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _lower_run_ids(text: str) -> Iterator[re.Match[str]]:
    """``_LOWER_RUN_ID.finditer(text)``, the same matches, tried only where one can start: before a "-v3" / "-rc2",
    at the start of the run of ``[a-z0-9-]`` that leads to it (a match holds only those before its "-v"/"-rc", and
    its look-behind fails anywhere inside such a run). ``finditer`` tried it at every lower-case letter of the text
    (~0.25 ms per 36 K-character document)."""
    cursor, tried = 0, -1
    for hint in _RUN_ID_HINT.finditer(text):
        start = hint.start()
        while start > 0 and text[start - 1] in _RUN_ID_CHARS:
            start -= 1
        if start < cursor or start == tried:
            continue
        tried = start
        m = _LOWER_RUN_ID.match(text, start)
        if m is not None:
            yield m
            cursor = m.end()


# the first word of a name with more after it: "Ferrous" of "Ferrous-Coder 14B" (a capitalised word, no digit),
# "Élan" of "Élan-12B" (accented letters too)
_SHORT_HEAD = re.compile(r"([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,})[- ][A-Za-z0-9]")
# a word with its version glued on: "Qwen" of "Qwen2.5-14B-Instruct" (weaker: used when no name has "Qwen-…")
_LOWER_HEAD = re.compile(r"([a-z]{3,})-\d+(?:\.\d+)?b\b")  # a lower-case checkpoint id's brand before its size
_GLUED_HEAD = re.compile(r"([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,})\d")
# the Chinese head of a hybrid name: "星河" of "星河-14B", "天枢" of "天枢-R1"
_NAME_DASH_HINT = re.compile(r"[-·](?=[0-9A-Za-z])")  # (a literal first: ``re`` skips ahead to each dash)
# "上一代灵犀-2-34B", "上一代的灵犀-2-34B", "its predecessor, Orion-7B", "the previous generation (Orion-7B)"
_PREDECESSOR_WORDS = ("上一代", "前代", "上代", "前一代", "前身", "predecessor", "previous generation", "previous version",
                      "previous release", "replaces", "successor to", "取代")
# (no leading \b: with literals first, re skips ahead; a word glued to letters before it is rare enough)
# "（下面简称 WQ）", "（以下简称“青鸾”）", "（下面叫 R1 蒸馏 32B）", "(hereafter WQ)", "(henceforth called Nova)"
_ALIAS_WORDS = ("简称", "下面叫", "以下叫", "下文叫", "下面称", "以下称", "下文称", "下称", "hereafter", "henceforth",
                "hereinafter", "Hereafter", "Henceforth", "Hereinafter")
# ("Veridian-2 Large (checkpoint veridian-2-large-2410, hereinafter "the Model")": the definition may close a parenthesis
# that says something else first, and a legal text's defined term keeps its article: "the Model" is the alias "Model")
_ALIAS_DEFINED = re.compile(
    r"[（(](?:[^（）()\n]{0,80}?[,，;；]\s*)?\s*(?:(?:下面|以下|下文|后文|后面)(?:简称|称为|称|叫做|叫)|简称|下称"
    r"|(?:hereafter|henceforth|hereinafter)(?:\s+(?:called|referred\s+to\s+as))?)"
    r"\s*[“\"「『]?(?:the\s+)?(?P<alias>[^（）()“”\"「」『』，,。；;]{1,16}?)[”\"」』]?\s*[）)]", re.IGNORECASE)
# the name a definition's parenthesis follows, when the registry does not hold it ("Veridian-2 Large (…, hereinafter …)")
_NAME_BEFORE_DEFINITION = re.compile(r"(?<![\w.\-])[A-Z][\w.\-]*(?:[ ][A-Z0-9][\w.\-]*){0,3}$")
# a distillation's roles ("teacher = X", "X as the teacher", "教师模型为 X"), see ``EntityRegistry._add_role_aliases``
# a training stage's part of a run's checkpoint id, which Chinese texts name the run by ("SFT 版", "RL 版本")
_STAGE_PARTS = frozenset({"sft", "rl", "dpo", "grpo", "ppo", "rlhf", "kto", "orpo", "simpo"})
_ROLE_WORDS = ("teacher", "Teacher", "student", "Student", "教师", "学生", "backbone", "base model", "基座", "底座")
_ROLE_NAME = r"[A-Za-z][A-Za-z0-9.]*(?:[-_][A-Za-z0-9.]+)+"
_ROLE_DEFINED = re.compile(
    r"\b(?P<role>[Tt]eacher|[Ss]tudent)(?:\s+model)?\s*(?:=|:|\bis\b|\bwas\b)\s*(?P<name>" + _ROLE_NAME + r")"
    r"|(?P<name2>" + _ROLE_NAME + r")\s+(?:as|is|was)\s+(?:the\s+|our\s+|a\s+)?(?P<role2>teacher|student)\b"
    r"|(?P<role3>教师模型|学生模型|教师|学生)\s*(?:为|是|=|：|:)\s*(?P<name3>" + _ROLE_NAME + r")"
    # ("improves over its backbone, Llama-3.1-8B-Instruct", "the backbone (Qwen2.5-7B)", "基座模型为 Qwen2.5-7B")
    r"|\b(?:its|the|our|their)\s+(?P<role4>backbone|base\s+model)(?:\s+model)?\s*(?:[,(（:]|\bis\b|\bwas\b)\s*(?P<name4>" + _ROLE_NAME + r")"
    # ("底座 Qwen2.5-7B 是 64.2": the role word, then the name in apposition)
    r"|(?P<role5>基座模型|基座|底座模型|底座)\s*(?:为|是|：|:)?\s*(?P<name5>" + _ROLE_NAME + r")")
_ROLE_KEY = {"教师模型": "teacher", "教师": "teacher", "学生模型": "student", "学生": "student", "基座模型": "backbone",
             "基座": "backbone", "base model": "backbone", "底座模型": "backbone", "底座": "backbone"}
# (whether a text holds any of them, in one scan: an ``in`` test per word reads a long text once per word)
_ANY_PREDECESSOR_WORD = re.compile("|".join(map(re.escape, _PREDECESSOR_WORDS)))
_ANY_ALIAS_WORD = re.compile("|".join(map(re.escape, _ALIAS_WORDS)))
# a short name the text says it means a model by: '"Halcyon" here means Halcyon-3 Ultra', '"Flash" refers to the smaller
# Halcyon-3 Flash', '下文的“星河”指星河-4-Pro' (the quoted name, then the verb; the model is the name right after it)
# a line of role labels ("White: Lumen 4 mini · Black: Basalt-70B-Instruct"): each role, then its model up to the next
# separator or a parenthesis
_ROLE_LINE = re.compile(r"^[^\n]*[A-Z][a-z]+(?: [A-Z])?\s*[:：][^\n]*(?: · | \| |; )[^\n]*$", re.MULTILINE)
_ROLE_LABEL = re.compile(r"(?:^|· |\| |; )\s*(?P<role>(?:Model|System|Team|Player|Side|Candidate) [A-Z0-9]|White|Black|"
                         r"Red|Blue|Home|Away|Challenger|Champion|Defender)\s*[:：]\s*(?P<name>[^·|;()（）\n]{2,40}?)\s*(?=[(（·|;]|$)")
_ALIAS_SAID_WORDS = ("means", "refers to", "stands for", "is short for", "指的是", "指")
_ANY_ALIAS_SAID_WORD = re.compile("|".join(map(re.escape, _ALIAS_SAID_WORDS)))
_ALIAS_SAID = re.compile(
    r"[“\"「](?P<alias>[^“”\"「」\n]{1,24})[”\"」]\s*(?:here\s+|below\s+|hereafter\s+|throughout\s+|in\s+this\s+\w+\s+)?"
    r"(?:means|refers\s+to|stands\s+for|is\s+short\s+for|(?:在本文中|在下文中|下文中|本文中)?(?:指的是|指))\s*"
    r"(?:(?:the|our)\s+(?:\w+\s+){0,2}?)?(?=\S)")
_ANY_ROLE_WORD = re.compile("|".join(map(re.escape, _ROLE_WORDS)))
_PREDECESSOR_THEN_NAME = re.compile(
    # ("It replaces Tern-1.5-32B", "the successor to Orion-7B", "取代了天衡-1": what the new model replaces)
    r"(?:上一代|前代|上代|前一代|前身|predecessor|previous\s+(?:generation|version|release)|replaces(?!\s+(?:its|the|their)\b)|successor\s+to|取代了?)"
    r"[\s,，的(（]*"
    r"(?P<name>(?:[\u3400-\u9fff]{1,6}[-·])?[A-Za-z0-9][A-Za-z0-9.]*(?:[-_][A-Za-z0-9.]+)*)")
_CJK_HEAD = re.compile(r"([\u3400-\u9fff]{2,6})[-·]")
_CJK_SPACED_HEAD = re.compile(r"([\u3400-\u9fff]{2,6}) (?=[A-Z0-9])")


@lru_cache(maxsize=1)
def _zh_brands() -> frozenset[str]:
    return frozenset(lexicon.zh_model_brands())
# the word before a dashed version: "GLM" of "GLM-4-Plus", "Kimi" of "Kimi-k1.5" (a name with no size; not "Adam" of
# "Adam-mini" nor "Claude" of "Claude 3.5 Sonnet": a family word alone may mean the family)
_DASHED_VERSION_HEAD = re.compile(r"([A-Z]{2,5}|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,})-[A-Za-z]?\d")
# and before a tier's capitals and a version: "Meridian" of "Meridian-LX 2.1" (not "Atlas" of "Atlas-Coder 2.1": a
# product line's word, beside "Atlas 3")
def _in_a_score_list(text: str, name: str) -> bool:
    """Is every "Word 8.6" of ``text`` (``name``) a value in a list of names and values ("Lumen 8.6, Basalt 8.4")
    rather than a release's name?"""
    found = [m for m in re.finditer(re.escape(name) + r"(?!\w|\.\d)", text)]
    return bool(found) and all(_SCORE_LIST_NEXT.match(text, m.end()) or _SCORE_LIST_BEFORE.search(text, max(0, m.start() - 24),
                                                                                                m.start()) for m in found)


_SCORE_LIST_NEXT = re.compile(r"\s*[,;]\s*[A-Z][\w-]*\s+\d+(?:\.\d+)?(?!\w|\.\d)")
_SCORE_LIST_BEFORE = re.compile(r"[A-Z][\w-]*\s+\d+(?:\.\d+)?\s*[,;]\s*$")
_SPACED_VERSION_TIER = re.compile(r"([A-Z][a-z]{2,}) \d(?:\.\d)? (?:mini|nano|Mini|Nano|Pro|Max|Ultra|Turbo|Flash|Lite|Plus)"
                                  r"(?![\w-])")
_TIER_WORDS = ("mini", "nano", "Mini", "Nano", "Pro", "Max", "Ultra", "Turbo", "Flash", "Lite", "Plus")


def _spaced_version_tiers(text: str) -> list[re.Match[str]]:
    """``_SPACED_VERSION_TIER`` in ``text``, found from its tier words (``str.find``: a scan by the regex tried every
    word's start of a long text)."""
    found: dict[int, re.Match[str]] = {}
    for word in _TIER_WORDS:
        at = text.find(" " + word)
        while at >= 0:
            if at >= 2 and text[at - 1].isdigit():
                start = max(0, at - 24)
                for m in _SPACED_VERSION_TIER.finditer(text, start, at + 1 + len(word) + 1):
                    if m.end() == at + 1 + len(word) and (m.start() == 0 or not text[m.start() - 1].isalnum()):
                        found.setdefault(m.start(), m)
            at = text.find(" " + word, at + 1)
    return [found[k] for k in sorted(found)]
_SPACED_VERSION_HEAD = re.compile(r"([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,}) \d+(?:\.\d+)?(?P<tier> (?:[A-Z][a-z]+|mini|nano))?$")
_DASHED_TIER_HEAD = re.compile(r"([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,})-[A-Z]{1,3}[ -]v?\d")
_TIER_VERSION_TAIL = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zß-öø-ÿ]+\s([A-Z][a-z]+\s\d+(?:\.\d+)?)$")
_SHORT_TAIL = re.compile(r"[\s-][A-Za-z]?\d+(?:\.\d+)?[\s-]([A-Z][a-z]{3,}|Pro|Max)$|-\d+(?:\.\d+)?-([A-Z][a-z]{2})$")  # ("Llama 4 Scout", "Kestrel-3 Ultra")
# the last part of a run's checkpoint id: a version or a size ("v3", "rc2", "7b"), not a plain number ("top-2")
_CHECKPOINT_TAG = re.compile(r"[a-z]+\d[a-z0-9.]*|\d+(?:\.\d+)?[a-z]+")
_VERSIONED_TAIL = re.compile(r"[A-Za-z]+[0-9][A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)*")
# "2.1-Pro" of "Halyard-2.1-Pro", "3-Mini" of "Sable-3-Mini": a dashed version and the tier after it
_VERSION_TIER_TAIL = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-z0-9À-ÖØ-öø-ÿ]*-(\d+(?:\.\d+)*-[A-Z][a-z]{2,})$")
# "kestrel-34b-rc3", "星衡-13B-Chat v0.3": a name ending in a release tag; "rc2", "v0.2": the tag alone
# (lower-case "v": "V3", "R1" are DeepSeek's names)
_RELEASED = re.compile(r"(.+?[ -])(v|V|rc|RC)\d+(?:\.\d+)*")
_BARE_RELEASE = re.compile(r"(v|rc)\d+(?:\.\d+)*")
# a name's version number, not its size: "观澜-V3" (pre "观澜-V", v 3), "天衡-2-Pro", "Kestrel-3-8B"
_VERSION_IN_NAME = re.compile(r"(?P<pre>.*?[-\s][A-Za-z]?)(?P<v>\d+(?:\.\d+)?)(?![\d.]*[BbMm](?![a-z]))(?P<post>(?:[-\s].*)?)")
_NOT_A_NAME = frozenset({"the", "our", "its", "this", "a", "an", "and", "or", "of", "with", "all", "each", "both"})


# "Sable-3-Mini", "Kestrel-2", "GLM-4-Plus", "Kimi-k1.5": a capitalised word or an acronym, a dash and a version
# ("DeepSeek-R1", "DeepSeek-V3": a CamelCase word and a version with a capital letter too)
_DASHED_LATIN_NAME = re.compile(r"(?:[A-Z][a-z]{2,}(?:[A-Z][a-z]+)?|[A-Z]{2,5})-[A-Za-z]?\d+(?:\.\d+)*(?:-[A-Za-z0-9.]*[A-Za-z0-9])*"
                                r"(?![A-Za-z0-9\-]|\.[A-Za-z0-9])")  # (a full stop may end it: "… Halyard-2.0-Pro.")


# a tier written after a dashed name and a space (the tiers of four letters or more: "Pro" alone says too little)
# (the space first and the digit checked behind it: opening with the look-behind, ``re`` tried it at every character of
# the whole text, ~0.6 ms per 36 K characters; the same matches)
_SPACED_TIER = re.compile(r" (?<=\d )(?:Ultra|Mini|Flash|Turbo|Lite|Plus|Nano)\b")
_DASHED_LATIN_BEFORE = re.compile(r"(?<![A-Za-z0-9-])(?:[A-Z][a-z]{2,}(?:[A-Z][a-z]+)?|[A-Z]{2,5})-[A-Za-z]?\d+(?:\.\d+)*$")


def _described_forms(full: str) -> list[str]:
    """How prose describes a long name by two of its parts: "R1 distill", "R1 Distill" of "DeepSeek-R1-Distill-Qwen-7B"
    (a part with a digit, then a later word saying what kind of variant it is); only for names of four parts or more."""
    parts = full.split("-")
    if len(parts) < 4:
        return []
    out = []
    for i, head in enumerate(parts):
        if not (any(ch.isdigit() for ch in head) and any(ch.isalpha() for ch in head)) or _SIZE_TOKEN.fullmatch(head):
            continue  # (a size is no such part: "the 8B" is a size reference, resolved as one)
        for word in parts[i + 1:]:
            if word.lower() in _VARIANT_WORDS:
                out += [f"{head} {word.lower()}", f"{head} {word}"]
                if word.lower() == "distill":  # ("我们和 R1 蒸馏模型差距非常大": the Chinese text's "R1 distill")
                    out += [f"{head} 蒸馏", f"{head}蒸馏"]
    return out


# the words naming what kind of variant a long name is ("distill" of "DeepSeek-R1-Distill-Qwen-7B"): few, so that each
# document's short forms stay few (every sentence is searched for each)
_VARIANT_WORDS = frozenset({"distill", "coder", "math", "instruct", "chat", "base", "vision", "reasoner", "omni"})


def _dashed_latin_name(text: str, at: int) -> str | None:
    """The dashed-version name whose word ends at ``text[at]`` (None when the word is no such name, is a
    benchmark or carries a size: sized names are found by their size)."""
    start = at
    while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
        start -= 1
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_."):
        return None
    m = _DASHED_LATIN_NAME.match(text, start)
    if m is None or _SIZE_IN_NAME.search(m.group(0)) or not is_model_shaped(m.group(0)) \
            or _is_benchmark(m.group(0)):
        return None
    return m.group(0)


def _id_key(name: str) -> str:
    """``name`` as a checkpoint id spells it: folded, lower-case, spaces as dashes ("Meridian-LX 2.1" -> "meridian-lx-2.1")."""
    return fold(name).lower().replace(" ", "-")


def _stem(name: str) -> str:
    """A name without its size and what follows it, folded: "Nova‑72B-Instruct" -> "nova"."""
    name = fold(name)
    m = _SIZE_IN_NAME.search(name)
    return (name[:m.start()] if m else name).lower().replace(" ", "-").rstrip("-_")


def _size_value(size: str) -> float:
    number = float(re.match(r"[\d.]+", size).group(0))  # type: ignore[union-attr]
    return number / 1000 if size.upper().endswith("M") else number


# A Chinese brand, perhaps a one-to-five-letter tier after a dash, a space and a one-digit version ("知更鸟 2.0", "澜舟-R 2.5",
# "澜舟-R 3"): not a value (no unit, no second digit before the point), and a name only when the text writes it twice
# (found from the space before the version: a literal ``re`` skips ahead to; the brand is read backwards from there)
_SPACE_VERSION = re.compile(r" ([1-9](?:\.\d)?)(?![\d.]|\s*(?:%|％|分|个|点|倍|B\b|points?))")
# ("澜舟-R 2.5"; "灵犀 Pro 2", "启明星 Kids 2.0": a capitalised tier word after a space)
_TIER_BEFORE = re.compile(r"(?:-[A-Za-z]{1,5}| [A-Z][a-z]{1,6})$")
_ANY_CJK = re.compile(r"[\u3400-\u9fff]")
# characters a brand does not end with (a verb, particle or preposition before a value: "得分是 8.5", "提高了 2")
_NOT_BRAND_END = frozenset("是为到了的上中在有达约近仅只和与及或比较高低分第前后里下过增降涨跌升")
_NOT_BRAND_START = frozenset("的是和与及了在比较于对被让给过越为而但则也都就还")
# words a whole number after a space labels a part of, not a release of ("如图 1", "步骤 2", "实验 3", "第 2 章")
_LABEL_ENDS = ("图", "表", "步骤", "章", "节", "实验", "方案", "阶段", "题", "组", "号", "级", "期", "届", "版", "条", "例",
               "式", "轮", "周", "季度", "附录", "定理", "引理", "问题", "任务", "场景", "案例", "示例", "样例", "层", "年级", "班")


# A name the text quotes in 「」 as a model it introduces: "推理模型「澜舟-R 2.5」", "国产新秀「星河-Pro」和「知更鸟 2.0」",
# "发布「影绘」", "「天枢 3.0」发布会". (Its first character is matched first, as a class, so ``re`` skips ahead to the
# next of them; each branch then checks it again with a look-behind, in the branches' old order, and "「" must follow
# within at most three more other characters and spaces, or be that character. Written with the two look-aheads in
# front instead, every position of a Chinese text was tried: 22 -> 6 ms over the 1.5 M characters of the texts holding
# a 「 of the seeds, corpora and test data; 72 -> 52 ms over the seeds x25 before that, without the look-aheads.)
_QUOTED_MODEL = re.compile(r"[模发推开上新大名叫「“](?:(?<=[「“])|(?=\S{0,3}\s*[「“]))(?:"
                           r"(?:(?<=模)型|(?<=发)布了?的?|(?<=推)出了?的?|(?<=开)源了?的?|(?<=上)线了?的?|(?<=新)秀|(?<=新)品"
                           r"|(?<=新)作|(?<=大)模型|(?<=名)为|(?<=叫)做?)\s*[「“](?P<a>[^」”\n]{2,16})[」”]"
                           r"(?:\s*和\s*[「“](?P<b>[^」”\n]{2,16})[」”])?"
                           # (not "另一家创业公司「深度求是」发布了 qiushi-math-32b": who released something)
                           r"|(?<=[「“])(?P<c>[^」”\n]{2,16})[」”]\s*(?:发布会|正式(?:发布|开源|上线)|(?:发布|开源|上线)\s*[。！!，,]))")


def quoted_chinese_models(text: str) -> list[str]:
    """Chinese model names the text introduces in 「」 or “” ("发布了推理模型「澜舟-R 2.5」"): the mention layer finds no
    plain Chinese brand ("影绘", "知更鸟 2.0") by its shape."""
    out: list[str] = []
    for m in _QUOTED_MODEL.finditer(text):
        # (in “”, which quote any phrase, only a name the writer gives, with a Latin letter or a digit: "一个叫“灵犀 Pro
        # Max”的模型", "名为“X”")
        plain = "“" in m.group(0)
        if plain and m.group(0)[0] not in "叫名":
            continue
        for name in (m.group("a"), m.group("b"), m.group("c")):
            if name and _ANY_CJK.search(name) and not _NOT_A_QUOTED_NAME.search(name) and name not in out \
                    and (not plain or _LATIN_OR_DIGIT.search(name)):
                out.append(name.strip())
    return out


_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
_NOT_A_QUOTED_NAME = re.compile(r"[，。,：:！？!?、]|模型$|系列$")


def _brand_before(text: str, at: int, version: str) -> tuple[str, str, str] | None:
    """The Chinese run (two to ten characters) and the dashed tier right before ``text[at]`` (a space), with
    ``version``."""
    tier = ""
    if at and text[at - 1].isascii():
        t = _TIER_BEFORE.search(text, max(0, at - 8), at)
        if t is None:
            return None
        tier, at = t.group(0), t.start()
    start = at
    while start > max(0, at - 10) and "\u3400" <= text[start - 1] <= "\u9fff":
        start -= 1
    if at - start < 2 or text[at - 1] in _NOT_BRAND_END:
        return None
    return text[start:at], tier, version


_TIER_AFTER_VERSION = re.compile(r" (?:Pro|Max|Ultra|Plus|Lite|Turbo|Flash|Nano|Mini|mini)(?![A-Za-z0-9_.\-])")


def _tier_after(text: str, at: int) -> str:
    """The tier word written right after a version at ``at`` (" Pro" of "玄武 2.5 Pro"), else ""."""
    m = _TIER_AFTER_VERSION.match(text, at)
    return m.group(0) if m is not None else ""


def versioned_chinese_names(text: str) -> list[str]:
    """The Chinese names with a version after a space ("知更鸟 2.0", "澜舟-R 2.5") the text writes at least twice, with
    a decimal version among the brand's, and the brand's other versions it writes ("澜舟-R 3" beside "澜舟-R 2.5"). The
    brand is the longest end of the Chinese run before the version that the text writes about as often as its last
    two characters ("因此澜舟-R 2.5", "比澜舟-R 2.5" -> 澜舟-R). A number after a Chinese word written once, or
    only whole numbers ("如图 1", "步骤 2"), are more likely values or labels."""
    # (with the tier word written after the version: "玄武 2.5 Pro", a name of its own beside "玄武 2.5 Flash")
    found = [b for m in _SPACE_VERSION.finditer(text)
             if (b := _brand_before(text, m.start(), m.group(1) + _tier_after(text, m.end()))) is not None]
    by_end = Counter((r[-2:], t, v) for r, t, v in found)
    # (a whole version written three times after the same word is a name's too, "启明学伴 4", unless the word labels a
    # part of a text: "如图 1", "步骤 2", "实验 3")
    whole = {(end, tier) for (end, tier, version), n in by_end.items()
             if n >= 3 and "." not in version and not end.endswith(_LABEL_ENDS)}
    # (a tier word makes a whole version a name's too: "灵犀 Pro 2")
    if len(found) < 2 or not whole and not any("." in version or tier.startswith(" ") for _, tier, version in found):
        return []
    # (first by the run's last two characters: a brand needs a version written twice and a decimal one)
    twice = {(end, tier) for (end, tier, version), n in by_end.items() if n >= 2}
    decimal = {(run[-2:], tier) for run, tier, version in found if "." in version or tier.startswith(" ")} | whole
    found = [f for f in found if (f[0][-2:], f[1]) in twice and (f[0][-2:], f[1]) in decimal]
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    said: dict[str, int] = defaultdict(int)
    counts: dict[str, int] = {}
    for run, tier, version in found:
        ends = [run[-k:] for k in range(2, min(6, len(run)) + 1)]
        for end in ends:
            if end + tier not in counts:
                counts[end + tier] = text.count(end + tier)
        base = counts[ends[0] + tier]
        brand: str | None = max((e for e in ends if counts[e + tier] >= max(2, 0.8 * base)), key=len, default=None)
        while brand is not None and brand[0] in _NOT_BRAND_START:
            brand = brand[1:] if len(brand) > 2 else None
        if brand is not None:
            named[(brand, tier)].add(version)
            said[f"{brand}{tier} {version}"] += 1
    out: list[str] = []
    for (brand, tier), versions in named.items():
        if (any("." in v or tier.startswith(" ") for v in versions) and any(said[f"{brand}{tier} {v}"] >= 2 for v in versions)
                or any(said[f"{brand}{tier} {v}"] >= 3 for v in versions) and (brand[-2:], tier) in whole):
            out += [f"{brand}{tier} {v}" for v in sorted(versions)]
    return out


# A Chinese brand and a tier word after a space, no version: "灵犀 Pro", "青鸾 Max" (the tier word found first: a literal
# ``re`` skips ahead to; the brand is read backwards from the space)
_SPACE_TIER = re.compile(r" (?:Pro|Max|Ultra|Plus|Lite|Turbo|Flash|Nano|Mini|mini)(?![A-Za-z0-9_.\-]| ?[0-9])")


def tiered_chinese_names(text: str) -> list[str]:
    """The Chinese names of a brand and a tier word after a space ("灵犀 Pro") the text writes at least twice: the brand
    is the longest end of the Chinese run before the space that the text writes with the tier as often as its last two
    characters (``versioned_chinese_names``' rule; "灵犀 Pro 2", with a version, is that function's)."""
    counts: Counter[str] = Counter()
    for m in _SPACE_TIER.finditer(text):
        at = m.start()
        start = at
        while start > max(0, at - 10) and "\u3400" <= text[start - 1] <= "\u9fff":
            start -= 1
        if at - start < 2 or text[at - 1] in _NOT_BRAND_END:
            continue
        tier = m.group(0)
        ends = [text[at - k:at] for k in range(2, min(6, at - start) + 1)]
        base = text.count(ends[0] + tier)
        brand: str | None = max((e for e in ends if text.count(e + tier) >= max(2, 0.8 * base)), key=len, default=None)
        while brand is not None and brand[0] in _NOT_BRAND_START:
            brand = brand[1:] if len(brand) > 2 else None
        if brand is not None:
            counts[brand + tier] += 1
    return [name for name, n in counts.items() if n >= 2]


@dataclass
class EntityRegistry:
    """Full model names of one document and the sizes that stand for them."""

    names: list[str] = field(default_factory=list)
    by_size: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    families: dict[str, dict[float, str]] = field(default_factory=lambda: defaultdict(dict))
    chinese_names: list[str] = field(default_factory=list)
    predecessors: list[str] = field(default_factory=list)  # names written right after 上一代 / "its predecessor"  # every "星河-14B" of the text (for short forms)
    _short: dict[str, str] | None = field(default=None, repr=False)
    _folded: set[str] = field(default_factory=set, repr=False)  # the names, case-folded (each is added once)
    _heads: set[str] | None = field(default=None, repr=False)  # the Chinese names' heads (``_chinese_heads``)
    _text: str = field(default="", repr=False)  # the document (folded), to count how often each name is written
    aliases: dict[str, str] = field(default_factory=dict)  # "WQ" of "问渠-R1-32B（下面简称 WQ）": what the text defines
    # each name's folded key and folded form when it holds a size, else None (``sole_sized_member``, asked once per
    # resolved name, read every name of the document each time)
    _sized_keys: dict[str, tuple[str, str] | None] = field(default_factory=dict, repr=False, compare=False)

    def add(self, name: str) -> None:
        folded = name.casefold()
        if folded in self._folded:
            return  # ("kestrel-34b-rc3" of a chat and "Kestrel-34B-rc3" of its summary are one model)
        self._folded.add(folded)
        self.names.append(name)
        self._short = None
        m = _SIZE_IN_NAME.search(name)
        if m and len(name) > len(m.group(1)) + 1:
            self.by_size[m.group(1).upper()].add(name)
            stem = name[:m.start()].lower().replace(" ", "-")
            if stem:
                self.families[stem].setdefault(_size_value(m.group(1)), name)

    def resolve(self, name: str | None, subject: str | None = None) -> str | None:
        """The full name ``name`` stands for, or ``name`` itself when it is no size reference
        (``None`` when it is one the document never introduced, or introduced for several models
        none of which is of the family of ``subject``, the model the passage is about)."""
        if not name:
            return name
        m = _SIZE_ONLY.match(name.strip())
        if m is not None:
            found = sorted(self.by_size.get(m.group(1).upper(), set()))
            if subject:
                # "the 72B" of a Nova-72B report, though Qwen2.5-72B and Nova-72B-Think are named too:
                # the subject itself, else the plainest name of its family with that size
                stem = _stem(subject)
                own = sorted((n for n in found if _stem(n) == stem), key=len)
                if fold(subject) in own:
                    return subject
                if own and (len(own) == 1 or len(own[0]) < len(own[1])):
                    return own[0]
                if not found and _VERSION_WORD.search(name):
                    # "还发布了 32B 版本" of 悟道-Coder-14B: the family's member of that size ("the 13B model"
                    # alone may be anybody's: it needs a name the document introduced)
                    sized = _SIZE_IN_NAME.search(subject)
                    if sized is not None:
                        return subject[:sized.start(1)] + m.group(1).upper() + subject[sized.end(1):]
            return found[0] if len(found) == 1 else None
        if name == PREDECESSOR:
            return self.predecessor() or self.earlier_release_of(subject)
        key = name.strip()
        short = self.short_forms().get(key if key.isascii() else fold(key))  # it holds folded names ("Elan-12B")
        if short is not None:
            return short
        fs = _FAMILY_SIZE.fullmatch(key)
        if fs is not None:
            family = fs.group(1).lower()
            members = [n for n in self.by_size.get(fs.group(2).upper(), ())
                       if n.lower().startswith(family) and not _FAMILY_SIZE.fullmatch(n)]
            if len(members) == 1:
                return members[0]
        t = _TIER_REFERENCE.match(name.strip())
        if t is not None:
            # "the mini model", "its Pro sibling": the one name the document writes with that tier word
            tier = t.group(1).lower()
            tiered = [n for n in self.names if tier in (w.lower() for w in re.split(r"[\s\-_]+", n))]
            return tiered[0] if len(tiered) == 1 else None
        r = _RELATIVE.match(name.strip())
        if r is not None:
            several = [sizes for sizes in self.families.values() if len(sizes) >= 2]
            if len(several) != 1:
                return None
            sizes = several[0]
            pick = min(sizes) if r.group(1).lower().startswith(("small",)) else max(sizes)
            return sizes[pick]
        return self.sole_sized_member(key) or name

    def sole_sized_member(self, name: str) -> str | None:
        """The one sized name of the family ``name`` names with a version and no size, when the document writes
        exactly one ("Corvid-2" in a thread on Corvid-2-32B: a writer drops the size of the only one there is; with
        Corvid-2-7B named too, "Corvid-2" is the family)."""
        if not _VERSIONED_FAMILY.fullmatch(name) or _SIZE_IN_NAME.search(name) or is_catalogued_model(name):
            return None  # ("满血 DeepSeek-R1" in a text on DeepSeek-R1-70B: a model of its own)
        stem = fold(name).lower().replace(" ", "-")
        members = set()
        for n in self.names:
            if n in self._sized_keys:
                sized = self._sized_keys[n]
            else:
                sized = self._sized_keys[n] = (fold(n).lower().replace(" ", "-"), fold(n)) \
                    if _SIZE_IN_NAME.search(n) is not None else None
            if sized is not None and sized[0].startswith(stem + "-") and not (n.islower() and not name.islower()):
                # (a lower-case checkpoint id is a file of the release a capitalised name names: "Meridian-LX 2.1"
                # stays itself beside "file meridian-lx-2.1-70b-final")
                at = _SIZE_IN_NAME.search(sized[1], len(stem))
                if at is not None and at.start() == len(stem):
                    members.add(n)
        return members.pop() if len(members) == 1 else None

    def other_release(self, tag: str, subject: str | None) -> str | None:
        """The full name a bare release tag stands for ("rc2" in a text on kestrel-34b-rc3: kestrel-34b-rc2; "v0.2"
        of 星衡-13B-Chat v0.3): the subject's name with its own tag swapped, else the one release line the
        document names with a tag of that kind; None when the tag is no bare release or the line is not known."""
        bare = _BARE_RELEASE.fullmatch(tag)
        if bare is None:
            return None
        kind = bare.group(1).lower()
        for names in ([subject] if subject else [], self.names):
            lines = {v.group(1) for name in names
                     if (v := _RELEASED.fullmatch(name)) is not None and v.group(2).lower() == kind}
            if lines:
                if len(lines) != 1:
                    return None
                line = next(iter(lines))
                # (a changelog's "v2.4.0" heading is the release "halyard-34b-instruct v2.4" its text names)
                short = re.sub(r"(?:\.0)+$", "", tag)
                # (or when the line's releases the text names are all written shorter: "v2.1", "v2.4" beside "## v2.2.0")
                released = [n[len(line):] for n in self.names if n.startswith(line) and len(n) > len(line)]
                written_short = short != tag and bool(released) and all(r.count(".") < tag.count(".") for r in released)
                return line + short if short != tag and (line + short in self.names or short in self.names
                                                         or written_short) else line + tag
        return None

    def plain_chinese_name(self, name: str) -> str:
        """``name`` without the characters a Chinese sentence glued before its brand ("写观澜-V3", "你看观澜-V3",
        "深澜发观澜-V2" in a text that also writes "对观澜-V3": 观澜-V3, 观澜-V2). The brand is the shortest head of
        two or more characters the document writes before the same dash, and at most three characters are cut."""
        head = _CJK_HEAD.match(name)
        if head is None:
            return name
        word = head.group(1)
        shorter = [h for h in self._chinese_heads() if len(h) >= 2 and word.endswith(h) and 0 < len(word) - len(h) <= 3]
        return name[len(word) - len(min(shorter, key=len)):] if shorter else name

    def _chinese_heads(self) -> set[str]:
        if self._heads is None:  # (asked for every claim's names; the Chinese names change only while the text is read)
            self._heads = {m.group(1) for n in self.chinese_names if (m := _CJK_HEAD.match(n)) is not None}
        return self._heads

    def earlier_release_of(self, subject: str | None) -> str | None:
        """The release just before ``subject`` among the names the document holds: the same name with a lower version
        ("观澜-V2" of 观澜-V3, "天衡-1" of 天衡-2, "Kestrel-2-8B" of Kestrel-3-8B), the highest such; None when there is
        none or ``subject`` carries no version."""
        own = _VERSION_IN_NAME.fullmatch(subject or "")
        if own is None:
            return None
        best: tuple[float, str] | None = None
        for name in (*self.names, *(self.plain_chinese_name(n) for n in self.chinese_names)):
            other = _VERSION_IN_NAME.fullmatch(name)
            if other is not None and other.group("pre") == own.group("pre") and other.group("post") == own.group("post") \
                    and float(other.group("v")) < float(own.group("v")) and (best is None or float(other.group("v")) > best[0]):
                best = (float(other.group("v")), name)
        return best[1] if best else self._sole_sized_sibling(subject)

    def _sole_sized_sibling(self, subject: str | None) -> str | None:
        """The one other size of ``subject``'s family the document names ("墨鸢-R1-7B" in a text on 墨鸢-R1-14B): what
        "上一代" means when no name with a lower version is there (a family of three sizes says nothing)."""
        if not subject or _SIZE_IN_NAME.search(subject) is None:
            return None
        stem, own = _stem(subject), fold(subject).casefold()
        siblings = {fold(n).casefold(): n for n in (*self.names, *self.chinese_names)
                    if _SIZE_IN_NAME.search(n) is not None and _stem(n) == stem and fold(n).casefold() != own}
        return next(iter(siblings.values())) if len(siblings) == 1 else None

    def _dominant(self, fulls: set[str]) -> str | None:
        """Of several names sharing a short form, the one the document writes in full at least twice and at least
        twice as often as any other ("墨鸢" of a report on 墨鸢-R1-14B that names 墨鸢-R1-7B once, as last year's
        model): a writer shortens the name of the model the text is about. None when no name stands out."""
        counts = sorted(((self._text.count(full), full) for full in fulls), reverse=True)
        (top, name), (second, _) = counts[0], counts[1]
        return name if top >= 2 and top >= 3 * second else None

    def predecessor(self) -> str | None:
        """The earlier release the document names as such ("较上一代灵犀-2-34B", "its predecessor, Orion-7B"),
        when it names exactly one."""
        return self.predecessors[0] if len(set(self.predecessors)) == 1 else None

    def short_forms(self) -> dict[str, str]:
        """First words of the sized names (and Chinese heads of any name) that stand for one of them only
        ("Ferrous" -> "Ferrous-Coder 14B", "Orca" -> "Orca-Mini 8B", "Qwen" -> "Qwen2.5-14B-Instruct", "星河" ->
        "星河-14B", "GLM" -> "GLM-4-Plus"); a first word shared by two names is nobody's, unless all but one of
        them are earlier releases the text names as such ("上一代青鸾-14B")."""
        if self._short is None:
            firsts: dict[str, set[str]] = defaultdict(set)
            weaker: dict[str, set[str]] = defaultdict(set)
            for sizes in self.families.values():
                for full in sizes.values():
                    head = _SHORT_HEAD.match(full)
                    if head is not None:
                        firsts[head.group(1)].add(full)
                    glued = _GLUED_HEAD.match(full)
                    if glued is not None:
                        weaker[glued.group(1)].add(full)
                    lower = _LOWER_HEAD.match(full)  # "Brisa" of "brisa-14b-instruct-v2": a checkpoint id's brand, capitalised
                    if lower is not None:
                        firsts[lower.group(1).capitalize()].add(full)
                        firsts[lower.group(1)].add(full)  # (and as the id writes it: "halo" of "halo-7b-chat-v0.3")
            for full in {*self.names, *self.chinese_names}:
                # "星河" of "星河-14B", "天枢" of "天枢-R1", "灵犀" of "灵犀 Pro 2"
                # (not a catalogued brand's: "文心" of "文心 4.5" would shadow the whole name the brand pattern finds)
                spaced_head = _CJK_SPACED_HEAD.match(full)
                if spaced_head is not None and spaced_head.group(1) in _zh_brands():
                    spaced_head = None
                cjk_head = _CJK_HEAD.match(full) or spaced_head
                if cjk_head is not None:
                    firsts[cjk_head.group(1)].add(full)
            for full in self.names:  # "Kimi" of "Kimi-k1.5", "GLM" of "GLM-4-Plus": names with no size
                if not _SIZE_IN_NAME.search(full):
                    head = _DASHED_VERSION_HEAD.match(full) or _DASHED_TIER_HEAD.match(full)
                    if head is not None:
                        firsts[head.group(1)].add(full)
                    # "Kestrel" of "Kestrel 4 Turbo" (not "Claude" of the catalogued "Claude 3.5 Sonnet": a known
                    # family's word alone may mean the family)
                    # (nor "Atlas" of "Atlas 3 Mini" beside "Atlas 2.5": a product line's word)
                    spaced = _SPACED_VERSION_HEAD.match(full)
                    # (a name with no tier word, "Kestrel 4", only when the text writes it whole twice and its word is no
                    # known family's: "Claude 3.5" of a list is the family's version, not a model of the text's)
                    if spaced is not None and not spaced.group("tier") \
                            and (_vendor_regex().match(spaced.group(1)) is not None or (self._text or "").count(full) < 2):
                        spaced = None
                    # (the versions the text writes after the word, only one; with a tier word, the versions of the names
                    # registered: "Lumen 8.6, Basalt 8.4" on MT-Bench is no other Lumen)
                    if spaced is None or is_catalogued_model(full):
                        continue
                    versions = {n.split(" ")[1] for n in self.names if n.startswith(spaced.group(1) + " ")
                                and not _in_a_score_list(self._text or "", n)} if spaced.group("tier") else set(re.findall(
                        re.escape(spaced.group(1)) + r" (\d(?:\.\d+)?|\d\d)(?![\d.])", self._text or full))
                    if len(versions) == 1:
                        firsts[spaced.group(1)].add(full)
            for full in (*self.names, *self.chinese_names):
                # "Scout" of "Llama 4 Scout", "Lite" of "天衡-2-Lite": a variant word after a version number
                tail = _SHORT_TAIL.search(full)  # (a three-letter tier only after a dashed version: "天衡-2-Pro")
                # ("Pro" of "Halcyon-2 Pro" only where the text says "the Pro": "Pro 1.5" is another line's version)
                if tail is not None and (tail.group(1) not in ("Pro", "Max") or full[tail.start(1) - 1] == "-"
                                         or re.search(rf"\bthe {tail.group(1)}\b(?!\s*\d)", self._text or "")):
                    firsts[tail.group(1) or tail.group(2)].add(full)
                tier = _TIER_VERSION_TAIL.search(full) or _VERSION_TIER_TAIL.search(full)
                if tier is not None:  # "Pro 1.5" of "Halcyon Pro 1.5", "2.1-Pro" of "Halyard-2.1-Pro"
                    firsts[tier.group(1)].add(full)
                # "R1 distill" of "DeepSeek-R1-Distill-Qwen-7B": a versioned part, then a later plain word, lower-cased
                for form in _described_forms(full):
                    firsts[form].add(full)
                # "R2-Lite" of "DeepSeek-R2-Lite", "V3" of "DeepSeek-V3": a later part with a version in it
                parts = full.split("-")
                for k in range(1, len(parts)):
                    rest = "-".join(parts[k:])
                    if _VERSIONED_TAIL.fullmatch(rest) and not _SIZE_ONLY.match(rest):
                        firsts[rest].add(full)
                    elif full.islower() and _CHECKPOINT_TAG.fullmatch(parts[-1]) and not _SIZE_ONLY.match(rest):
                        # a run's checkpoint id: "dpo-v3" of "tern-dpo-v3", and its plain word "dpo" (below)
                        firsts[rest].add(full)
                if full.islower() and len(parts) >= 3:
                    for part in parts[1:-1]:
                        if part.isalpha() and len(part) >= 3:
                            firsts[part].add(full)
                        if part in _STAGE_PARTS:  # "SFT 版", "RL 版本" of "lingxi-v3-sft-0915", "lingxi-v3-rl-step2000"
                            for form in (f"{part.upper()} 版本", f"{part.upper()}版本", f"{part.upper()} 版",
                                         f"{part.upper()}版", part.upper()):
                                firsts[form].add(full)
            for word, fulls in weaker.items():
                firsts.setdefault(word, fulls)
            for word, fulls in firsts.items():
                # "Meridian" of a text on "Meridian-LX 2.1" that also names its file "meridian-lx-2.1-70b-final": the
                # lower-case checkpoint id of the one capitalised name is that release, not a second model
                display = [f for f in fulls if not f.islower()]
                if len(fulls) > 1 and len(display) == 1 and all(
                        _id_key(f).startswith(_id_key(display[0])) for f in fulls if f.islower()):
                    firsts[word] = set(display)
            # "青鸾" of a text on 青鸾-32B that also names "上一代青鸾-14B": the earlier release is named in full
            earlier = {fold(p) for p in self.predecessors}
            for word, fulls in firsts.items():
                current = {f for f in fulls if fold(f) not in earlier}
                if len(fulls) > 1 and len(current) == 1:
                    firsts[word] = current
                elif len(current) > 1 and "\u3400" <= word[0] <= "\u9fff":
                    dominant = self._dominant(current)
                    if dominant is not None:
                        firsts[word] = {dominant}
            self._short = {k: next(iter(v)) for k, v in firsts.items() if len(v) == 1}
            self._short.update(self.aliases)
        return self._short

    def add_sized_names(self, text: str) -> None:
        """Every "Name-72B" of ``text`` (one pass over the digits: names sit in sentences no rule reads),
        as folded (``Nova‑72B`` is kept as ``Nova-72B``)."""
        text = fold(text)
        self._text = text
        for m in _SIZE_TOKEN.finditer(text):
            before = _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before is None or before.group(1).lower() in _NOT_A_NAME:
                continue
            tail = _NAME_AFTER.match(text, m.end())
            end = tail.end() if tail else m.end()
            self.add(text[before.start(1):end])
        for m in _LOWER_SIZE_TOKEN.finditer(text):
            before = _LOWER_NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before is not None and before.group(1) not in _NOT_A_NAME and not _is_benchmark(before.group(1)):
                tail = _LOWER_NAME_AFTER.match(text, m.end())
                self.add(text[before.start(1):tail.end() if tail else m.end()])
        for m in _SPACED_TIER.finditer(text):
            # "Exhibit 14 is the Larkspur-3 Ultra launch page": a tiered name is written whole once, then by its tier
            # ("Ultra scored 92.7"), often in sentences no rule reads
            head = _DASHED_LATIN_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if head is not None:
                self.add(text[head.start():m.end()])
        for m in _spaced_version_tiers(text):
            # "White: Lumen 4 mini (size undisclosed)": a word, a version and a tier word is a model's name, written in
            # a line no rule reads perhaps, then by its word alone ("Lumen 81.2, Basalt 83.0")
            if m.group(1).lower() not in _NOT_A_NAME \
                    and m.group(1).lower() not in lexicon.numbered_parts() and m.group(1).lower() not in lexicon.name_stopwords():
                self.add(m.group(0))
        if "-v" in text or "-rc" in text:  # (a substring test first: most texts name no such run)
            for m in _lower_run_ids(text):  # a run's checkpoint id with no size: "tern-dpo-v3"
                if not _is_benchmark(m.group(0)):
                    self.add(m.group(0))
        if _ANY_ALIAS_WORD.search(text):  # (a substring test first: most texts define none)
            self._add_aliases(text)
        if _ANY_ALIAS_SAID_WORD.search(text):
            self._add_said_aliases(text)
        if " · " in text or " | " in text or "; " in text:
            self._add_role_labels(text)
        if _ANY_ROLE_WORD.search(text):  # (a substring test first: most texts name no teacher)
            self._add_role_aliases(text)
        if _ANY_PREDECESSOR_WORD.search(text):  # (a substring test first: most texts name none)
            for said in _PREDECESSOR_THEN_NAME.finditer(text):
                self.predecessors.append(said.group("name").rstrip("."))
        if "「" in text or "“" in text:
            for name in quoted_chinese_models(text):
                self._add_whole_chinese_name(name)
        if " " in text and _ANY_CJK.search(text):
            versioned = versioned_chinese_names(text)
            brands = Counter(name.rsplit(" ", 1)[0] for name in versioned)
            for name in versioned:
                self._add_whole_chinese_name(name)
                brand = name.rsplit(" ", 1)[0]
                if brands[brand] == 1:  # "知更鸟" of "知更鸟 2.0", when the text names no other version of it
                    self.aliases.setdefault(brand, name)
            for name in tiered_chinese_names(text) if _SPACE_TIER.search(text) else ():
                if name not in self.names:  # ("灵犀 Pro": a brand and a tier word, no version)
                    self._add_whole_chinese_name(name)
        # Chinese hybrid names ("星河-14B", "天枢-R1"), found from the cheap hint "河-1" / "枢-R", for their short
        # forms only: a size reference ("the 14B") keeps resolving among the names the claim sentences use
        for dash in _NAME_DASH_HINT.finditer(text):
            at = dash.start() - 1  # the Chinese character before the dash
            if at >= 0 and text[at].isascii() and text[at].isalpha() \
                    and (text[dash.end()].isdigit() or text[dash.end() + 1:dash.end() + 2].isdigit()):
                # and Latin names with a dashed version ("Sable-3-Mini", "Kestrel-2"), named perhaps only in a
                # sentence no rule reads ("Ran Sable-3-Mini through my evals"), for their short forms
                latin = _dashed_latin_name(text, at)
                if latin is not None and latin not in self.names:
                    self.add(latin)
                continue
            while at > 0 and (text[at].isdigit() or text[at] == ".") and text[dash.start() - 1].isdigit():
                at -= 1  # (a version between the brand and the dash: "衡宇2-Max", "衡宇1.5-14B")
            if at < 0 or not "\u3400" <= text[at] <= "\u9fff":
                continue
            named = CJK_HYBRID_NAME.search(text, max(0, at - 6), dash.end() + 40)
            if named is not None and named.start() <= at < named.end() \
                    and named.group(0) not in self.chinese_names:
                self.chinese_names.append(named.group(0))
                self._short = self._heads = None

    def _add_whole_chinese_name(self, name: str) -> None:
        """A Chinese name the mention layer cannot find by its shape ("知更鸟 2.0", "影绘"): a form standing for itself,
        which ``sentence_names`` then finds wherever the text writes it."""
        self.aliases.setdefault(name, name)
        if name not in self.chinese_names:
            self.chinese_names.append(name)
        self._short = self._heads = None

    def _add_aliases(self, text: str) -> None:
        """The short names a text defines for a model it names right before ("问渠-R1-32B（下面简称 WQ）",
        "DeepSeek-R1-Distill-Qwen-32B（下面叫 R1 蒸馏 32B）", "Nova-72B (hereafter Nova)"): each stands for that
        model from there on, before any short form the names suggest."""
        known = sorted({*self.names, *self.chinese_names}, key=len, reverse=True)
        for m in _ALIAS_DEFINED.finditer(text):
            alias = m.group("alias").strip()
            end = m.start()
            while end > 0 and (text[end - 1].isspace() or text[end - 1] in "”\"」』’'"):
                end -= 1  # ("“衡山大模型 HS-3.0-Pro”（以下简称“被测模型”）": the name closes its quotes first)
            full = next((n for n in known if text.endswith(n, 0, end)), None)
            if full is None:
                before = _NAME_BEFORE_DEFINITION.search(text, max(0, end - 60), end)
                full = before.group(0) if before is not None and is_model_shaped(before.group(0)) else None
            if full is not None and alias and alias != full:
                self.aliases[alias] = full
                self._short = None

    def _add_role_labels(self, text: str) -> None:
        """"White: Lumen 4 mini · Black: Basalt-70B-Instruct", "Model A: GPT-4o; Model B: Tianshu-9": a line that gives
        two or more roles a model each defines each role as that model (a role given two models is nobody's)."""
        roles: dict[str, set[str]] = defaultdict(set)
        for line in _ROLE_LINE.finditer(text):
            found = list(_ROLE_LABEL.finditer(line.group(0)))
            if len(found) < 2:
                continue
            for m in found:
                name = m.group("name").strip()
                if is_model_shaped(name):
                    roles[m.group("role")].add(name)
        for role, names in roles.items():
            if len(names) == 1:
                self.aliases.setdefault(role, next(iter(names)))
                self._short = None

    def _add_said_aliases(self, text: str) -> None:
        """'"Halcyon" here means Halcyon-3 Ultra; "Flash" means the smaller Halcyon-3 Flash': a quoted short name the
        text says it means a model by stands for that model (the name right after the verb, as the registry holds it)."""
        known = sorted({*self.names, *self.chinese_names}, key=len, reverse=True)
        for m in _ALIAS_SAID.finditer(text):
            alias = m.group("alias").strip()
            full = next((n for n in known if text.startswith(n, m.end())), None)
            if full is not None and alias and alias != full and len(alias) < len(full):
                self.aliases.setdefault(alias, full)
                self._short = None

    def _add_role_aliases(self, text: str) -> None:
        """A distillation's roles as the text assigns them ("Student = wren-3b, teacher = Qwen2.5-32B-Instruct",
        "Qwen2.5-32B-Instruct as the teacher", "教师模型为 Qwen2.5-72B"): "the teacher" / "Teacher" / "教师模型" stand
        for that model from there on. A role given to two models is given to neither."""
        roles: dict[str, set[str]] = defaultdict(set)
        lines = {(text.rfind("\n", 0, w.start()) + 1, text.find("\n", w.end())) for w in _ANY_ROLE_WORD.finditer(text)}
        # (the pattern runs on the lines that name a role, not the whole text: its name branches start anywhere)
        said = (m for a, b in sorted(lines) for m in _ROLE_DEFINED.finditer(text, a, len(text) if b < 0 else b))
        for m in said:
            role = (m.group("role") or m.group("role2") or m.group("role3") or m.group("role4") or m.group("role5")).lower()
            role = " ".join(role.split())  # ("base  model")
            name = (m.group("name") or m.group("name2") or m.group("name3") or m.group("name4")
                    or m.group("name5")).rstrip(".,;:")
            roles[_ROLE_KEY.get(role, role)].add(name)
        for role, names in roles.items():
            if len(names) == 1:
                full = next(iter(names))
                for form in ROLE_FORMS[role]:
                    self.aliases.setdefault(form, full)
                self._short = None

    @classmethod
    def from_mentions(cls, mentions: Iterable[TypedMention], subjects: Iterable[str | None] = (),
                      text: str = "") -> EntityRegistry:
        registry = cls()
        for subject in subjects:
            if subject:
                registry.add(subject)
        for m in mentions:
            if m.label == "MODEL":
                registry.add(m.text)
        if text:
            registry.add_sized_names(text)
        return registry
