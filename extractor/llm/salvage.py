"""What to do with an answer cut at ``max_tokens`` (``finish_reason == "length"``).

Why: a long answer that overruns the budget used to fail validation, and the whole chunk fell
back to rules. Now the complete items at the front of the cut JSON are kept (``salvage``) and
the chunk is split in two and each half asked again (``split_chunk``), recursively up to a
depth, so what the model had finished is never lost and the rest fits the budget.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from extractor.llm.prefilter import Chunk, PackedChunk, pack
from extractor.llm.tables import TableChunk, TableRow, TableRows
from schemas import ClaimList
from schemas.claims import FACTS_ADAPTER

_DECODER = json.JSONDecoder()


def _items(text: str, key: str) -> list[Any]:
    """The complete JSON values at the front of the list under ``key`` in a cut JSON object."""
    at = text.find(f'"{key}"')
    if at < 0:
        return []
    pos = text.find("[", at)
    if pos < 0:
        return []
    pos += 1
    out: list[Any] = []
    while pos < len(text):
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            break
        try:
            value, pos = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError:
            break  # the cut item
        out.append(value)
    return out


def salvage(text: str, table: bool) -> Any:
    """A ``ClaimList`` / ``TableRows`` of the items complete before the cut (invalid items skipped)."""
    if table:
        rows = []
        for item in _items(text, "rows"):
            try:
                rows.append(TableRow.model_validate(item))
            except ValidationError:
                continue
        return TableRows(rows=rows)
    claims = []
    for item in _items(text, "claims"):
        try:
            claims.append(FACTS_ADAPTER.validate_python(item))
        except ValidationError:
            continue
    return ClaimList(claims=claims)


def split_chunk(chunk: Chunk, doc_text: str) -> list[Chunk]:
    """Two halves of ``chunk`` (by excerpts; a table group by rows, each half with the header); [] if it cannot split."""
    if isinstance(chunk, TableChunk):
        if len(chunk.rows) < 2 or len(chunk.excerpts) < 2:
            return []
        half = len(chunk.rows) // 2
        out: list[Chunk] = []
        for rows in (chunk.rows[:half], chunk.rows[half:]):
            part = TableChunk(section=chunk.section, table=chunk.table, rows=rows)
            part.add(doc_text, chunk.excerpts[0])
            part.add(doc_text, type(chunk.excerpts[0])(rows[0].start, rows[-1].end, True))
            out.append(part)
        return out
    if isinstance(chunk, PackedChunk):
        half = len(chunk.parts) // 2
        return [pack(chunk.parts[:half]), pack(chunk.parts[half:])]
    if len(chunk.excerpts) < 2:
        return []
    half = len(chunk.excerpts) // 2
    halves: list[Chunk] = []
    for excerpts in (chunk.excerpts[:half], chunk.excerpts[half:]):
        prose = Chunk(section=chunk.section)
        for ex in excerpts:
            prose.add(doc_text, ex)
        halves.append(prose)
    return halves
