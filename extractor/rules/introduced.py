"""Benchmarks a document introduces itself ("DeepTrace: A Benchmark for Long-Horizon Debugging", "we introduce
DeepTrace, a benchmark of …", "我们构建了 DeepTrace 评测集"): names no gazetteer knows, which the text then
evaluates models on and mostly stops naming ("o1 solves 41.7% of tasks").

The rules treat such a name as a benchmark for the rest of that document (``extractor.rules.mentions``'
``DOCUMENT_BENCHMARKS``), and a title that introduces one makes it the document's benchmark.
"""

from __future__ import annotations

import re

# a Latin name as a benchmark's is written: "DeepTrace", "SWE-Lancer", "MedQA-Kite", "BrowseComp-ZH"
_NAME = r"(?-i:[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*)"
_KIND = r"(?:benchmarks?|test\s+suite|evaluation\s+suite|eval\s+suite|testbed|test\s+set|evaluation\s+set)"
# "DeepTrace: A Benchmark for …", "SWE-Lancer: Can Frontier LLMs …? A Benchmark": a title (a heading or the first line)
# that presents its name
_TITLE_INTRO = re.compile(r"^#{0,6}\s*(?P<name>" + _NAME + r")\s*[:：]\s*(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?"
                          + _KIND + r"\b", re.IGNORECASE | re.MULTILINE)
# "we introduce DeepTrace, a benchmark of 1,204 …", "We present SWE-Lancer, a new benchmark", "DeepTrace is a benchmark"
_SENTENCE_INTRO = re.compile(r"\b(?:introduce|introduces|introducing|present|presents|propose|proposes|release|releases|"
                             r"build|built|construct|constructed|create|created)\s+(?P<name>" + _NAME + r")\s*,\s*"
                             r"(?:a|an)\s+(?:[\w-]+\s+){0,4}?" + _KIND + r"\b"
                             r"|(?<![\w-])(?P<name2>" + _NAME + r")\s+is\s+(?:a|an)\s+(?:new\s+|novel\s+)?(?:[\w-]+\s+){0,3}?"
                             + _KIND + r"\b", re.IGNORECASE)
# "我们构建了 DeepTrace 评测集", "提出了一个名为 DeepTrace 的基准", "DeepTrace 是一个……基准"
_ZH_INTRO = re.compile(r"(?:提出|推出|发布|构建|打造|开源|设计)了?(?:一个|一套|全新的|新的)?(?:名为|叫做?)?\s*(?P<name>" + _NAME
                       + r")\s*(?:的)?(?:[\u4e00-\u9fff]{0,6})?(?:基准|评测集|测试集|评测基准|测评集)"
                       r"|(?P<name2>" + _NAME + r")\s*(?:是|为)(?:一个|一套)[^。；;]{0,20}?(?:基准|评测集|测试集)")
_EN_INTRO_WORDS = ("introduc", "present", "propos", "releas", "build", "built", "construct", "creat", " is a")
_ZH_INTRO_WORDS = ("提出", "推出", "发布", "构建", "打造", "开源", "设计", "是一", "为一")
# the words for a benchmark whose lines are read (their tails, whatever the first letter's case)
_HINTS = ("enchmark", "ENCHMARK", "uite", "estbed", "est set", "valuation set", "基准", "评测集", "测试集", "测评集")


def introduced_benchmarks(text: str) -> frozenset[str]:
    """The names ``text`` introduces as new benchmarks (see the module docstring)."""
    found: set[str] = set()
    lines: set[tuple[int, int]] = set()  # (the patterns run on the lines that hold a word for a benchmark)
    for needle in _HINTS:  # (``str.find`` per word: a case-blind regex over the whole text reads it far slower)
        at = text.find(needle)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            lines.add((start, end))
            at = text.find(needle, end)
    first = len(text) - len(text.lstrip())  # (where the first line starts: a title without a heading mark)
    for start, end in sorted(lines):
        line = text[start:end]
        low = line.lower()
        # (a title is a heading or the first line: "MAYA: And benchmarks are vibes now." is a speaker's turn)
        titled = line.startswith("#") or start == text.rfind("\n", 0, first) + 1
        patterns = [pattern for pattern, wanted in ((_TITLE_INTRO, (":", "：")), (_SENTENCE_INTRO, _EN_INTRO_WORDS),
                                                    (_ZH_INTRO, _ZH_INTRO_WORDS))
                    if any(word in low for word in wanted) and (titled or pattern is not _TITLE_INTRO)]
        for pattern in patterns:
            for m in pattern.finditer(line):
                name = m.group("name") or m.group("name2") if "name2" in pattern.groupindex else m.group("name")
                if name and len(name) >= 3 and not name.isdigit() and name.lower() not in _NOT_NAMES:
                    found.add(name)
    return frozenset(found)


# words the name pattern takes at a sentence's start that name nothing ("This is a benchmark …")
_NOT_NAMES = frozenset({"this", "that", "it", "there", "which", "what", "here", "our", "we", "the", "one", "each",
                        "table", "figure", "section", "appendix"})
