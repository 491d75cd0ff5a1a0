"""Fit the title ranker for text dumps on the development corpora and write its weights.

    python tools/train_title_model.py [--dump w3m]

Runs the real pipeline on every page with a gold title (wcxb-dev articles and
trafilatura-eval) and records the candidates that :func:`pick_title` is shown. A candidate
is positive when it matches the gold title by the benchmark's rule (equal after
normalisation, or one contains the other and the shorter has >= 75% of the tokens).
Pages whose id hashes into the hold-out fold are reported separately (top-1 accuracy).
"""

from __future__ import annotations

import argparse
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

import cleaner.layers.header as header_layer  # noqa: E402
from cleaner import clean  # noqa: E402
from cleaner.metadata import title_model  # noqa: E402
from tools.ranker_training import capture, norm_tokens, train_and_report  # noqa: E402


def matches(pred: str, gold: str) -> bool:
    p, g = norm_tokens(pred), norm_tokens(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    short, long_ = sorted((p, g), key=len)
    return " ".join(short) in " ".join(long_) and len(short) >= 0.75 * len(long_)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", default="w3m")
    parser.add_argument("--holdout", type=int, default=5)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = parser.parse_args()
    sys.path.insert(0, args.corpus)
    from load import iter_pages

    calls, restore = capture(header_layer, "pick_title")
    pages: dict[bool, list] = {True: [], False: []}
    for corpus in ("wcxb-dev", "trafilatura-eval"):
        for page in iter_pages(Path(args.corpus) / corpus, dump=args.dump):
            if (
                not page["title"]
                or not page["dump"]
                or page.get("page_type") not in (None, "article")
            ):
                continue
            calls.clear()
            clean(page["dump"], kind="text")
            if not calls:
                continue
            blocks, body, rules, everything = calls[0]
            rows = title_model.title_rows(blocks, body, rules, everything)
            labels = [1.0 if matches(blocks[p].text, page["title"]) else 0.0 for p, _ in rows]
            pages[zlib.crc32(page["id"].encode()) % args.holdout == 0].append((rows, labels))
    restore()
    train_and_report(
        pages,
        title_model.TITLE_FEATURES,
        title_model.MIN_TITLE_PROBABILITY,
        ROOT / "src" / "cleaner" / "data" / "title_model.json",
        f"wcxb-dev articles + trafilatura-eval, {args.dump} dumps",
    )


if __name__ == "__main__":
    main()
