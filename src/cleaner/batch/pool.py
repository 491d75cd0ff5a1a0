"""A pool of worker processes that streams tasks through one function.

It is the machinery under both :func:`cleaner.clean_many` and ``cleaner clean``:

- **streaming**: tasks are pulled from the iterable only when a worker has room (at most
  :data:`TASKS_PER_WORKER` each and, when results must keep input order, at most
  :data:`READ_AHEAD_PER_JOB` tasks per worker past the oldest unfinished one), so memory
  stays flat however long the input is;
- **per-task timeout**: a worker that overruns is killed and replaced; the task gets a
  ``timeout`` error and the stream goes on;
- **memory guard**: each worker's address space is capped; ``MemoryError`` becomes a
  ``memory`` error and the worker is replaced;
- **crash isolation**: a worker that dies (a signal, a crash in C code) costs only its task.

``concurrent.futures`` cannot kill one running task, so the pool manages its processes
itself: one duplex pipe per worker, a short queue of tasks per worker (the next task waits
in the pipe, so a worker never idles between tasks), and
:func:`multiprocessing.connection.wait` on the pipes and process sentinels. A task's time
starts when the worker reaches it; the tasks queued behind a killed worker are handed to
another, never failed.

>>> from cleaner.batch.pool import PoolConfig, run_pool
>>> [(t, r) for t, r in run_pool(["a", "bb"], len, label=str, config=PoolConfig(jobs=0))]
[('a', 1), ('bb', 2)]
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import functools
import multiprocessing
import os
import pickle
import signal
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

from cleaner.batch.errors import DocumentError, ErrorKind
from cleaner.batch.worker import READY, Failure, run_task, serve
from cleaner.errors import InvalidOptionError

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
#: Slow pages take up to ~200 typical ones (3 s against 15 ms), so a small window lets the
#: other workers run dry behind one of them: at 4 per worker they were busy 88% of the
#: time on 2 idle cores. 32 finished articles per worker is a few MB at most.
READ_AHEAD_PER_JOB = 32
#: Tasks handed to one worker at a time: the one it runs and one waiting in its pipe, so a
#: worker never idles while the parent is busy or descheduled on a loaded machine.
TASKS_PER_WORKER = 2
#: A task larger than this (pickled) is only handed to an idle worker: it must fit in the
#: pipe's buffer (64 KiB or more) next to nothing else, or sending it would block the parent.
QUEUE_MAX_BYTES = 32 * 1024
#: How long a stopping worker gets to exit by itself before it is killed.
JOIN_TIMEOUT_S = 2.0
#: How long a new worker may take to import cleaner and report ready.
WORKER_START_TIMEOUT_S = 60.0
#: Modules the fork server imports once, so new workers start warm (the last one cleans two
#: tiny documents to load the pipeline's lazy tables).
PRELOAD_MODULES = ("cleaner.batch.worker", "cleaner.pipeline", "cleaner.batch.forkserver_preload")


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class PoolConfig:
    """How to run a pool.

    Attributes:
        jobs: worker processes at most (they start as work arrives: one document starts
            one worker); ``0`` runs tasks in the calling process (no isolation, no
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
            raise InvalidOptionError(f"jobs must be >= 0, not {self.jobs}")
        if self.timeout is not None and self.timeout <= 0:
            raise InvalidOptionError(f"timeout must be positive or None, not {self.timeout}")
        if self.max_memory is not None and self.max_memory <= 0:
            raise InvalidOptionError(
                f"max_memory must be positive or None, not {self.max_memory}")


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
    queue: collections.deque[tuple[int, T]] = dataclasses.field(
        default_factory=collections.deque)
    started: float = 0.0  # when the task at the head of the queue started


#: A task waiting to be handed out: (seq, task, pickled message or None until needed).
_Pending = tuple[int, T, bytes | None]


class _Pool(Generic[T, R]):
    """The parent side: dispatch, collect, kill and replace workers."""

    def __init__(self, work: Callable[[T], R], label: Callable[[T], str], config: PoolConfig):
        self._work = work
        self._label = label
        self._config = config
        self._ctx = _context(work)
        self._workers: list[_Worker[T]] = []
        self._pending: collections.deque[_Pending[T]] = collections.deque()
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
        self._retire(worker)
        raise WorkerStartError(
            f"a worker process could not start ({_death(process)}). If the memory cap is "
            "very low, raise it (--max-memory, max_memory=). When cleaning from a script, "
            "call clean_many under `if __name__ == \"__main__\":` (worker processes import "
            "the main module)."
        )

    @staticmethod
    def _retire(worker: _Worker[T]) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(JOIN_TIMEOUT_S)
        worker.conn.close()

    def _replace(self, worker: _Worker[T]) -> None:
        """Kill ``worker``, hand its waiting tasks back, and start a fresh one in its place."""
        self._retire(worker)
        for seq, task in reversed(worker.queue):
            self._pending.appendleft((seq, task, None))
        self._workers[self._workers.index(worker)] = self._spawn()

    def _fail_head(self, worker: _Worker[T], kind: ErrorKind, message: str) -> None:
        seq, task = worker.queue.popleft()
        self._done[seq] = (task, DocumentError(self._label(task), kind, message))
        self._replace(worker)

    def _give(self, item: _Pending[T]) -> bool:
        """Hand the task to the least busy worker that may take it; False if none may now."""
        seq, task, message = item
        if message is None:
            try:
                message = pickle.dumps((seq, task), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # the task cannot be pickled: fail it, not the run
                self._done[seq] = (task, DocumentError(self._label(task), "error",
                                                       f"task not transferable: {exc!r}"))
                return True
        room = 1 if len(message) > QUEUE_MAX_BYTES else TASKS_PER_WORKER
        free = [w for w in self._workers if len(w.queue) < room]
        if all(w.queue for w in free) and len(self._workers) < self._config.jobs:
            self._workers.append(self._spawn())  # workers start as work arrives
            free = [self._workers[-1]]
        if not free:
            self._pending[0] = (seq, task, message)
            return False
        worker = min(free, key=lambda w: len(w.queue))
        try:
            worker.conn.send_bytes(message)
        except OSError:  # died while idle: replace it; the task stays pending
            self._pending[0] = (seq, task, message)
            self._replace(worker)
            return False
        if not worker.queue:
            worker.started = time.monotonic()
        worker.queue.append((seq, task))
        return True

    def _collect(self) -> None:
        """Wait for at least one result, death or timeout, and record it."""
        timeout = self._config.timeout
        busy = [w for w in self._workers if w.queue]
        wait_s = None
        if timeout is not None:
            wait_s = max(0.0, min(w.started for w in busy) + timeout - time.monotonic())
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_s))
        for worker in busy:
            if worker.conn in ready:
                try:
                    seq, ok, value = worker.conn.recv()
                except (EOFError, OSError):
                    worker.process.join(JOIN_TIMEOUT_S)
                    self._fail_head(worker, "crashed", _death(worker.process))
                    continue
                head, task = worker.queue.popleft()
                assert head == seq, "results arrive in the order tasks were sent"
                worker.started = time.monotonic()
                self._done[seq] = (task, value if ok else _error(self._label(task), value))
                if not ok and value[0] == "memory":
                    self._replace(worker)  # it exits after a MemoryError
            elif worker.process.sentinel in ready:
                worker.process.join(JOIN_TIMEOUT_S)
                self._fail_head(worker, "crashed", _death(worker.process))
        if timeout is None:
            return
        now = time.monotonic()
        for worker in list(self._workers):
            if worker.queue and now - worker.started >= timeout:
                message = f"no result after {timeout:g} s (raise --timeout to allow more)"
                self._fail_head(worker, "timeout", message)

    def run(self, tasks: Iterator[T]) -> Iterator[tuple[T, R | DocumentError]]:
        config = self._config
        window = config.jobs * READ_AHEAD_PER_JOB
        next_seq = next_out = 0
        exhausted = False
        while True:
            while True:  # hand out tasks while some worker has room
                if not self._pending:
                    room = len(self._workers) < config.jobs or any(
                        len(w.queue) < TASKS_PER_WORKER for w in self._workers)
                    if exhausted or not room or (config.ordered and next_seq - next_out >= window):
                        break
                    try:
                        task = next(tasks)
                    except StopIteration:
                        exhausted = True
                        break
                    self._pending.append((next_seq, task, None))
                    next_seq += 1
                if not self._give(self._pending[0]):
                    break
                self._pending.popleft()
            if config.ordered:
                while next_out in self._done:
                    yield self._done.pop(next_out)
                    next_out += 1
            else:
                for seq in list(self._done):
                    yield self._done.pop(seq)
            if not any(w.queue for w in self._workers):
                if exhausted and not self._pending and not self._done:
                    return
                continue
            self._collect()

    def shutdown(self) -> None:
        """Stop every worker: idle ones are asked to exit, busy ones are killed."""
        for worker in self._workers:
            if worker.queue:
                worker.process.kill()
            else:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        for worker in self._workers:
            self._retire(worker)
        self._workers = []
