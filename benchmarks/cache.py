"""Peer results on disk, so re-runs only recompute cleaner.

One JSON-lines file per (system, peer version, corpus, what the system read), one line per
page id, under ``benchmarks/.cache/`` (gitignored). Only the parent process writes; each
finished page is appended and flushed at once, so an interrupted run resumes where it
stopped. A torn line is ignored on reading (that page is recomputed).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from benchmarks.systems import Prediction, System

__all__ = ["CACHE_DIR", "PeerCache"]

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
_UNSAFE = re.compile(r"[^A-Za-z0-9._+-]")


class PeerCache:
    """The cached predictions of one system on one corpus and input; owned by the caller."""

    def __init__(self, system: System, corpus: str, source: str, root: Path = CACHE_DIR):
        """``source`` names what the system read: ``html``, or the dump tool name."""
        parts = (system.name, system.version(), corpus, source)
        self.path = root / ("__".join(_UNSAFE.sub("_", p) for p in parts) + ".jsonl")
        self._entries: dict[str, Prediction] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue
                self._entries[row["id"]] = Prediction(**row["prediction"])

    def get(self, page_id: str) -> Prediction | None:
        """The cached prediction for ``page_id``, if any."""
        return self._entries.get(page_id)

    def put(self, page_id: str, prediction: Prediction) -> None:
        """Store and append one prediction."""
        self._entries[page_id] = prediction
        self.path.parent.mkdir(parents=True, exist_ok=True)
        row = {"id": page_id, "prediction": prediction.to_dict()}
        line = (json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
        # one unbuffered O_APPEND write per line, so concurrent runs sharing the cache
        # append whole lines (a duplicate id is harmless: same system, version and page)
        with self.path.open("ab", buffering=0) as f:
            f.write(line)
