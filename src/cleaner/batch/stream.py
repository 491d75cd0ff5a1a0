"""``clean_many``: clean a stream of documents in worker processes.

>>> from cleaner import DocumentError, clean_many
>>> pages = [b"", b"\\x89PNG\\r\\n\\x1a\\n..."]
>>> [r.kind if isinstance(r, DocumentError) else r.status for _, r in clean_many(pages, jobs=0)]
['empty', 'binary']
"""

from __future__ import annotations

import functools
import os
from collections.abc import Generator, Iterable
from typing import TypeVar

from cleaner.article import Article
from cleaner.batch.errors import DocumentError
from cleaner.batch.pool import (
    DEFAULT_MAX_MEMORY_BYTES,
    DEFAULT_TIMEOUT_S,
    PoolConfig,
    default_jobs,
    run_pool,
)
from cleaner.errors import InvalidInputError
from cleaner.inputs.document import Document
from cleaner.inputs.read import read_document
from cleaner.options import Options
from cleaner.pipeline import clean

__all__ = ["Source", "clean_document", "clean_many", "options_for"]

#: What ``clean_many`` accepts: a page (``str``/``bytes``), a file path, or a Document.
Source = str | bytes | os.PathLike[str] | Document
S = TypeVar("S", bound=Source)


def as_document(source: Source) -> Document:
    """The :class:`Document` for any accepted source (pages need no copy: it is the data)."""
    if isinstance(source, Document):
        return source
    if isinstance(source, (str, bytes)):
        return Document(input="", data=source)
    path = os.fspath(source)
    return Document(input=path, path=path)


def options_for(doc: Document, options: Options) -> Options:
    """``options`` with the document's own url, and its kind unless the caller chose one.

    >>> options_for(Document(input="a", url="https://x.test/", kind="html"), Options()).kind
    'html'
    """
    opts = options
    if doc.url is not None:
        opts = opts.replace(url=doc.url)
    if opts.kind == "auto" and doc.kind != "auto":
        opts = opts.replace(kind=doc.kind)
    return opts


def clean_document(doc: Document, options: Options) -> Article:
    """Read and clean one document (see :func:`options_for`).

    Raises :class:`~cleaner.batch.errors.DocumentFailure` when it cannot be read.
    """
    opts = options_for(doc, options)
    return clean(read_document(doc, limit=opts.max_input_bytes + 1), options=opts)


def _clean_task(options: Options, task: tuple[int, Source]) -> Article:
    return clean_document(as_document(task[1]), options)  # Article pickles itself


def _label(task: tuple[int, Source]) -> str:
    index, source = task
    doc = as_document(source)
    return doc.label or f"#{index}"


def clean_many(
    sources: Iterable[S],
    *,
    jobs: int | None = None,
    options: Options | None = None,
    ordered: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT_S,
    max_memory: int | None = DEFAULT_MAX_MEMORY_BYTES,
) -> Generator[tuple[S, Article | DocumentError], None, None]:
    """Clean many documents in worker processes; yield ``(source, Article | DocumentError)``.

    Args:
        sources: pages (``str``/``bytes``), file paths (``pathlib.Path``; gzip is undone), or
            :class:`cleaner.inputs.Document` records (with their own ``url``). Any iterable,
            consumed lazily: at most a few documents per worker are read ahead.
        jobs: worker processes (default: every core); ``0`` cleans in this process (no
            timeout, no memory guard; for debugging or where processes cannot be started).
        options: the cleaning options, as for :func:`cleaner.clean`.
        ordered: yield in input order (default) or as documents finish.
        timeout: seconds one document may take before its worker is killed.
        max_memory: address-space cap per worker, in bytes.

    A document that fails (unreadable, timeout, out of memory, a crash) yields a
    :class:`DocumentError` in place of its article; the stream always goes on.
    """
    if isinstance(sources, (str, bytes, os.PathLike, Document)):
        raise InvalidInputError("clean_many() takes an iterable of documents; for one "
                                "document call clean()")
    config = PoolConfig(
        jobs=default_jobs() if jobs is None else jobs,
        timeout=timeout,
        max_memory=max_memory,
        ordered=ordered,
    )
    work = functools.partial(_clean_task, options or Options())
    for (_, source), result in run_pool(enumerate(sources), work, label=_label, config=config):
        yield source, result
