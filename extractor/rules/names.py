"""Name keys and name properties shared by the topic tracker, subject finding and comparisons.

``_norm`` is the key that decides whether two surfaces name the same model; it lives in one place
so that every rule compares names the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractor.rules.mentions import DOCUMENT_SHORT_FORMS, RUN_LABEL, Mention, lexicons
from extractor.segment import is_model_shaped

_DIGIT = re.compile(r"\d")
_ZAI_OPEN = re.compile(r"在[^，,。在]*$")
_LOCATION_CLOSE = re.compile(r"[^，,。]{0,6}?(?:上|中|里)")


@lru_cache(maxsize=65536)
def _is_known_model(name: str) -> bool:
    """Strong evidence of a model (vendor family or a name with a version digit), for topic tracking."""
    lex = lexicons()
    return (is_model_shaped(name) and bool(_DIGIT.search(name) or lex.vendor_regex.match(name) or _TIERED.search(name))
            and _norm(name) not in lex.benchmark_lookup and not RUN_LABEL.fullmatch(name))


# a dashed name ending in a tier ("Tianshu-Pro", "Helix-Ultra", "天枢-Pro"): a model as surely as one with a version
# (not Max, Plus, Mini, Air: products of every kind end so, "HBO-Max", "Mac-Mini"; with them one held-out set rose and one fell)
_TIERED = re.compile(r"[^\s-]-(?:Pro|Ultra|Flash|Turbo|Lite|Nano)$")


def _in_location(sentence: str, name: Mention) -> bool:
    """Is the name inside "在 X 上/中" (a place, usually a benchmark, not a subject)?"""
    head = sentence[max(0, name.start - 12):name.start]
    tail = sentence[name.end:name.end + 8]
    return bool(_ZAI_OPEN.search(head)) and bool(_LOCATION_CLOSE.match(tail))


def _same_name(a: str, b: str) -> bool:
    """"OpenAI o1" and "o1" name the same model, and so do "V3" and "DeepSeek-V3" in a document that set up the short
    form: never compare a model with itself."""
    forms = DOCUMENT_SHORT_FORMS.get()
    a, b = forms.get(a, a), forms.get(b, b)
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
