"""From command-line arguments to a stream of documents.

Arguments are files, folders (walked recursively, in sorted order, without following
symbolic links to folders, skipping hidden files and folders unless asked), glob patterns
(``'dumps/**/*.txt'``) and ``-`` for stdin.
:func:`resolve` checks them all before any work starts (a typo is a usage error, not a
failure an hour into a run); :func:`documents` then streams the documents lazily.

Output names mirror the input tree: with one folder argument, names are relative to that
folder; with several arguments, each folder's files keep the folder's own (relative) name
as a prefix. Files named on the command line keep their relative path as given, or their
base name when given as an absolute path or with ``..``.
"""

from __future__ import annotations

import dataclasses
import glob
import os
from collections.abc import Iterator, Sequence
from typing import IO

from cleaner.errors import InvalidOptionError
from cleaner.inputs.containers import iter_jsonl, iter_lines, iter_warc
from cleaner.inputs.document import Document
from cleaner.inputs.names import NameBook, safe_name
from cleaner.options import Kind

__all__ = ["STDIN", "Root", "count", "documents", "kind_hint", "resolve"]

#: The argument that means "read standard input".
STDIN = "-"
#: Name suffixes of WARC archives and of JSONL files (compared in lower case).
WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
#: What a file's suffix (after any ``.gz``) says about its content; others are sniffed.
KIND_BY_SUFFIX: dict[str, Kind] = {".html": "html", ".htm": "html", ".xhtml": "html",
                                   ".shtml": "html", ".txt": "text"}
_GLOB_CHARS = frozenset("*?[")


@dataclasses.dataclass(frozen=True, slots=True)
class Root:
    """One resolved argument: ``arg`` as typed, and the output-name prefix of its files."""

    arg: str
    is_dir: bool
    prefix: str


def kind_hint(filename: str) -> Kind:
    """What a file's name says it holds.

    >>> kind_hint("a/b.HTML.gz"), kind_hint("dump.txt"), kind_hint("page")
    ('html', 'text', 'auto')
    """
    lower = filename.lower().removesuffix(".gz")
    return KIND_BY_SUFFIX.get(os.path.splitext(lower)[1], "auto")


def _given_name(arg: str) -> str:
    """The output name of a path as the user typed it (base name if absolute or with ``..``)."""
    parts = arg.replace("\\", "/").split("/")
    if os.path.isabs(arg) or ".." in parts:
        return safe_name(os.path.basename(os.path.abspath(arg)))
    return safe_name(arg)


def resolve(args: Sequence[str]) -> list[Root]:
    """Check and expand the arguments; raise ``InvalidOptionError`` naming every bad one.

    An argument that names a file or folder already named (``a.html ./a.html``, or a glob
    that matches it again) is dropped, so nothing is cleaned twice.
    """
    expanded: list[tuple[str, bool]] = []
    problems: list[str] = []
    for arg in args:
        if arg == STDIN:
            if any(a == STDIN for a, _ in expanded):
                problems.append("'-' (stdin) given twice")
            expanded.append((arg, False))
        elif os.path.exists(arg):
            expanded.append((arg, os.path.isdir(arg)))
        elif _GLOB_CHARS & set(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                problems.append(f"{arg!r} matches no file")
            expanded.extend((m, os.path.isdir(m)) for m in matches)
        else:
            problems.append(f"{arg!r} does not exist")
    if problems:
        raise InvalidOptionError("; ".join(problems))
    seen: set[str] = set()
    unique = []
    for arg, is_dir in expanded:  # the same file or folder named twice is read once
        real = arg if arg == STDIN else os.path.realpath(arg)
        if real not in seen:
            seen.add(real)
            unique.append((arg, is_dir))
    expanded = unique
    single_dir = len(expanded) == 1 and expanded[0][1]
    return [Root(arg, is_dir, "" if single_dir or not is_dir else _given_name(arg))
            for arg, is_dir in expanded]


def _walk(root: str, exclude: frozenset[str], *, hidden: bool = False,
          follow_links: bool = False) -> Iterator[tuple[str, str]]:
    """(path, path relative to root) of every file under ``root``, in sorted order; hidden
    files and folders (``.git``, ``.DS_Store``) only when ``hidden``; symbolic links to files
    outside ``root`` only when ``follow_links`` (a link must not leak ``/etc/passwd``)."""
    real_root = os.path.realpath(root)
    for here, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if (hidden or not d.startswith("."))
                         and os.path.realpath(os.path.join(here, d)) not in exclude)
        for name in sorted(files):
            if name.startswith(".") and not hidden:
                continue
            path = os.path.join(here, name)
            if exclude and os.path.realpath(path) in exclude:
                continue
            if not follow_links and os.path.islink(path) and os.path.commonpath(
                    [real_root, os.path.realpath(path)]) != real_root:
                continue
            yield path, os.path.relpath(path, root)


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class _Reading:
    book: NameBook
    field: str | None
    limit: int


def _file(path: str, input: str, name: str, how: _Reading) -> Iterator[Document]:
    lower = path.lower()
    if lower.endswith(WARC_SUFFIXES):
        container = how.book.claim(name)
        for doc in iter_warc(path, input=input, name=container, limit=how.limit):
            yield dataclasses.replace(doc, name=how.book.claim(doc.name))
    elif lower.endswith(JSONL_SUFFIXES):
        container = how.book.claim(name)
        for doc in iter_jsonl(path, input=input, name=container, field=how.field):
            yield dataclasses.replace(doc, name=how.book.claim(doc.name))
    else:
        try:
            size: int | None = os.stat(path).st_size
        except OSError:
            size = None
        yield Document(input=input, path=path, kind=kind_hint(path),
                       name=how.book.claim(name), size=size)


def documents(
    roots: Sequence[Root],
    *,
    stdin: IO[bytes] | None = None,
    stdin_jsonl: bool = False,
    field: str | None = None,
    exclude: Sequence[str] = (),
    hidden: bool = False,
    follow_links: bool = False,
    limit: int,
) -> Iterator[Document]:
    """Stream the documents of ``roots`` (see :func:`resolve`), lazily and in order.

    ``exclude`` lists paths never to read (the output folder when it lies inside an input
    folder); ``hidden`` includes hidden files and folders of walked folders; ``follow_links``
    reads symbolic links to files outside a walked folder (skipped otherwise); ``limit`` caps
    the bytes read from stdin or from one container record.
    """
    how = _Reading(book=NameBook(), field=field, limit=limit)
    skip = frozenset(os.path.realpath(p) for p in exclude)
    for root in roots:
        if root.arg == STDIN:
            if stdin is None:
                continue
            if stdin_jsonl:
                for doc in iter_lines(stdin, input=STDIN, name="stdin", field=field):
                    yield dataclasses.replace(doc, name=how.book.claim(doc.name))
            else:
                data = stdin.read(limit)
                yield Document(input=STDIN, data=data, name=how.book.claim("stdin"),
                               size=len(data))
        elif root.is_dir:
            for path, rel in _walk(root.arg, skip, hidden=hidden, follow_links=follow_links):
                name = f"{root.prefix}/{rel}" if root.prefix else rel
                yield from _file(path, path, safe_name(name), how)
        elif os.path.realpath(root.arg) not in skip:
            yield from _file(root.arg, root.arg, _given_name(root.arg), how)


def count(roots: Sequence[Root], *, exclude: Sequence[str] = (),
          hidden: bool = False, follow_links: bool = False) -> int | None:
    """How many documents ``roots`` hold; ``None`` when a WARC or JSONL file (or a JSONL
    stdin) makes that unknowable without reading them. Walks folders, reads no file."""
    skip = frozenset(os.path.realpath(p) for p in exclude)
    total = 0
    for root in roots:
        paths = ((p for p, _ in _walk(root.arg, skip, hidden=hidden,
                                      follow_links=follow_links)) if root.is_dir
                 else iter([root.arg]))
        for path in paths:
            if path.lower().endswith(WARC_SUFFIXES + JSONL_SUFFIXES):
                return None
            total += 1
    return total
