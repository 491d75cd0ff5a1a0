"""Fit the name-line author ranker on the development corpora and write its weights.

    python tools/train_author_model.py [--dump w3m]

Runs the real pipeline on every page with a gold author (wcxb-dev articles and
trafilatura-eval); where the pipeline falls back to :func:`pick_author`, its candidates are
labelled positive when the line holds every gold name and at most twice the gold's tokens
plus two (the benchmark's rule).
"""

from __future__ import annotations

import argparse
import re
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

import cleaner.metadata.from_blocks as from_blocks_module  # noqa: E402
from cleaner import clean  # noqa: E402
from cleaner.metadata import author_model  # noqa: E402
from tools.ranker_training import capture, norm_tokens, train_and_report  # noqa: E402


def matches(line: str, gold: str) -> bool:
    names = [n for n in re.split(r";|,|&| and ", gold) if n.strip()]
    got = " ".join(norm_tokens(line))
    gold_tokens = norm_tokens(gold)
    return (
        bool(names)
        and all(" ".join(norm_tokens(n)) in got for n in names)
        and len(got.split()) <= 2 * len(gold_tokens) + 2
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", default="w3m")
    parser.add_argument("--holdout", type=int, default=5)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = parser.parse_args()
    sys.path.insert(0, args.corpus)
    from load import iter_pages

    calls, restore = capture(from_blocks_module, "pick_author")
    pages: dict[bool, list] = {True: [], False: []}
    for corpus in ("wcxb-dev", "trafilatura-eval"):
        for page in iter_pages(Path(args.corpus) / corpus, dump=args.dump):
            if (
                not page["author"]
                or not page["dump"]
                or page.get("page_type") not in (None, "article")
            ):
                continue
            calls.clear()
            clean(page["dump"], kind="text")
            if not calls:
                continue
            blocks, body, stop = calls[0]
            rows = author_model.author_rows(blocks, body, stop)
            labels = [1.0 if matches(blocks[p].text, page["author"]) else 0.0 for p, _ in rows]
            pages[zlib.crc32(page["id"].encode()) % args.holdout == 0].append((rows, labels))
    restore()
    train_and_report(
        pages,
        author_model.AUTHOR_FEATURES,
        author_model.MIN_AUTHOR_PROBABILITY,
        ROOT / "src" / "cleaner" / "data" / "author_model.json",
        f"wcxb-dev articles + trafilatura-eval, {args.dump} dumps",
    )


if __name__ == "__main__":
    main()
