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
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields
from typing import Any, Literal, NamedTuple

import duckdb
import pyarrow as pa

from schemas import BeatsResult, BeatsRow, Leaderboard, SourceRef
from vocabulary import VOCABULARY_FILE
from warehouse import ranking, sql
from warehouse.entities import Registry
from warehouse.names import is_lower_better, is_named

# Bump when the board tables' meaning changes: files built by another version are rebuilt on open.
# 8: ties broken by claim id, not by the claims' stored order (``sql.BOARD_RAW_GROUPS``).
# 9: families' default pages kept ready (``board_family_pages``).
BOARDS_FORMAT = "9"
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


def refresh(con: duckdb.DuckDBPyConnection, batch_claims: int | None = None,
            between: Callable[[], None] | None = None, reg: Registry | None = None) -> int:
    """Rebuild the boards of every benchmark in ``board_dirty``, inside the caller's transaction, in batches of
    benchmarks of at most ``batch_claims`` claims (default ``BUILD_BATCH_CLAIMS``).

    ``between`` is called once the groups are written and before the rows are built: a writer commits there
    (and begins again), because DuckDB plans the build without statistics of rows written in the same
    transaction (it estimated the groups' claims at a few dozen and built hash tables of every claim
    instead of the small tables: a third of the build at 1 M claims). It is called again once the rows are
    written and before the ready pages are built from them: DuckDB reads rows of its own open transaction
    much slower than committed ones (1 M claims: the pages 0.9 s after the rows in one transaction, 0.2 s
    after a commit that itself took 0.04 s; the commit at the end has that much less to write). Nothing is lost by
    the splits: ``board_dirty`` names every benchmark at each commit and until the pages are built, and a
    rebuild starts by deleting what a failed one left.

    With ``reg``, the default pages of the families of the rebuilt benchmarks are built too
    (``_build_family_pages``); without, every family's ready page is dropped (reads compute them).

    Returns how many benchmarks were rebuilt.
    """
    dirty = [int(r[0]) for r in con.execute(sql.BOARD_DIRTY).fetchall()]
    if not dirty:
        return 0
    raw_rows = [RawGroup(*r) for r in con.execute(sql.BOARD_RAW_GROUPS).fetchall()]
    names = dict(con.execute(sql.DIRTY_BENCHMARK_NAMES).fetchall()) if raw_rows else {}
    # DuckDB clears the old boards and copies the comparisons on a worker thread (it releases the GIL) while this one
    # plans the groups in Python; the connection is not used here until both are done
    with ThreadPoolExecutor(1, thread_name_prefix="board-build") as pool:
        cleared = pool.submit(_clear_and_copy_comparisons, con)
        planned = _plan_all(raw_rows, names)
        cleared.result()
    if raw_rows:
        _write_groups(con, *planned)
        claims: dict[int, int] = defaultdict(int)
        for r in raw_rows:
            claims[r.benchmark_id] += r.claims
        if between is not None:
            between()
        batches = _batches(claims, batch_claims or BUILD_BATCH_CLAIMS)
        for batch in batches:
            _narrow(con, batch, batches)
            con.execute(sql.BUILD_BOARD_ROWS, {"rows": PAGE_ROWS})
            con.execute(sql.COUNT_BOARD_ROWS)
        if between is not None:
            _narrow(con, dirty, batches)  # every benchmark named again: the commit leaves them all pending
            between()
        for batch in batches:
            _narrow(con, batch, batches)
            con.execute(sql.BUILD_BOARD_PAGES, {"rows": PAGE_ROWS, "sources": PAGE_SOURCES})
    if reg is None:
        con.execute(sql.CLEAR_FAMILY_PAGES)
    else:
        _build_family_pages(con, reg, dirty)
    con.execute(sql.CLEAR_BOARD_DIRTY)
    return len(dirty)


def _build_family_pages(con: duckdb.DuckDBPyConnection, reg: Registry, dirty: list[int]) -> None:
    """The default page of every family with a rebuilt member (``board_family_pages``), written by the read that
    answers it otherwise (``leaderboard_json``), its links to more sources left out as in ``board_pages``.

    A family's default page reads the groups of all its members and the first members' rows (1 M synthetic claims:
    13 families of ~26 members, 7-40 ms each against ~0.4 ms for a ready page): under an uncached load those few
    requests held the one reader thread long enough to set the latency's tail. Kept ready, it is one read by key.
    """
    families: set[str] = set()
    for bid in dirty:
        entity = reg.entities.get(bid)
        for name in (entity.family, entity.name) if entity is not None else ():
            if name and reg.family_members(name):
                families.add(ranking.resolve_benchmark(reg, name).name)
    if not families:
        return
    con.execute(sql.DELETE_FAMILY_PAGES, [sorted(families)])
    # a family of one or two members is read as fast as it is built (a page or two by key: ~1-2 ms); the 1 M-claim
    # synthetic file has ~1,000 such families, and building their pages cost more than it saves
    names = sorted(f for f in families if len(ranking.resolve_benchmark(reg, f).member_ids) >= FAMILY_PAGE_MEMBERS)
    if not names:
        return
    pages: list[str] = []
    more: list[str] = []
    for name in names:
        links: list[list[str] | None] = []
        pages.append(_computed_page(con, reg, ranking.resolve_benchmark(reg, name), None, None, PAGE_SOURCES,
                                    PAGE_ROWS, 0, _marking(links)))
        more.append(json.dumps(links))
    _insert(con, sql.INSERT_FAMILY_PAGES, "family_page_batch", pa.table({"family": names, "page": pages,
                                                                         "more": more}))


# Members a family has at least for its default page to be kept ready (``_build_family_pages``).
FAMILY_PAGE_MEMBERS = 3


def _marking(links: list[list[str] | None]) -> _Link:
    """A link writer that puts ``LINK_MARK`` where each row's link goes and notes the row's (model, member) in
    ``links`` (None for a row with no more sources)."""
    def mark(model: str | None, member: str) -> str:
        links.append(None if model is None else [model, member])
        return LINK_MARK
    return mark


def _narrow(con: duckdb.DuckDBPyConnection, bids: list[int], batches: list[list[int]]) -> None:
    """With more than one batch, ``board_dirty`` names ``bids`` only (the build's statements read it); a commit
    happens only while it names every benchmark of the build, so a failed build leaves them all pending."""
    if len(batches) > 1:
        con.execute(sql.CLEAR_BOARD_DIRTY)
        con.execute(sql.MARK_BOARDS, [bids])


def _clear_and_copy_comparisons(con: duckdb.DuckDBPyConnection) -> None:
    """The dirty benchmarks' stored boards deleted and their comparisons copied (``board_comparisons``), while
    ``board_dirty`` names them all (batches of the rows' build narrow it)."""
    for statement in sql.DELETE_DIRTY_BOARDS:
        con.execute(statement)
    con.execute(sql.BUILD_BOARD_COMPARISONS)


def _plan_all(raw_rows: list[RawGroup], names: dict[int, str]) -> tuple[pa.Table, pa.Table]:
    """The effective groups of the dirty benchmarks (``_plan``) as the tables of ``board_groups`` and
    ``board_group_map`` rows. Python only: no statement runs on the connection meanwhile (``refresh``)."""
    by_bench: dict[int, list[RawGroup]] = defaultdict(list)
    for r in raw_rows:
        by_bench[r.benchmark_id].append(r)
    groups, group_map = _GroupColumns(), _MapColumns()
    for bid, raws in by_bench.items():
        _plan(bid, names[bid], raws, groups, group_map)
    return groups.table(), group_map.table()


def _write_groups(con: duckdb.DuckDBPyConnection, groups: pa.Table, group_map: pa.Table) -> None:
    """The planned groups (``_plan_all``) and the named-ness of new models, written."""
    _insert(con, sql.INSERT_BOARD_GROUPS, "board_group_batch", groups)
    _insert(con, sql.INSERT_BOARD_GROUP_MAP, "board_map_batch", group_map)
    unclassified = con.execute(sql.UNCLASSIFIED_NAMES).fetchall()
    if unclassified:
        _insert(con, sql.INSERT_BOARD_NAMES, "board_names_batch", pa.table({
            "entity_id": [eid for eid, _ in unclassified], "named": [is_named(n) for _, n in unclassified]}))


# Claims whose rows one build statement ranks at most (a benchmark with more is built alone): the build's
# aggregates hold every claim's source JSON and do not spill to disk, so 10 M claims at once ran out of memory
# under an 8 GB limit; 1 M claims take ~3.5 GB.
BUILD_BATCH_CLAIMS = 1_000_000


def _batches(claims: dict[int, int], most: int) -> list[list[int]]:
    """Benchmarks in batches of at most ``most`` claims each (in id order: boards are stored in that order)."""
    batches: list[list[int]] = []
    size = most
    for bid in sorted(claims):
        if size + claims[bid] > most and (not batches or batches[-1]):
            batches.append([])
            size = 0
        batches[-1].append(bid)
        size += claims[bid]
    return batches


class _Columns:
    """A table's rows kept as one list per column (the dataclass fields), handed to DuckDB as one Arrow table."""

    def table(self) -> pa.Table:
        # (raw keys go as an Arrow list column, not as JSON text DuckDB parses back; the subclasses are dataclasses)
        return pa.table({f.name: getattr(self, f.name) for f in fields(self)})  # type: ignore[arg-type]


@dataclass
class _GroupColumns(_Columns):
    """Rows of ``board_groups`` as columns (``sql.INSERT_BOARD_GROUPS``), filled benchmark by benchmark."""

    benchmark_id: list[int] = field(default_factory=list)
    grp: list[int] = field(default_factory=list)
    metric_key: list[str] = field(default_factory=list)
    unit_key: list[str] = field(default_factory=list)
    setting_key: list[str] = field(default_factory=list)
    models: list[int] = field(default_factory=list)
    claims: list[int] = field(default_factory=list)
    raw_keys: list[list[str]] = field(default_factory=list)
    page_head: list[str | None] = field(default_factory=list)


@dataclass
class _MapColumns(_Columns):
    """Rows of ``board_group_map`` as columns (``sql.INSERT_BOARD_GROUP_MAP``)."""

    benchmark_id: list[int] = field(default_factory=list)
    raw_metric: list[str] = field(default_factory=list)
    raw_unit: list[str] = field(default_factory=list)
    raw_setting: list[str] = field(default_factory=list)
    grp: list[int] = field(default_factory=list)
    lower: list[bool] = field(default_factory=list)
    scaled: list[bool] = field(default_factory=list)


def _plan(bid: int, name: str, raws: list[RawGroup], out: _GroupColumns, group_map: _MapColumns) -> None:
    """One benchmark's effective groups (``ranking.effective_groups``) as rows of the two group tables, the
    default one (grp 0) with the head of its ready page.

    Runs once per benchmark of a build (5,000 at 1 M claims) on one core while DuckDB waits, so it appends to
    the columns' lists directly (not through a dict of columns per value).
    """
    groups = ranking.effective_groups([(r.metric_key, r.unit_key, r.setting_key, r.models, r.claims) for r in raws])
    top = {(r.metric_key, r.unit_key, r.setting_key): r.top for r in raws}
    default = Leaderboard(benchmark=name, other_settings=[g.label() for g in groups[1:]])
    ranking.describe_board(default, groups[0])
    out.page_head.append(default.model_dump_json(exclude={"rows", "rows_total"}))
    out.page_head.extend([None] * (len(groups) - 1))
    n = len(groups)
    out.benchmark_id.extend([bid] * n)
    out.grp.extend(range(n))
    for grp, g in enumerate(groups):
        lower = is_lower_better(g.metric)
        # on_group_scale: bare fractions go on a 0-100 scale in a % group that also holds values > 1
        scaled = g.unit == "%" and not lower and any(top[raw] > 1 for raw in g.raw)
        out.metric_key.append(g.metric)
        out.unit_key.append(g.unit)
        out.setting_key.append(g.setting)
        out.models.append(g.models)
        out.claims.append(g.claims)
        out.raw_keys.append(g.raw_tags)
        k = len(g.raw)
        group_map.benchmark_id.extend([bid] * k)
        group_map.grp.extend([grp] * k)
        group_map.lower.extend([lower] * k)
        group_map.scaled.extend([scaled] * k)
        for m, u, s in g.raw:
            group_map.raw_metric.append(m)
            group_map.raw_unit.append(u)
            group_map.raw_setting.append(s)


def _insert(con: duckdb.DuckDBPyConnection, query: str, view: str, table: pa.Table) -> None:
    con.register(view, table)
    try:
        con.execute(query)
    finally:
        con.unregister(view)


class BoardGroup(NamedTuple):
    """An effective group of a benchmark as stored (``ranking.Group``) and how many rows its board shows."""

    group: ranking.Group
    rows: int


def _groups(con: duckdb.DuckDBPyConnection, bids: list[int]) -> dict[int, list[BoardGroup]]:
    """The stored groups of each benchmark of ``bids`` (one read for all members of a family)."""
    out: dict[int, list[BoardGroup]] = {bid: [] for bid in bids}
    for bid, m, u, s, models, claims, rows in con.execute(sql.BOARD_GROUPS, {"bids": bids}).fetchall():
        # a read needs no raw keys (``board_groups.raw_keys``): they only decide the build's group map
        group = ranking.Group(m, u, s, models=int(models), claims=int(claims))
        out[bid].append(BoardGroup(group, int(rows or 0)))
    return out


# Builds the link to a row's other sources, given its model and (member) benchmark (the API's claims query).
MoreSources = Callable[[str, str], str]
# The page most requests ask for (the API's defaults): a benchmark's default board, its first PAGE_ROWS rows
# with PAGE_SOURCES sources each. It is kept ready in ``board_pages``, so it is answered with one read by key.
PAGE_ROWS = 100
PAGE_SOURCES = 5


def leaderboard_json(con: duckdb.DuckDBPyConnection, reg: Registry, benchmark: str, metric: str | None,
                     setting: str | None, sources_limit: int, limit: int | None = None, offset: int = 0,
                     more_sources: MoreSources | None = None) -> bytes:
    """``ranking.leaderboard`` read from the board tables as ``Leaderboard`` JSON, rows ``offset`` to
    ``offset + limit`` of it (all with ``limit=None``; a family's members' rows one after another).

    Each row's JSON is DuckDB's: its sources and, for rows of a default page, its head were written when the board
    was built (``board_rows.sources``, ``head``; other rows' heads are written by the read, ``sql.ROW_HEAD``), so a
    page is the groups of its members (one read for all), the rows by key (one read per member, or one statement
    for a page spanning more than two), and string joins here: no Python object per value, no validation. The
    default page of a benchmark (``board_pages``) or of a family (``board_family_pages``) is kept whole.
    ``more_sources`` fills ``LeaderboardRow.more_sources`` of rows with more sources than shown.
    """
    target = ranking.resolve_benchmark(reg, benchmark)
    if (metric, setting, sources_limit, limit, offset) == (None, None, PAGE_SOURCES, PAGE_ROWS, 0):
        ready = (con.execute(sql.FAMILY_PAGE_READY, [target.name]) if target.is_family
                 else con.execute(sql.BOARD_PAGE_READY, target.member_ids)).fetchone()
        if ready is not None:
            page, more = ready
            return _ready_page(page, more, target.name, more_sources)

    def link(model: str | None, member: str) -> str:
        return json.dumps(more_sources(model, member)) if model is not None and more_sources is not None else "null"

    return _computed_page(con, reg, target, metric, setting, sources_limit, limit, offset, link).encode()


# Writes a row's ``more_sources`` JSON value from its model (None: the row shows all its sources) and member.
_Link = Callable[["str | None", str], str]


def _computed_page(con: duckdb.DuckDBPyConnection, reg: Registry, target: ranking.BenchmarkTarget,
                   metric: str | None, setting: str | None, sources_limit: int, limit: int | None, offset: int,
                   link: _Link) -> str:
    """``leaderboard_json``'s page read from the groups and rows (no ready page), each row's link written by
    ``link``."""
    board = ranking.empty_board(reg, target)
    others: list[str] = []
    total = 0  # the board's rows before this member's
    stop = None if limit is None else offset + max(0, limit)
    first = True
    member_groups = _groups(con, target.member_ids)
    wanted: list[_Slice] = []
    for bid in target.member_ids:
        member = reg.entities[bid].name
        groups = member_groups[bid]
        chosen, rest = ranking._pick([g.group for g in groups], metric, setting)
        prefix = f"{member}: " if target.is_family else ""
        others.extend(prefix + g.label() for g in rest)
        if chosen is None:
            continue
        if first:
            ranking.describe_board(board, chosen)
            first = False
        grp = next(i for i, g in enumerate(groups) if g.group is chosen)
        n = groups[grp].rows
        lo, hi = max(offset - total, 0), n if stop is None else min(stop - total, n)  # this member's places lo+1..hi
        if lo < hi:
            wanted.append(_Slice(bid, grp, lo + 1, hi, member))
        total += n
    if len(wanted) > _ONE_BY_ONE:
        rows = _member_pages(con, wanted, sources_limit, link)
    else:  # a board's page, or a family's whose page spans one or two members
        rows = [row for w in wanted for row in _page(con, *w, sources_limit, link)]
    board.other_settings = others
    board.rows_total = total
    head = board.model_dump_json(exclude={"rows"})  # ``rows`` is the last field: the page goes where it was
    return f'{head[:-1]},"rows":[{",".join(rows)}]}}'


# Where a ready page (``board_pages.page``) has each row's link to more sources: chr(31), which JSON writes escaped
# anywhere else (``sql.BUILD_BOARD_PAGES``).
LINK_MARK = "\x1f"


def _ready_page(page: str, more: str, member: str, more_sources: MoreSources | None) -> bytes:
    """A ``board_pages`` or ``board_family_pages`` row as the JSON ``leaderboard_json`` answers: the page with its
    links put in their places. ``more`` lists each row's model (a family's: [model, member]) or null."""
    def link(row: str | list[str] | None) -> str:
        if row is None or more_sources is None:
            return "null"
        return json.dumps(more_sources(row, member) if isinstance(row, str) else more_sources(row[0], row[1]))

    parts = page.split(LINK_MARK)
    out = [parts[0]]
    for row, part in zip(json.loads(more), parts[1:], strict=True):
        out.append(link(row))
        out.append(part)
    return "".join(out).encode()


# Slices of members a page is read in one by one (``BOARD_PAGE``, ~0.5-1 ms each); more are read in one statement
# (``sql.MEMBER_PAGES``: the statement scans the members' id range, so it only pays for more than a couple).
_ONE_BY_ONE = 2


class _Slice(NamedTuple):
    """Places ``first`` to ``last`` of group ``grp`` of the board of ``benchmark_id`` (named ``member``)."""

    benchmark_id: int
    grp: int
    first: int
    last: int
    member: str


def _page(con: duckdb.DuckDBPyConnection, bid: int, grp: int, first: int, last: int, member: str,
          sources_limit: int, link: _Link) -> list[str]:
    """Places ``first`` to ``last`` of a group's board as ``LeaderboardRow`` JSON objects.

    Rows of a default page have their head stored (``board_rows.head``); other pages have it written by the read
    (``sql.BOARD_PAGE_HEADS``, ~1.4 ms more per page), so that statement is used only where it is needed.
    """
    params = [sources_limit, bid, grp, first, last]
    read = con.execute(sql.BOARD_PAGE, params).fetchall() if grp == 0 and last <= PAGE_ROWS else []
    if not read or any(head is None for head, *_ in read):
        read = con.execute(sql.BOARD_PAGE_HEADS, params).fetchall()
    return [_row_json(head, sources, total, model, member, link) for head, sources, total, model in read]


def _member_pages(con: duckdb.DuckDBPyConnection, wanted: list[_Slice], sources_limit: int,
                  link: _Link) -> list[str]:
    """``_page`` of every slice of ``wanted`` (one per benchmark), one after another, read in one statement."""
    by_member: dict[int, list[str]] = defaultdict(list)
    names = {w.benchmark_id: w.member for w in wanted}
    headless: set[int] = set()  # members whose slice lies past their default page: no stored head
    for bid, head, sources, total, model in con.execute(sql.MEMBER_PAGES, {
            "bids": [w.benchmark_id for w in wanted], "grps": [w.grp for w in wanted],
            "firsts": [w.first for w in wanted], "lasts": [w.last for w in wanted], "sources": sources_limit}).fetchall():
        if head is None:
            headless.add(bid)
        else:
            by_member[bid].append(_row_json(head, sources, total, model, names[bid], link))
    for w in wanted:
        if w.benchmark_id in headless:  # read again with the heads written (``sql.BOARD_PAGE_HEADS``)
            by_member[w.benchmark_id] = _page(con, *w, sources_limit, link)
    return [row for w in wanted for row in by_member[w.benchmark_id]]


def _row_json(head: str, sources: list[str], total: int, model: str, member: str, link: _Link) -> str:
    """A board row as ``LeaderboardRow`` JSON: its stored head, its first sources, the link to the rest."""
    more = link(model if total > len(sources) else None, member)
    return f'{head},"sources":[{",".join(sources)}],"sources_total":{total},"more_sources":{more}}}'


def leaderboard(con: duckdb.DuckDBPyConnection, reg: Registry, benchmark: str, metric: str | None,
                setting: str | None, sources_limit: int, json_above: int | None = None, limit: int | None = None,
                offset: int = 0) -> Leaderboard:
    """``leaderboard_json`` read into a ``Leaderboard`` (pydantic parses the JSON in one call).

    ``json_above`` is left from an older read that chose between two queries by board size; ignored.
    """
    return Leaderboard.model_validate_json(leaderboard_json(con, reg, benchmark, metric, setting, sources_limit,
                                                           limit, offset))


class _Side(NamedTuple):
    """A board row as ``beats`` reads it (``sql.BOARD_BEATING``): X's own, or one with a better value."""

    value: float
    unit: str | None
    n_best: int


@dataclass
class _Beating:
    """A beats row before it is on the page: ``BeatsRow``'s fields as a plain record (thousands are ordered, a
    page of them becomes ``BeatsRow``s), and where a score row's evidence is on the boards."""

    model: str
    margin: float | None
    benchmark: str | None
    metric: str | None
    setting: str | None
    unit: str | None
    how: Literal["score", "comparison", "both"]
    evidence: list[SourceRef]
    value: float | None = None
    baseline_value: float | None = None
    general: bool = False
    board: tuple[int, int, int, int] | None = None  # (benchmark, group, winner, both sides' n_best)


def beats(con: duckdb.DuckDBPyConnection, reg: Registry, model: str, benchmark: str, general: bool,
          sources_limit: int, limit: int | None = None, offset: int = 0) -> BeatsResult:
    """``ranking.beats`` read from the board tables, evidence cut to ``sources_limit`` (<= ``BOARD_SOURCES``)
    and ``evidence_total`` counting all of it, as ``Warehouse.beats`` does on the other path; rows ``offset``
    to ``offset + limit`` of it (``rows_total`` counts them all).

    Every row is ordered as a plain record (``_Beating``); only the rows of the page get their evidence, read
    by key, and become ``BeatsRow``s: a model near the bottom of a popular board is beaten by thousands.
    One benchmark is read in one statement (``_read_benchmark``), a family's members with one per kind.
    """
    xid = ranking.resolve_model(reg, model)
    target = ranking.resolve_benchmark(reg, benchmark)
    start = max(0, offset)
    stop = None if limit is None else start + max(0, limit)
    if target.is_family:
        read = _read_members(con, reg, xid, target.member_ids, general)
    else:
        read = _read_benchmark(con, reg, xid, target.member_ids[0], general, sources_limit, stop)
    ordered = ranking.order_beats(reg, xid, target, read.rows, read.comparisons, _Beating)
    return BeatsResult(model=reg.entities[xid].name, benchmark=target.name, rows_total=len(ordered),
                       rows=_with_evidence(con, xid, ordered[start:stop], sources_limit, read.best))


class _BeatsRead(NamedTuple):
    """What ``beats`` read before ordering: the score rows, the comparisons in which X is beaten (columns of
    ``sql.BENCHMARK_BEATEN_BY``) and the best sources already read, by (benchmark, group, model)."""

    rows: dict[ranking.BeatsKey, _Beating]
    comparisons: list[tuple[Any, ...]]
    best: dict[tuple[int, int, int], list[str]]


class BeatsPart(NamedTuple):
    """A row of ``sql.BENCHMARK_BEATS``; ``part`` says which fields it fills."""

    part: Literal["row", "group", "comparison", "general"]
    model_id: int | None  # row: its model; comparison: the winner
    grp: int | None  # row, group
    value: float | None  # row: its best value; comparison: the stated delta
    unit: str | None  # row: its unit; group: the unit key; comparison: the stated unit
    metric: str | None  # group: the metric key; comparison: the stated metric
    setting: str | None  # group: the setting key; comparison: the stated setting
    n_best: int | None
    named: bool | None
    lower: bool | None
    sources: list[str] | None  # row: the sources of its best value, when read (X's rows, the first places)
    benchmark_id: int | None  # comparison: the claim's fields from here on
    claim_id: int | None
    source: str | None
    quote: str | None
    section: str | None
    start: int | None
    end: int | None
    review_status: str | None

    def comparison(self) -> tuple[Any, ...]:
        """The comparison as ``sql.BENCHMARK_BEATEN_BY`` returns it (``ranking.order_beats`` reads that)."""
        return (self.model_id, self.benchmark_id, self.value, self.unit, self.metric, self.setting, self.claim_id,
                self.source, self.quote, self.section, self.start, self.end, self.review_status)


# Places past the page's last row whose best sources are read with the board rows: a page of winners is the
# first places of X's groups, give or take ties (equal margins are ordered by name, places by support).
_PLACES_SLACK = 20
_ALL_PLACES = 2**31 - 1


def _read_benchmark(con: duckdb.DuckDBPyConnection, reg: Registry, xid: int, bid: int, general: bool,
                    sources_limit: int, stop: int | None) -> _BeatsRead:
    """``beats``' reads of one benchmark in one statement (``sql.BENCHMARK_BEATS``), as ``_score_rows`` and the
    comparison reads of ``_read_members`` make them."""
    upto = _ALL_PLACES if stop is None else min(stop + _PLACES_SLACK, _ALL_PLACES)
    parts = [BeatsPart._make(r) for r in con.execute(sql.BENCHMARK_BEATS, {
        "bid": bid, "model": xid, "upto": upto, "keep": sources_limit, "general": general}).fetchall()]
    groups: dict[int, ranking.Group] = {}
    board: dict[int, list[BeatsPart]] = defaultdict(list)  # group -> X's row and the rows better than it
    comparisons: list[tuple[Any, ...]] = []
    best: dict[tuple[int, int, int], list[str]] = {}
    for p in parts:
        if p.part == "row":
            board[int(p.grp or 0)].append(p)
            if p.sources is not None:
                best[(bid, int(p.grp or 0), int(p.model_id or 0))] = p.sources
        elif p.part == "group":
            groups[int(p.grp or 0)] = ranking.Group(p.metric or "", p.unit or "", p.setting or "")
        else:
            comparisons.append(p.comparison())
    rows: dict[ranking.BeatsKey, _Beating] = {}
    member = reg.entities[bid].name
    for grp in sorted(board):  # in group order, as ``_score_rows`` adds them
        group = groups[grp]
        mine = next(p for p in board[grp] if p.model_id == xid)
        base, base_best = float(mine.value or 0.0), int(mine.n_best or 0)
        for p in board[grp]:
            if p.model_id == xid:
                continue
            mid, value = int(p.model_id or 0), float(p.value or 0.0)
            rows[(mid, bid, group.setting)] = _Beating(
                model=reg.entities[mid].name, value=value, baseline_value=base,
                margin=round(abs(value - base), 6), benchmark=member,
                metric=group.metric or None, setting=group.setting or None,
                unit=p.unit or group.unit or None, how="score", evidence=[],
                board=(bid, grp, mid, int(p.n_best or 0) + base_best))
    return _BeatsRead(rows, comparisons, best)


def _read_members(con: duckdb.DuckDBPyConnection, reg: Registry, xid: int, bids: list[int],
                  general: bool) -> _BeatsRead:
    """``beats``' reads of a family's members: the winners of every member's groups, the comparisons on any
    member and (``general``) with no benchmark; their sources are read for the page only."""
    rows: dict[ranking.BeatsKey, _Beating] = {}
    _score_rows(con, reg, xid, bids, rows)
    comparisons: list[tuple[Any, ...]] = con.execute(sql.BENCHMARKS_BEATEN_BY, {"bids": bids, "model": xid}).fetchall()
    if general:
        comparisons += [c for c in con.execute(sql.GENERAL_BEATEN_BY, [xid]).fetchall() if c[12] != "rejected"]
    return _BeatsRead(rows, comparisons, {})


def _score_rows(con: duckdb.DuckDBPyConnection, reg: Registry, xid: int, bids: list[int],
                rows: dict[ranking.BeatsKey, _Beating]) -> None:
    """The models with a better value than X in each group of the benchmarks ``bids`` where X has a row (each
    member of a family in turn, its groups in order, as ``ranking.beats`` adds them)."""
    by_group: dict[tuple[int, int], dict[int, _Side]] = defaultdict(dict)
    for bid, grp, mid, value, unit, n_best in con.execute(sql.BOARD_BEATING, {"bids": bids, "model": xid}).fetchall():
        by_group[(bid, grp)][mid] = _Side(value, unit, n_best)
    groups = _groups(con, sorted({bid for bid, _ in by_group})) if by_group else {}
    for bid in bids:
        member = reg.entities[bid].name
        for grp, stored in enumerate(groups.get(bid, [])):
            group, found = stored.group, by_group.get((bid, grp))
            if not found or xid not in found:
                continue
            mine = found[xid]
            for mid, res in found.items():
                if mid != xid:
                    rows[(mid, bid, group.setting)] = _Beating(
                        model=reg.entities[mid].name, value=res.value, baseline_value=mine.value,
                        margin=round(abs(res.value - mine.value), 6), benchmark=member,
                        metric=group.metric or None, setting=group.setting or None,
                        unit=res.unit or group.unit or None, how="score", evidence=[],
                        board=(bid, grp, mid, res.n_best + mine.n_best))


def _with_evidence(con: duckdb.DuckDBPyConnection, xid: int, page: list[_Beating], sources_limit: int,
                   best: dict[tuple[int, int, int], list[str]]) -> list[BeatsRow]:
    """The page's rows with their evidence: the winner's statements of its best value, then X's, then the
    comparisons ``order_beats`` added; cut to ``sources_limit``, ``evidence_total`` counting all of it.
    ``best`` holds the sources read already (by benchmark, group, model); the rest are read here by key."""
    wanted: dict[int, list[int]] = defaultdict(list)  # benchmark -> models whose best sources the page shows
    for row in page:
        if row.board is not None:
            bid, grp, mid, _ = row.board
            wanted[bid] += [m for m in (mid, xid) if (bid, grp, m) not in best]
    for bid, mids in wanted.items():
        if not mids:
            continue
        for grp, mid, sources in con.execute(sql.BOARD_BEST_SOURCES, {
                "bid": bid, "models": mids, "limit": sources_limit}).fetchall():
            best[(bid, grp, mid)] = sources
    out = []
    for row in page:
        evidence, total = row.evidence, len(row.evidence)
        if row.board is not None:
            bid, grp, mid, n_best = row.board
            shown = best[(bid, grp, mid)] + best[(bid, grp, xid)]
            evidence = [SourceRef.model_validate_json(s) for s in shown[:sources_limit]] + evidence
            total += n_best
        out.append(BeatsRow(
            model=row.model, value=row.value, baseline_value=row.baseline_value, margin=row.margin,
            benchmark=row.benchmark, metric=row.metric, setting=row.setting, unit=row.unit, how=row.how,
            general=row.general, evidence=evidence[:sources_limit], evidence_total=total))
    return out
