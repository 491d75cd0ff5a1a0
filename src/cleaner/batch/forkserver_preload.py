"""Imported once by the worker pool's fork server: warm the pipeline before any fork.

Every worker forked from the fork server (and every replacement for a killed one) then
starts warm, sharing the tables :func:`cleaner.batch.warm.warm_up` built copy-on-write.

After warming, the fork server's objects are moved to the collector's permanent generation
(:func:`gc.freeze`, as the :mod:`gc` documentation advises before forking): the workers'
collections then never walk the inherited tables, which saves their time and keeps those
pages shared instead of copied on write.

Importing this module has that one effect and never raises: a pipeline that cannot clean
the warm-up documents will report its errors on the real ones.
"""

from __future__ import annotations

import contextlib
import gc

from cleaner.batch.warm import warm_up

__all__: list[str] = []

with contextlib.suppress(Exception):
    warm_up()
gc.freeze()
