"""Batch cleaning: the worker pool (timeouts, memory guard, error records) and ``clean_many``.

The command line and :func:`cleaner.clean_many` (in :mod:`cleaner.batch.stream`) share this
machinery; see :mod:`cleaner.batch.pool`. This package does not import the readers or the
pipeline, so that both can use its error types without an import cycle.
"""

from __future__ import annotations

from cleaner.batch.errors import DocumentError, DocumentFailure, ErrorKind
from cleaner.batch.pool import (
    DEFAULT_MAX_MEMORY_BYTES,
    DEFAULT_TIMEOUT_S,
    PoolConfig,
    default_jobs,
    run_pool,
)

__all__ = [
    "DEFAULT_MAX_MEMORY_BYTES",
    "DEFAULT_TIMEOUT_S",
    "DocumentError",
    "DocumentFailure",
    "ErrorKind",
    "PoolConfig",
    "default_jobs",
    "run_pool",
]
