"""Progress and the end-of-run summary, on stderr.

On a terminal: a rich progress bar (documents done, rate, ETA, failures so far). Elsewhere
(a log file, CI): one ``key=value`` line every :data:`LOG_INTERVAL_S` seconds, easy to grep
and parse. ``--quiet`` silences both; failures are still listed at the end.

>>> t = Tally()
>>> t.add("ok"); t.add("error", DocumentError("a.html", "timeout", "slow"))
>>> t.done, t.failed, t.counts["ok"]
(2, 1, 1)
>>> t.fields(elapsed=2.0)
'done=2 failed=1 skipped=0 rate=1.0/s ok=1 error=1'
"""

from __future__ import annotations

import collections
import time
from typing import IO, Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from cleaner.batch.errors import DocumentError

__all__ = ["LOG_INTERVAL_S", "MAX_LISTED_FAILURES", "Reporter", "Tally", "reporter", "summary"]

#: Seconds between progress lines when stderr is not a terminal.
LOG_INTERVAL_S = 10.0
#: Failures listed one per line in the summary; the manifest lists them all.
MAX_LISTED_FAILURES = 20
#: Redraws per second of the progress bar.
REFRESH_PER_S = 4


class Tally:
    """Counts of a run, by status; remembers the first failures for the summary."""

    def __init__(self) -> None:
        self.counts: collections.Counter[str] = collections.Counter()
        self.failed = 0
        self.skipped = 0
        self.failed_before = 0  # skipped by --resume: they failed in an earlier run
        self.failures: list[DocumentError] = []
        self.started = time.monotonic()

    @property
    def done(self) -> int:
        return sum(self.counts.values())

    def add(self, status: str, error: DocumentError | None = None) -> None:
        self.counts[status] += 1
        if error is not None:
            self.failed += 1
            if len(self.failures) < MAX_LISTED_FAILURES:
                self.failures.append(error)

    def fields(self, *, elapsed: float | None = None) -> str:
        """The run so far as ``key=value`` pairs."""
        seconds = time.monotonic() - self.started if elapsed is None else elapsed
        rate = self.done / seconds if seconds > 0 else 0.0
        by_status = " ".join(f"{k}={v}" for k, v in self.counts.items())
        return (f"done={self.done} failed={self.failed} skipped={self.skipped} "
                f"rate={rate:.1f}/s {by_status}").rstrip()


class Reporter(Protocol):
    def start(self, total: int | None) -> None: ...
    def update(self) -> None: ...
    def stop(self) -> None: ...


class _Quiet:
    def start(self, total: int | None) -> None:
        pass

    def update(self) -> None:
        pass

    def stop(self) -> None:
        pass


class _Log:
    def __init__(self, tally: Tally, stream: IO[str]) -> None:
        self._tally, self._stream = tally, stream
        self._total: int | None = None
        self._last = time.monotonic()

    def start(self, total: int | None) -> None:
        self._total = total
        self._stream.write(f"cleaner: start total={total if total is not None else '?'}\n")
        self._stream.flush()

    def update(self) -> None:
        now = time.monotonic()
        if now - self._last >= LOG_INTERVAL_S:
            self._last = now
            self._stream.write(f"cleaner: progress {self._tally.fields()}\n")
            self._stream.flush()

    def stop(self) -> None:
        pass


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "- docs/s", style="progress.data.speed")


class _Bar:
    def __init__(self, tally: Tally, console: Console) -> None:
        self._tally = tally
        self._progress = Progress(
            TextColumn("[bold]cleaning"), BarColumn(), MofNCompleteColumn(), _Rate(),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            TextColumn("[red]{task.fields[failed]} failed"),
            console=console, refresh_per_second=REFRESH_PER_S, transient=False,
        )
        self._task = self._progress.add_task("clean", total=None, failed=0)

    def start(self, total: int | None) -> None:
        self._progress.update(self._task, total=total)
        self._progress.start()

    def update(self) -> None:
        t = self._tally
        self._progress.update(self._task, completed=t.done + t.skipped, failed=t.failed)

    def stop(self) -> None:
        self.update()
        self._progress.stop()


def reporter(tally: Tally, *, stream: IO[str], quiet: bool, bar: bool | None) -> Reporter:
    """The reporter for this run: a bar on a terminal, log lines elsewhere, or nothing."""
    if quiet:
        return _Quiet()
    console = Console(file=stream)
    if bar if bar is not None else console.is_terminal:
        return _Bar(tally, console)
    return _Log(tally, stream)


def summary(tally: Tally, *, manifest: str | None, quiet: bool) -> list[str]:
    """The lines printed at the end: totals (unless quiet), then the failures."""
    lines = [] if quiet else [f"cleaner: finished {tally.fields()}"]
    for error in tally.failures:
        lines.append(f"cleaner: failed {error}")
    if tally.failed_before:
        lines.append(f"cleaner: {tally.failed_before} inputs failed in an earlier run"
                     f"{' (listed in ' + manifest + ')' if manifest else ''};"
                     " --retry-failed tries them again")
    hidden = tally.failed - len(tally.failures)
    where = f" (all listed in {manifest})" if manifest else ""
    if hidden > 0:
        lines.append(f"cleaner: ... and {hidden} more failures{where}")
    elif tally.failed and manifest and not quiet:
        lines.append(f"cleaner: failures are listed in {manifest}")
    return lines
