"""Prose claims (zh + en): score and comparison statements in running text.

Works sentence by sentence on the candidate sentences only (``extractor.candidates``).
Inside a sentence the mentions (names, numbers, metrics, settings, cue phrases) come from
``extractor.rules.mentions``; this module decides which of them form a claim:

* a result-like number + a benchmark + a model (named, or the section's subject when the
  sentence says 它 / 该模型 / our method or names nobody) -> a score claim;
* a comparison cue (优于, 与 Y 相当, 比 Y 高, outperforms, on par with...) + a subject +
  one or more baselines -> one comparison claim per baseline, with the margin if stated.

Quotes are always slices of the document text, so ``text[start:end] == quote`` holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from extractor import lexicon
from extractor.candidates import has_name, trigger_positions
from extractor.rules.mentions import (
    NUMBER,
    SETTING,
    Lexicons,
    Mention,
    benchmark_matches,
    find_names,
    find_subject_words,
    is_cjk_sentence,
    lexicons,
)
from extractor.segment import is_model_shaped, sentence_bounds
from schemas import ComparisonClaim, Document, ScoreClaim, Section

AnyClaim = ScoreClaim | ComparisonClaim

_CLAUSE_SEP = re.compile(r"[，;；:：—]|,(?!\d{3}(?!\d))|——|\s-\s|(?<=[a-z])\s+(?:while|whereas|but|and then)\s+")
_LIST_INTRO = re.compile(r"\s*(?:如|例如|比如|包括|包含|including|such as|e\.g\.,?|like)\s*")
_LIST_SEP = re.compile(r"^(?:\s*(?:、|,|，|和|与|及|以及|或|and|or|&|/|以及)\s*)+$", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"^(?:如果|假如|若|倘若|假设|要是)|\b(?:if|would|could potentially|might)\b", re.IGNORECASE)
_SPEED = re.compile(r"速度|加速|更快|延迟|吞吐|成本|显存|内存|参数|费用|价格|speed|faster|latency|throughput|cost|memory|cheaper|fewer|tokens?", re.IGNORECASE)
_SCORE_VERB = re.compile(
    r"达到|达|取得|获得|实现|拿下|得分|分数|成绩|准确率|为|是|提高到|提升到|上升到|\b(?:achiev\w*|scor\w*|reach\w*|attain\w*|obtain\w*|got|gets|hits?|of|at|with)\b",
    re.IGNORECASE,
)
_EN_ON_BENCH = re.compile(r"\s*(?:[(（][^()（）]{0,40}[)）]\s*)?(?:[A-Za-z@0-9-]+\s+){0,3}?(?:on|in|at)\s+(?:the\s+)?",
                          re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d$")
_SPREAD_UNIT = re.compile(r"\s*(?:±|\+/-)\s*\d+(?:\.\d+)?\s*[%％]")
_ZH_THAN_MARGIN = re.compile(r"比[^，,。；;比]{1,24}?(?:高|低|多|少|好|差|强|弱)(?:了|出)?\s*(?:约|近|超过)?\s*$")
_RESULT_NOUN_AFTER = re.compile(r"\s*(?:分)?\s*的\s*(?:表现|成绩|得分|分数|总分|平均分|准确率|正确率)")
# After a number, a word that makes it a count ("scored 2 wins", "scored 3 goals"), not a score.
_COUNT_NOUN_AFTER = re.compile(r"\s+(?!(?:on|in|at|across|for|and|or|with|points?|pts|elo|overall|out)\b)[A-Za-z]")
# Right before a bare number: it is a score or rating, not a year or a count ("scored 2005 on OCRBench",
# "an Elo of 1950", "Codeforces rating 为 1950", "得分 856").
_RATING_BEFORE = re.compile(
    r"(?:\bscor(?:es|ed|ing)|\bscore\s+(?:of|is|was)|\brating(?:\s+(?:of|is|was))?|\belo(?:\s+(?:of|is|was|rating))?"
    r"|得分(?:为|是|达到|高达)?|评分(?:为|是)?|rating\s*(?:为|是|达到))\s*$", re.IGNORECASE)
_BARE_RANGE = re.compile(r"\s*(?:-|–|~|～|到|至)\s*(\d+(?:\.\d+)?)")
_RANGE = re.compile(r"\s*(?:到|至|~|～|–|—|-|to)\s*(\d+(?:\.\d+)?)")
_RESPECTIVELY = re.compile(r"分别|respectively", re.IGNORECASE)
_BASELINE_WORD = re.compile(r"基线|基准模型|baselines?|基础模型", re.IGNORECASE)
_THAN_CONNECTOR = re.compile(r"比|较之|较|相比于|相较于|相对于|than")
_WITH_CONNECTOR = re.compile(r"(?<![不相共一协参给赋])与|跟|(?<![不相共一协如等])同(?![时样类])|和|及")
_EN_REGION_END = re.compile(r"\s+(?:on|in|across|by|at|for|while|with|when|under|using|over|among|and (?:achiev|reach|scor|set|is|are|was))\b|\(|\[", re.IGNORECASE)
_ZH_REGION_TRIM = re.compile(
    r"(?:在|的(?:性能|表现|水平|水准|成绩|效果|结果|能力|质量|精度|准确率|得分|分数)|(?:性能|表现|水平|水准|成绩|效果|结果)).*$")
_PARTICLES = "了过等的着 \u3000\"“”「」『』《》()（）"
_DELTA_GAP = re.compile(r"^\s*(?:了|出|约|达|高达|超过|多达|近|将近|整整|by|of|about|around|over|nearly|up to|more than|\+|足足|分别)?\s*(?:了)?\s*$", re.IGNORECASE)

# Patterns used in hot loops, compiled once (a module-level re.search costs a cache lookup per call).
_NOT_UNIT_FEN = re.compile(r"分(?:钟|之|别|析|类|布|成|为|支|割|数)")
_FROM_OPEN = re.compile(r"从[^，,。从]{0,20}$|\bfrom\s+$")
_DE_GAP = re.compile(r"\s*(?:的|'s|’s)\s*")  # "OpenAI 的 o1", "OpenAI's GPT-4o"
_DIGIT = re.compile(r"\d")
_ZAI_OPEN = re.compile(r"在[^，,。在]*$")
_LOCATION_CLOSE = re.compile(r"[^，,。]{0,6}?(?:上|中|里)")
_NAME_PUNCT = re.compile(r"[\s\-_.'’‘`·]+")
_NOT_AN_OWNER = re.compile(r"模型|方法|系统|框架|它|其|[中上里]$|测试|基准|数据集|任务|榜单")
_OPEN_PAREN = re.compile(r"[(（]")
_EN_ON_TAIL = re.compile(r"\b(?:on|in)\s+(?:the\s+)?$")
_LIST_GAP = re.compile(r"\s*(?:、|,|，)?\s*(?:以及|and|or|及)?\s*")
_COMMA_GAP = re.compile(r"\s*[,，]\s*")
_PAREN_PREFIX = re.compile(r"\s*[(（]\s*(?:by\s+|about\s+|约|近)?")
_PAREN_VALUE = re.compile(r"^\s*[(（][^()（）]{0,24}[)）]")
_INSIDE_PAREN = re.compile(r"[(（][^)）]*$")
_CLOSE_PAREN = re.compile(r"\s*[)）]")
_NUMBER_LEAD = re.compile(r"\s*(?:了|过|出|约|达|近)?\s*[+＋]?\d")
_DE_DESCRIBED_SYSTEM = re.compile(r"\s*的\s*[^\s，,。、和与及]{1,8}?(?:模型|系统|方法)")
_DE_TAIL = re.compile(r"的.*$")
_THAT_OF = re.compile(r"^(?:that of|those of)\s+")
_ONLY_NUMBERS = re.compile(r"[\d.\s%]+")
_GENERIC_BASELINE = re.compile(r"(?:the\s+|所有|全部|各|现有|原始|普通的?)?(?:基线|基线模型|基准模型|baselines?|baseline models?)", re.IGNORECASE)
_LIST_WORD = re.compile(r"和|、|以及|及|与|或|and|or|,")


@dataclass(slots=True)
class Number:
    start: int
    end: int  # end including the unit
    value: float
    unit: str | None
    signed: bool
    value_high: float | None = None


def extract_prose_claims(document: Document, skip: Sequence[tuple[int, int]] = ()) -> Iterator[AnyClaim]:
    """Claims stated in the running text of ``document`` (sections must be filled).

    ``skip`` holds sorted ``(start, end)`` regions the prose rules must not read: results
    tables, whose rows the table reader turns into claims with the right row/column
    meaning (prose patterns over a flattened row yield junk such as "model | 71.2 | 65.0").

    Only the lines (paragraphs) that hold a trigger are split into sentences; the topic
    model of the other sentences comes from one regex pass over the whole text
    (``_leading_models``), so the cost grows with the candidate text, not the document.
    """
    lex = lexicons()
    text = document.text
    seen: set[tuple[object, ...]] = set()
    hits = trigger_positions(text, score_verbs=False)
    if skip:
        hits = _outside(hits, skip)
    leading: list[tuple[int, str]] = []
    for section in document.sections:  # the topic is only needed up to a section's last trigger
        k = bisect_left(hits, section.end) - 1
        if k >= 0 and hits[k] >= section.start:
            leading += _leading_models(text, section.start, hits[k] + 1)
    lead_pos = [p for p, _ in leading]
    title_benchmark = _title_benchmark(document, lex)
    for section in document.sections:
        ctx = _Context(text=text, para_start=section.start, scanned_to=section.start, model_pos=section.start - 1,
                       section_scanned_to=section.start, title_benchmark=title_benchmark)
        i = bisect_left(hits, section.start)
        while i < len(hits) and hits[i] < section.end:
            line_start = max(section.start, text.rfind("\n", section.start, hits[i]) + 1)
            line_end = text.find("\n", hits[i], section.end)
            line_end = section.end if line_end < 0 else line_end
            ctx.new_paragraph(line_start)  # a new paragraph: the previous benchmark no longer applies
            for a, b in _bounded(text, sentence_bounds(text, line_start, line_end)):
                if text.startswith("#", a):  # a headline states claims too ("…：数学推理超越 o1-mini")
                    a = _HEADING_MARK.match(text, a).end()  # type: ignore[union-attr]
                k = bisect_left(hits, a)
                if not (k < len(hits) and hits[k] < b) or a >= b or text.startswith(("[", "http"), a) \
                        or not has_name(text, a, b):
                    continue  # no trigger, a link, or no name nor pronoun: nothing a rule can attribute
                j = bisect_left(lead_pos, a) - 1
                if j >= 0 and lead_pos[j] > ctx.model_pos:
                    ctx.model, ctx.model_pos = leading[j][1], lead_pos[j]
                local = section
                if section.subject is None and ctx.model is not None:
                    local = section.model_copy(update={"subject": ctx.model})
                for claim in sentence_claims(document, local, a, text[a:b], lex, ctx):
                    key = (claim.kind, claim.model, claim.benchmark, claim.value, claim.baseline, claim.start, claim.end)
                    if key not in seen:
                        seen.add(key)
                        yield claim
            i = bisect_left(hits, line_end + 1)


_HEADING_MARK = re.compile(r"#+\s*")


def _title_benchmark(document: Document, lex: Lexicons) -> str | None:
    """The benchmark a report is about ("Who leads SWE-bench Verified?"): named alone in the first title."""
    first = next((s.title for s in document.sections if s.title), None)
    found = {m.group(0) for m in benchmark_matches(first, lex)} if first else set()
    return found.pop() if len(found) == 1 else None


def _outside(hits: list[int], regions: Sequence[tuple[int, int]]) -> list[int]:
    """The sorted ``hits`` that fall in none of the sorted ``regions``."""
    out: list[int] = []
    i = 0
    for a, b in regions:
        j = bisect_left(hits, a, i)
        out.extend(hits[i:j])
        i = bisect_left(hits, b, j)
    out.extend(hits[i:])
    return out


_MAX_SENTENCE = 1200
_SOFT_BREAK = re.compile(r"[，,、:：]\s*")


def _bounded(text: str, bounds: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Sentences, with run-ons (tables flattened into one line, minified text) cut at commas.

    The rules look at a sentence as a whole many times over; a 100 000-character "sentence"
    would make that quadratic, and no claim spans more than a few clauses anyway.
    """
    for a, b in bounds:
        while b - a > _MAX_SENTENCE:
            cut = None
            for m in _SOFT_BREAK.finditer(text, a + _MAX_SENTENCE // 2, a + _MAX_SENTENCE):
                cut = m.end()
            cut = cut or a + _MAX_SENTENCE
            yield a, cut
            a = cut
        if b > a:
            yield a, b


# The first Latin name of every sentence, if it comes within its first ~20 characters: the topic tracker's input.
# Every branch of the sentence-end alternation starts with a literal (no "^"), so ``re`` skips ahead
# to the next possible sentence end; the text's very first sentence is matched by ``_TEXT_LEAD``.
_LEAD_NAME = r"[^。！？；!?;\n.A-Za-z]{0,17}?(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]*(?:[-_.+][A-Za-z0-9]+)*)"
_SENTENCE_LEAD = re.compile(r"(?:。|！|？|；|!|\?|;|\n|\.[ \t])" + _LEAD_NAME)
_TEXT_LEAD = re.compile(_LEAD_NAME)


def _leading_models(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(offset, name) of each sentence-initial known model name in ``text[start:end]``."""
    stop = len(text) if end is None else end
    found = list(_SENTENCE_LEAD.finditer(text, max(0, start - 1), stop))  # start - 1: the newline before a line
    first = _TEXT_LEAD.match(text, 0, stop) if start == 0 else None
    if first is not None:
        found.insert(0, first)
    return [(m.start(1), m.group(1)) for m in found if _is_known_model(m.group(1))]


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
    title_benchmark: str | None = None  # the one benchmark the document's title names, if it names one
    section_scanned_to: int = -1
    section_benchmark_end: int = -1  # where it was named

    def new_paragraph(self, pos: int) -> None:
        self.benchmark = None
        self.para_start = self.scanned_to = pos

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
            last = None
            for m in benchmark_matches(self.text, lexicons(), self.section_scanned_to, pos):
                last = m
            if last is not None:
                self.section_benchmark, self.section_benchmark_end = last.group(0), last.end()
            self.section_scanned_to = pos
        return self.section_benchmark

    def recent_section_benchmark(self, pos: int, window: int = 300) -> str | None:
        """The section's last benchmark if it was named within ``window`` characters before ``pos``
        ("…在 GSM-Plus 上的性能都大幅下降。\n\nGPT-4 … 仅为 8.23%": the next paragraph's results)."""
        found = self.section_benchmark_before(pos)
        return found if found is not None and pos - self.section_benchmark_end <= window else None

    def saw_benchmark(self, name: str, end: int) -> None:
        self.benchmark = self.section_benchmark = name
        self.section_benchmark_end = end
        self.scanned_to = max(self.scanned_to, end)
        self.section_scanned_to = max(self.section_scanned_to, end)


def _last_benchmark(text: str, start: int, end: int) -> str | None:
    last = None
    for m in benchmark_matches(text, lexicons(), start, end):
        last = m.group(0)
    return last


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


def _numbers(sentence: str, lex: Lexicons) -> list[Number]:
    out: list[Number] = []
    for m in NUMBER.finditer(sentence):
        if out and m.start() < out[-1].end:
            continue  # the upper end of a range already read
        if sentence[m.start() - 1:m.start()] == "[" and sentence[m.end():m.end() + 1] == "]":
            continue  # a citation "[1]"
        raw = m.group(2).replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        end = m.end()
        unit: str | None = None
        um = lex.unit_regex.match(sentence, end)
        if um:
            word = um.group(0).strip().lower()
            unit = _unit_of(word)
            end = um.end()
        if lex.not_after.match(sentence, m.end()) and unit is None:
            continue
        before = sentence[max(0, m.start() - 2):m.start()]
        if before.endswith(("第", "$", "¥", "￥", "Top-", "top-", "前")):
            continue
        if unit is None and _YEAR.fullmatch(m.group(2)) \
                and not _RATING_BEFORE.search(sentence, max(0, m.start() - 24), m.start()):
            continue  # "2024" is a year; "2,029" (Elo) and "an Elo of 1950" are not
        if unit == "points" and sentence.startswith("分", um.start() if um else end) and _NOT_UNIT_FEN.match(sentence[(um.start() + len(um.group(0)) - len(um.group(0).lstrip())) if um else end:]):
            # "分钟", "分别", "分析"... are not the unit 分.
            unit, end = None, m.end()
        if unit is None:
            spread = _SPREAD_UNIT.match(sentence, end)  # "53.0 ± 1.1%": the unit comes after the spread
            if spread is not None:
                unit = "%"
        number = Number(m.start(), end, value, unit, bool(m.group(1)))
        if unit is None:
            # "30-90%", "80~90%": a range whose unit comes after the upper end
            hm = _BARE_RANGE.match(sentence, end)
            um2 = lex.unit_regex.match(sentence, hm.end()) if hm else None
            if hm and um2 and float(hm.group(1)) > value:
                number.value_high, number.unit = float(hm.group(1)), _unit_of(um2.group(0).strip().lower())
                number.end = um2.end()
                out.append(number)
                continue
        rm = _RANGE.match(sentence, end)
        from_to = _FROM_OPEN.search(sentence[max(0, m.start() - 20):m.start()]) is not None
        if rm and unit is not None and not from_to and not sentence[end:rm.start(1)].strip().startswith(("提高", "提升")):
            high = float(rm.group(1))
            if high > value:
                number.value_high = high
                um2 = lex.unit_regex.match(sentence, rm.end())
                number.end = um2.end() if um2 else rm.end()
        out.append(number)
    return out


def _unit_of(word: str) -> str | None:
    if word in ("%", "％"):
        return "%"
    if word in ("倍", "x", "×", "times"):
        return "x"
    return "points"


def _model_mentions(names: list[Mention]) -> list[Mention]:
    return [n for n in names if n.kind in ("model", "name")]


def _pick_subject(sentence: str, names: list[Mention], subjects: list[Mention], before: int,
                  section: Section, exclude: tuple[int, int] = (0, 0),
                  not_subjects: frozenset[int] = frozenset(), barrier: int = 0) -> Mention | None:
    """The model a statement at ``before`` is about: the nearest name before it, or the section subject.

    ``not_subjects``: start offsets of names already used as baselines in this sentence
    ("X 超过了 Y，甚至接近 Z": the subject of 接近 is still X, not Y).
    """
    bench_starts = {n.start for n in names if n.kind == "benchmark"}
    cands = [n for n in _model_mentions(names) if barrier <= n.start and n.end <= before
             and not (exclude[0] <= n.start < exclude[1]) and n.start not in not_subjects
             and not _in_location(sentence, n) and not _owns_benchmark(sentence, n, bench_starts)
             and not _is_attribute(sentence, n) and not _in_setting_parens(sentence, n)
             and not _COMPONENT_AFTER.match(sentence, n.end)
             and (_subject_ok(n.text, section) or _ACTS.match(sentence, n.end))]
    # a bare 我们/we far from the statement ("我们确保……专家的准确率达到 65%") is about something else
    subj = [s for s in subjects if barrier <= s.start and s.end <= before
            and (before - s.end <= 30 or s.text.lower() not in ("我们", "we", "本文"))]
    best = cands[-1] if cands else None
    if subj and (best is None or subj[-1].start > best.end) and section.subject:
        return Mention(subj[-1].start, subj[-1].end, section.subject, "subject")
    if best is not None:
        return best
    if section.subject:
        return Mention(-1, -1, section.subject, "subject")
    return None


_ACTS = re.compile(r"\s*(?:取得|达到|获得|实现|拿下|的准确率|的得分|的成绩|的表现|的性能|在[^，,。]{1,30}?(?:上|中)(?:取得|达到|获得)|"
                   r"scores|scored|achieves|achieved|reaches|reached|obtains|outperforms|surpasses|beats)")


# "which adds a Whisper encoder": a name used as a part of the model is not what is measured
_COMPONENT_AFTER = re.compile(r"\s*(?:(?:encoders?|decoders?|backbones?|tokenizers?|modules?|adapters?|projectors?|"
                              r"embeddings?|vision tower)\b|编码器|解码器|骨干|主干网络|分词器)", re.IGNORECASE)
_ATTRIBUTE_OWNER = re.compile(r"(?:其|的|\bits|\btheir)\s*$", re.IGNORECASE)


def _is_attribute(sentence: str, name: Mention) -> bool:
    """"其 PDR 最小", "CodeLlama 的 PDR", "its ECE": an acronym owned by something is a measure, not a model."""
    t = name.text
    return len(t) <= 5 and t.isalpha() and t.isupper() and bool(
        _ATTRIBUTE_OWNER.search(sentence, max(0, name.start - 7), name.start)) and not _NAMED_THING.match(
        sentence, name.end)


def _in_setting_parens(sentence: str, name: Mention) -> bool:
    """"GSM8K (8-shot, CoT): 79.1%": a name inside a parenthesised evaluation setting is no subject."""
    open_at = max(sentence.rfind("(", 0, name.start), sentence.rfind("（", 0, name.start))
    if open_at < 0 or max(sentence.rfind(")", open_at, name.start), sentence.rfind("）", open_at, name.start)) >= 0:
        return False
    close = min((i for i in (sentence.find(")", name.end), sentence.find("）", name.end)) if i >= 0), default=-1)
    return close >= 0 and SETTING.search(sentence, open_at, close) is not None


_NAMED_THING = re.compile(r"\s*(?:模型|方法|框架|系统|智能体|models?|methods?|framework|system|agent)", re.IGNORECASE)


def _owns_benchmark(sentence: str, name: Mention, bench_starts: set[int]) -> bool:
    """"EpochAI 的 FrontierMath": the name is the benchmark's owner, not a model."""
    m = _DE_GAP.match(sentence[name.end:name.end + 4])
    return m is not None and name.end + m.end() in bench_starts


@lru_cache(maxsize=65536)
def _is_known_model(name: str) -> bool:
    """Strong evidence of a model (vendor family or a name with a version digit), for topic tracking."""
    lex = lexicons()
    return (is_model_shaped(name) and bool(_DIGIT.search(name) or lex.vendor_regex.match(name))
            and _norm(name) not in lex.benchmark_lookup)


def _subject_ok(name: str, section: Section) -> bool:
    """Can ``name`` be the subject of a claim? Model-shaped names, or the section's own subject."""
    if section.subject and _norm(name) == _norm(section.subject):
        return True
    return is_model_shaped(name)


def _in_location(sentence: str, name: Mention) -> bool:
    """Is the name inside "在 X 上/中" (a place, usually a benchmark, not a subject)?"""
    head = sentence[max(0, name.start - 12):name.start]
    tail = sentence[name.end:name.end + 8]
    return bool(_ZAI_OPEN.search(head)) and bool(_LOCATION_CLOSE.match(tail))


def _benchmarks_near(sentence: str, names: list[Mention], pos: int) -> list[Mention]:
    """Benchmarks for a statement at ``pos``: those of its clause, else the nearest in the sentence."""
    benches = [n for n in names if n.kind == "benchmark"]
    if not benches:
        return []
    cs, ce = _clause_bounds(sentence, pos)
    inside = [b for b in benches if cs <= b.start < ce]
    if inside:
        return inside
    before = [b for b in benches if b.end <= pos]
    if before:
        return [before[-1]]
    return [min(benches, key=lambda b: abs(b.start - pos))]


def _benchmark_group(sentence: str, benches: list[Mention], anchor: Mention) -> list[Mention]:
    """``anchor`` and the benchmarks listed with it ("在 A、B 和 C 上")."""
    group = [anchor]
    ordered = sorted(benches, key=lambda b: b.start)
    i = ordered.index(anchor)
    for j in range(i - 1, -1, -1):
        if _LIST_SEP.match(sentence[ordered[j].end:group[0].start]):
            group.insert(0, ordered[j])
        else:
            break
    for j in range(i + 1, len(ordered)):
        if _LIST_SEP.match(sentence[group[-1].end:ordered[j].start]):
            group.append(ordered[j])
        else:
            break
    return group


def _metric_near(sentence: str, lex: Lexicons, start: int, end: int) -> str | None:
    cs, ce = _clause_bounds(sentence, start)
    best: tuple[int, int, str] | None = None
    for m in lex.metric_regex.finditer(sentence, cs, ce):
        metric = lexicon_metric(m.group(0))
        if not metric:
            continue
        dist = m.start() - end if m.start() >= end else start - m.end()
        if dist > 24:
            continue  # "71.7% on SWE-bench Verified and an Elo rating of 2727": too far to be this number's
        if m.start() >= end and _after_other_value(sentence, end, m.start()):
            continue  # "83.2% on MATH-500 and 55.5 pass@1": a metric after another value is that value's
        # A specific metric (Elo, F1, accuracy) beats a generic "score" word in the same clause.
        rank = (1 if metric in _GENERIC_METRICS else 0, abs(m.start() - start))
        if best is None or rank < best[:2]:
            best = (*rank, metric)
    return best[2] if best else None


_GENERIC_METRICS = frozenset({"score", "average score", "total score"})
# A value standing alone (not the digits of a name such as MATH-500 or GPT-4o).
_STANDALONE_NUMBER = re.compile(r"(?:^|(?<=[\s(（,，:：]))[+-]?\d+(?:\.\d+)?\s*(?:%|％)?(?=[\s,，;；)）%]|$)")


_VALUE_LIST_GAP = re.compile(r"(?:\s*(?:、|,|，|和|与|及|以及|and|or|/)?\s*[+-]?\d+(?:\.\d+)?\s*(?:%|％|分|points?)?)*"
                             r"\s*(?:的|,|，)?\s*(?:average\s+|平均)?", re.IGNORECASE)


def _after_other_value(sentence: str, start: int, end: int) -> bool:
    """Does another value stand between ``start`` and ``end``, other than in a plain list of values?

    "82.3% 和 45.6% 的准确率": the metric after a list is every value's; "83.2% on MATH-500
    and 55.5 pass@1": the metric after another clause's value is that value's only.
    """
    return bool(_STANDALONE_NUMBER.search(sentence, start, end)) and not _VALUE_LIST_GAP.fullmatch(sentence, start, end)


def lexicon_metric(surface: str) -> str | None:
    return lexicon.metric_words().get(surface.lower())


def _setting_near(sentence: str, start: int, end: int | None = None) -> str | None:
    """The evaluation setting of the value at ``start``: its own "(5-shot)" after it, else the nearest one."""
    if end is not None:
        own = _OWN_SETTING.match(sentence, end)
        if own is not None:
            return own.group(1)
    cs, ce = _clause_bounds(sentence, start)
    found = [m for m in SETTING.finditer(sentence, cs, ce)
             if m.start() < start or not _after_other_value(sentence, start + 1, m.start())]
    if not found:
        return None
    return min(found, key=lambda m: abs(m.start() - start)).group(0)


# "55.3 ± 0.6 (5-shot)", "71.9% (maj@8)": the setting in parentheses right after a value is that value's
_OWN_SETTING = re.compile(r"\s*(?:(?:±|\+/-)\s*\d+(?:\.\d+)?\s*%?\s*)?[(（]\s*(" + SETTING.pattern + r")\s*[)）,，;]",
                          re.IGNORECASE)


def sentence_claims(document: Document, section: Section, offset: int, sentence: str,
                    lex: Lexicons, ctx: _Context | None = None) -> list[AnyClaim]:
    """The claims of one sentence (``offset`` = its start in the document text)."""
    ctx = ctx if ctx is not None else _Context()
    all_numbers = _numbers(sentence, lex)
    if not any(_is_result_number(sentence, lex, n) or _LABEL_END.search(sentence, max(0, n.start - 6), n.start)
               for n in all_numbers) and not lex.cue_regex.search(sentence) \
            and not _IMPROVEMENT_OVER.search(sentence) and not _IMPROVES_BY_OVER.search(sentence) \
            and not _WITHIN_OF.search(sentence):
        # no result value and no comparison cue: the cheap triggers (a decimal, a "%") were not results.
        # Skipping before the name matchers is most of the speed; the topic still comes from
        # ``_leading_models`` and the paragraph benchmark from the lazy ``benchmark_before`` scan.
        return []
    names = find_names(sentence, lex)
    # what the paragraph was about before this sentence (looked up only if this one names no benchmark)
    if not any(n.kind == "benchmark" for n in names) and lex.backref_regex.search(sentence):
        # "在该基准上，GPT-4o 准确率为 71.6%": the benchmark named before, or the one the section is about
        referent = ctx.benchmark_before(offset) or ctx.section_benchmark_before(offset) or _benchmark_subject(section)
        if referent is not None:
            ctx.saw_benchmark(referent, offset)
    ctx_benchmark = None if any(n.kind == "benchmark" for n in names) else ctx.benchmark_before(offset)
    if ctx_benchmark is None and not any(n.kind == "benchmark" for n in names) and not _GENERAL_SCOPE.search(sentence):
        # a comparison right after the section's results ("…71.0%。\n\n最终达到与 o1-preview 相当的水平")
        # is about the benchmark just named (or the one the report is about), unless it says it is about
        # many ("在多个基准上")
        ctx_benchmark = ctx.recent_section_benchmark(offset) or ctx.title_benchmark
    _update_context(sentence, names, section, ctx, offset)
    if _HYPOTHETICAL.search(sentence):
        return []
    subjects = find_subject_words(sentence, lex)
    inside_names = bytearray(len(sentence) + 1)
    for m in names:
        inside_names[m.start:m.end] = b"\x01" * (m.end - m.start)
    numbers = [n for n in all_numbers if not inside_names[n.start]]
    comparisons, used_numbers = _comparisons(document, section, offset, sentence, lex, names, subjects, numbers,
                                             ctx_benchmark)
    baseline_spans = [(c.start - offset, c.end - offset, c.baseline) for c in comparisons]
    scores = _scores(document, section, offset, sentence, lex, names, subjects,
                     [n for n in numbers if n.start not in used_numbers], ctx, baseline_spans)
    if len(scores) >= 2 and _CONTRAST.search(sentence):
        # a pair the sentence already compares, in either direction ("略低于 o1-mini 的 60.0 分"), is stated
        stated = {frozenset((_norm(c.model), _norm(c.baseline))) for c in comparisons}
        comparisons += [c for c in _comparisons_from_scores(scores, lex, sentence, offset)
                        if frozenset((_norm(c.model), _norm(c.baseline))) not in stated]
    if comparisons and _VS_PAIR.search(sentence):
        scores += _versus_scores(document, section, offset, sentence, lex, comparisons, scores)
    return [*scores, *comparisons]


_ALL_OF_THEM = re.compile(r"[均都皆](?:已|能|可以|显著|明显|大幅)?|\b(?:both|all)\b", re.IGNORECASE)
_GENERAL_SCOPE = re.compile(
    r"在(?:大多数|多数|多个|各种|各项|众多|所有|一系列|广泛的)[^，。,]{0,14}?(?:上|中|下)|大多数情况|大部分情况|"
    r"\b(?:across|on|in)\s+(?:most|many|all|several|multiple|various|a\s+(?:wide\s+)?range\s+of|a\s+variety\s+of)\b"
    r"|\bacross\s+(?:the\s+)?(?:board|benchmarks|tasks)\b", re.IGNORECASE)
_VS_PAIR = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(%|％)?\s*(?:vs\.?|versus|v\.s\.|对比)\s*(\d+(?:\.\d+)?)\s*(%|％)?(?![\w.])",
                      re.IGNORECASE)


def _versus_scores(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons,
                   comparisons: list[ComparisonClaim], scores: list[ScoreClaim]) -> list[ScoreClaim]:
    """"surpasses Y on HumanEval (86.0 vs. 82.3)": the pair is the subject's score, then the baseline's."""
    out: list[ScoreClaim] = []
    have = {(c.model, c.value) for c in scores}
    for m in _VS_PAIR.finditer(sentence):
        before = [c for c in comparisons if c.start - offset < m.start() and c.benchmark]
        if not before:
            continue
        comp = before[-1]
        unit = "%" if m.group(2) or m.group(4) else "score"
        qs = comp.start - offset
        for model, raw in ((comp.model, m.group(1)), (comp.baseline, m.group(3))):
            if (model, float(raw)) in have:
                continue
            out.append(ScoreClaim(
                model=model, benchmark=comp.benchmark, metric=_metric_near(sentence, lex, m.start(), m.end()),
                value=float(raw), unit=unit, setting=_setting_near(sentence, m.start()), quote=sentence[qs:m.end()],
                source=document.source, section=section.title, start=offset + qs, end=offset + m.end(),
                extractor="rules",
            ))
    return out


_LEADING_NAME = re.compile(r"^\W{0,3}([A-Za-z][A-Za-z0-9]*(?:[-_.+][A-Za-z0-9]+)*)")


def _cheap_context(sentence: str, ctx: _Context) -> None:
    """Track the topic model and benchmark in sentences that hold no claim.

    Only the sentence-initial name is looked at here (benchmarks are looked up lazily by
    ``_Context.benchmark_before``): this runs on every sentence, so it must stay cheap.
    """
    m = _LEADING_NAME.match(sentence)
    if m and _is_known_model(m.group(1)):
        ctx.model = m.group(1)


_BENCH_TITLE = re.compile(r"基准|评测集|数据集|榜单|benchmark|dataset|leaderboard", re.IGNORECASE)


def _benchmark_subject(section: Section) -> str | None:
    """The section's subject when its heading presents it as a benchmark ("MedBench-ZH：一个…评测基准")."""
    subject, title = section.subject, section.title or ""
    if subject and subject in title and _BENCH_TITLE.search(title, title.index(subject) + len(subject)):
        return subject
    return None


def _update_context(sentence: str, names: list[Mention], section: Section, ctx: _Context, offset: int) -> None:
    benches = [n for n in names if n.kind == "benchmark"]
    if benches:
        ctx.saw_benchmark(benches[-1].text, offset + len(sentence))
    models = [n for n in names if n.kind in ("model", "name") and not _in_location(sentence, n)
              and _is_known_model(n.text)]
    if models and models[0].start < 20:
        ctx.model = models[0].text  # a sentence-initial model becomes the topic of what follows
        ctx.model_pos = offset + models[0].start


_CONTRAST = re.compile(r"而|但|相比|相较|对比|whereas|while|compared|versus|\bvs\b", re.IGNORECASE)


def _tight(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a quote span past surrounding whitespace (quotes are stored stripped)."""
    while start < end and sentence[start].isspace():
        start += 1
    while end > start and sentence[end - 1].isspace():
        end -= 1
    return start, end


def _comparisons_from_scores(scores: list[ScoreClaim], lex: Lexicons, sentence: str,
                             offset: int) -> list[ComparisonClaim]:
    """"GPT-4o 仅解决了 12% 的 AIME 问题，而 o1 解决了 74%": two models' scores on one benchmark, contrasted."""
    out: list[ComparisonClaim] = []
    lead = scores[0].model  # the sentence's subject; two baselines' scores are not compared with each other
    for i, a in enumerate(scores):
        for b in scores[i + 1:]:
            if lead not in (a.model, b.model) or a.benchmark != b.benchmark or a.unit != b.unit or _same_name(a.model, b.model) or a.value == b.value:
                continue
            lower_better = _lower_is_better(a.benchmark, a.metric or b.metric, lex)
            win, lose = (a, b) if (a.value > b.value) != lower_better else (b, a)
            ts, te = _tight(sentence, min(a.start, b.start) - offset, max(a.end, b.end) - offset)
            start, end = ts + offset, te + offset
            out.append(ComparisonClaim(
                model=win.model, baseline=lose.model, relation="outperforms", benchmark=win.benchmark,
                metric=win.metric, quote=sentence[start - offset:end - offset], source=win.source,
                section=win.section, start=start, end=end, extractor="rules",
            ))
    return out


def _lower_is_better(benchmark: str | None, metric: str | None, lex: Lexicons) -> bool:
    if metric and metric.lower() in ("perplexity", "fid", "fvd", "wer", "cer", "lpips"):
        return True
    if benchmark:
        entry = _benchmark_direction().get(lex.benchmark_lookup.get(_NAME_PUNCT.sub("", benchmark).lower(), ""))
        if entry is not None:
            return not entry
    return False


@lru_cache(maxsize=1)
def _benchmark_direction() -> dict[str, bool]:
    return {e.canonical: e.higher_is_better for e in lexicon.benchmarks()}


# ---------------------------------------------------------------- score claims


def _scores(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons,
            names: list[Mention], subjects: list[Mention], numbers: list[Number], ctx: _Context,
            baseline_spans: list[tuple[int, int, str]] | None = None) -> list[ScoreClaim]:
    benches = [n for n in names if n.kind == "benchmark"]
    good = [n for n in numbers if _is_result_number(sentence, lex, n) or _labelled_value(sentence, benches, n)]
    if not good:
        return []
    cjk = is_cjk_sentence(sentence)
    aligned: dict[int, Mention] = {}
    model_aligned: dict[int, Mention] = {}
    if _RESPECTIVELY.search(sentence) and len(good) >= 2:
        pct = [n for n in good if n.unit is not None or n.value_high is None]
        if len(benches) == len(pct):
            aligned = {n.start: b for n, b in zip(pct, benches, strict=True)}
        else:
            # "Osprey-7B and Osprey-13B achieve 61.2% and 68.9%, respectively": one value per listed model
            listed = _model_list_before(sentence, names, pct[0].start) or _sized_family(sentence, names, pct[0].start)
            if len(listed) == len(pct):
                model_aligned = {n.start: m for n, m in zip(pct, listed, strict=True)}
    # "X outperforms Y ..., and scores 68.4": a baseline does not own a score of a later clause
    # (a score right after it, "Y(39.49%)", "Y 的强化学习(47 分)", is still Y's)
    baseline_texts = {t for _a, _b, t in baseline_spans or []}
    baseline_names = [n for n in names if n.text in baseline_texts]
    # "our model surpasses GPT-4o and Claude with 28.9% on AIME": the objects of a comparison cue are not
    # the scorers, even when the comparison itself found no nameable subject
    objects = _cue_objects(sentence, lex, names) if not cjk else frozenset()
    if baseline_spans and _VS_PAIR.search(sentence):  # "(76.6% vs 74.6%)" after a comparison: ``_versus_scores``
        paired = {m.start(k) for m in _VS_PAIR.finditer(sentence) for k in (1, 3)}
        good = [n for n in good if n.start not in paired]
    paren_owner: dict[int, Mention] = {}
    if baseline_names:
        # Values in parentheses a few words after a baseline are the baseline's: "DeepSeek 的强化学习(47 分)";
        # several of them ("outperforming Mixtral-style top-2 routing (76.1 and 38.9 respectively)") are
        # not the subject's either, but which benchmark each belongs to is not said here: dropped.
        inside = {n.start: o for n in good if (o := _in_parens_after(sentence, n.start, baseline_names)) is not None}
        by_paren: dict[int, list[int]] = defaultdict(list)
        for start in inside:
            by_paren[max(sentence.rfind("(", 0, start), sentence.rfind("（", 0, start))].append(start)
        paren_owner = {starts[0]: inside[starts[0]] for starts in by_paren.values() if len(starts) == 1}
        good = [n for n in good if n.start not in inside or n.start in paren_owner]
    out: list[ScoreClaim] = []
    for num in good:
        bench = aligned.get(num.start)
        if bench is None and not cjk:
            # English "85.2% (accuracy) on MMLU": the benchmark follows the number.
            m = _EN_ON_BENCH.match(sentence, num.end)
            if m:
                bench = next((b for b in benches if b.start == m.end()), None)
        if bench is None:
            near = _benchmarks_near(sentence, names, num.start)
            if not near:
                ctx_bench = ctx.benchmark_before(offset)
                metric_here = _metric_near(sentence, lex, num.start, num.end)
                if ctx_bench is None and metric_here is not None:
                    # an article about one evaluation keeps naming it less and less: fall back to the
                    # section's last benchmark when the clause says what is measured (准确率, accuracy)
                    ctx_bench = ctx.section_benchmark_before(offset)
                if ctx_bench is None and num.unit == "%":
                    ctx_bench = ctx.recent_section_benchmark(offset) or ctx.title_benchmark
                if ctx_bench is None or num.unit != "%" and metric_here is None:
                    continue
                near = [Mention(-1, -1, ctx_bench, "benchmark")]
            before = [b for b in near if b.end <= num.start]
            bench = before[-1] if before else near[0]
        barrier = _contrast_before(sentence, num.start)
        model = model_aligned.get(num.start) or paren_owner.get(num.start) or _named_after(sentence, num, names) \
            or _baseline_owning(sentence, num, baseline_spans or [], names) \
            or _pick_subject(sentence, names, subjects, num.start, section, barrier=barrier,
                             not_subjects=objects | frozenset(n.start for n in baseline_names if n.end < num.start
                                                              and _CLAUSE_SEP.search(sentence, n.end, num.start)))
        if model is None or model.text == bench.text or barrier and model.start < barrier:
            continue
        metric = _metric_near(sentence, lex, num.start, num.end)
        if model.start < 0 and (bench.start < 0 and (metric is None or metric in _GENERIC_METRICS)
                                or _owned_by_other(sentence, num.start)):
            continue  # neither the model nor the benchmark is in the sentence, and nothing says what is measured
        unit = num.unit or ("elo" if metric == "Elo" else "score")
        if unit == "x":
            continue  # "3 倍" is a speed-up or ratio, not a score on the benchmark
        spans = [(num.start, num.end)]
        if bench.start >= 0:
            spans.append((bench.start, bench.end))
        if model.start >= 0:
            spans.append((model.start, model.end))
        qs, qe = _tight(sentence, min(s for s, _ in spans), max(e for _, e in spans))
        quote = sentence[qs:qe]
        out.append(ScoreClaim(
            model=model.text, benchmark=bench.text, metric=metric, value=num.value, value_high=num.value_high,
            unit=unit, setting=_setting_near(sentence, num.start, num.end), quote=quote, source=document.source,
            section=section.title, start=offset + qs, end=offset + qe, extractor="rules",
        ))
    return out


# What a percentage may measure that is not a benchmark result: data, compute, money, speed.
_NOT_RESULT_AFTER = re.compile(
    r"\s*(?:的|以上的?|左右的?)?\s*(?:token|tokens|数据|参数|计算|算力|成本|费用|时间|时长|样本|用户|人|训练|吞吐|速度|延迟|显存|内存|"
    r"throughput|speed|latency|memory|cost|compute|parameters|training|fewer|less|faster|cheaper|"
    r"(?:of\s+(?:the\s+)?)?(?:human|participants|users|people|annotators|respondents|developers|contestants))"
    # "compared to 58.9% for the strongest baseline": the value of an unnamed other system
    r"|\s*for\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:baselines?|runner-up|previous|prior|competitors?)\b"
    r"|\s*for\s+(?:the\s+same|an?|the\s+(?:original|base|dense|vanilla|standard|default))\s+(?:[a-z0-9-]+\s+){0,2}"
    r"(?:model|variant|version|method|approach|system|router|setup|configuration)s?\b", re.IGNORECASE)
_NOT_RESULT_BEFORE = re.compile(
    r"(?:(?:成本|费用|开销|延迟|显存|内存|时间)[^，,。\d]{0,6}|(?:\bcost|latency|memory)[^，,。\d]{0,16}|"
    r"(?:降低|减少|下降|下滑|压缩|缩减|节省|节约|reduc\w*|compress\w*|sav\w*|drop\w*|declin\w*|fell|falls?|within)"
    r"\s*(?:了|为|到|至|by|to)?\s*(?:原有的|原来的)?)\s*$",
    re.IGNORECASE)
# After a number: the number is a margin between two systems ("4.5% better", "10 points above X").
_MARGIN_WORD = re.compile(r"\s*(?:higher|better|greater|stronger|above|ahead|lower|worse|below|behind|weaker)\b",
                          re.IGNORECASE)
_PREVIOUS_VALUE = re.compile(r"(?:之前|此前|以前|原来|原先|previously|before|from|vs\.?)\s*(?:为|是|的|was|of)?\s*$", re.IGNORECASE)


# A value the sentence contrasts with (the previous best, the old version), not the subject's result.
_EARLIER_VALUE = re.compile(r"(?:之前|此前|以前|先前|原先|原来|previous|prior)(?:最佳|最好|最优|最高|的?最先进|的?SOTA|(?:\s+(?:best|state[- ]of[- ]the[- ]art|SOTA)))"
                            r"(?:方法|模型|结果|水平|results?|methods?|models?)?\s*(?:的|为|是|of|at|with)?\s*$", re.IGNORECASE)


_OWNED_GAP = re.compile(
    r"(?:'s|’s)?\s*(?:(?:baseline|model|system|method|基线|模型)\s*)?(?:[(（]|的\s*|为\s*|[:：]\s*|\s+at\s+)?\s*$")


_CONTRAST_WORDS = re.compile(r"但|而|然而|不过|相比之下|——|\b(?:but|while|whereas|however)\b", re.IGNORECASE)
_OWNER_NOUN = re.compile(r"([\u4e00-\u9fff]{2,6})的(?:[\u4e00-\u9fff]{0,6})(?:准确率|准确度|正确率|成功率|得分|分数|成绩)[^，,。]{0,8}$")


_DESCRIBED_SUBJECT = re.compile(r"[\s,，]*[\u4e00-\u9fff]{0,8}(?:模型|方法|系统|智能体|玩家|人类|专家|基线)")


def _contrast_before(sentence: str, pos: int) -> int:
    """Offset after the last contrast marker before ``pos`` that opens a new, described subject.

    "GPT-4o 的准确率仅为 5%，但推理模型……准确率可达 30-90%": the second number belongs to
    "推理模型", so names before 但 cannot be its subject (0 when there is no such marker).
    """
    last = 0
    for m in _CONTRAST_WORDS.finditer(sentence, 0, pos):
        if _DESCRIBED_SUBJECT.match(sentence, m.end()):
            last = m.end()
    return last


def _owned_by_other(sentence: str, pos: int) -> bool:
    """"专家的准确率达到 65%": a Chinese noun owns the score, so the topic model does not."""
    m = _OWNER_NOUN.search(sentence, max(0, pos - 30), pos)
    # "基准测试中的准确率", "数据集上的得分": a place, not an owner
    return m is not None and not _NOT_AN_OWNER.search(m.group(1))


_FOR_NAME = re.compile(r"\s*(?:[a-zA-Z@\d-]+\s+)?for\s+(?:the\s+|its\s+|their\s+)?"
                       r"(?:(?:previous|prior|predecessor|original|base|baseline|older|larger|smaller)\s+){0,2}")


def _named_after(sentence: str, num: Number, names: list[Mention]) -> Mention | None:
    """The owner a number's own phrase names: "compared with 68.5% for Qwen2.5-7B", "35.8% (AgentOccam)",
    "edging out GPT-4o, which managed 38.8%"."""
    m = _FOR_NAME.match(sentence, num.end) or _PAREN_NAME.match(sentence, num.end)
    if m is not None:
        return next((n for n in _model_mentions(names) if n.start == m.end()), None)
    w = _WHICH_BEFORE.search(sentence, max(0, num.start - 40), num.start)
    if w is not None:
        return next((n for n in _model_mentions(names) if n.end == w.start()), None)
    return None


_PAREN_NAME = re.compile(r"\s*[(（]\s*")
_WHICH_BEFORE = re.compile(r"\s*[,，]\s*(?:which|who|that)\s+(?:[a-z]+\s+){0,3}$")


_SIZE = r"\d+(?:\.\d+)?[BMK](?![A-Za-z0-9])"
_SIZE_LIST = re.compile(_SIZE + r"(?:\s*(?:、|,|，|和|与|及|以及|and|or|/)\s*" + _SIZE + r")+")
_SIZE_ONE = re.compile(_SIZE)
_HAS_SIZE = re.compile(r"[-_ ]?\d+(?:\.\d+)?[BMK]$", re.IGNORECASE)


def _sized_family(sentence: str, names: list[Mention], pos: int) -> list[Mention]:
    """"CodeLlama 的 7B、13B 和 34B 模型分别为…", "Qwen2's 7B and 72B variants … respectively":
    one model per listed size of the family named before the list (``CodeLlama-7B``...)."""
    lists = [m for m in _SIZE_LIST.finditer(sentence, 0, pos)]
    if not lists:
        return []
    sizes = lists[-1]
    family = [n for n in _model_mentions(names) if n.end <= sizes.start() and not _is_attribute(sentence, n)]
    if not family or _HAS_SIZE.search(family[-1].text):
        return []
    fam = family[-1]
    return [Mention(fam.start, m.end(), f"{fam.text}-{m.group(0)}", "model")
            for m in _SIZE_ONE.finditer(sentence, sizes.start(), sizes.end())]


def _model_list_before(sentence: str, names: list[Mention], pos: int) -> list[Mention]:
    """The last list of two or more model names before ``pos`` ("A、B 和 C" / "A, B and C")."""
    models = [n for n in _model_mentions(names) if n.end <= pos]
    if len(models) < 2:
        return []
    group = [models[-1]]
    for n in reversed(models[:-1]):
        if _LIST_SEP.match(sentence[n.end:group[0].start]):
            group.insert(0, n)
        else:
            break
    return group if len(group) >= 2 else []


_PAREN_LEAD = re.compile(r"[\w\s'’-]{0,30}$")


def _in_parens_after(sentence: str, pos: int, owners: list[Mention]) -> Mention | None:
    """The owner ``pos`` is in parentheses a few words after, if any (the nearest)."""
    opened = max(sentence.rfind("(", 0, pos), sentence.rfind("（", 0, pos))
    if opened < 0 or max(sentence.rfind(")", opened, pos), sentence.rfind("）", opened, pos)) >= 0:
        return None
    near = [o for o in owners if o.end <= opened and _PAREN_LEAD.fullmatch(sentence, o.end, opened)]
    return max(near, key=lambda o: o.end) if near else None


def _baseline_owning(sentence: str, num: Number, spans: list[tuple[int, int, str]],
                     names: list[Mention]) -> Mention | None:
    """"超过人类水平 85%", "LLaMA-2-7B(39.49%)": a number right after a baseline is that baseline's score."""
    for a, _b, text in spans:
        if text == "baseline":
            continue
        # the baseline span may be the whole claim quote; find the baseline text inside the sentence
        i = sentence.rfind(text, 0, num.start)
        if i >= 0 and a <= i and _OWNED_GAP.fullmatch(sentence[i + len(text):num.start]):
            return Mention(i, i + len(text), text, "model")
    return None


_LABEL_END = re.compile(r"[:：]\s*(?:\*\*)?\s*$")


def _cue_objects(sentence: str, lex: Lexicons, names: list[Mention]) -> frozenset[int]:
    """Start offsets of the names listed right after an English "outperforms/surpasses" cue."""
    out: set[int] = set()
    for cm in lex.cue_regex.finditer(sentence):
        cue = lex.cue_table.get(cm.group(0).lower())
        if cue is not None and cue.shape == "after":
            out.update(n.start for n in _listed_names(sentence, names, cm.end()))
    return frozenset(out)


def _labelled_value(sentence: str, benches: list[Mention], num: Number) -> bool:
    """"- MMLU: 68.4", "* C-Eval：78.5" (model-card lists): a short line whose label names a benchmark."""
    return (len(sentence) <= 100 and num.unit in (None, "%", "points")
            and _LABEL_END.search(sentence, max(0, num.start - 6), num.start) is not None
            and any(b.end <= num.start and num.start - b.end <= 40 for b in benches))


def _is_result_number(sentence: str, lex: Lexicons, num: Number) -> bool:
    cs, ce = _clause_bounds(sentence, num.start)
    clause = sentence[cs:ce]
    if _PREVIOUS_VALUE.search(sentence, max(0, num.start - 12), num.start) and _OPEN_PAREN.search(sentence[max(0, num.start - 12):num.start]):
        return False  # "(之前为 52%)": the old value, not the subject's score
    if num.unit == "x" or num.signed:
        return False
    if _ZH_THAN_MARGIN.search(sentence, max(0, num.start - 30), num.start):
        return False  # "比全参数微调低 0.4%": a margin over something, not a score
    if _EARLIER_VALUE.search(sentence, max(0, num.start - 28), num.start):
        return False  # "相比之前最佳的 2.0%", "the previous best of 40.1": another system's value, not the subject's
    if num.unit in ("%", "points"):
        # Percentages of data, compute or people are not results: "使用 7.6% 的 Token", "减少了 40% 的成本",
        # nor are reductions: "其成本降低了 80%", "压缩为原有的 3.2%", nor margins: "6.1 points higher than X".
        return not _NOT_RESULT_AFTER.match(sentence, num.end) and not _MARGIN_WORD.match(sentence, num.end) \
            and not _NOT_RESULT_BEFORE.search(sentence, max(0, num.start - 24), num.start)
    if _RESULT_NOUN_AFTER.match(sentence, num.end) and num.value <= 10000:
        return True  # "也有 83.2 的表现", "取得 0.71 的成绩"
    # A bare number: needs a metric word or a score verb right before it, and a plausible size.
    before = sentence[max(cs, num.start - 14):num.start]
    if num.value > 10000:
        return False
    has_metric = lex.metric_regex.search(clause) is not None
    if "." in sentence[num.start:num.end] or num.value <= 1:
        return (has_metric or bool(_SCORE_VERB.search(sentence, 0, num.start))) and not _SPEED.search(clause)
    if _RATING_BEFORE.search(before) and not _SPEED.search(clause) and not _COUNT_NOUN_AFTER.match(sentence, num.end):
        return True  # "scored 1,287 on Chatbot Arena", "得分 856": the verb says it is a score
    return has_metric and bool(_SCORE_VERB.search(before) or lex.metric_regex.search(before)) and not _SPEED.search(clause)


# ---------------------------------------------------------------- comparison claims


def _comparisons(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons,
                 names: list[Mention], subjects: list[Mention], numbers: list[Number],
                 ctx_benchmark: str | None = None) -> tuple[list[ComparisonClaim], set[int]]:
    out: list[ComparisonClaim] = []
    used: set[int] = set()
    cjk = is_cjk_sentence(sentence)
    taken_until = -1
    baseline_starts: set[int] = set()
    seen_pairs: SeenPairs = {}
    if not cjk:  # first: "a 4.2% improvement over X" states the margin the cue path would not find
        out.extend(_improvement_over(document, section, offset, sentence, lex, names, subjects, numbers, used,
                                     seen_pairs, ctx_benchmark))
    for cm in lex.cue_regex.finditer(sentence):
        if cm.start() < taken_until:
            continue
        cue = lex.cue_table[cm.group(0).lower()]
        if sentence.startswith("的", cm.end()) and cue.shape == "after":
            continue  # "领先的技术", "超越的" : an adjective, not a comparison
        result = _one_comparison(sentence, lex, cm.start(), cm.end(), cue.relation, cue.shape, cjk, names,
                                 subjects, numbers, section, frozenset(baseline_starts))
        if result is None:
            if cue.shape == "after":
                # "outperforming A and B, and matching C" with no nameable subject: A and B are still
                # objects, never the subject of the next cue
                baseline_starts.update(n.start for n in _listed_names(sentence, names, cm.end()))
            continue
        model, baselines, region, relation, delta = result
        taken_until = region[1]
        if delta is not None and _NOT_RESULT_AFTER.match(sentence, delta.end):
            continue  # "比 AdamW 高 49.6% 的吞吐量": a speed-up, not a result
        baseline_starts.update(b[0] for b in baselines)
        cs, ce = _clause_bounds(sentence, cm.start())
        benches = _comparison_benchmarks(sentence, names, cm.start(), region)
        if _ALL_OF_THEM.search(sentence, max(0, region[0] - 4), region[0] + 1):
            # "在 HumanEval 上…，在 MBPP 上…，均超过 X": every benchmark named before the cue
            earlier = {n.text: n for n in names if n.kind == "benchmark" and n.end <= region[0]}
            if len(earlier) > 1:
                benches = list(earlier.values())
        if not cjk:
            # English states the benchmark after the comparison: "outperforms X by 4 points on MATH"
            after = [n for n in names if n.kind == "benchmark" and n.start >= region[1]
                     and _EN_ON_TAIL.search(sentence[max(region[1], n.start - 12):n.start])
                     and n.start < _clause_bounds(sentence, region[1])[1] + 1]
            if after:
                benches = _benchmark_group(sentence, [n for n in names if n.kind == "benchmark"], after[0])
        if not benches and ctx_benchmark is not None:
            benches = [Mention(-1, -1, ctx_benchmark, "benchmark")]
        if delta is not None:
            used.add(delta.start)
        # "outperforms Self-RAG by 6.1 points and IRCoT by 3.8 points": each baseline with its own margin
        more = _more_baselines_by(sentence, names, numbers, delta) if not cjk and len(baselines) == 1 else []
        margins = {b[0]: n for b, n in more}
        used.update(n.start for _, n in more)
        for base in [*baselines, *(b for b, _ in more)]:
            margin = margins.get(base[0], delta)
            if _seen_before(seen_pairs, model.text, base[2], [b.text for b in benches]):
                continue
            bench_choices: list[Mention | None] = list(benches) if benches else [None]
            for bench in bench_choices:
                spans = [(region[0], cm.end()), (base[0], base[1])]
                if model.start >= 0:
                    spans.append((model.start, model.end))
                if bench is not None and bench.start >= 0:
                    spans.append((bench.start, bench.end))
                if margin is not None:
                    spans.append((margin.start, margin.end))
                qs, qe = _tight(sentence, min(s for s, _ in spans), max(e for _, e in spans))
                out.append(ComparisonClaim(
                    model=model.text, baseline=base[2], relation=relation,  # type: ignore[arg-type]
                    benchmark=bench.text if bench else None,
                    metric=_metric_near(sentence, lex, cm.start(), cm.end()),
                    delta=margin.value if margin else None,
                    unit=margin.unit if margin and margin.unit in ("%", "points", "x") else None,
                    setting=None, quote=sentence[qs:qe], source=document.source, section=section.title,
                    start=offset + qs, end=offset + qe, extractor="rules",
                ))
    for m in _DELTA_CUE.finditer(sentence) if numbers else ():
        for n in numbers:
            if n.start >= m.end() and ((n.unit in ("%", "points", "x") or n.signed) and n.start - m.end() <= 12
                                       or n.start - m.end() <= 3):
                used.add(n.start)
                # "分别比 X 高出 6.2% 和 6.6%": the whole list of margins
                for k in numbers:
                    if k.start > n.start and _LIST_SEP.match(sentence[n.end:k.start] or " "):
                        used.add(k.start)
                break
    return out, used


_AND_GAP = re.compile(r"\s*,?\s*(?:and\s+)?")
_BY_GAP = re.compile(r"\s+by\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|over\s+)?")


def _more_baselines_by(sentence: str, names: list[Mention], numbers: list[Number],
                       delta: Number | None) -> list[tuple[Baseline, Number]]:
    """After "X by N": the further "and Y by M" pairs of the same comparison."""
    out: list[tuple[Baseline, Number]] = []
    pos = delta.end if delta is not None else -1
    while pos >= 0:
        name = next((n for n in _model_mentions(names) if n.start >= pos), None)
        if name is None or not _AND_GAP.fullmatch(sentence, pos, name.start):
            break
        num = next((n for n in numbers if n.start >= name.end), None)
        if num is None or num.unit not in ("%", "points") or not _BY_GAP.fullmatch(sentence, name.end, num.start):
            break
        out.append(((name.start, name.end, name.text), num))
        pos = num.end
    return out


SeenPairs = dict[tuple[str, str], set[str]]


def _seen_before(seen: SeenPairs, model: str, baseline: str, benchmarks: list[str]) -> bool:
    """Record a (model, baseline) comparison; True if the sentence already stated it.

    "与 X 相当或超过 X" is one statement, one claim; "在 A 上领先 X，在 B 上略逊于 X" are two,
    told apart by their benchmarks (a comparison with no benchmark repeats any other).
    """
    key = (_norm(model), _norm(baseline))
    benches = {_norm(b) for b in benchmarks} or {""}
    before = seen.setdefault(key, set())
    repeated = bool(before) and (bool(before & benches) or "" in before or "" in benches)
    before |= benches
    return repeated


_DELTA_CUE = re.compile(r"(?:高出|高了|提高了|提升了|提高|提升|增加了|改善了|领先|超出)(?![到至])|\bby\b|\bgain(?:s|ed)?(?=\s+[+]?\d)"
                        r"|\b(?:improvement|gain|increase|margin|lead|boost)s?\s+of\b", re.IGNORECASE)
_IMPROVEMENT_OVER = re.compile(
    r"\b(?:an?\s+)?(?:absolute\s+|relative\s+|average\s+)?(?:improvement|gain|increase|margin|lead|boost)s?\s+of\s+"
    r"(?:about\s+|around\s+|over\s+|up\s+to\s+)?([+]?\d+(?:\.\d+)?)\s*(%|points?|pp|pts)?\s+(?:over|above|against)\s+",
    re.IGNORECASE)


# "improves GSM8K by 3.2 points over X", "boosts accuracy by 4% compared to X": verb, margin, then baseline.
_IMPROVES_BY_OVER = re.compile(
    r"\b(?:improv(?:es|ed|ing)|boost(?:s|ed|ing)?|rais(?:es|ed|ing)|lift(?:s|ed|ing)?)\b(?:\s+[^\s,;.]+){0,4}?\s+by\s+"
    r"(?:about\s+|around\s+|over\s+|nearly\s+|up\s+to\s+|more\s+than\s+|roughly\s+)?([+]?\d+(?:\.\d+)?)\s*"
    r"(%|points?|pts|pp|percentage[- ]points?)?\s+(?:over|compared\s+(?:to|with)|relative\s+to|against)\s+",
    re.IGNORECASE)

# "a 6.4-point gain over its predecessor X", "a 3% absolute improvement over X": the margin comes first.
_GAIN_OVER = re.compile(
    r"\b(?:an?\s+)?([+]?\d+(?:\.\d+)?)\s*(%|-?\s*(?:points?|pts?|pp|percentage[- ]points?))\s+"
    r"(?:absolute\s+|relative\s+|average\s+)?(?:improvement|gain|increase|boost|lead|margin)s?\s+"
    r"(?:over|above|against|compared\s+(?:to|with))\s+(?:its\s+predecessor,?\s+|the\s+)?",
    re.IGNORECASE)


# "comes within 2 points of o1": a small margin behind the baseline.
_WITHIN_OF = re.compile(
    r"\bwithin\s+([+]?\d+(?:\.\d+)?)\s*(%|points?|pts|pp|percentage[- ]points?)\s+of\s+(?!each\s+other|one\s+another)",
    re.IGNORECASE)


def _improvement_over(document: Document, section: Section, offset: int, sentence: str, lex: Lexicons,
                      names: list[Mention], subjects: list[Mention], numbers: list[Number], used: set[int],
                      seen_pairs: SeenPairs, ctx_benchmark: str | None) -> list[ComparisonClaim]:
    """"an improvement of 6.1 points over the previous best open model": margin first, baseline after."""
    out: list[ComparisonClaim] = []
    for m in (*_IMPROVEMENT_OVER.finditer(sentence), *_GAIN_OVER.finditer(sentence),
              *_IMPROVES_BY_OVER.finditer(sentence), *_WITHIN_OF.finditer(sentence)):
        relation = "underperforms" if m.re is _WITHIN_OF else "outperforms"
        r0 = m.end()
        r1 = _EN_REGION_END.search(sentence, r0)
        end = r1.start() if r1 else _clause_bounds(sentence, r0)[1]
        listed = _listed_names(sentence, names, r0)
        baselines = ([(n.start, n.end, n.text) for n in listed] if listed
                     else _baselines(sentence, names, r0, end, False))
        model = _pick_subject(sentence, names, subjects, m.start(), section)
        if not baselines or model is None:
            continue
        num = next((n for n in numbers if n.start == m.start(1)), None)
        if num is not None:
            used.add(num.start)
        benches = _comparison_benchmarks(sentence, names, m.start(), (r0, end))
        bench = benches[0].text if benches else ctx_benchmark
        unit = {"%": "%"}.get(m.group(2) or "", "points" if m.group(2) else None)
        for b in baselines:
            if _same_name(b[2], model.text) or _seen_before(seen_pairs, model.text, b[2], [bench] if bench else []):
                continue
            qs, qe = _tight(sentence, min(m.start(), model.start if model.start >= 0 else m.start()), max(b[1], m.end()))
            out.append(ComparisonClaim(
                model=model.text, baseline=b[2], relation=relation, benchmark=bench,  # type: ignore[arg-type]
                delta=float(m.group(1)), unit=unit,  # type: ignore[arg-type]
                quote=sentence[qs:qe], source=document.source, section=section.title,
                start=offset + qs, end=offset + qe, extractor="rules",
            ))
    return out
_EN_BY = re.compile(r"\bby\s+(?:about |around |over |nearly |up to |more than |roughly |an average of )?(?=[+]?\d)")


def _comparison_benchmarks(sentence: str, names: list[Mention], pos: int,
                           region: tuple[int, int]) -> list[Mention]:
    benches = [n for n in names if n.kind == "benchmark" and not (region[0] <= n.start < region[1])]
    if not benches:
        return []
    near = _benchmarks_near(sentence, benches, pos)
    if not near:
        return []
    before = [b for b in near if b.end <= pos]
    anchor = before[-1] if before else near[0]
    return _benchmark_group(sentence, benches, anchor)


Baseline = tuple[int, int, str]
Comparison = tuple[Mention, list[Baseline], tuple[int, int], str, Number | None]


def _one_comparison(sentence: str, lex: Lexicons, cs: int, ce: int, relation: str, shape: str, cjk: bool,
                    names: list[Mention], subjects: list[Mention], numbers: list[Number],
                    section: Section, used: frozenset[int] = frozenset()) -> Comparison | None:
    c0, c1 = _clause_bounds(sentence, cs)
    cue_text = sentence[cs:ce]
    quote_from = cs
    if shape == "adjacent":
        follower = next((n for n in _model_mentions(names) if n.start >= ce), None)
        if (follower is None or sentence[ce:follower.start].strip()
                and not _RANK_GAP.fullmatch(sentence, ce, follower.start)) and not _SOTA.match(sentence, ce):
            return None
        shape = "after"
    if shape == "after" and relation == "matches" and cjk and not _model_mentions(
            [n for n in names if ce <= n.start < c1]):
        # "与更大规模闭源模型媲美": the baseline sits between 与 and the cue, as with 相当.
        if any(m.group(0) in "与跟同" for m in _WITH_CONNECTOR.finditer(sentence, c0, cs)):
            shape = "with"
    if shape == "after":
        # The baseline follows the cue, up to the end of the clause (or a "如 A 和 B" list after it).
        r0, r1 = ce, c1
        listed = _listed_names(sentence, names, ce)
        if listed:
            r1 = listed[-1].end  # the list ends the baselines ("surpassing A and B, and matching C")
        if not cjk and len(listed) < 2:  # a list of two or more ends where it ends, "(38.5%)" inside it or not
            m = _EN_REGION_END.search(sentence, r0, r1)
            if m:
                r1 = m.start()
        baselines = _baselines(sentence, names, r0, r1, cjk)
        if baselines is None:
            return None
        model = _pick_subject(sentence, names, subjects, cs, section, not_subjects=used)
        delta = _delta_after(sentence, numbers, ce, c1)
        if delta is None:
            delta = _delta_after(sentence, numbers, r1, len(sentence))
        if delta is None and not cjk:
            by = _EN_BY.search(sentence, r1)
            if by:
                delta = _delta_after(sentence, numbers, by.end(), len(sentence))
        if delta is None and not cjk:
            delta = next((n for n in numbers if n.end <= cs and n.unit in ("%", "points")
                          and not sentence[n.end:cs].strip()), None)
        if delta is None:  # "its lead over X (11 points)": a margin in points right after the baseline
            delta = next((n for n in numbers if n.unit == "points" and _PAREN_PREFIX.fullmatch(sentence, r1, n.start)),
                         None)
    elif shape in ("with", "than"):
        if not cjk:
            return None
        connector = _WITH_CONNECTOR if shape == "with" else _THAN_CONNECTOR
        conns = list(connector.finditer(sentence, c0, cs))
        if shape == "with":
            conns = [m for m in conns if m.group(0) in "与跟同"] or conns
            conn = conns[0] if conns else None
        else:
            conn = conns[-1] if conns else None
        if conn is None:
            if shape == "than" and len(cue_text) >= 2 and _BASELINE_WORD.search(sentence, c0, cs):
                bm = _BASELINE_WORD.search(sentence, c0, cs)
                assert bm is not None
                model = _pick_subject(sentence, names, subjects, bm.start(), section, not_subjects=used)
                if model is None:
                    return None
                delta = _delta_after(sentence, numbers, ce, c1)
                return model, [(bm.start(), bm.end(), "baseline")], (bm.start(), bm.end()), relation, delta
            return None
        r0, r1 = conn.end(), cs
        quote_from = conn.start()
        if shape == "than" and len(cue_text) == 1 and r1 - r0 > 30:
            return None
        baselines = _baselines(sentence, names, r0, r1, cjk)
        if baselines is None:
            return None
        model = _pick_subject(sentence, names, subjects, conn.start(), section, not_subjects=used)
        delta = _delta_after(sentence, numbers, ce, c1)
    else:  # versus: "与 Y 相比, X ..." / "相比于 Y, X ..." / "compared to Y, X ..."
        conns = [m for m in _WITH_CONNECTOR.finditer(sentence, c0, cs) if m.group(0) in "与跟同和"]
        rest_from = None
        if conns and not cue_text.endswith("于"):
            r0, r1 = conns[0].end(), cs
            quote_from = conns[0].start()
            rest_from = ce  # "与基线相比平均提高了 2 倍": the verdict follows the cue
        else:
            r0, r1 = ce, c1
            if not cjk:
                m = _EN_REGION_END.search(sentence, r0, r1)
                if m:
                    r1 = m.start()
        baselines = _baselines(sentence, names, r0, r1, cjk)
        if baselines is None:
            return None
        rest0 = rest_from if rest_from is not None else max(c1, r1)
        found_relation = _relation_in(sentence, lex, rest0)
        if found_relation is None and not _COMPARATIVE.search(sentence, rest0 if rest_from is not None else ce):
            return None  # "与 X 相比, Y 使用了..." compares nothing about results
        relation = found_relation or "outperforms"
        next_end = _clause_bounds(sentence, min(len(sentence) - 1, max(rest0, c1 + 1)))[1]
        later = [n for n in _model_mentions(names) if rest0 <= n.start < max(next_end, rest0 + 1)]
        subj_later = [s for s in subjects if s.start >= rest0]
        if later and not (subj_later and subj_later[0].start < later[0].start):
            model = later[0]
        else:
            picked = _pick_subject(sentence, names, subjects, len(sentence), section,
                                   exclude=(min(r0, conns[0].start() if conns else r0), r1), not_subjects=used)
            if picked is None:
                return None
            model = picked
        delta = None
        for dm in _DELTA_CUE.finditer(sentence, rest0):
            delta = _delta_after(sentence, numbers, dm.end(), len(sentence))  # "提升了 5%", not "达到 44.0%"
            if delta is not None:
                break
        if delta is None and not cjk:  # "Compared to X, Y is 4.5% better on B"
            delta = next((n for n in numbers if n.start >= rest0 and n.unit in ("%", "points")
                          and _MARGIN_WORD.match(sentence, n.end)), None)
    if model is None:
        return None
    baselines = [b for b in baselines if not _same_name(b[2], model.text)]
    if not baselines:
        return None
    return model, baselines, (min(r0, quote_from), r1), relation, delta


_SOTA = re.compile(r"\s*(?:SOTA|SoTA)(?![A-Za-z])")  # "编辑超SOTA": the state of the art, right after the cue
# "领先第二名 Yi-34B 约 2 分", "leads the runner-up X": a rank word may sit between the cue and the name.
_RANK_GAP = re.compile(r"\s*(?:排名)?(?:第[二三四五六七八九十]名?|次优|亚军)(?:的)?\s*|\s*the\s+(?:runner-up|second[- ]best|second[- ]place)\s*",
                       re.IGNORECASE)
_FIRST_GAP_BAD = re.compile(r"[。；;:：!?！？]|比|与|和|在.{0,12}(?:上|中)|\d")
_FIRST_GAP_COMMA = re.compile(r"[,，](?!\s*(?:如|例如|比如|包括|包含|including|such as|e\.g\.|like)\b)")


def _listed_names(sentence: str, names: list[Mention], start: int) -> list[Mention]:
    """Names listed right after a cue: "优于其他基线，如 A、B 和 C" / "outperforms A, B and C"."""
    out: list[Mention] = []
    pos = start
    for n in sorted(_model_mentions(names), key=lambda x: x.start):
        if n.start < start:
            continue
        gap = sentence[pos:n.start]
        if out and _DE_GAP.fullmatch(gap):
            out[-1] = n  # "OpenAI 的 o1": the owner only qualifies the model
            pos = n.end
            continue
        if not out:
            ok = len(gap) <= 25 and not _FIRST_GAP_BAD.search(gap) and not _FIRST_GAP_COMMA.search(gap)
        else:
            gap = _PAREN_VALUE.sub("", gap, count=1)  # "Qwen2.5-3B (38.5%) and Llama-3.2-3B (33.1%)"
            ok = bool(_LIST_SEP.match(gap)) or bool(_LIST_GAP.fullmatch(gap))
        if not ok:
            break
        out.append(n)
        pos = n.end
    return out


@lru_cache(maxsize=1)
def _baseline_head_regex() -> re.Pattern[str]:
    heads = sorted(lexicon.baseline_heads(), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(h) for h in heads) + r")\s*$", re.IGNORECASE)


def _same_name(a: str, b: str) -> bool:
    """"OpenAI o1" and "o1" name the same model: never compare a model with itself."""
    na, nb = _norm(a), _norm(b)
    if na == nb:
        return True
    wa, wb = a.lower().split(), b.lower().split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(short) and long_[-len(short):] == short


_NORM_DROP = re.compile(r"[\s\-_.'’]+")


@lru_cache(maxsize=65536)
def _norm(name: str) -> str:
    return _NORM_DROP.sub("", name).lower()


_COMPARATIVE = re.compile(r"更|提升|提高|改进|改善|增强|优势|显著|大幅|明显|较高|较好|胜出|卓越|出色|优异|突出|逊色|最佳|最好|领先|superior|better|higher|stronger|improv|gain|outperform", re.IGNORECASE)


def _relation_in(sentence: str, lex: Lexicons, start: int) -> str | None:
    for m in lex.cue_regex.finditer(sentence, start):
        cue = lex.cue_table[m.group(0).lower()]
        if cue.shape != "versus":
            return cue.relation
    tail = sentence[start:]
    if re.search(r"不如|较差|较弱|下降|降低了性能|有限|不足|worse|lower|weaker|fewer|limited", tail, re.IGNORECASE):
        return "underperforms"
    return None


def _delta_after(sentence: str, numbers: list[Number], start: int, end: int, loose: bool = False) -> Number | None:
    for n in numbers:
        if n.start < start or n.start >= end:
            continue
        gap = sentence[start:n.start]
        if n.unit not in ("%", "points", "x") and not n.signed:
            return None
        if loose or _DELTA_GAP.match(gap) or n.signed:
            return n
        return None
    return None


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


def _baselines(sentence: str, names: list[Mention], r0: int, r1: int, cjk: bool) -> list[Baseline] | None:
    """The baselines named in ``sentence[r0:r1]``: each name of a list, else the descriptive phrase."""
    region = sentence[r0:r1]
    if not region.strip() or _NUMBER_LEAD.match(region):
        return None  # "超过 95%" is a threshold on a score, not a comparison with a baseline
    found = [n for n in names if r0 <= n.start and n.end <= r1 and n.kind in ("model", "name")]
    found = _drop_parenthetical_aliases(sentence, found)
    # "基于 PPO 的 RLHF": PPO only qualifies the baseline RLHF.
    found = [n for i, n in enumerate(found)
             if not (i + 1 < len(found) and _DE_GAP.fullmatch(sentence[n.end:found[i + 1].start]))]
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
