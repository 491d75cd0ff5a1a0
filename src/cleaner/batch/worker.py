"""The child side of the worker pool: apply one function to task after task.

A worker first sends :data:`READY`, then receives ``(seq, task)`` messages on its end of a
pipe and answers each with ``(seq, True, result)`` or ``(seq, False, (kind, message))``;
``None`` tells it to stop.
Failures are data: only the death of the process (killed on timeout, crashed in C code)
is left for the parent to notice.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from cleaner.batch.errors import DocumentFailure, ErrorKind

__all__ = ["READY", "Failure", "limit_memory", "run_task", "serve"]

#: A failed task as sent back to the parent: (error kind, message).
Failure = tuple[ErrorKind, str]

#: The first message of a worker: it started and is waiting for tasks.
READY = "ready"
#: Longest error message passed back (a traceback-sized message helps nobody in a manifest).
MAX_MESSAGE_CHARS = 500


def limit_memory(max_bytes: int | None) -> None:
    """Cap this process's address space, so a runaway document raises ``MemoryError``.

    ``None`` leaves the limit alone. Platforms without ``RLIMIT_AS`` are left unguarded.
    """
    try:
        import resource  # POSIX only
    except ImportError:
        return
    if max_bytes is None or not hasattr(resource, "RLIMIT_AS"):
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = max_bytes if hard == resource.RLIM_INFINITY else min(max_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def run_task(work: Callable[[Any], Any], task: Any) -> tuple[bool, Any]:
    """Run ``work(task)``; return ``(True, result)`` or ``(False, failure)``.

    >>> run_task(len, "abc")
    (True, 3)
    >>> run_task(int, "x")
    (False, ('error', "ValueError: invalid literal for int() with base 10: 'x'"))
    """
    try:
        return True, work(task)
    except DocumentFailure as exc:
        return False, (exc.kind, exc.message[:MAX_MESSAGE_CHARS])
    except MemoryError:
        return False, ("memory", "ran out of memory (raise --max-memory to allow more)")
    except RecursionError:
        return False, ("error", "RecursionError: the document is nested too deeply")
    except Exception as exc:
        return False, ("error", f"{type(exc).__name__}: {exc}"[:MAX_MESSAGE_CHARS])


def serve(conn: Connection, work: Callable[[Any], Any], max_memory: int | None) -> None:
    """Worker main loop (the target of each worker process)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides how to stop
    limit_memory(max_memory)
    conn.send(READY)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        seq, task = message
        ok, payload = run_task(work, task)
        try:
            conn.send((seq, ok, payload))
        except (MemoryError, OSError):
            return  # the parent is gone, or reports this task as crashed
        except Exception as exc:  # the result could not be pickled
            conn.send((seq, False, ("error", f"result not transferable: {exc!r}")))
        if not ok and payload[0] == "memory":
            return  # after a MemoryError the heap may be fragmented: start afresh
