"""The server reads on ``Settings.read_threads`` DuckDB threads and writes on all of them.

An uncached board is a few reads by key, which cost more CPU when DuckDB hands them to a worker thread; a write (an
ingest, its board rebuild) is bulk work that uses every core. The gateway sets the store's threads for reads and
lifts them for the length of each write.
"""

from __future__ import annotations

import duckdb
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from schemas import Settings
from warehouse import Store


def _threads(store: Store) -> int:
    return int(store.warehouse.con.execute("SELECT current_setting('threads')").fetchone()[0])  # type: ignore[attr-defined,index]


def _default_threads() -> int:
    with duckdb.connect() as con:
        return int(con.execute("SELECT current_setting('threads')").fetchone()[0])  # type: ignore[index]


def test_reads_on_one_thread_writes_on_all(seed_db: str, writable_copy) -> None:  # type: ignore[no-untyped-def]
    default = _default_threads()
    if default < 2:
        pytest.skip("DuckDB runs one thread on this machine anyway")
    with TestClient(create_app(Settings(db=writable_copy(seed_db), cache_max_bytes=0), server_token="t")) as client:
        gateway = client.app.state.gateway  # type: ignore[attr-defined]
        assert gateway.read(_threads)[0] == 1
        assert gateway.write(_threads) == default
        assert gateway.read(_threads)[0] == 1  # back after the write
        with pytest.raises(RuntimeError):
            gateway.write(lambda store: (_ for _ in ()).throw(RuntimeError("a failed write")))
        assert gateway.read(_threads)[0] == 1  # and after a failed one
        assert client.get("/api/leaderboard", params={"benchmark": "AIME 2024"}).status_code == 200


def test_read_threads_zero_is_duckdbs_default(seed_db: str, writable_copy) -> None:  # type: ignore[no-untyped-def]
    with TestClient(create_app(Settings(db=writable_copy(seed_db), cache_max_bytes=0, read_threads=0))) as client:
        gateway = client.app.state.gateway  # type: ignore[attr-defined]
        assert gateway.read(_threads)[0] == _default_threads()
