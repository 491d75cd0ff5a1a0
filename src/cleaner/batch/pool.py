"""A pool of worker processes that streams tasks through one function.

It is the machinery under both :func:`cleaner.clean_many` and ``cleaner clean``:

- **streaming**: tasks are pulled from the iterable only when a worker is free (and, when
  results must keep input order, at most :data:`READ_AHEAD_PER_JOB` tasks per worker past
  the oldest unfinished one), so memory stays flat however long the input is;
- **per-task timeout**: a worker that overruns is killed and replaced; the task gets a
  ``timeout`` error and the stream goes on;
- **memory guard**: each worker's address space is capped; ``MemoryError`` becomes a
  ``memory`` error and the worker is replaced;
- **crash isolation**: a worker that dies (a signal, a crash in C code) costs only its task.

``concurrent.futures`` cannot kill one running task, so the pool manages its processes
itself: one duplex pipe per worker, one task in flight per worker, and
:func:`multiprocessing.connection.wait` on the pipes and process sentinels.

>>> from cleaner.batch.pool import PoolConfig, run_pool
>>> [(t, r) for t, r in run_pool(["a", "bb"], len, label=str, config=PoolConfig(jobs=0))]
[('a', 1), ('bb', 2)]
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

from cleaner.batch.errors import DocumentError
from cleaner.batch.worker import READY, Failure, run_task, serve

__all__ = [
    "DEFAULT_MAX_MEMORY_BYTES",
    "DEFAULT_TIMEOUT_S",
    "PoolConfig",
    "WorkerStartError",
    "default_jobs",
    "run_pool",
]

T = TypeVar("T")
R = TypeVar("R")

#: Per-document time limit. The slowest page of the development corpora takes ~3 s; 60 s
#: leaves room for slow machines and still bounds what one pathological page can cost.
DEFAULT_TIMEOUT_S = 60.0
#: Per-worker address-space cap. A worker idles at ~60 MB and peaks near 150 MB on the
#: corpora; 2 GiB lets the largest allowed input (50 MB) through and stops runaway ones.
DEFAULT_MAX_MEMORY_BYTES = 2 * 1024**3
#: In ordered mode, how many tasks per worker may be dispatched past the oldest one still
#: running; bounds the reorder buffer while keeping workers busy behind one slow document.
READ_AHEAD_PER_JOB = 4
#: How long a stopping worker gets to exit by itself before it is killed.
JOIN_TIMEOUT_S = 2.0
#: How long a new worker may take to import cleaner and report ready.
WORKER_START_TIMEOUT_S = 60.0
#: Modules the fork server imports once, so new workers start warm.
PRELOAD_MODULES = ("cleaner.batch.worker", "cleaner.pipeline")


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class PoolConfig:
    """How to run a pool.

    Attributes:
        jobs: worker processes; ``0`` runs tasks in the calling process (no isolation, no
            timeout: for debugging, and for callers that may not start processes).
        timeout: seconds one task may take; ``None`` for no limit.
        max_memory: address-space cap per worker in bytes; ``None`` for no cap.
        ordered: yield results in input order (else as they finish).
    """

    jobs: int
    timeout: float | None = DEFAULT_TIMEOUT_S
    max_memory: int | None = DEFAULT_MAX_MEMORY_BYTES
    ordered: bool = True

    def __post_init__(self) -> None:
        if self.jobs < 0:
            raise ValueError(f"jobs must be >= 0, not {self.jobs}")
        if self.timeout is not None and self.timeout <= 0:
            raise ValueError(f"timeout must be positive or None, not {self.timeout}")
        if self.max_memory is not None and self.max_memory <= 0:
            raise ValueError(f"max_memory must be positive or None, not {self.max_memory}")


class WorkerStartError(RuntimeError):
    """Worker processes cannot start (a broken environment, not a bad document)."""


def default_jobs() -> int:
    """The number of CPU cores this process may use (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_pool(
    tasks: Iterable[T],
    work: Callable[[T], R],
    *,
    label: Callable[[T], str],
    config: PoolConfig,
) -> Generator[tuple[T, R | DocumentError], None, None]:
    """Yield ``(task, work(task))`` for every task, or ``(task, DocumentError)`` on failure.

    ``work`` must be picklable (a module-level function, or a ``functools.partial`` of one);
    ``label(task)`` names the task in its error. Closing the iterator early stops the workers.
    """
    if config.jobs == 0:
        for task in tasks:
            ok, value = run_task(work, task)
            yield task, (value if ok else _error(label(task), value))
        return
    pool = _Pool(work, label, config)
    try:
        yield from pool.run(iter(tasks))
    finally:
        pool.shutdown()


def _error(name: str, failure: Failure) -> DocumentError:
    return DocumentError(name, failure[0], failure[1])


def _context(work: Callable[..., Any]) -> BaseContext:
    """The fork server (workers start warm: it has imported cleaner and ``work``'s module
    once), or plain spawning where there is no fork server."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        target = work.func if isinstance(work, functools.partial) else work
        module = getattr(target, "__module__", None)
        extra = [module] if module and module != "__main__" else []
        ctx.set_forkserver_preload([*PRELOAD_MODULES, *extra])
        return ctx
    return multiprocessing.get_context("spawn")


def _death(process: BaseProcess) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        hint = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"worker process killed by {name}{hint}"
    return f"worker process exited with status {code}"


@dataclasses.dataclass(slots=True)
class _Worker(Generic[T]):
    process: BaseProcess
    conn: Connection
    seq: int = -1
    task: T | None = None
    started: float = 0.0


class _Pool(Generic[T, R]):
    """The parent side: dispatch, collect, kill and replace workers."""

    def __init__(self, work: Callable[[T], R], label: Callable[[T], str], config: PoolConfig):
        self._work = work
        self._label = label
        self._config = config
        self._ctx = _context(work)
        self._idle: list[_Worker[T]] = []
        self._busy: dict[int, _Worker[T]] = {}
        self._done: dict[int, tuple[T, R | DocumentError]] = {}

    def _spawn(self) -> _Worker[T]:
        """Start a worker and wait until it is ready; raise if it cannot start at all."""
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(  # type: ignore[attr-defined]
            target=serve, args=(child, self._work, self._config.max_memory), daemon=True
        )
        process.start()
        child.close()
        worker: _Worker[T] = _Worker(process=process, conn=parent)
        if parent in wait([parent, process.sentinel], WORKER_START_TIMEOUT_S):
            try:
                if parent.recv() == READY:
                    return worker
            except (EOFError, OSError):
                pass
        self._retire(worker, kill=True)
        raise WorkerStartError(
            f"a worker process could not start ({_death(process)}). When cleaning from a "
            "script, call clean_many under `if __name__ == \"__main__\":` (worker processes "
            "import the main module)."
        )

    def _retire(self, worker: _Worker[T], *, kill: bool) -> None:
        if kill and worker.process.is_alive():
            worker.process.kill()
        worker.process.join(JOIN_TIMEOUT_S)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()

    def _finish(self, worker: _Worker[T], result: R | DocumentError, *, replace: bool) -> None:
        assert worker.task is not None
        self._done[worker.seq] = (worker.task, result)
        del self._busy[worker.seq]
        worker.task, worker.seq = None, -1
        if replace:
            self._retire(worker, kill=True)
            worker = self._spawn()
        self._idle.append(worker)

    def _dispatch(self, seq: int, task: T) -> None:
        worker = self._idle.pop()
        for _attempt in range(2):
            try:
                worker.conn.send((seq, task))
            except (BrokenPipeError, ConnectionError, EOFError):
                self._retire(worker, kill=True)  # died while idle: replace it and retry
                worker = self._spawn()
                continue
            except Exception as exc:  # the task could not be pickled
                self._done[seq] = (task, DocumentError(self._label(task), "error",
                                                       f"task not transferable: {exc!r}"))
                self._idle.append(worker)
                return
            worker.seq, worker.task, worker.started = seq, task, time.monotonic()
            self._busy[seq] = worker
            return
        self._done[seq] = (task, DocumentError(self._label(task), "crashed",
                                               "could not hand the task to a worker"))
        self._idle.append(worker)

    def _collect(self) -> None:
        """Wait for at least one result, death or timeout, and record it."""
        timeout = self._config.timeout
        wait_s = None
        if timeout is not None:
            oldest = min(w.started for w in self._busy.values())
            wait_s = max(0.0, oldest + timeout - time.monotonic())
        handles: list[Any] = [w.conn for w in self._busy.values()]
        handles += [w.process.sentinel for w in self._busy.values()]
        ready = set(wait(handles, wait_s))
        for worker in list(self._busy.values()):
            name = self._label(worker.task)  # type: ignore[arg-type]
            if worker.conn in ready:
                try:
                    _seq, ok, value = worker.conn.recv()
                except (EOFError, OSError):
                    worker.process.join(JOIN_TIMEOUT_S)
                    self._finish(worker, DocumentError(name, "crashed", _death(worker.process)),
                                 replace=True)
                    continue
                if ok:
                    self._finish(worker, value, replace=False)
                else:
                    self._finish(worker, _error(name, value), replace=value[0] == "memory")
            elif worker.process.sentinel in ready:
                worker.process.join(JOIN_TIMEOUT_S)
                self._finish(worker, DocumentError(name, "crashed", _death(worker.process)),
                             replace=True)
        if timeout is None:
            return
        now = time.monotonic()
        for worker in list(self._busy.values()):
            if now - worker.started >= timeout:
                name = self._label(worker.task)  # type: ignore[arg-type]
                message = f"no result after {timeout:g} s (raise --timeout to allow more)"
                self._finish(worker, DocumentError(name, "timeout", message), replace=True)

    def run(self, tasks: Iterator[T]) -> Iterator[tuple[T, R | DocumentError]]:
        config = self._config
        window = config.jobs * READ_AHEAD_PER_JOB
        self._idle = [self._spawn() for _ in range(config.jobs)]
        next_seq = next_out = 0
        exhausted = False
        while True:
            while self._idle and not exhausted and (
                not config.ordered or next_seq - next_out < window
            ):
                try:
                    task = next(tasks)
                except StopIteration:
                    exhausted = True
                    break
                self._dispatch(next_seq, task)
                next_seq += 1
            if config.ordered:
                while next_out in self._done:
                    yield self._done.pop(next_out)
                    next_out += 1
            else:
                for seq in list(self._done):
                    yield self._done.pop(seq)
                next_out = next_seq
            if not self._busy:
                if exhausted and not self._done:
                    return
                continue
            self._collect()

    def shutdown(self) -> None:
        """Stop every worker: idle ones are asked to exit, busy ones are killed."""
        for worker in self._idle:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self._busy.values():
            worker.process.kill()
        for worker in [*self._idle, *self._busy.values()]:
            self._retire(worker, kill=False)
        self._idle, self._busy = [], {}
