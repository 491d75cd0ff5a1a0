"""A visual audit report of a ``cleaner clean`` run: one self-contained HTML page.

The page has a summary (documents by status, characters kept and removed, what each layer
and rule removed, failures) with charts, and every document block by block: kept blocks
plain, removed blocks struck through and coloured by rule, the rule shown on hover. It can
be filtered by rule and searched by file name, and loads nothing from the network.

>>> import json, pathlib, tempfile
>>> from cleaner.cli.outputs import record
>>> from cleaner.inputs import Document
>>> from cleaner import clean
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> page = "Home\\n\\n" + "A sentence long enough to be kept as a body paragraph here. " * 3
>>> rec = record(Document(input="page.txt"), clean(page), size=None, sha256=None)
>>> _ = (out / "page.txt.json").write_text(json.dumps(rec))
>>> path = write_report(out)
>>> path.name, "menus" in path.read_text(encoding="utf-8")
('report.html', True)

Modules: :mod:`~cleaner.report.records` reads the run, :mod:`~cleaner.report.model` puts
each document's blocks in order and sums up, :mod:`~cleaner.report.charts` draws SVG,
:mod:`~cleaner.report.page` writes the HTML.
"""

from __future__ import annotations

import os
from pathlib import Path

from cleaner.report.model import DocView, Inputs, Summary, document_view, summarise
from cleaner.report.page import render_page
from cleaner.report.records import load_records

__all__ = [
    "REPORT_NAME",
    "DocView",
    "Summary",
    "build_report",
    "default_target",
    "write_report",
]

#: The report's file name inside an output folder.
REPORT_NAME = "report.html"


def default_target(source: str | os.PathLike[str]) -> Path:
    """Where the report of ``source`` goes: ``OUT/report.html`` for a folder,
    ``NAME.report.html`` beside a JSONL file.

    >>> default_target("out/all.jsonl").as_posix()
    'out/all.report.html'
    """
    path = Path(source)
    if path.is_dir() or not path.suffix:
        return path / REPORT_NAME
    return path.with_name(path.stem + ".report.html")


def build_report(source: str | os.PathLike[str], *, inputs: bool = True,
                 base: str | os.PathLike[str] = ".") -> str:
    """The report page of the run in ``source`` (an output folder or a JSONL file).

    With ``inputs`` (the default) the inputs the records name are read again, relative to
    ``base`` (the folder ``cleaner clean`` ran in), so that each document can be shown in
    order; an input that is gone or changed is shown from its record alone.
    """
    records = load_records(source)
    reader = Inputs(base, records) if inputs else None
    docs = [document_view(rec, inputs=reader) for rec in records]
    return render_page(docs, summarise(docs), source=os.fspath(source))


def write_report(source: str | os.PathLike[str], target: str | os.PathLike[str] | None = None,
                 *, inputs: bool = True, base: str | os.PathLike[str] = ".") -> Path:
    """Write the report of ``source`` to ``target`` (default: :func:`default_target`)."""
    path = Path(target) if target is not None else default_target(source)
    page = build_report(source, inputs=inputs, base=base)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(page.encode("utf-8", "replace"))  # a lone surrogate becomes "?"
    os.replace(tmp, path)
    return path
