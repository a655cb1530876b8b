"""Canonical models and benchmarks, their aliases, and benchmark families.

Why in memory: resolving every claim's names by SQL would dominate ingest time at
millions of claims, so the alias table is mirrored in a dict. Changes made while a
document is stored are *pending* until its transaction commits, and are undone if it
rolls back, so memory and database never disagree.

Resolution of a name: exact-spelling alias (``=...``, only for user "split" entries)
-> folded alias (see ``names``) -> a new entity named as the extractor's canonical form
(or the surface with its vendor prefix dropped).
"""

from __future__ import annotations

import difflib
import hashlib
import re
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from warehouse import sql
from warehouse.columns import arrow_table
from warehouse.names import ENTITIES_FILE, benchmark_key, family_name, model_key, strip_vendor

KINDS = ("model", "benchmark")
_PAREN = re.compile(r"^(.+?)\s*[（(]\s*([^()（）]+?)\s*[)）]$")
_CJK = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=1 << 18)
def key_for(kind: str, name: str) -> str:
    """The folded alias key of ``name`` for entities of ``kind`` (exact form if folding empties it).

    Cached: resolving a name folds each of its forms twice (look-up, then the alias), and folding (vendor
    prefixes, years, widths) was most of a bulk load's name resolution."""
    key = benchmark_key(name) if kind == "benchmark" else model_key(name)
    return key or exact_key(name)


def exact_key(name: str) -> str:
    """Key that only matches the same spelling (case aside): used for user splits."""
    return "=" + unicodedata.normalize("NFKC", name).strip().casefold()


def bilingual_pair(surface: str) -> tuple[str, str] | None:
    """``美国数学邀请赛 (AIME)`` -> (``美国数学邀请赛``, ``AIME``): a Chinese and an English name of one thing.

    Only when exactly one side is Chinese: ``Qwen2.5-32B (DAPO)`` names a training
    variant, not a second spelling, and stays whole.
    """
    m = _PAREN.match(surface)
    if not m:
        return None
    a, b = m.group(1).strip(), m.group(2).strip()
    if bool(_CJK.search(a)) == bool(_CJK.search(b)) or not a or not b:
        return None
    return (a, b) if _CJK.search(a) else (b, a)


@dataclass
class Entity:
    id: int
    kind: str
    name: str
    key: str
    family: str | None = None
    family_key: str | None = None
    pinned: bool = False


# A resolved name as one text key (``KnownNames``): the surface, this separator, the canonical form or ``NO_CANONICAL``
# (``bulk.joined_key`` writes a batch's names the same way).
NAME_SEP = "\x1f"
NO_CANONICAL = "\x1e"


def name_text(surface: str, canonical: str | None) -> str:
    """``(surface, canonical)`` as ``KnownNames`` keys it."""
    return f"{surface}{NAME_SEP}{NO_CANONICAL if canonical is None else canonical}"


@dataclass
class KnownNames:
    """The names of one kind ``Registry.resolve`` has resolved (its memo), as text keys beside their ids, so a bulk
    load looks up all of a batch's distinct names in one Arrow pass and resolves only the new ones in Python.

    At 10 M claims a 2 M-claim ``store_many`` call meets ~540 k distinct names (per batch and role), of which ~50-90 k
    are new; the others were a memo hit each. Looked up in one pass, ``bulk.entity_ids`` took 25-30 % less thread CPU
    per 400 k-claim batch once ~150 k names were known (0.38-0.48 -> 0.27-0.34 s), and the same at 1 M claims. Keys
    resolved since the last look-up wait in Python lists and join the arrays at the next one.
    """

    keys: pa.Array = field(default_factory=lambda: pa.array([], pa.string()))
    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    new_keys: list[str] = field(default_factory=list)
    new_ids: list[int] = field(default_factory=list)

    def add(self, surface: str, canonical: str | None, entity_id: int) -> None:
        self.new_keys.append(name_text(surface, canonical))
        self.new_ids.append(entity_id)

    def ids_of(self, wanted: pa.Array) -> np.ndarray:
        """The id of each of ``wanted`` (distinct ``name_text`` keys, NULL for no name): -1 where not resolved yet.

        The hash table is built over ``wanted`` (a batch's distinct names, few) and every known key probes it:
        the other way round, a table of every known name per batch, cost ~20x as much."""
        if self.new_keys:
            self.keys = pa.concat_arrays([self.keys, pa.array(self.new_keys, pa.string())])
            self.ids = np.concatenate([self.ids, np.array(self.new_ids, dtype=np.int64)])
            self.new_keys, self.new_ids = [], []
        out = np.full(len(wanted), -1, dtype=np.int64)
        if not len(wanted) or not len(self.keys):
            return out
        at = pc.index_in(self.keys, value_set=wanted)
        found = at.is_valid().to_numpy(zero_copy_only=False)
        out[at.drop_null().to_numpy()] = self.ids[found]
        return out


@dataclass
class Registry:
    """In-memory mirror of ``entities`` + ``aliases`` with transactional pending changes."""

    entities: dict[int, Entity] = field(default_factory=dict)
    aliases: dict[tuple[str, str], int] = field(default_factory=dict)
    surfaces: dict[tuple[str, str], str] = field(default_factory=dict)
    next_id: int = 1
    _new_entities: list[Entity] = field(default_factory=list)
    _new_aliases: list[tuple[str, str, int, str]] = field(default_factory=list)
    spellings: set[tuple[str, str]] = field(default_factory=set)
    _new_spellings: list[tuple[str, int, str]] = field(default_factory=list)
    # (kind, surface, canonical) -> id: folding is the hot spot of bulk ingest
    memo: dict[tuple[str, str, str | None], int] = field(default_factory=dict)
    # family key -> member ids, built on first use and dropped whenever entities change
    _families: dict[str, list[int]] | None = None
    # the memo's names by kind, for a batch's look-up in one pass (``known``); dropped with the memo
    _known: dict[str, KnownNames] = field(default_factory=dict)

    # -- loading -----------------------------------------------------------------
    def load(self, con: duckdb.DuckDBPyConnection) -> None:
        """Read the whole registry from the database (on open)."""
        self.entities.clear()
        self.aliases.clear()
        self.surfaces.clear()
        for row in con.execute(sql.SELECT_ENTITIES).fetchall():
            ent = Entity(*row)
            self.entities[ent.id] = ent
        for kind, key, entity_id, surface in con.execute(sql.SELECT_ALIASES).fetchall():
            self.aliases[(kind, key)] = entity_id
            self.surfaces[(kind, key)] = surface
        self.spellings = {(kind, surface) for kind, surface in con.execute(sql.SELECT_SPELLINGS).fetchall()}
        self.next_id = max(self.entities, default=0) + 1
        self._new_entities.clear()
        self._new_aliases.clear()
        self._new_spellings.clear()
        self.forget_resolved()
        self._families = None

    def forget_resolved(self) -> None:
        """Drop what ``resolve`` remembers (the memo and ``known``): the entities it points to may have changed."""
        self.memo.clear()
        self._known.clear()

    def known(self, kind: str) -> KnownNames:
        """The names of ``kind`` resolved so far (``resolve``'s memo), for a look-up of a whole batch."""
        known = self._known.get(kind)
        if known is None:
            known = self._known[kind] = KnownNames()
        return known

    def known_ids(self, kind: str, names: pa.Array) -> np.ndarray:
        """The ids of ``names`` (distinct ``name_text`` keys) resolved so far, -1 for the others (``KnownNames.ids_of``)."""
        return self.known(kind).ids_of(names)

    # -- lookup ------------------------------------------------------------------
    def lookup(self, kind: str, name: str) -> int | None:
        """Entity id for ``name`` (any known alias), or None."""
        hit = self.aliases.get((kind, exact_key(name)))
        if hit is not None:
            return hit
        return self.aliases.get((kind, key_for(kind, name)))

    def family_members(self, name: str) -> list[int]:
        """Benchmarks whose family is ``name`` (AIME -> AIME 2024, AIME 2025), by name."""
        fkey = benchmark_key(name)
        if self._families is None:
            index: dict[str, list[int]] = defaultdict(list)
            for e in self.entities.values():
                if e.kind == "benchmark" and e.family_key:
                    index[e.family_key].append(e.id)
            self._families = index
        members = [self.entities[i] for i in self._families.get(fkey, []) if i in self.entities]
        return [e.id for e in sorted(members, key=lambda e: e.name)]

    def suggest(self, kind: str, name: str, n: int = 5) -> list[str]:
        """Close matches for an unknown ``name``: canonical names whose aliases look alike."""
        key = key_for(kind, name)
        by_key: dict[str, int] = {k: eid for (knd, k), eid in self.aliases.items() if knd == kind and not k.startswith("=")}
        if kind == "benchmark":
            for e in self.entities.values():
                if e.kind == "benchmark" and e.family_key:
                    by_key.setdefault(e.family_key, e.id)
        out: list[str] = []
        for k in difflib.get_close_matches(key, list(by_key), n=n * 3, cutoff=0.6):
            ent = self.entities[by_key[k]]
            label = ent.family if (ent.family_key == k and ent.key != k and ent.family) else ent.name
            if label not in out:
                out.append(label)
        # substring matches help for short names difflib scores low (o1 vs o1-mini)
        if len(out) < n and len(key) >= 2:
            for k, eid in sorted(by_key.items()):
                if key in k or (len(k) >= 3 and k in key):
                    label = self.entities[eid].name
                    if label not in out:
                        out.append(label)
                if len(out) >= n:
                    break
        return out[:n]

    # -- changes (pending until commit) ------------------------------------------
    def _add_spelling(self, kind: str, entity_id: int, surface: str) -> None:
        """Remember a spelling as written (shown as an alias; many spellings share one key)."""
        surface = surface.strip()
        if surface and (kind, surface) not in self.spellings:
            self.spellings.add((kind, surface))
            self._new_spellings.append((kind, entity_id, surface))

    def _add_alias(self, kind: str, key: str, entity_id: int, surface: str) -> None:
        self._add_spelling(kind, entity_id, surface)
        if (kind, key) in self.aliases or not key or key == "=":
            return
        self.aliases[(kind, key)] = entity_id
        self.surfaces[(kind, key)] = surface
        self._new_aliases.append((kind, key, entity_id, surface))

    def _new_entity(self, kind: str, name: str, family: str | None = None, pinned: bool = False) -> Entity:
        if kind == "benchmark" and family is None:
            family = family_name(name)
        ent = Entity(
            id=self.next_id, kind=kind, name=name, key=key_for(kind, name), family=family,
            family_key=benchmark_key(family) if family else None, pinned=pinned,
        )
        self.next_id += 1
        self.entities[ent.id] = ent
        self._families = None
        self._new_entities.append(ent)
        return ent

    def resolve(self, kind: str, surface: str, canonical: str | None = None) -> int:
        """Id of the entity ``surface`` (as written) names, creating it if new.

        The extractor's ``canonical`` form is trusted first; the surface form is then
        remembered as an alias unless it is a family name (``AIME`` must not become an
        alias of ``AIME 2024`` just because one extractor resolved it so).
        """
        memo_key = (kind, surface, canonical)
        hit = self.memo.get(memo_key)
        if hit is not None:
            return hit
        pair = bilingual_pair(surface)
        forms = [f for f in (canonical, surface, *(pair or ())) if f]
        eid = None
        for form in forms:
            eid = self.lookup(kind, form)
            if eid is not None:
                break
        if eid is None:
            name = canonical or (pair[1] if pair else None) or (
                strip_vendor(surface) if kind == "model" else surface.strip())
            eid = self._new_entity(kind, name).id
        ent = self.entities[eid]
        for form in forms:
            if form:
                k = key_for(kind, form)
                if kind == "benchmark" and k == ent.family_key and k != ent.key:
                    continue
                self._add_alias(kind, k, eid, form)
        self.memo[memo_key] = eid
        self.known(kind).add(surface, canonical, eid)
        return eid

    def flush(self, con: duckdb.DuckDBPyConnection) -> None:
        """Write pending entities and aliases inside the caller's transaction."""
        self.pending().write(con)

    def pending(self) -> PendingNames:
        """The changes made since the last commit (new entities, aliases, spellings)."""
        return PendingNames(self._new_entities, self._new_aliases, self._new_spellings)

    def detach_pending(self) -> PendingNames:
        """Hand over the pending changes and start new lists: a batch whose transaction is written on another
        thread (``Warehouse.store_many``) takes its own changes along while the next batch resolves names.
        Memory keeps the changes; if that transaction fails, ``rollback`` reloads the registry."""
        taken = self.pending()
        self._new_entities, self._new_aliases, self._new_spellings = [], [], []
        return taken

    def commit(self) -> None:
        self._new_entities.clear()
        self._new_aliases.clear()
        self._new_spellings.clear()

    def rollback(self, con: duckdb.DuckDBPyConnection) -> None:
        """Forget pending changes (their transaction rolled back): reload from the database."""
        self.load(con)


@dataclass
class PendingNames:
    """Entities, aliases and spellings made by resolution and not yet written (``Registry.flush``)."""

    entities: list[Entity]
    aliases: list[tuple[str, str, int, str]]
    spellings: list[tuple[str, int, str]]

    def write(self, con: duckdb.DuckDBPyConnection) -> None:
        """Insert them inside the caller's transaction (Arrow columns: no Python object is read by DuckDB)."""
        if self.entities:
            ents = self.entities
            _insert_columns(con, sql.INSERT_ENTITIES, "entity_batch", {
                "id": [e.id for e in ents], "kind": [e.kind for e in ents], "name": [e.name for e in ents],
                "key": [e.key for e in ents], "family": [e.family for e in ents],
                "family_key": [e.family_key for e in ents], "pinned": [e.pinned for e in ents],
            })
        if self.aliases:
            cols = list(zip(*self.aliases, strict=True))
            _insert_columns(con, sql.INSERT_ALIASES, "alias_batch", {
                "kind": list(cols[0]), "key": list(cols[1]), "entity_id": list(cols[2]), "surface": list(cols[3]),
            })
        if self.spellings:
            cols3 = list(zip(*self.spellings, strict=True))
            _insert_columns(con, sql.INSERT_SPELLINGS, "spelling_batch", {
                "kind": list(cols3[0]), "entity_id": list(cols3[1]), "surface": list(cols3[2]),
            })


def _insert_columns(con: duckdb.DuckDBPyConnection, query: str, view: str, columns: dict[str, list[Any]]) -> None:
    """Insert rows given as columns: DuckDB scans the Arrow columns directly (executemany is ~1000x slower)."""
    con.register(view, arrow_table(columns))
    try:
        con.execute(query)
    finally:
        con.unregister(view)


def overrides_text(path: Path = ENTITIES_FILE) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def overrides_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def apply_overrides(con: duckdb.DuckDBPyConnection, reg: Registry, text: str, origin: str) -> None:
    """Apply ``entities.toml`` (merge / family / split) inside the caller's transaction.

    A merge that finds an alias already pointing at another entity moves that entity's
    aliases and claims over and deletes it, so earlier ingests follow the override.
    """
    try:
        data: dict[str, Any] = tomllib.loads(text) if text else {}
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{origin}: not valid TOML: {exc}") from exc
    for split in data.get("split", []):
        kind = split.get("kind", "model")
        for name in split.get("names", []):
            eid = reg.aliases.get((kind, exact_key(name)))
            if eid is None:
                eid = reg.lookup(kind, name)
                if eid is None or reg.entities[eid].key != key_for(kind, name) or reg.entities[eid].name != name:
                    eid = _find_named(reg, kind, name) or reg._new_entity(kind, name, pinned=True).id
                reg._add_alias(kind, exact_key(name), eid, name)
    reg.flush(con)
    reg.commit()
    for kind in KINDS:
        for item in data.get(kind, []):
            reg.flush(con)
            reg.commit()
            name = item.get("name")
            if not isinstance(name, str) or not name.strip():
                raise ValueError(f"{origin}: a [[{kind}]] entry has no name")
            family = item.get("family")
            eid = reg.lookup(kind, name)
            if eid is None:
                ent = reg._new_entity(kind, name, family=family, pinned=True)
            else:
                ent = reg.entities[eid]
                ent.name, ent.pinned = name, True
                reg._families = None
                if kind == "benchmark":
                    ent.family = family or ent.family
                    ent.family_key = benchmark_key(ent.family) if ent.family else None
                con.execute(sql.UPDATE_ENTITY, [ent.name, ent.family, ent.family_key, ent.id])
            for alias in [name, *item.get("aliases", [])]:
                k = key_for(kind, alias)
                other = reg.aliases.get((kind, k))
                if other is not None and other != ent.id:
                    _merge(con, reg, kind, other, ent.id)
                reg._add_alias(kind, k, ent.id, alias)
    reg.flush(con)
    reg.commit()


def _find_named(reg: Registry, kind: str, name: str) -> int | None:
    for e in reg.entities.values():
        if e.kind == kind and e.name == name:
            return e.id
    return None


def _merge(con: duckdb.DuckDBPyConnection, reg: Registry, kind: str, src: int, dst: int) -> None:
    """Fold entity ``src`` into ``dst`` (aliases and claims follow)."""
    reg.flush(con)
    reg.commit()
    for q in sql.MERGE_ENTITY[kind]:
        con.execute(q, [dst, src])
    con.execute(sql.DELETE_ENTITY, [src])
    for k, v in list(reg.aliases.items()):
        if v == src:
            reg.aliases[k] = dst
    reg.entities.pop(src, None)
    reg.forget_resolved()
    reg._families = None
