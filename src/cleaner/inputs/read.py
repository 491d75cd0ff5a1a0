"""Reading one document's bytes, in the worker that cleans it.

Files are read up to a limit (a gzip bomb or a 20 GB log cannot exhaust memory: the
pipeline truncates anything past ``Options.max_input_bytes`` anyway), gzip data is
decompressed (recognised by its magic number, whatever the file is called), and
binary files are refused with a reason rather than cleaned into nonsense.

>>> sniff_binary(b"\\x89PNG\\r\\n\\x1a\\n....")
'a PNG image'
>>> sniff_binary("Grüße".encode("utf-16")) is None
True
>>> sniff_binary(b"<html>") is None
True
"""

from __future__ import annotations

import gzip
import os
import stat
import zlib

from cleaner.batch.errors import DocumentFailure
from cleaner.inputs.document import Document

__all__ = ["BINARY_SNIFF_BYTES", "GZIP_MAGIC", "read_document", "sniff_binary"]

#: How much of the start of a file is inspected for NUL bytes and magic numbers.
BINARY_SNIFF_BYTES = 8192
#: The first bytes of gzip data: such files are decompressed whatever their name.
GZIP_MAGIC = b"\x1f\x8b"
#: Byte-order marks of UTF-16/32, whose text legitimately contains NUL bytes.
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
#: Magic numbers of common non-text files found in scraped folders.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"\x7fELF", "an executable"),
)


def sniff_binary(head: bytes) -> str | None:
    """Say what binary thing ``head`` starts, or ``None`` when it may be text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith(_WIDE_BOMS):
        return None
    if b"\x00" in head[:BINARY_SNIFF_BYTES]:
        return "binary data (NUL bytes)"
    return None


def _read_file(path: str, limit: int) -> bytes:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise DocumentFailure("unreadable", "not a regular file")
        with open(path, "rb") as stream:
            if stream.read(len(GZIP_MAGIC)) == GZIP_MAGIC:
                stream.seek(0)
                with gzip.GzipFile(fileobj=stream, mode="rb") as unzipped:
                    return unzipped.read(limit)
            stream.seek(0)
            return stream.read(limit)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise DocumentFailure("unreadable", f"corrupt gzip data: {exc}") from exc
    except OSError as exc:
        raise DocumentFailure("unreadable", exc.strerror or str(exc)) from exc


def read_document(doc: Document, *, limit: int) -> bytes | str:
    """The raw page of ``doc`` (at most ``limit`` bytes of a file).

    Raises :class:`~cleaner.batch.errors.DocumentFailure` (``unreadable`` or ``binary``).
    """
    if doc.problem is not None:
        raise DocumentFailure("unreadable", doc.problem)
    if doc.data is not None:
        data = doc.data
    elif doc.path is not None:
        data = _read_file(doc.path, limit)
    else:
        raise DocumentFailure("unreadable", "the document has neither data nor a path")
    if isinstance(data, bytes):
        what = sniff_binary(data[:BINARY_SNIFF_BYTES])
        if what is not None:
            raise DocumentFailure("binary", f"not a text or HTML document: {what}")
    return data
