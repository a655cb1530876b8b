"""``RemoteStore``: the claims of a file that a running ``benchclaims serve`` owns, through its REST API.

DuckDB lets one process write a file, and a server keeps it open for its whole life; so while
one runs, commands on that file ask it. ``open_store`` returns this store only for a server
that answered its health check as the instance its sidecar names, serving that very file
(``warehouse.owner.live_server``).

Ingest sends each input as the caller's ``payload`` builds it: a file's *raw bytes* (checked first,
so the per-file refusals are a local ingest's), base64-encoded, or a URL / arXiv id for the server to
fetch, with the sidecar's token: the server
decodes them with the same code, so the sha256 idempotency key, the encoding and every offset
equal those of a local ingest. One request per document is one short transaction on the
server, so dashboard reads go on in between. ``BENCHCLAIMS_API_KEY`` is never sent to a
sidecar's URL: the owner-only sidecar's token is what authorises this user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx
from pydantic import BaseModel, TypeAdapter

from schemas import (
    BeatsResult,
    BoardEvent,
    ClaimDetail,
    ClaimPage,
    DocumentInfo,
    DocumentPage,
    FileProblem,
    History,
    IngestOutcome,
    Leaderboard,
    Matrix,
    NameCount,
    ReviewEvent,
    ReviewQueueItem,
    StoredClaim,
)
from warehouse.errors import UnknownName
from warehouse.owner import ServerInfo
from warehouse.store import ExportFormat, IngestJob, Store, StoreError

_NAMES = TypeAdapter(list[NameCount])
_FEED = TypeAdapter(list[BoardEvent])
_EVENTS = TypeAdapter(list[ReviewEvent])
_QUEUE = TypeAdapter(list[ReviewQueueItem])


class RemoteStore(Store):
    kind = "remote"

    def __init__(self, server: ServerInfo, location: str, timeout: float = 600.0) -> None:
        self.server = server
        self.location = location
        self.url = server.url
        self._client = httpx.Client(base_url=server.url, timeout=timeout)

    def describe(self) -> str:
        return f"{self.location} (via {self.url})"

    # -- plumbing --------------------------------------------------------------------------------
    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return self._client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise StoreError(f"server {self.url} (pid {self.server.pid}) is not answering: "
                             f"{type(exc).__name__}") from None

    def _get(self, path: str, params: dict[str, Any] | None = None) -> httpx.Response:
        r = self._request("GET", path, params={k: v for k, v in (params or {}).items() if v is not None})
        self._raise_for(r)
        return r

    def _raise_for(self, r: httpx.Response) -> None:
        if r.status_code < 400:
            return
        body = _json(r)
        if r.status_code == 404 and body.get("kind"):
            raise UnknownName(str(body.get("kind", "name")), str(body.get("name", "")), body.get("suggestions"))
        if r.status_code in (400, 422):
            raise ValueError(str(body.get("detail", r.text[:300])))
        raise StoreError(f"server {self.url} answered {r.status_code}: {body.get('detail', r.text[:300])}")

    def _model(self, model: type[BaseModel], path: str, params: dict[str, Any] | None = None) -> Any:
        return model.model_validate_json(self._get(path, params).content)

    # -- reads -----------------------------------------------------------------------------------
    def leaderboard(self, benchmark: str, metric: str | None = None, setting: str | None = None,
                    sources_limit: int | None = None, as_of: dt.date | None = None, limit: int | None = None,
                    offset: int = 0) -> Leaderboard:
        params = {"benchmark": benchmark, "metric": metric, "setting": setting, "sources_limit": sources_limit,
                  "as_of": as_of.isoformat() if as_of else None, "limit": limit, "offset": offset or None}
        board: Leaderboard = self._model(Leaderboard, "/api/leaderboard", params)
        while limit is None and board.rows_total is not None and offset + len(board.rows) < board.rows_total:
            # the whole board: the server answers a page at a time, so ask for the rest page by page
            more: Leaderboard = self._model(Leaderboard, "/api/leaderboard",
                                            {**params, "offset": offset + len(board.rows)})
            if not more.rows:
                break
            board.rows.extend(more.rows)
        return board

    def history(self, benchmark: str, metric: str | None = None, setting: str | None = None) -> History:
        return self._model(History, "/api/history",  # type: ignore[no-any-return]
                           {"benchmark": benchmark, "metric": metric, "setting": setting})

    def board_events(self, benchmark: str | None = None, model: str | None = None,
                     limit: int = 50) -> list[BoardEvent]:
        return _FEED.validate_json(self._get("/api/feed/events", {"benchmark": benchmark, "model": model,
                                                                  "limit": limit}).content)

    def beats(self, model: str, benchmark: str, sources_limit: int | None = None, limit: int | None = None,
              offset: int = 0) -> BeatsResult:
        params = {"model": model, "benchmark": benchmark, "sources_limit": sources_limit, "limit": limit,
                  "offset": offset or None}
        result: BeatsResult = self._model(BeatsResult, "/api/beats", params)
        while limit is None and result.rows_total is not None and offset + len(result.rows) < result.rows_total:
            more: BeatsResult = self._model(BeatsResult, "/api/beats", {**params, "offset": offset + len(result.rows)})
            if not more.rows:
                break
            result.rows.extend(more.rows)
        return result

    def claims(self, model: str | None = None, benchmark: str | None = None, kind: str | None = None,
               source: str | None = None, review_status: str | None = None, sort: str = "id", limit: int = 50,
               offset: int = 0) -> ClaimPage:
        return self._model(ClaimPage, "/api/claims", {  # type: ignore[no-any-return]
            "model": model, "benchmark": benchmark, "kind": kind, "source": source, "review_status": review_status,
            "sort": sort, "limit": limit, "offset": offset})

    def get_claim(self, claim_id: int) -> StoredClaim:
        return self._model(StoredClaim, f"/api/claims/{int(claim_id)}")  # type: ignore[no-any-return]

    def claim_detail(self, claim_id: int) -> ClaimDetail:
        return self._model(ClaimDetail, f"/api/claims/{int(claim_id)}")  # type: ignore[no-any-return]

    def documents(self, source: str | None = None, limit: int = 50, offset: int = 0) -> DocumentPage:
        return self._model(DocumentPage, "/api/documents",  # type: ignore[no-any-return]
                           {"source": source, "limit": limit, "offset": offset})

    def get_document(self, doc_id: int) -> DocumentInfo:
        return self._model(DocumentInfo, f"/api/documents/{int(doc_id)}")  # type: ignore[no-any-return]

    def review_history(self, claim_id: int) -> list[ReviewEvent]:
        return _EVENTS.validate_json(self._get(f"/api/claims/{int(claim_id)}/reviews").content)

    def review_queue(self, limit: int = 50) -> list[ReviewQueueItem]:
        return _QUEUE.validate_json(self._get("/api/reviews/queue", {"limit": limit}).content)

    def matrix(self, benchmarks: Sequence[str]) -> Matrix:
        return self._model(Matrix, "/api/matrix", {"benchmarks": ",".join(benchmarks)})  # type: ignore[no-any-return]

    def benchmarks(self) -> list[NameCount]:
        return _NAMES.validate_json(self._get("/api/benchmarks").content)

    def models(self) -> list[NameCount]:
        return _NAMES.validate_json(self._get("/api/models").content)

    def export(self, fmt: ExportFormat, out: str | Path, benchmark: str | None = None, bom: bool = False) -> Path:
        out = Path(out)
        if out.is_dir():
            raise IsADirectoryError(21, "is a folder; give a file name", str(out))
        r = self._get(f"/api/export.{fmt}", {"benchmark": benchmark, **({"bom": 1} if bom else {})})
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(r.content)
        return out

    # -- writes ----------------------------------------------------------------------------------
    def ingest(self, files: Sequence[Path], job: IngestJob) -> Iterator[IngestOutcome | FileProblem]:
        """POST each file to the server; one outcome or per-file problem each, in file order."""
        headers = {"X-API-Key": self.server.token}
        for path in files:
            body = job.payload(path)
            if isinstance(body, FileProblem):
                yield body
                continue
            r = self._request("POST", "/api/documents", json={**body, "backend": job.backend}, headers=headers)
            if r.status_code == 201:
                body = r.json()
                # ``claims`` is one page of what is stored; ``stored_claims`` is the document's count
                yield IngestOutcome(source=body["source"], status=body["status"],
                                    claims=int(body.get("stored_claims", len(body["claims"]))))
            elif r.status_code in (401, 403):
                raise StoreError(f"server {self.url} refused the key ({r.status_code}); "
                                 "set BENCHCLAIMS_API_KEY to the server's key")
            else:
                yield FileProblem(path=str(path), reason=f"server refused it ({r.status_code}): {_detail(r)}")

    def set_review_status(self, claim_id: int, status: str, note: str | None = None,
                          reviewer: str | None = None) -> StoredClaim:
        body = {"review_status": status, **({"note": note} if note else {}), **({"reviewer": reviewer} if reviewer else {})}
        r = self._request("PATCH", f"/api/claims/{int(claim_id)}", json=body, headers={"X-API-Key": self.server.token})
        self._raise_for(r)
        return StoredClaim.model_validate_json(r.content)

    def undo_review(self, claim_id: int, reviewer: str | None = None) -> StoredClaim:
        r = self._request("POST", f"/api/claims/{int(claim_id)}/undo", json={"reviewer": reviewer},
                          headers={"X-API-Key": self.server.token})
        self._raise_for(r)
        return StoredClaim.model_validate_json(r.content)

    def close(self) -> None:
        self._client.close()


def _json(r: httpx.Response) -> dict[str, Any]:
    try:
        body = r.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _detail(r: httpx.Response) -> str:
    body = _json(r)
    errors = body.get("errors")
    if isinstance(errors, list) and errors:  # validation problems
        return "; ".join(str(d.get("msg", d)) for d in errors if isinstance(d, dict))[:300]
    detail = body.get("detail")
    if isinstance(detail, list):  # FastAPI's own validation errors
        return "; ".join(str(d.get("msg", d)) for d in detail if isinstance(d, dict))[:300]
    return str(detail)[:300] if detail is not None else r.text[:200]
