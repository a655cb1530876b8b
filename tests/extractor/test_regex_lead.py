"""``extractor.regex_lead.led``: the look-ahead for a pattern's first characters never changes what it matches."""

from __future__ import annotations

import random
import re

import pytest

from extractor.regex_lead import led


def _same(old: re.Pattern[str], new: re.Pattern[str], texts: list[str]) -> None:
    rng = random.Random(0)
    for text in texts:
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        for a, b in ((0, len(text)), (start, end)):
            assert [(m.span(), m.groups()) for m in old.finditer(text, a, b)] \
                == [(m.span(), m.groups()) for m in new.finditer(text, a, b)], (old.pattern, text, a, b)
            found, got = old.search(text, a, b), new.search(text, a, b)
            assert (found and (found.span(), found.groups())) == (got and (got.span(), got.groups()))


_PIECES = ["according to", "Against", "AGAINST", "ſo", "İn", "ın", "Kelvin", "by", "By", "基于", "据", "数据", "x", " ",
           "\n", "3", "٣", "(", "（", "-", "]", "^", "\\", "a-b", "cd", "CD", "e"]


def _texts(n: int = 3000) -> list[str]:
    rng = random.Random(1)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12))) for _ in range(n)]


@pytest.mark.parametrize("source, flags", [
    (r"\b(?:by|against)\s*\d|(?<![数证])据", re.IGNORECASE),
    (r"基于|(?i:\b(?:against|according\s+to))|(?<=\s)x", 0),  # a case-blind group in a case-sensitive pattern
    (r"(?:^|[，,])\s*(?:by|ſo)|\d+\s*[-\]^\\(（]", re.IGNORECASE),
    (r"[a-c]+d|[\d\s]e|(?-i:CD)", re.IGNORECASE),
    (r"(?:in|kelvin|so)\b", re.IGNORECASE),
])
def test_the_lead_keeps_every_match(source: str, flags: int) -> None:
    old = re.compile(source, flags)
    new = led(old)
    assert new is not old and new.pattern.startswith("(?=[")
    _same(old, new, _texts())


@pytest.mark.parametrize("source", [r"a*", r"[^a]b", r".x", r"(a)?(?(1)b|.)", r"(?i:İx)|y", r"x?", r"(?:a|)b*"])
def test_what_it_cannot_read_stays_as_it_is(source: str) -> None:
    """A match that may be empty or may start with (almost) any character, or a non-ASCII letter in a case-blind group
    of a case-sensitive pattern: no look-ahead."""
    pattern = re.compile(source)
    assert led(pattern) is pattern


def test_the_rules_patterns_led_match_as_before() -> None:
    """Every pattern the rules put behind ``led``, against its source without the look-ahead, on corpus-like text."""
    from extractor import segment
    from extractor.rules import comparisons, context, numbers, owners, prose, scores, subjects

    patterns = [numbers._NOT_RESULT_BEFORE, numbers._COUNT_SOLVED, numbers._SCORE_VERB, numbers._ABLATION_DROP,
                context._NOT_TOPIC_BEFORE, context._NAME_RIGHT_BEFORE, subjects._JUDGE_BEFORE, subjects._BUILT_ON,
                scores.SHARED_VALUE, prose._GENERIC_SUBJECT, prose._REPLY_HINT, owners._GROUP_OF_THEM,
                owners._WHICH_BEFORE, comparisons._NEGATED_BEFORE, segment._HYBRID_DASH]
    texts = _texts(500) + [
        "According to the report, 星河-14B 相比 GPT-4o 低 2 分", "Qwen2.5 solves 13 of the 30 problems (43.3%)",
        "成本降低了 80%，延迟 120ms", "judged by GPT-4o: 71.2", "Both at 88.7 (for both)", "一个模型在 MMLU 上得到 30%",
        "it is ahead by 3.2", "并没有超过 o1", "华章大模型V3.5 发布了", "without the RM it drops to 61.0",
        "Against Llama-3.1-8B, it leads", "ÀGAINST x", "İt ſcores 81.2",
    ]
    for new in patterns:
        assert new.pattern.startswith("(?=["), new.pattern[:40]
        old = re.compile(new.pattern[new.pattern.index("])(?:") + 5:-1], new.flags)
        _same(old, new, texts)
