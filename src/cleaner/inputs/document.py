"""One document to clean, wherever it came from: :class:`Document`.

A document either carries its bytes (a WARC record, a JSONL line, stdin) or names a file
that is read only when it is cleaned, in the worker process, so that a batch never holds
more than the documents in flight.

>>> doc = Document(input="crawl.warc.gz", record="<urn:uuid:1>", data=b"<p>hi</p>")
>>> doc.label
'crawl.warc.gz#<urn:uuid:1>'
>>> Document(input="a.html", path="a.html").label
'a.html'
"""

from __future__ import annotations

import dataclasses

from cleaner.options import Kind

__all__ = ["Document"]


@dataclasses.dataclass(frozen=True, slots=True)
class Document:
    """A document to clean.

    Attributes:
        input: where it came from, as the user named it (a path, ``-`` for stdin).
        record: which record of a container (a WARC-Record-ID, ``line-N`` of a JSONL file).
        data: the raw page; ``None`` means "read ``path`` when cleaning".
        path: the file to read (gzip-decompressed when its name ends in ``.gz``).
        url: the page address (a WARC target URI, a JSONL ``url`` field).
        id: the caller's own identifier (a JSONL ``id`` field).
        kind: ``"html"``/``"text"`` when the container says which; else ``"auto"``.
        name: where its output goes, relative to the output folder (``sub/a.html``).
        size: the size in bytes of the raw page, when known without reading it.
        problem: why the document could not be read, when discovery already knows.
    """

    input: str
    record: str | None = None
    data: bytes | str | None = None
    path: str | None = None
    url: str | None = None
    id: str | None = None
    kind: Kind = "auto"
    name: str = ""
    size: int | None = None
    problem: str | None = None

    @property
    def label(self) -> str:
        """How errors and logs name this document: ``input`` or ``input#record``."""
        return f"{self.input}#{self.record}" if self.record else self.input

    @property
    def key(self) -> tuple[str, str | None]:
        """The identity used to recognise finished work when a run is resumed."""
        return (self.input, self.record)
