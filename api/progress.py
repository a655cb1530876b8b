"""Progress of ``ingest`` / ``extract`` on stderr.

On a terminal: a rich bar with inputs done / total, the claims found so far, the time elapsed
and an ETA, the input being read, and a second bar per download (URL or arXiv paper) with
bytes, size and speed. Elsewhere (a log file, CI, a pipe), plain lines that never redraw: one
per finished download, and a one-line summary at most every ``interval`` seconds.
Problems and warnings are printed above the bar, one line each.
"""

from __future__ import annotations

import re
import time
from types import TracebackType

from rich.console import Console, Group
from rich.live import Live
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]|\n(?!\Z)")


def one_line(text: str) -> str:
    """Control characters (a file named with an escape sequence or a newline) shown escaped,
    so one problem stays one line and cannot drive the terminal."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class IngestProgress:
    """See the module docstring. ``total`` is the number of inputs."""

    def __init__(self, total: int, console: Console | None = None, verb: str = "ingesting",
                 interval: float = 10.0, live: bool = True) -> None:
        self.console = console or Console(stderr=True)
        self.total = total
        self.verb = verb
        self.interval = interval
        self.done = 0
        self.claims = 0
        self.started = time.monotonic()
        self._last_line = self.started
        self._downloads: dict[str, tuple[TaskID | None, float, int, float]] = {}  # task, start, bytes, last byte
        self._live: Live | None = None
        self._may_draw = live
        self._main = Progress(
            TextColumn(verb), BarColumn(), MofNCompleteColumn(), TextColumn("· {task.fields[claims]} claims ·"),
            TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(), TextColumn("{task.fields[name]}"),
            console=self.console)
        self._fetches = Progress(
            TextColumn("  downloading {task.fields[name]}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
            console=self.console)
        self._task = self._main.add_task(verb, total=total, name="", claims=0)

    @property
    def live(self) -> bool:
        return self._live is not None

    def __enter__(self) -> IngestProgress:
        if self._may_draw and self.console.is_terminal:
            self._live = Live(Group(self._main, self._fetches), console=self.console, transient=True,
                              refresh_per_second=8)
            self._live.__enter__()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._live is not None:
            self._live.__exit__(exc_type, exc, tb)
            self._live = None

    # -- events ------------------------------------------------------------------------
    def print(self, message: str) -> None:
        """A problem or warning: one line (however long, control characters shown escaped), above the bar."""
        self.console.print(one_line(message), markup=False, highlight=False, soft_wrap=True)

    def download(self, name: str, done: int, total: int | None) -> None:
        """Bytes of a download so far (the hook ``extract_paths`` calls)."""
        task, started, _, _ = self._downloads.get(name, (None, time.monotonic(), 0, 0.0))
        if self._live is not None:
            if task is None:
                short = name if len(name) <= 60 else name[:57] + "..."
                task = self._fetches.add_task("download", total=total, name=short)
            self._fetches.update(task, completed=done, total=total)
        self._downloads[name] = (task, started, done, time.monotonic())

    def finished(self, name: str, claims: int = 0) -> None:
        """One input done (extracted, or refused)."""
        self.done += 1
        self.claims += claims
        self._end_downloads()
        self._main.update(self._task, advance=1, name=name, claims=self.claims)
        if self._live is not None:
            return
        now = time.monotonic()
        if now - self._last_line >= self.interval and self.done < self.total:
            self._last_line = now
            self.print(self.line())

    def line(self) -> str:
        """``ingesting: 120/5000 inputs, 3400 claims, 0:01:00 elapsed, eta 0:40:00``."""
        elapsed = time.monotonic() - self.started
        eta = elapsed / self.done * (self.total - self.done) if self.done else None
        return (f"{self.verb}: {self.done}/{self.total} inputs, {self.claims} claims, {_clock(elapsed)} elapsed"
                + (f", eta {_clock(eta)}" if eta is not None else ""))

    def _end_downloads(self) -> None:
        """Inputs are read one at a time: an input finishing ends the downloads made for it."""
        for name, (task, started, size, last) in self._downloads.items():
            if task is not None:
                self._fetches.remove_task(task)
            if self._live is None:
                self.print(f"downloaded {name} ({size:,} bytes in {max(last - started, 0.0):.1f}s)")
        self._downloads.clear()
