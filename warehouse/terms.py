"""Claim terms: what a claim's metric, setting and unit wording mean, kept once per distinct wording.

A claim used to carry ten columns derived from its wording (metric, unit and setting keys, the setting's
detail and its parsed pass@k / maj@k / shots / CoT / tools / split). A million claims hold a few hundred
distinct wordings, and each of those columns cost DuckDB ~0.05-0.2 s of CPU per million claims to insert and
compress (strings most: ~1 s for the ten), so a claim now carries one ``term_id`` and ``claim_terms`` holds the
derived columns once per wording; reads that need a key join that small table.

Ids are given in the order claims meet new wordings (as entity ids are), so a batch and the same documents
stored one by one store the same ids. A term is keyed by the wording *and* its derived columns: a wording
parsed differently by a later vocabulary gets a new term, and claims stored before keep the keys they had.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

import duckdb
import pyarrow as pa

from warehouse import sql
from warehouse.names import metric_key, unit_key
from warehouse.setting_parse import parse_setting

# ``claim_terms``' columns after its id, in the order a term's key holds them.
TERM_FIELDS: tuple[str, ...] = ("metric", "setting", "unit", "metric_key", "unit_key", "setting_key", "setting_detail",
                                "pass_k", "maj_k", "shots", "cot", "tools", "split")
_TYPES = {"pass_k": pa.int32(), "maj_k": pa.int32(), "shots": pa.int32(), "cot": pa.bool_(), "tools": pa.bool_()}
_SCHEMA = pa.schema([("id", pa.int64())] + [(f, _TYPES.get(f, pa.string())) for f in TERM_FIELDS])

# Units whose key is ``names.unit_key``'s; any other unit is its own key (as claims always stored it).
_UNIT_KEYS: dict[str | None, str] = {u: unit_key(u) for u in (None, "%", "points", "elo", "x", "score")}

Term = tuple[Any, ...]  # the values of ``TERM_FIELDS``


@lru_cache(maxsize=65536)
def term_of(metric: str | None, setting: str | None, unit: str | None) -> Term:
    """The wording with what it means (cached: wordings repeat)."""
    p = parse_setting(setting, metric)
    return (metric, setting, unit, metric_key(metric), _UNIT_KEYS.get(unit, unit), p.key, p.detail, p.pass_k,
            p.maj_k, p.shots, p.cot, p.tools, p.split)


class PendingTerms(NamedTuple):
    """Terms given ids and not yet written, as ``claim_terms`` rows (id first)."""

    rows: list[tuple[Any, ...]]

    def write(self, con: duckdb.DuckDBPyConnection) -> None:
        """Insert the rows inside the caller's transaction (ids already stored are skipped)."""
        if not self.rows:
            return
        columns = list(zip(*self.rows, strict=True))
        con.register("term_batch", pa.table([pa.array(c, f.type) for c, f in zip(columns, _SCHEMA, strict=True)],
                                            schema=_SCHEMA))
        try:
            con.execute(sql.INSERT_TERMS)
        finally:
            con.unregister("term_batch")


class Terms:
    """The stored terms by wording, and the ids given since the last write (``pending``)."""

    def __init__(self) -> None:
        self._ids: dict[Term, int] = {}
        self._pending: list[tuple[Any, ...]] = []
        self._next = 1

    def load(self, con: duckdb.DuckDBPyConnection) -> None:
        """Read the stored terms (and forget pending ones: their transaction did not commit)."""
        self._ids = {tuple(row[1:]): int(row[0]) for row in con.execute(sql.SELECT_TERMS).fetchall()}
        self._pending = []
        self._next = max(self._ids.values(), default=0) + 1

    def id_of(self, metric: str | None, setting: str | None, unit: str | None) -> int:
        """The term id of a claim's wording, a new one (pending) the first time it is met."""
        term = term_of(metric, setting, unit)
        found = self._ids.get(term)
        if found is None:
            found = self._ids[term] = self._next
            self._next += 1
            self._pending.append((found, *term))
        return found

    def detach_pending(self) -> PendingTerms:
        """Hand over the pending terms and start a new list (a batch written on another thread takes its own;
        if that write fails, ``load`` forgets them all)."""
        taken = PendingTerms(self._pending)
        self._pending = []
        return taken

    def flush(self, con: duckdb.DuckDBPyConnection) -> None:
        """Write the pending terms inside the caller's transaction; they stay pending until ``commit``."""
        PendingTerms(self._pending).write(con)

    def commit(self) -> None:
        self._pending = []
