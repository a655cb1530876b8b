"""Cutting a document into sections and sentences, with character offsets.

Every later step (candidate scan, rules, LLM chunks) works on spans of the original
text, so quotes can always be sliced back out of ``Document.text`` unchanged.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from extractor import lexicon
from extractor.regex_lead import led
from schemas import Section, Span

# A Markdown heading line (``#Title`` without a space is common in scraped Chinese articles).
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]*(\S[^\n]*?)[ \t#]*$", re.MULTILINE)
# The ``[title](https://arxiv.org/abs/...)`` line that opens each entry of a paper digest.
_ARXIV_LINE = re.compile(r"^[ \t]*\[([^\]\n]+)\]\(https?://(?:www\.)?arxiv\.org/(?:abs|pdf)/[^)\s]+\)[ \t]*$",
                         re.MULTILINE)
# A method name at the start of a title, before a colon: "LongRAG: Enhancing ..." -> "LongRAG".
_ENUMERATION = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)、:]?\s+|\d{1,2}[、)]\s*|[一二三四五六七八九十]{1,3}[、.．]\s*|\(\d{1,2}\)\s*)")
_SIZE_ONLY = re.compile(r"\d+(?:\.\d+)?[BMKbmk]")
# a name right after these in a headline is what the subject is measured against, not the subject (and after 把/将,
# which mark the object: "国产14B小模型把GPT-4o按在地上摩擦")
_HEADLINE_OBJECT = re.compile(r"(?:超越|超过|超|优于|击败|力压|媲美|比肩|对标|追平|对阵|对比|相比|比|逼近|挑战|把|将|替代|取代|代替|平替|"
                              r"vs\.?|VS|beats?|tops|than|over|outperforms|surpasses|rivals|matches)\s*[「“\"]?$")
_HEAD_INTRO = re.compile(r"^(?:Introducing|Announcing|Meet|Presenting|Unveiling|Releasing|Sunsetting|Retiring|Deprecating|Farewell\s+to|Goodbye\s+to|Saying\s+goodbye\s+to|Welcoming|Launching|Evaluating|Benchmarking|Reviewing|Testing)\s+(?=[A-Z0-9])")
# "Contrastive Rollout Distillation (CRD)": a capitalised phrase and the acronym it is known by
_ACRONYM_AFTER = re.compile(r"(?:[ ][A-Z][A-Za-z-]*){0,5}\s*[(（]([A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)[)）]")
_TITLE_INTRO = re.compile(r"(?:发布|推出|开源|亮相|上线|官宣)(?:了|的)?\s*$")
_TITLE_NAME = re.compile(r"^\s*([^:：\n]{1,40}?)\s*[:：]")
# a model hub's repository id opening a title: "owner/Model-Name" (then " · Discussions", " - Hugging Face", or nothing)
_TITLE_REPO = re.compile(r"^[A-Za-z0-9][\w.\-]*/([A-Za-z0-9][\w.\-]*[A-Za-z0-9])(?=$|\s+[·|\-–—:：]|\s*$)")
# "we propose X" / "提出了 X" in a section's opening, when the title names no method.
_INTRO = re.compile(
    r"(?:提出了?|推出了?|发布了?|引入了?|介绍了?|开源了?(?!模型|的|社区|生态|大模型|领域)|名为|称为|叫做"
    # ("our previous release Falcon2-11B" names an earlier model, not the one introduced)
    r"|propose[sd]?|introduce[sd]?|present(?:s|ed)?|release[sd]?)"
    r"[^。！？.!?\n，,；;]{0,30}?"
    r"(?:[,，]\s*|\s|「|“|\"|^)([A-Z][A-Za-z0-9]*(?:[-+.][A-Za-z0-9]+)*(?:[ ][A-Z0-9][\w.\-]*)?)"
)

# a short capitalised name such as "Halcyon Pro 2", "Nova-7B Instruct" (every word capitalised or a version)
_SHORT_NAME = re.compile(r"[A-Z][\w.\-‐-―]*(?: (?:[A-Z][\w.\-‐-―]*|\d[\w.]*)){0,3}")
_EARLIER_RELEASE = re.compile(r"(?:previous|prior|earlier|last|older|latest|first)\s+$", re.IGNORECASE)
_ZH_END = "。！？；!?;\n"
# An English sentence end: . ! ? followed by whitespace (or end), not inside a number/abbreviation.
_ABBREVIATIONS = frozenset(
    "e.g i.e etc vs al fig figs eq eqs no nos sec dr mr mrs ms prof inc ltd co corp jr sr st u.s u.k approx resp cf".split()
)


# (with a version number after a space: "Step-Audio 2", "Llama 4", not "GPT-4o 3 个点")
_LATIN_TOKEN = re.compile(r"(?<![A-Za-z0-9\u00c0-\u024f])[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f][A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]*(?:[-_.+][A-Za-z0-9]+)*\+?"
                          r"(?: (?!\d{2,}\.\d)\d+(?:\.\d+)?(?![\w.%])(?!\s*(?:个|分|倍|点|月|年|日|号|期|届|周|名|次|points?|pts)))?", re.ASCII)  # ("SuperCLUE 11月"; not a score: "Tianshu-Pro 85.1")
# A Chinese brand with a Latin size/version after a hyphen: "星河-13B", "混元-Large", "盘古-Σ".
# Chinese has no spaces, so the brand must not be glued to the characters before it
# ("发布星河-13B" is left alone: where the name starts is unknowable without a segmenter).
# Glued to Chinese text it still starts a name after a particle or a classifier ("推出的云枢-72B",
# "新模型天衡-7B", "上一代青鸾-1", "跟青鸾-32B 基本持平"), and such characters never belong to the brand itself.
_ZH_BEFORE_NAME = "的了是和与跟同及型款个代本为将把被对从比较于叫做座版类而上且"  # (个: "同一个青鸾-32B"; 版: "轻量版天枢-3.0-Flash", "旗舰版天枢-3.0"; 而: "而知微-32B 达到了")
_ZH_NOT_IN_NAME = _ZH_BEFORE_NAME + "在个种该此其这那一新过"  # (过: "实测过玄武-8B")
# and after a verb that introduces it ("北辰智能开源玄武-14B", "玄鸟科技发布玄鸟-MoE-236B")
ZH_INTRO_VERB = ("开源|发布|推出|提出|上线|亮相|官宣|升级|迭代|打造|研发"
                  # and comparison verbs ("超过天衡-70B", "其中天衡-70B 较 …"): never a brand's first characters
                  "|超过|超越|优于|低于|高于|不及|逊于|领先|击败|打败|落后|战胜|媲美|接近|其中|包括|例如|比如"
                  # ("以 69.2 不敌天枢-9 的 71.4", "输给天枢-9")
                  "|不敌|输给|胜过|力压|碾压|反超|追平|压过|赢过|不如"
                  # and descriptors of a release ("它的前身青鸾-2B", "上代旗舰玄武-70B")
                  "|前身|前代|前作|旗舰|新版|老版|上代"
                  # and the end of the conditions a result was measured under ("官方口径下天衡-3取得88.5%", "同一设置下星河-14B",
                  # "条件下", "模式下"; two characters each, as the look-behind needs)
                  "|径下|置下|件下|式下"
                  # and verbs of testing ("实测过玄武-8B", "跑了星河-14B", "测试了青鸾-7B"; two characters each:
                  # the alternation is a look-behind)
                  "|测过|测了|跑了|跑过|试了|试过|用了|用过"
                  # and verbs of saying or writing ("上周我写天枢-9 在 MATH-500 上是 71.0", "他说星河-3 …", "宣称玄武-8B …";
                  # two characters each)
                  "|我写|我说|他说|她说|方说|告称|中称|宣称|声称|表示"
                  # ("复现玄鸮-R1-14B 踩坑记录", "实测星河-14B", "评测青鸾-7B")
                  "|复现|复测|实测|评测|测评|体验"
                  # and whose it is ("我们天枢-9 在 GSM8K 上", "听说你家天枢-9 发布了", "咱们灵犀-2 …")
                  "|你们|他们|她们|我家|你家|他家|她家|听说|据说"
                  # and adverbs of time ("上周玄鸮-R1-14B 开源之后", "近日星河-72B 发布")
                  "|上周|本周|上月|本月|今年|去年|昨天|今天|近日|日前|最近|刚刚"
                  # and connectives ("所以星河-R1-32B 还差了 7 分", "但是天衡-70B …")
                  "|所以|因此|但是|不过|然而|而且|其实|那么|另外|同时"
                  # and the place a result is on ("等项目上灵犀-13B 高于 …", "在数学任务上星河-14B …": 上 after 项目, 任务, 基准 …)
                  "|目上|务上|准上|集上|单上|试上|测上|域上|面上"
                  # (and 里 / 中 after them: "在 MMLU 测试里天枢-Pro 表现为 85.1%", "评测集中星河-14B …")
                  "|试里|集里|单里|测里|试中|集中|单中|测中")
# "GSM8K 上星河-14B 和 …": 上/中 right after a benchmark is where, not the brand's first character
_AFTER_LOCATIVE = "".join(f"|(?<=[A-Za-z0-9%]{sp}{c})" for c in "上中" for sp in ("", " "))
_NOT_LOCATIVE = "".join(f"(?!(?<=[A-Za-z0-9%]{sp}){c})" for c in "上中" for sp in ("", " "))
CJK_HYBRID_NAME = re.compile(
    rf"(?:(?<![\u3400-\u9fffA-Za-z0-9_\-])|(?<=[{_ZH_BEFORE_NAME}])|(?<={ZH_INTRO_VERB}){_AFTER_LOCATIVE})"
    rf"{_NOT_LOCATIVE}(?:(?![{_ZH_NOT_IN_NAME}])(?!{ZH_INTRO_VERB})[\u3400-\u9fff]){{1,6}}"
    # (a version right after the Chinese brand, then a dashed part: "衡宇2-Max", "衡宇1.5-14B")
    r"(?:(?:\d+(?:\.\d+)?-(?=\d+(?:\.\d+)?[BbMmKk]\b|[A-Za-z])|[-·])"
    # (not a shot count in Chinese numerals: "三-shot", "五-shot")
    r"(?!(?:shot|way|turn|pass)s?\b)"
    rf"(?:\d[A-Za-z0-9.]*|[A-Za-z][A-Za-z0-9.]+|[A-Za-z](?=-[A-Za-z0-9])|[RVX](?![A-Za-z0-9_.\-]))(?:-[A-Za-z0-9][A-Za-z0-9.]*)*"
    # (and a Chinese variant's word last, when a closing quote ends the name there: "“星河-4-深思”", not the particle
    # of "灵犀-13B-思在 AIME 上")
    r"(?:-[\u3400-\u9fff]{1,4}(?=[”\"」』]|$))?"
    # (or a "V" version glued to it: "华章大模型V3.5", "天工V2"; a bare number glued to a brand is its value: "星河89.3")
    r"|(?:大模型)?[Vv]\d+(?:\.\d+)*(?![A-Za-z0-9_]|\.\d))"
    # and a tier after a space ("青鸾-2 Pro"), a release's version after a space ("星衡-13B-Chat v0.3")
    r"(?<!\.)(?: (?:Pro|Max|Ultra|Mini|mini|Plus|Lite|Turbo|Flash|Air|Nano)(?![A-Za-z0-9_-]))?(?: [vV]\d+(?:\.\d+)*(?![A-Za-z0-9_.]))?"
    # and a plain version after a tier ("星河-Pro 2.0", "青鸾-2 Max 1.5"; a one-digit release, not a score after the name)
    r"(?:(?<=Pro|Max|tra|ini|lus|ite|rbo|ash|Air|ano) [1-4]\.[05](?![A-Za-z0-9_.%分]))?"
    # and a size after a space, after a word ("天衡-Coder 7B", "星河-Math 1.5B"; not a second size: "星河-13B 7B")
    r"(?:(?<=[A-Za-z]{2}) \d+(?:\.\d+)?[BM](?![A-Za-z0-9_.%]))?")
# (a one-letter part is a name's when another part follows it: "星河-R-32B")
# (or the "V" of a version glued to the brand: "华章大模型V3.5")
_HYBRID_DASH = led(re.compile(r"[-·]|(?<=[\u3400-\u9fff])[Vv](?=\d)"))


def hybrid_names(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``CJK_HYBRID_NAME.finditer(text, pos, endpos)``, the same ones, tried only where one can start.

    The pattern opens with look-behinds, so ``finditer`` tries it at every character (about 2.5 % of the seeds'
    extraction). A match is one to six Chinese characters, perhaps a version ("衡宇2-Max"), then "-" or "·": so it
    starts at most six characters before the Chinese run that ends at a dash's digits (nine before a glued "V"
    version: "华章大模型V3.5"). Each dash gives those few
    starts, tried in order with ``match`` (the look-behinds see the same text as ``finditer``'s tries do).
    """
    end = len(text) if endpos is None else endpos
    cursor = pos
    for dash in _HYBRID_DASH.finditer(text, pos, end):
        run_end = dash.start()
        while run_end > cursor and (text[run_end - 1].isdecimal() or text[run_end - 1] == "."):
            run_end -= 1  # (the version between brand and dash: \d is any decimal digit)
        first = run_end
        reach = 6 if dash.group(0) in "-·" else 9  # (six characters of brand, and 大模型 before a glued version)
        while first > max(cursor, run_end - reach) and "\u3400" <= text[first - 1] <= "\u9fff":
            first -= 1
        for start in range(first, run_end):
            m = CJK_HYBRID_NAME.match(text, start, end)
            if m is not None:
                yield m
                cursor = m.end()
                break


_CJK_SPACED_NAME = re.compile(r"[\u3400-\u9fff]{2,6} (?:[A-Z][a-z]{1,6}(?: \d+(?:\.\d+)?)?|\d+\.\d+)")


@lru_cache(maxsize=65536)
def is_model_shaped(name: str) -> bool:
    """Does ``name`` look like a model / method name rather than an ordinary word or person?

    Known vendor families (GPT-4o, Qwen2.5), names with digits (o3, Phi-4), CamelCase
    (LongRAG, PreSelect), short ALLCAPS acronyms (DAPO, HoT) and hyphenated names qualify;
    stop words (AI, LLM, GPU...) and plain capitalised words (Python, Willow) do not.
    """
    name = name.strip()
    if not name or name.lower() in lexicon.name_stopwords() or name.lower() in lexicon.organizations():
        return False
    first = name.split(" ", 1)[0]
    if _PERIOD_LABEL.fullmatch(first):
        return False  # "FY2026", "Q3'26", "H1-2025": a fiscal or calendar period, not a version
    if _SAMPLING_LABEL.fullmatch(first):
        return False  # "best-of-5", "top-3", "pass@1": how a result was sampled, not a model
    if first.lower() in lexicon.name_stopwords() and _NUMBER_AFTER_WORD.fullmatch(name):
        return False  # "NeurIPS 2026", "ICLR 2025": a venue's year, not a version
    if _vendor_regex().match(name):
        return True
    if name.count(" ") >= 2 and is_versioned_product(name):
        return True  # "Vérité Enterprise 2", "Halcyon Studio 1.5": capitalised words and a version
    if CJK_HYBRID_NAME.fullmatch(first):
        return True
    if _CJK_SPACED_NAME.fullmatch(name):
        return True  # "北辰 1.0", "灵犀 Pro 2", "启明星 Kids 2.0": a Chinese brand, a tier word or a decimal version
    if re.search(r"\d", first) and re.search(r"[A-Za-z]", first):
        return True
    if re.search(r"[a-z][A-Z]", first) or re.search(r"[A-Z]{2,}[a-z]", first):
        return True
    if re.fullmatch(r"[A-Z][A-Za-z]?[A-Z]{1,7}[+]?", first):
        return True
    if _DESCRIPTIVE_COMPOUND.fullmatch(first):
        return False  # "Chinese-language folks", "Llama-based models": a word describing something, no name
    return bool(re.search(r"[A-Za-z]-[A-Za-z0-9]", first))


_NUMBER_AFTER_WORD = re.compile(r"\S+ \d+(?:\.\d+)?")
_PERIOD_LABEL = re.compile(r"(?:FY|CY|Q[1-4]|H[12])[-'’]?(?:\d{2}|\d{4})")
_SAMPLING_LABEL = re.compile(r"(?:best|worst|top|pass|maj|cons|avg|mean)(?:-of)?[-@]\d+|(?:best|top)-of-[nNkK]", re.IGNORECASE)
# a word, a dash and a lower-case word that makes it an adjective: "Chinese-language", "Llama-based", "GPT-style"
_DESCRIPTIVE_COMPOUND = re.compile(r"[A-Za-z]+-(?:language|languages|based|level|style|grade|like|speaking|specific|"
                                   r"scale|oriented|focused|centric|sized|class|only|free|aware|native|friendly)")


@lru_cache(maxsize=1)
def _vendor_regex() -> re.Pattern[str]:
    alt = "|".join(re.escape(v) for v in sorted(lexicon.model_vendors(), key=len, reverse=True))
    return re.compile(rf"(?i:{alt})(?=$|[-_ .0-9]|[A-Z]|o\b|v\d)", re.ASCII)


@lru_cache(maxsize=1)
def _benchmark_keys() -> frozenset[str]:
    return frozenset(re.sub(r"[\s\-_.'’]+", "", a).lower() for e in lexicon.benchmarks() for a in e.aliases)


def _is_benchmark(name: str) -> bool:
    """A name the benchmark gazetteer knows ("SWE-bench Verified" in a headline is what was measured)."""
    return re.sub(r"[\s\-_.'’]+", "", name).lower() in _benchmark_keys()


# a numbered ticket labelling a title: "PR #1487: Add eval results for orca-lite-v2-7b", "Issue #88: …", "#212: …"
# "#14", "Issue #14", and a tracker's key "EVAL-2291" (capitals, a dash, three or more digits): a ticket, not a model
# (and a document number: "ZJ-CP-2026-0417", "VRD-TD-2025-07": letter codes, a year, a serial)
TICKET_KEY = re.compile(r"[A-Z][A-Z0-9]+-\d{3,}|[A-Z]{1,6}(?:-[A-Z]{1,6})*-(?:19|20)\d\d-\d{2,}")
# "CS 329: Question about …", "EECS 498-007: …": a course's code labels a forum's title
_COURSE_CODE = re.compile(r"[A-Z]{2,5} ?\d{3,4}[A-Z]?(?:-\d{3})?")
_TICKET = re.compile(r"(?:[A-Za-z]+\s*)?#\d+")
# a forum's tag ("[D]", "【讨论】"), and a programme's slot with its time ("B2 (09:25)", "Talk 3 [14:10]", "09:25 –")
_QUOTED_TITLE_NAME = re.compile(r"[\"“'‘「《]\s*([A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*)\s*[:：]")
_SHORT_CODE = re.compile(r"[A-Z]{1,3}\d{1,2}")  # "O1", "KR2", "Q3", "P0": a label's code
_TITLE_TAG = re.compile(r"^\s*(?:\[[^\]\n]{1,12}\]|【[^】\n]{1,8}】"
                        r"|(?:[A-Z]{0,2}\d{1,2}[a-z]?|(?:Talk|Session|Slot|Poster)\s+\d{1,2})?\s*[(\[（]\d{1,2}[:：]\d{2}[)\]）]"
                        r"|\d{1,2}:\d{2}\s*[-–—:]?)\s*")
_TITLE_OWNER = re.compile(r"([A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)+)['’]s\s+(?:new\s+|latest\s+|official\s+)?"
                          r"(?:tech(?:nical)?\s+report|report|paper|model\s+card|card|results|benchmarks?|evals?|"
                          r"evaluations?|numbers|scores?|launch|release)\b", re.IGNORECASE)


def is_versioned_product(name: str) -> bool:
    """"Halcyon Studio 1.5", "Vérité Enterprise 2": capitalised words and a version, not a numbered part of a
    text or a sequence ("Part 2", "Round 3", "Table 4")."""
    first = name.split(" ", 1)[0].lower()
    return _PRODUCT_WITH_VERSION.fullmatch(name) is not None and first not in lexicon.numbered_parts() \
        and first not in lexicon.name_stopwords()


def _title_subject(title: str | None) -> str | None:
    """The method a heading names, if it names one (not a phrase of plain words: "Long-Document Workloads",
    "State-of-the-Art Results" name a topic; a name has a digit, a capital inside a word or an acronym)."""
    subject = _named_in_title(title)
    if subject is not None and TICKET_KEY.fullmatch(subject) and not _is_benchmark(subject):
        return None  # "测评报告（报告编号：ZJ-CP-2026-0417）", "EVAL-2291": a document's or a ticket's number
    if subject is not None and re.search(r"@\s*" + re.escape(subject), title or ""):
        return None  # "## 2 楼 @ lazycat2046（楼主）": a forum post's author, not a model
    if subject is not None and _PLAIN_WORDS.fullmatch(subject) \
            and not re.search(re.escape(subject) + r"\s*[:：]", title or ""):
        return None  # (a paper's "Octo-planner: On-device …" names its method before the colon)
    return subject


_PRODUCT_WITH_VERSION = re.compile(r"[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'’\-]*(?: [A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'’\-]*){0,2}"
                                   r" [vV]?\d+(?:\.\d+)*(?: (?:mini|Mini|Pro|Max|Flash|Lite|Turbo|Ultra|Plus|Nano|Air))?")
_ORDINAL_BEFORE = re.compile(r"第\s*$")
_NAME_GOES_ON = re.compile(r"[\w.\-]")  # (the product's version is not cut short: "Halcyon 3.5", "Halcyon 3-mini")
_PLAIN_WORDS = re.compile(r"[A-Za-z][a-z]+(?:[\s\-]+[A-Za-z][a-z]+)+")


def _named_in_title(title: str | None) -> str | None:
    if not title:
        return None
    t = _ENUMERATION.sub("", title.strip().strip("#").strip())  # "3. MedBench-ZH：…", "二、RefineCoder"
    for suffix in lexicon.title_suffixes():  # "Nova-7B Technical Report" names Nova-7B
        if len(t) > len(suffix) and t.lower().endswith(suffix.lower()):
            stem = t[: len(t) - len(suffix)]
            separated = stem != stem.rstrip(" :：-–—") or not suffix.isascii()  # not "FooReport"
            if separated and stem.rstrip(" :：-–—"):
                t = re.sub(r"['’]s$", "", stem.rstrip(" :：-–—"))  # ("Orion-72B's tech report")
                break
    if re.sub(r"^[\d.\s]+", "", t).strip(" :：").lower() in lexicon.generic_headings():
        return None  # "## 4.2 Evaluation" names a part of the document
    launch = _HEAD_INTRO.match(t)
    t = _HEAD_INTRO.sub("", t)  # "Introducing Nimbus-R1: open reasoning at 70B" names Nimbus-R1
    product = _PRODUCT_WITH_VERSION.match(t) if launch else None
    if product is not None and not _NAME_GOES_ON.match(t, product.end()) and is_versioned_product(product.group(0)) \
            and not _is_benchmark(product.group(0)):
        return product.group(0)  # "Introducing Halcyon 3 and Halcyon 3 mini": the first product it introduces
    repo = _TITLE_REPO.match(t)
    if repo is not None and is_model_shaped(repo.group(1)) and not _is_benchmark(repo.group(1)):
        return repo.group(1)  # "tern-labs/Tern-34B-Instruct · Discussions": a model hub page names its model
    t = _TITLE_TAG.sub("", t)  # "[D] Orion-72B's tech report: …", "【讨论】…": a forum's tag
    owner = _TITLE_OWNER.match(t)
    if owner is not None and is_model_shaped(owner.group(1)) and not _is_benchmark(owner.group(1)):
        return owner.group(1)  # "Orion-72B's tech report: are the numbers real?" is about Orion-72B
    m = _TITLE_NAME.match(t)
    if m:
        head = m.group(1).strip()
        for suffix in lexicon.title_suffixes():  # "Halcyon-3 Ultra launch: myths vs facts" names Halcyon-3 Ultra
            if head.lower().endswith(" " + suffix.lower()) and is_model_shaped(head[: len(head) - len(suffix)].strip()):
                head = head[: len(head) - len(suffix)].strip()
                break
        if _SHORT_CODE.fullmatch(head) and t[m.end():].strip():
            # "O1：旗舰模型 天枢-2 进入行业第一梯队", "KR2: …": an objective's or an item's code, then what it is about
            coded = _title_subject("# " + t[m.end():].strip())
            if coded is not None:
                return coded
        # (a label of several plain words or a quoted tagline is no name either: 'Speaker notes — "Small, Sparse,
        # Useful: Osprey-MoE-16B"' names Osprey-MoE-16B)
        # (a ticket's key, "EVAL-2291: …", or a course's code, "CS 329: …", labels the text and names nothing)
        label = TICKET_KEY.fullmatch(head) is not None and not _is_benchmark(head) or _COURSE_CODE.fullmatch(head) is not None
        described = len(head.split()) >= 2 and not is_model_shaped(head) and not _is_benchmark(head) \
            or head.upper() in lexicon.title_labels() or _TICKET.fullmatch(head) is not None or label
        if re.fullmatch(r"[A-Z][a-z]+", head) or "/" in head or "|" in head or described:
            # "Thread: Is Orion-72B overhyped?", "Review: Lumen-8B in practice", "r/LocalLLaMA: …": a plain word
            # or a forum labels the kind of text when the rest of the title names a model ("Kite: a small model
            # for…" still names Kite); "Product: Halcyon Pro 2": the rest, a short name with a version, is the name
            # ("Shrike: Fast Decoding" names Shrike)
            rest = t[m.end():].strip()
            quoted = _QUOTED_TITLE_NAME.match(rest)
            if quoted is not None and is_model_shaped(quoted.group(1)) and not _is_benchmark(quoted.group(1)):
                # 'Author Response: "SparseRL: Efficient RL for Math Reasoning"': the quoted paper names its method
                return quoted.group(1)
            if "/" not in head and _SHORT_NAME.fullmatch(rest) and re.search(r"\d", rest) and not _is_benchmark(rest):
                return rest
            named = [tok.group(0) for tok in _LATIN_TOKEN.finditer(t, m.end()) if is_model_shaped(tok.group(0))
                     and re.search(r"[A-Z0-9]", tok.group(0)) and not _HEADLINE_OBJECT.search(t, 0, tok.start())
                     and not _SIZE_ONLY.fullmatch(tok.group(0)) and not _is_benchmark(tok.group(0))]
            if described:  # (not a paper's "…: … in LLMs-as-Judges"; "Paper of the week: ThinkLess" names ThinkLess)
                named = [n for n in named if re.search(r"\d", n) or n == rest]
            if len(set(named)) == 1:
                return named[0]
            if "/" in head or "|" in head:
                return None
        if head and not label and head.upper() not in lexicon.title_labels() and len(head.split()) <= 4 \
                and not re.search(r"[\u4e00-\u9fff]", head) \
                and head.lower() not in lexicon.name_stopwords() and not _is_benchmark(head) \
                and head.split()[0].lower() not in lexicon.numbered_parts() \
                and head.lower() not in lexicon.generic_headings() \
                and (is_model_shaped(head) or len(head.split()) == 1 and head[:1].isupper()):
            return head
    # Whole-title names such as "DAPO", "Skywork-R1V", "Mistral Small 3.1" (not "## Setup", "## Numbers",
    # "## The skeptics": a plain-word heading names a part of the document, not a method)
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9_.+\-' ]{0,40}", t) and len(t.split()) <= 3 \
            and t.lower() not in lexicon.name_stopwords() and not _is_benchmark(t) \
            and all(w[:1].isupper() or any(c.isdigit() for c in w) for w in t.split()[1:]) \
            and (is_model_shaped(t) or t == title.strip().strip("#").strip() and " " not in t and t[:1].isupper()):
        # ("Out-of-domain generalization" is a heading: a name's later words are capitalised or versions;
        # a plain word such as "## Kite" is checked against the section's text in ``_section``)
        return t
    # A product with a version: "Halcyon Studio 1.5", "Vérité Enterprise 2" (not "Part 2", "Round 3")
    if is_versioned_product(t) and not _is_benchmark(t):
        return t
    # A model-shaped name inside a Chinese headline: "视觉思考模型k1", "字节PersonaTalk视频口型编辑".
    if re.search(r"[\u4e00-\u9fff]", t):
        hybrid = [(m.start(), m.end()) for m in CJK_HYBRID_NAME.finditer(t)]
        shaped = [t[a:b] for a, b in hybrid]
        # "「国产7B小模型数学推理超越GPT-4o」，天衡-7B开源即登顶": a size is no name, GPT-4o is the baseline
        shaped += [tok.group(0) for tok in _LATIN_TOKEN.finditer(t) if is_model_shaped(tok.group(0))
                   and not any(a <= tok.start() < b for a, b in hybrid) and not _SIZE_ONLY.fullmatch(tok.group(0))
                   and not _HEADLINE_OBJECT.search(t, 0, tok.start()) and not _is_benchmark(tok.group(0))
                   and not _ORDINAL_BEFORE.search(t, 0, tok.start())]  # "第 W49 周" counts, it names nothing
        # "如何评价新发布的青鸾-32B？和 Qwen2.5、DeepSeek-V3 比如何": the name a release verb introduces
        introduced = [t[a:b] for a, b in hybrid if _TITLE_INTRO.search(t, 0, a)]
        if introduced:
            return introduced[0]
        # "天枢-MoE：激活 3B 参数的中文 MoE 模型": a later part of a name already found is the same name
        shaped = [n for n in shaped if not any(n != o and n in o for o in shaped)]
        if len(set(shaped)) == 1:  # "从o1-mini到DeepSeek-R1" names two: no single subject
            return shaped[0]
    return None


def _first_sentence_subject(text: str, start: int, end: int) -> str | None:
    """A method introduced near the start of the section ("we propose X", "提出了 X")."""
    window = text[start:min(end, start + 1500)]
    for m in _INTRO.finditer(window):
        if _EARLIER_RELEASE.search(window, max(0, m.start() - 9), m.start()):
            continue  # "our previous release Falcon2-11B" names an earlier model, not the one introduced
        acronym = _ACRONYM_AFTER.match(window, m.end(1))
        if acronym is not None:  # "We propose Contrastive Rollout Distillation (CRD)": the name the text goes on with
            return acronym.group(1)
        name = m.group(1).rstrip(".-")
        hybrid = CJK_HYBRID_NAME.search(window, max(0, m.start(1) - 8), m.end(1))
        if hybrid is not None and hybrid.start() < m.start(1) < hybrid.end():
            return hybrid.group(0)  # "提出了天枢-MoE": the whole brand, not its Latin tail
        if is_model_shaped(name) and not _is_benchmark(name):
            return name
    return None


def _section(text: str, title: str | None, start: int, end: int) -> Section:
    subject = _title_subject(title)
    if subject and subject.lower() in lexicon.setting_words():
        subject = None  # "## 第一阶段：冷启动 SFT" names a training stage, not a method
    if subject and not is_model_shaped(subject) and not is_versioned_product(subject) and title \
            and not _TITLE_NAME.match(title):
        # "## Kite" names Kite when the section says "Kite …"; "## Setup", "## Numbers" name a part
        body = text.find("\n", start)
        if body < 0 or not re.search(rf"(?<![A-Za-z]){re.escape(subject)}(?![A-Za-z])", text[body:end]):
            subject = None
    subject = subject or _first_sentence_subject(text, start, end)
    return Section(title=title, start=start, end=end, subject=subject)


def line_matches(pattern: re.Pattern[str], text: str, mark: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a ``re.MULTILINE`` pattern that opens with ``^[ \\t]*`` and then ``mark`` (one
    character): the same matches, tried only at the lines whose first character after blanks is ``mark``.

    A pattern opening with ``^`` gives ``re`` no character to skip ahead to, so ``finditer`` tries it at every
    position of the text (about 0.3 ms per 36 K-character document each); ``str.find`` gets to each ``mark``.
    """
    cursor = 0
    at = text.find(mark)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        if start >= cursor and not text[start:at].strip(" \t"):
            m = pattern.match(text, start)
            if m is not None:
                yield m
                cursor = m.end()
        line_end = text.find("\n", at)
        if line_end < 0:
            return
        at = text.find(mark, max(line_end + 1, cursor))


def split_sections(text: str) -> list[Section]:
    """Sections at ``#`` headings and at the arXiv link lines of paper digests.

    A heading directly followed by an arXiv line is one section (titled by the heading);
    an arXiv line with no heading before it opens a section titled by its link text.
    Text before the first boundary is a section with title None (if it has any text).
    """
    bounds: list[tuple[int, str]] = []  # (offset of line start, title)
    levels: dict[int, int] = {}  # heading depth by offset; arXiv entries are top-level (1)
    headings = list(line_matches(_HEADING, text, "#"))  # (tried at the lines that open with "#" only)
    for m in headings:
        bounds.append((m.start(), m.group(2).strip()))
        levels[m.start()] = len(m.group(1))
    heading_ends = sorted(m.end() for m in headings)
    for m in line_matches(_ARXIV_LINE, text, "[") if "arxiv.org/" in text else ():
        # Belongs to the heading just above it (only blank lines in between)? Only the nearest
        # heading can qualify; look back from the line, never copy the text before it.
        k = bisect_right(heading_ends, m.start()) - 1
        if k >= 0 and not text[heading_ends[k]:m.start()].strip():
            continue
        bounds.append((m.start(), m.group(1).strip()))
    bounds.sort()
    sections: list[Section] = []
    first = bounds[0][0] if bounds else len(text)
    if text[:first].strip():
        sections.append(_section(text, None, 0, first))
    stack: list[tuple[int, str | None]] = []  # (level, subject) of the enclosing headings
    for i, (start, title) in enumerate(bounds):
        end = bounds[i + 1][0] if i + 1 < len(bounds) else len(text)
        section = _section(text, title, start, end)
        level = levels.get(start, 1)
        while stack and stack[-1][0] >= level:
            stack.pop()
        if section.subject is None:
            # "## Evaluation" under "# Falcon3-10B": pronouns there still mean the card's model
            section.subject = next((subj for _, subj in reversed(stack) if subj), None)
        stack.append((level, section.subject))
        sections.append(section)
    return sections


def _is_false_period(text: str, dot: int) -> bool:
    """A '.' that does not end an English sentence (abbreviation, initial, decimal)."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha() and text[j].isupper() \
            and not (j > 0 and (text[j - 1].isalnum() or text[j - 1] in "-_")):
        return True  # an initial ("J. Smith"), not the end of a name ("Llama-3.1-8B. On MMLU …")
    return False


# One sentence: starts at a non-space, runs to 。！？； / !?; / a "." before whitespace / a newline.
# (written as runs of plain characters between the dots that end no sentence, not as a repeated one-character
# alternation: the same matches, without entering the alternation once per character)
# (a spoken pause, "..." before a lower-case word or a digit, goes on: "GPT-4.1 was... 80.1 on MMLU-Pro")
_SENTENCE = re.compile(r"\S[^。！？；!?;.\n]*(?:(?:\.(?!\s|$)|\.(?<=\.\.\.)[ \t]+(?=[a-z0-9]))[^。！？；!?;.\n]*)*"
                       r"(?:[。！？；!?;]+|\.|(?=\n)|$)")


def sentence_bounds(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Like ``split_sentences`` but plain ``(start, end)`` tuples (the fast path for scanners).

    Remembered for the latest text only (``_BoundsMemo``): the candidate scan, the mention layer and the
    prose rules split the same lines of one document, and no other document's text is kept alive."""
    return list(_memo().get(text, start, end))


class _BoundsMemo:
    """``(start, end) -> bounds`` of one text, forgotten when another text is asked about."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.found: dict[tuple[int, int | None], tuple[tuple[int, int], ...]] = {}

    def get(self, text: str, start: int, end: int | None) -> tuple[tuple[int, int], ...]:
        if text is not self.text and text != self.text:
            self.text, self.found = text, {}
        key = (start, end)
        hit = self.found.get(key)
        if hit is None:
            hit = self.found[key] = tuple(_split_bounds(text, start, end))
        return hit

    def clear(self) -> None:
        self.text, self.found = None, {}


_LOCAL = threading.local()  # one memo per thread: the server extracts documents in worker threads


def _memo() -> _BoundsMemo:
    memo: _BoundsMemo | None = getattr(_LOCAL, "memo", None)
    if memo is None:
        memo = _LOCAL.memo = _BoundsMemo()
    return memo


def forget_sentence_bounds() -> None:
    _memo().clear()


# A line that a hard-wrapped paragraph breaks mid-sentence ("Yi-1.5-34B-Chat scores 76.8 on\nMMLU under our harness"):
# a long enough line ending in a letter, digit or a mark that opens or continues a clause, then a line that goes on
# in Latin script and opens no list item, heading, table row, quotation or speaker's turn
_WRAPPED_LINE_END = re.compile(r"[A-Za-z0-9,(/%'’\-)]$")
_NEXT_LINE_GOES_ON = re.compile(r"[ \t]*(?![-*+•>|#]|\d+[.)][ \t]|\[|\*\*|[A-Z][\w .'’-]{0,24}:[ \t])[A-Za-z0-9(]")
_MIN_WRAPPED_LINE = 40


def _soft_wrapped(text: str, newline: int, stop: int) -> bool:
    """Is the newline at ``newline`` a hard wrap inside an English sentence (see ``_WRAPPED_LINE_END``)?"""
    if text[newline] != "\n" or newline + 1 >= stop:
        return False
    line_start = text.rfind("\n", 0, newline) + 1
    # (the pattern is one character and then the end: only the line's last one can match, so the search starts there
    # rather than trying every character of the line; a line holds no "\n" for ``$`` to stop before)
    return newline - line_start >= _MIN_WRAPPED_LINE and _WRAPPED_LINE_END.search(text, newline - 1, newline) is not None \
        and _NEXT_LINE_GOES_ON.match(text, newline + 1, stop) is not None


def line_bounds(text: str, pos: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """``(start, end)`` of the line holding ``pos`` within ``text[lo:hi]``, a hard-wrapped paragraph's lines taken as
    one (``_soft_wrapped``): the unit the sentence scans read."""
    hi = len(text) if hi is None else hi
    start = max(lo, text.rfind("\n", lo, pos) + 1)
    while start > lo and _wrapped_paragraph_goes_on(text, start - 1, hi):
        start = max(lo, text.rfind("\n", lo, start - 1) + 1)
    end = text.find("\n", pos, hi)
    while end >= 0 and _wrapped_paragraph_goes_on(text, end, hi):
        end = text.find("\n", end + 1, hi)
    return start, hi if end < 0 else end


_MAX_WRAPPED_LINE = 100
_SENTENCE_END = re.compile(r"[.!?;:]['’\")]?$")  # (one or two characters, then the end: searched from the line's last two only)


def _wrapped_paragraph_goes_on(text: str, newline: int, hi: int) -> bool:
    """A soft wrap, or a wrap right after a sentence's end in a paragraph wrapped at a fixed width (a line of at most
    ``_MAX_WRAPPED_LINE`` characters, then a line that goes on)."""
    if _soft_wrapped(text, newline, hi):
        return True
    if text[newline] != "\n" or newline + 1 >= hi:
        return False
    line_start = text.rfind("\n", 0, newline) + 1
    return _MIN_WRAPPED_LINE <= newline - line_start <= _MAX_WRAPPED_LINE \
        and _SENTENCE_END.search(text, newline - 2, newline) is not None \
        and _NEXT_LINE_GOES_ON.match(text, newline + 1, hi) is not None


def _split_bounds(text: str, start: int, end: int | None) -> list[tuple[int, int]]:
    stop = len(text) if end is None else min(end, len(text))
    out: list[tuple[int, int]] = []
    pending = -1  # start of a sentence continued past an abbreviation ("e.g. ", "U.S. ")
    for m in _SENTENCE.finditer(text, start, stop):
        a, b = m.start(), m.end()
        if pending >= 0:
            a, pending = pending, -1
        if text[b - 1] == "." and b < stop and _is_false_period(text, b - 1) or b < stop and _soft_wrapped(text, b, stop):
            pending = a
            continue
        while text[b - 1].isspace():
            b -= 1
        out.append((a, b))
    if pending >= 0:
        b = stop
        while b > pending and text[b - 1].isspace():
            b -= 1
        out.append((pending, b))
    return out


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` as spans into ``text``.

    Chinese sentences end at 。！？； and newlines; English ones at . ! ? followed by a space
    or the end, except after abbreviations (e.g., U.S., et al.) — decimals (2.5) and
    version numbers (v1.2) never break because their dot is followed by a digit.
    Spans are stripped of surrounding whitespace; empty sentences are dropped.
    """
    return [Span(start=a, end=b) for a, b in sentence_bounds(text, start, end)]
