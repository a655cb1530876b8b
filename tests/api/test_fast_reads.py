"""The default leaderboard page answered before routing (``api.fast_reads``) is the route's answer, byte for byte.

A server over the seeds warehouse with its answer cache off, so every request is computed: the fast path's answer
to ``?benchmark=NAME`` is compared with the route's answer to the same question put with an explicit default
(``&limit=100``, which the fast path leaves to the route): status, body, ETag and headers. Requests the route must
validate (an empty or too long name, other parameters) still get the route's 422.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from starlette.types import Receive, Scope, Send

from api.app import create_app
from api.fast_reads import DefaultLeaderboards, default_page_name
from api.routes.reads import DEFAULT_BOARD_PAGE
from schemas import Settings
from warehouse import Warehouse

HEADERS = ("content-type", "etag", "cache-control", "content-length")


@pytest.fixture(scope="module")
def names(seed_db: str) -> list[str]:
    """Every benchmark of the seeds, every family name, and names that are unknown or close to a known one."""
    with Warehouse(seed_db, read_only=True) as wh:
        benches = {b.name for b in wh.benchmarks()}
        families = {e.family for e in wh.reg.entities.values() if e.kind == "benchmark" and e.family}
    return sorted(benches | families) + ["AIME'24", "aime 2024", "No Such Bench", "MMLU-Pr", "x" * 200]


@pytest.fixture
def client(seed_db: str, writable_copy) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(create_app(Settings(db=writable_copy(seed_db), cache_max_bytes=0))) as c:
        yield c


def _route_only(client: TestClient, name: str):  # type: ignore[no-untyped-def]
    return client.get("/api/leaderboard", params={"benchmark": name, "limit": DEFAULT_BOARD_PAGE})


def test_fast_path_answers_as_the_route(client: TestClient, names: list[str]) -> None:
    statuses = set()
    for name in names:
        fast = client.get("/api/leaderboard", params={"benchmark": name})
        slow = _route_only(client, name)
        statuses.add(fast.status_code)
        assert (fast.status_code, fast.content) == (slow.status_code, slow.content), name
        for header in HEADERS:
            assert fast.headers.get(header) == slow.headers.get(header), (name, header)
    assert statuses == {200, 404}  # boards, families, and unknown names (a problem with suggestions)


def test_fast_path_answers_without_the_route(client: TestClient) -> None:
    """The middleware alone, in front of an app that answers 599 to anything, answers the default page as the
    server does: it never reached the router. Any other request is passed on."""
    want = client.get("/api/leaderboard", params={"benchmark": "AIME 2024"})
    assert want.status_code == 200
    passed_on: list[str] = []

    async def not_routed(scope: Scope, receive: Receive, send: Send) -> None:
        passed_on.append(scope["query_string"].decode())
        await send({"type": "http.response.start", "status": 599, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    state = client.app.state  # type: ignore[attr-defined]
    alone = TestClient(DefaultLeaderboards(not_routed, state.gateway, state.settings))
    fast = alone.get("/api/leaderboard", params={"benchmark": "AIME 2024"})
    assert (fast.status_code, fast.content, fast.headers["etag"]) == (200, want.content, want.headers["etag"])
    revalidated = alone.get("/api/leaderboard", params={"benchmark": "AIME 2024"},
                            headers={"If-None-Match": want.headers["etag"]})
    assert revalidated.status_code == 304 and revalidated.content == b""
    assert passed_on == []
    assert alone.get("/api/leaderboard", params={"benchmark": "AIME 2024", "limit": 100}).status_code == 599
    assert alone.get("/api/beats", params={"benchmark": "AIME 2024"}).status_code == 599
    assert alone.post("/api/leaderboard?benchmark=AIME%202024").status_code == 599
    assert len(passed_on) == 3


@pytest.mark.parametrize("query, status", [
    ({"benchmark": ""}, 422),
    ({"benchmark": "y" * 201}, 422),
    ({"benchmark": "AIME 2024", "limit": 0}, 422),
    ({"benchmark": "AIME 2024", "junk": 1}, 400),
])
def test_requests_the_route_validates(client: TestClient, query: dict[str, object], status: int) -> None:
    assert client.get("/api/leaderboard", params=query).status_code == status


def test_repeated_name_goes_to_the_route(client: TestClient) -> None:
    """``?benchmark=A&benchmark=B`` is the route's to read (it takes the last); the answer is B's board."""
    twice = client.get("/api/leaderboard?benchmark=MMLU&benchmark=AIME%202024")
    assert twice.status_code == 200 and twice.json()["benchmark"] == "AIME 2024"


def test_fewer_sources_allowed_than_the_default(seed_db: str, writable_copy) -> None:  # type: ignore[no-untyped-def]
    """A server allowing fewer sources per row than the default refuses the default page (the route's 422)."""
    with TestClient(create_app(Settings(db=writable_copy(seed_db), max_sources=2))) as c:
        assert c.get("/api/leaderboard", params={"benchmark": "AIME 2024"}).status_code == 422


@pytest.mark.parametrize("query, name", [
    (b"benchmark=AIME%202024", "AIME 2024"),
    (b"benchmark=AIME+2024", "AIME 2024"),
    (b"benchmark=%E4%B8%AD%E6%96%87", "中文"),
    (b"benchmark=", None),
    (b"benchmark=a&benchmark=b", None),
    (b"benchmark=a&limit=100", None),
    (b"metric=a", None),
    (b"", None),
])
def test_default_page_name(query: bytes, name: str | None) -> None:
    assert default_page_name(query) == name
