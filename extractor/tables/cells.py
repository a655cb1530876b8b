"""Reading single table cells: numeric scores, and header labels split into benchmark/metric/setting.

The words that decide what a header means live in ``data/table_headers.tsv``; this module
only compiles them (once) and applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from extractor.lexicon import DATA_DIR, LexiconError
from extractor.normalize import clean_name, find_benchmarks
from schemas.claims import Unit

TABLE_HEADERS_TSV = DATA_DIR / "table_headers.tsv"
ROLES = ("index_column", "skip_column", "model_label", "bench_label", "metric_label", "setting_label", "not_model",
         "average", "setting", "metric", "label_column", "value_column")


@lru_cache(maxsize=2)
def header_patterns(path: str | None = None) -> dict[str, re.Pattern[str]]:
    """role -> compiled pattern (several lines of one role are OR-ed)."""
    p = Path(path) if path else TABLE_HEADERS_TSV
    parts: dict[str, list[str]] = {r: [] for r in ROLES}
    for lineno, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        role, sep, pattern = line.partition("\t")
        if not sep or role not in parts:
            raise LexiconError(f"{p}:{lineno}: expected 'role<TAB>regex' with role one of {', '.join(ROLES)}")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise LexiconError(f"{p}:{lineno}: bad regex: {exc}") from exc
        parts[role].append(pattern)
    never = r"(?!x)x"
    return {r: re.compile("|".join(f"(?:{x})" for x in ps) or never, re.IGNORECASE) for r, ps in parts.items()}


@lru_cache(maxsize=65536)
def has_role(text: str, role: str) -> bool:
    return bool(text) and header_patterns()[role].search(text) is not None


# --------------------------------------------------------------------------- values

_EMPTY = re.compile(r"^(?:|-+|–|—|一|/|n/?a|none|null|nan|\?|x|✗|✘|×|\\|未报告|无|暂无)$", re.IGNORECASE)
_FOOTNOTE = re.compile(r"[*†‡§¶#^⋆★☆✝↑↓⬆⬇▲▼🥇🥈🥉]+|<sup>.*?</sup>|\^\{?[^}\s]*\}?|\[\d+\]")
_NUMBER = re.compile(
    r"^(?P<sign>[-+−]?)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*"
    r"(?P<unit>%|％|pp|pts?|points?|分|倍|x|×)?"
    r"(?:\s*(?:±|\+/-|\+-)\s*\d+(?:\.\d+)?\s*%?)?"
    r"(?:\s*[(（\[][^()（）\[\]]*[)）\]])?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CellValue:
    value: float
    unit_raw: str  # "%", "pts", "" ...


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>", re.IGNORECASE)
_MD_LINK = re.compile(r"(?<!!)\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")


_HTML_EMPHASIS = re.compile(r"</?(?:b|strong|u|em|i|span|font|mark|a|sub|code|small|big|center|p|div)\b[^>]*>",
                            re.IGNORECASE)
_LATEX_WRAP = re.compile(r"\\(?:textbf|underline|mathbf|textit|bf|mathrm|text)\s*\{([^{}]*)\}")
_LATEX_MATH = re.compile(r"\$([^$]*)\$")
_MD_EMPHASIS = re.compile(r"\*\*|__|~~|`")
_STARS = re.compile(r"(?<=\d)\*+|^\*+|\*+$")
_INNER_UNDERSCORE = re.compile(r"(?<=\w)_(?=\w)")
_DIGIT_UNDERSCORE = re.compile(r"\d_\d")
_SPACES = re.compile(r"\s+")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_LABEL_MARKS = re.compile(r"[†‡§¶⋆★☆✝↑↓⬆⬇]|\^\{?[*†‡\d]+\}?")


_LATEX_SUPERSCRIPT = re.compile(r"\^\s*(?:\{[^{}]*\}|\\\w+|\S)")
_LATEX_COMMAND = re.compile(r"\\(?:mathrm|mathbf|textbf|textit|text|mathit|bf|it|rm|boldsymbol|bm|underline|mathsf)\b")
_LATEX_ESCAPE = re.compile(r"\\([#%&_$])")
_LATEX_OTHER = re.compile(r"\\[A-Za-z]+")
_SPACED_LETTERS = re.compile(r"(?<![^\s])(?:\S )+\S(?![^\s])")


def _latex_text(math: str) -> str:
    """Plain text of inline LaTeX as PDF converters write it: ``{ \\mathrm { Q u I P } } \\# ^ { \\star }``
    -> ``QuIP#``, ``72.3^{\\Delta}`` -> ``72.3``, ``\\mathbf{85.1}`` -> ``85.1``, ``\\pm`` -> ``±``."""
    s = _LATEX_SUPERSCRIPT.sub("", math.replace("\\pm", "±"))
    s = _LATEX_COMMAND.sub("", s)
    s = _LATEX_ESCAPE.sub(r"\1", s)
    s = _LATEX_OTHER.sub("", s).replace("{", " ").replace("}", " ")
    s = _SPACES.sub(" ", s).strip()
    # OCR'd math letters come one per token ("Q u I P"): glue runs of single characters.
    return _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), s)


@lru_cache(maxsize=65536)
def strip_markup(cell: str) -> str:
    """Remove emphasis (``**x**``, ``__x__``, ``<b>``, ``<u>``), links, LaTeX wrappers and stray stars."""
    s = _MD_LINK.sub(r"\1", _BR.sub(" ", cell))
    s = _MD_IMAGE.sub("", s)
    s = _HTML_EMPHASIS.sub("", s)
    if "$" in s or "\\" in s:
        s = _LATEX_MATH.sub(lambda m: _latex_text(m.group(1)), s)
        s = _LATEX_WRAP.sub(r"\1", s).replace("\\%", "%").replace("\\pm", "±")
    s = _MD_EMPHASIS.sub("", s)
    s = _STARS.sub("", s)
    if not _DIGIT_UNDERSCORE.search(s):
        s = _INNER_UNDERSCORE.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


@lru_cache(maxsize=65536)
def parse_value(cell: str) -> CellValue | None:
    """A score in a cell: ``**71.0**`` -> 71.0, ``71.0%`` -> (71.0, "%"), ``85.2±0.3`` -> 85.2.

    Empty markers (``-``, ``N/A``, ``—``), counts with magnitude suffixes (``7B``, ``1.5M``),
    prices, dates and text give None.
    """
    s = strip_markup(cell)
    s = _FOOTNOTE.sub("", s).strip()
    if _EMPTY.match(s):
        return None
    m = _NUMBER.match(s)
    if not m:
        return None
    num = m.group("num").replace(",", "")
    try:
        value = float(num)
    except ValueError:
        return None
    if m.group("sign") in ("-", "−"):
        value = -value
    unit = (m.group("unit") or "").replace("％", "%")
    return CellValue(value, unit)


def is_empty_cell(cell: str) -> bool:
    """A cell that states nothing: blank, a dash (also OCR's 一), N/A, a cross."""
    return bool(_EMPTY.match(strip_markup(cell)))


@lru_cache(maxsize=65536)
def is_numeric_cell(cell: str) -> bool:
    """A score, or several separated by "/" (``71.0 / 86.7``)."""
    if parse_value(cell) is not None:
        return True
    parts = strip_markup(cell).split("/")
    return len(parts) > 1 and all(parse_value(p) is not None for p in parts)


# --------------------------------------------------------------------------- labels

_PAREN = re.compile(r"[(（\[]([^()（）\[\]]*)[)）\]]")


@dataclass
class Label:
    """A header cell read as benchmark name + metric + setting (+ unit hint)."""

    text: str
    benchmark: str = ""
    known: bool = False
    metric: str | None = None
    setting: list[str] | None = None
    unit: Unit | None = None


def _unit_hint(fragment: str) -> Unit | None:
    f = fragment.strip().lower()
    if f in ("%", "％", "in %", "% acc", "acc %") or "(%)" in f or f.endswith(" %"):
        return "%"
    if f in ("pts", "points", "分"):
        return "points"
    if re.search(r"\belo\b|\brating\b", f):
        return "elo"
    return None


def _split_mixed(fragment: str) -> list[str]:
    """``3-shot F1`` -> [``3-shot``, ``F1``]: a fragment holding both a setting and a metric."""
    words = fragment.split()
    if len(words) < 2 or not (has_role(fragment, "setting") and has_role(fragment, "metric")):
        return [fragment]
    metric = [w for w in words if has_role(w, "metric") and not has_role(w, "setting")]
    rest = [w for w in words if w not in metric]
    return [" ".join(rest), " ".join(metric)] if metric and rest else [fragment]


_PASS_AT_K = re.compile(r"pass\s?@\s?\d+", re.IGNORECASE)


def read_label(raw: str) -> Label:
    """Split a header like ``MATH-500 (Pass@1)`` or ``GSM8K 8-shot EM`` into its parts."""
    label = _read_label(raw)
    return replace(label, setting=list(label.setting or []))


@lru_cache(maxsize=16384)
def _read_label(raw: str) -> Label:
    text = strip_markup(raw)
    text = _LABEL_MARKS.sub("", text).strip()
    label = Label(text=text, setting=[])
    fragments: list[str] = [f.strip() for f in _PAREN.findall(text) if f.strip()]
    paren_fragments = set(fragments)
    main = _PAREN.sub(" ", text)
    main = re.sub(r"\s+", " ", main).strip(" -–:/,")
    hits = find_benchmarks(main)
    if hits:
        s, e, _ = hits[0]
        name = main[s:e]
        rest = (main[:s] + " " + main[e:]).strip(" -–:/,")
        if rest:
            fragments.insert(0, rest)
        label.benchmark, label.known = name, True
    else:
        words = main.split(" ")
        # Peel setting/metric words off the end ("GSM8K-Hard 8-shot EM").
        while words and (has_role(words[-1], "setting") or has_role(words[-1], "metric") or words[-1] in ("%", "(%)")):
            fragments.insert(0, words.pop())
        name = " ".join(words).strip(" -–:/,")
        if name and (has_role(name, "metric") and len(name) <= 24 or has_role(name, "setting") and len(name) <= 24):
            fragments.insert(0, name)
            name = ""
        label.benchmark = clean_name(name)
    settings: list[str] = []
    fragments = [piece for frag in fragments for piece in _split_mixed(frag)]
    for frag in fragments:
        unit = _unit_hint(frag)
        if unit:
            label.unit = label.unit or unit
            frag = re.sub(r"\(?%\)?", "", frag).strip()
            if not frag:
                continue
        if _PASS_AT_K.fullmatch(frag) and label.metric is None and frag in paren_fragments:
            # "AIME 2024 (Pass@1)": a sub-header naming how the column is scored is its metric
            label.metric = frag
        elif has_role(frag, "setting"):
            settings.append(frag)
        elif has_role(frag, "metric"):
            label.metric = label.metric or frag
        elif frag:
            settings.append(frag)
    label.setting = settings
    if label.metric and not label.unit:
        label.unit = _unit_hint(label.metric)
    return label
