"""The extraction backends (``extractor.rules``: offline rules as a spaCy pipeline; ``extractor.llm``)."""

# first, before any rule module: use the mypyc-compiled rule modules only if built from these sources (_accel)
from extractor import _accel  # noqa: F401
