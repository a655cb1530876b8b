"""Leaderboards and "who beats X": ranking only results that are comparable.

Comparable means same benchmark, metric, unit class and setting (see ``names`` and
``setting_parse``). Claims that leave the metric or unit unstated (a bare ``72.0`` on
AIME) join the group of their benchmark that agrees with everything they do state and
has the most models; otherwise they form a group of their own. A leaderboard shows
one group (by default the one with most models) and lists the others by label.

Repeated statements of one result are one row with ``support`` > 1 and all their
sources; a row is in ``conflict`` when claims made under the same setting wording
disagree on the number.

Scales are reconciled here, at query time, not in the stored claims: a bare fraction
(``准确率为 0.79``) in a 0-100 group is ranked and shown as 79 %, while its source keeps the
quote and the value as written (see ``on_group_scale``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple, Protocol, TypeVar

import duckdb

from schemas import (
    BeatsResult,
    BeatsRow,
    BoardEvent,
    History,
    HistoryStep,
    Leaderboard,
    LeaderboardRow,
    Matrix,
    MatrixCell,
    MatrixRow,
    ReviewStatus,
    SourceRef,
)
from warehouse import sql
from warehouse.entities import Registry
from warehouse.errors import UnknownName
from warehouse.names import is_lower_better, is_named, metric_key
from warehouse.setting_parse import parse_setting

RawKey = tuple[str, str, str]  # metric_key, unit_key, setting_key


@dataclass
class Group:
    """An effective comparable group on one benchmark: the raw keys merged into it."""

    metric: str
    unit: str
    setting: str
    raw: list[RawKey] = field(default_factory=list)
    models: int = 0
    claims: int = 0

    @property
    def key(self) -> RawKey:
        return (self.metric, self.unit, self.setting)

    @property
    def raw_tags(self) -> list[str]:
        return ["|".join(r) for r in self.raw]

    @property
    def lower_is_better(self) -> bool:
        return is_lower_better(self.metric)

    def label(self) -> str:
        parts = [p for p in (self.metric, self.unit) if p]
        parts.append(self.setting or "default setting")
        return ", ".join(parts)


@dataclass
class BenchmarkTarget:
    """What a benchmark name resolved to: one benchmark, or a family and its members."""

    name: str
    member_ids: list[int]
    is_family: bool


def resolve_model(reg: Registry, name: str) -> int:
    eid = reg.lookup("model", name)
    if eid is None:
        raise UnknownName("model", name, reg.suggest("model", name))
    return eid


def resolve_benchmark(reg: Registry, name: str) -> BenchmarkTarget:
    """A benchmark or family name (any alias) -> the benchmark ids to answer for."""
    eid = reg.lookup("benchmark", name)
    members = reg.family_members(name)
    if members:
        if eid is not None and eid not in members:
            members = [eid, *members]
        family = reg.entities[members[-1]].family or name
        return BenchmarkTarget(family, members, True)
    if eid is None:
        raise UnknownName("benchmark", name, reg.suggest("benchmark", name))
    return BenchmarkTarget(reg.entities[eid].name, [eid], False)


def effective_groups(raw_groups: list[tuple[str, str, str, int, int]]) -> list[Group]:
    """Merge groups with an unstated metric or unit into the best-fitting stated group.

    ``raw_groups`` come in the order of their first claim's id: a group with an unstated metric or unit joins the
    first of the fitting groups tied on (models, claims), and a group's raw keys are listed in that order."""
    full = [g for g in raw_groups if g[0] and g[1]]
    partial = [g for g in raw_groups if not (g[0] and g[1])]
    groups: dict[RawKey, Group] = {}
    for m, u, s, models, n in full:
        grp = groups.setdefault((m, u, s), Group(m, u, s))
        grp.raw.append((m, u, s))
        grp.models += models
        grp.claims += n
    for m, u, s, models, n in partial:
        fits = [g for g in groups.values() if g.setting == s and (not m or g.metric == m) and (not u or g.unit == u)]
        if fits:
            grp = max(fits, key=lambda g: (g.models, g.claims))
        else:
            grp = groups.setdefault((m, u, s), Group(m, u, s))
        grp.raw.append((m, u, s))
        grp.models += models
        grp.claims += n
    return sorted(groups.values(), key=lambda g: (-g.models, -g.claims, g.setting != "", g.key))


class ScoreRow(NamedTuple):
    """One score claim as fetched by ``sql.BENCHMARK_CLAIMS`` (its first 17 columns)."""

    benchmark_id: int
    model_id: int
    metric_key: str
    unit_key: str
    setting_key: str
    setting_detail: str
    value: float
    value_high: float | None
    unit: str | None
    metric: str | None
    id: int
    source: str
    quote: str
    section: str | None
    start: int
    end: int
    review_status: ReviewStatus
    written: float | None = None  # the stated value when ``value`` was rescaled to the group's scale
    content: str = ""  # the sha256 of the claim's document: copies of one text are one piece of support
    claimed_on: dt.date | None = None  # the document's published date, else the day it was first ingested


def on_group_scale(group: Group, rows: list[ScoreRow]) -> list[ScoreRow]:
    """``rows`` with bare fractions (0 < value <= 1, no unit) put on a 0-100 group's scale.

    Papers write accuracy both as 79.0 % and as 0.79; ranked as written, 0.79 lands last.
    Only when the group's unit class is ``%`` and it also holds values > 1 is a bare
    fraction clearly a share (the gold scorer treats 0.875 and 87.5 as equal). Not when
    every value is <= 1 (a metric on a 0-1 scale), not for lower-is-better metrics (a bare
    0.9 WER next to 2.1 % may well mean 0.9 %), and never for elo / x groups.
    """
    if group.unit != "%" or group.lower_is_better or not any(r.value > 1 for r in rows):
        return rows
    out: list[ScoreRow] = []
    for r in rows:
        high_ok = r.value_high is None or 0 < r.value_high <= 1
        if r.unit_key == "" and 0 < r.value <= 1 and high_ok:
            high = None if r.value_high is None else round(r.value_high * 100, 6)
            r = r._replace(value=round(r.value * 100, 6), value_high=high, unit="%", written=r.value)
        out.append(r)
    return out


@dataclass
class BenchmarkScores:
    """The claims of one benchmark: scores split into effective comparable groups, and the
    comparisons that name a loser (for beats)."""

    groups: list[Group]
    rows_by_raw: dict[RawKey, list[ScoreRow]]
    # loser id -> (winner, benchmark, delta, unit, metric, setting, id, source, quote, section, start, end, status)
    beaten: dict[int, list[tuple[Any, ...]]] = field(default_factory=dict)

    def rows(self, group: Group) -> list[ScoreRow]:
        """The group's claims on its own scale (leaderboard and beats both read them here)."""
        return on_group_scale(group, [r for raw in group.raw for r in self.rows_by_raw.get(raw, [])])


def _scores(con: duckdb.DuckDBPyConnection, member_ids: list[int],
            as_of: dt.date | None = None) -> dict[int, BenchmarkScores]:
    """One pruned scan per benchmark: its usable score claims grouped by raw key, and its comparisons."""
    out: dict[int, BenchmarkScores] = {}
    for bid in member_ids:
        raw_rows: dict[RawKey, list[ScoreRow]] = defaultdict(list)
        beaten: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        for r in con.execute(sql.BENCHMARK_CLAIMS, [bid]).fetchall():
            if r[16] == "rejected":
                continue
            if as_of is not None and r[17] == "comparison" and r[23] is not None and r[23] > as_of:
                continue
            if r[17] == "comparison":
                if r[18] is not None:
                    beaten[r[18]].append((r[19], r[0], r[20], r[8], r[9], r[21], *r[10:17]))
                continue
            if r[6] is None:
                continue
            if as_of is not None and r[23] is not None and r[23] > as_of:
                continue  # stated after the day asked about
            row = ScoreRow._make((*r[:17], None, r[22], r[23]))
            raw_rows[(row.metric_key, row.unit_key, row.setting_key)].append(row)
        # raw groups in the order of their first claim's id, as ``sql.BOARD_RAW_GROUPS`` gives them: the scan meets
        # claims in stored order, which depends on how a load was batched, and ``effective_groups`` breaks ties by
        # the order it is given
        firsts = {key: min(r.id for r in rows) for key, rows in raw_rows.items()}
        raw = [(m, u, s, len({r.model_id for r in rows}), len(rows))
               for (m, u, s), rows in sorted(raw_rows.items(), key=lambda kv: firsts[kv[0]])]
        out[bid] = BenchmarkScores(effective_groups(raw), raw_rows, beaten)
    return out


def empty_board(reg: Registry, target: BenchmarkTarget) -> Leaderboard:
    """The board of ``target`` before any row: its name and, for a family, its members."""
    return Leaderboard(benchmark=target.name, members=[reg.entities[b].name for b in target.member_ids]
                       if target.is_family else [])


def describe_board(board: Leaderboard, chosen: Group) -> None:
    """The board's metric, unit, setting and direction: those of the first member's chosen group."""
    board.metric = chosen.metric or None
    board.unit = chosen.unit or None
    board.setting = chosen.setting or None
    board.higher_is_better = not chosen.lower_is_better


def _pick(groups: list[Group], metric: str | None, setting: str | None) -> tuple[Group | None, list[Group]]:
    """The group to show (filters first, else most models) and the others."""
    wanted = groups
    if metric:
        mk = metric_key(metric)
        wanted = [g for g in wanted if g.metric == mk or (mk == "accuracy" and g.metric == "")]
    if setting is not None:
        sk = parse_setting(setting).key
        wanted = [g for g in wanted if g.setting == sk]
    chosen = wanted[0] if wanted else None
    return chosen, [g for g in groups if g is not chosen]


def _source(c: ScoreRow) -> SourceRef:
    """The claim's evidence with its value as written, so it matches (and can be marked in) the quote."""
    value = c.value if c.written is None else c.written
    return SourceRef(source=c.source, quote=c.quote, section=c.section, start=c.start, end=c.end, claim_id=c.id,
                     value=value, review_status=c.review_status)


@dataclass
class _ModelResult:
    value: float
    value_high: float | None
    unit: str | None
    metric: str | None
    support: int
    conflict: bool
    values: list[float]
    verified: bool
    sources: list[SourceRef]
    best_sources: list[SourceRef]  # the sources stating ``value`` (on the group's scale)
    sources_total: int = 0  # every claim behind the row (``sources`` may hold only the first ``sources_limit``)


def _model_results(rows: list[ScoreRow], lower: bool, only: set[int] | None = None,
                   sources_limit: int | None = None) -> dict[int, _ModelResult]:
    """Per model: best value among ``rows`` (one comparable group) with every supporting claim.

    ``only`` limits which models get their sources materialised (beats needs a few); ``sources_limit``
    how many (the best-value ones first): a row backed by 20,000 quotes builds only those it shows.
    """
    per_model: dict[int, list[ScoreRow]] = defaultdict(list)
    for r in rows:
        per_model[r.model_id].append(r)
    out: dict[int, _ModelResult] = {}
    for mid, claims in per_model.items():
        best_claim = min(claims, key=lambda c: (c.value if lower else -c.value, c.id))
        best = best_claim.value
        by_detail: dict[str, set[float]] = defaultdict(set)
        for c in claims:
            by_detail[c.setting_detail].add(round(c.value, 2))
        conflict = any(len(v) > 1 for v in by_detail.values())
        sources: list[SourceRef] = []
        best_sources: list[SourceRef] = []
        if only is None or mid in only:
            ordered = sorted(claims, key=lambda c: (round(c.value, 2) != round(best, 2), c.id))
            if sources_limit is not None:
                ordered = ordered[:sources_limit]
            sources = [_source(c) for c in ordered]
            best_sources = [s for s, c in zip(sources, ordered, strict=True) if round(c.value, 2) == round(best, 2)]
        out[mid] = _ModelResult(
            value=best, value_high=best_claim.value_high, unit=best_claim.unit, metric=best_claim.metric,
            support=len({c.content for c in claims}), conflict=conflict,
            values=sorted({round(c.value, 4) for c in claims}) if conflict else [],
            verified=any(c.review_status == "verified" and round(c.value, 2) == round(best, 2) for c in claims),
            sources=sources, best_sources=best_sources, sources_total=len(claims),
        )
    return out


def _ranked(results: dict[int, _ModelResult], lower: bool) -> list[tuple[int, int, _ModelResult]]:
    order = sorted(results.items(), key=lambda kv: (kv[1].value if lower else -kv[1].value, -kv[1].support, kv[0]))
    ranked: list[tuple[int, int, _ModelResult]] = []
    prev: float | None = None
    rank = 0
    for i, (mid, res) in enumerate(order, start=1):
        if prev is None or res.value != prev:
            rank = i
            prev = res.value
        ranked.append((rank, mid, res))
    return ranked


def leaderboard(
    con: duckdb.DuckDBPyConnection, reg: Registry, benchmark: str, metric: str | None = None, setting: str | None = None,
    as_of: dt.date | None = None, sources_limit: int | None = None,
) -> Leaderboard:
    """One row per model on ``benchmark`` (a family answers per member), best value first; with ``as_of``,
    as the board stood that day (claims of documents published, else first ingested, up to it)."""
    target = resolve_benchmark(reg, benchmark)
    scores = _scores(con, target.member_ids, as_of)
    board = empty_board(reg, target)
    others: list[str] = []
    first = True
    for bid in target.member_ids:
        member = reg.entities[bid].name
        bench_scores = scores.get(bid)
        chosen, rest = _pick(bench_scores.groups if bench_scores else [], metric, setting)
        prefix = f"{member}: " if target.is_family else ""
        others.extend(prefix + g.label() for g in rest)
        if chosen is None:
            continue
        if first:
            describe_board(board, chosen)
            first = False
        assert bench_scores is not None
        results = _model_results(bench_scores.rows(chosen), chosen.lower_is_better, sources_limit=sources_limit)
        # organisations and generic phrases ("其他模型", "SOTA") are no rows: their claims stay readable
        results = {mid: res for mid, res in results.items() if is_named(reg.entities[mid].name)}
        for rank, mid, res in _ranked(results, chosen.lower_is_better):
            board.rows.append(LeaderboardRow(
                rank=rank, model=reg.entities[mid].name, benchmark=member, value=res.value,
                value_high=res.value_high, unit=res.unit or chosen.unit or None,
                metric=res.metric or chosen.metric or None, setting=chosen.setting or None, support=res.support,
                conflict=res.conflict, values=res.values,
                review_status="verified" if res.verified else "unreviewed", sources=res.sources,
                sources_total=res.sources_total,
            ))
    board.other_settings = others
    board.rows_total = len(board.rows)
    return board


def beats(
    con: duckdb.DuckDBPyConnection, reg: Registry, model: str, benchmark: str, general: bool = True
) -> BeatsResult:
    """Models with a better comparable score than ``model`` on ``benchmark``, and explicit
    "Y outperforms X" / "X underperforms Y" claims there (or, with ``general``, stated
    without a benchmark), each with evidence and the margin where known."""
    xid = resolve_model(reg, model)
    target = resolve_benchmark(reg, benchmark)
    scores = _scores(con, target.member_ids)
    rows: dict[tuple[int, int | None, str | None], BeatsRow] = {}
    for bid in target.member_ids:
        member = reg.entities[bid].name
        bench_scores = scores.get(bid)
        if bench_scores is None:
            continue
        for group in bench_scores.groups:
            group_rows = bench_scores.rows(group)
            if not any(r.model_id == xid for r in group_rows):
                continue
            lower = group.lower_is_better
            mine_best = _model_results([r for r in group_rows if r.model_id == xid], lower)[xid].value
            winners = {r.model_id for r in group_rows if (r.value < mine_best if lower else r.value > mine_best)
                       and is_named(reg.entities[r.model_id].name)}
            results = _model_results(group_rows, lower, only=winners | {xid})
            mine = results[xid]
            for mid in winners:
                if mid == xid:
                    continue
                res = results[mid]
                rows[(mid, bid, group.setting)] = BeatsRow(
                    model=reg.entities[mid].name, value=res.value, baseline_value=mine.value,
                    margin=round(abs(res.value - mine.value), 6), benchmark=member,
                    metric=group.metric or None, setting=group.setting or None, unit=res.unit or group.unit or None,
                    how="score", evidence=res.best_sources + mine.best_sources,
                )
    comparisons = [c for b in scores.values() for c in b.beaten.get(xid, [])]
    if general:
        comparisons += [c for c in con.execute(sql.GENERAL_BEATEN_BY, [xid]).fetchall() if c[12] != "rejected"]
    return finish_beats(reg, xid, target, rows, comparisons)


class BeatsLike(Protocol):
    """What ``order_beats`` reads and changes of a row: a ``BeatsRow``, or a lighter record of the same fields."""

    model: str
    margin: float | None
    unit: str | None
    how: Literal["score", "comparison", "both"]
    evidence: list[SourceRef]


RowT = TypeVar("RowT", bound=BeatsLike)
BeatsKey = tuple[int, int | None, str | None]  # (winner, benchmark or None for a general claim, setting)


def finish_beats(reg: Registry, xid: int, target: BenchmarkTarget, rows: dict[BeatsKey, BeatsRow],
                 comparisons: list[tuple[Any, ...]]) -> BeatsResult:
    """``order_beats`` as a ``BeatsResult``."""
    ordered = order_beats(reg, xid, target, rows, comparisons, BeatsRow)
    return BeatsResult(model=reg.entities[xid].name, benchmark=target.name, rows=ordered, rows_total=len(ordered))


def order_beats(reg: Registry, xid: int, target: BenchmarkTarget, rows: dict[BeatsKey, RowT],
                comparisons: list[tuple[Any, ...]], new_row: Callable[..., RowT]) -> list[RowT]:
    """Add the explicit comparisons to the score rows of ``beats`` and put them in answer order (shared with the
    precomputed boards, so both paths merge and order them alike): on-benchmark claims first, then general ones,
    each by claim id. A claim whose winner has no row becomes one, made by ``new_row(**fields)``."""
    comparisons.sort(key=lambda c: (c[1] is None, c[6]))  # on-benchmark claims first, then general ones
    for winner, bid, delta, cunit, cmetric, csetting, cid, source, quote, section, start, end, status in comparisons:
        if winner is None or winner == xid or not is_named(reg.entities[winner].name):
            continue
        ref = SourceRef(source=source, quote=quote, section=section, start=start, end=end, claim_id=cid,
                        review_status=status)
        # a general claim ("Y beats X", no benchmark) adds evidence to Y's row if it has one
        existing = [r for k, r in rows.items() if k[0] == winner and (k[1] == bid or bid is None)]
        if existing:
            row = existing[0]
            if row.how == "score":
                row.how = "both"
            if row.margin is None and delta is not None and (cunit is None or cunit == row.unit):
                row.margin = delta
            row.evidence.append(ref)
            continue
        rows[(winner, bid, None)] = new_row(
            model=reg.entities[winner].name, margin=delta, benchmark=reg.entities[bid].name if bid else None,
            metric=cmetric, setting=csetting, unit=cunit if delta is not None else None, how="comparison",
            general=bid is None, evidence=[ref],
        )
    member_order = {bid: i for i, bid in enumerate(target.member_ids)}
    ordered = sorted(rows.items(), key=lambda kv: (
        kv[0][1] is None, member_order.get(kv[0][1], 0) if kv[0][1] is not None else 0,
        kv[1].how == "comparison", -(kv[1].margin or 0.0), kv[1].model,
    ))
    return [r for _, r in ordered]


def matrix(boards: list[Leaderboard]) -> Matrix:
    """Models × benchmarks from the boards (each model's row on each board, as ranked there)."""
    out = Matrix(benchmarks=[b.benchmark for b in boards], units={b.benchmark: b.unit for b in boards})
    rows: dict[str, MatrixRow] = {}
    for board in boards:
        for r in board.rows:
            if board.benchmark in rows.setdefault(r.model, MatrixRow(model=r.model)).cells:
                continue  # a family board lists a model per member: the first (best) one stands
            rows[r.model].cells[board.benchmark] = MatrixCell(
                value=r.value, unit=r.unit, claim_ids=[s.claim_id for s in r.sources if s.claim_id is not None])
    out.rows = sorted(rows.values(), key=lambda row: (-len(row.cells), row.model))
    return out


def history(con: duckdb.DuckDBPyConnection, reg: Registry, benchmark: str, metric: str | None = None,
            setting: str | None = None) -> History:
    """The best value on ``benchmark`` over time (its board's default group, as ``leaderboard`` picks it): one
    step each time a document raised the best, with the model and the claim that did it."""
    target = resolve_benchmark(reg, benchmark)
    bid = target.member_ids[0]
    bench_scores = _scores(con, [bid]).get(bid)
    chosen, _ = _pick(bench_scores.groups if bench_scores else [], metric, setting)
    out = History(benchmark=reg.entities[bid].name)
    if chosen is None or bench_scores is None:
        return out
    out.metric, out.unit, out.setting = chosen.metric or None, chosen.unit or None, chosen.setting or None
    out.higher_is_better = not chosen.lower_is_better
    for step in _steps(bench_scores.rows(chosen), chosen.lower_is_better, reg):
        out.steps.append(step)
    return out


def _steps(rows: list[ScoreRow], lower: bool, reg: Registry) -> list[HistoryStep]:
    """Rows replayed in date order; a step each time the best so far improves (named models only)."""
    steps: list[HistoryStep] = []
    best: float | None = None
    for r in sorted(rows, key=lambda r: (r.claimed_on or dt.date.min, r.id)):
        name = reg.entities[r.model_id].name
        if not is_named(name):
            continue
        if best is None or (r.value < best if lower else r.value > best):
            best = r.value
            steps.append(HistoryStep(date=r.claimed_on, value=r.value, model=name, claim_id=r.id, source=r.source,
                                     quote=r.quote))
    return steps


def board_events(con: duckdb.DuckDBPyConnection, reg: Registry, benchmark: str | None = None,
                 model: str | None = None, boards: int = 200) -> list[BoardEvent]:
    """What changed on the boards, newest first: a new leader, or a model's first entry on a board (replayed
    from the claims in date order, so re-ingests and reviews are reflected; rejected claims never count)."""
    if benchmark is not None:
        bids = resolve_benchmark(reg, benchmark).member_ids
    else:
        bids = [int(r[0]) for r in con.execute(sql.SCORED_BENCHMARKS, [boards]).fetchall()]
    wanted = resolve_model(reg, model) if model is not None else None
    events: list[BoardEvent] = []
    for bid, bench_scores in _scores(con, bids).items():
        chosen, _ = _pick(bench_scores.groups, None, None)
        if chosen is None:
            continue
        lower = chosen.lower_is_better
        best: float | None = None
        leader: str | None = None
        seen: set[int] = set()
        group_rows = bench_scores.rows(chosen)
        verified = {r.model_id: r.value for r in group_rows if r.review_status == "verified"}
        for r in sorted(group_rows, key=lambda r: (r.claimed_on or dt.date.min, r.id)):
            name = reg.entities[r.model_id].name
            if not is_named(name):
                continue
            common = {"benchmark": reg.entities[bid].name, "model": name, "value": r.value,
                      "unit": r.unit or chosen.unit or None, "date": r.claimed_on, "claim_id": r.id,
                      "source": r.source, "quote": r.quote}
            if best is None or (r.value < best if lower else r.value > best):
                if leader != name or best is None:
                    events.append(BoardEvent(kind="new_leader", previous_leader=leader, previous_value=best, **common))
                best, leader = r.value, name
            elif r.model_id not in seen:
                events.append(BoardEvent(kind="new_entry", previous_leader=leader, previous_value=best, **common))
            checked = verified.get(r.model_id)
            if checked is not None and r.review_status != "verified" and round(r.value, 2) != round(checked, 2):
                # a claim that contradicts what a reviewer verified for this model on this board
                events.append(BoardEvent(kind="contradiction", previous_leader=name, previous_value=checked, **common))
            seen.add(r.model_id)
    if wanted is not None:
        name = reg.entities[wanted].name
        events = [e for e in events if e.model == name]
    events.sort(key=lambda e: (e.date or dt.date.min, e.claim_id), reverse=True)
    return events
