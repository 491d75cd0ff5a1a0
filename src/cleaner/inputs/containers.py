"""Files that hold many documents: WARC archives and JSONL files.

Containers are read in the calling process, record by record (never whole), and each
record becomes a :class:`~cleaner.inputs.document.Document` that carries its bytes.

- **WARC** (``.warc``, ``.warc.gz``, e.g. Common Crawl): every ``response`` record with an
  HTML content type is one document; its ``WARC-Target-URI`` becomes ``url`` and its
  ``WARC-Record-ID`` the record id. Read with warcio.
- **JSONL** (``.jsonl``, ``.ndjson``, optionally gzipped): one JSON object per line with the
  raw page in the ``html`` or ``text`` field (or the field named by ``field``), and optional
  ``url`` and ``id`` fields.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from typing import IO, Any

from cleaner.inputs.document import Document
from cleaner.inputs.names import record_component
from cleaner.inputs.read import GZIP_MAGIC
from cleaner.options import Kind

__all__ = ["DEFAULT_FIELDS", "iter_jsonl", "iter_lines", "iter_warc", "jsonl_document"]

#: The first bytes of every WARC record.
WARC_MAGIC = b"WARC/"
#: Bytes read to check the WARC header (enough for a gzip header plus the first line).
WARC_SNIFF_BYTES = 512
#: zlib window bits that accept a gzip header.
GZIP_WBITS = 16 + zlib.MAX_WBITS
#: The fields a JSONL record's raw page is looked for in, in order, and the kind each implies.
DEFAULT_FIELDS: tuple[tuple[str, Kind], ...] = (("html", "html"), ("text", "text"))


def _is_html(content_type: str | None) -> bool:
    return content_type is None or "html" in content_type.lower()


def _starts_warc(stream: IO[bytes]) -> bool:
    """Whether the (possibly gzipped) stream starts with a WARC header; rewinds it."""
    head = stream.read(WARC_SNIFF_BYTES)
    stream.seek(0)
    if head.startswith(GZIP_MAGIC):
        head = zlib.decompressobj(GZIP_WBITS).decompress(head, len(WARC_MAGIC))
    return head.startswith(WARC_MAGIC)


def iter_warc(path: str, *, input: str, name: str, limit: int) -> Iterator[Document]:
    """The HTML response records of the WARC file at ``path``, as documents.

    ``limit`` caps the bytes read from one record. A corrupt archive ends with one document
    that carries the problem (so the run reports it) after the records read before it.
    """
    from warcio.archiveiterator import ArchiveIterator  # slow to import; only for WARC runs

    count = 0
    try:
        with open(path, "rb") as stream:
            if not _starts_warc(stream):
                raise ValueError("no WARC/1.x header at the start of the file")
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if not _is_html(record.http_headers.get_header("Content-Type")):
                    continue
                record_id = record.rec_headers.get_header("WARC-Record-ID") or f"#{count}"
                data = record.content_stream().read(limit)
                count += 1
                yield Document(
                    input=input,
                    record=record_id,
                    data=data,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    kind="html",
                    name=f"{name}/{record_component(record_id)}",
                    size=len(data),
                )
    except Exception as exc:  # warcio raises many types on corrupt input; report them all
        yield Document(input=input, record=f"after-{count}-records", name=f"{name}/unreadable",
                       problem=f"corrupt WARC archive: {exc}")


def _open_text(path: str) -> IO[bytes]:
    stream = open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    if stream.read(len(GZIP_MAGIC)) == GZIP_MAGIC:
        stream.seek(0)
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    stream.seek(0)
    return stream


def _pick(obj: dict[str, Any], field: str | None) -> tuple[Any, Kind] | None:
    if field is not None:
        return (obj[field], "auto") if field in obj else None
    for name, kind in DEFAULT_FIELDS:
        if name in obj:
            return obj[name], kind
    return None


def jsonl_document(line: bytes, lineno: int, *, input: str, name: str,
                   field: str | None) -> Document:
    """One JSONL line as a document (or a document that carries why it is unusable)."""
    record = f"line-{lineno}"
    base = Document(input=input, record=record, name=f"{name}/{lineno:06d}", size=len(line))
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return _problem(base, f"line {lineno} is not JSON: {exc}")
    if not isinstance(obj, dict):
        return _problem(base, f"line {lineno} is not a JSON object")
    picked = _pick(obj, field)
    wanted = repr(field) if field else "'html' or 'text'"
    if picked is None or not isinstance(picked[0], str):
        return _problem(base, f"line {lineno} has no string field {wanted}")
    url, ident = obj.get("url"), obj.get("id")
    return Document(
        input=input, record=record, data=picked[0], kind=picked[1], name=base.name,
        url=url if isinstance(url, str) else None,
        id=None if ident is None else str(ident),
        size=len(line),
    )


def _problem(doc: Document, message: str) -> Document:
    return Document(input=doc.input, record=doc.record, name=doc.name, size=doc.size,
                    problem=message)


def iter_lines(stream: IO[bytes], *, input: str, name: str,
               field: str | None) -> Iterator[Document]:
    """Documents from a stream of JSON lines (blank lines are skipped)."""
    for lineno, line in enumerate(stream, start=1):
        if line.strip():
            yield jsonl_document(line, lineno, input=input, name=name, field=field)


def iter_jsonl(path: str, *, input: str, name: str, field: str | None) -> Iterator[Document]:
    """The records of the JSONL file at ``path``, as documents."""
    try:
        with _open_text(path) as stream:
            yield from iter_lines(stream, input=input, name=name, field=field)
    except (OSError, EOFError, zlib.error) as exc:
        yield Document(input=input, record="unreadable", name=f"{name}/unreadable",
                       problem=f"cannot read JSONL file: {exc}")
