"""Output records, their formats, and atomic writes inside the output folder.

Every record names its input (``input``, and ``record`` for a WARC or JSONL record), its
size and SHA-256, its status, and the article fields (or an ``error``):

>>> from cleaner.inputs import Document
>>> rec = record(Document(input="a.html"), None, size=0, sha256="",
...              error=DocumentError("a.html", "binary", "a PNG image"))
>>> rec["status"], rec["error"]
('error', {'kind': 'binary', 'message': 'a PNG image'})

Files are written to a temporary file in ``OUT/.cleaner-tmp`` and renamed into place, so a
run killed at any moment leaves either the old file, the new one, or none: never half of
one. A name can never resolve outside ``OUT``, whatever symbolic links ``OUT`` holds.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import uuid
from typing import Any, Literal

from cleaner.article import Article
from cleaner.batch.errors import DocumentError, DocumentFailure
from cleaner.batch.stream import options_for
from cleaner.inputs import Document, read_document
from cleaner.options import Options
from cleaner.pipeline import clean

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "TMP_DIR",
    "Format",
    "Job",
    "Outcome",
    "error_output",
    "process",
    "record",
    "render",
    "target_path",
    "write_atomic",
]

Format = Literal["json", "jsonl", "txt", "md"]
FORMATS: tuple[Format, ...] = ("json", "jsonl", "txt", "md")
#: The suffix each per-file format adds to the input's name (``a.html`` -> ``a.html.json``).
SUFFIXES: dict[Format, str] = {"json": ".json", "txt": ".txt", "md": ".md"}
#: Where partial files live until they are complete (inside OUT: same file system).
TMP_DIR = ".cleaner-tmp"
#: Permissions of output files before the umask (as ``open()`` would create them).
FILE_MODE = 0o666
#: Indentation of per-file JSON records (readable; JSONL records are single lines).
JSON_INDENT = 1


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Job:
    """What every worker needs to know about the run (sent once per worker)."""

    format: Format
    out: str | None
    options: Options


@dataclasses.dataclass(frozen=True, slots=True)
class Outcome:
    """What a worker reports for one cleaned document (small: the article stays behind)."""

    status: str
    output: str | None
    size: int
    sha256: str
    line: str | None = None


def record(doc: Document, article: Article | None, *, size: int | None, sha256: str | None,
           error: DocumentError | None = None) -> dict[str, Any]:
    """The output record of one document: where it came from, then the article or error."""
    head: dict[str, Any] = {"input": doc.input, "record": doc.record, "id": doc.id,
                            "size": size, "sha256": sha256}
    if article is not None:
        return head | article.to_dict()
    return head | {"url": doc.url, "status": "error",
                   "error": error.to_dict() if error else None}


def render(fmt: Format, rec: dict[str, Any], article: Article | None) -> str:
    """The text of one output in format ``fmt``.

    >>> render("txt", {"text": "Body."}, None)
    'Body.\\n'
    """
    if fmt == "json":
        return json.dumps(rec, ensure_ascii=False, indent=JSON_INDENT) + "\n"
    if fmt == "jsonl":
        return json.dumps(rec, ensure_ascii=False) + "\n"
    if fmt == "md":
        front = "".join(f"{key}: {json.dumps(rec.get(key), ensure_ascii=False)}\n"
                        for key in ("input", "record", "url", "status"))
        body = article.to_markdown() if article is not None else ""
        return f"---\n{front}---\n\n{body}"
    text = str(rec.get("text") or "")
    return text + "\n" if text else ""


def target_path(out: str, name: str) -> str:
    """``OUT/name``, refusing any name that would land outside ``OUT``.

    >>> target_path("out", "a/b.json")
    'out/a/b.json'
    >>> target_path("out", "../x.json")
    Traceback (most recent call last):
    ...
    cleaner.batch.errors.DocumentFailure: output name '../x.json' leaves the output folder
    """
    parts = name.split("/")
    if os.path.isabs(name) or any(p in ("", ".", "..") for p in parts) or "\\" in name:
        raise DocumentFailure("unwritable", f"output name {name!r} leaves the output folder")
    target = os.path.join(out, *parts)
    root = os.path.realpath(out)
    if os.path.commonpath([root, os.path.realpath(os.path.dirname(target))]) != root:
        raise DocumentFailure("unwritable",
                              f"output {name!r} would leave the output folder (symbolic link)")
    return target


def write_atomic(out: str, name: str, text: str) -> None:
    """Write ``text`` to ``OUT/name`` atomically (temporary file, then rename)."""
    target = target_path(out, name)
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        target_path(out, name)  # again, now that the folders exist (a link may have raced)
        tmp = os.path.join(out, TMP_DIR, f"{os.getpid()}-{uuid.uuid4().hex}.part")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)  # umask applies
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise DocumentFailure("unwritable", f"cannot write {name!r}: {exc.strerror or exc}") \
            from exc


def process(job: Job, doc: Document) -> Outcome:
    """Worker task: read, clean, render and (per-file formats) write one document."""
    opts = options_for(doc, job.options)
    data = read_document(doc, limit=opts.max_input_bytes + 1)
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    size = doc.size if doc.size is not None else len(raw)  # as found: on disk, in the record
    sha256 = hashlib.sha256(raw).hexdigest()
    article = clean(data, options=opts)
    rec = record(doc, article, size=size, sha256=sha256)
    text = render(job.format, rec, article)
    if job.format == "jsonl" or job.out is None:
        return Outcome(article.status, None, size, sha256, line=text)
    name = doc.name + SUFFIXES[job.format]
    write_atomic(job.out, name, text)
    return Outcome(article.status, name, size, sha256)


def error_output(job: Job, doc: Document, error: DocumentError) -> tuple[str | None, str | None]:
    """Write (or return, for JSONL) the error record of ``doc``: ``(output name, line)``.

    Per-file JSON gets an error record in place of the article; text and Markdown outputs
    get none (the manifest lists the failure).
    """
    rec = record(doc, None, size=doc.size, sha256=None, error=error)
    if job.format == "jsonl" or job.out is None:
        return None, render("jsonl", rec, None)
    if job.format != "json":
        return None, None
    name = doc.name + SUFFIXES["json"]
    try:
        write_atomic(job.out, name, render("json", rec, None))
    except DocumentFailure:
        return None, None
    return name, None
