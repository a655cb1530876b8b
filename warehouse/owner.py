"""Who owns a warehouse file: the sidecar a running server leaves next to it.

DuckDB lets one process open a database file for writing, and a dashboard server keeps it
open for its whole life. So ``benchclaims serve`` announces itself in ``<db>.server.json``
(URL, pid and a random per-process token; mode 0600 so only the same user can read the
token), and ``benchclaims ingest`` finding that file with a live server behind it sends each
document to the server instead of opening the file. The sidecar is removed on shutdown; one
left behind by a killed server is recognised as stale (its pid is gone or the URL does not
answer as that server) and ignored.

Nothing secret but the random token is written, and only to this owner-only file. ``warehouse.store.open_store``
reads it: a location a live server owns opens as a ``RemoteStore``.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

SIDECAR_SUFFIX = ".server.json"
_HOLDER = re.compile(r"Conflicting lock is held in (?P<exe>.+?) \(PID (?P<pid>\d+)\)")


@dataclass(frozen=True)
class ServerInfo:
    """What a serving process wrote about itself."""

    url: str
    pid: int
    token: str
    db: str
    instance: str = ""


def sidecar_path(db: str | Path) -> Path:
    """``warehouse/x.duckdb`` -> ``warehouse/x.duckdb.server.json``."""
    p = Path(db)
    return p.with_name(p.name + SIDECAR_SUFFIX)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def write_sidecar(db: str | Path, url: str, token: str, instance: str = "") -> Path:
    """Write the sidecar atomically with mode 0600 (created so, never chmod-ed after the fact).

    ``instance`` is the server's random id, also in its healthz: a client checks both match.
    """
    final = sidecar_path(db)
    tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    payload = json.dumps({"url": url, "pid": os.getpid(), "token": token, "db": str(Path(db).resolve()),
                          "instance": instance})
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, payload.encode())
    finally:
        os.close(fd)
    os.replace(tmp, final)
    return final


def remove_sidecar(db: str | Path, token: str) -> None:
    """Remove the sidecar if it is still ours (a newer server may have replaced it)."""
    info = read_sidecar(db)
    if info is not None and info.token == token:
        sidecar_path(db).unlink(missing_ok=True)


def read_sidecar(db: str | Path) -> ServerInfo | None:
    """The sidecar's content, or None when there is none, it is garbled, or it cannot be trusted.

    Trusted means: owned by this user, not readable or writable by anyone else, with a token,
    and written for this very file. Otherwise a planted sidecar could send this user's
    documents (with a key) to a URL of someone else's choosing.
    """
    path = sidecar_path(db)
    try:
        st = path.stat()
        if st.st_uid != os.getuid() or st.st_mode & 0o077:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        info = ServerInfo(url=str(data["url"]), pid=int(data["pid"]), token=str(data["token"]), db=str(data["db"]),
                          instance=str(data.get("instance") or ""))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not info.token or Path(info.db) != Path(db).resolve():
        return None
    return info


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but someone else's
        return True
    return True


def live_server(db: str | Path, timeout: float = 5.0) -> ServerInfo | None:
    """The server that owns ``db`` now, or None (no sidecar, dead pid, or not answering as our server).

    A server writes the sidecar only once it listens, so one health check settles it; a
    short retry covers a server busy with its first requests. The server must say it serves
    this very file and be the instance the sidecar names: a stale sidecar whose pid was reused,
    or whose URL now belongs to a server of another warehouse, is never trusted with a query
    or a document.
    """
    import time

    import httpx

    info = read_sidecar(db)
    if info is None or not pid_alive(info.pid):
        return None
    deadline = time.monotonic() + timeout
    while True:
        try:
            r = httpx.get(f"{info.url}/api/healthz", timeout=2.0)
            if r.status_code == 200:
                health = r.json()
                if _same_server(info, health):
                    return info
                return None  # answering, but as another warehouse or another process: stale
        except (httpx.HTTPError, ValueError):
            pass
        if time.monotonic() >= deadline or not pid_alive(info.pid):
            return None
        time.sleep(0.2)


def _same_server(info: ServerInfo, health: object) -> bool:
    if not isinstance(health, dict):
        return False
    served = health.get("db_path")
    return (isinstance(served, str) and Path(served) == Path(info.db)
            and bool(info.instance) and health.get("instance") == info.instance)


def lock_holder(message: str) -> str | None:
    """``"python3.11 (pid 1234)"`` from DuckDB's lock-conflict message, when it names one."""
    m = _HOLDER.search(message)
    if m is None:
        return None
    return f"{Path(m['exe']).name} (pid {m['pid']})"
