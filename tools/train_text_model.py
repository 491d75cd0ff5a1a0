"""Fit the text-dump block classifier on the development corpus and write its weights.

    python tools/train_text_model.py [--dump w3m] [--holdout 5]

Stage one is fitted on the blocks' own features; each later stage
(``cleaner.text.model.CONTEXT_STAGES``) on the context features of the stage before it,
as :func:`cleaner.text.model.block_probabilities` chains them. The fit is deterministic
(Newton's method from zero weights on the pages in corpus order).

Labels come from wcxb-dev's gold body: a block is positive when its word sequence occurs in
the gold text (for blocks of one or two words: when it is a whole gold line). The model is
an L2-regularised logistic regression fitted by Newton's method (``tools/logistic.py``);
blocks are weighted by the square root of their length so long blocks count more.
Pages whose id hashes into the hold-out fold are left out and reported separately.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import corpus_root  # noqa: E402

from cleaner.decode import decode  # noqa: E402
from cleaner.normalize import normalize  # noqa: E402
from cleaner.text.context import CONTEXT_FEATURES, context_features, layout_columns  # noqa: E402
from cleaner.text.model import CONTEXT_STAGES, FEATURES, block_features  # noqa: E402
from cleaner.text.segment import segment  # noqa: E402
from tools.logistic import fit, sigmoid  # noqa: E402
from tools.model_file import named_weights, print_weights, write_model  # noqa: E402

_TOKEN = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def labels(blocks, gold: str) -> list[float]:
    gold_flat = " " + _norm(gold) + " "
    gold_lines = {_norm(line) for line in gold.splitlines() if line.strip()}
    out = []
    for block in blocks:
        key = _norm(block.text)
        if not key:
            out.append(0.0)
        elif len(key.split()) <= 2:
            out.append(1.0 if key in gold_lines else 0.0)
        else:
            out.append(1.0 if f" {key} " in gold_flat else 0.0)
    return out


def training_args(description: str) -> argparse.Namespace:
    """The command line of the trainers that learn from the wcxb-dev gold bodies: the dump
    tool, the share of pages held out, the corpus folder."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--dump", default="w3m")
    parser.add_argument("--holdout", type=int, default=5, help="1/N of pages held out")
    parser.add_argument("--corpus", default=str(corpus_root()))
    return parser.parse_args()


def body_pages(args: argparse.Namespace) -> Iterator[tuple[dict[str, Any], bool]]:
    """The wcxb-dev pages with a gold body and an ``args.dump`` dump, each with whether it
    is held out (one page in ``args.holdout``, by a hash of its id)."""
    sys.path.insert(0, args.corpus)
    from load import iter_pages  # the corpus' own loader

    for page in iter_pages(Path(args.corpus) / "wcxb-dev", dump=args.dump):
        if page["body"] and page["dump"]:
            yield page, zlib.crc32(page["id"].encode()) % args.holdout == 0


def main() -> None:
    args = training_args(__doc__.splitlines()[0])
    pages: dict[bool, list[tuple[list, list[float]]]] = {True: [], False: []}
    for page, held_out in body_pages(args):
        blocks = segment(normalize(decode(page["dump"]).text))
        if blocks:
            pages[held_out].append((blocks, labels(blocks, page["body"])))

    def design(data, make_rows):
        x, y, w = [], [], []
        for blocks, ys in data:
            for row, label, block in zip(make_rows(blocks), ys, blocks, strict=True):
                x.append(row)
                y.append(label)
                w.append(math.sqrt(len(block.text)))
        return np.array(x), np.array(y), np.array(w)

    x, y, w = design(pages[False], block_features)
    betas = [fit(x, y, w)]
    # each page's probabilities after the stages fitted so far, and its layout columns
    probs = {id(blocks): sigmoid(block_features(blocks) @ betas[0]) for part in pages.values()
             for blocks, _ in part}
    layouts = {id(blocks): layout_columns(blocks) for part in pages.values() for blocks, _ in part}

    def stage_rows(blocks):
        return context_features(blocks, probs[id(blocks)], layouts[id(blocks)])

    def report(stage: str) -> None:
        for name, data in (("train", pages[False]), ("holdout", pages[True])):
            ys = np.concatenate([np.array(labels_) for _, labels_ in data])
            ps = np.concatenate([probs[id(blocks)] for blocks, _ in data])
            print(f"{name}: {len(ys)} blocks, accuracy {stage} {np.mean((ps >= 0.5) == ys):.3f}")

    report("stage 1")
    for key in CONTEXT_STAGES:
        x2, y2, w2 = design(pages[False], stage_rows)
        betas.append(fit(x2, y2, w2))
        probs = {id(blocks): sigmoid(stage_rows(blocks) @ betas[-1])
                 for part in pages.values() for blocks, _ in part}
        report(key)
    weights = named_weights(FEATURES, betas[0])
    stages = {
        key: named_weights(CONTEXT_FEATURES, beta)
        for key, beta in zip(CONTEXT_STAGES, betas[1:], strict=True)
    }
    print_weights(
        {**weights, **{f"{key}:{k}": v for key, ws in stages.items() for k, v in ws.items()}},
        limit=30,
    )
    write_model(
        ROOT / "src" / "cleaner" / "data" / "text_model.json",
        f"wcxb-dev pages (all types), {args.dump} dumps, hold-out 1/{args.holdout}",
        FEATURES,
        weights,
        context_features=list(CONTEXT_FEATURES),
        **stages,
    )


if __name__ == "__main__":
    main()
