"""Column helpers over a page's blocks in order: shifts, windows, gaps.

The block classifier's features (:mod:`cleaner.text.model`, :mod:`cleaner.text.context`)
read a block's neighbours through these whole-column operations.

>>> import numpy as np
>>> values = np.array([1.0, 0.0, 0.0, 1.0])
>>> shifted(values, 1).tolist(), window_mean(values, 1).tolist()
([0.0, 1.0, 0.0, 0.0], [0.5, 0.3333333333333333, 0.3333333333333333, 0.5])
>>> gap_since(values > 0).tolist()
[5.0, 1.0, 2.0, 3.0]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from cleaner.text.columns import Vector, safe_div

__all__ = ["gap_since", "neighbour_mean", "shifted", "window_mean", "window_sum"]


def window_sum(values: Vector, k: int) -> Vector:
    """Sum of ``values`` over the ``k`` blocks each side and the block itself."""
    padded = np.concatenate([np.zeros(k), values, np.zeros(k)])
    return np.convolve(padded, np.ones(2 * k + 1), "valid")


def neighbour_mean(values: Vector, k: int) -> Vector:
    """Mean of ``values`` over the ``k`` blocks each side (the block itself left out)."""
    n = len(values)
    counts = np.minimum(np.arange(n), k) + np.minimum(np.arange(n)[::-1], k)
    return safe_div(window_sum(values, k) - values, counts.astype(np.float64))


def window_mean(values: Vector, k: int) -> Vector:
    """Mean of ``values`` over the ``k`` blocks each side and the block itself."""
    n = len(values)
    idx = np.arange(n)
    sizes = (np.minimum(idx + k, n - 1) - np.maximum(idx - k, 0) + 1).astype(np.float64)
    return safe_div(window_sum(values, k), sizes)


def shifted(values: Vector, by: int) -> Vector:
    """``values`` moved ``by`` positions (positive: the previous block's value), 0-padded."""
    out = np.zeros_like(values)
    if by > 0:
        out[by:] = values[:-by]
    else:
        out[:by] = values[-by:]
    return out


def gap_since(flags: npt.NDArray[np.bool_]) -> Vector:
    """For each block, how many blocks back the last flagged one is (the block itself left
    out; ``n + 1`` when none is)."""
    n = len(flags)
    idx = np.arange(n)
    last = np.maximum.accumulate(np.where(flags, idx, -n - 1))
    before = np.concatenate([[-n - 1], last[:-1]])
    gaps: Vector = (idx - before).astype(np.float64)
    return gaps
