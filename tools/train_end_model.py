"""Fit the dump article-end ranker on the development corpus and write its weights.

    python tools/train_end_model.py [--dump w3m] [--holdout 5]

For each wcxb-dev article page with a gold body (:data:`PAGE_TYPE`), the core is located as the pipeline does
(:func:`cleaner.layers.content.locate_core` on the block classifier's blended scores);
its prose blocks are the candidate last blocks (:func:`cleaner.text.ending.end_candidates`)
and the positive one is the last candidate whose text belongs to the gold body (block labels
as ``tools/train_text_model.py`` makes them). The model is a conditional logit
(``tools/logistic.fit_ranking``): deterministic, from zero weights, pages in corpus order.
Pages whose id hashes into the hold-out fold are fitted apart once to report how often the
ranker picks the gold end on pages it has not seen; the shipped weights use every page.

The trafilatura-eval pages (mostly German, no full body; :data:`SNIPPET_CORPUS`) join the fit
with labels from their snippets: each page is cleaned with its core uncut
(:func:`snippet_group`), and the candidates whose text up to them holds the most wanted
snippets less unwanted ones are the positives (pages where every candidate scores the same
teach nothing and are left out). Their tails are teaser lists and comment threads more often
than wcxb-dev's articles.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.metrics import snippet_counts  # noqa: E402

import cleaner.pipeline as pipeline  # noqa: E402
from cleaner import clean  # noqa: E402
from cleaner.blocks import Block, opens_with_body  # noqa: E402
from cleaner.body import layout  # noqa: E402
from cleaner.decode import decode  # noqa: E402
from cleaner.layers.content import locate_core, model_scores  # noqa: E402
from cleaner.metadata.language import guess_language  # noqa: E402
from cleaner.normalize import normalize  # noqa: E402
from cleaner.text.ending import END_FEATURES, end_candidates  # noqa: E402
from cleaner.text.model import block_probabilities, prose_sample  # noqa: E402
from cleaner.text.segment import segment  # noqa: E402
from tools.logistic import fit_ranking  # noqa: E402
from tools.model_file import named_weights, print_weights, write_model  # noqa: E402
from tools.train_text_model import body_pages, labels, training_args  # noqa: E402

Group = tuple[np.ndarray, np.ndarray]

#: The pages it learns from: articles. Where a listing, a product page or a forum thread
#: ends is another question, and fitting on every page type taught the ranker their ends:
#: fitted on articles only, trafilatura-eval (held out) snippet F1 0.849 -> 0.852 (w3m),
#: 0.845 -> 0.849 (lynx); wcxb-dev articles 0.911 -> 0.913 (w3m), 0.910 (lynx); other
#: pages 0.677 (w3m), 0.668 -> 0.667 (lynx). The end ranker runs on every dump all the same.
PAGE_TYPE = "article"
#: The corpus whose snippet labels join the fit. 5-fold cross-validation by page (w3m, the
#: tail features, caps as shipped), against the wcxb-dev fit alone: trafilatura-eval snippet
#: F1 0.861 -> 0.865, wcxb-dev articles shingle F1 0.912 -> 0.912, other pages 0.677 -> 0.676.
SNIPPET_CORPUS = "trafilatura-eval"


@contextmanager
def uncut_core() -> Iterator[dict[str, Any]]:
    """Run the pipeline with the core as the locator finds it (no end ranker) and record its
    live blocks, their probabilities, the core and what the layers removed."""
    seen: dict[str, Any] = {}
    end_core, run_layers = pipeline.end_core, pipeline.run_layers

    def keep(blocks: Sequence[Block], probabilities: Sequence[float], core: Any) -> Any:
        seen.update(blocks=blocks, probabilities=probabilities, core=core)
        return core

    def record(*args: Any, **kwargs: Any) -> Any:
        seen["removed"] = removed = run_layers(*args, **kwargs)
        return removed

    pipeline.end_core, pipeline.run_layers = keep, record  # type: ignore[assignment]
    try:
        yield seen
    finally:
        pipeline.end_core, pipeline.run_layers = end_core, run_layers


def snippet_group(page: dict[str, Any]) -> Group | None:
    """One trafilatura-eval page's candidate rows and their labels: 1 for the candidates
    whose text (the core's kept blocks up to them) scores best on the page's snippets
    (wanted found less unwanted found); ``None`` when all score the same."""
    with uncut_core() as seen:
        clean(page["dump"], kind="text", url=page.get("url"))
    core = seen.get("core")
    if core is None:
        return None
    blocks, removed = seen["blocks"], seen["removed"]
    position = {b.index: pos for pos, b in enumerate(blocks)}
    first = position[core[0]]
    if opens_with_body(blocks, first):
        return None
    positions, rows = end_candidates(blocks, seen["probabilities"], first, position[core[1]])
    if not positions:
        return None
    kept = [b for b in blocks[first:] if b.index not in removed]
    scores = []
    for pos in positions:
        counts = snippet_counts(
            page["with"], page["without"], layout([b for b in kept if b.index <= blocks[pos].index])
        )
        scores.append(counts.tp - counts.fp)
    best = np.array(scores, dtype=np.float64)
    if best.max() == best.min():
        return None
    return rows, (best == best.max()).astype(np.float64)


def snippet_groups(args: Any) -> Iterator[Group]:
    """The labelled groups of the :data:`SNIPPET_CORPUS` pages."""
    from load import iter_pages  # the corpus' own loader (on the path after body_pages)

    for page in iter_pages(Path(args.corpus) / SNIPPET_CORPUS, dump=args.dump):
        if page["dump"] and (page["with"] or page["without"]):
            group = snippet_group(page)
            if group is not None:
                yield group


def page_group(dump: str, body: str) -> Group | None:
    """One page's candidate rows and their 0/1 labels (``None``: no candidate is body)."""
    blocks = segment(normalize(decode(dump).text))
    if not blocks:
        return None
    probabilities = block_probabilities(blocks, guess_language(prose_sample(blocks)))
    core = locate_core(blocks, model_scores(blocks, probabilities))
    if core is None:
        return None
    position = {b.index: pos for pos, b in enumerate(blocks)}
    positions, rows = end_candidates(blocks, probabilities, position[core[0]], position[core[1]])
    body_label = labels(blocks, body)
    good = [k for k, pos in enumerate(positions) if body_label[pos]]
    if not good:
        return None
    y = np.zeros(len(positions))
    y[good[-1]] = 1.0
    return rows, y


def hits(beta: np.ndarray, groups: list[Group]) -> float:
    """Share of pages whose best-scoring candidate is the gold end."""
    return float(np.mean([y[int(np.argmax(x @ beta))] for x, y in groups]))


def main() -> None:
    args = training_args(__doc__.splitlines()[0])
    groups: dict[bool, list[Group]] = {True: [], False: []}
    for page, held_out in body_pages(args):
        if page["page_type"] != PAGE_TYPE:
            continue
        group = page_group(page["dump"], page["body"])
        if group is not None:
            groups[held_out].append(group)
    snippets = list(snippet_groups(args))
    trial = fit_ranking(groups[False] + snippets)
    print(
        f"gold end picked: train {hits(trial, groups[False]):.3f}, "
        f"holdout {hits(trial, groups[True]):.3f} "
        f"({len(groups[False])} + {len(groups[True])} pages; "
        f"{len(snippets)} {SNIPPET_CORPUS} pages)"
    )
    beta = fit_ranking(groups[False] + groups[True] + snippets)
    weights = named_weights(END_FEATURES, beta)
    print_weights(weights)
    write_model(
        ROOT / "src" / "cleaner" / "data" / "end_model.json",
        f"wcxb-dev {PAGE_TYPE} pages with a gold body and {SNIPPET_CORPUS} pages by their "
        f"snippets, {args.dump} dumps",
        END_FEATURES,
        weights,
    )


if __name__ == "__main__":
    main()
