"""Time and memory of ``clean()`` on each hostile document, at full size, against bounds.

Each case of :mod:`benchmarks.hostile` runs in a fresh subprocess (so peak memory is that
document's alone): the child warms the pipeline up, notes its resident memory, builds the
document, cleans it once and reports CPU and wall time, peak resident memory
(``ru_maxrss``) and whether the article met the case's expectation. A child that runs past
:data:`HARD_TIMEOUT_S` is killed and reported as a timeout.

The bounds (:data:`CPU_S_PER_MB`, :data:`MEMORY_PER_INPUT`) are what a pipeline may plan
for; a case past them, a crash, a timeout or a missed expectation makes the run exit 1.
Times are CPU seconds, which a busy machine inflates less than wall time.

Run from the repository root::

    python -m benchmarks.bench_hostile                    # every case at full size
    python -m benchmarks.bench_hostile --scale 0.1 --no-write
    python -m benchmarks.bench_hostile --case deep-nesting --case million-br

Writes the ``hostile`` section of ``benchmarks/results/hostile.json`` and the generated
table of ``docs/limits.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.hostile import CASES, Case

__all__ = ["main", "measure", "run_child", "update_results"]

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "hostile.json"
LIMITS_DOC = REPO / "docs" / "limits.md"
#: A child still running after this long is killed: the case "hangs".
HARD_TIMEOUT_S = 600.0
#: CPU seconds one document may take per MB of input (plus :data:`CPU_S_FLOOR`): twice the
#: slowest shape measured (menu-like text dumps, ~9 s/MB on the development machine).
CPU_S_PER_MB = 20.0
CPU_S_FLOOR = 5.0
#: Peak resident memory over the warmed-up baseline, per byte of input (plus
#: :data:`MEMORY_FLOOR_MB`): menu-like dumps, with one block per short line, need ~120x.
MEMORY_PER_INPUT = 200.0
MEMORY_FLOOR_MB = 150.0
_MB = 1_000_000


def measure(case: Case, scale: float, *, repeat: int = 1) -> dict[str, Any]:
    """Clean ``case`` at ``scale`` in this process (``repeat`` times, the fastest counts)."""
    from cleaner import clean

    clean("Warm up\n\n" + "A sentence that is long enough to be a paragraph. " * 4)
    clean("<html><body><p>" + "A sentence of the page, long enough to count. " * 4 + "</p>")
    base_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    document = case.make(scale)
    cpu, wall = [], []
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        article = clean(document, kind=case.kind)  # type: ignore[arg-type]
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    problems = []
    if case.expect_status is not None and article.status != case.expect_status:
        problems.append(f"status {article.status!r}, expected {case.expect_status!r}")
    if case.expect_text is not None and case.expect_text not in article.text:
        problems.append(f"body lacks {case.expect_text!r}")
    return {
        "case": case.name, "scale": scale, "input_bytes": len(document),
        "cpu_s": round(min(cpu), 3), "wall_s": round(min(wall), 3),
        "base_mb": round(base_kb / 1024, 1), "peak_mb": round(peak_kb / 1024, 1),
        "over_base_mb": round((peak_kb - base_kb) / 1024, 1),
        "status": article.status, "kind": article.kind, "encoding": article.encoding,
        "text_chars": len(article.text), "removed": len(article.removed),
        "expectation": "; ".join(problems) or "met",
    }


def run_child(name: str, scale: float, *, repeat: int = 1,
              timeout: float = HARD_TIMEOUT_S) -> dict[str, Any]:
    """:func:`measure` in a fresh interpreter; a crash or a timeout is a result too."""
    cmd = [sys.executable, "-m", "benchmarks.bench_hostile", "--child", name,
           "--scale", repr(scale), "--repeat", str(repeat)]
    try:
        done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "PYTHONPATH": str(REPO / "src")}, check=False)
    except subprocess.TimeoutExpired:
        return {"case": name, "scale": scale, "error": f"timeout after {timeout:g} s"}
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
        return {"case": name, "scale": scale, "error": f"exit {done.returncode}: {tail}"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def check_bounds(row: dict[str, Any]) -> list[str]:
    """What is wrong with one measurement (empty when it is within bounds)."""
    if "error" in row:
        return [row["error"]]
    problems = []
    mb = row["input_bytes"] / _MB
    cpu_bound = CPU_S_FLOOR + CPU_S_PER_MB * mb
    memory_bound = MEMORY_FLOOR_MB + MEMORY_PER_INPUT * mb
    if row["cpu_s"] > cpu_bound:
        problems.append(f"cpu {row['cpu_s']:.1f} s > bound {cpu_bound:.1f} s")
    if row["over_base_mb"] > memory_bound:
        problems.append(f"memory {row['over_base_mb']:.0f} MB > bound {memory_bound:.0f} MB")
    if row["expectation"] != "met":
        problems.append(row["expectation"])
    return problems


def machine() -> dict[str, Any]:
    """Where the figures were taken (a busy machine inflates wall time)."""
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2),
            "date": time.strftime("%Y-%m-%d")}


def update_results(section: str, payload: dict[str, Any]) -> None:
    """Replace one section of ``benchmarks/results/hostile.json``, keeping the others."""
    data: dict[str, Any] = {}
    if RESULTS.exists():
        data = json.loads(RESULTS.read_text(encoding="utf-8"))
    data[section] = payload
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def replace_doc_section(marker: str, body: str) -> None:
    """Put ``body`` between ``<!-- marker:begin -->`` and ``<!-- marker:end -->`` in
    ``docs/limits.md`` (the rest of the page is written by hand)."""
    begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
    text = LIMITS_DOC.read_text(encoding="utf-8")
    if begin not in text or end not in text:
        raise SystemExit(f"{LIMITS_DOC} lacks the {begin} ... {end} markers")
    head, rest = text.split(begin, 1)
    tail = rest.split(end, 1)[1]
    LIMITS_DOC.write_text(f"{head}{begin}\n{body}\n{end}{tail}", encoding="utf-8")


def table(rows: Sequence[dict[str, Any]]) -> str:
    """The markdown table of ``docs/limits.md``."""
    lines = ["| input | size | CPU s | wall s | peak RSS over baseline | status | within bounds |",
             "|---|---:|---:|---:|---:|---|---|"]
    for row in rows:
        if "error" in row:
            lines.append(f"| {row['case']} | | | | | **{row['error']}** | no |")
            continue
        problems = check_bounds(row)
        lines.append(
            f"| {row['case']} | {row['input_bytes'] / _MB:.2f} MB | {row['cpu_s']:.2f} | "
            f"{row['wall_s']:.2f} | {row['over_base_mb']:.0f} MB | {row['status']} | "
            f"{'yes' if not problems else '**no**: ' + '; '.join(problems)} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", choices=sorted(CASES),
                        help="run only this case (repeatable)")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = the issue's sizes")
    parser.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(CASES[args.child], args.scale, repeat=args.repeat)))
        return 0
    rows, failed = [], False
    for name in args.case or list(CASES):
        row = run_child(name, args.scale)
        problems = check_bounds(row)
        failed |= bool(problems)
        rows.append(row)
        shown = row.get("error") or (f"{row['input_bytes'] / _MB:7.2f} MB {row['cpu_s']:7.2f} s "
                                     f"cpu {row['over_base_mb']:6.0f} MB {row['status']}")
        print(f"{name:26s} {shown}  {'; '.join(problems) or 'ok'}", flush=True)
    if not args.no_write:
        update_results("hostile", {"machine": machine(), "scale": args.scale,
                                   "bounds": {"cpu_s_per_mb": CPU_S_PER_MB,
                                              "cpu_s_floor": CPU_S_FLOOR,
                                              "memory_per_input": MEMORY_PER_INPUT,
                                              "memory_floor_mb": MEMORY_FLOOR_MB},
                                   "rows": rows})
        if not args.case:
            replace_doc_section("hostile", table(rows))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
