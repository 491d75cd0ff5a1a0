"""Warm the pipeline up: build every lazily loaded table before the first real document.

The pipeline loads some tables on first use (model weights, the stop-word index, compiled
patterns); that first call costs a few hundred milliseconds. Worker processes call
:func:`warm_up` once when they start (the ``clean_many`` fork server, the Dask worker
plugin), so no document pays for it.

>>> from cleaner import clean
>>> sorted(clean(d).kind for d in WARM_UP_DOCUMENTS)
['html', 'text']
"""

from __future__ import annotations

from typing import Final

from cleaner.options import Options
from cleaner.pipeline import clean

__all__ = ["WARM_UP_DOCUMENTS", "warm_up"]

_PROSE = (
    "The council approved the budget for the new library after a long debate on Monday. "
    "Work on the building starts in spring and should end within two years. "
    "The mayor said the town had waited long enough for it."
)
#: Two tiny documents, one per front end, each with a body long enough to run every stage
#: (segmentation, all layers, metadata, language guess) so that every lazily built
#: structure exists before the first real document arrives.
WARM_UP_DOCUMENTS: Final[tuple[str, ...]] = (
    f"<html><head><title>Warm-up</title></head><body><nav><a href='/'>Home</a></nav>"
    f"<article><h1>Warm-up</h1><p>{_PROSE}</p><p>{_PROSE}</p></article></body></html>",
    f"Warm-up\n\nBy Jane Doe\n\n{_PROSE}\n\n{_PROSE}\n\nMost Read\n\nAnother headline",
)


def warm_up(options: Options | None = None) -> None:
    """Clean :data:`WARM_UP_DOCUMENTS` once, so imports and cached indexes are built.

    Cheap after the first call in a process: everything it builds is cached by the modules
    that own it.

    >>> warm_up()
    """
    for document in WARM_UP_DOCUMENTS:
        clean(document, options=options)
