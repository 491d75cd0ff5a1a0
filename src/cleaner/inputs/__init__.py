"""Input discovery and readers: files, folders, globs, stdin, gzip, WARC and JSONL.

>>> from cleaner.inputs import Document
>>> Document(input="a.html", path="a.html").key
('a.html', None)
"""

from __future__ import annotations

from cleaner.inputs.discover import STDIN, Root, count, documents, kind_hint, resolve
from cleaner.inputs.document import Document
from cleaner.inputs.read import read_document, sniff_binary

__all__ = [
    "STDIN",
    "Document",
    "Root",
    "count",
    "documents",
    "kind_hint",
    "read_document",
    "resolve",
    "sniff_binary",
]
