"""Fit the title ranker for text dumps on the development corpora and write its weights.

    python tools/train_title_model.py [--dump w3m] [--without-url]

The shipped weights: ``title_model.json`` from the w3m dumps (the default),
``title_model_no_url.json`` from both dumps (``--without-url --dump w3m,lynx``).

Runs the real pipeline on every page with a gold title (wcxb-dev articles, the
training set, and trafilatura-eval, the held-out check) and records the candidates that
:func:`pick_title` is shown. A candidate is positive when its line matches the gold title
by the benchmark's own rule (:func:`benchmarks.metrics.title_matches`). The line, not the
title :func:`headline_text` makes of it, is matched: labelled by the cut title, the fit
loses 5 trafilatura-eval pages (w3m, 682 -> 677 top-1) and gains none on wcxb-dev.
The weights are those of a conditional logit (the candidates of a page compete for the one
title), its bias refitted pointwise so that the threshold reads as a probability. Top-1
accuracy is reported on both corpora; only wcxb-dev is fitted.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.metrics import title_matches  # noqa: E402

import cleaner.layers.header as header_layer  # noqa: E402
from cleaner.metadata import title_model  # noqa: E402
from tools.ranker_training import ranker_main  # noqa: E402


def matches(line: str, gold: str) -> bool:
    """The benchmark's rule, a candidate line against the gold title."""
    return title_matches(gold, line)


def main() -> None:
    ranker_main(
        __doc__ or "",
        module=header_layer,
        function="pick_title",
        field="title",
        rows_of=title_model.title_rows,
        matches=matches,
        features=title_model.TITLE_FEATURES,
        min_probability=title_model.MIN_TITLE_PROBABILITY,
        weights_file="title_model.json",
        ranking=True,
        no_url_weights_file="title_model_no_url.json",
    )


if __name__ == "__main__":
    main()
