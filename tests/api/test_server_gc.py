"""``benchclaims serve`` freezes what start-up allocated, so full garbage collections do not walk it while serving."""

from __future__ import annotations

import gc

from api.server import freeze_startup_objects


def test_startup_objects_are_out_of_the_collectors_reach() -> None:
    gc.unfreeze()
    try:
        held = object(), [object()]  # tracked objects that outlive the call, as the app and its registry do
        assert any(o is held for o in gc.get_objects())
        freeze_startup_objects()
        assert gc.get_freeze_count() > 0
        assert not any(o is held for o in gc.get_objects())  # a collection no longer looks at them
    finally:
        gc.unfreeze()
