"""Fit the author-span ranker for text dumps on the development corpora and write its weights.

    python tools/train_byline_model.py [--dump w3m]

Runs the real pipeline on every page with a gold author (wcxb-dev articles, the training
set, and trafilatura-eval, the held-out check) and records the spans that
:func:`cleaner.metadata.byline_spans.pick_byline` is shown. A span is positive when the
authors the pipeline would report for it match the gold author by the benchmark's rule
(every gold name in it, at most twice the gold's tokens plus two): what
:func:`cleaner.metadata.byline_finish.finished_byline` makes of the span (an author label
elsewhere on the page winning over it, a glued word cut, credentials and the full
spelling of the name added), as :func:`cleaner.metadata.from_blocks.from_blocks` reports
it. The L2 strength is chosen among :data:`L2_GRID` by 5-fold cross-validation by page on
the training set. The weights are those
of a conditional logit (the spans of a page compete for the one byline), its bias
refitted pointwise so that the threshold reads as a probability. Top-1 accuracy is
reported on both corpora; only wcxb-dev is fitted.

The spans' features read the name-line ranker's proposal (``author_model.json``), the
headline (``title_model.json``) and the body the pipeline cuts (``end_model.json``,
``text_model.json``): run this script after ``tools/train_end_model.py``,
``tools/train_title_model.py`` and ``tools/train_author_model.py``. None of those reads the
byline ranker's answer, so that order is the one in which the files can regenerate; whether
the shipped ones do is measured in docs/architecture.md ("Learned models and their
trainers"): today they do not. This script's refit raises the dump author figures but
gives two of the seeds a byline they do not have, and it does so by naming more pages that
have no author (at as many of those as the shipped weights, it names fewer authors right),
so the shipped file is an older fit.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import corpus_root  # noqa: E402
from benchmarks.metrics import author_matches  # noqa: E402

import cleaner.metadata.from_blocks as from_blocks_module  # noqa: E402
from cleaner.metadata import byline_spans  # noqa: E402
from cleaner.metadata.byline_finish import finished_byline  # noqa: E402
from cleaner.metadata.names import split_authors  # noqa: E402
from tools.ranker_training import Rows, capture, train_and_report  # noqa: E402

#: The training set and the held-out check.
SETS = {"wcxb-dev": "train", "trafilatura-eval": "held-out check"}
#: The L2 strengths the cross-validation chooses among.
L2_GRID = (0.3, 1.0, 3.0, 10.0)


def reported(args: tuple[Any, ...], span: str) -> str:
    """The authors the pipeline reports (joined) when the ranker, called with ``args``,
    picks ``span``."""
    blocks, _removed, _anchor, stop, _headline, proposals = args
    byline, _origin = finished_byline(blocks, stop, proposals, span)
    return ", ".join(split_authors(byline)) if byline else ""


def captured_calls(corpus_dir: Path, dump: str) -> Iterator[tuple[str, str, tuple[Any, ...]]]:
    """(set name, gold author, the ranker's arguments) for every page with a gold author."""
    sys.path.insert(0, str(corpus_dir))
    from load import iter_pages  # the corpus' own loader

    from cleaner import clean

    calls, restore = capture(from_blocks_module, "pick_byline")
    try:
        for corpus, set_name in SETS.items():
            for page in iter_pages(corpus_dir / corpus, dump=dump):
                if (
                    not page["author"]
                    or not page["dump"]
                    or page.get("page_type") not in (None, "article")
                ):
                    continue
                calls.clear()
                clean(page["dump"], kind="text", url=page.get("url"))
                if calls:
                    yield set_name, page["author"], calls[0]
    finally:
        restore()


def labelled(
    captured: Sequence[tuple[str, str, tuple[Any, ...]]],
) -> dict[str, list[tuple[Rows, list[float]]]]:
    """Candidate rows and labels of every captured page, by set name."""
    pages: dict[str, list[tuple[Rows, list[float]]]] = {name: [] for name in SETS.values()}
    for set_name, gold, args in captured:
        spans, rows = byline_spans.byline_rows(*args)
        labels = [
            1.0 if author_matches(gold, reported(args, spans[k].text)) else 0.0 for k, _ in rows
        ]
        pages[set_name].append((rows, labels))
    return pages


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--dump", default="w3m")
    parser.add_argument("--corpus", default=str(corpus_root()))
    args = parser.parse_args()
    captured = list(captured_calls(Path(args.corpus), args.dump))
    train_and_report(
        labelled(captured),
        byline_spans.BYLINE_FEATURES,
        byline_spans.MIN_BYLINE_PROBABILITY,
        ROOT / "src" / "cleaner" / "data" / "byline_model.json",
        f"wcxb-dev articles, {args.dump} dumps (trafilatura-eval held out)",
        ranking=True,
        l2_grid=L2_GRID,
    )


if __name__ == "__main__":
    main()
