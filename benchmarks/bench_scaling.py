"""Does the work of ``clean()`` grow linearly with input size? 1x, 4x and 16x of each shape.

Each shape is a hostile case of :mod:`benchmarks.hostile` at a base scale; it is cleaned at
1x, 4x and 16x that scale, each in a fresh subprocess (the small sizes several times, the
fastest counting). Linear work gives CPU-time ratios of about 4 and 16; a ratio past
:data:`SUPERLINEAR_FACTOR` times that is reported as superlinear and makes the run exit 1.

Run from the repository root::

    python -m benchmarks.bench_scaling                 # every shape
    python -m benchmarks.bench_scaling --shape deep-nesting --no-write

Writes the ``scaling`` section of ``benchmarks/results/hostile.json`` and the generated
table of ``docs/limits.md``.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from benchmarks.bench_hostile import machine, replace_doc_section, run_child, update_results

__all__ = ["FACTORS", "SHAPES", "main"]

#: Input multiples measured.
FACTORS = (1, 4, 16)
#: Runs per size (the fastest counts): small inputs are noisy on a shared machine.
REPEATS = {1: 5, 4: 3, 16: 1}
#: A ratio above this many times the size ratio counts as superlinear (noise on a busy
#: 2-core machine reaches ~1.5x; a quadratic path gives 4x at 4x and 16x at 16x).
SUPERLINEAR_FACTOR = 2.0
#: (case, scale of 1x): 16x stays under ~10 MB so the run takes minutes, not hours.
SHAPES: tuple[tuple[str, float], ...] = (
    ("big-page", 1 / 64),             # article HTML, 0.31 MB -> 5 MB
    ("big-dump", 1 / 64),             # article text dump, 0.31 MB -> 5 MB
    ("menu-lines-text", 1 / 64),      # 3,125 menu lines -> 50,000
    ("menu-items-html", 1 / 64),      # 3,125 menu links -> 50,000
    ("million-br", 1 / 64),           # 15,625 <br> -> 250,000
    ("deep-nesting", 1 / 64),         # 1,562 nested <div> -> 25,000
    ("deep-inline", 1 / 64),          # 1,562 nested <span> + <p> -> 25,000
    ("deep-blocks", 1 / 64),          # 1,562 nested <div> + <p> -> 25,000
    ("long-line-text", 1 / 64),       # one 0.15 MB line -> 2.5 MB
    ("long-line-html", 1 / 64),
    ("mojibake-long-line", 1 / 64),
    ("random-binary", 1 / 64),        # 31 KB -> 0.5 MB
    ("control-chars", 1 / 16),
    ("tag-soup", 1 / 16),
    ("big-script-style", 1 / 16),
)


def measure_shape(name: str, base: float) -> dict[str, Any]:
    """The three sizes of one shape and their CPU-time ratios to 1x."""
    runs = {factor: run_child(name, base * factor, repeat=REPEATS[factor])
            for factor in FACTORS}
    errors = {f: r["error"] for f, r in runs.items() if "error" in r}
    row: dict[str, Any] = {"shape": name, "base_scale": base, "runs": list(runs.values())}
    if errors:
        row["error"] = "; ".join(f"{f}x: {e}" for f, e in errors.items())
        return row
    cpu = {f: max(r["cpu_s"], 1e-3) for f, r in runs.items()}
    size = {f: r["input_bytes"] for f, r in runs.items()}
    row["ratios"] = {f"{f}x": round(cpu[f] / cpu[1], 2) for f in FACTORS[1:]}
    row["size_ratios"] = {f"{f}x": round(size[f] / max(size[1], 1), 2) for f in FACTORS[1:]}
    row["superlinear"] = [
        f"{f}x" for f in FACTORS[1:] if cpu[f] / cpu[1] > SUPERLINEAR_FACTOR * size[f] / size[1]
    ]
    return row


def table(rows: Sequence[dict[str, Any]]) -> str:
    """The markdown table of ``docs/limits.md``."""
    lines = ["| shape | 1x size | 1x CPU s | 4x CPU s | 16x CPU s | 4x/1x | 16x/1x | linear |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for row in rows:
        if "error" in row:
            lines.append(f"| {row['shape']} | | | | | | | **{row['error']}** |")
            continue
        one, four, sixteen = row["runs"]
        linear = "**no** (" + ", ".join(row["superlinear"]) + ")" if row["superlinear"] else "yes"
        lines.append(
            f"| {row['shape']} | {one['input_bytes'] / 1e6:.2f} MB | {one['cpu_s']:.2f} | "
            f"{four['cpu_s']:.2f} | {sixteen['cpu_s']:.2f} | {row['ratios']['4x']:.1f} | "
            f"{row['ratios']['16x']:.1f} | {linear} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    names = [name for name, _ in SHAPES]
    parser.add_argument("--shape", action="append", choices=names,
                        help="measure only this shape (repeatable)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    rows, failed = [], False
    for name, base in SHAPES:
        if args.shape and name not in args.shape:
            continue
        row = measure_shape(name, base)
        rows.append(row)
        failed |= "error" in row or bool(row["superlinear"])
        if "error" in row:
            print(f"{name:22s} {row['error']}", flush=True)
        else:
            cpus = " ".join(f"{r['cpu_s']:7.2f}" for r in row["runs"])
            print(f"{name:22s} cpu {cpus}  ratios {row['ratios']}  "
                  f"{'SUPERLINEAR ' + str(row['superlinear']) if row['superlinear'] else 'linear'}",
                  flush=True)
    if not args.no_write:
        update_results("scaling", {"machine": machine(), "factors": list(FACTORS),
                                   "superlinear_factor": SUPERLINEAR_FACTOR, "rows": rows})
        if not args.shape:
            replace_doc_section("scaling", table(rows))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
