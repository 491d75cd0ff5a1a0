"""Shared pieces of the line-ranker training scripts: gold matching, fitting, evaluation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from benchmarks.corpus import corpus_root

from tools.logistic import L2, fit, fit_ranking, sigmoid
from tools.model_file import named_weights, print_weights, write_model

_TOKEN = re.compile(r"\w+")
Rows = list[tuple[int, list[float]]]


def norm_tokens(text: str) -> list[str]:
    """The benchmark's normalisation: NFKC, lower case, no leading "by ", word tokens."""
    text = re.sub(r"^by ", "", unicodedata.normalize("NFKC", text).lower())
    return _TOKEN.findall(text)


#: Folds of the cross-validation that chooses a trainer's L2 strength (pages by position).
CV_FOLDS = 5


def _fit(train: Sequence[tuple[Rows, list[float]]], *, ranking: bool, l2: float) -> np.ndarray:
    if ranking:
        return fit_ranking(
            [(np.array([r for _, r in rows]), np.array(labels)) for rows, labels in train if rows],
            l2=l2,
        )
    x = np.array([row for rows, _ in train for _, row in rows])
    y = np.array([label for _, labels in train for label in labels])
    return fit(x, y, np.ones(len(y)), l2=l2)


def top1_correct(
    data: Sequence[tuple[Rows, list[float]]], beta: np.ndarray, min_probability: float
) -> int:
    """Pages whose best-scoring candidate is a gold one and clears ``min_probability``."""
    correct = 0
    for rows, labels in data:
        if rows:
            scores = sigmoid(np.array([r for _, r in rows]) @ beta)
            best = int(np.argmax(scores))
            correct += bool(labels[best] == 1.0 and scores[best] >= min_probability)
    return correct


def cross_validated_l2(
    train: Sequence[tuple[Rows, list[float]]],
    grid: Sequence[float],
    min_probability: float,
    *,
    ranking: bool,
) -> float:
    """The L2 strength of ``grid`` with the most held-out top-1 hits in a
    :data:`CV_FOLDS`-fold cross-validation by page (page ``i`` is in fold ``i % CV_FOLDS``);
    ties go to the stronger penalty (the simpler model). Prints each strength's hits."""
    hits: dict[float, int] = {}
    for l2 in grid:
        hits[l2] = 0
        for fold in range(CV_FOLDS):
            inner = [page for i, page in enumerate(train) if i % CV_FOLDS != fold]
            held = [page for i, page in enumerate(train) if i % CV_FOLDS == fold]
            beta = _fit(inner, ranking=ranking, l2=l2)
            hits[l2] += top1_correct(held, beta, min_probability)
        print(f"L2 {l2}: {hits[l2]} held-out top-1 hits ({CV_FOLDS}-fold, by page)")
    return max(grid, key=lambda l2: (hits[l2], l2))


def train_and_report(
    pages: dict[str, list[tuple[Rows, list[float]]]],
    features: Sequence[str],
    min_probability: float,
    out: Path,
    trained_on: str,
    *,
    ranking: bool = False,
    l2_grid: Sequence[float] = (),
) -> None:
    """Fit on the ``train`` pages, print top-1 accuracy on every set, write the weights.

    ``ranking``: fit a conditional logit (a page's candidates compete; see
    :func:`tools.logistic.fit_ranking`) instead of a pointwise logistic regression.
    ``l2_grid``: choose the L2 strength among these by cross-validation on the ``train``
    pages (:func:`cross_validated_l2`); without it, :data:`tools.logistic.L2`.
    """
    l2 = (
        cross_validated_l2(pages["train"], l2_grid, min_probability, ranking=ranking)
        if l2_grid
        else L2
    )
    beta = _fit(pages["train"], ranking=ranking, l2=l2)
    for name, data in pages.items():
        correct = top1_correct(data, beta, min_probability)
        reachable = sum(1 for _, labels in data if any(labels))
        print(
            f"{name}: {len(data)} pages, gold among candidates {reachable}, top-1 correct {correct}"
        )
    weights = named_weights(features, beta)
    print_weights(weights)
    write_model(
        out, trained_on + (f", L2 {l2} by cross-validation" if l2_grid else ""), features, weights
    )


def capture(module: Any, name: str) -> tuple[list[tuple[Any, ...]], Callable[[], None]]:
    """Replace ``module.name`` by a recorder of each call's arguments that answers ``None``
    (the ranker is not asked: its candidates do not depend on its answer, and the weights
    being fitted may not match its features yet); returns (calls, restore)."""
    calls: list[tuple[Any, ...]] = []
    original = getattr(module, name)

    def spy(*args: Any) -> Any:
        # copy mutable arguments: the caller keeps changing them after the call
        calls.append(tuple(a.copy() if isinstance(a, (list, dict, set)) else a for a in args))
        return None

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
    ranking: bool = False,
    no_url_weights_file: str | None = None,
) -> None:
    """The shared command line of the ranker trainers.

    Runs the real pipeline on every page with a gold ``field`` (wcxb-dev articles, the
    training set, and trafilatura-eval, the held-out check), captures the arguments of
    ``module.function`` (the ranker's entry point), rebuilds its candidate rows with
    ``rows_of(*arguments)`` and labels them with ``matches(candidate text, gold)``; then
    fits on wcxb-dev alone, reports top-1 accuracy on both and writes the weights.
    With ``no_url_weights_file``, the command takes ``--without-url``: the pages are then
    cleaned without their address and the weights go to that file (the ranker's weights
    for callers who give no URL). ``--dump`` takes a comma list ("w3m,lynx"): the pages of
    every dump named are pooled, in training and in the report.
    """
    import argparse
    import sys

    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--dump", default="w3m", help="dump tool, or a comma list of them")
    parser.add_argument("--corpus", default=str(corpus_root()))
    if no_url_weights_file:
        parser.add_argument(
            "--without-url",
            action="store_true",
            help=f"clean the pages without their address; write {no_url_weights_file}",
        )
    args = parser.parse_args()
    without_url = bool(getattr(args, "without_url", False))
    sys.path.insert(0, args.corpus)
    from load import iter_pages  # the corpus' own loader

    from cleaner import clean

    calls, restore = capture(module, function)
    sets = {"wcxb-dev": "train", "trafilatura-eval": "held-out check"}
    pages: dict[str, list[tuple[Rows, list[float]]]] = {name: [] for name in sets.values()}
    for corpus, set_name in sets.items():
        for page in (
            page
            for dump in args.dump.split(",")
            for page in iter_pages(Path(args.corpus) / corpus, dump=dump)
        ):
            if (
                not page[field]
                or not page["dump"]
                or page.get("page_type") not in (None, "article")
            ):
                continue
            calls.clear()
            clean(page["dump"], kind="text", url=None if without_url else page.get("url"))
            if not calls:
                continue
            blocks = calls[0][0]
            rows = rows_of(*calls[0])
            labels = [1.0 if matches(blocks[p].text, page[field]) else 0.0 for p, _ in rows]
            pages[set_name].append((rows, labels))
    restore()
    train_and_report(
        pages,
        features,
        min_probability,
        root
        / "src"
        / "cleaner"
        / "data"
        / (no_url_weights_file if without_url and no_url_weights_file else weights_file),
        f"wcxb-dev articles, {args.dump} dumps"
        + (", cleaned without their address" if without_url else "")
        + " (trafilatura-eval held out)",
        ranking=ranking,
    )
