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
import json
import re
import sys
import unicodedata
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

import cleaner.layers.header as header_layer  # noqa: E402
from cleaner import clean  # noqa: E402
from cleaner.metadata import title_model  # noqa: E402
from tools.logistic import fit, sigmoid  # noqa: E402

_TOKEN = re.compile(r"\w+")


def _norm(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"^by ", "", text)
    return _TOKEN.findall(text)


def matches(pred: str, gold: str) -> bool:
    p, g = _norm(pred), _norm(gold)
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

    captured: list = []
    original = header_layer.pick_title

    def spy(blocks, body, rules, page=()):
        captured.append((list(blocks), body, dict(rules), list(page)))
        return original(blocks, body, rules, page)

    header_layer.pick_title = spy
    pages = {True: [], False: []}
    for corpus in ("wcxb-dev", "trafilatura-eval"):
        for page in iter_pages(Path(args.corpus) / corpus, dump=args.dump):
            if not page["title"] or not page["dump"] or page.get("page_type") not in (None, "article"):
                continue
            captured.clear()
            clean(page["dump"], kind="text")
            if not captured:
                continue
            blocks, body, rules, everything = captured[0]
            rows = title_model.title_rows(blocks, body, rules, everything)
            labels = [1.0 if matches(blocks[p].text, page["title"]) else 0.0 for p, _ in rows]
            held = zlib.crc32(page["id"].encode()) % args.holdout == 0
            pages[held].append((rows, labels))
    header_layer.pick_title = original
    x = np.array([row for rows, _ in pages[False] for _, row in rows])
    y = np.array([label for _, labels in pages[False] for label in labels])
    beta = fit(x, y, np.ones(len(y)))
    for name, data in (("train", pages[False]), ("holdout", pages[True])):
        correct = 0
        for rows, labels in data:
            if rows:
                scores = sigmoid(np.array([r for _, r in rows]) @ beta)
                best = int(np.argmax(scores))
                correct += labels[best] == 1.0 and scores[best] >= title_model.MIN_TITLE_PROBABILITY
        reachable = sum(1 for _, labels in data if any(labels))
        print(f"{name}: {len(data)} pages, gold among candidates {reachable}, top-1 correct {correct}")
    weights = {name: round(float(b), 4) for name, b in zip(title_model.TITLE_FEATURES, beta)}
    for name, value in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:18s} {value:+.3f}")
    out = ROOT / "src" / "cleaner" / "data" / "title_model.json"
    out.write_text(json.dumps({"trained_on": f"wcxb-dev articles + trafilatura-eval, {args.dump} dumps",
                               "features": list(title_model.TITLE_FEATURES), "weights": weights},
                              indent=1) + "\n", encoding="utf-8")
    print("wrote", out.relative_to(ROOT))


if __name__ == "__main__":
    main()
