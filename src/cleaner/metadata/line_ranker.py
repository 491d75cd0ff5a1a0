"""Shared machinery of the line rankers (title, author): shipped weights, best candidate.

>>> best_candidate([(3, [1.0, 0.0]), (7, [1.0, 1.0])], (0.0, 2.0), min_probability=0.5)
7
>>> best_candidate([(3, [1.0, 0.0])], (-3.0, 2.0), min_probability=0.5) is None
True
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from importlib import resources
from operator import mul

__all__ = ["best_candidate", "load_weights", "logistic", "probability"]


@functools.cache
def load_weights(filename: str, features: tuple[str, ...]) -> tuple[float, ...]:
    """Weights from ``cleaner/data/<filename>``, in ``features`` order (read once)."""
    data = json.loads(resources.files("cleaner.data").joinpath(filename).read_text("utf-8"))
    return tuple(float(data["weights"][name]) for name in features)


def probability(row: Sequence[float], weights: Sequence[float]) -> float:
    """The logistic probability of one candidate row.

    >>> probability([1.0, 1.0], (0.0, 0.0))
    0.5
    """
    return logistic(sum(map(mul, weights, row)))


def logistic(score: float) -> float:
    """The probability of a row of ``score`` (its weighted sum), kept within +-30.

    >>> logistic(0.0), logistic(100.0) == logistic(30.0)
    (0.5, True)
    """
    z = max(-30.0, min(30.0, score))
    return 1.0 / (1.0 + math.exp(-z))


def best_candidate(
    rows: Sequence[tuple[int, Sequence[float]]], weights: Sequence[float], *, min_probability: float
) -> int | None:
    """The key of the most probable row, if its probability reaches ``min_probability``."""
    best: tuple[float, int] | None = None
    for key, row in rows:
        prob = probability(row, weights)
        if prob >= min_probability and (best is None or prob > best[0]):
            best = (prob, key)
    return best[1] if best else None
