"""The spaCy side of the rules backend: a blank pipeline whose tokens keep Latin names whole.

``spacy.blank("zh")`` splits text into single characters, which cuts ``Qwen2.5-32B`` or
``AIME'24`` into pieces. ``LatinRunTokenizer`` keeps each Latin name, number (with its
decimal point) and percentage whole and gives every Chinese character its own token, so
spaCy's ``Matcher`` / ``EntityRuler`` can match names inside Chinese text. The entity
ruler is loaded from the same lexicon files as the regexes (benchmarks, metric words,
comparison cues, model-name shapes). No model weights are needed or downloaded.

The high-throughput path of the rules backend (``prose.py``) uses regexes compiled from
the same lexicons; this pipeline is the token-level view of the same knowledge, used for
tokenisation, for annotating sentences (``annotate``) and for debugging rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extractor import lexicon
from extractor.rules.mentions import NAME_ZH

# One token: a Latin name run (Qwen2.5-32B, DeepSeek-R1-Distill-Qwen-7B, GPT-4o, AIME'24),
# a number with its decimals/percent sign, a run of whitespace, or any other single character.
_TOKEN = re.compile(
    r"[A-Za-z][A-Za-z0-9]*(?:[-_.+/'’][A-Za-z0-9]+)*\+*"
    r"|\d+(?:[.,]\d+)*(?:[A-Za-z]+(?:[-_.][A-Za-z0-9]+)*)?%?"
    r"|\s+"
    r"|."
)


class LatinRunTokenizer:
    """A spaCy tokenizer for mixed Chinese/Latin text (see the module docstring)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for m in _TOKEN.finditer(text):
            tok = m.group(0)
            if tok == " " and words and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True  # a single space after a token is that token's trailing space
                continue
            words.append(tok)
            spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    # spaCy calls these when (de)serialising a pipeline; this tokenizer has no state to save.
    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **__: object) -> LatinRunTokenizer:
        return self

    def to_disk(self, _path: object, **__: object) -> None:
        return None

    def from_disk(self, _path: object, **__: object) -> LatinRunTokenizer:
        return self


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """A blank Chinese pipeline with the Latin-aware tokenizer and a lexicon-driven entity ruler.

    Built once per process. Labels: BENCHMARK, METRIC, CUE, MODEL (vendor-family shapes).
    """
    nlp = spacy.blank("zh")
    nlp.tokenizer = LatinRunTokenizer(nlp.vocab)
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    patterns: list[dict[str, object]] = []
    for entry in lexicon.benchmarks():
        for alias in entry.aliases:
            patterns.append({"label": "BENCHMARK", "pattern": alias, "id": entry.canonical})
    for surface in lexicon.metric_words():
        patterns.append({"label": "METRIC", "pattern": surface})
    for cue in lexicon.comparison_cues():
        patterns.append({"label": "CUE", "pattern": cue.phrase, "id": cue.relation})
    vendors = "|".join(re.escape(v) for v in sorted(lexicon.model_vendors(), key=len, reverse=True) if v.isascii())
    patterns.append({"label": "MODEL", "pattern": [{"TEXT": {"REGEX": rf"^(?i:{vendors})(?:[-_.0-9].*|[a-z]?\d.*)?$"}}]})
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


def tokenize(text: str) -> list[str]:
    """The token texts of ``text`` (whitespace tokens dropped)."""
    return [t.text for t in get_nlp().make_doc(text) if not t.is_space]


def annotate(text: str) -> Doc:
    """Run the whole pipeline (tokenizer + entity ruler) on ``text``."""
    return get_nlp()(text)


def latin_names(text: str) -> list[str]:
    """Latin name runs as the regex path sees them ("Claude 3.5 Sonnet" is one name in Chinese text)."""
    return [m.group(0) for m in NAME_ZH.finditer(text)]
