"""What a batch run reports for a document it could not clean: a :class:`DocumentError`.

Errors are values, never exceptions that stop the stream: the runner that hit them keeps
going and hands the error back in place of the article. Code that runs inside a worker
raises :class:`DocumentFailure` to report a failure of a known kind; anything else it raises
becomes an error of kind ``"error"``.

>>> err = DocumentError("pages/a.html", "timeout", "no result after 60 s")
>>> err.kind, str(err)
('timeout', 'pages/a.html: timeout: no result after 60 s')
>>> err.to_dict()
{'kind': 'timeout', 'message': 'no result after 60 s'}
"""

from __future__ import annotations

import dataclasses
from typing import Literal

__all__ = ["DocumentError", "DocumentFailure", "ErrorKind"]

#: ``timeout``: the document took longer than the per-document limit (its worker was killed).
#: ``memory``: the document needed more memory than the per-worker limit.
#: ``crashed``: the worker process died while cleaning it (a signal, a crash in C code).
#: ``unreadable``: the input could not be read (I/O error, corrupt gzip, bad JSON line).
#: ``binary``: the input is not text or HTML (an image, an archive, ...).
#: ``unwritable``: the output could not be written (permissions, disk full, a path that
#: would leave the output folder).
#: ``error``: cleaning raised an exception (a bug: please report it with the input).
ErrorKind = Literal[
    "timeout", "memory", "crashed", "unreadable", "binary", "unwritable", "error"
]


@dataclasses.dataclass(frozen=True, slots=True)
class DocumentError:
    """A document that could not be cleaned, and why.

    Attributes:
        input: which document (a path, ``path#record-id``, or ``#position`` in the stream).
        kind: one of :data:`ErrorKind`.
        message: a one-line explanation for a person.
    """

    input: str
    kind: ErrorKind
    message: str

    def __str__(self) -> str:
        return f"{self.input}: {self.kind}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        """The error as JSON-ready data (without ``input``, which records carry anyway)."""
        return {"kind": self.kind, "message": self.message}


class DocumentFailure(Exception):
    """Raised inside a worker to fail one document with a known :data:`ErrorKind`.

    >>> DocumentFailure("binary", "looks like a PNG image").kind
    'binary'
    """

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.message = message

    def __reduce__(self) -> tuple[type[DocumentFailure], tuple[ErrorKind, str]]:
        return (type(self), (self.kind, self.message))
