"""Reading the records of a ``cleaner clean`` run: an output folder or a JSONL file.

A folder written with ``-f json`` holds one JSON record per input and ``manifest.jsonl``;
the manifest says which outputs belong to the run (the last line of an input wins, as for
``--resume``). A failed input whose error record could not be written is known from its
manifest line alone. Without a manifest every ``*.json`` file under the folder that looks
like a record is read. A folder written with ``-f jsonl`` holds ``articles.jsonl``.

>>> import json, pathlib, tempfile
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> _ = (out / "a.txt.json").write_text(json.dumps({"input": "a.txt", "status": "ok"}))
>>> [r["input"] for r in load_records(out)]
['a.txt']
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cleaner.cli.manifest import read_records

__all__ = ["JSONL_NAME", "MANIFEST_NAME", "Record", "load_records"]

#: The manifest of a run, inside its output folder (as ``cleaner clean`` writes it).
MANIFEST_NAME = "manifest.jsonl"
#: The JSONL output of ``cleaner clean -f jsonl -o FOLDER``.
JSONL_NAME = "articles.jsonl"

#: One output record: the ``Article.to_dict()`` form plus ``input``, ``record``, ``status``.
Record = dict[str, Any]


def _jsonl(path: Path) -> Iterator[Record]:
    """The records of a JSONL file; lines that are not JSON objects with an ``input`` are
    skipped (a line cut short by a killed run, say). Same reader as the run's manifest."""
    return read_records(str(path))


def _json(path: Path) -> Record | None:
    try:
        obj = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return obj if isinstance(obj, dict) and isinstance(obj.get("input"), str) else None


def _inside(folder: Path, name: str) -> Path | None:
    """``folder/name`` if it stays inside ``folder`` (a manifest is data, not a map of the
    file system: a hostile ``../`` or absolute name is refused)."""
    if not name or os.path.isabs(name):
        return None
    root = os.path.realpath(folder)
    target = os.path.realpath(folder / name)
    return Path(target) if os.path.commonpath([root, target]) == root else None


def _key(rec: Record) -> tuple[str, str]:
    return (str(rec.get("input")), str(rec.get("record") or ""))


def _from_manifest(folder: Path, manifest: Path) -> Iterator[Record]:
    latest: dict[tuple[str, str], Record] = {}
    for entry in _jsonl(manifest):
        latest[_key(entry)] = entry
    for entry in latest.values():
        output = entry.get("output")
        target = _inside(folder, output) if isinstance(output, str) else None
        rec = _json(target) if target is not None and target.suffix == ".json" else None
        if rec is not None:
            yield rec
        elif entry.get("status") == "error":
            reason = str(entry.get("reason") or "")
            kind, _, message = reason.partition(": ")
            yield {"input": entry["input"], "record": entry.get("record"), "status": "error",
                   "error": {"kind": kind or "error", "message": message or reason}}
        else:
            yield {"input": entry["input"], "record": entry.get("record"),
                   "status": entry.get("status"), "missing": output}


def load_records(source: str | os.PathLike[str]) -> list[Record]:
    """The records of a run, sorted by input (and record): a folder or a JSONL file.

    Raises ``FileNotFoundError`` when ``source`` does not exist.
    """
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"no such file or folder: {path}")
    if path.is_file():
        records = list(_jsonl(path))
    elif (path / MANIFEST_NAME).is_file() and not (path / JSONL_NAME).is_file():
        records = list(_from_manifest(path, path / MANIFEST_NAME))
    elif (path / JSONL_NAME).is_file():
        records = list(_jsonl(path / JSONL_NAME))
    else:
        found = (_json(p) for p in sorted(path.rglob("*.json")) if p.is_file())
        records = [r for r in found if r is not None]
    latest = {_key(r): r for r in records}  # a resumed JSONL run may repeat an input
    return [latest[k] for k in sorted(latest)]
