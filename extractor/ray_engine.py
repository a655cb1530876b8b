"""Extraction as a Ray Data job, for corpora that outgrow one machine (the ``[scale]`` extra).

The job is the local pipeline's per-file step (read -> sections -> backend) mapped over a Ray
Dataset of file paths, so both engines give the same claims for the same input. Its output
is a folder of Parquet files in the *extraction batch* layout of ``schemas.batches``,
partitioned by a stable ``bucket`` derived from the file name; the warehouse loads such a
folder in one bulk step (DuckDB reads Parquet natively).

Why Ray Data and not a hand-made pool: it schedules over a cluster, streams blocks through
bounded memory, retries tasks whose worker died (Ray Data's default) and restarts lost workers. Each
worker process builds its extractor once (spaCy lexicons, or an LLM client with its own
bounded concurrency against the vLLM endpoint) and reuses it for every batch it runs.

With no ``address`` a local Ray is started (``num_cpus`` caps it); with one, the job joins
that cluster, and the input paths and ``out_dir`` must then be on storage every node sees.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractor.base import Extractor, get_extractor
from extractor.files import UnreadableFile
from extractor.inputs import RemoteInput, classify, input_spec, iter_inputs, read_input
from extractor.pipeline import prepare, with_meta
from schemas import Document, DocumentMeta, Extraction, Settings
from schemas.batches import batch_row, problem_row

_SETTINGS_ENV = "BENCHCLAIMS_RAY_SETTINGS_JSON"


class RayUnavailable(RuntimeError):
    """Ray is not installed (``pip install 'benchclaims[scale]'``) or the cluster cannot be joined."""


@dataclass
class RayRunReport:
    """What the job did: files seen, files extracted, and the problems by file."""

    out_dir: Path
    files: int = 0
    extracted: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)


@lru_cache(maxsize=4)
def _worker_extractor(backend: str, settings_json: str) -> Extractor:
    """One extractor per worker process and configuration, built on first use."""
    settings = Settings.model_validate_json(settings_json) if settings_json else Settings()
    return get_extractor(backend, settings)


def read_one(path: str, settings: Settings, meta: DocumentMeta | None = None) -> Document | dict[str, Any]:
    """Read and split one input (a file, URL or arXiv id); a problem row (``schemas.batches``) when it cannot be read."""
    item = classify(path)
    source = path if isinstance(item, RemoteInput) else Path(path).name
    try:
        return prepare(with_meta(read_input(item, settings), meta))
    except UnreadableFile as exc:
        return problem_row(source, path, exc.reason)


def extract_one(path: str, backend: str, settings_json: str, max_bytes: int | None,
                meta_json: str = "") -> dict[str, Any]:
    """The per-input step: read (a file, URL or arXiv id), split, extract; a problem becomes a row, never an exception."""
    settings = Settings.model_validate_json(settings_json) if settings_json else Settings()
    if max_bytes is not None:
        settings = settings.model_copy(update={"max_file_bytes": max_bytes})
    meta = DocumentMeta.model_validate_json(meta_json) if meta_json else None
    document = read_one(path, settings, meta)
    if isinstance(document, dict):
        return document
    try:
        extraction = _worker_extractor(backend, settings_json).extract(document)
    except Exception as exc:  # noqa: BLE001 - one document's failure is reported, not fatal
        return problem_row(document.source, path, f"extractor {backend!r} failed: {type(exc).__name__}: {exc}")
    return batch_row(extraction)


def _extract_batch(batch: dict[str, Any], backend: str, settings_json: str, max_bytes: int | None,
                   meta_json: str = "") -> dict[str, list[Any]]:
    rows = [extract_one(str(p), backend, settings_json, max_bytes, meta_json) for p in batch["path"]]
    return {key: [row[key] for row in rows] for key in rows[0]} if rows else {}


def ray_extract(
    paths: Iterable[str | Path | RemoteInput],
    out_dir: str | Path,
    backend: str = "rules",
    settings: Settings | None = None,
    address: str | None = None,
    num_cpus: int | None = None,
    batch_size: int = 4,
    meta: DocumentMeta | None = None,
) -> RayRunReport:
    """Run the extraction job over ``paths`` and write its Parquet output under ``out_dir``."""
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise RayUnavailable(f"the ray engine needs the [scale] extra (pip install 'benchclaims[scale]'): {exc}") from exc

    settings = settings or Settings()
    settings_json = settings.model_dump_json()
    files = [input_spec(p) for p in iter_inputs(paths)]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = RayRunReport(out_dir=out, files=len(files))
    if not files:
        return report

    started_here = False
    if not ray.is_initialized():
        init_args: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                     "configure_logging": False, "ignore_reinit_error": True}
        if address:
            init_args["address"] = address
        else:
            init_args["num_cpus"] = num_cpus or os.cpu_count() or 1
        try:
            ray.init(**init_args)
        except Exception as exc:  # noqa: BLE001 - report a cluster we cannot join in one line
            raise RayUnavailable(f"cannot start or join Ray ({address or 'local'}): {exc}") from exc
        started_here = True
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        source_ds = ray.data.from_items([{"path": p} for p in files], override_num_blocks=max(1, min(len(files), 64)))
        ds = source_ds.map_batches(
            _extract_batch,  # type: ignore[arg-type]  # Ray types batches loosely; ours are dicts of columns
            fn_kwargs={"backend": backend, "settings_json": settings_json, "max_bytes": settings.max_file_bytes,
                       "meta_json": meta.model_dump_json() if meta else ""},
            batch_size=batch_size,
        )
        ds.write_parquet(str(out), partition_cols=["bucket"])
    finally:
        if started_here:
            ray.shutdown()
    return report


OFFLINE_GROUP = 256  # documents extracted together (one round of engine batches); bounds the driver's memory


def offline_extract(paths: Iterable[str | Path | RemoteInput], out_dir: str | Path, backend: str,
                    settings: Settings, meta: DocumentMeta | None = None, group: int = OFFLINE_GROUP,
                    address: str | None = None,
                    on_extraction: Callable[[Extraction], None] | None = None) -> RayRunReport:
    """The LLM backends over an offline engine (``settings.llm_engine``: Ray Data LLM, vLLM, ...), batched.

    Why not Ray tasks each calling the model: with Ray Data LLM the engine *is* the distributed part
    (vLLM replicas on the cluster's GPUs, fed a Dataset per batch), so documents are read and
    grounded here and every chunk of ``group`` documents goes to the engine in one batch per round
    (first asks, re-asks, split halves; ``extractor.llm.offline.BatchingSender``). The output is the
    same Parquet batch layout as ``ray_extract``, so the warehouse loads it the same way. With
    ``address`` the engine's jobs run on that Ray cluster. ``on_extraction`` sees each extraction
    (its stats carry the tokens spent).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    if address:  # the engine's Ray Data jobs run on that cluster (without one, Ray Data starts a local Ray)
        try:
            import ray

            ray.init(address=address, ignore_reinit_error=True, log_to_driver=False)
        except Exception as exc:  # noqa: BLE001 - report a cluster we cannot join in one line
            raise RayUnavailable(f"cannot join Ray at {address}: {exc}") from exc
    extractor: Any = get_extractor(backend, settings)
    files = [input_spec(p) for p in iter_inputs(paths)]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = RayRunReport(out_dir=out, files=len(files))
    for n, start in enumerate(range(0, len(files), group)):
        rows: list[dict[str, Any]] = []
        documents: list[Document] = []
        for path in files[start:start + group]:
            read = read_one(path, settings, meta)
            if isinstance(read, dict):
                rows.append(read)
            else:
                documents.append(read)
        try:
            extractions = extractor.extract_many(documents)
            for e in extractions:
                if on_extraction is not None:  # e.g. the CLI's token tally
                    on_extraction(e)
            rows += [batch_row(e) for e in extractions]
        except Exception as exc:  # noqa: BLE001 - the group's documents are reported, the next group still runs
            rows += [problem_row(d.source, d.path, f"extractor {backend!r} failed: {type(exc).__name__}: {exc}")
                     for d in documents]
        report.extracted += sum(1 for r in rows if r["ok"])
        report.problems += [(str(r["source"]), str(r["reason"])) for r in rows if not r["ok"]]
        if rows:
            pq.write_to_dataset(pa.Table.from_pylist(rows), root_path=str(out), partition_cols=["bucket"],
                                basename_template=f"group-{n:05d}-{{i}}.parquet")
    return report
