"""The accuracy gate: cleaner's scores on a fixed subset must stay at or above pinned floors.

``python -m benchmarks.gate`` measures and compares (exit 1 on a regression);
``python -m benchmarks.gate --update`` re-measures and raises floors (never lowers them);
``--repin REASON`` sets them to the measurement and records REASON for each one lowered.
``tests/test_benchmark_gate.py`` runs the same check under pytest.

Floors live in ``benchmarks/floors.json``. They only go up. To lower one, edit the file by
hand and add an entry to its ``"lowered"`` list saying which floor, from what, to what, and
why (see ``benchmarks/FLOORS.md``).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.corpus import INPUTS, Input, gold_records, iter_pages, matches_type
from benchmarks.run import use_cleaner_at
from benchmarks.scoring import aggregate, score_page
from benchmarks.systems import SYSTEMS, predict

__all__ = [
    "FLOORS_PATH",
    "GATE_INPUTS",
    "NOISE_MARGIN",
    "SUBSETS",
    "Measured",
    "Subset",
    "check",
    "measure",
    "raise_floors",
    "round_down",
]

FLOORS_PATH = Path(__file__).resolve().parent / "floors.json"
#: A score may sit this far below its floor before the gate fails: room for float and
#: library-version jitter (cleaner itself is deterministic). Smaller than one page's weight
#: on the larger subsets, so a real regression on a couple of pages still fails.
NOISE_MARGIN = 0.005
#: Floors are pinned at the measured value rounded down to this step.
FLOOR_STEP = 0.005
#: Inputs the gate runs on.
GATE_INPUTS: tuple[Input, ...] = ("w3m", "lynx", "html")


@dataclass(frozen=True, slots=True)
class Subset:
    """Every ``every``-th page (in id order, starting with the first) of ``corpus`` whose
    type matches ``page_type`` (``None``: all pages, ``"other"``: non-article pages)."""

    corpus: str
    page_type: str | None
    every: int
    metrics: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.corpus}:{self.page_type or 'all'}:every{self.every}"

    def ids(self, root: Path | None = None) -> list[str]:
        """The ids of the subset's pages."""
        records = [r for r in gold_records(self.corpus, root=root)
                   if matches_type(r, self.page_type)]
        return [r["id"] for r in records[:: self.every]]


_BODY = ("shingle_f1", "word_f1", "snippet_f1")
_META = ("title_acc", "author_acc", "date_acc")
#: The gated subsets, sized so the whole gate (3 inputs) takes a few minutes on 2 cores:
#: wcxb-dev articles (the main table), wcxb-dev other page types (must not crash or keep
#: menus), and trafilatura-eval (snippets and metadata only; it has no gold body).
SUBSETS: tuple[Subset, ...] = (
    Subset("wcxb-dev", "article", 4, _BODY + _META),
    Subset("wcxb-dev", "other", 8, _BODY),
    Subset("trafilatura-eval", None, 8, ("snippet_f1", *_META)),
)

Measured = dict[str, dict[str, dict[str, float | None]]]


def round_down(value: float, step: float = FLOOR_STEP) -> float:
    """``value`` rounded down to a multiple of ``step``.

    >>> round_down(0.8768), round_down(0.875), round_down(0.0049)
    (0.875, 0.875, 0.0)
    """
    return round(math.floor(value / step + 1e-9) * step, 6)


def measure(
    subsets: Sequence[Subset] = SUBSETS,
    inputs: Sequence[Input] = GATE_INPUTS,
    root: Path | None = None,
) -> tuple[Measured, dict[str, int]]:
    """cleaner's scores per subset key, input and metric, plus crashes per subset/input."""
    measured: Measured = {}
    errors: dict[str, int] = {}
    for subset in subsets:
        ids = set(subset.ids(root))
        for input_ in inputs:
            system = SYSTEMS["cleaner-html" if input_ == "html" else "cleaner"]
            scores = [
                score_page(page, predict(system, page), metadata=system.metadata)
                for page in iter_pages(subset.corpus, input_, root=root, ids=ids)
            ]
            agg = aggregate(scores)
            measured.setdefault(subset.key, {})[input_] = {
                m: agg.values[m] for m in subset.metrics
            }
            errors[f"{subset.key}/{input_}"] = agg.counts["errors"]
    return measured, errors


@dataclass(frozen=True, slots=True)
class Failure:
    """One score below its floor minus the margin."""

    subset: str
    input: str
    metric: str
    floor: float
    measured: float | None

    def __str__(self) -> str:
        got = "none" if self.measured is None else f"{self.measured:.4f}"
        return (f"{self.subset} / {self.input} / {self.metric}: {got} < floor {self.floor:.3f}"
                f" - margin {NOISE_MARGIN}")


def check(measured: Measured, floors: Mapping[str, Any]) -> list[Failure]:
    """Every floor that the measured score falls below by more than :data:`NOISE_MARGIN`."""
    failures = []
    for key, by_input in floors.items():
        for input_, by_metric in by_input.items():
            for metric, floor in by_metric.items():
                got = measured.get(key, {}).get(input_, {}).get(metric)
                if got is None or got < floor - NOISE_MARGIN:
                    failures.append(Failure(key, input_, metric, floor, got))
    return failures


def raise_floors(
    measured: Measured, floors: Mapping[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """New floors: each the larger of the old floor and the measured value rounded down.

    Never lowers a floor; adds floors for new subsets, inputs and metrics.

    >>> raise_floors({"s": {"w3m": {"word_f1": 0.912}}}, {"s": {"w3m": {"word_f1": 0.95}}})[0]
    {'s': {'w3m': {'word_f1': 0.95}}}
    >>> raise_floors({"s": {"w3m": {"word_f1": 0.962}}}, {"s": {"w3m": {"word_f1": 0.95}}})
    ({'s': {'w3m': {'word_f1': 0.96}}}, ['s / w3m / word_f1: 0.950 -> 0.960'])
    """
    new: dict[str, Any] = json.loads(json.dumps(floors))
    changes = []
    for key, by_input in sorted(measured.items()):
        for input_, by_metric in sorted(by_input.items()):
            for metric, value in sorted(by_metric.items()):
                if value is None:
                    continue
                old = new.get(key, {}).get(input_, {}).get(metric)
                pinned = round_down(value)
                if old is None or pinned > old:
                    new.setdefault(key, {}).setdefault(input_, {})[metric] = pinned
                    before = "none" if old is None else f"{old:.3f}"
                    changes.append(f"{key} / {input_} / {metric}: {before} -> {pinned:.3f}")
    return new, changes


def repin(
    measured: Measured, floors: Mapping[str, Any], reason: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Floors set to the measured values (rounded down), and one ``lowered`` entry carrying
    ``reason`` for each floor that goes down.

    >>> new, lowered = repin({"s": {"w3m": {"word_f1": 0.9}}}, {"s": {"w3m": {"word_f1": 0.95}}},
    ...                      "gold corrected")
    >>> new, lowered[0]["from"], lowered[0]["to"], lowered[0]["reason"]
    ({'s': {'w3m': {'word_f1': 0.9}}}, 0.95, 0.9, 'gold corrected')
    """
    if not reason.strip():
        raise ValueError("lowering floors needs a written reason")
    new: dict[str, Any] = {}
    lowered = []
    for key, by_input in sorted(measured.items()):
        for input_, by_metric in sorted(by_input.items()):
            for metric, value in sorted(by_metric.items()):
                if value is None:
                    continue
                pinned = round_down(value)
                new.setdefault(key, {}).setdefault(input_, {})[metric] = pinned
                old = floors.get(key, {}).get(input_, {}).get(metric)
                if old is not None and pinned < old:
                    lowered.append({"floor": f"{key} / {input_} / {metric}", "from": old,
                                    "to": pinned, "reason": reason})
    return new, lowered


def subset_description() -> dict[str, Any]:
    """How the subsets are drawn (stored in floors.json; the gate refuses a mismatch)."""
    return {
        s.key: {"corpus": s.corpus, "page_type": s.page_type or "all", "every": s.every,
                "metrics": list(s.metrics)}
        for s in SUBSETS
    }


def load_floors(path: Path = FLOORS_PATH) -> dict[str, Any]:
    """The floors file (see ``benchmarks/FLOORS.md``)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def write_floors(data: Mapping[str, Any], path: Path = FLOORS_PATH) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


_COMMENT = [
    "Pinned floors for cleaner on the gate subsets (benchmarks/gate.py SUBSETS).",
    "Floors only go up: `python -m benchmarks.gate --update` re-measures and raises them.",
    "Lowering one needs a hand edit plus an entry in `lowered` with the reason (FLOORS.md).",
    "The gate fails when a score is below its floor minus NOISE_MARGIN (benchmarks/gate.py).",
]


def _table(measured: Measured, floors: Mapping[str, Any]) -> str:
    lines = [f"{'subset':34} {'input':5} {'metric':11} {'floor':>6} {'measured':>8}"]
    for key, by_input in measured.items():
        for input_, by_metric in by_input.items():
            for metric, value in by_metric.items():
                floor = floors.get(key, {}).get(input_, {}).get(metric)
                f = "-" if floor is None else f"{floor:.3f}"
                v = "-" if value is None else f"{value:.4f}"
                lines.append(f"{key:34} {input_:5} {metric:11} {f:>6} {v:>8}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.gate", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true",
                    help="raise floors to the measured values (rounded down); never lowers")
    ap.add_argument("--repin", metavar="REASON", default=None,
                    help="set every floor to the measured value, recording REASON in "
                         "'lowered' for each floor that goes down (see FLOORS.md)")
    ap.add_argument("--cleaner-rev", metavar="REV", default=None,
                    help="measure cleaner as committed at REV (e.g. HEAD), not the working tree")
    ap.add_argument("--input", default=",".join(GATE_INPUTS),
                    help="comma list of inputs to measure (default: all gate inputs)")
    args = ap.parse_args(argv)
    inputs: list[Input] = []
    for i in (i for i in args.input.split(",") if i):
        if i not in INPUTS:
            raise SystemExit(f"unknown input {i!r}")
        inputs.append(INPUTS[INPUTS.index(i)])
    data: dict[str, Any] = load_floors() if FLOORS_PATH.exists() else {
        "_comment": _COMMENT, "subsets": subset_description(), "floors": {}, "lowered": []}
    if data.get("subsets") != subset_description():
        raise SystemExit("floors.json describes other subsets than benchmarks/gate.py SUBSETS;"
                         " re-pin the floors (and say why) before changing the subsets")
    with tempfile.TemporaryDirectory(prefix="cleaner-gate-") as tmp:
        if args.cleaner_rev:
            print(f"cleaner from commit {use_cleaner_at(args.cleaner_rev, Path(tmp))}")
        start = time.perf_counter()
        measured, errors = measure(inputs=inputs)
        elapsed = time.perf_counter() - start
    print(_table(measured, data["floors"]))
    print(f"measured in {elapsed:.0f} s")
    crashed = {k: n for k, n in errors.items() if n}
    if crashed:
        print(f"cleaner raised on some pages: {crashed}", file=sys.stderr)
    if args.repin is not None:
        if set(inputs) != set(GATE_INPUTS):
            raise SystemExit("--repin measures every gate input; drop --input")
        data["floors"], lowered = repin(measured, data["floors"], args.repin)
        data.setdefault("lowered", []).extend(lowered)
        write_floors(data)
        print(f"floors re-pinned; {len(lowered)} lowered, reason recorded")
        return 0
    if args.update:
        data["floors"], changes = raise_floors(measured, data["floors"])
        write_floors(data)
        print("\n".join(changes) if changes else "no floor raised")
        return 0
    failures = check(measured, {k: {i: m for i, m in v.items() if i in inputs}
                                for k, v in data["floors"].items()})
    for failure in failures:
        print(f"BELOW FLOOR: {failure}", file=sys.stderr)
    return 1 if failures or crashed else 0


if __name__ == "__main__":
    raise SystemExit(main())
