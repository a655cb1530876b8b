"""Readers for inputs other than plain text files: PDF, URLs, arXiv (see ``extractor.inputs``)."""
