"""One ``cleaner clean`` run: discover, skip finished work, clean in the pool, write, report.

The order of writes makes a run safe to kill at any moment: a document's output is
complete (renamed into place, or a flushed JSONL line) before its manifest line is
written, and ``--resume`` trusts only the manifest (plus, for JSONL, the complete lines of
the output itself). The worst a kill can cost is redoing the documents in flight.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from typing import IO

from cleaner.batch.errors import DocumentError
from cleaner.batch.pool import PoolConfig, run_pool
from cleaner.cli.manifest import (
    MANIFEST_NAME,
    Done,
    Entry,
    LineFile,
    ManifestWriter,
    key_print,
    load,
    read_records,
    repair_tail,
)
from cleaner.cli.outputs import SUFFIXES, TMP_DIR, Format, Job, Outcome, error_output, process
from cleaner.cli.progress import Tally, reporter, summary
from cleaner.errors import InvalidOptionError
from cleaner.inputs import STDIN, Document, documents, resolve
from cleaner.inputs.discover import count
from cleaner.options import Options

__all__ = ["JSONL_DEFAULT_NAME", "RunConfig", "run"]

#: The JSONL output file's name when ``-o`` names a folder.
JSONL_DEFAULT_NAME = "articles.jsonl"


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class RunConfig:
    """Everything ``cleaner clean`` was asked to do."""

    paths: tuple[str, ...]
    out: str | None
    format: Format
    pool: PoolConfig
    options: Options
    resume: bool = False
    retry_failed: bool = False
    manifest: str | None = None
    field: str | None = None
    stdin_jsonl: bool = False
    quiet: bool = False
    progress: bool | None = None
    hidden: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class _Layout:
    folder: str | None      # per-file formats: the output folder
    jsonl: str | None       # JSONL to a file (None with folder=None: stdout)
    manifest: str | None


def _layout(config: RunConfig) -> _Layout:
    out = config.out
    if config.format != "jsonl":
        if out in (None, "-"):
            raise InvalidOptionError(f"--format {config.format} writes one file per input: "
                                     "give an output folder with -o")
        assert out is not None
        if os.path.exists(out) and not os.path.isdir(out):
            raise InvalidOptionError(f"-o {out!r} is a file; give a folder")
        return _Layout(out, None, config.manifest or os.path.join(out, MANIFEST_NAME))
    if out in (None, "-"):
        if config.resume and config.manifest is None:
            raise InvalidOptionError("--resume needs an output file (-o FILE) or --manifest")
        return _Layout(None, None, config.manifest)
    assert out is not None
    if os.path.isdir(out):
        return _Layout(None, os.path.join(out, JSONL_DEFAULT_NAME),
                       config.manifest or os.path.join(out, MANIFEST_NAME))
    stem = out[: -len(".jsonl")] if out.endswith(".jsonl") else out
    return _Layout(None, out, config.manifest or f"{stem}.manifest.jsonl")


def _finished(config: RunConfig, layout: _Layout,
              writer: ManifestWriter | None) -> dict[int, Done]:
    """What earlier runs finished (empty unless resuming), by :func:`key_print`.

    For JSONL output, the complete lines of the output are the truth: a line written just
    before a kill is finished work even if its manifest line is missing. With
    ``--retry-failed`` the failed records are taken out of the output first, so that a
    redone document never has two lines.
    """
    if not config.resume or layout.manifest is None:
        return {}
    done = load(layout.manifest)
    if layout.jsonl is None:
        return done
    repair_tail(layout.jsonl)
    if config.retry_failed:
        drop_failed(layout.jsonl)
    in_output: dict[int, Done] = {}
    for obj in read_records(layout.jsonl):
        entry = Entry.from_obj(obj | {"output": None, "reason": None})
        key = key_print(entry.key)
        in_output[key] = (entry.size, entry.status == "error")
        if key not in done and writer is not None:
            writer.add(entry)  # written just before a kill, not yet in the manifest
    return in_output


def drop_failed(path: str) -> None:
    """Rewrite a JSONL output without its error records (atomically)."""
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(path, "rb") as source, open(tmp, "wb") as target:
        for line in source:
            try:
                failed = json.loads(line).get("status") == "error"
            except (ValueError, AttributeError):
                failed = False
            if not failed:
                target.write(line)
    os.replace(tmp, path)


def _pending(docs: Iterable[Document], finished: dict[int, Done], layout: _Layout,
             config: RunConfig, tally: Tally) -> Iterator[Document]:
    """The documents still to do; counts the ones skipped."""
    suffix = SUFFIXES.get(config.format, "")
    for doc in docs:
        done = finished.get(key_print(doc.key)) if finished else None
        if done is not None:
            size, failed = done
            if (not failed or not config.retry_failed) and (
                layout.folder is None  # JSONL: a line cannot be replaced; what is there is done
                or (
                    (size is None or doc.size is None or size == doc.size)
                    and (failed or os.path.exists(os.path.join(layout.folder,
                                                               doc.name + suffix)))
                )
            ):
                tally.skipped += 1
                tally.failed_before += failed
                continue
        yield doc


def _settle(job: Job, doc: Document, result: Outcome | DocumentError) -> tuple[Entry, str | None]:
    """The manifest entry of a finished document, and its JSONL line if any (an error
    record is written here, in the parent, as its worker may be dead)."""
    if isinstance(result, Outcome):
        return Entry(doc.input, doc.record, result.output, result.size, result.sha256,
                     result.status, None), result.line
    output, line = error_output(job, doc, result)
    return Entry(doc.input, doc.record, output, doc.size, None, "error",
                 f"{result.kind}: {result.message}"), line


def _prepare_folder(folder: str) -> None:
    tmp = os.path.join(folder, TMP_DIR)
    shutil.rmtree(tmp, ignore_errors=True)  # partial files of a killed run
    os.makedirs(tmp, exist_ok=True)


def run(config: RunConfig, *, stdin: IO[bytes], stdout: IO[str], stderr: IO[str]) -> int:
    """Carry out one run; return the exit status (0: all cleaned, 1: some failed, in this
    run or, for inputs ``--resume`` skipped, in an earlier one).

    Raises ``InvalidOptionError`` for arguments that cannot work (a usage error).
    """
    roots = resolve(config.paths)
    layout = _layout(config)
    if layout.folder is not None:
        _prepare_folder(layout.folder)
    exclude = [p for p in (layout.folder, layout.jsonl, layout.manifest) if p]
    tally = Tally()
    progress = reporter(tally, stream=stderr, quiet=config.quiet, bar=config.progress)
    job = Job(format=config.format, out=layout.folder, options=config.options)
    with contextlib.ExitStack() as stack:
        writer = None
        if layout.manifest is not None:
            writer = stack.enter_context(ManifestWriter(layout.manifest, fresh=not config.resume))
        finished = _finished(config, layout, writer)
        sink: IO[str] | LineFile | None = stdout if layout.folder is None else None
        if layout.jsonl is not None:
            sink = stack.enter_context(LineFile(layout.jsonl, fresh=not config.resume))
        total = None
        if not config.quiet and not (config.stdin_jsonl and STDIN in config.paths):
            total = count(roots, exclude=exclude, hidden=config.hidden)
        progress.start(total)
        stack.callback(progress.stop)
        docs = documents(roots, stdin=stdin, stdin_jsonl=config.stdin_jsonl, field=config.field,
                         exclude=exclude, hidden=config.hidden,
                         limit=config.options.max_input_bytes + 1)
        results = stack.enter_context(contextlib.closing(run_pool(
            _pending(docs, finished, layout, config, tally),
            functools.partial(process, job),
            label=lambda doc: doc.label,
            config=dataclasses.replace(config.pool, ordered=config.format == "jsonl"),
        )))
        for doc, result in results:
            entry, line = _settle(job, doc, result)
            if line is not None and sink is not None:
                sink.write(line)  # the output first, then the manifest: see the module doc
                if sink is stdout:
                    stdout.flush()
            if writer is not None:
                writer.add(entry)
            tally.add(entry.status, result if isinstance(result, DocumentError) else None)
            progress.update()
    if layout.folder is not None:
        with contextlib.suppress(OSError):
            os.rmdir(os.path.join(layout.folder, TMP_DIR))
    for message in summary(tally, manifest=layout.manifest, quiet=config.quiet):
        stderr.write(message + "\n")
    return 1 if tally.failed or tally.failed_before else 0
