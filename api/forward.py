"""``benchclaims ingest`` against a warehouse a running server owns: send each file to it.

Each file is checked and decoded here first (same limits and the same refusal reasons as a
local ingest, so the user sees identical per-file lines), then its *raw bytes* are posted
base64-encoded: the server decodes them with the same code, so the sha256 idempotency key,
the encoding and every offset equal those of a local ingest. One request per document means
one short transaction per document on the server, so dashboard reads go on in between.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import httpx

from api.owner import ServerInfo
from extractor.files import UnreadableFile, read_document
from extractor.inputs import RemoteInput
from schemas import DocumentMeta, FileProblem, IngestOutcome, Settings


class ServerGone(RuntimeError):
    """The server stopped answering mid-ingest (the message names it)."""


def forward_files(server: ServerInfo, key: str, files: list[Path | RemoteInput], backend: str, settings: Settings,
                  timeout: float = 600.0, meta: DocumentMeta | None = None) -> Iterator[IngestOutcome | FileProblem]:
    """POST each input to ``server``; yields an outcome or a per-input problem, in input order.

    A URL or arXiv id is posted as ``{"url": ...}``: the server fetches it with its own limits.
    """
    headers = {"X-API-Key": key}
    extra: dict[str, str] = {}
    if meta is not None and meta.published:
        extra["published"] = meta.published.isoformat()
    with httpx.Client(base_url=server.url, headers=headers, timeout=timeout) as client:
        for path in files:
            if isinstance(path, RemoteInput):
                ref = path.ref if path.kind == "url" else f"arxiv:{path.ref}"
                yield from _post(client, server, str(path), {"url": ref, "backend": backend, **extra})
                continue
            try:
                read_document(path, max_bytes=settings.max_file_bytes)  # refuse exactly as a local ingest would
                data = path.read_bytes()
            except UnreadableFile as exc:
                yield FileProblem(path=str(path), reason=exc.reason)
                continue
            except OSError as exc:
                yield FileProblem(path=str(path), reason=f"cannot read: {exc.strerror or exc}")
                continue
            payload = {"source": path.name, "content_base64": base64.b64encode(data).decode("ascii"),
                       "backend": backend, **extra}
            if meta is not None and meta.url:
                payload["url"] = meta.url
            yield from _post(client, server, str(path), payload)


def _post(client: httpx.Client, server: ServerInfo, name: str,
          payload: dict[str, str]) -> Iterator[IngestOutcome | FileProblem]:
    try:
        r = client.post("/api/documents", json=payload)
    except httpx.HTTPError as exc:
        raise ServerGone(f"server {server.url} (pid {server.pid}) stopped answering: "
                         f"{type(exc).__name__}") from None
    if r.status_code == 201:
        body = r.json()
        yield IngestOutcome(source=body["source"], status=body["status"], claims=len(body["claims"]))
    elif r.status_code == 401 or (r.status_code == 403 and _detail(r) == "wrong API key"):
        raise ServerGone(f"server {server.url} refused the key ({r.status_code}); "
                         "set BENCHCLAIMS_API_KEY to the server's key")
    else:
        yield FileProblem(path=name, reason=f"server refused it ({r.status_code}): {_detail(r)}")


def _detail(r: httpx.Response) -> str:
    try:
        detail = r.json().get("detail")
    except ValueError:
        return r.text[:200]
    if isinstance(detail, list):  # FastAPI validation errors
        return "; ".join(str(d.get("msg", d)) for d in detail if isinstance(d, dict))[:300]
    return str(detail)[:300]
