"""Errors the warehouse raises for callers to turn into exit codes / HTTP statuses."""

from __future__ import annotations

from duckdb import InterruptException as QueryInterrupted  # a query stopped by ``Warehouse.interrupt``

__all__ = ["QueryInterrupted", "UnknownName"]


class UnknownName(LookupError):
    """A model, benchmark or claim id that the warehouse does not know.

    Carries close matches so the CLI can say "did you mean ..." (exit status 3) and the
    API can answer 404 with suggestions.
    """

    def __init__(self, kind: str, name: str, suggestions: list[str] | None = None) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = list(suggestions or [])
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown {kind} {name!r}{hint}")

    def __str__(self) -> str:
        return str(self.args[0])
