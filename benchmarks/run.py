"""Run the benchmark: ``python -m benchmarks.run --corpus wcxb-dev --input w3m``.

For each corpus and input: run the systems on every selected page (peers from the cache
when possible, ``--jobs`` worker processes), score them, time them in this process on a
fixed sample, print the tables and write ``benchmarks/results/<corpus>-<input>.json``.
``--worst N`` lists the pages where cleaner scores lowest.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from benchmarks.cache import PeerCache
from benchmarks.corpus import CORPORA, INPUTS, Input, Page, corpus_root, iter_pages
from benchmarks.scoring import PageScore, aggregate, score_page
from benchmarks.speed import measure
from benchmarks.systems import SYSTEMS, Prediction, System, predict, resolve_systems
from benchmarks.tables import rows_for, text_table

__all__ = ["RESULTS_DIR", "main", "run_one"]

T = TypeVar("T")

_REPO = Path(__file__).resolve().parent.parent
RESULTS_DIR = Path(__file__).resolve().parent / "results"
#: Pages in the speed sample: every k-th selected page so that at most this many are timed.
SPEED_SAMPLE = 150
#: Systems recomputed on every run (ours, and the trivial raw dump); all others are cached.
UNCACHED = frozenset({"cleaner", "cleaner-no-url", "cleaner-html", "raw"})
#: Pages handed to a worker at once (small: a page task already runs several systems).
CHUNKSIZE = 2


def cleaner_revision() -> str:
    """The checkout's commit, with ``+dirty`` when ``src/`` has uncommitted changes (the
    figures then describe a working tree, not a commit); ``unknown`` outside git."""
    try:
        head = _git("rev-parse", "--short", "HEAD").decode().strip()
        dirty = _git("status", "--porcelain", "--", "src").strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def _git(*args: str) -> bytes:
    return subprocess.run(["git", "-C", str(_REPO), *args], capture_output=True,
                          check=True).stdout


def use_cleaner_at(rev: str, workdir: Path) -> str:
    """Import cleaner from commit ``rev`` (its ``src/`` exported into ``workdir``) instead of
    the working tree, here and in worker processes. Returns the short commit id.

    Lets a full run describe a commit while others edit the shared checkout.
    """
    if "cleaner" in sys.modules:
        raise RuntimeError("cleaner is already imported; call use_cleaner_at() first")
    commit = _git("rev-parse", "--short", f"{rev}^{{commit}}").decode().strip()
    archive = _git("archive", "--format=tar", commit, "src")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(workdir, filter="data")
    src = str(workdir / "src")
    sys.path.insert(0, src)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (src, os.environ.get("PYTHONPATH")) if p)
    import cleaner

    if not Path(cleaner.__file__).resolve().is_relative_to(workdir.resolve()):
        raise RuntimeError(f"cleaner still imports from {cleaner.__file__}")
    return commit


def every_kth(pages: Sequence[T], at_most: int) -> list[T]:
    """A deterministic spread sample of at most ``at_most`` pages.

    >>> every_kth(list(range(10)), 4), every_kth(list(range(3)), 5), every_kth([1], 0)
    ([0, 3, 6, 9], [0, 1, 2], [])
    """
    if at_most <= 0 or not pages:
        return []
    step = max(1, -(-len(pages) // at_most))
    return list(pages[::step])


def _task(args: tuple[tuple[str, ...], Page]) -> list[tuple[str, str, Prediction]]:
    """Run the named systems on one page (one task per page: the page is pickled once)."""
    names, page = args
    return [(name, page.id, predict(SYSTEMS[name], page)) for name in names]


def _source(system: System, input_: Input) -> str:
    return "html" if system.reads == "html" else (
        input_ if system.reads == "dump" else f"{input_}-wrapped")


def predictions(
    systems: Sequence[System],
    pages: Sequence[Page],
    corpus: str,
    input_: Input,
    *,
    jobs: int,
    use_cache: bool,
) -> dict[str, dict[str, Prediction]]:
    """Predictions per system and page id; peers come from / go to the cache."""
    out: dict[str, dict[str, Prediction]] = {s.name: {} for s in systems}
    caches: dict[str, PeerCache] = {}
    for system in systems:
        if use_cache and system.name not in UNCACHED:
            caches[system.name] = PeerCache(system, corpus, _source(system, input_))
    todo: list[tuple[tuple[str, ...], Page]] = []
    for page in pages:
        missing = []
        for system in systems:
            hit = caches[system.name].get(page.id) if system.name in caches else None
            if hit is not None:
                out[system.name][page.id] = hit
            else:
                missing.append(system.name)
        if missing:
            todo.append((tuple(missing), page))
    if todo:
        count = sum(len(names) for names, _ in todo)
        print(f"  computing {count} predictions on {len(todo)} pages (jobs={jobs})",
              file=sys.stderr)
    if jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for done in pool.map(_task, todo, chunksize=CHUNKSIZE):
                _store(out, caches, done)
    else:
        for done in map(_task, todo):
            _store(out, caches, done)
    return out


def _store(
    out: dict[str, dict[str, Prediction]],
    caches: dict[str, PeerCache],
    done: list[tuple[str, str, Prediction]],
) -> None:
    for name, page_id, pred in done:
        out[name][page_id] = pred
        if name in caches:
            caches[name].put(page_id, pred)


def groups_of(scores: Sequence[PageScore]) -> dict[str, list[PageScore]]:
    """Pages grouped for reporting: all, article, other (non-article) and each page type."""
    groups: dict[str, list[PageScore]] = {"all": list(scores)}
    groups["article"] = [s for s in scores if s.page_type == "article"]
    groups["other"] = [s for s in scores if s.page_type != "article"]
    for s in scores:
        if s.page_type != "article":
            groups.setdefault(f"type:{s.page_type}", []).append(s)
    return {k: v for k, v in groups.items() if v}


def run_one(
    corpus: str,
    input_: Input,
    systems: Sequence[System],
    *,
    page_type: str | None = None,
    limit: int | None = None,
    jobs: int = 1,
    use_cache: bool = True,
    speed_sample: int = SPEED_SAMPLE,
    root: Path | None = None,
    revision: str | None = None,
) -> tuple[dict[str, Any], dict[str, list[PageScore]]]:
    """Run, score and time ``systems`` on one corpus and input.

    ``revision`` names the cleaner commit under test (default: the checkout's state).
    Returns the JSON-ready result and the per-page scores per system.
    """
    revision = revision or cleaner_revision()
    pages = list(iter_pages(corpus, input_, root=root, page_type=page_type))
    if limit:
        pages = pages[:limit]
    preds = predictions(systems, pages, corpus, input_, jobs=jobs, use_cache=use_cache)
    per_page = {
        s.name: [score_page(p, preds[s.name][p.id], metadata=s.metadata) for p in pages]
        for s in systems
    }
    speed = measure(systems, every_kth(pages, speed_sample)) if speed_sample > 0 else {}
    result: dict[str, Any] = {
        "corpus": corpus,
        "input": input_,
        "selection": {"page_type": page_type, "limit": limit},
        "cleaner_revision": revision,
        "pages": len(pages),
        "speed_sample": len(every_kth(pages, speed_sample)),
        "systems": {},
    }
    for s in systems:
        groups = groups_of(per_page[s.name])
        result["systems"][s.name] = {
            "label": s.label,
            "reads": s.reads,
            "version": s.version(),
            "groups": {g: aggregate(v).to_dict() for g, v in groups.items()},
            "speed": speed[s.name].to_dict() if s.name in speed else None,
        }
    if "trafilatura" in speed and "trafilatura" not in result["systems"]:
        result["reference_speed"] = speed["trafilatura"].to_dict()
    ours = next((s.name for s in systems if s.name.startswith("cleaner")), None)
    if ours:
        result["cleaner_pages"] = [row.to_row() for row in per_page[ours]]
    return result, per_page


def results_path(out_dir: Path, corpus: str, input_: Input, page_type: str | None,
                 limit: int | None) -> Path:
    """``<corpus>-<input>.json`` for a full run; partial runs (a page type or a limit) write
    ``partial-<corpus>-<input>[-<type>][-limitN].json`` (gitignored) and never overwrite it."""
    name = f"{corpus}-{input_}"
    if page_type:
        name += f"-{page_type}"
    if limit:
        name += f"-limit{limit}"
    if page_type or limit:
        name = f"partial-{name}"
    return out_dir / f"{name}.json"


def pages_path(path: Path) -> Path:
    """Where the per-page rows of a results file go (gitignored: large, and re-made by a run).

    >>> pages_path(Path("results/wcxb-dev-w3m.json")).name
    'wcxb-dev-w3m.pages.jsonl'
    """
    return path.with_name(path.stem + ".pages.jsonl")


def write_results(result: dict[str, Any], path: Path) -> None:
    """The summary as indented JSON at ``path``; cleaner's per-page rows as JSON lines
    beside it (:func:`pages_path`)."""
    summary = {k: v for k, v in result.items() if k != "cleaner_pages"}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    rows = result.get("cleaner_pages", [])
    pages_path(path).write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def worst_pages(scores: Sequence[PageScore], n: int) -> str:
    """The ``n`` pages where a system scores lowest (word F1 when there is a gold body, else
    snippet recall minus snippet false-positive rate)."""

    def key(s: PageScore) -> tuple[float, str]:
        if s.word is not None and s.word.f1 is not None:
            return s.word.f1, s.id
        sn = s.snippets
        rec = sn.tp / (sn.tp + sn.fn) if sn.tp + sn.fn else 1.0
        fpr = sn.fp / (sn.fp + sn.tn) if sn.fp + sn.tn else 0.0
        return rec - fpr, s.id

    def f(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"

    rows = [["id", "type", "shingle P", "shingle R", "word P", "word R", "word F1",
             "with hit", "without hit", "error"]]
    for s in sorted(scores, key=key)[:n]:
        sn = s.snippets
        rows.append([
            s.id, s.page_type,
            f(s.shingle.precision if s.shingle else None),
            f(s.shingle.recall if s.shingle else None),
            f(s.word.precision if s.word else None),
            f(s.word.recall if s.word else None),
            f(s.word.f1 if s.word else None),
            f"{sn.tp}/{sn.tp + sn.fn}", f"{sn.fp}/{sn.fp + sn.tn}",
            (s.error or "")[:40],
        ])
    return text_table(rows)


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="wcxb-dev",
                    help=f"comma list of {', '.join(CORPORA)} or 'all' (default wcxb-dev)")
    ap.add_argument("--input", default="w3m",
                    help="comma list of html, w3m, lynx or 'all' (default w3m)")
    ap.add_argument("--systems", default=None,
                    help=f"comma list (default: all installed for the input); known: "
                         f"{', '.join(SYSTEMS)}")
    ap.add_argument("--limit", type=int, default=None, help="first N pages only")
    ap.add_argument("--page-type", default=None,
                    help="only pages of this type ('article', 'other' = non-article, or a "
                         "WCXB type such as 'forum')")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for accuracy runs")
    ap.add_argument("--worst", type=int, default=0, metavar="N",
                    help="list the N pages where cleaner scores lowest")
    ap.add_argument("--speed-sample", type=int, default=SPEED_SAMPLE, metavar="N",
                    help=f"time systems on at most N pages, 0 = no timing (default "
                         f"{SPEED_SAMPLE})")
    ap.add_argument("--no-cache", action="store_true", help="recompute peers too")
    ap.add_argument("--out", type=Path, default=RESULTS_DIR, help="results folder")
    ap.add_argument("--no-write", action="store_true", help="print only, write no file")
    ap.add_argument("--cleaner-rev", default=None, metavar="REV",
                    help="benchmark cleaner as committed at REV (e.g. HEAD) instead of the "
                         "working tree")
    return ap.parse_args(argv)


def _expand(value: str, known: Sequence[str], what: str) -> list[str]:
    items = list(known) if value == "all" else [v.strip() for v in value.split(",") if v]
    for item in items:
        if item not in known:
            raise SystemExit(f"unknown {what} {item!r}; choose from {', '.join(known)}")
    return items


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    if args.cleaner_rev:
        with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
            revision = use_cleaner_at(args.cleaner_rev, Path(tmp))
            print(f"cleaner from commit {revision}", file=sys.stderr)
            return _run_all(args, revision)
    return _run_all(args, None)


def _run_all(args: argparse.Namespace, revision: str | None) -> int:
    corpora = _expand(args.corpus, CORPORA, "corpus")
    inputs: list[Input] = _expand(args.input, INPUTS, "input")  # type: ignore[assignment]
    print(f"corpus root: {corpus_root()}", file=sys.stderr)
    for corpus in corpora:
        for input_ in inputs:
            systems = resolve_systems(args.systems, input_)
            print(f"== {corpus} / {input_}: {', '.join(s.name for s in systems)}",
                  file=sys.stderr)
            result, per_page = run_one(
                corpus, input_, systems, page_type=args.page_type, limit=args.limit,
                jobs=args.jobs, use_cache=not args.no_cache, speed_sample=args.speed_sample,
                revision=revision,
            )
            _print(result, per_page, systems, args.worst)
            if not args.no_write:
                path = results_path(args.out, corpus, input_, args.page_type, args.limit)
                write_results(result, path)
                print(f"wrote {path} (+ per-page rows in {pages_path(path).name})",
                      file=sys.stderr)
    return 0


def _print(result: dict[str, Any], per_page: dict[str, list[PageScore]],
           systems: Sequence[System], worst: int) -> None:
    print(f"\n{result['corpus']} / {result['input']}: {result['pages']} pages "
          f"(speed on {result['speed_sample']}; cleaner {result['cleaner_revision']})")
    first = next(iter(result["systems"].values()))["groups"]
    for group in (["article", "other"] if "other" in first else ["all"]):
        print(f"\n[{group}]")
        print(text_table(rows_for(result, group)))
    ours = next((s for s in systems if s.name.startswith("cleaner")), None)
    if worst and ours:
        print(f"\nworst {worst} pages for {ours.name}:")
        print(worst_pages(per_page[ours.name], worst))


if __name__ == "__main__":
    raise SystemExit(main())
