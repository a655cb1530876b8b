"""A fast spaCy tokenizer for mixed Chinese/English AI text that keeps names and values whole.

``spacy.blank("zh")`` splits text into single characters (``Qwen2.5-32B`` becomes 11 tokens) and
``spacy.blank("en")`` cuts ``GPT‑4o`` at a non-ASCII dash. Here one regex pass gives one token per
Latin name run (``Qwen2.5-32B``, ``GPT‑4o`` with any dash U+2010–2015 or U+2212, ``AIME'24``,
``Protégé-8B``), one per number with its decimals and percent sign (``85.3%``), one per run of
extra whitespace and one per other character (so every Chinese character is its own token and a
Chinese name still aligns with token boundaries). No model weights are needed.

Why a regex and not spaCy's rule-based ``Tokenizer``: its prefix/suffix/infix loop works on
whitespace-separated chunks, and Chinese text has none; one ``findall`` over the text and one
``Doc`` construction run at several million characters a second.
"""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

DASHES = "\u2010-\u2015\u2212"
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
# group 1: a token, group 2: the one space that follows it (spaCy's ``whitespace_``), group 3: other whitespace
_TOKEN = re.compile(
    rf"([{_LETTER}][{_LETTER}0-9]*(?:[-{DASHES}_.+/'’][{_LETTER}0-9]+)*\+*"
    rf"|[0-9]+(?:[.,][0-9]+)*(?:[{_LETTER}]+(?:[-{DASHES}_.][{_LETTER}0-9]+)*)?%?"
    r"|[^\s])( ?)|(\s+)"
)


# The "candidates" scope keeps a run of Chinese characters as one token: a Doc costs about a
# microsecond per token, and the claim components read mentions by character offsets, not tokens.
_RUN_TOKEN = re.compile(_TOKEN.pattern.replace(r"|[^\s])( ?)", r"|[\u3400-\u9fff]+|[^\s])( ?)"))


def _words(text: str, start: int, end: int, words: list[str], spaces: list[bool], rx: re.Pattern[str] = _TOKEN) -> None:
    for tok, trailing, space in rx.findall(text, start, end):
        words.append(tok or space)
        spaces.append(bool(trailing))


SCOPES = ("all", "candidates", "sentences")


class BenchclaimsTokenizer:
    """Callable ``text -> Doc`` (see the module docstring); stateless, so serialisation is a no-op.

    ``scope="candidates"`` (what the rules backend uses) splits only the sentences that can hold a
    claim (a result trigger and a name, ``extractor.nlp.mentions.candidate_sentences``), keeps a run
    of Chinese characters there as one token, and keeps each stretch between them as one token: the
    components read mentions by character offsets, and a spaCy ``Doc`` costs about a microsecond per
    token, more than the whole extraction of that text. A mention inside a token spans the token in
    ``doc.spans`` (its exact offsets stay on ``doc._.mentions``).
    ``scope="sentences"`` (the rules backend's own pipeline, which puts no spans on its documents) keeps each
    candidate sentence whole as one token, as the stretches between them.
    ``scope="all"`` (the default) splits everything.
    """

    def __init__(self, vocab: Vocab, scope: str = "all") -> None:
        if scope not in SCOPES:
            raise ValueError(f"scope must be one of {', '.join(map(repr, SCOPES))}, not {scope!r}")
        self.vocab = vocab
        self.scope = scope

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        if self.scope == "all":
            _words(text, 0, len(text), words, spaces)
        else:
            from extractor.nlp.mentions import candidate_sentences
            from extractor.rules.folding import fold

            done = 0
            for a, b in candidate_sentences(fold(text)):  # the folded text the rules read: same offsets
                if a > done:
                    words.append(text[done:a])
                    spaces.append(False)
                if self.scope == "sentences":
                    words.append(text[a:b])
                    spaces.append(False)
                else:
                    _words(text, a, b, words, spaces, _RUN_TOKEN)
                done = b
            if done < len(text):
                words.append(text[done:])
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: object, batch_size: int = 1000) -> object:
        for text in texts:  # type: ignore[attr-defined]
            yield self(text)

    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **__: object) -> BenchclaimsTokenizer:
        return self

    def to_disk(self, _path: object, **__: object) -> None:
        return None

    def from_disk(self, _path: object, **__: object) -> BenchclaimsTokenizer:
        return self


@spacy.registry.tokenizers("benchclaims.Tokenizer.v1")
def create_tokenizer(scope: str = "all") -> object:
    """Config entry: ``[nlp.tokenizer] @tokenizers = "benchclaims.Tokenizer.v1"`` (optional ``scope``).

    Naming the tokenizer in the config (rather than replacing ``nlp.tokenizer`` afterwards) keeps
    spaCy from building its default rule tokenizer first, whose prefix/suffix/infix regexes cost
    about 0.15 s to compile in every process.
    """

    def make(nlp: spacy.language.Language) -> BenchclaimsTokenizer:
        return BenchclaimsTokenizer(nlp.vocab, scope=scope)

    return make
