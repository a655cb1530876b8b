"""The outside edges of benchclaims: the ``benchclaims`` CLI (``api.cli``) and the REST API with
its dashboard (``api.app.create_app``). Both stay thin: one warehouse or extractor call per
command or endpoint, plus formatting, so behaviour lives in the layers below."""

import gc

# The processes this package runs (the ``benchclaims`` command, the REST server) collect the cyclic collector's
# youngest generation after 10,000 net allocations of tracked objects instead of Python's 700: importing and
# extracting allocate millions of short-lived objects (match objects, tuples, lists, the claims) that reference
# counting frees anyway, and with 700 one extract run over the seeds x25 made ~200 collections, ~0.055 s of CPU
# (~0.015 s with 10,000; benchmarks/README.md, nineteenth session). Set here, before the command's third-party imports;
# the older generations keep their thresholds.
gc.set_threshold(10_000, *gc.get_threshold()[1:])
