"""Adapters that run cleaner inside other data engines.

Each adapter is its own module and imports its engine only when imported itself, so
``import cleaner`` never needs them:

* :mod:`cleaner.integrations.dask` -- ``dask.bag`` and ``dask.dataframe``
  (``pip install 'cleaner[dask]'``).
"""

from __future__ import annotations

__all__: list[str] = []
