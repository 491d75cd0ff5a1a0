"""Speed: every system timed in this one process on the same pages, interleaved page by page
so that load from other processes on a shared machine hits all systems alike.

Figures are pages/s and MB/s of the input each system read, and the ratio of each system's
time to trafilatura's on the same pages' HTML (``> 1`` means faster than trafilatura).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks.corpus import Page
from benchmarks.systems import SYSTEMS, System, system_input

__all__ = ["REFERENCE", "WARMUP_PAGES", "Speed", "measure"]

#: The reference system for speed ratios (trafilatura on the original HTML).
REFERENCE = "trafilatura"
#: Systems not timed: the raw dump does no work, its "speed" would only be noise; cleaner
#: without the page URL does the same work as cleaner, which is timed.
NOT_TIMED = frozenset({"raw", "cleaner-no-url"})
#: Pages run once per system before timing starts (imports, lazy tables, caches).
WARMUP_PAGES = 3
_MB = 1_000_000


@dataclass(frozen=True, slots=True)
class Speed:
    """One system's timing over the speed sample."""

    pages: int
    seconds: float
    megabytes: float
    vs_reference: float | None

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else float("inf")

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds > 0 else float("inf")

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "seconds": round(self.seconds, 3),
            "pages_per_s": round(self.pages_per_s, 2),
            "mb_per_s": round(self.mb_per_s, 3),
            "speed_vs_trafilatura": None if self.vs_reference is None
            else round(self.vs_reference, 3),
        }


def _call(system: System, source: str | bytes, page: Page) -> None:
    runner = system.timed or system.run
    try:
        runner(source, page)
    except Exception:  # a crash still took its time; accuracy runs record the error
        return


def measure(systems: Sequence[System], pages: Sequence[Page]) -> dict[str, Speed]:
    """Time ``systems`` (plus the reference) on ``pages`` in this process."""
    timed = [s for s in systems if s.name not in NOT_TIMED]
    if REFERENCE not in {s.name for s in timed}:
        timed.append(SYSTEMS[REFERENCE])
    for page in pages[:WARMUP_PAGES]:
        for system in timed:
            _call(system, system_input(system, page), page)
    seconds = dict.fromkeys((s.name for s in timed), 0.0)
    sizes = dict.fromkeys((s.name for s in timed), 0)
    for page in pages:
        for system in timed:
            source = system_input(system, page)
            sizes[system.name] += len(source if isinstance(source, bytes)
                                      else source.encode("utf-8"))
            start = time.perf_counter()
            _call(system, source, page)
            seconds[system.name] += time.perf_counter() - start
    ref = seconds[REFERENCE]
    return {
        name: Speed(len(pages), secs, sizes[name] / _MB, ref / secs if secs > 0 else None)
        for name, secs in seconds.items()
    }
