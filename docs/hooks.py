"""MkDocs hook: leave out of the nav the generated benchmark pages that do not exist yet.

``docs/benchmarks*.md`` are written by the benchmark harness (``python -m benchmarks.report``
and friends), not kept by hand; a fresh checkout may not have them. Any other missing page
stays an error (the build runs with ``--strict``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

#: Pages the benchmark harness generates; only these may be missing.
GENERATED = frozenset({"benchmarks.md", "benchmarks-parallel.md", "benchmarks-cli.md"})

log = logging.getLogger("mkdocs.hooks.cleaner")


def _prune(items: list[Any], docs: Path) -> list[Any]:
    kept: list[Any] = []
    for item in items:
        if isinstance(item, dict):
            [(title, value)] = item.items()
            if isinstance(value, list):
                value = _prune(value, docs)
                if not value:
                    continue
            elif isinstance(value, str) and value in GENERATED and not (docs / value).exists():
                log.info("nav: %s is not generated yet (run the benchmarks); left out", value)
                continue
            kept.append({title: value})
        else:
            kept.append(item)
    return kept


def on_config(config: Any) -> Any:
    config["nav"] = _prune(config["nav"] or [], Path(config["docs_dir"]))
    return config
