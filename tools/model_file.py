"""Writing a trained model's weights: named, rounded, printed largest first, saved as the
JSON file the package reads (shared by every training script)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

#: Decimals kept of each weight in the shipped files.
WEIGHT_DECIMALS = 4


def named_weights(features: Sequence[str], beta: Iterable[float]) -> dict[str, float]:
    """The weights by feature name, rounded as shipped.

    >>> named_weights(["bias", "p"], [0.123456, -2.0])
    {'bias': 0.1235, 'p': -2.0}
    """
    return {name: round(float(b), WEIGHT_DECIMALS) for name, b in zip(features, beta, strict=True)}


def print_weights(weights: Mapping[str, float], *, limit: int | None = None) -> None:
    """Print the weights, largest magnitude first (the first ``limit`` of them)."""
    ranked = sorted(weights.items(), key=lambda kv: -abs(kv[1]))
    for name, value in ranked[:limit]:
        print(f"  {name:32s} {value:+.3f}")


def write_model(
    out: Path, trained_on: str, features: Sequence[str], weights: Mapping[str, float], **extra: Any
) -> None:
    """Save a model file: what it was trained on, its feature names, its weights, then any
    ``extra`` entries, as indented JSON."""
    payload = {
        "trained_on": trained_on,
        "features": list(features),
        "weights": dict(weights),
        **extra,
    }
    out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print("wrote", out)
