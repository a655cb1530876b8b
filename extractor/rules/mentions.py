"""Mentions inside one sentence: names (models / benchmarks), numbers, metrics, settings, cues.

Everything here is compiled once per process from the lexicon data files and run on
candidate sentences only. A mention keeps its character offsets into the sentence so
the claim builder can slice exact quotes out of the document text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextvars import ContextVar, Token
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from extractor import lexicon
from extractor.normalize import is_catalogued_model
from extractor.segment import TICKET_KEY, ZH_INTRO_VERB, hybrid_names, is_model_shaped
from vocabulary import fold

CJK = "\u3400-\u9fff"
_HAS_CJK = re.compile(f"[{CJK}]")

# Words that continue a Latin name after a space: "Claude 3.5 Sonnet", "Gemini 2.0 Flash Thinking",
# "SWE-bench Verified", "DeepResearch Bench", "Mistral Small 3.1", "GPT-4 Turbo", "Llama-3 70B".
_NAME_SUFFIXES = (
    "Sonnet|Opus|Haiku|Flash|Pro|Turbo|Mini|mini|Max|Plus|Ultra|Nano|Lite|Instruct|Chat|Base|Thinking|Think|Preview|"
    "Verified|Bench|Edu|Small|Medium|Large|XL|Coder|Math|Vision|Omni|Reasoner|Diamond|Hard|Experimental|Exp|"
    "Distill|Zero|Air|Next|VL|Code|Audio|Realtime|Leaderboard|Arena"
)
_WORD = r"[A-Za-z][A-Za-z0-9]*(?:[-_.+'’][A-Za-z0-9]+)*\+*"
# A name's first word that starts a word; the look-behind sits after the first letter so that ``re`` can
# skip ahead to the next letter (a leading look-behind makes it try every position: twice the time)
_FIRST_WORD = r"[A-Za-z](?<![A-Za-z0-9_@.\-][A-Za-z])[A-Za-z0-9]*(?:[-_.+'’][A-Za-z0-9]+)*\+*"
_NUMWORD = r"\d+(?:\.\d+)*[A-Za-z]*(?:[-_.][A-Za-z0-9]+)*"
# English: join only suffix words and version/size numbers. Chinese context: also join capitalised words,
# since a run of Latin words between Chinese characters is almost always one name ("Street Gaussians").
# (a version number may be followed by one capitalised variant word: "Llama 4 Scout", "Gemini 2.0 Flash-Lite"; a number of
# two digits and one decimal is a score, not a version: "Tianshu-Pro 85.1", while "Mistral Large 24.11" is a version)
NAME_EN = re.compile(
    # (with all its dashed parts: "DeepSeek Coder-V2-Lite", "lifts Coder-Lynx-32B", not "lifts Coder-Lynx")
    # (nothing joins after a possessive: "below DeepSeek-R1's 2029" is R1's value)
    rf"{_FIRST_WORD}(?:(?<!['’]s)[ ](?:(?:{_NAME_SUFFIXES})(?:-[A-Z][a-z]+)?\b(?:[-‐‑][A-Za-z0-9][A-Za-z0-9.]*(?<!\.))*"
    # a capitalised product word right before the version ("Vérité Enterprise 2", "Halcyon Studio 1.5")
    rf"|(?!(?:On|In|At|And|Or|But|With|For|To|The|As|By|Is|Was|Has|Table|Figure|Section|Appendix|Part|Step|Stage|"
    rf"Phase|Round|Level|Day|Week|Chapter|Episode|Season|Version|Group|Team|Top|Rank|Tier|Class|Grade)\b)"
    rf"[A-Z][a-z]+(?=[ ]\d+(?:\.\d+)?\b(?![.,]?\d)(?!\s*(?:%|分|points?|pts|pp))(?!-))"
    rf"|[a-z]\d[A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*\b|(?!\d{{2,}}\.\d(?!\d))\d+(?:\.\d+)?(?:x\d+)?[BbMmKko]?\b(?![.,]?\d)(?!\s*(?:%|分|points?|pts|pp|倍|个))(?!-(?:shot|way|turn|pass|bit|step)s?\b)(?:-\d+(?:\.\d+)?[BbMm]\b(?![.,]?\d))?"
    rf"(?:[ ](?!(?:On|In|At|And|Or|But|With|For|To|The|As|By|Is|Was|Has)\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b(?![ ]?[A-Z]?\d|[-‐‑])\b)?))*"
)
NAME_ZH = re.compile(
    rf"{_FIRST_WORD}(?:(?<!['’]s)[ ](?:[a-z]\d[A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*\b|[A-Z][A-Za-z0-9]*(?:[-_.+/'’][A-Za-z0-9]+)*\+*|(?:{_NAME_SUFFIXES})\b|\d+(?:\.\d+)?(?:x\d+)?[BbMmKko]?\b(?![.,]?\d)(?!\s*(?:%|分|points?|pts|pp|倍|个))(?!-(?:shot|way|turn|pass|bit|step)s?\b)(?:-\d+(?:\.\d+)?[BbMm]\b(?![.,]?\d))?))*"
)

# A number that may be a result: not glued to a name (Qwen2.5, -32B, pass@1, v1.2) and not a fraction of one.
# (not "0-shot", "8-way", "4-bit": a setting or a size, nor the spread after "±", nor a change after a minus sign "−0.4")
# (the look-ahead for the first character comes before the look-behinds, which hold at the same position: a position
# that is no number's fails on one test instead of four)
NUMBER = re.compile(r"(?=[+＋\d])(?<![A-Za-z0-9_@.\-/±\u2212])(?<!± )(?<!\+/- )([+＋]?)(\d+(?:,\d{3})*(?:\.\d+)?)(?!\d)(?![\d.]*[A-Za-z_@])(?!\.\d)"
                    r"(?!-(?:shot|way|bit|step|turn|hop|fold|gram|layer|stage|round|sample|vote|run|seed|attempt|try)s?\b)")
NUMBER_OR_UNIT_WORD = re.compile(r"(?<![A-Za-z0-9_@.\-/])([+＋]?)(\d+(?:\.\d+)?)")

SETTING = re.compile(
    r"(?:pass|maj|cons|avg|mean|best-of|bo|rm)@\d+|\d+-shot|\d+\s*样本|zero-shot|few-shot|one-shot|零样本|少样本|单样本|"
    r"\bCoT\b|chain-of-thought|with tools|使用工具|工具调用|with code|without tools|greedy decoding|greedy|多数投票|majority voting|"
    r"test split|dev split|validation split|测试集|验证集",
    re.IGNORECASE,
)

# Patterns used in hot loops, compiled once (a module-level re.search costs a cache lookup per call).
_SHORT_WORD = re.compile(r"[A-Za-z]{1,6}")
_UPPER_OR_DIGIT = re.compile(r"[A-Z0-9]")
_LATIN_START = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Mention:
    """A matched span of a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    text: str
    kind: str  # "model", "benchmark", "name", "subject"
    value: str = ""


@dataclass
class Lexicons:
    """All regexes and tables compiled from the data files (built once per process)."""

    benchmark_regex: re.Pattern[str]
    benchmark_lookup: dict[str, str]
    metric_regex: re.Pattern[str]
    unit_regex: re.Pattern[str]
    cue_regex: re.Pattern[str]
    cue_table: dict[str, lexicon.ComparisonCue]
    subject_regex: re.Pattern[str]
    vendor_regex: re.Pattern[str]
    not_after: re.Pattern[str]
    stopwords: frozenset[str]
    backref_regex: re.Pattern[str] = re.compile(r"(?!)")  # "该基准", "the same benchmark"
    metric_names: frozenset[str] = field(default_factory=frozenset)


def norm_name(name: str) -> str:
    """How names are compared: the shared folding (``vocabulary.fold``: case, width, spaces, dashes, dots,
    apostrophes)."""
    return fold(name)


def canonical_benchmark(name: str, lex: Lexicons) -> str:
    """A benchmark by its gazetteer name ("τ-bench (airline)" and "TAU-bench Airline" are one), else as written."""
    return lex.benchmark_lookup.get(norm_name(name), name)


def _alt(phrases: list[str] | tuple[str, ...] | set[str], ci: bool = False) -> str:
    """Any of ``phrases`` (trie-compiled; ``ci``: lower-cased, for use inside ``(?i:...)``)."""
    return lexicon.phrase_pattern(phrases, ignore_case=ci)


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    lookup: dict[str, str] = {}
    aliases: list[str] = []
    for entry in lexicon.benchmarks():
        for alias in entry.aliases:
            lookup.setdefault(norm_name(alias), entry.canonical)
            aliases.append(alias)
    # Short letters-only aliases (MATH, DROP, RACE) only match case-sensitively; others ignore case.
    lower_ok = lexicon.lowercase_benchmarks()  # ("gpqa", "mmlu" in chats; not "math", "race")
    exact = [a for a in aliases if _SHORT_WORD.fullmatch(a) and a.lower() not in lower_ok]
    loose = [a for a in aliases if a not in exact]
    # one trie (not two alternated ones): every branch starts with a literal, so ``re`` skips ahead
    spellings = [v for a in loose for v in lexicon.case_variants(a)] + exact
    bench = re.compile(rf"{_alt(spellings)}(?![A-Za-z0-9]|-[A-Za-z0-9])")
    metrics = lexicon.metric_words()
    surfaces = lexicon.metric_surfaces()
    exact_case = [m for m in surfaces if m.isascii() and m.isalpha() and m.isupper() and len(m) <= 3]  # IS, not "is"
    metric_latin = [m for m in surfaces if m.isascii() and m not in exact_case]
    metric_cjk = [m for m in surfaces if not m.isascii()]
    metric_regex = re.compile(lexicon.word_phrase_pattern(metric_latin, metric_cjk, plain_ignore_case=True,
                                                          exact=exact_case))
    units = lexicon.unit_words()
    unit_regex = re.compile(rf"\s*(?:(?:{_alt([u for u in units if not u.isascii() or not u.isalpha()], ci=True)})|"
                            rf"(?:{_alt([u for u in units if u.isascii() and u.isalpha()], ci=True)})(?![A-Za-z]))")
    cues = lexicon.comparison_cues()
    cue_latin = [c.phrase for c in cues if c.phrase.isascii()]
    cue_cjk = [c.phrase for c in cues if not c.phrase.isascii()]
    cue_regex = re.compile(lexicon.word_phrase_pattern(cue_latin, cue_cjk))
    subjects = list(lexicon.subject_words())
    subj_latin = [s for s in subjects if s.isascii()]
    subj_cjk = [s for s in subjects if not s.isascii()]
    subject_regex = re.compile(lexicon.word_phrase_pattern(subj_latin, subj_cjk))
    vendors = lexicon.model_vendors()
    vendor_regex = re.compile(rf"(?:{_alt(vendors, ci=True)})(?=$|[-_ .0-9]|[A-Z]|o\b|v\d)", re.ASCII)
    backrefs = lexicon.benchmark_backrefs()
    backref_regex = re.compile(lexicon.word_phrase_pattern([b for b in backrefs if b.isascii()],
                                                           [b for b in backrefs if not b.isascii()]))
    nc = lexicon.not_claim_words()
    not_after = re.compile(rf"\s*(?:{_alt(nc['after'])})")
    return Lexicons(
        benchmark_regex=bench, benchmark_lookup=lookup, metric_regex=metric_regex, unit_regex=unit_regex,
        cue_regex=cue_regex, cue_table={c.phrase.lower(): c for c in cues}, subject_regex=subject_regex,
        vendor_regex=vendor_regex, not_after=not_after, backref_regex=backref_regex,
        stopwords=lexicon.name_stopwords() | frozenset(metrics),
        metric_names=frozenset(m.lower() for m in metrics.values()),
    )


@lru_cache(maxsize=1)
def _hardware() -> frozenset[str]:
    return lexicon.hardware()


def is_cjk_sentence(sentence: str) -> bool:
    return _HAS_CJK.search(sentence) is not None


# Words after a name that say it is a benchmark / dataset.
_BENCH_AFTER = re.compile(
    r"\s*(?:基准测试|基准|数据集|测试集|评测集|评测|榜单|排行榜|竞赛|挑战赛|游戏中|游戏上|任务中|任务上|环境[上中]|"
    r"benchmarks?|datasets?|leaderboard|test set|suite|考试)",
    re.IGNORECASE,
)
_BENCH_SHAPE = re.compile(r"(?:Bench|bench|BENCH|Eval|EVAL|QA|VQA|Arena|Leaderboard|Challenge)(?:[-+ ]?[A-Za-z0-9.]*)?$|^MM[A-Z]")


# A benchmark by its shape alone, for the cheap scans of sentences no rule reads.
# (the word-start check sits after the first letter, so ``re`` can skip ahead to the next capital)
BENCHMARK_SHAPED = re.compile(r"[A-Z](?<![A-Za-z0-9][A-Z])[A-Za-z0-9]*(?:[- ][A-Z][A-Za-z0-9]*)*?[- ]?"
                              r"(?:Bench|Eval|QA|VQA|Arena|Challenge)(?:-[A-Za-z0-9.]*[A-Za-z0-9])*(?![A-Za-z])")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|io|ai|cn|net)(?:/\S*)?")


def benchmark_matches(text: str, lex: Lexicons, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Gazetteer benchmarks in ``text[start:end]`` that start a word.

    The regex has no leading look-behind (it would stop ``re`` from skipping ahead by the
    first character), so the word-start check is done here.
    """
    for m in lex.benchmark_regex.finditer(text, start, len(text) if end is None else end):
        a = m.start()
        if a and (text[a - 1].isascii() and text[a - 1].isalnum() or text[a - 1] == "-"):
            continue
        yield m


# "the OpenHands scaffold", "the SWE-agent harness", "the lm-eval framework": a tool a model was run with
_TOOL_AFTER = re.compile(r"\s+(?:agent\s+)?(?:scaffold|scaffolding|harness|framework|toolkit)s?\b", re.IGNORECASE)
# A capitalised English compound adjective: a word, a hyphen, then one of these.
_ENGLISH_COMPOUND = re.compile(r"[A-Z][A-Za-z]+-(?:based|time|centric|harness|only|level|style|like|free|aware|specific|wise|"
                               r"scale|sized|grained|tuned|class|generation|context|shot|turn|step|oriented|driven|"
                               r"heavy|intensive|friendly|ready|native|agnostic|domain|world|source|reported|measured|verified|"
                               r"estimated|claimed|stated|published)")


def _vendor_word(text: str, lex: Lexicons, cjk: bool) -> bool:
    """Does ``text`` start with a model family's name? In English a plain lower-case word is one only with a
    version after it ("qwen2.5", "llama-3"): "a clear step up", "the command line" name no Step or Command
    model (a Chinese sentence's lower-case Latin word is a name: "跟 qwen 基本打平")."""
    m = lex.vendor_regex.match(text)
    if m is None:
        return False
    word = m.group(0)
    # (a dash then a word is no version: "step-level", "mistral-style")
    return cjk or not word.islower() or len(text) > len(word) and not text[len(word)].isspace() \
        and (text[len(word)] != "-" or any(c.isdigit() for c in text[len(word):].split(" ", 1)[0]))


_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]")


def find_names(sentence: str, lex: Lexicons) -> list[Mention]:
    """Latin names in ``sentence``, each classed as benchmark, model or (unknown) name."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    # Gazetteer benchmarks first (they may contain spaces: "SWE-bench Verified", "GPQA Diamond").
    for m in benchmark_matches(sentence, lex):
        end = m.end()
        qualifier = _BENCH_QUALIFIER.match(sentence, end)  # "MATH Lvl-5", "GPQA (Diamond)" is the benchmark's part
        if qualifier is not None:
            end = qualifier.end()
        metric = _METRIC_IN_PARENS.search(sentence, m.start(), end)
        if metric is not None:
            end = metric.start()  # "HumanEval (pass@1)": the benchmark; the parentheses hold its metric
        out.append(Mention(m.start(), end, sentence[m.start():end], "benchmark",
                           lex.benchmark_lookup.get(norm_name(m.group(0)), "")))
        taken.append((m.start(), end))
    cjk = is_cjk_sentence(sentence)
    name_re = NAME_ZH if cjk else NAME_EN
    urls = [(u.start(), u.end()) for u in _URL.finditer(sentence)] if "/" in sentence else []
    for m in name_re.finditer(sentence):
        s, e, text = m.start(), m.end(), m.group(0)
        if urls and any(a <= s < b for a, b in urls):
            continue
        if any(a < e and s < b for a, b in taken):
            # A longer name that contains a gazetteer benchmark ("LLaVA-NeXT" vs "NeXT") wins only if longer.
            overlapping = [x for x in out if x.start < e and s < x.end]
            # (but words, then a whole benchmark, then perhaps its value are a name and the benchmark: "Halcyon
            # MMLU-Pro 71.3", "reports C-Eval 79.4" in a Chinese sentence's wider name pattern)
            inner = [x for x in overlapping if x.start > s and sentence[x.start - 1] == " "
                     and _VALUE_OR_NOTHING.fullmatch(sentence, x.end, e)]
            if any(x.start == s and x.kind == "benchmark" and (
                    _METRIC_AND_VALUE.fullmatch(sentence, x.end, e)
                    or sentence.startswith(" ", x.end) and lex.metric_regex.fullmatch(sentence, x.end + 1, e))
                   for x in overlapping):
                continue  # "Codeforces Elo 2061", "Codeforces Elo 为": a benchmark, its metric (and value), not a name
            leading = next((x for x in overlapping if x.start == s and x.kind == "benchmark"
                            and sentence.startswith(" ", x.end)), None)
            if leading is not None and is_catalogued_model(sentence[leading.end + 1:e]):
                # "On GPQA Diamond o1 is 75.7": the benchmark, then a model the sentence is about
                out.append(Mention(leading.end + 1, e, sentence[leading.end + 1:e], "model"))
                continue
            rest = sentence[leading.end + 1:e] if leading is not None else ""
            if leading is not None and rest and _CAPITALISED_WORD.match(rest) and is_model_shaped(rest.rstrip(".")) \
                    and norm_name(sentence[s:e]) not in lex.benchmark_lookup:
                # "On LiveCodeBench Halcyon 2.5 Flash managed 29.4%", "On GPQA Diamond Kestrel 3 Max scores 60": the
                # benchmark, then a name of its own (the gazetteer's longest match already took "MMLU-Pro", "GPQA Diamond")
                s, text = leading.end + 1, rest
            elif inner:
                e = inner[0].start - 1
                text = sentence[s:e]
            elif all(x.end - x.start >= e - s for x in overlapping):
                continue
            else:
                out = [x for x in out if not (x.start < e and s < x.end)]
        text = text.rstrip(".")
        tail = _TRAILING_VALUE.search(text)
        if tail is not None and (any(c.isdigit() for c in text[:tail.start()]) or text[:tail.start()].endswith(("'s", "’s"))
                                 or norm_name(text[:tail.start()]) in lex.benchmark_lookup):
            # "GPT-4o 88.7", "Claude 3.5 Sonnet 88.3", "MMLU 87.1": the value after a name ("Llama 3.1" is one)
            text = text[:tail.start()]
        if text.endswith(("'s", "’s")):  # "OpenAI's GPT-4o", "o1's 48.9%": the owner, without the 's
            text = text[:-2]
        e = s + len(text)
        if s <= 4 and text.isalpha() and text.isupper() and _SPEAKER_COLON.match(sentence, e) \
                and norm_name(text) not in lex.benchmark_lookup:
            continue  # "TOMÁS: On AIME 2024 it solves …": a speaker's name in a transcript, not a model
        if "_" in text and not any(c.isupper() for c in text):
            continue  # "kernel_panic_at_3am", "leah_w": a user name, not a model
        if s and "@" in sentence[max(0, s - 2):s]:
            continue  # "楼主 @ lazycat2046", "@kimi_fan99": a forum handle, not a model
        if _MONTH_RANGE.fullmatch(text) or RUN_LABEL.fullmatch(text):
            continue  # "(Oct-Feb problems)": a date range; "step-5000", "S101" (a patent's step): a label, not a model
        if _VERSION_ONLY.fullmatch(text) and (any(x.kind == "benchmark" and _OPEN_PAREN_GAP.fullmatch(sentence, x.end, s)
                                                  for x in out)):
            continue  # "LiveCodeBench (v4 window)", "Arena-Hard (v0.1, …)": the benchmark's version, not a model
        if _ENGLISH_COMPOUND.fullmatch(text):
            continue  # "Same-harness numbers", "Training-time approaches", "Paris-based": an adjective, not a model
        if _TOOL_AFTER.match(sentence, e):
            continue  # "with the OpenHands scaffold it resolves 28.8%": how the model was run, not a model
        if text.lower() in lex.stopwords or len(text) < 2 and not text.isupper() \
                or text.split("-", 1)[0].lower() in _hardware():  # "H100-hours" is a cost, not a model
            continue
        # Plain lower-case words ("surpassing o1-mini", "reaches 80.1") and "Our 7B" are not names:
        # drop leading words until one looks like a name.
        while True:
            first, _, rest = text.partition(" ")
            if _UPPER_OR_DIGIT.search(first) and first.lower() not in lex.stopwords or _vendor_word(first, lex, cjk):
                break
            s, text = s + len(first) + 1, rest
            if not rest or not _LATIN_START.match(rest):
                break
        if not text or not _LATIN_START.match(text) or text.split(" ", 1)[0].lower() in lex.stopwords:
            continue
        if not _UPPER_OR_DIGIT.search(text.split(" ", 1)[0]) and not _vendor_word(text, lex, cjk):
            continue
        if TICKET_KEY.fullmatch(text) and norm_name(text) not in lex.benchmark_lookup \
                or _VERSION_ONLY.fullmatch(text) and _NOT_A_RELEASE_AFTER.match(sentence, e):
            continue  # "EVAL-2291" (a ticket, though "MATH-500" is a benchmark), "the v2 template" (no release)
        out.append(Mention(s, e, text, classify_name(sentence, s, e, text, lex)))
    if "4o" in sentence:  # "4o", "4o-mini": how chats write GPT-4o (a name's first character is a letter elsewhere)
        for m in _FOUR_O.finditer(sentence):
            if not any(x.start < m.end() and m.start() < x.end for x in out):
                out.append(Mention(m.start(), m.end(), m.group(0), "model"))
    has_cjk = _HAS_CJK.search(sentence) is not None
    if has_cjk and ("-" in sentence or "·" in sentence):  # (an English sentence holds no Chinese name to scan for)
        for m in hybrid_names(sentence):  # "星河-13B", "混元-Large"
            s, e = m.start(), m.end()
            inside = [x for x in out if s <= x.start and x.end <= e and x.kind != "benchmark"]  # "v0.3" of "星衡-13B v0.3"
            if not any(x.start < e and s < x.end for x in out if x not in inside):
                out = [x for x in out if x not in inside]
                out.append(Mention(s, e, m.group(0), classify_name(sentence, s, e, m.group(0), lex)))
    if has_cjk:
        for m in _zh_brand_regex().finditer(sentence):  # "文心 4.5", "豆包 1.5 Pro", "混元 Turbo S"
            s, e = m.start(), m.end()
            if s and _CJK_CHAR.match(sentence, s - 1) and sentence[s - 1] not in _PARTICLES_BEFORE_NAME:
                continue  # inside a longer Chinese word (but "超过第二名的文心4.5" follows a particle)
            inside = [x for x in out if s <= x.start and x.end <= e]  # "Turbo S" of "混元 Turbo S"
            if not any(x.start < e and s < x.end for x in out if x not in inside):
                out = [x for x in out if x not in inside]
                out.append(Mention(s, e, m.group(0), "model"))
    if "在" in sentence and not any(x.kind == "benchmark" and x.value for x in out):
        # Chinese descriptive evaluations: "在数学、物理等学科的基准能力测试中", "在仿真环境中的...题目上" (not when the
        # sentence names a gazetteer benchmark: "在中文知识类评测中，…其在 CMMLU 与 C-Eval 上" heads a category)
        for m in _ZH_BENCH_PHRASE.finditer(sentence):
            g = 1 if m.group(1) is not None else 2
            a, b = m.start(g), m.end(g)
            if not any(x.kind == "benchmark" and x.start < b and a < x.end for x in out):
                out = [x for x in out if not (a <= x.start and x.end <= b)]
                out.append(Mention(a, b, m.group(g), "benchmark"))
    out.sort(key=lambda x: x.start)
    return out


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:[a-z]{0,6})"
_MONTH_RANGE = re.compile(rf"{_MONTH}(?:\s*[-–—]\s*{_MONTH})+(?:\s+\d{{4}})?")
_FOUR_O = re.compile(r"(?<![\w.\-])4o(?:[- ]mini)?(?![\w\-])")
# ("HW3", "PS2", "Quiz4", "Lecture12": a course's assignment or session)
# (and an OKR's key result, "KR2：GPQA Diamond 超过 GPT-4o")
RUN_LABEL = re.compile(r"(?:step|iter|iteration|epoch|hw|homework|ps|quiz|lecture|lec|KR)[-_]?\d+|S\d{3,4}", re.IGNORECASE)
# "up from 69.4 on Kestrel-34B-rc2": where an earlier value was measured, on another model, not a benchmark
_EARLIER_RUN_ON = re.compile(r"\b(?:up|down)\s+from\s+\d+(?:\.\d+)?\s*%?\s+on\s+$"
                             # ("improves on Tianshu-8 by 4.2 pp", "builds on Qwen2.5-7B": the model it is measured against)
                             r"|\b(?:improv(?:es|ed|ing)|builds?|built|building|based|trained|fine-tuned|distilled)\s+(?:up)?on\s+$",
                             re.IGNORECASE)
_VERSION_ONLY = re.compile(r"(?:[vV]|rc|RC)\d+(?:\.\d+)*")  # ("v0.9.1", "rc2": a release, no benchmark)
# "the v2 template", "the v3 prompt": a version of the thing after it, not a release of a model
_NOT_A_RELEASE_AFTER = re.compile(r"\s+(?:template|prompt|config|harness|split|tokenizer|grader|scorer|parser|format|schema"
                                  r"|pipeline|script|recipe|dataset|data|set|judge|rubric|leaderboard|API|endpoint)s?\b")
_OPEN_PAREN_GAP = re.compile(r"\s*[(（]\s*")
# A level or split written right after a benchmark's name: "MATH Lvl-5", "MATH Level 5", "LiveCodeBench v5"
_METRIC_IN_PARENS = re.compile(r" \((?:pass|maj|cons|avg|best)@\d+\)$|\s\((?:\d+-shot|EM|F1|acc)\)$", re.IGNORECASE)
_BENCH_QUALIFIER = re.compile(r" (?:Lvl|Level|L)[- ]?\d+\b| v\d+(?:\.\d+)?\b")
_TIER = r"(?:Turbo|Pro|Max|Plus|Lite|Ultra|Mini|mini|Flash|Air|Speed|Vision|VL|Thinking|S|X)"


@lru_cache(maxsize=1)
def _zh_brand_regex() -> re.Pattern[str]:
    """A Chinese brand with the version or tier after it (``extractor/data/zh_model_brands.txt``)."""
    # (a trie with a literal first character, so ``re`` skips ahead; the left edge is checked by the caller)
    brands = _alt(lexicon.zh_model_brands())
    return re.compile(rf"{brands}[ \t]?(?:\d+(?:\.\d+)*(?![\d.%])(?:[ \t]?{_TIER}\b)*"
                      rf"|{_TIER}\b(?:[ \t]?{_TIER}\b)*)")


_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_PARTICLES_BEFORE_NAME = frozenset("的是和与及了在比较于对被让给过越为而但则也都就还名们")  # (名: "领先第二名文心 4.5"; 们: "我们玄鸟 Pro")
_TRAILING_VALUE = re.compile(r" \d+\.\d+$")
_PREDECESSOR_RIGHT_BEFORE = re.compile(r"(?:上一代|上代|前代|前一代|旧版|老版|上一版|\b(?:predecessor|previous|older|old))\s*$",
                                       re.IGNORECASE)
_VALUE_OR_NOTHING = re.compile(r"(?: \d+(?:\.\d+)?)?")
# (a speaker's place or role may stand between the name and the colon: "RAY (Duluth): …")
_SPEAKER_COLON = re.compile(r"\s*(?:[(（][^()（）\n]{1,30}[)）]\s*)?[:：]")
_METRIC_AND_VALUE = re.compile(r"(?: [A-Za-z]+(?:@\d+)?)? \d+(?:\.\d+)?")


_ZH_BENCH_PHRASE = re.compile(
    r"在([^，。,；;在\s][^，。,；;在]{1,38}?(?:基准能力测试|能力测试|基准测试|测评集|测评|评测集|评测|测试集|评估集|问答集|题库|榜单|排行榜|竞赛|考试|题目|挑战赛))(?:中|上|里)"
    # "在十余个癌种上取得 95%": any short place right before a score verb is what was evaluated
    r"|在([^，。,；;在\s\dA-Za-z][^，。,；;在A-Za-z]{1,14}?)(?:中|上)\s*(?=(?:都|均|也|分别)?(?:取得|达到|获得|实现)了?\s*\d)"
)


_LOCATION_BEFORE = re.compile(r"(?:在|于|on|On)\s*$")
_LOCATION_AFTER = re.compile(r"\s*(?:上|中|里|测试|评测|任务)")


@lru_cache(maxsize=4096)
def _cached_names(sentence: str) -> tuple[Mention, ...]:
    return tuple(find_names(sentence, lexicons()))


def sentence_names(sentence: str) -> list[Mention]:
    """``find_names`` with the process's lexicons, computed once per sentence text: the mention
    layer and the claim rules both ask for the same candidate sentences. While a document's claims
    are read, the Chinese short forms it introduced ("星河" for 星河-14B) are names too."""
    names = list(_cached_names(sentence))
    short = DOCUMENT_SHORT_FORMS.get()
    if short and any(" " in n.text for n in names):
        # "青鸾 38.9，Kimi 37.2": a short form the document set up, then a value, is the name and its value
        names = [_without_trailing_value(n, short, sentence) for n in names]
    forms = DOCUMENT_UNMATCHED_FORMS.get()
    if forms and (_HAS_CJK.search(sentence) or any(f.isascii() and f in sentence for f in forms)):
        names = _with_unmatched_short_forms(sentence, names, forms)
    if DOCUMENT_BENCHMARKS.get() is not None:
        names = _with_own_benchmarks(sentence, names)
    return names


def _with_own_benchmarks(sentence: str, names: list[Mention]) -> list[Mention]:
    """``names`` with the document's own benchmarks ("DeepTrace", "DeepTrace-Fresh") as benchmarks, whatever the
    name's context made of them."""
    own = own_benchmark_matches(sentence)
    if not own:
        return names
    kept = [n for n in names if not any(m.start() < n.end and n.start < m.end() for m in own)]
    added = [Mention(m.start(), m.end(), m.group(0), "benchmark") for m in own]
    return sorted([*kept, *added], key=lambda x: x.start)


def _without_trailing_value(name: Mention, short: Mapping[str, str], sentence: str) -> Mention:
    tail = _TRAILING_VALUE.search(name.text)
    if tail is None or name.text[:tail.start()] not in short:
        return name
    if _PREDECESSOR_RIGHT_BEFORE.search(sentence, max(0, name.start - 8), name.start):
        return name  # ("较上一代知微-Pro 1.5 分别提升": an earlier release of the line, not its value)
    return Mention(name.start, name.start + tail.start(), name.text[:tail.start()], "model")


def document_short_forms(forms: Mapping[str, str]) -> tuple[Token[Mapping[str, str]], Token[tuple[str, ...]]]:
    """Make ``forms`` (short form -> full name) the current document's, until ``forget_short_forms``."""
    # the forms the name regex cannot find: Chinese heads ("星河"), and tails with a space ("Pro 1.5" of "Halcyon Pro
    # 1.5": "Pro" alone is no name's first word); the others are found by the name regex
    # and those starting with a version ("2.1-Pro" of "Halyard-2.1-Pro": a name's first character is a letter)
    # and a tier word the name regex never takes for a name ("Pro" of "天衡-2-Pro": "Pro 是 84.1")
    stop = lexicon.name_stopwords()
    # (longest first: "Pro 1.5" before "Pro")
    # and the lower-case parts of a run's checkpoint id ("sft-v3", "dpo" of "tern-dpo-v3")
    unmatched = tuple(sorted((f for f in forms if _CJK_CHAR.match(f) or " " in f or f[:1].isdigit() or f.lower() in stop
                              or f.islower()),
                             key=len, reverse=True))
    return DOCUMENT_SHORT_FORMS.set(MappingProxyType(dict(forms))), DOCUMENT_UNMATCHED_FORMS.set(unmatched)


def forget_short_forms(tokens: tuple[Token[Mapping[str, str]], Token[tuple[str, ...]]]) -> None:
    DOCUMENT_SHORT_FORMS.reset(tokens[0])
    DOCUMENT_UNMATCHED_FORMS.reset(tokens[1])


_AFTER_BENCHMARK_LOCATIVE = re.compile(r"[A-Za-z0-9%]\s?$")  # "GSM8K 上星河和 Qwen 持平": 上 is where, 星河 starts


# Short forms of the models the current document introduced, and the full names they stand for ("Ferrous" ->
# "Ferrous-Coder 14B", "星河" -> 星河-14B): set by ``extractor.rules.frames`` for the duration of one document, from its entity registry,
# which resolves them back to the full names.
DOCUMENT_SHORT_FORMS: ContextVar[Mapping[str, str]] = ContextVar("document_short_forms",
                                                                 default=MappingProxyType({}))
# (those of them the name regex cannot find: Chinese heads, and tails with a space such as "Pro 1.5")
DOCUMENT_UNMATCHED_FORMS: ContextVar[tuple[str, ...]] = ContextVar("document_unmatched_forms", default=())
# The benchmarks the current document introduces itself (``extractor.rules.introduced``), as a pattern finding them and
# their splits ("DeepTrace", "DeepTrace-Fresh"): set by ``extractor.rules.frames`` for the duration of one document.
DOCUMENT_BENCHMARKS: ContextVar[re.Pattern[str] | None] = ContextVar("document_benchmarks", default=None)


def document_benchmarks(names: frozenset[str]) -> Token[re.Pattern[str] | None]:
    """Make ``names`` the current document's own benchmarks, until ``forget_document_benchmarks``."""
    pattern = None
    if names:
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pattern = re.compile(r"(?<![A-Za-z0-9-])(?:" + alternatives + r")(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9])")
    return DOCUMENT_BENCHMARKS.set(pattern)


def forget_document_benchmarks(token: Token[re.Pattern[str] | None]) -> None:
    DOCUMENT_BENCHMARKS.reset(token)


def own_benchmark_matches(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The current document's own benchmarks named in ``text[start:end]``."""
    pattern = DOCUMENT_BENCHMARKS.get()
    return [] if pattern is None else list(pattern.finditer(text, start, len(text) if end is None else end))


_VERSIONED_FORM = re.compile(r"[\u3400-\u9fff].* \d(?:\.\d)?$")
# a comparison or release verb right before a Chinese short form ("GLM 领先青鸾 2.6 分", "超过星河")
_VERB_BEFORE_FORM = re.compile(f"(?:{ZH_INTRO_VERB})$")


def _with_unmatched_short_forms(sentence: str, names: list[Mention], forms: tuple[str, ...]) -> list[Mention]:
    """``names`` and every short form of ``forms`` in ``sentence`` outside them: a Chinese head word has no spaces
    around it ("星河垫底，只有 71.3"), and a tier with its version starts at a word no name starts with ("for Pro
    1.5"), so the name regex finds neither; the document's registry knows both."""
    added: list[Mention] = []
    for form in forms:
        at = sentence.find(form)
        while at >= 0:
            end = at + len(form)
            # (a Chinese name with its version is whole whatever comes before it: "上一代澜舟-R 2.0")
            before_ok = at == 0 or _VERSIONED_FORM.match(form) is not None \
                or not _CJK_CHAR.match(sentence, at - 1) and not (form.isascii() and (
                sentence[at - 1].isalnum() or sentence[at - 1] in "-_.")) or sentence[at - 1] in _PARTICLES_BEFORE_NAME \
                or _VERB_BEFORE_FORM.search(sentence, max(0, at - 2), at) is not None \
                or sentence[at - 1] in "上中" and _AFTER_BENCHMARK_LOCATIVE.search(sentence, 0, at - 1) is not None
            appositive = _APPOSITIVE_NAME.match(sentence, end) if " " in form else None
            if appositive is not None and any(x.start == appositive.end() and x.kind != "benchmark" for x in names):
                at = sentence.find(form, end)  # "its backbone, Llama-3.1-8B-Instruct": the name itself is given
                continue
            if before_ok and sentence[end:end + 1] not in ("-", "·") \
                    and not (form.isascii() and (sentence[end:end + 1].isalnum() or sentence[end:end + 2][:1] == "."
                                                 and sentence[end + 1:end + 2].isdigit())) \
                    and not any(x.start < end and at < x.end and not (at <= x.start and x.end <= end)
                                for x in (*names, *added)):
                # (a name inside the form is part of it: "R1" of "the R1 distill")
                names = [x for x in names if not (at <= x.start and x.end <= end)]
                added.append(Mention(at, end, form, "model"))
            at = sentence.find(form, end)
    return sorted([*names, *added], key=lambda x: x.start) if added else names


_APPOSITIVE_NAME = re.compile(r"\s*[,，(（]\s*")
_ON_RIGHT_BEFORE = re.compile(r"(?<![A-Za-z])[Oo]n\s+$")  # "on ViWikiFC", not "prior-generation Helix-Large"


def classify_name(sentence: str, start: int, end: int, text: str, lex: Lexicons) -> str:
    """benchmark (gazetteer, shape or context), model (known vendor family) or name (unknown)."""
    if lex.vendor_regex.match(text):
        return "model"
    if norm_name(text) in lex.benchmark_lookup:
        return "benchmark"
    if _BENCH_AFTER.match(sentence, end) or _BENCH_SHAPE.search(text):
        return "benchmark"
    # "在 ISE-DSC01 上达到" / "on ViWikiFC": a place where a result is obtained (not a release: "88.0 on v0.9.1").
    # (nor a model's size: "up from 69.4 on Kestrel-34B-rc2" names where the value was measured, on another model)
    # (nor one that owns what follows: "on Morrow's own run" is where the run was, by whom)
    if not _VERSION_ONLY.fullmatch(text) and not _EARLIER_RUN_ON.search(sentence, max(0, start - 30), start) \
            and sentence[end:end + 2] not in ("'s", "’s") \
            and _LOCATION_BEFORE.search(sentence, max(0, start - 4), start) and (_LOCATION_AFTER.match(sentence, end)
                                                                      or _ON_RIGHT_BEFORE.search(sentence, max(0, start - 4), start)):
        return "benchmark"
    return "name"


def find_subject_words(sentence: str, lex: Lexicons) -> list[Mention]:
    """Words standing for the subject (它, 该模型, our method), and size references ("the 72B",
    "72B 版本", "the smaller variant"), kind "sizeref": the document's entity registry resolves those.

    Remembered per sentence text (the mention layer and the claim rules both ask; cleared per document)."""
    if lex is not lexicons():
        return _subject_words(sentence, lex)
    return list(_cached_subject_words(sentence))


def cue_matches(sentence: str, lex: Lexicons) -> tuple[re.Match[str], ...]:
    """The comparison cue phrases of ``sentence`` (remembered per sentence text: the mention layer and
    several rules scan for them; cleared per document)."""
    if lex is not lexicons():
        return tuple(lex.cue_regex.finditer(sentence))
    return _cached_cues(sentence)


@lru_cache(maxsize=4096)
def _cached_cues(sentence: str) -> tuple[re.Match[str], ...]:
    found = tuple(lexicons().cue_regex.finditer(sentence))
    if " behind" in sentence:
        # "the model behind it, tess-coder-22b", "the team behind Kestrel": what powers or made it, no comparison
        found = tuple(m for m in found if not (m.group(0).lower() == "behind"
                                               and _MAKER_BEFORE_BEHIND.search(sentence, 0, m.start()) is not None))
    return found


_MAKER_BEFORE_BEHIND = re.compile(r"\b(?:model|team|company|people|folks|lab|engine|tech|technology|research|"
                                  r"researchers|engineers|startup|group|minds?)s?\s+$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _cached_subject_words(sentence: str) -> tuple[Mention, ...]:
    return tuple(_subject_words(sentence, lexicons()))


def _subject_words(sentence: str, lex: Lexicons) -> list[Mention]:
    out = [Mention(m.start(), m.end(), m.group(0), "subject") for m in lex.subject_regex.finditer(sentence)]
    if "B" in sentence or "M" in sentence or "er " in sentence or "est " in sentence:
        sizes = [Mention(m.start(), m.end(), m.group(0), "sizeref") for m in SIZE_REFERENCE.finditer(sentence)]
        if sizes:
            out = sorted([x for x in out if not any(z.start <= x.start < z.end for z in sizes)] + sizes,
                         key=lambda x: x.start)
    return out


# "the 72B", "the 8B model", "72B 版本", "405B 是 88.6", "the smaller variant", "the largest model": a model by its size
# (each branch's first character from one class, so that ``re`` skips ahead to it; the branch checks it again with a
# look-behind, in the branches' old order, and the look-behinds before it are two characters wide after it)
SIZE_REFERENCE = re.compile(
    r"[TtOoIi\d](?:(?<!\w[\s\S])(?:(?<=[Tt])he|(?<=[Oo])ur|(?<=[Ii])ts|(?<=[Tt])his)\s+"
    r"(?:\d+(?:\.\d+)?[BM](?:\s+(?:model|variant|version|checkpoint|sibling)s?)?"
    r"|(?:smaller|smallest|larger|largest|bigger|biggest)\s+(?:model|variant|version|sibling|one|checkpoint)"
    # ("the mini model", "its Pro sibling": a model by its tier word, when the document names one of that tier)
    r"|(?:mini|Mini|Pro|Ultra|Flash|Lite|Max|Turbo|Nano)\s+(?:model|variant|version|sibling))\b"
    r"|(?<=\d)(?<![A-Za-z0-9.\-]\d)\d*(?:\.\d+)?[BM]\s*(?:版本|模型|型号)"
    # "MMLU 上 405B 是 88.6": a bare size right before its value's verb
    r"|(?<=\d)(?<![A-Za-z0-9.\-]\d)\d*(?:\.\d+)?[BM](?=\s*(?:是|为|拿到|拿了|达到|得分|的(?:得分|成绩|分数|准确率))\s*\d))")
