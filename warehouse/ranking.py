"""Leaderboards and "who beats X": ranking only results that are comparable.

Comparable means same benchmark, metric, unit class and setting (see ``names`` and
``setting_parse``). Claims that leave the metric or unit unstated (a bare ``72.0`` on
AIME) join the group of their benchmark that agrees with everything they do state and
has the most models; otherwise they form a group of their own. A leaderboard shows
one group (by default the one with most models) and lists the others by label.

Repeated statements of one result are one row with ``support`` > 1 and all their
sources; a row is in ``conflict`` when claims made under the same setting wording
disagree on the number.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import duckdb

from schemas import BeatsResult, BeatsRow, Leaderboard, LeaderboardRow, SourceRef
from warehouse import sql
from warehouse.entities import Registry
from warehouse.errors import UnknownName
from warehouse.names import is_lower_better, metric_key
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
    """Merge groups with an unstated metric or unit into the best-fitting stated group."""
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


def _groups_for(con: duckdb.DuckDBPyConnection, member_ids: list[int]) -> dict[int, list[Group]]:
    rows = con.execute(sql.SCORE_GROUPS, [member_ids]).fetchall()
    by_bench: dict[int, list[tuple[str, str, str, int, int]]] = defaultdict(list)
    for bid, m, u, s, models, n in rows:
        by_bench[bid].append((m, u, s, models, n))
    return {bid: effective_groups(raw) for bid, raw in by_bench.items()}


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


def _source(row: tuple) -> SourceRef:  # type: ignore[type-arg]
    cid, source, quote, section, start, end, status, value = row
    return SourceRef(source=source, quote=quote, section=section, start=start, end=end, claim_id=cid,
                     value=value, review_status=status)


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


def _model_results(con: duckdb.DuckDBPyConnection, bench_id: int, group: Group) -> dict[int, _ModelResult]:
    """Per model: best value of ``group`` on ``bench_id`` with every supporting claim."""
    rows = con.execute(sql.GROUP_CLAIMS, [bench_id, group.raw_tags]).fetchall()
    per_model: dict[int, list[tuple]] = defaultdict(list)  # type: ignore[type-arg]
    for r in rows:
        per_model[r[0]].append(r)
    lower = group.lower_is_better
    out: dict[int, _ModelResult] = {}
    for mid, claims in per_model.items():
        best_claim = min(claims, key=lambda c: (c[1] if lower else -c[1], c[7]))
        best = best_claim[1]
        by_detail: dict[str, set[float]] = defaultdict(set)
        for c in claims:
            by_detail[c[6]].add(round(c[1], 2))
        conflict = any(len(v) > 1 for v in by_detail.values())
        ordered = sorted(claims, key=lambda c: (round(c[1], 2) != round(best, 2), c[7]))
        sources = [_source((c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[1])) for c in ordered]
        out[mid] = _ModelResult(
            value=best, value_high=best_claim[2], unit=best_claim[3], metric=best_claim[4], support=len(claims),
            conflict=conflict, values=sorted({round(c[1], 4) for c in claims}) if conflict else [],
            verified=any(c[13] == "verified" and round(c[1], 2) == round(best, 2) for c in claims),
            sources=sources,
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
    con: duckdb.DuckDBPyConnection, reg: Registry, benchmark: str, metric: str | None = None, setting: str | None = None
) -> Leaderboard:
    """One row per model on ``benchmark`` (a family answers per member), best value first."""
    target = resolve_benchmark(reg, benchmark)
    groups_by_bench = _groups_for(con, target.member_ids)
    board = Leaderboard(benchmark=target.name, members=[reg.entities[b].name for b in target.member_ids]
                        if target.is_family else [])
    others: list[str] = []
    first = True
    for bid in target.member_ids:
        member = reg.entities[bid].name
        chosen, rest = _pick(groups_by_bench.get(bid, []), metric, setting)
        prefix = f"{member}: " if target.is_family else ""
        others.extend(prefix + g.label() for g in rest)
        if chosen is None:
            continue
        if first:
            board.metric = chosen.metric or None
            board.unit = chosen.unit or None
            board.setting = chosen.setting or None
            board.higher_is_better = not chosen.lower_is_better
            first = False
        results = _model_results(con, bid, chosen)
        for rank, mid, res in _ranked(results, chosen.lower_is_better):
            board.rows.append(LeaderboardRow(
                rank=rank, model=reg.entities[mid].name, benchmark=member, value=res.value,
                value_high=res.value_high, unit=res.unit or chosen.unit or None,
                metric=res.metric or chosen.metric or None, setting=chosen.setting or None, support=res.support,
                conflict=res.conflict, values=res.values,
                review_status="verified" if res.verified else "unreviewed", sources=res.sources,
            ))
    board.other_settings = others
    return board


def beats(
    con: duckdb.DuckDBPyConnection, reg: Registry, model: str, benchmark: str, general: bool = True
) -> BeatsResult:
    """Models with a better comparable score than ``model`` on ``benchmark``, and explicit
    "Y outperforms X" / "X underperforms Y" claims there (or, with ``general``, stated
    without a benchmark), each with evidence and the margin where known."""
    xid = resolve_model(reg, model)
    target = resolve_benchmark(reg, benchmark)
    groups_by_bench = _groups_for(con, target.member_ids)
    rows: dict[tuple[int, int | None, str | None], BeatsRow] = {}
    for bid in target.member_ids:
        member = reg.entities[bid].name
        for group in groups_by_bench.get(bid, []):
            results = _model_results(con, bid, group)
            mine = results.get(xid)
            if mine is None:
                continue
            lower = group.lower_is_better
            for mid, res in results.items():
                better = res.value < mine.value if lower else res.value > mine.value
                if mid == xid or not better:
                    continue
                best_sources = [s for s in res.sources if s.value is not None and round(s.value, 2) == round(res.value, 2)]
                my_sources = [s for s in mine.sources if s.value is not None and round(s.value, 2) == round(mine.value, 2)]
                rows[(mid, bid, group.setting)] = BeatsRow(
                    model=reg.entities[mid].name, value=res.value, baseline_value=mine.value,
                    margin=round(abs(res.value - mine.value), 6), benchmark=member,
                    metric=group.metric or None, setting=group.setting or None, how="score",
                    evidence=best_sources + my_sources,
                )
    comparisons = con.execute(sql.BEATS_COMPARISONS, [xid, xid, target.member_ids, general]).fetchall()
    comparisons.sort(key=lambda c: (c[1] is None, c[6]))  # on-benchmark claims first, then general ones
    for winner, bid, delta, _unit, cmetric, csetting, cid, source, quote, section, start, end, status in comparisons:
        if winner is None or winner == xid:
            continue
        ref = SourceRef(source=source, quote=quote, section=section, start=start, end=end, claim_id=cid,
                        review_status=status)
        # a general claim ("Y beats X", no benchmark) adds evidence to Y's row if it has one
        existing = [r for k, r in rows.items() if k[0] == winner and (k[1] == bid or bid is None)]
        if existing:
            row = existing[0]
            if row.how == "score":
                row.how = "both"
            if row.margin is None and delta is not None:
                row.margin = delta
            row.evidence.append(ref)
            continue
        rows[(winner, bid, None)] = BeatsRow(
            model=reg.entities[winner].name, margin=delta, benchmark=reg.entities[bid].name if bid else None,
            metric=cmetric, setting=csetting, how="comparison", evidence=[ref],
        )
    member_order = {bid: i for i, bid in enumerate(target.member_ids)}
    ordered = sorted(rows.items(), key=lambda kv: (
        kv[0][1] is None, member_order.get(kv[0][1], 0) if kv[0][1] is not None else 0,
        kv[1].how == "comparison", -(kv[1].margin or 0.0), kv[1].model,
    ))
    return BeatsResult(model=reg.entities[xid].name, benchmark=target.name, rows=[r for _, r in ordered])
