"""Claim frames for one whole document: prose rules + results tables, read on the folded text.

The prose rules (``prose``) and the table reader (``extractor.tables``) work on a folded copy of the
text (``folding``: every dash as ``-``, accented letters as ASCII, same length), so ``GPT‑4o`` and
``Protégé-8B`` are read whole; quotes are then sliced from the original text at the same offsets and
names get their original spelling back. Size-only subjects and baselines ("the 72B", "110B 版本")
are resolved through the document's ``EntityRegistry``; one that resolves to nobody gives no claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractor.normalize import canonical_benchmark, canonical_model
from extractor.rules.baselines import PREDECESSOR
from extractor.rules.context import own_model
from extractor.rules.folding import (
    fold,
    fold_spoken_numbers,
    has_spoken_numbers,
    name_restorer,
    needs_folding,
    restore_names,
    spoken_number_spans,
)
from extractor.rules.introduced import introduced_benchmarks
from extractor.rules.mentions import (
    document_benchmarks,
    document_short_forms,
    forget_document_benchmarks,
    forget_short_forms,
)
from extractor.rules.prose import extract_prose_claims
from extractor.rules.retractions import Retraction, retractions
from extractor.rules.subjects import OWN_MODEL
from extractor.segment import split_sections
from extractor.tables import extract_table_claims
from extractor.tables.grid import Grid, find_tables
from schemas import ComparisonClaim, Document, Extraction, ExtractionStats, ScoreClaim

if TYPE_CHECKING:  # the registry is built by the pipeline (extractor.nlp), only used here
    from extractor.nlp.registry import EntityRegistry

AnyClaim = ScoreClaim | ComparisonClaim


@dataclass(frozen=True, slots=True)
class TableScan:
    """The results tables of a (folded) text, found once per document, or why they could not be read."""

    grids: tuple[Grid, ...] = ()
    error: str | None = None

    @property
    def regions(self) -> list[tuple[int, int]]:
        return [(g.start, g.end) for g in self.grids]


def scan_tables(text: str) -> TableScan:
    try:
        return TableScan(tuple(find_tables(fold(text))))
    except Exception as exc:  # noqa: BLE001 - a table bug must not lose the prose claims
        return TableScan(error=f"tables: {type(exc).__name__}: {exc}")


def document_claims(document: Document, registry: EntityRegistry | None = None,
                    tables: TableScan | None = None) -> Extraction:
    """Every claim of ``document`` (sections filled), sorted by offset, with exact quotes.

    ``tables``: the document's tables when the caller scanned them already (the mention layer does)."""
    original = document.text
    folded = needs_folding(original)
    spoken = has_spoken_numbers(original)  # ("we're at sixty-eight point four": a transcript's numbers, as digits)
    work = document
    if folded or spoken:
        text = fold(original) if folded else original
        text = fold_spoken_numbers(text) if spoken else text
        work = document.model_copy(update={"text": text})
        if needs_folding("\n".join(s.title or "" for s in document.sections)):
            # sections again on the folded text: a heading's subject is a name too ("2. Café-LM 13B: …")
            work.sections = split_sections(text)
    stats = ExtractionStats()
    tables = tables if tables is not None else scan_tables(original)
    if tables.error:
        stats.errors.append(tables.error)
    grids = list(tables.grids)
    skip = tables.regions
    # table rows are read by the table reader only: prose patterns over them yield junk
    tokens = document_short_forms(registry.short_forms() if registry is not None else {})
    own = OWN_MODEL.set(own_model(work.text))
    introduced = introduced_benchmarks(work.text)
    if introduced and any(s.subject in introduced for s in work.sections):
        # ("DeepTrace: A Benchmark for …" names what the document evaluates on, not a model it is about)
        work = work.model_copy(update={"sections": [s.model_copy(update={"subject": None}) if s.subject in introduced
                                                    else s for s in work.sections]})
    benchmarks = document_benchmarks(introduced)
    try:
        claims: list[AnyClaim] = list(extract_prose_claims(work, skip=skip, errors=stats.errors))
    finally:
        forget_short_forms(tokens)
        OWN_MODEL.reset(own)
        forget_document_benchmarks(benchmarks)
    if grids:
        try:
            claims.extend(extract_table_claims(work, grids))
        except Exception as exc:  # noqa: BLE001 - a table bug must not lose the prose claims
            stats.errors.append(f"tables: {type(exc).__name__}: {exc}")
    restorer = name_restorer(original) if folded else {}
    titles = {w.title: o.title for w, o in zip(work.sections, document.sections, strict=False)} if folded else {}
    subjects = {s.title: s.subject for s in document.sections}
    spans = spoken_number_spans(original) if spoken else []
    out: list[AnyClaim] = []
    for claim in claims:
        if spoken:  # (a claim ending in a number's digits ends where its words end: "at sixty-eight point four")
            _over_spoken_numbers(claim, spans)
        if folded or spoken:  # (quotes from the original text: "sixty-eight point four", not its digits)
            _unfold(claim, original, restorer)
            claim.section = titles.get(claim.section, claim.section)
        if registry is not None and not _resolve(claim, registry, subjects.get(claim.section), restorer):
            continue
        out.append(claim)
    taken_back = retractions(original)
    if taken_back:
        out = _corrected(out, taken_back, original)
    _years_from_the_section(out)
    _canonicalise(out)
    out = [c for c in out if not _compares_with_itself(c)]
    out.sort(key=lambda c: (c.start, c.end))
    return Extraction(document=document, claims=out, extractor="rules", stats=stats)


def _corrected(claims: list[AnyClaim], taken_back: list[Retraction], text: str) -> list[AnyClaim]:
    """``claims`` without the scores stated before a correction with the value it takes back (``retractions``),
    each replaced by the value the correction gives instead, quoted from the correction ("刚才我说错了，不是 65.1，
    是 59.1"), unless the correction's own sentence gave the model that value already."""
    out: list[AnyClaim] = []
    for claim in claims:
        r = next((r for r in taken_back if isinstance(claim, ScoreClaim) and claim.value == r.value
                  and claim.start <= r.at), None)
        if r is None:
            out.append(claim)
            continue
        if any(isinstance(c, ScoreClaim) and c.model == claim.model and c.value == r.instead
               and c.start <= r.instead_start < c.end for c in claims):
            continue  # (the correction's own sentence stated it; a later restatement is a claim of its own)
        start = max(text.rfind(stop, 0, r.instead_start) for stop in ("\n", "。", ". ", "；", "; ")) + 1
        start = len(text[:start]) + len(text[start:r.instead_start]) - len(text[start:r.instead_start].lstrip())
        out.append(claim.model_copy(update={"value": r.instead, "start": start, "end": r.instead_end,
                                            "quote": text[start:r.instead_end]}))
    return out


def _over_spoken_numbers(claim: AnyClaim, spans: list[tuple[int, int]]) -> None:
    """Widen ``claim`` to the whole of a spelled-out number its span starts or ends inside."""
    for a, b in spans:
        if a < claim.end < b:
            claim.end = b
        if a < claim.start < b:
            claim.start = a


def _unfold(claim: AnyClaim, original: str, restorer: dict[str, str]) -> None:
    claim.quote = original[claim.start:claim.end]
    claim.model = restore_names(claim.model, restorer) or claim.model
    claim.benchmark = restore_names(claim.benchmark, restorer)
    if isinstance(claim, ComparisonClaim):
        claim.baseline = restore_names(claim.baseline, restorer) or claim.baseline


def _resolve(claim: AnyClaim, registry: EntityRegistry, subject: str | None, restorer: dict[str, str]) -> bool:
    """Size-only names to the full names they stand for (as the text writes them); False when the
    subject or the baseline resolves to nobody."""
    model = registry.resolve(claim.model, subject)
    if model is None:
        return False
    # "rc2 was 52.0" in a thread on kestrel-34b-rc3: the same model's other release
    model = registry.plain_chinese_name(registry.other_release(model, subject) or model)
    claim.model = restore_names(model, restorer) or model
    if isinstance(claim, ComparisonClaim):
        # (the earlier release is the compared model's: "观澜-V3 … 较上一代提升 6.8 分" in a text on several models)
        baseline = registry.resolve(claim.baseline, subject) if claim.baseline != PREDECESSOR \
            else registry.resolve(claim.baseline, claim.model) or registry.resolve(claim.baseline, subject)
        if baseline is None:
            return False
        claim.baseline = restore_names(registry.plain_chinese_name(baseline), restorer) or baseline
        # "星衡-13B-Chat v0.3 … 比 v0.2 高 4.2 分": a bare version is the same model's other release
        claim.baseline = registry.other_release(claim.baseline, claim.model) or claim.baseline
    return True


def _compares_with_itself(claim: AnyClaim) -> bool:
    """"拿去和 DeepSeek-V3 官方报的 86.5 比，基本追平 V3": once short forms are resolved, a comparison of a model with
    itself says nothing."""
    if not isinstance(claim, ComparisonClaim):
        return False
    if fold(claim.model).casefold() == fold(claim.baseline).casefold():
        return True
    return claim.model_canonical is not None and claim.model_canonical == claim.baseline_canonical


_WITH_YEAR = re.compile(r"(.+?) ((?:19|20)\d\d)")


def _years_from_the_section(claims: list[AnyClaim]) -> None:
    """"nebula-r1 posts 72.5% on AIME 2024 … It also clears o1-mini's 70.0 on AIME": a benchmark named without the
    year its section gave it before (one year only) is that edition, not a board of its own."""
    editions: dict[tuple[str | None, str], str | None] = {}
    for claim in sorted(claims, key=lambda c: c.start):
        if not claim.benchmark:
            continue
        dated = _WITH_YEAR.fullmatch(claim.benchmark)
        if dated is not None:
            key = (claim.section, dated.group(1).casefold())
            editions[key] = claim.benchmark if editions.get(key, claim.benchmark) == claim.benchmark else None
            continue
        full = editions.get((claim.section, claim.benchmark.casefold()))
        if full is not None:
            claim.benchmark = full


def _canonicalise(claims: list[AnyClaim]) -> None:
    for claim in claims:
        if claim.model_canonical is None:
            claim.model_canonical = canonical_model(claim.model)
        if isinstance(claim, ComparisonClaim) and claim.baseline_canonical is None:
            claim.baseline_canonical = canonical_model(claim.baseline)
        if claim.benchmark and claim.benchmark_canonical is None:
            claim.benchmark_canonical = canonical_benchmark(claim.benchmark)
