"""Where the repository and its neighbours are, for every test whatever its folder depth.

Tests used to climb ``Path(__file__).parent.parent...`` themselves, which broke whenever a file moved
one folder deeper; these names are the one place that knows the layout.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
"""The checkout: ``tests/support/paths.py`` is two folders below it."""

SEEDS_DIR = REPO_ROOT / "seeds"
"""The five seed documents."""

SHARED_DIR = REPO_ROOT.parent / "shared"
"""The task's shared folder beside the checkout (gold files, reference scorer); absent on some machines."""

SEEDS_GOLD = SHARED_DIR / "gold" / "seeds.jsonl"
"""The hand-checked claims of the seeds (tests that need it skip when it is absent)."""
