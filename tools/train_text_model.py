"""Fit the text-dump block classifier on the development corpus and write its weights.

    python tools/train_text_model.py [--dump w3m] [--holdout 5]

Labels come from wcxb-dev's gold body: a block is positive when its word sequence occurs in
the gold text (for blocks of one or two words: when it is a whole gold line). The model is
an L2-regularised logistic regression fitted by Newton's method (``tools/logistic.py``);
blocks are weighted by the square root of their length so long blocks count more.
Pages whose id hashes into the hold-out fold are left out and reported separately.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from cleaner.decode import decode  # noqa: E402
from cleaner.normalize import normalize  # noqa: E402
from cleaner.text.model import CONTEXT_FEATURES, FEATURES, block_features, context_features  # noqa: E402
from cleaner.text.segment import segment  # noqa: E402
from tools.logistic import fit, sigmoid  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", default="w3m")
    parser.add_argument("--holdout", type=int, default=5, help="1/N of pages held out")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = parser.parse_args()
    sys.path.insert(0, args.corpus)
    from load import iter_pages  # the corpus' own loader

    pages: dict[bool, list[tuple[list, list[float]]]] = {True: [], False: []}
    for page in iter_pages(Path(args.corpus) / "wcxb-dev", dump=args.dump):
        if not page["body"] or not page["dump"]:
            continue
        held_out = zlib.crc32(page["id"].encode()) % args.holdout == 0
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
    beta = fit(x, y, w)

    def stage1(blocks):
        return list(sigmoid(np.array(block_features(blocks)) @ beta))

    def stage2_rows(blocks):
        return context_features(blocks, stage1(blocks))

    x2, y2, w2 = design(pages[False], stage2_rows)
    beta2 = fit(x2, y2, w2)
    for name, data in (("train", pages[False]), ("holdout", pages[True])):
        xs, ys, _ = design(data, block_features)
        xs2, _, _ = design(data, stage2_rows)
        acc1 = np.mean((sigmoid(xs @ beta) >= 0.5) == ys)
        acc2 = np.mean((sigmoid(xs2 @ beta2) >= 0.5) == ys)
        print(f"{name}: {len(ys)} blocks, accuracy stage 1 {acc1:.3f}, stage 2 {acc2:.3f}")
    weights = {name: round(float(b), 4) for name, b in zip(FEATURES, beta, strict=True)}
    context = {name: round(float(b), 4) for name, b in zip(CONTEXT_FEATURES, beta2, strict=True)}
    for name, value in sorted(
        {**weights, **{"ctx:" + k: v for k, v in context.items()}}.items(),
        key=lambda kv: -abs(kv[1]),
    ):
        print(f"  {name:18s} {value:+.3f}")
    out = ROOT / "src" / "cleaner" / "data" / "text_model.json"
    out.write_text(
        json.dumps(
            {
                "trained_on": f"wcxb-dev pages (all types), {args.dump} dumps, hold-out 1/{args.holdout}",
                "features": list(FEATURES),
                "weights": weights,
                "context_features": list(CONTEXT_FEATURES),
                "context_weights": context,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print("wrote", out.relative_to(ROOT))


if __name__ == "__main__":
    main()
