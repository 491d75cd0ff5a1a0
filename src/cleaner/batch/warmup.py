"""Imported once by the worker pool's fork server: warm the pipeline before any fork.

The pipeline loads some tables lazily on first use (model weights, stop-word lists,
compiled patterns); that first call costs about half a second. Cleaning two tiny documents
here, in the fork server, means every worker forked from it (and every replacement for a
killed one) starts warm, sharing those tables copy-on-write.

After warming, the fork server's objects are moved to the collector's permanent generation
(:func:`gc.freeze`, as the :mod:`gc` documentation advises before forking): the workers'
collections then never walk the inherited tables, which saves their time and keeps those
pages shared instead of copied on write.

Importing this module has that one effect and never raises: a pipeline that cannot clean
these documents will report its errors on the real ones.
"""

from __future__ import annotations

import gc

__all__ = ["WARM_HTML", "WARM_TEXT", "warm"]

#: A tiny text dump and a tiny HTML page that reach both front ends and the layers.
WARM_TEXT = ("Headline of the story\n\nBy Jane Doe\n\n  • Home\n  • News\n\n"
             + "A sentence of the story that is long enough to count as prose. " * 3)
WARM_HTML = ("<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav>"
             "<article><h1>Headline</h1><p>"
             + "A sentence of the story that is long enough to count as prose. " * 3
             + "</p></article></body></html>")


def warm() -> bool:
    """Clean the two documents; ``True`` when both went through.

    >>> warm()
    True
    """
    try:
        from cleaner.pipeline import clean

        clean(WARM_TEXT)
        clean(WARM_HTML.encode())
    except Exception:
        return False
    return True


warm()
gc.freeze()
