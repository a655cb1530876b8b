"""The dashboard in a real browser: Debian's headless chromium, driven by Playwright, against
a real uvicorn server on 127.0.0.1 serving a warehouse built from the seeds.

Skips (with the reason) where /usr/bin/chromium or the playwright package is missing; CI
installs both. Playwright never downloads a browser here: it is pointed at the system one.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from pydantic import SecretStr

from api.app import create_app
from schemas import Settings
from tests.support.paths import SEEDS_DIR

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                              "(apt-get install -y chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (the [dev] extra)")


KEY = "browser-test-key"


@pytest.fixture(scope="module")
def server_url(seed_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """uvicorn in a background thread on a free loopback port, over a writable copy of the seeds."""
    db = tmp_path_factory.mktemp("browser") / "seeds.duckdb"
    shutil.copyfile(seed_db, db)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(Settings(db=str(db), api_key=SecretStr(KEY))), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_pick_aime_2024_shows_ranked_rows_with_quotes(server_url: str, browser: object, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("requestfailed", lambda req: errors.append(f"request failed: {req.url}"))
    page.goto(server_url + "/")
    # The datalist is filled from /api/benchmarks (AIME 2024 and its aliases).
    page.wait_for_function("document.querySelectorAll('#bench-list option').length > 0")
    assert page.locator("#bench-list option[value='AIME 2024']").count() == 1

    page.fill("#bench-input", "AIME 2024")
    page.click("#bench-form button[type=submit]")
    rows = page.locator("#board-table tbody tr")
    rows.first.wait_for()
    assert page.locator("#board-title").inner_text() == "AIME 2024"
    assert rows.count() >= 2
    first_rank = rows.first.locator("td.rank").inner_text()
    assert first_rank == "1"
    seeds = "".join(p.read_text(encoding="utf-8") for p in SEEDS_DIR.glob("*.txt"))
    quotes = page.locator("#board-table td.quote > q").all_inner_texts()
    assert quotes and all(q and q in seeds for q in quotes), quotes
    assert page.locator("#chart rect").count() >= 2, "the bar chart draws the top models"
    # best value over time, drawn by plotly.js served from the installed package (no CDN)
    page.locator("#history-chart .main-svg").first.wait_for()
    assert page.locator("#history-chart .scatterlayer .point").count() >= 1
    assert "benchmark=AIME+2024" in (page.get_attribute("#csv-link", "href") or "")

    # "Who beats X": click the last-ranked model.
    last = rows.nth(rows.count() - 1).locator("td.model button")
    last_model = last.inner_text()
    last.click()
    page.wait_for_function("document.querySelector('#beats-message').textContent.trim().length > 0 "
                           "&& !document.querySelector('#beats-message').textContent.includes('Loading')")
    assert last_model in page.locator("#beats h2").inner_text()

    # An unknown name gets clickable suggestions, not a blank page.
    page.fill("#bench-input", "AIME 202")
    page.click("#bench-form button[type=submit]")
    page.locator("#bench-message button.link").first.wait_for()

    page.fill("#bench-input", "AIME 2024")
    page.click("#bench-form button[type=submit]")
    rows.first.wait_for()
    shot = tmp_path / "dashboard.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert errors == []
    page.close()


def test_reviewer_verifies_a_claim_from_the_dashboard(server_url: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server_url + "/#benchmark=AIME%202024")
    first = page.locator("#board-table tbody tr").first
    first.wait_for()
    assert page.locator("button.mini").count() == 0, "no review buttons without a key"

    page.click("#review-toggle")
    page.fill("#review-key", "wrong-key")
    page.click("#review-form button[type=submit]")
    first.locator("button.mini.verified").first.click()
    page.wait_for_function("document.querySelector('#review-message').textContent.includes('not saved')")
    assert "wrong API key" in page.locator("#review-message").inner_text()

    page.click("#review-toggle")  # stop, then start again with the right key
    page.click("#review-toggle")
    page.fill("#review-key", KEY)
    page.click("#review-form button[type=submit]")
    first.locator("button.mini.verified").first.click()
    page.wait_for_function("document.querySelector('#review-message').textContent.includes('marked verified')")
    page.locator("#board-table tbody tr >> nth=0 >> .src .badge.verified").first.wait_for()
    assert page.locator("#board-table tbody tr").first.locator("mark").count() >= 1, "the stated number is marked"

    # reject one, find it under "Show rejected", and put it back
    first.locator("button.mini.rejected").first.click()
    page.wait_for_function("document.querySelector('#review-message').textContent.includes('marked rejected')")
    page.click("#rejected-toggle")
    item = page.locator("#rejected-list li button.mini.unreviewed").first
    item.wait_for()
    assert page.locator("#rejected-list li").count() >= 1
    item.click()
    page.wait_for_function("document.querySelector('#review-message').textContent.includes('marked unreviewed')")
    page.wait_for_function("document.querySelector('#rejected-list li.empty') !== null")
    assert errors == []
    page.close()


def test_a_quote_opens_in_its_paragraph(server_url: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(server_url + "/#benchmark=AIME%202024")
    quote = page.locator("#board-table td.quote > q.open").first
    quote.wait_for()
    text = quote.inner_text()
    quote.click()
    page.locator("#claim-panel:not([hidden])").wait_for()
    assert page.locator("#claim-context mark.quote").inner_text() == text
    paragraph = page.locator("#claim-context").inner_text()
    assert text in paragraph and len(paragraph) > len(text), "the quote sits in its paragraph"
    assert page.locator("#claim-context .span-value").count() == 1, "the stated value is marked"
    page.keyboard.press("Escape")
    assert page.locator("#claim-panel").is_hidden()
    assert errors == []
    page.close()
