"""The click application behind the ``cleaner`` console script."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from cleaner import clean as clean_document

__all__ = ["main"]


def _walk(path: Path) -> list[tuple[Path, Path]]:
    """(file, name relative to its root) for every file under ``path``."""
    if path.is_dir():
        found = []
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                file = Path(root) / name
                found.append((file, file.relative_to(path)))
        return found
    return [(path, Path(path.name))]


@click.group()
def main() -> None:
    """Strip boilerplate from scraped article pages (HTML and text dumps)."""


@main.command("clean")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path))
def clean_command(paths: tuple[Path, ...], out: Path) -> None:
    """Clean every file under PATHS into one JSON file per input in OUT."""
    failures = 0
    for path in paths:
        for file, rel in _walk(path):
            target = out / rel.with_name(rel.name + ".json")
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                record = clean_document(file.read_bytes()).to_dict()
                record["input"] = str(file)
            except Exception as exc:  # noqa: BLE001 - every failure becomes a record
                failures += 1
                record = {"input": str(file), "status": "error", "error": repr(exc)}
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
            tmp.replace(target)
    raise SystemExit(1 if failures else 0)
