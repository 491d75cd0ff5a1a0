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


def ranker_main(
    doc: str,
    *,
    module: Any,
    function: str,
    field: str,
    rows_of: Callable[..., Rows],
    matches: Callable[[str, str], bool],
    features: Sequence[str],
    min_probability: float,
    weights_file: str,
) -> None:
    """The shared command line of the ranker trainers.

    Runs the real pipeline on every page with a gold ``field`` (wcxb-dev articles and
    trafilatura-eval), captures the arguments of ``module.function`` (the ranker's entry
    point), rebuilds its candidate rows with ``rows_of(*arguments)`` and labels them with
    ``matches(candidate text, gold)``; then fits, reports and writes the weights.
    """
    import argparse
    import sys
    import zlib

    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--dump", default="w3m")
    parser.add_argument("--holdout", type=int, default=5)
    parser.add_argument("--corpus", default=str(root.parent / "shared" / "corpus"))
    args = parser.parse_args()
    sys.path.insert(0, args.corpus)
    from load import iter_pages  # the corpus' own loader

    from cleaner import clean

    calls, restore = capture(module, function)
    pages: dict[bool, list[tuple[Rows, list[float]]]] = {True: [], False: []}
    for corpus in ("wcxb-dev", "trafilatura-eval"):
        for page in iter_pages(Path(args.corpus) / corpus, dump=args.dump):
            if (
                not page[field]
                or not page["dump"]
                or page.get("page_type") not in (None, "article")
            ):
                continue
            calls.clear()
            clean(page["dump"], kind="text")
            if not calls:
                continue
            blocks = calls[0][0]
            rows = rows_of(*calls[0])
            labels = [1.0 if matches(blocks[p].text, page[field]) else 0.0 for p, _ in rows]
            pages[zlib.crc32(page["id"].encode()) % args.holdout == 0].append((rows, labels))
    restore()
    train_and_report(
        pages,
        features,
        min_probability,
        root / "src" / "cleaner" / "data" / weights_file,
        f"wcxb-dev articles + trafilatura-eval, {args.dump} dumps",
    )
