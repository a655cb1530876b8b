"""Evaluation settings: free text (``16 票多数投票``, ``5-shot CoT``) into comparable columns.

Two results are only ranked together when they were measured the same way. Papers
write settings in prose, so this module recognises the parts that change a number
(pass@k, maj@k / cons@k, k-shot, chain-of-thought, tool use, data split) and keeps the
rest as ``detail`` (shown, and used to tell a real conflict from "before/after
training"). ``pass@1`` is the default reading of a single-attempt score, so it shares
the unstated group (key ``""``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD_NUM = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "eight": 8, "ten": 10,
             "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "八": 8, "十": 10}

_PASS = re.compile(r"pass\s*@\s*(\d+)", re.I)
_MAJ = re.compile(r"(?:maj|cons|majority)\s*@\s*(\d+)", re.I)
_MAJ_ZH = re.compile(r"(\d+)\s*(?:票|个样本|次采样)?\s*(?:的)?多数投票|多数投票\s*[（(]?\s*(\d+)", re.I)
_MAJ_EN = re.compile(r"majority vot\w*\s*(?:of|over|with|across|@)?\s*(\d+)|(\d+)[\s-]*(?:sample|vote)s?\s*majority", re.I)
_MAJ_ANY = re.compile(r"多数投票|majority[\s-]*vot\w*|self[\s-]*consistency|\bmaj\b|\bcons\b", re.I)
_SHOT = re.compile(r"(\d+|zero|one|two|three|four|five|eight|ten|零|一|二|两|三|四|五|八|十)\s*[-\s]?\s*(?:shot|样本)", re.I)
_FEW = re.compile(r"few[\s-]*shot|少样本", re.I)
_COT = re.compile(r"\bcot\b|chain[\s-]*of[\s-]*thought|思维链", re.I)
_TOOLS = re.compile(r"with tools?|tool[\s-]*use|using tools|code interpreter|with python|工具|tool-integrated", re.I)
_SPLIT = re.compile(r"\b(test|dev|val|validation|train)(?:\s*(?:split|set))\b|(测试集|验证集|开发集)", re.I)
_SPLIT_ZH = {"测试集": "test", "验证集": "validation", "开发集": "dev", "val": "validation"}


@dataclass(frozen=True)
class ParsedSetting:
    """The comparable parts of a setting, its group key and the leftover prose."""

    pass_k: int | None = None
    maj_k: int | None = None
    shots: int | None = None
    few_shot: bool = False
    cot: bool = False
    tools: bool = False
    split: str | None = None
    detail: str = ""

    @property
    def key(self) -> str:
        """Canonical, order-independent label: ``maj@16 5-shot cot`` ('' = default / pass@1)."""
        parts: list[str] = []
        if self.maj_k is not None:
            parts.append(f"maj@{self.maj_k or 'k'}")
        elif self.pass_k is not None and self.pass_k != 1:
            parts.append(f"pass@{self.pass_k}")
        if self.shots is not None:
            parts.append(f"{self.shots}-shot")
        elif self.few_shot:
            parts.append("few-shot")
        if self.cot:
            parts.append("cot")
        if self.tools:
            parts.append("tools")
        if self.split and self.split != "test":
            parts.append(f"{self.split} split")
        return " ".join(parts)


def _first_int(m: re.Match[str]) -> int | None:
    for g in m.groups():
        if g:
            return int(g) if g.isdigit() else _WORD_NUM.get(g.lower())
    return None


def parse_setting(setting: str | None, metric: str | None = None) -> ParsedSetting:
    """Parse a claim's setting (and a metric such as ``pass@1`` / ``maj@16``) into columns."""
    text = " ".join(t for t in (setting, metric) if t)
    if not text:
        return ParsedSetting()
    rest = text
    found: dict[str, object] = {}
    for name, rx in (("maj_k", _MAJ), ("maj_k", _MAJ_ZH), ("maj_k", _MAJ_EN), ("pass_k", _PASS)):
        m = rx.search(rest)
        if m and name not in found:
            value = _first_int(m)
            if value is not None:
                found[name] = value
                rest = rest[: m.start()] + " " + rest[m.end():]
    if "maj_k" not in found:
        m = _MAJ_ANY.search(rest)
        if m:  # majority voting with the sample count unstated: its own group, "maj@k"
            found["maj_k"] = 0
            rest = rest[: m.start()] + " " + rest[m.end():]
    m = _SHOT.search(rest)
    if m:
        found["shots"] = _first_int(m)
        rest = rest[: m.start()] + " " + rest[m.end():]
    elif _FEW.search(rest):
        found["few_shot"] = True
        rest = _FEW.sub(" ", rest)
    if _COT.search(rest):
        found["cot"] = True
        rest = _COT.sub(" ", rest)
    if _TOOLS.search(rest):
        found["tools"] = True
        rest = _TOOLS.sub(" ", rest)
    m = _SPLIT.search(rest)
    if m:
        raw = next(g for g in m.groups() if g)
        found["split"] = _SPLIT_ZH.get(raw, _SPLIT_ZH.get(raw.lower(), raw.lower()))
        rest = rest[: m.start()] + " " + rest[m.end():]
    # The metric itself is not a setting detail.
    if metric:
        rest = rest.replace(metric, " ")
    detail = re.sub(r"[\s,;，；()（）]+", " ", rest).strip()
    return ParsedSetting(
        pass_k=found.get("pass_k"),  # type: ignore[arg-type]
        maj_k=found.get("maj_k"),  # type: ignore[arg-type]
        shots=found.get("shots"),  # type: ignore[arg-type]
        few_shot=bool(found.get("few_shot", False)),
        cot=bool(found.get("cot", False)),
        tools=bool(found.get("tools", False)),
        split=found.get("split"),  # type: ignore[arg-type]
        detail=detail,
    )
