"""The versioned system prompt and the user message built for each chunk.

Why a data file: the prompt is tuned like a lexicon (wording, examples), and its
version is part of the cache key, so editing it means adding ``claims_vN.md`` and
bumping ``PROMPT_VERSION`` — old cached answers then stop matching instead of lying.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "data" / "prompts"
PROMPT_VERSION = "claims_v2"  # v2: several sections per message (packing)


class PromptError(RuntimeError):
    """The prompt file is missing or empty (names the file)."""


@lru_cache(maxsize=8)
def system_prompt(version: str = PROMPT_VERSION) -> str:
    """The text of ``extractor/data/prompts/<version>.md``."""
    path = PROMPTS_DIR / f"{version}.md"
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise PromptError(f"{path}: cannot read prompt ({exc.strerror or exc})") from exc
    if not text:
        raise PromptError(f"{path}: prompt file is empty")
    return text


EXCERPT_MARK = "Excerpts:\n"


def user_message(section_title: str | None, subject: str | None, chunk_text: str) -> str:
    """The chunk with its section context, so "our method" / 该方法 can be resolved."""
    head = [f"Section: {section_title or '(untitled)'}"]
    if subject:
        head.append(f"Section subject: {subject}")
    return "\n".join(head) + "\n\n" + EXCERPT_MARK + chunk_text
