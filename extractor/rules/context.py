"""What earlier sentences established: the topic model and the paragraph / section / title benchmark.

Many sentences name neither the model nor the benchmark ("它在该基准上达到 71.6%"); they are
resolved from what the section has said so far, tracked cheaply because it runs on every sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractor import lexicon
from extractor.regex_lead import led
from extractor.rules.baselines import ROLE_WORD_FORMS
from extractor.rules.mentions import (
    BENCHMARK_SHAPED,
    DOCUMENT_SHORT_FORMS,
    Lexicons,
    Mention,
    benchmark_matches,
    lexicons,
    own_benchmark_matches,
)
from extractor.rules.names import _in_location, _is_known_model, _norm
from extractor.rules.subjects import is_judge
from extractor.segment import CJK_HYBRID_NAME, is_model_shaped
from schemas import Document, Section


def _title_benchmark(document: Document, lex: Lexicons) -> str | None:
    """The benchmark a report is about ("Who leads SWE-bench Verified?"): named alone in the first title."""
    first = next((s.title for s in document.sections if s.title), None)
    return heading_benchmark(first, lex)


def heading_benchmark(title: str | None, lex: Lexicons) -> str | None:
    """The one benchmark a heading names, if it names exactly one ("#14 · Can't reproduce the GPQA Diamond number")."""
    found = {m.group(0) for m in (*benchmark_matches(title, lex), *own_benchmark_matches(title))} if title else set()
    return found.pop() if len(found) == 1 else None


# The first Latin name of every sentence, if it comes within its first ~20 characters: the topic tracker's input.
# Every branch of the sentence-end alternation starts with a literal (no "^"), so ``re`` skips ahead
# to the next possible sentence end; the text's very first sentence is matched by ``_TEXT_LEAD``.
# (and a size written after a space: "Orca-Mini 8B: the card claims …"; not after 是: "这里官方用的是自己跑的 V3 分数"
# names what was used, the sentence is not about it)
_LEAD_NAME = (r"[^。！？；!?;\n.A-Za-z是]{0,17}?(?<![A-Za-z0-9])"
              # (after a spoken opener: "So Kestrel-3 Flash is …", "And Orion-72B gets …")
              r"(?:(?:So|And|But|Also|Now|Well|Then|Still|Plus|Overall|Finally|Meanwhile|However|Honestly|Anyway),?\s+)?"
              r"([A-Za-z][A-Za-z0-9]*(?:[-_.+][A-Za-z0-9]+)*"
              # (and a size or a tier word after a space: "Orca-Mini 8B: …", "Kestrel-3 Flash is …")
              r"(?: \d+(?:\.\d+)?[BM](?![A-Za-z0-9])|(?<=\d) (?:Flash|Ultra|Pro|Mini|Max|Plus|Lite|Turbo|Nano|Air|Sonnet|"
              r"Opus|Haiku|Instruct|Chat|Base|Large|Small|Medium|Think|Thinking|Preview|Vision|Coder)(?![A-Za-z0-9]))?)")
# (the look-ahead after the sentence end is implied by the rest: a name or a spoken opener, both Latin letters first,
# follows at most 17 characters that are none; it turns away in one scan the Chinese sentences that open with none)
_SENTENCE_LEAD = re.compile(r"(?:。|！|？|；|!|\?|;|\n|\.[ \t])(?=[^。！？；!?;\n.A-Za-z是]{0,17}[A-Za-z])" + _LEAD_NAME)
_TEXT_LEAD = re.compile(_LEAD_NAME)


_NUMBER_THEN_COLON = re.compile(r"\s*\d{1,2}\s*[:：.)]")


def _numbered_label(text: str, name: str, end: int) -> bool:
    """Is ``name`` at ``end`` a numbered part's word and its number ("## Step 0: Baseline numbers", "Step 3: DPO"),
    not the model family the word also is (StepFun's Step)?"""
    return name.lower() in lexicon.numbered_parts() and _NUMBER_THEN_COLON.match(text, end) is not None


def _leading_models(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(offset, name) of each sentence-initial known model name in ``text[start:end]``."""
    stop = len(text) if end is None else end
    found = list(_SENTENCE_LEAD.finditer(text, max(0, start - 1), stop))  # start - 1: the newline before a line
    first = _TEXT_LEAD.match(text, 0, stop) if start == 0 else None
    if first is not None:
        found.insert(0, first)
    out = [(m.start(1), m.group(1)) for m in found if _is_known_model(m.group(1)) and not _numbered_label(text, m.group(1), m.end(1))
           and "@" not in text[max(0, m.start(1) - 2):m.start(1)]  # ("楼主 @ lazycat2046": a forum handle)
           and not _NOT_TOPIC_BEFORE.search(text, m.start(), m.start(1))
           and not measured_against_it(text, m.end(1))
           and not _INSIDE_CHINESE_NAME.search(text, max(0, m.start(1) - 2), m.start(1))  # "R1-32B" of 星河-R1-32B
           # ("**W1: Comparison with GRPO-Zero is missing.**", "Q2: Does it transfer?": a review point's label)
           and not (_POINT_CODE.fullmatch(m.group(1)) and _LABEL_THEN_WORDS.match(text, m.end(1)))]
    if text.find("-", max(0, start - 1), stop) >= 0:
        if _ZH_NAME_HINT.search(text, max(0, start - 1) + 1, stop):  # (+ 1: the dash follows the Chinese character)
            # Chinese brands open sentences too: "青鸾-32B 在 AIME 2024 上……" (a cheap scan for "鸾-3" first:
            # the sentence-start pattern tries every sentence end)
            out += [(m.start(1), m.group(1)) for m in _SENTENCE_LEAD_ZH.finditer(text, max(0, start - 1), stop)]
        # and a sentence that ends by naming one introduces the topic of the next ("起点是赤霄-7B-Base。它……")
        # (not an earlier release named so: "它的上一代是墨鸢-R1-7B。新模型……" goes on about the new one)
        out += [(m.start(1), m.group(1)) for m in _NAMED_AT_END.finditer(text, max(0, start - 1), stop)
                if not _PREDECESSOR_BEFORE.search(text, max(0, m.start() - 8), m.start())
                and not _PREDECESSOR_BEFORE.search(text, m.start(), m.start(1))]  # ("那说的是老版本星河-2.5。")
        out += [(m.start(1), m.group(1)) for m in _NAMED_TO_TAKE.finditer(text, max(0, start - 1), stop)
                if not (m.start() and text[m.start() - 1].isalpha())]  # (a word of its own: not "retake", "unnamed")
        # and a release, wherever in its sentence ("看了没，澜舟-14B 新版本上线了", "we shipped Sage-2")
        out += released_models(text, max(0, start - 1), stop)
        # and the model an evaluation run was for ("sweep 1/2 finished for `kestrel-34b-v3-step41k`", "overnight
        # sweep on kestrel-34b-rc3 finished"), and the subject a description introduces ("The lab's new 7B reasoning
        # model, Osprey-R-7B, gets 55.5"): what the sentences after them are about
        out += [(at, name) for at, name in _introduced_in(text) if start - 1 <= at < stop]
        out.sort()
    return out


_POINT_CODE = re.compile(r"[A-Z]{1,2}\d{1,2}")  # "W1", "Q2", "R3", "C4": a point of a review, a list, an agenda
_LABEL_THEN_WORDS = re.compile(r"\s*[:：]\s*(?:\*\*)?\s*[^\d\s*+\-−.]")  # (a colon and words, not a value)
# "The lab's new 7B reasoning model, Osprey-R-7B, gets 55.5 …": a sentence opening with a description of a model, then
# its name set off by commas, then a verb, is about that model (it is the sentence's subject, as a leading name is)
# (each is found from a literal, a head noun or the run's word, then read around it: a pattern opening with an
# alternation tried at every character cost 6 % of a run)
# (or in parentheses: "The DPO checkpoint (`q7-dpo`) is the first one …"; or named by the writer: "The resulting
# checkpoint, which I called `q7-sft-v1`, hits …")
_DESCRIBED_HEADS = ("model, ", "models, ", "release, ", "system, ", "checkpoint, ", "version, ", "variant, ",
                    "flagship, ", "LLM, ", "model (", "checkpoint (", "version (", "variant (", "run (")
_DESCRIPTION_OPENS = re.compile(r"(?:The|Its|Their|Our|His|Her|[A-Z][A-Za-z0-9-]*['’]s)\s+(?:[\w'’-]+\s+){0,6}?$")
_NAME_SET_OFF = re.compile(r"(?:\s*(?:which|that)\s+(?:I|we)\s+(?:called|named|call|dubbed))?\s*[`*]*"
                           r"([A-Za-z][A-Za-z0-9]*(?:[-_.+][A-Za-z0-9]+)+)[`*]*\s*[,)]\s+(?:also\s+|now\s+|then\s+)?[a-z]+")
# a description of some other model than the text's own: an earlier, a base or a rival one
_NOT_THE_SUBJECT_DESCRIBED = re.compile(r"\b(?:preview|earlier|previous|prior|older|old|last|original|base|baseline|"
                                        r"teacher|predecessor|competitor|rival|reference|strongest|best)\b",
                                        re.IGNORECASE)
_RUN_WORDS = ("sweep", "eval", "Sweep", "Eval", "benchmark run")
_EVALUATED_MODEL = re.compile(
    r"(?:sweeps?|evals?|evaluations?|eval\s+runs?|benchmark\s+runs?)\s+(?:\d+/\d+\s+)?"
    r"(?:(?:is|are|has|have)\s+)?(?:(?:finished|done|completed?|landed)\s+)?(?:for|on|of)\s+`?"
    r"([A-Za-z][A-Za-z0-9]*(?:[-_.+][A-Za-z0-9]+)+)`?", re.IGNORECASE)


@lru_cache(maxsize=4)
def _introduced_in(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, name) of each model an evaluation run was for, and each a sentence introduces by a description of it
    set off by commas ("The lab's new 7B reasoning model, Osprey-R-7B, gets 55.5"), unless the description is of an
    earlier, base or rival one."""
    out: list[tuple[int, str]] = []
    for word in _RUN_WORDS:
        at = text.find(word)
        while at >= 0:
            if at == 0 or not text[at - 1].isalnum():
                m = _EVALUATED_MODEL.match(text, at)
                if m is not None and _is_known_model(m.group(1)):
                    out.append((m.start(1), m.group(1)))
            at = text.find(word, at + len(word))
    for head in _DESCRIBED_HEADS:
        at = text.find(head)
        while at >= 0:
            comma = at + len(head.rstrip()) - 1  # (the comma or the parenthesis)
            named = _NAME_SET_OFF.match(text, comma + 1)
            if named is not None and _is_known_model(named.group(1)):
                ends = [text.rfind(mark, 0, at) for mark in (". ", "! ", "? ")]
                opened = max([e + 2 for e in ends if e >= 0] + [text.rfind("\n", 0, at) + 1])
                described = text[opened:comma]
                if _DESCRIPTION_OPENS.match(text, opened, at) and not _NOT_THE_SUBJECT_DESCRIBED.search(described):
                    out.append((named.start(1), named.group(1)))
            at = text.find(head, at + len(head))
    return tuple(sorted(set(out)))


# A release introduces what the text goes on about: "<name> 新版本上线了", "发布了 <name>", "we shipped <name>",
# "<name> is now live". The verb is found first (a literal), then the name right before or after it. The phrases
# are data (``release_phrases.tsv``); "is now out / live / available", "went GA" are shapes, kept here.
_RELEASE_AFTER_NAME_EN = re.compile(r" (?:is|was) (?:now )?(?:out|live|available)\b| went (?:GA|live)\b"
                                    # ("The headline this quarter is Lumora-4 Pro, which we shipped on August 12")
                                    r"|, which (?:we|they|the team|the lab) (?:just )?(?:shipped|released|launched)\b")
# words one of which that pattern needs: looked for first (a substring test costs far less than a scan)
_RELEASE_WORDS_AFTER = (" out", " live", " available", " GA", " shipped", " released", " launched")
_ANY_RELEASE_WORD_AFTER = re.compile("|".join(map(re.escape, _RELEASE_WORDS_AFTER)))  # (one scan of the text for any)


@lru_cache(maxsize=1)
def _release_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(Chinese after-name verbs, Chinese before-name verbs, English before-name verbs, any of the English ones as
    written) from the lexicon; each pattern opens with a literal, so ``re`` skips ahead."""
    phrases = lexicon.release_phrases()
    after_zh = [p for p in phrases["after_name"] if not p.isascii()]
    before_zh = [p for p in phrases["before_name"] if not p.isascii()]
    before_en = [v for p in phrases["before_name"] if p.isascii() for v in (p, p[0].upper() + p[1:])]
    return (re.compile(lexicon.phrase_pattern(after_zh)),
            # (a name in quotes too: 主力模型“天枢-7B”)
            re.compile(f"(?:{lexicon.phrase_pattern(before_zh)})了?\\s*[“\"「『]?"),
            re.compile(f"(?:{lexicon.phrase_pattern([p.replace(' ', chr(0)) for p in before_en])})".replace(chr(0), "\\s+")
                       + r"\s+(?:the\s+|its\s+|our\s+)?"),
            re.compile("|".join(map(re.escape, before_en))))  # (one scan, not an ``in`` test per phrase)


_RELEASED_NAME = r"(?:" + CJK_HYBRID_NAME.pattern + r"|[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9.]+)+" \
    r"(?: (?:Pro|Flash|Ultra|Max|Mini|Plus|Lite|Turbo|Nano|Air|Instruct|Chat)\b)?)"  # (and a tier: "Lumora-4 Pro")
_NAME_RIGHT_BEFORE = led(re.compile(r"(" + _RELEASED_NAME + r")[ \t]*(?:的)?(?:新版本|新版|正式|终于|已经|已)?[ \t]*$"))
_NAME_RIGHT_AFTER = re.compile(r"(" + _RELEASED_NAME + r")")


def released_models(text: str, start: int, stop: int) -> list[tuple[int, str]]:
    """(offset, name) of each model the text says was released, in ``text[start:stop]`` (the whole text is
    scanned once and remembered: the topic tracker asks section by section)."""
    return [(at, name) for at, name in _released_in(text) if start <= at < stop]


@lru_cache(maxsize=4)
def _released_in(text: str) -> tuple[tuple[int, str], ...]:
    start, stop = 0, len(text)
    out: list[tuple[int, str]] = []
    after_zh, before_zh, before_en, any_before_en = _release_patterns()
    afters = [after_zh] + ([_RELEASE_AFTER_NAME_EN] if _ANY_RELEASE_WORD_AFTER.search(text, start, stop) else [])
    for rx in afters:
        for m in rx.finditer(text, start, stop):
            dash = text.rfind("-", max(start, m.start() - 40), m.start())
            if dash < 0:
                continue  # a released model's name holds a hyphen ("澜舟-14B", "Sage-2")
            named = _NAME_RIGHT_BEFORE.search(text, max(start, dash - 30), m.start())  # (from near the dash only)
            if named is not None:
                out.append((named.start(1), named.group(1).rstrip(".")))
    befores = [before_zh] + ([before_en] if any_before_en.search(text, start, stop) else [])
    for rx in befores:
        for m in rx.finditer(text, start, stop):
            if m.start() and text[m.start() - 1].isascii() and text[m.start() - 1].isalpha():
                continue  # inside a longer word ("unreleased")
            named = _NAME_RIGHT_AFTER.match(text, m.end(), stop)
            if named is not None:
                out.append((named.start(1), named.group(1).rstrip(".")))
    # (an evaluation run names what it ran on too: "C-Eval 我也跑了" / "我跑了 MATH-500" introduce no model)
    benchmarks = lexicons().benchmark_lookup
    return tuple(sorted((at, name) for at, name in out if _norm(name) not in benchmarks))


# (the look-ahead after the opening word is implied by the rest: either name holds a "-" or "·", and neither it nor the
# words before it hold "。！？，,；;"; it turns away in one scan the many "是" no dashed name follows, each of which the
# lazy gap and the Chinese name's look-behinds were tried at 13 times)
_PREDECESSOR_BEFORE = re.compile(r"(?:上一代|前一代|前代|前身|上代|老版本|旧版本?)(?:模型)?\s*$")
_NAMED_AT_END = re.compile(r"(?:是|叫|叫做|名为|称为|记为|记作|命名为|即)(?=[^。！？，,；;]*[-·])[^。！？，,；;]{0,12}?("
                           + CJK_HYBRID_NAME.pattern + r"|[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9.]+)+)\s*[。！？]")
# "Take the checkpoint qoro-r1-32b-preview.", "Consider Osprey-7B.", "Meet tern-13b-chat!": an English sentence that
# names the model to look at next (a pattern of its own, starting from its words, so ``re`` skips ahead to them)
# ("The clearest case is DeepSeek-R1.", "The standout here was Kestrel-7B.": a sentence naming its example last)
# (each of those words a branch of its own, "is"/"was" repeated: every branch then opens with a literal, so ``re``
# skips ahead to their first letters; with the words in a group of their own it tried every position, 4x the time)
_EXAMPLE_WORDS = ("case", "example", "standout", "exception", "winner", "outlier", "highlight", "headline", "entry", "surprise",
                  "newcomer", "pick")
_NAMED_TO_TAKE = re.compile(r"(?:Take|take|Consider|consider|Meet|meet|Enter|called|named"
                            + "".join(rf"|{word}\s+(?:here\s+)?(?:is|was)" for word in _EXAMPLE_WORDS) + ")"
                            r"\s+(?:the\s+|a\s+)?(?:[a-z]+\s+){0,2}?"
                            r"([A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*-[A-Za-z0-9]+)\s*[.!:](?!\w)")


# "Qwen2.5-32B-Instruct lands ~12 points behind it": a sentence that measures its first name against "it" is
# still about the topic ("it"), so that name does not become the topic of the sentences after it
_MEASURED_AGAINST_IT = re.compile(
    r"[^。！？!?\n]*?(?:\b(?:behind|ahead\s+of|than|below|above|beats?|trails?|trailing|outperforms?|matches|matching|"
    r"level\s+with|on\s+par\s+with)\s+(?:it|them)\b|(?:比|不如|超过|落后于?|领先于?|低于|高于|追平|打平)(?:它|其)(?![\u4e00-\u9fff]{0,1}的))",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?:\s|$)")


def measured_against_it(text: str, pos: int) -> bool:
    """Does the sentence going on from ``pos`` measure its first name against "it" (``_MEASURED_AGAINST_IT``)?
    (A substring test first: the pattern is tried for every sentence-initial name.)"""
    end = _sentence_end(text, pos)
    window = text[pos:end]
    if _BEATEN.match(text, pos, end) is not None:
        return True  # "Mistral-7B-Instruct-v0.3 is beaten everywhere": what the text's model beat, not its subject
    if " it" not in window and " them" not in window and "它" not in window and "其" not in window:
        return False
    return _MEASURED_AGAINST_IT.match(text, pos, end) is not None


# a name opening a sentence in the passive of a win ("X is beaten everywhere", "X 被全面超越"): the baseline
_BEATEN = re.compile(r"\s*(?:(?:is|are|was|were|gets?|got)\s+(?:\w+\s+)?(?:beaten|outperformed|surpassed|outscored|overtaken|"
                     r"edged\s+out)\b|(?:也|都|则)?被(?:[^，,。]{0,8}?)(?:超越|超过|击败|打败|反超))", re.IGNORECASE)


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_END.search(text, pos, pos + 300)
    return m.start() if m else min(len(text), pos + 300)


_INSIDE_CHINESE_NAME = re.compile(r"[\u3400-\u9fff][-·]$")
# (the dash first, the Chinese character before it a look-behind: ``re`` skips ahead to each dash instead of trying
# every Chinese character of a Chinese text)
_ZH_NAME_HINT = re.compile(r"[-·](?<=[\u3400-\u9fff][-·])(?=\d|[A-Za-z])")
# (after a speaker's label too: "**记者：** 玄鸟-2 Flash 的定位是什么？" asks about the model the answer goes on about)
_SENTENCE_LEAD_ZH = re.compile(r"(?:^|。|！|？|；|\n)[ \t*>#]*(?:[\u4e00-\u9fff]{1,6}[：:][ \t*]*)?(" + CJK_HYBRID_NAME.pattern + ")",
                               re.MULTILINE)


# "基于 Qwen2.5-32B-Instruct 训练", "与上一代 X 相比", "用 8 张 A800": a name after these opens the sentence
# but is what the topic is built on or measured against, not the topic (one-character words only
# right before the name: they hide inside longer words)
_NOT_TOPIC_BEFORE = led(re.compile(r"基于|使用|采用|借助|相比|对比|相较|不如|超过|超越|优于|落后|仅次于|对标|蒸馏自|来自|"
                               r"领先|击败|打败|逊于|低于|高于|胜过|强于|弱于|不及|比肩|媲美|追平|赶超|"
                               # "据 DeepSeek 技术报告，…": whose report it is, not what the text goes on about
                               r"(?<![数证])据\s*$|根据\s*$|按照?\s*$|"
                               r"(?:用|与|和|跟|同|比|较|以|从|被)(?:上一代|前代|此前的|之前的|上[一个]?(?:季度|版本?|月|周|期|次|轮)的?"
                               # ("与上一季度发布的玄鸟-1.5 比": when it came out, then 的)
                               r"(?:[^，。,；;的]{1,6}的)?)?[\s*]*$"
                               # "Against Llama-3.1-8B, …", "Relative to its predecessor X, the new model …"
                               r"|(?i:\b(?:against|compared\s+(?:to|with)|relative\s+to|according\s+to|unlike|versus|vs\.?|"
                               r"ahead\s+of|behind|beat(?:s|ing)?|trail(?:s|ing)?|outperform(?:s|ing)?|surpass(?:es|ing)?|"
                               r"match(?:es|ing)?|rival(?:s|ing)?|exceed(?:s|ing)?|edg(?:es|ing)\s+out|top(?:s|ping)|"
                               r"(?:on\s+par|level|tied|even|neck\s+and\s+neck)\s+with|close\s+to|short\s+of|"
                               r"like|over|than|above|below|beyond|beside|next\s+to|based\s+on|built\s+on|distilled\s+from)"
                               r"\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:(?:previous|prior|predecessor|original|base|"
                               r"baseline|older|larger|smaller|teacher|strong|stronger)\s+){0,2}"
                               r"(?:(?:release|version|model|generation|flagship|checkpoint|system)\s+)?[\s*]*$)"
                               # "Where GPT-4o manages 13.4% …, Halyard reaches 63.3%": a clause set against the main one
                               # (opening the sentence: not "This is where X differentiates itself")
                               r"|(?<![A-Za-z] )\b(?:Where|Whereas)\s+(?:the\s+)?$"
                               # "Its predecessor, tern-7b-instruct, scored 62.5": an earlier release, set beside the topic
                               r"|(?i:\b(?:its|their|the)\s+predecessor,?\s*$)"))


_LISTED_TOGETHER = re.compile(r"\s*(?:and|&|和|与|以及|、|/)\s*")


@dataclass
class _Context:
    """What earlier sentences of the section established: the model talked about, the benchmark.

    The benchmark of the paragraph so far is looked up lazily (only when a sentence names
    none), by scanning the text skipped since the last look; that keeps the gazetteer
    regex off the many sentences that never need it.
    """

    text: str = ""
    para_start: int = 0
    scanned_to: int = 0
    model: str | None = None
    model_pos: int = -1
    benchmark: str | None = None

    section_benchmark: str | None = None  # the last benchmark named anywhere earlier in the section
    section_benchmarks: set[str] = field(default_factory=set)  # every one named so far (name keys)
    title_benchmark: str | None = None  # the one benchmark the document's title names, if it names one
    section_scanned_to: int = -1
    section_benchmark_end: int = -1  # where it was named
    # how far a sentence asked for the section's benchmark without reading it (``SentenceBenchmark``), and the
    # stretches a later named benchmark jumped over before they were scanned (their names still count as named)
    section_requested_to: int = -1
    section_unscanned: list[tuple[int, int]] = field(default_factory=list)
    # the baselines the topic was compared with so far in the document (one set shared by its sections' contexts)
    measured_against: set[str] = field(default_factory=set)
    earlier_model: str | None = None  # the topic before the last sentence that took over (``take_over``)
    # the benchmarks the paragraph's sentences named so far, in order ("… on HumanEval and LiveCodeBench. On SWE-bench
    # Verified … That puts it ahead of GPT-4o-mini on all three")
    paragraph_benchmarks: list[str] = field(default_factory=list)
    # those of the paragraph before ("… 74.2% on MMLU.\n\nFor reference, Llama scored 84.5%, 72.6 and 69.4% on the
    # same three")
    last_paragraph_benchmarks: list[str] = field(default_factory=list)
    # the model the topic was last set against (a comparison's other side, another model's value): who 对方 ("the other
    # party") is in a sentence naming nobody else ("SWE-bench Verified 上，对方 42.0%，我们 38.5%")
    other_party: str | None = None
    # the one pair the sentence before compared, in its order ("Halcyon-3 Ultra scores 74.8 against 72.6 for GPT-4o"):
    # whose a value pair is in a next sentence that names no model ("On GPQA Diamond the gap is wider: 59.1 versus 53.6")
    last_pair: tuple[str, str] | None = None

    def was_measured_against(self, name: str) -> bool:
        """Is ``name`` (or the short form it is) a baseline the topic was already compared with? Such a name at a
        sentence's start ("但要知道 R1-Distill 系列是蒸馏自 DeepSeek-R1，能在同尺寸上压它一头") does not take over."""
        return self.model is not None and any(name in baseline for baseline in self.measured_against)

    def take_over(self, name: str, pos: int) -> None:
        """``name`` (opening a sentence at ``pos``) is the topic now; the one before is kept as ``earlier_model``."""
        if self.model is not None and self.model != name:
            self.earlier_model = self.model
        self.model, self.model_pos = name, pos

    def keeps_topic_from(self, name: str) -> bool:
        """Does the topic stay, though a sentence opens with ``name``? It does for a baseline the topic was already
        compared with, and for a widely known model (GPT-4o, Llama-3.1-70B) while the topic is a model that is not
        one: a text on a new model names the known ones as its yardsticks ("GPT-4o sits at 53.6 in the same table",
        then "I get 76.4 on GPQA Diamond" is still about the new model)."""
        if self.was_measured_against(name):
            return True
        vendor = lexicons().vendor_regex
        return self.model is not None and vendor.match(name) is not None and vendor.match(self.model) is None

    def new_paragraph(self, pos: int) -> None:
        self.benchmark = None
        self.last_pair = None
        if self.paragraph_benchmarks:
            self.last_paragraph_benchmarks = self.paragraph_benchmarks
        self.paragraph_benchmarks = []
        self.para_start = self.scanned_to = pos

    def listed_pair_before(self, pos: int) -> tuple[str, str] | None:
        """The last two benchmarks the paragraph named before ``pos``, when it named them together ("added GPQA
        Diamond and MATH-500"): what two values joined in a later sentence naming none are on."""
        found = _benchmark_matches(self.text, self.para_start, pos)
        if len(found) < 2 or not _LISTED_TOGETHER.fullmatch(self.text, found[-2].end(), found[-1].start()):
            return None
        return found[-2].group(0), found[-1].group(0)

    def listed_in_the_line_before(self) -> list[str]:
        """The benchmarks the line right before the paragraph names ("Q. HumanEval and LiveCodeBench, please.", then
        "A. Ultra scored 92.7 and 41.5 pass@1, respectively."): what a "respectively" naming none is on, when the
        paragraph named none yet (a blank line in between: none)."""
        end = self.para_start - 1
        if end <= 0 or self.text[end] != "\n":
            return []
        return [m.group(0) for m in _benchmark_matches(self.text, self.text.rfind("\n", 0, end) + 1, end)]

    def benchmark_before(self, pos: int) -> str | None:
        if self.scanned_to < pos:
            found = _last_benchmark(self.text, self.scanned_to, pos)
            if found is not None:
                self.benchmark = found
            self.scanned_to = pos
        return self.benchmark

    def section_benchmark_before(self, pos: int) -> str | None:
        if self.section_scanned_to < 0:
            self.section_scanned_to = self.para_start
        if self.section_scanned_to < pos:
            found = _benchmark_matches(self.text, self.section_scanned_to, pos)
            if found:
                last = found[-1]
                self.section_benchmark, self.section_benchmark_end = last.group(0), last.end()
                self.section_benchmarks.update(_norm(m.group(0)) for m in found)
            self.section_scanned_to = pos
        return self.section_benchmark

    def sole_section_benchmark(self, pos: int) -> str | None:
        """The benchmark of a section that has named exactly one so far (a report about one evaluation:
        "Overcooked Challenge" named once, then "DPT-Agent 优于 ReAct" paragraphs later)."""
        last = self.section_benchmark_before(pos)
        for a, b in self.section_unscanned:
            self.section_benchmarks.update(_norm(m.group(0)) for m in _benchmark_matches(self.text, a, b))
        self.section_unscanned.clear()
        return last if len(self.section_benchmarks) == 1 else None

    def defer_section_scan(self, pos: int) -> None:
        """A sentence at ``pos`` may ask for the section's benchmark later (``SentenceBenchmark``): what the section
        named before it counts then, even if a benchmark named in between moves the scan on first."""
        self.section_requested_to = max(self.section_requested_to, pos)

    def recent_section_benchmark(self, pos: int, window: int = 300) -> str | None:
        """The section's last benchmark if it was named within ``window`` characters before ``pos``
        ("…在 GSM-Plus 上的性能都大幅下降。\n\nGPT-4 … 仅为 8.23%": the next paragraph's results)."""
        found = self.section_benchmark_before(pos)
        return found if found is not None and pos - self.section_benchmark_end <= window else None

    def recent_or_title_benchmark(self, pos: int) -> str | None:
        """``recent_section_benchmark``, else the title's; the title's first when it is a benchmark the document
        introduces itself: a benchmark paper's results are on its own benchmark, whatever other one the paragraph
        before compared it with ("…nearly indistinguishable on MMLU.\n\nOur agent scores 27.3%")."""
        if self.title_benchmark is not None and own_benchmark_matches(self.title_benchmark):
            return self.title_benchmark
        return self.recent_section_benchmark(pos) or self.title_benchmark

    def saw_benchmark(self, name: str, end: int) -> None:
        if self.section_requested_to > self.section_scanned_to:
            self.section_unscanned.append((self.section_scanned_to, self.section_requested_to))
        self.section_benchmarks.add(_norm(name))
        self.benchmark = self.section_benchmark = name
        self.section_benchmark_end = end
        self.scanned_to = max(self.scanned_to, end)
        self.section_scanned_to = max(self.section_scanned_to, end)


class SentenceBenchmark:
    """The benchmark a sentence that names none is about: the paragraph's, else the section's recent one, the
    title's or the section's only one, looked up on first use (``get``).

    Most sentences that name no benchmark state no comparison either, and the section's lookup scans the section
    text with the gazetteer: about 80 % of that scanning was for sentences that then used nothing. Lazy, the answer
    is the same: the scans are incremental and ``_Context.defer_section_scan`` keeps what a skipped one would have
    counted.
    """

    __slots__ = ("_ctx", "_offset", "_value", "before")

    def __init__(self, value: str | None = None, ctx: _Context | None = None, offset: int = 0,
                 before: tuple[str, ...] = ()) -> None:
        self._value, self._ctx, self._offset = value, ctx, offset
        self.before = before  # the benchmarks the paragraph's earlier sentences named, in order
        if ctx is not None:
            ctx.defer_section_scan(offset)

    def get(self) -> str | None:
        if self._ctx is not None:
            ctx, self._ctx = self._ctx, None
            self._value = ctx.recent_or_title_benchmark(self._offset) \
                or ctx.sole_section_benchmark(self._offset)
        return self._value


def _last_benchmark(text: str, start: int, end: int) -> str | None:
    last = _last_benchmark_match(text, start, end)
    return last.group(0) if last is not None else None


def _last_benchmark_match(text: str, start: int, end: int) -> re.Match[str] | None:
    found = _benchmark_matches(text, start, end)
    return found[-1] if found else None


def _benchmark_matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The benchmarks named in ``text[start:end]`` in order: gazetteer names, and names shaped like a
    benchmark ("Overcooked Challenge", "DeepResearch Bench") in sentences no rule read (no result there);
    of two ending together the longer ("MedQA-Kite", not "MedQA")."""
    found = {m.end(): m for m in benchmark_matches(text, lexicons(), start, end)}
    for m in (*BENCHMARK_SHAPED.finditer(text, start, end), *own_benchmark_matches(text, start, end)):
        other = found.get(m.end())
        if other is None or m.start() < other.start():
            found[m.end()] = m
    return [found[k] for k in sorted(found)]


_BENCH_TITLE = re.compile(r"基准|评测集|数据集|榜单|benchmark|dataset|leaderboard", re.IGNORECASE)


def _benchmark_subject(section: Section) -> str | None:
    """The section's subject when its heading presents it as a benchmark ("MedBench-ZH：一个…评测基准")."""
    subject, title = section.subject, section.title or ""
    if subject and subject in title and _BENCH_TITLE.search(title, title.index(subject) + len(subject)):
        return subject
    return None


# "Across the five reasoning benchmarks, LDD-8B consistently improves …": an opening place or time phrase, then the
# sentence's subject
_OPENING_PHRASE = re.compile(r"(?:On|In|For|Across|At|Over)\s+[^,;.:]{1,60},\s*")


# "对标 DeepSeek-V3，…", "Against GPT-4o, …": a sentence that opens with what it measures against
REFERENCE_OPENING = re.compile(r"(?:[^，,。；;]{0,12}[：:]\s*)?(?:对标|对比|相比|相较于?|比起|(?i:against|compared\s+(?:with|to)|"
                              r"relative\s+to|versus|vs\.?))\s*")
_COMMA_BETWEEN = re.compile(r"\s*[，,]\s*")


# who says a chat's line, with its time: "**[10:02] quokka_dev:** ", "[10:02] mira: ", "10:02 <zed> "
_SPEAKER_PREFIX = re.compile(r"\s*(?:\*\*)?\s*\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*<?[\w.\-@]{1,30}>?\s*[:：]?\s*(?:\*\*)?\s*")


def _update_context(sentence: str, names: list[Mention], section: Section, ctx: _Context, offset: int) -> None:
    # (a label with its metric in parentheses is the benchmark the next sentences are on: "HumanEval (pass@1): …" is
    # HumanEval, "GPQA (Diamond)" GPQA Diamond)
    benches = [n.value if "(" in n.text and n.value else n.text for n in names if n.kind == "benchmark"]
    if benches:
        ctx.saw_benchmark(benches[-1], offset + len(sentence))
        known = {_norm(b) for b in ctx.paragraph_benchmarks}
        for bench in benches:
            if _norm(bench) not in known:
                known.add(_norm(bench))
                ctx.paragraph_benchmarks.append(bench)
    forms = DOCUMENT_SHORT_FORMS.get()
    # (a short form the document set up stands for its full name: "So Sable edges out both of them")
    models = [n for n in names if n.kind in ("model", "name") and not _in_location(sentence, n)
              and n.text not in ROLE_WORD_FORMS  # ("底座是 57.3": the base model a role word stands for is no topic)
              and not _numbered_label(sentence, n.text, n.end)
              and (_is_known_model(n.text) or n.text in forms) and not is_judge(sentence, n)]
    said = _SPEAKER_PREFIX.match(sentence) if ":" in sentence or "：" in sentence else None
    lead = said.end() if said is not None else 0  # ("**[10:02] quokka_dev:** Tern-3-14B weights are up": after who said it)
    if len(models) >= 2 and models[0].start - lead < 20 and REFERENCE_OPENING.fullmatch(sentence, lead, models[0].start) \
            and _COMMA_BETWEEN.fullmatch(sentence, models[0].end, models[1].start):
        # "对标 DeepSeek-V3，星河-4 在 MATH-500 上 …", "Against GPT-4o, Kite-7B …": the reference opens the sentence,
        # its subject comes right after
        models, lead = models[1:], models[1].start
    if models and (models[0].start - lead < 20 or _OPENING_PHRASE.fullmatch(sentence, lead, models[0].start)) \
            and not _NOT_TOPIC_BEFORE.search(sentence, lead, models[0].start) \
            and not measured_against_it(sentence, models[0].end) and not ctx.keeps_topic_from(models[0].text):
        ctx.take_over(forms.get(models[0].text, models[0].text), offset + models[0].start)  # a sentence-initial model


# "我们的 CoRe-RL-7B", "本文提出的 X", "our new Kite-7B", "we propose X": the document's own model (the lead phrases
# are data, ``release_phrases.tsv``, "own"), looked for near the document's start only: abstract, introduction
_OWN_REACH = 12000


def own_model(text: str) -> str | None:
    """The model the document first calls its own, if it names one (the lead phrases are found with
    ``str.find``: a regex over the whole document cost a tenth of a second per hundred documents)."""
    leads: list[int] = []
    text = text[:_OWN_REACH]
    own = lexicon.release_phrases()["own"]
    for phrase in (*(p for p in own if not p.isascii()),
                   *(f"{v} " for p in own if p.isascii() for v in (p, p[0].upper() + p[1:]))):
        at = text.find(phrase)
        while at >= 0:
            end = at + len(phrase)
            while end < len(text) and text[end] in " \t“\"「『":  # (a name in quotes too: 主力模型“天枢-7B”)
                end += 1
            if not (at and phrase.isascii() and text[at - 1].isalpha()):  # not "four new"
                leads.append(end)
            at = text.find(phrase, at + 1)
    for phrase in lexicon.release_phrases()["own_work"]:
        at = text.find(phrase)
        while at >= 0:  # ("参与灵犀-32B-Chat 的 SFT": the model the writer worked on, its work named right after it)
            named = _NAME_RIGHT_AFTER.match(text, at + len(phrase))
            if named is not None and _WORK_AFTER.match(text, named.end(1)):
                leads.append(at + len(phrase))
            at = text.find(phrase, at + 1)
    for at in sorted(leads):
        named = _NAME_RIGHT_AFTER.match(text, at)
        name = named.group(1).rstrip(".") if named is not None else ""
        if is_model_shaped(name) and any(c.isdigit() for c in name):
            return name  # (not "our Paris-based competitor")
    return None


# the work a writer did on a model, right after its name ("参与灵犀-32B-Chat 的 SFT + DPO", "负责 X 的训练")
_WORK_AFTER = re.compile(r"\s*的\s*(?:SFT|DPO|RLHF|PPO|GRPO|训练|研发|开发|预训练|后训练|对齐|微调|评测体系|数据)")
