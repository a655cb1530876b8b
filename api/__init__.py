"""The outside edges of benchclaims: the ``benchclaims`` CLI (``api.cli``) and the REST API with
its dashboard (``api.app.create_app``). Both stay thin: one warehouse or extractor call per
command or endpoint, plus formatting, so behaviour lives in the layers below."""
