"""``extractor._accel``: compiled rule modules are used only when built from the sources present."""

from __future__ import annotations

import shutil
from pathlib import Path

from extractor import _accel


def _copy_sources(root: Path) -> None:
    for module in _accel.MODULES:
        target = _accel.source_path(module, root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(_accel.source_path(module), target)


def test_digest_follows_every_source(tmp_path: Path) -> None:
    _copy_sources(tmp_path)
    assert _accel.sources_digest(tmp_path) == _accel.sources_digest()
    edited = _accel.source_path(_accel.MODULES[-1], tmp_path)
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _accel.sources_digest(tmp_path) != _accel.sources_digest()


def test_sources_first_finder_gives_the_py_files() -> None:
    finder = _accel._SourcesFirst()
    spec = finder.find_spec("extractor.rules.prose")
    assert spec is not None and spec.origin == str(_accel.source_path("extractor.rules.prose"))
    assert finder.find_spec("extractor.nlp.components") is None
    assert finder.find_spec("json") is None


def test_modules_are_imported_from_where_the_check_says() -> None:
    import extractor.rules.prose as prose

    assert str(prose.__file__).endswith(".py") != _accel.ACCELERATED
    for module in _accel.MODULES:
        assert _accel.source_path(module).is_file(), module
