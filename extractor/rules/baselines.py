"""The baselines named in the region a comparison cue points at.

Each name of a list, else a descriptive phrase ("人类水平", "the previous best open model") when it
ends with a baseline head word: a comparison needs something nameable to compare with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from extractor import lexicon
from extractor.rules.measures import _LIST_SEP
from extractor.rules.mentions import Mention
from extractor.rules.names import _same_name
from extractor.rules.subjects import _DE_GAP, DESCRIBED_BY_NEXT, NAMED_PAIR, PRONOUN_OBJECT

_ZH_REGION_TRIM = re.compile(
    r"(?:在|的(?:性能|表现|水平|水准|成绩|效果|结果|能力|质量|精度|准确率|得分|分数)|(?:性能|表现|水平|水准|成绩|效果|结果)).*$")
_PARTICLES = "了过等的着 \u3000\"“”「」『』《》()（）"
_COMMA_GAP = re.compile(r"\s*[,，]\s*")
_INSIDE_PAREN = re.compile(r"[(（][^)）]*$")
_CLOSE_PAREN = re.compile(r"\s*[)）]")
_NUMBER_LEAD = re.compile(r"\s*(?:了|过|出|约|达|近)?\s*[+＋]?\d")
_DE_DESCRIBED_SYSTEM = re.compile(r"\s*的\s*[^\s，,。、和与及]{1,8}?(?:模型|系统|方法)")
_DE_TAIL = re.compile(r"的.*$")
_THAT_OF = re.compile(r"^(?:that of|those of)\s+")
_ONLY_NUMBERS = re.compile(r"[\d.\s%]+")
_GENERIC_BASELINE = re.compile(r"(?:the\s+|所有|全部|各|现有|原始|普通的?)?(?:基线|基线模型|基准模型|baselines?|baseline models?)", re.IGNORECASE)
_SAYS = re.compile(r"\s+(?:says|said|claims|claimed|reports|reported|notes|noted|writes|wrote|argues|added)\b")
_LIST_WORD = re.compile(r"和|、|以及|及|与|或|and|or|,")


Baseline = tuple[int, int, str]


@lru_cache(maxsize=1)
def _baseline_head_regex() -> re.Pattern[str]:
    heads = sorted(lexicon.baseline_heads(), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(h) for h in heads) + r")\s*$", re.IGNORECASE)


def _drop_parenthetical_aliases(sentence: str, found: list[Mention]) -> list[Mention]:
    """"监督微调 (Supervised Fine-tuning, SFT)": a long form and its abbreviation name one baseline."""
    out: list[Mention] = []
    for n in found:
        if out and _COMMA_GAP.fullmatch(sentence[out[-1].end:n.start]) \
                and _INSIDE_PAREN.search(sentence[:out[-1].start]) and _CLOSE_PAREN.match(sentence[n.end:]):
            out[-1] = n if len(n.text) < len(out[-1].text) else out[-1]
            continue
        out.append(n)
    return out


# A baseline that is the subject's own earlier release, unnamed where it is said
# The words a text's roles stand for a model by ("基座" for the base model it names, "the teacher"): what they stand for is
# set by ``extractor.nlp.registry``; a role word is never the text's topic (``extractor.rules.context``)
ROLE_FORMS: dict[str, tuple[str, ...]] = {
    "teacher": ("teacher", "Teacher", "教师模型"), "student": ("student", "Student", "学生模型"),
    "backbone": ("the backbone", "its backbone", "基座模型", "基座", "底座模型", "底座", "the base model", "its base model")}
ROLE_WORD_FORMS = frozenset(form for forms in ROLE_FORMS.values() for form in forms)
PREDECESSOR = "上一代"

# "DeepSeek-V3 beats it there", "Qwen2.5-14B 比它低 2 分": a pronoun object stands for the model the text is about
# (the subject the sentence inherited). Only when the sentence named at most one model before it (its subject):
# after two ("X underperforms Y on IFEval despite beating it") which one "it" is, the rules cannot tell.
_TOPIC_PRONOUN = re.compile(r"\s*(?:it|它|对方)(?:(?=的)|(?![A-Za-z\u4e00-\u9fff]))", re.IGNORECASE)  # ("比它的 95.2% 低")
# what may follow the pronoun in the cue's region: an adverb ("behind it there", "trail it badly"), a margin ("领先它 1.3 分")
_PRONOUN_REST = re.compile(r"[\s,，的.。!！]*(?:(?:there|here|too|again|now|badly|slightly|clearly|narrowly|comfortably|"
                           r"a\s+bit|by\s+a\s+lot|by\s+a\s+mile)\b[\s,，.。!！]*)?(?:[+＋~约近]?\s*\d[^，,。;；]*)?[\s.。!！;；]*",
                           re.IGNORECASE)


def topic_baseline(sentence: str, r0: int, r1: int, topic: str | None,
                   names: Sequence[Mention] = ()) -> list[Baseline] | None:
    """The topic as the baseline when ``sentence[r0:r1]`` is only a pronoun standing for it."""
    m = _TOPIC_PRONOUN.match(sentence, r0, r1)
    if m is None or not topic or not _PRONOUN_REST.fullmatch(sentence, m.end(), r1) or m.group(0).endswith("对方"):
        return None  # (对方, "the other party", is the one named before the subject, ``pronoun_names_other``)
    if len({n.text for n in names if n.end <= r0 and n.kind in ("model", "name")} - {topic}) >= 2:
        return None
    start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
    return [(start, m.end(), topic)]
def pair_baseline(sentence: str, r0: int, r1: int) -> list[Baseline] | None:
    """One of the last two models named before the sentence when ``sentence[r0:r1]`` is 前者 / 后者 / "the former" /
    "the latter" ("其在 LiveCodeBench 上的表现也不及后者": the latter of "…略低于 Claude 3.5 Sonnet 的 92.0%")."""
    pair = NAMED_PAIR.get()
    m = _PAIR_WORD.match(sentence, r0, r1) if pair is not None else None
    if m is None or pair is None or sentence[m.end():r1].strip(" 的，,。.;；"):
        return None
    which = pair[0] if m.group("which").lower().endswith(("前者", "former")) else pair[1]
    return [(m.start("which"), m.end("which"), which)]


_PAIR_WORD = re.compile(r"\s*(?P<which>前者|后者|(?i:the\s+former|the\s+latter))")


def pronoun_names_other(sentence: str, r0: int, r1: int, subject: str, topic: str | None,
                        names: Sequence[Mention]) -> list[Baseline] | None:
    """When the subject of the comparison is itself the topic a pronoun object would stand for ("Qwen2.5-32B gets
    79.0 in our harness, and we're still ~18 pts behind it"), or is named in the sentence ("Llama-3-8B 是 77.1，Pika
    只领先它 1.3 分"), the pronoun is the one other model the sentence named before it."""
    m = _TOPIC_PRONOUN.match(sentence, r0, r1)
    if m is None or not _PRONOUN_REST.fullmatch(sentence, m.end(), r1):
        return None
    said = PRONOUN_OBJECT.get()
    if said is not None and not _same_name(said, subject) \
            and not any(n.end <= r0 and n.kind in ("model", "name") and n.text not in (subject, said) for n in names):
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        return [(start, m.end(), said)]  # the writers' sentence: 它 is the model the one before quoted
    named_subject = any(n.text == subject and n.end <= r0 for n in names)
    if topic and not (subject == topic or topic.startswith((subject + "-", subject + " "))) and not named_subject:
        return None
    if not topic and not named_subject:
        return None
    others = [n for n in names if n.end <= r0 and n.kind in ("model", "name") and n.text != subject
              and not (topic or "\0").startswith(n.text) and not subject.startswith(n.text + "-")]
    # ("Our plain GRPO run …, which we call GRPO-7B, …; StepForge-7B beats it": a family word of the one name is it)
    others = [n for n in others if not any(o.text.startswith((n.text + "-", n.text + " ")) for o in others)]
    if len({n.text for n in others}) != 1:
        return None
    return [(others[-1].start, others[-1].end, others[-1].text)]


_DEGREE_TAIL = re.compile(r"\s*(?:足足|整整|足有|大约|约|近|将近|还|又|更|要|都)+$")
PREDECESSOR_WORD = re.compile(r"上一代(?:模型)?|前代(?:模型)?|上代|前一代|上一版本?|(?:(?:its|their|the)\s+)?(?:predecessor|previous\s+"
                              r"(?:generation|version|release))", re.IGNORECASE)


_APPOSITION = re.compile(r"\s*(?:(?P<comma>,)|[(（])\s*")
_COMMA_CLOSE = re.compile(r"\s*(?:,|\.|;|$)")
_PAREN_CLOSE = re.compile(r"\s*[)）]")


def _named_in_apposition(sentence: str, names: list[Mention], end: int) -> Mention | None:
    """The model named right after a description that ends at ``end``, set off as an appositive: between commas
    ("the base model, Vireo-13B, under …") or in parentheses ("基座模型（Qwen2.5-7B）"); a Chinese comma opens a
    clause, not an appositive."""
    gap = _APPOSITION.match(sentence, end)
    if gap is None:
        return None
    named = next((n for n in names if n.start == gap.end() and n.kind in ("model", "name")), None)
    close = (_COMMA_CLOSE if gap.group("comma") else _PAREN_CLOSE).match(sentence, named.end) if named else None
    if named is None or close is None:
        return None
    # ("Compared with the strongest RL baseline, SimpleRL-Zero, SPARK-7B is …": a name right after the closing comma
    # opens the main clause; that comparison reads the appositive itself)
    after = _APPOSITION.match(sentence, close.end())
    follows = after is not None and any(n.start == after.end() and n.kind in ("model", "name") for n in names)
    return None if follows or any(n.start == close.end() + 1 for n in names) else named


def _baselines(sentence: str, names: list[Mention], r0: int, r1: int, cjk: bool) -> list[Baseline] | None:
    """The baselines named in ``sentence[r0:r1]``: each name of a list, else the descriptive phrase."""
    region = sentence[r0:r1]
    if not region.strip() or _NUMBER_LEAD.match(region):
        return None  # "超过 95%" is a threshold on a score, not a comparison with a baseline
    found = [n for n in names if r0 <= n.start and n.end <= r1 and n.kind in ("model", "name")
             and not _SAYS.match(sentence, n.end)]  # "ahead of X and Y, Meta says": the source, not a baseline
    found = _drop_parenthetical_aliases(sentence, found)
    # "基于 PPO 的 RLHF": PPO only qualifies the baseline RLHF.
    found = [n for i, n in enumerate(found)
             if not (i + 1 < len(found) and _DE_GAP.fullmatch(sentence[n.end:found[i + 1].start]))]
    # "its SFT-only sibling Corvid-SFT", "the DPO baseline Tulu-3-8B": a qualifier, a describing noun, then the name
    found = [n for i, n in enumerate(found)
             if not (i + 1 < len(found) and DESCRIBED_BY_NEXT.fullmatch(sentence, n.end, found[i + 1].start))]
    if found:
        out: list[Baseline] = []
        # "OpenAl 和 Anthropic 的视觉模型": the owned thing (的视觉模型) belongs to every listed name.
        last_tail = _DE_DESCRIBED_SYSTEM.match(sentence[found[-1].end:r1]) if cjk else None
        shared = last_tail.group(0) if last_tail else ""
        for i, n in enumerate(found):
            if i == len(found) - 1 and shared:
                out.append((n.start, n.end + len(shared), n.text + shared))
            elif shared and i + 1 < len(found) and _LIST_SEP.match(sentence[n.end:found[i + 1].start]):
                out.append((n.start, n.end, n.text + shared))
            else:
                out.append((n.start, n.end, n.text))
        return out
    # (an adverb of degree may follow it: "比上一代足足高出 19.4 分")
    predecessor = PREDECESSOR_WORD.fullmatch(_DEGREE_TAIL.sub("", region.strip(" \t，,的.。;；")))
    if predecessor is not None:
        # "较上一代提升 3.0 分", "over its predecessor": the document's earlier release, named elsewhere
        # (``extractor.nlp.registry`` resolves it, or drops the claim)
        at = r0 + region.index(predecessor.group(0))
        return [(at, at + len(predecessor.group(0)), PREDECESSOR)]
    phrase_start = r0
    phrase = region
    if cjk:
        stripped = phrase.lstrip(_PARTICLES)
        phrase_start += len(phrase) - len(stripped)
        trimmed = _ZH_REGION_TRIM.sub("", stripped).rstrip(_PARTICLES)
        if len(trimmed) < 3:  # "人类水平" stays whole: "人类" alone says less than the text
            trimmed = _DE_TAIL.sub("", stripped).rstrip(_PARTICLES + "。，,")
        phrase = trimmed
    else:
        stripped = phrase.lstrip()
        phrase_start += len(phrase) - len(stripped)
        phrase = _THAT_OF.sub("", stripped).rstrip(" .,")
    phrase = re.split(r"\s*[(（]?[+＋]?\d", phrase)[0]  # "人类水平 85%": the number is the baseline's score
    phrase = phrase.rstrip("。.,，;；!！?？)）")
    if not phrase or len(phrase) > 30 or _ONLY_NUMBERS.fullmatch(phrase) or len(phrase) < 2:
        return None
    named = _named_in_apposition(sentence, names, phrase_start + len(phrase))
    if named is not None:
        # "up from 54.3% for the base model, Vireo-13B": the description's name, written right after it
        return [(named.start, named.end, named.text)]
    if _GENERIC_BASELINE.fullmatch(phrase):
        return [(phrase_start, phrase_start + len(phrase), "baseline")]
    if not _baseline_head_regex().search(phrase) or len(phrase) < 3 and not phrase.isascii():
        return None
    # "最先进的综合模型和商业模型": two baselines when each part ends with a head word.
    parts: list[Baseline] = []
    pos = phrase_start
    for piece in re.split(r"(和|、|以及|及|与|或|\band\b|\bor\b|,)", phrase):
        if piece and not _LIST_WORD.fullmatch(piece.strip()):
            text_piece = piece.strip()
            if text_piece:
                off = pos + piece.index(text_piece)
                parts.append((off, off + len(text_piece), text_piece))
        pos += len(piece)
    if len(parts) >= 2 and all(_baseline_head_regex().search(p[2]) for p in parts):
        return parts
    return [(phrase_start, phrase_start + len(phrase), phrase)]
