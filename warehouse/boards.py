"""Boards, precomputed: leaderboards and beats read a few rows by key instead of ranking every claim.

``ranking`` defines what a board is (comparable groups, best value per model, support, conflict,
sources) and computes it from the claims on every query; a popular benchmark holds tens of
thousands of claims, so that took a quarter of a second at a million claims and seconds in the
tail. Here the same answer is kept in tables (``board_group_map``, ``board_groups``, ``board_rows``,
see ``schema.sql``): every write that changes a benchmark's claims (ingest, re-ingest, a review
decision, an entity merge) records the benchmark in ``board_dirty`` inside its own transaction,
and ``refresh`` rebuilds just those benchmarks with set-based SQL (``sql.BUILD_BOARD_ROWS``) before
the next read. Only the group merging of ``ranking.effective_groups`` runs in Python, over the few
raw groups of each benchmark.

Reads that boards do not hold (``as_of``, more than ``sql.BOARD_SOURCES`` sources per row, a file
whose boards are not built) stay on ``ranking``'s path; ``tests/warehouse/test_boards_precomputed.py`` checks both agree.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import Any, NamedTuple

import duckdb
import pyarrow as pa
from pydantic import BaseModel, TypeAdapter

from schemas import BeatsResult, BeatsRow, Leaderboard, LeaderboardRow, SourceRef
from vocabulary import VOCABULARY_FILE
from warehouse import ranking, sql
from warehouse.entities import Registry
from warehouse.names import is_lower_better, is_named

# Bump when the board tables' meaning changes: files built by another version are rebuilt on open.
BOARDS_FORMAT = "3"
BOARD_SOURCES = sql.BOARD_SOURCES


def boards_stamp() -> str:
    """What the stored boards depend on besides the claims: this format and the vocabulary (which
    metrics are lower-is-better decides best values and order)."""
    voc = VOCABULARY_FILE.read_bytes() if VOCABULARY_FILE.exists() else b""
    return f"{BOARDS_FORMAT}:{hashlib.sha256(voc).hexdigest()[:16]}"


class RawGroup(NamedTuple):
    """A raw comparable group of one benchmark as ``sql.BOARD_RAW_GROUPS`` returns it."""

    benchmark_id: int
    metric_key: str
    unit_key: str
    setting_key: str
    models: int
    claims: int
    top: float
    first: int


def refresh(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild the boards of every benchmark in ``board_dirty``, inside the caller's transaction.

    Returns how many benchmarks were rebuilt.
    """
    dirty = [int(r[0]) for r in con.execute(sql.BOARD_DIRTY).fetchall()]
    if not dirty:
        return 0
    raw_rows = [RawGroup(*r) for r in con.execute(sql.BOARD_RAW_GROUPS).fetchall()]
    for statement in sql.DELETE_DIRTY_BOARDS:
        con.execute(statement)
    if raw_rows:
        by_bench: dict[int, list[RawGroup]] = defaultdict(list)
        for r in raw_rows:
            by_bench[r.benchmark_id].append(r)
        group_cols: dict[str, list[Any]] = defaultdict(list)
        map_cols: dict[str, list[Any]] = defaultdict(list)
        for bid, raws in by_bench.items():
            _plan(bid, raws, group_cols, map_cols)
        _insert(con, sql.INSERT_BOARD_GROUPS, "board_group_batch", group_cols)
        _insert(con, sql.INSERT_BOARD_GROUP_MAP, "board_map_batch", map_cols)
        unclassified = con.execute(sql.UNCLASSIFIED_NAMES).fetchall()
        if unclassified:
            _insert(con, sql.INSERT_BOARD_NAMES, "board_names_batch", {
                "entity_id": [eid for eid, _ in unclassified], "named": [is_named(n) for _, n in unclassified]})
        con.execute(sql.BUILD_BOARD_ROWS)
    con.execute(sql.CLEAR_BOARD_DIRTY)
    return len(dirty)


def _plan(bid: int, raws: list[RawGroup], group_cols: dict[str, list[Any]], map_cols: dict[str, list[Any]]) -> None:
    """One benchmark's effective groups (``ranking.effective_groups``) as rows of the two group tables."""
    groups = ranking.effective_groups([(r.metric_key, r.unit_key, r.setting_key, r.models, r.claims) for r in raws])
    top = {(r.metric_key, r.unit_key, r.setting_key): r.top for r in raws}
    for grp, g in enumerate(groups):
        lower = is_lower_better(g.metric)
        # on_group_scale: bare fractions go on a 0-100 scale in a % group that also holds values > 1
        scaled = g.unit == "%" and not lower and any(top[raw] > 1 for raw in g.raw)
        for col, val in (("benchmark_id", bid), ("grp", grp), ("metric_key", g.metric), ("unit_key", g.unit),
                         ("setting_key", g.setting), ("models", g.models), ("claims", g.claims),
                         ("raw_keys", json.dumps(g.raw_tags))):
            group_cols[col].append(val)
        for m, u, s in g.raw:
            for col, val in (("benchmark_id", bid), ("raw_metric", m), ("raw_unit", u), ("raw_setting", s),
                             ("grp", grp), ("lower", lower), ("scaled", scaled)):
                map_cols[col].append(val)


def _insert(con: duckdb.DuckDBPyConnection, query: str, view: str, columns: dict[str, list[Any]]) -> None:
    con.register(view, pa.table(columns))
    try:
        con.execute(query)
    finally:
        con.unregister(view)


def _groups(con: duckdb.DuckDBPyConnection, bid: int) -> list[ranking.Group]:
    out = []
    for m, u, s, models, claims, raw_keys in con.execute(sql.BOARD_GROUPS, [bid]).fetchall():
        raw = [tuple(k.split("|", 2)) for k in raw_keys]
        out.append(ranking.Group(m, u, s, raw=raw, models=int(models), claims=int(claims)))  # type: ignore[arg-type]
    return out


_ROWS = TypeAdapter(list[LeaderboardRow])


# Boards with more models than this are read as one DuckDB-written JSON array (``sql.BOARD_ROWS_JSON``): no
# Python object per value on the way. Below it, two plain reads win (that query's planning costs ~3 ms).
JSON_ABOVE = 500


def leaderboard(con: duckdb.DuckDBPyConnection, reg: Registry, benchmark: str, metric: str | None,
                setting: str | None, sources_limit: int, json_above: int = JSON_ABOVE) -> Leaderboard:
    """``ranking.leaderboard`` read from the board tables (at most ``BOARD_SOURCES`` sources per row); a group
    of more than ``json_above`` models is read as one JSON array, a smaller one row by row."""
    target = ranking.resolve_benchmark(reg, benchmark)
    board = ranking.empty_board(reg, target)
    others: list[str] = []
    first = True
    for bid in target.member_ids:
        member = reg.entities[bid].name
        groups = _groups(con, bid)
        chosen, rest = ranking._pick(groups, metric, setting)
        prefix = f"{member}: " if target.is_family else ""
        others.extend(prefix + g.label() for g in rest)
        if chosen is None:
            continue
        if first:
            ranking.describe_board(board, chosen)
            first = False
        grp = groups.index(chosen)
        if chosen.models > json_above:  # thousands of rows: DuckDB writes them as one JSON array, read in one call
            (rows_json,) = con.execute(sql.BOARD_ROWS_JSON, {
                "bid": bid, "grp": grp, "limit": sources_limit, "member": member, "unit": chosen.unit,
                "metric": chosen.metric, "setting": chosen.setting}).fetchone() or ("[]",)
            board.rows.extend(_ROWS.validate_json(rows_json))
        else:  # a few rows: two plain reads by key cost less than planning that query
            board.rows.extend(_rows(con, bid, grp, chosen, member, sources_limit))
    board.other_settings = others
    return board


_SOURCE_KEYS = ("claim_id", "source", "quote", "section", "start", "end", "value", "review_status")


def _rows(con: duckdb.DuckDBPyConnection, bid: int, grp: int, group: ranking.Group, member: str,
          sources_limit: int) -> list[LeaderboardRow]:
    """A group's rows: two plain reads by key (the rows, then the claims they show as sources), ranked here."""
    rows = con.execute(sql.BOARD_ROWS, [sources_limit, bid, grp]).fetchall()
    wanted = [i for r in rows for i in r[10]]
    sources = {c[0]: dict(zip(_SOURCE_KEYS, c, strict=True))
               for c in con.execute(sql.BOARD_SOURCES_BY_ID, [bid, wanted]).fetchall()} if wanted else {}
    unit, metric, setting = group.unit or None, group.metric or None, group.setting or None
    out = []
    rank, prev = 0, None
    for i, (model, value, high, r_unit, r_metric, support, conflict, values, verified, total, ids, _) \
            in enumerate(rows, start=1):
        if value != prev:
            rank, prev = i, value
        out.append({"rank": rank, "model": model, "benchmark": member, "value": value, "value_high": high,
                    "unit": r_unit or unit, "metric": r_metric or metric, "setting": setting, "support": support,
                    "conflict": conflict, "values": values,
                    "review_status": "verified" if verified else "unreviewed",
                    "sources": [sources[c] for c in ids], "sources_total": total})
    return _ROWS.validate_python(out)


class Beating(BaseModel):
    """A board row in a group where model X has one: X's own, or one with a better value (``BOARD_BEATING_JSON``)."""

    grp: int
    model_id: int
    value: float
    unit: str | None
    n_best: int
    best_sources: list[SourceRef]


_BEATING = TypeAdapter(list[Beating])


def beats(con: duckdb.DuckDBPyConnection, reg: Registry, model: str, benchmark: str, general: bool,
          sources_limit: int) -> BeatsResult:
    """``ranking.beats`` read from the board tables, evidence cut to ``sources_limit`` (<= ``BOARD_SOURCES``)
    and ``evidence_total`` counting all of it, as ``Warehouse.beats`` does on the other path."""
    xid = ranking.resolve_model(reg, model)
    target = ranking.resolve_benchmark(reg, benchmark)
    entities = reg.entities
    rows: dict[tuple[int, int | None, str | None], BeatsRow] = {}
    hidden: dict[int, int] = {}  # id(row) -> evidence the board left out (beyond BOARD_SOURCES per side)
    comparisons: list[tuple[Any, ...]] = []
    for bid in target.member_ids:
        member = entities[bid].name
        (found_json,) = con.execute(sql.BOARD_BEATING_JSON, {"bid": bid, "model": xid, "limit": BOARD_SOURCES}) \
            .fetchone() or ("[]",)
        by_group: dict[int, dict[int, Beating]] = defaultdict(dict)
        for b in _BEATING.validate_json(found_json):
            by_group[b.grp][b.model_id] = b
        groups = _groups(con, bid) if by_group else []
        for grp, group in enumerate(groups):
            found = by_group.get(grp)
            if not found or xid not in found:
                continue
            mine = found[xid]
            for mid, res in found.items():
                if mid == xid:
                    continue
                row = BeatsRow(
                    model=entities[mid].name, value=res.value, baseline_value=mine.value,
                    margin=round(abs(res.value - mine.value), 6), benchmark=member,
                    metric=group.metric or None, setting=group.setting or None,
                    unit=res.unit or group.unit or None, how="score",
                    evidence=res.best_sources + mine.best_sources,
                )
                hidden[id(row)] = res.n_best + mine.n_best - len(row.evidence)
                rows[(mid, bid, group.setting)] = row
        comparisons += con.execute(sql.BENCHMARK_BEATEN_BY, [bid, xid]).fetchall()
    if general:
        comparisons += [c for c in con.execute(sql.GENERAL_BEATEN_BY, [xid]).fetchall() if c[12] != "rejected"]
    result = ranking.finish_beats(reg, xid, target, rows, comparisons)
    for row in result.rows:
        row.evidence_total = len(row.evidence) + hidden.get(id(row), 0)
        del row.evidence[sources_limit:]
    return result
