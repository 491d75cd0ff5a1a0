"""Fit the title ranker for text dumps on the development corpora and write its weights.

    python tools/train_title_model.py [--dump w3m] [--without-url]

Runs the real pipeline on every page with a gold title (wcxb-dev articles, the
training set, and trafilatura-eval, the held-out check) and records the candidates that
:func:`pick_title` is shown. A candidate is positive when it matches the gold title by the benchmark's rule (equal after
normalisation, or one contains the other and the shorter has >= 75% of the tokens).
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

import cleaner.layers.header as header_layer  # noqa: E402
from cleaner.metadata import title_model  # noqa: E402
from tools.ranker_training import norm_tokens, ranker_main  # noqa: E402


def matches(pred: str, gold: str) -> bool:
    p, g = norm_tokens(pred), norm_tokens(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    short, long_ = sorted((p, g), key=len)
    return " ".join(short) in " ".join(long_) and len(short) >= 0.75 * len(long_)


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
