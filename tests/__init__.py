"""The test suite, laid out like the package (``tests/extractor``, ``tests/warehouse``, ``tests/api`` ...).

Every folder is a package so that test files in different folders may share a basename
(``tests/extractor/test_tables.py`` and ``tests/extractor/llm/test_tables.py``) and so that
``tests.support`` is imported once, under one name.
"""
