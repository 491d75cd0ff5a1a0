"""Shared pieces of the line-ranker training scripts: gold matching, fitting, evaluation."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from tools.logistic import fit, sigmoid

_TOKEN = re.compile(r"\w+")
Rows = list[tuple[int, list[float]]]


def norm_tokens(text: str) -> list[str]:
    """The benchmark's normalisation: NFKC, lower case, no leading "by ", word tokens."""
    text = re.sub(r"^by ", "", unicodedata.normalize("NFKC", text).lower())
    return _TOKEN.findall(text)


def train_and_report(
    pages: dict[bool, list[tuple[Rows, list[float]]]],
    features: Sequence[str],
    min_probability: float,
    out: Path,
    trained_on: str,
) -> None:
    """Fit on the training pages, print top-1 accuracy on both folds, write the weights."""
    x = np.array([row for rows, _ in pages[False] for _, row in rows])
    y = np.array([label for _, labels in pages[False] for label in labels])
    beta = fit(x, y, np.ones(len(y)))
    for name, data in (("train", pages[False]), ("holdout", pages[True])):
        correct = 0
        for rows, labels in data:
            if rows:
                scores = sigmoid(np.array([r for _, r in rows]) @ beta)
                best = int(np.argmax(scores))
                correct += bool(labels[best] == 1.0 and scores[best] >= min_probability)
        reachable = sum(1 for _, labels in data if any(labels))
        print(
            f"{name}: {len(data)} pages, gold among candidates {reachable}, top-1 correct {correct}"
        )
    weights = {name: round(float(b), 4) for name, b in zip(features, beta, strict=True)}
    for name, value in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:18s} {value:+.3f}")
    out.write_text(
        json.dumps(
            {"trained_on": trained_on, "features": list(features), "weights": weights}, indent=1
        )
        + "\n",
        encoding="utf-8",
    )
    print("wrote", out)


def capture(module: Any, name: str) -> tuple[list[tuple[Any, ...]], Callable[[], None]]:
    """Wrap ``module.name`` so each call's arguments are recorded; returns (calls, restore)."""
    calls: list[tuple[Any, ...]] = []
    original = getattr(module, name)

    def spy(*args: Any) -> Any:
        # copy mutable arguments: the caller keeps changing them after the call
        calls.append(tuple(a.copy() if isinstance(a, (list, dict, set)) else a for a in args))
        return original(*args)

    setattr(module, name, spy)
    return calls, lambda: setattr(module, name, original)
