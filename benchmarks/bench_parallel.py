"""Throughput of the parallel paths: sequential ``clean``, ``clean_many(jobs=2)``, Dask.

The same corpus documents (the original HTML and the w3m dump of each selected page, read
from their gzip files) go through:

* ``sequential``: ``clean(bytes)`` in one process, one document after the other;
* ``clean_many``: :func:`cleaner.clean_many` with ``jobs`` worker processes, handed the
  file paths (its workers read and gunzip them);
* ``dask``: a ``LocalCluster`` of ``jobs`` single-threaded worker processes; a bag of
  file paths, read on the workers, then :func:`cleaner.integrations.dask.clean_bag`.

Every path reduces each article to the SHA-256 of its ``to_dict()`` JSON (Dask on the
workers, the others in the calling process), so outputs are compared document by
document. Each configuration runs in a fresh subprocess, and the configurations are
interleaved over several rounds (order rotated each round) because the machine is shared:
speed-ups are computed within a round, then the median is taken.

Figures: documents/s; for Dask, excluding cluster start-up (reported apart, as a cluster
is started once for many jobs), for ``clean_many`` including its pool start-up (it is part
of every call). Peak memory is each worker process's high-water mark of resident memory
(``VmHWM``/``ru_maxrss``); for ``sequential`` it is the one process.

Run from the repository root::

    python -m benchmarks.bench_parallel                  # 2000 documents, 3 rounds
    python -m benchmarks.bench_parallel --limit 200 --rounds 1
    python -m benchmarks.bench_parallel --report-only    # rewrite the markdown from JSON

Writes ``benchmarks/results/parallel.json`` and ``docs/benchmarks-parallel.md``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpus import CORPORA, corpus_root

__all__ = ["CONFIGS", "main"]

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "parallel.json"
REPORT = REPO / "docs" / "benchmarks-parallel.md"

#: The configurations, in the order of the first round.
CONFIGS: tuple[str, ...] = ("sequential", "clean_many", "dask")
#: Documents per run: "a few thousand" in the issue; 1000 pages x (HTML + w3m dump) keeps
#: one sequential run near two minutes on the development machine.
DEFAULT_LIMIT = 2000
#: Rounds of all configurations; three gives a median that one disturbed run cannot move.
DEFAULT_ROUNDS = 3
#: Worker processes for both parallel paths (the machine has 2 cores).
DEFAULT_JOBS = 2
#: Documents per Dask partition: ~1-2 s of work per task, so scheduling overhead (~1 ms a
#: task) is noise, and the last tasks leave little tail when one worker runs dry.
DEFAULT_PARTITION_SIZE = 25
#: How often the memory sampler looks at the descendants of the run (seconds).
SAMPLE_INTERVAL_S = 0.2
#: The target of the issue: each parallel path at least this much faster than sequential.
TARGET_SPEEDUP = 1.7
#: A run whose workers were on a CPU less than this share of its wall time did not get its
#: cores (sequential has nothing else to wait for: the corpus files are in the page cache).
CONTENDED_BELOW = 0.9
#: Before each round, this many seconds of ``jobs`` pure busy loops measure how many cores
#: the machine gives ``jobs`` processes at that moment (others share it).
CALIBRATION_S = 3.0
#: The dumps benchmarked besides the original HTML.
DUMP = "w3m"
_KIB = 1024
_MIB = 1024 * 1024


# -- the documents ---------------------------------------------------------------------------


def select_documents(root: Path, limit: int) -> list[Path]:
    """``limit`` gzip files: HTML then w3m dump of pages taken in turn from each corpus."""
    per_corpus = [sorted((root / c / "html").glob("*.html.gz")) for c in CORPORA]
    documents: list[Path] = []
    for turn in range(max(len(pages) for pages in per_corpus)):
        for pages in per_corpus:
            if turn >= len(pages) or len(documents) >= limit:
                continue
            html = pages[turn]
            dump = html.parent.parent / "dumps" / DUMP / html.name.replace(".html.gz", ".txt.gz")
            documents.append(html)
            if dump.exists() and len(documents) < limit:
                documents.append(dump)
    return documents


def load(path: str) -> bytes:
    """The raw bytes of one stored document."""
    return gzip.decompress(Path(path).read_bytes())


def digest(record: dict[str, Any]) -> str:
    """SHA-256 of an article dict (or error record) as canonical JSON."""
    data = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


# -- memory ----------------------------------------------------------------------------------


def _vm_hwm(pid: int) -> int | None:
    """Peak resident memory of a live process in bytes (Linux ``VmHWM``), else ``None``."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * _KIB
    except (OSError, ValueError):
        return None
    return None


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def _descendants(pid: int) -> list[tuple[int, int]]:
    """``(pid, parent pid)`` of every process below ``pid`` (from ``/proc``, where it exists)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found: list[tuple[int, int]] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        for child in children.get(parent, []):
            found.append((child, parent))
            todo.append(child)
    return found


class PeakSampler:
    """Polls the peak resident memory of this process's descendants while a run goes on.

    ``peaks`` maps pid to (command line of a direct child, or ``""`` for deeper processes,
    peak bytes): helpers such as the fork server and the resource tracker are direct
    children; pool workers forked by the fork server are grandchildren.
    """

    def __init__(self) -> None:
        self.peaks: dict[int, tuple[str, int]] = {}
        self.cpu: dict[int, float] = {}  # pid -> CPU seconds at its last sample
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while True:
            me = os.getpid()
            for pid, parent in _descendants(me):
                peak = _vm_hwm(pid)
                if peak is not None:
                    role, before = self.peaks.get(pid, ("", 0))
                    if pid not in self.peaks and parent == me:
                        role = _cmdline(pid)
                    self.peaks[pid] = (role, max(peak, before))
                    self.cpu[pid] = _proc_cpu(pid) or self.cpu.get(pid, 0.0)
            if self._stop.wait(SAMPLE_INTERVAL_S):
                return


def _proc_cpu(pid: int) -> float | None:
    """User + system CPU seconds of a live process (``/proc/<pid>/stat``), else ``None``."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _self_peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _KIB


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# -- one configuration (runs in its own subprocess) ------------------------------------------


def run_sequential(paths: Sequence[Path], jobs: int, partition_size: int) -> dict[str, Any]:
    from cleaner import clean

    start, cpu = time.perf_counter(), _self_cpu()
    digests = [digest(clean(load(str(p))).to_dict()) for p in paths]
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "digests": digests, "worker_peaks": [_self_peak()],
            "worker_cpu_seconds": [_self_cpu() - cpu], "driver_cpu_seconds": 0.0}  # fmt: skip


def run_clean_many(paths: Sequence[Path], jobs: int, partition_size: int) -> dict[str, Any]:
    from cleaner import clean_many

    with PeakSampler() as sampler:
        start, driver_cpu = time.perf_counter(), _self_cpu()
        digests, first_result = [], 0.0
        for _, result in clean_many(paths, jobs=jobs):
            first_result = first_result or time.perf_counter() - start
            record = result.to_dict() if hasattr(result, "text") else {"error": str(result)}
            digests.append(digest(record))
        seconds, driver_cpu = time.perf_counter() - start, _self_cpu() - driver_cpu
    workers = [
        pid
        for pid, (role, _) in sampler.peaks.items()
        if "forkserver" not in role and "resource_tracker" not in role
    ]
    return {
        "seconds": seconds,
        "digests": digests,
        "worker_peaks": sorted(sampler.peaks[pid][1] for pid in workers),
        "worker_cpu_seconds": sorted(sampler.cpu.get(pid, 0.0) for pid in workers),
        "driver_cpu_seconds": driver_cpu,
        "first_result_seconds": first_result,
    }


def _worker_peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _KIB


def run_dask(paths: Sequence[Path], jobs: int, partition_size: int) -> dict[str, Any]:
    import dask
    import dask.bag as db
    from distributed import Client, LocalCluster

    from cleaner.integrations.dask import THROUGHPUT_CONFIG, clean_bag, prepare_workers

    start = time.perf_counter()
    with (
        dask.config.set(dict(THROUGHPUT_CONFIG)),
        LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        prepare_workers(client)
        startup = time.perf_counter() - start
        npartitions = max(1, -(-len(paths) // partition_size))
        bag = db.from_sequence([str(p) for p in paths], npartitions=npartitions)
        cpu_before = client.run(_self_cpu)
        start, driver_cpu = time.perf_counter(), _self_cpu()
        digests = clean_bag(bag.map(load)).map(digest).compute()
        seconds, driver_cpu = time.perf_counter() - start, _self_cpu() - driver_cpu
        cpu = [after - cpu_before[w] for w, after in client.run(_self_cpu).items()]
        peaks = sorted(client.run(_worker_peak).values())
    return {
        "seconds": seconds,
        "digests": digests,
        "worker_peaks": peaks,
        "worker_cpu_seconds": sorted(cpu),
        "driver_cpu_seconds": driver_cpu,
        "startup_seconds": startup,
        "npartitions": npartitions,
    }


RUNNERS = {"sequential": run_sequential, "clean_many": run_clean_many, "dask": run_dask}


def run_one(config: str, limit: int, jobs: int, partition_size: int) -> dict[str, Any]:
    paths = select_documents(corpus_root(), limit)
    load_before = os.getloadavg()[0]
    result = RUNNERS[config](paths, jobs, partition_size)
    digests: list[str] = result.pop("digests")
    return {
        "config": config,
        "documents": len(paths),
        "docs_per_s": len(paths) / result["seconds"],
        **result,
        "driver_peak": _self_peak(),
        "load_1min_before": load_before,
        "outputs_sha256": hashlib.sha256("\n".join(digests).encode()).hexdigest(),
        "digests": digests,
    }


# -- the orchestrator ------------------------------------------------------------------------


def _snapshot(into: Path, *, worktree: bool) -> dict[str, str]:
    """Put a copy of ``src/`` in ``into``; return the environment that makes runs import it.

    The copy is the committed ``src/`` of ``HEAD`` (``worktree=False``) or the working tree
    as it is. Others edit the same checkout while a benchmark runs; without a snapshot,
    rounds would time (and compare the outputs of) different code.
    """
    if worktree:
        shutil.copytree(REPO / "src", into / "src", ignore=shutil.ignore_patterns("__pycache__"))
    else:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", "HEAD", "src"], cwd=REPO, capture_output=True,
            check=True,
        ).stdout  # fmt: skip
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(into, filter="data")
    path = os.pathsep.join([str(into / "src"), str(REPO)])
    return {**os.environ, "PYTHONPATH": path}


def _code_version(worktree: bool) -> dict[str, Any]:
    """The commit benchmarked, and whether uncommitted changes to ``src/`` were included."""

    def git(*argv: str) -> str:
        done = subprocess.run(["git", *argv], cwd=REPO, capture_output=True, text=True)
        return done.stdout.strip()

    dirty = worktree and bool(git("status", "--porcelain", "--", "src"))
    return {"commit": git("rev-parse", "--short", "HEAD"), "src_uncommitted_changes": dirty}


def _subprocess(config: str, args: argparse.Namespace, env: dict[str, str]) -> dict[str, Any]:
    command = [
        sys.executable, "-m", "benchmarks.bench_parallel", "--one", config,
        "--limit", str(args.limit), "--jobs", str(args.jobs),
        "--partition-size", str(args.partition_size),
    ]  # fmt: skip
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{config} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def _spin(seconds: float) -> float:
    """Busy-loop for ``seconds`` of wall time; return the CPU seconds this process got."""
    start, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        pass
    return time.process_time() - cpu


def cores_available(processes: int, seconds: float = CALIBRATION_S) -> float:
    """How many cores ``processes`` pure busy loops get together right now (at most that)."""
    import concurrent.futures

    with concurrent.futures.ProcessPoolExecutor(processes) as pool:
        cpu = list(pool.map(_spin, [seconds] * processes))
    return sum(cpu) / seconds


def _rounds(args: argparse.Namespace, env: dict[str, str]) -> Iterator[list[dict[str, Any]]]:
    for n in range(args.rounds):
        order = CONFIGS[n % len(CONFIGS) :] + CONFIGS[: n % len(CONFIGS)]
        cores = cores_available(args.jobs)
        print(f"round {n + 1}: {args.jobs} busy loops got {cores:.2f} cores", file=sys.stderr)
        runs = []
        for config in order:
            run = _subprocess(config, args, env)
            print(
                f"round {n + 1}: {config:<10} {run['docs_per_s']:7.2f} docs/s "
                f"({run['seconds']:.1f} s, load {run['load_1min_before']:.2f})",
                file=sys.stderr,
            )
            runs.append({**run, "cores_available_before_round": cores})
        yield runs


def _workers(config: str, args: argparse.Namespace) -> int:
    return 1 if config == "sequential" else int(args.jobs)


def summarize(rounds: list[list[dict[str, Any]]], args: argparse.Namespace) -> dict[str, Any]:
    """Per-round speed-ups against ``sequential`` of the same round, and their medians."""
    reference = rounds[0][0]["digests"]
    identical = all(run["digests"] == reference for runs in rounds for run in runs)
    first_difference = None
    for runs in rounds:
        for run in runs:
            diff = [i for i, (a, b) in enumerate(zip(run["digests"], reference, strict=True))
                    if a != b]  # fmt: skip
            if diff and first_difference is None:
                first_difference = {"config": run["config"], "indices": diff[:10]}
    per_round = []
    for runs in rounds:
        by = {run["config"]: run for run in runs}
        seq = by["sequential"]["docs_per_s"]
        per_round.append({c: round(by[c]["docs_per_s"] / seq, 3) for c in CONFIGS})
    summary: dict[str, Any] = {}
    for config in CONFIGS:
        runs = [r for rs in rounds for r in rs if r["config"] == config]
        summary[config] = {
            "docs_per_s_median": round(statistics.median(r["docs_per_s"] for r in runs), 2),
            "docs_per_s_runs": [round(r["docs_per_s"], 2) for r in runs],
            "speedup_median": round(statistics.median(p[config] for p in per_round), 3),
            "speedup_runs": [p[config] for p in per_round],
            "worker_peak_mib_max": [
                round(max(r["worker_peaks"]) / _MIB, 1) if r["worker_peaks"] else None for r in runs
            ],
            "worker_peaks_mib": [[round(p / _MIB, 1) for p in r["worker_peaks"]] for r in runs],
            "driver_peak_mib": [round(r["driver_peak"] / _MIB, 1) for r in runs],
            "worker_cpu_seconds": [[round(c, 1) for c in r["worker_cpu_seconds"]] for r in runs],
            "worker_cpu_ms_per_doc": [
                round(sum(r["worker_cpu_seconds"]) / r["documents"] * 1000, 1) for r in runs
            ],
            # the calling process besides the workers (Dask: client and scheduler; clean_many:
            # the pool and the digests); 0 for sequential, whose process is the worker
            "driver_cpu_ms_per_doc": [
                round(r["driver_cpu_seconds"] / r["documents"] * 1000, 1) for r in runs
            ],
            # share of the run's wall time x worker count that the workers spent on a CPU
            "worker_busy": [
                round(sum(r["worker_cpu_seconds"]) / (r["seconds"] * _workers(config, args)), 3)
                for r in runs
            ],
            "load_1min_before": [round(r["load_1min_before"], 2) for r in runs],
            "cores_available_before_round": [
                round(r["cores_available_before_round"], 2)
                for r in runs
                if "cores_available_before_round" in r
            ],
        }
        if config == "dask":
            summary[config]["startup_seconds"] = [round(r["startup_seconds"], 2) for r in runs]
            summary[config]["npartitions"] = runs[0]["npartitions"]
        if config == "clean_many":
            summary[config]["first_result_seconds"] = [
                round(r["first_result_seconds"], 2) for r in runs
            ]
    import dask

    from cleaner.integrations.dask import THROUGHPUT_CONFIG

    return {
        "documents": rounds[0][0]["documents"],
        "document_mix": f"HTML and {DUMP} dump of each page, pages alternating between "
        + " and ".join(CORPORA),
        "jobs": args.jobs,
        "partition_size": args.partition_size,
        "rounds": len(rounds),
        "cores": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "dask": dask.__version__,
        "identical_outputs": identical,
        "first_difference": first_difference,
        "target_speedup": TARGET_SPEEDUP,
        "dask_config": dict(THROUGHPUT_CONFIG),
        "configs": summary,
    }


def report(results: dict[str, Any]) -> str:
    """The markdown section for ``docs/benchmarks.md`` (``docs/benchmarks-parallel.md``)."""
    c = results["configs"]
    rows = [
        "| path | docs/s (median) | speed-up vs sequential (median; per round) "
        "| peak RSS per worker, MiB (max over runs) | worker CPU busy (median) "
        "| CPU ms per doc, workers + driver (median) | runs: docs/s |",
        "|---|---:|---|---:|---:|---:|---|",
    ]
    names = {
        "sequential": "sequential `clean`",
        "clean_many": f"`clean_many(jobs={results['jobs']})`",
        "dask": f"Dask, {results['jobs']} workers (`clean_bag`)",
    }
    for config in CONFIGS:
        s = c[config]
        peaks = [p for p in s["worker_peak_mib_max"] if p is not None]
        rows.append(
            f"| {names[config]} | {s['docs_per_s_median']:.2f} | "
            f"{s['speedup_median']:.2f}x ({', '.join(f'{x:.2f}' for x in s['speedup_runs'])}) | "
            f"{max(peaks) if peaks else '-'} | "
            f"{statistics.median(s['worker_busy']):.0%} | "
            f"{statistics.median(s['worker_cpu_ms_per_doc']):.1f} + "
            f"{statistics.median(s['driver_cpu_ms_per_doc']):.1f} | "
            f"{', '.join(f'{x:.2f}' for x in s['docs_per_s_runs'])} |"
        )
    verdict = "identical" if results["identical_outputs"] else "DIFFERENT"
    met = all(c[k]["speedup_median"] >= results["target_speedup"] for k in ("clean_many", "dask"))
    startup = {
        config: ", ".join(f"{x:.2f}" for x in c[config].get(key, []))
        for config, key in (("dask", "startup_seconds"), ("clean_many", "first_result_seconds"))
    }
    return "\n".join([*_head(results, rows, verdict, met, startup), *_contention(results), ""])


def _cpu_per_doc(config: dict[str, Any]) -> float:
    return float(
        statistics.median(config["worker_cpu_ms_per_doc"])
        + statistics.median(config["driver_cpu_ms_per_doc"])
    )


def _contention(results: dict[str, Any]) -> list[str]:
    """The cores each path got, and the speed-up its CPU cost per document allows."""
    c = results["configs"]
    jobs = results["jobs"]
    got = {
        name: statistics.median(c[name]["worker_busy"]) * (1 if name == "sequential" else jobs)
        for name in CONFIGS
    }
    calibration = c["sequential"].get("cores_available_before_round")
    lines = (
        [
            f"- Before each round, {jobs} pure busy loops got "
            + ", ".join(f"{x:.2f}" for x in calibration)
            + f" cores (of {results['cores']}): the most any {jobs}-worker path could get then."
        ]
        if calibration
        else []
    )
    lines += [
        "- Cores each path got (worker CPU busy x workers, median): "
        + ", ".join(f"{name} {got[name]:.2f}" for name in CONFIGS)
        + f", of {results['cores']}."
    ]
    if got["sequential"] < CONTENDED_BELOW or any(
        got[name] < CONTENDED_BELOW * jobs for name in ("clean_many", "dask")
    ):
        lines.append(
            "- **Contended runs**: a path that got fewer cores than it has workers was "
            "held back by other processes on the machine or by workers waiting for work; "
            "its docs/s speed-up then says little about the code. Re-run on an idle machine "
            "to check the target."
        )
    seq = _cpu_per_doc(c["sequential"])
    bounds = ", ".join(
        f"{name} {jobs * seq / _cpu_per_doc(c[name]):.2f}x" for name in ("clean_many", "dask")
    )
    lines.append(
        f"- Upper bound from CPU cost alone ({jobs} idle cores, workers always busy, no other "
        f"cost): {jobs} x {seq:.1f} ms / (CPU ms per doc of the path) = {bounds}. An "
        "estimate, not a measurement."
    )
    return lines


def _head(
    results: dict[str, Any], rows: list[str], verdict: str, met: bool, startup: dict[str, str]
) -> list[str]:
    c = results["configs"]
    return [
        "## Parallel throughput",
        "",
        "Generated by `python -m benchmarks.bench_parallel` "
        "(raw figures: `benchmarks/results/parallel.json`).",
        "",
        f"{results['documents']} corpus documents ({results['document_mix']}), "
        f"{results['cores']} cores, Python {results['python']}, Dask {results['dask']}; "
        f"code at commit `{results['commit']}`"
        f"{' plus uncommitted changes' if results['src_uncommitted_changes'] else ''}; "
        f"{results['rounds']} rounds, the three paths interleaved in each round (order "
        "rotated), each run in a fresh process. Speed-ups are taken within a round, then the "
        "median. The machine is shared with other work: the 1-minute load before each run "
        "is in the JSON.",
        "",
        *rows,
        "",
        f"- Outputs: **{verdict}** across all paths and runs (SHA-256 of each article's "
        "`to_dict()` JSON, document by document).",
        f"- Target (both parallel paths >= {results['target_speedup']}x sequential): "
        f"**{'met' if met else 'not met'}**.",
        f"- Dask figures exclude cluster start-up ({startup['dask']} s per run: two worker "
        "processes, imports, the warm-up plugin); `clean_many` figures include its pool "
        "start-up (the fork server importing and warming the pipeline, then the workers): "
        f"its first result came {startup['clean_many'] or '-'} s after the call. Dask ran {c['dask']['npartitions']} partitions of "
        f"{results['partition_size']} documents; every path reads the gzip files itself "
        "(Dask and `clean_many` in their workers).",
        "- Peak RSS: each worker process's high-water mark (`ru_maxrss` on Dask workers, "
        "`VmHWM` sampled for `clean_many` workers); for sequential, the single process.",
        "- Worker CPU busy: CPU seconds the workers used during the run, over wall time x "
        "workers. Below 100% means workers waited: for work, for I/O, or for a core "
        "taken by other processes on the shared machine. CPU per document (the workers' "
        "CPU seconds, then the calling process's, over documents) depends much less on "
        "how busy the machine was than docs/s does: it shows what each path costs on top "
        "of cleaning.",
        f"- Dask settings: `{results.get('dask_config', {})}` (see docs/pipelines.md).",
        "",
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT)
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS)
    parser.add_argument("--jobs", type=int, default=DEFAULT_JOBS)
    parser.add_argument("--partition-size", type=int, default=DEFAULT_PARTITION_SIZE)
    parser.add_argument("--one", choices=CONFIGS, help=argparse.SUPPRESS)
    parser.add_argument("--report-only", action="store_true")
    parser.add_argument(
        "--worktree", action="store_true", help="benchmark src/ as it is, not as committed"
    )
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.limit, args.jobs, args.partition_size)))
        return
    if not args.report_only:
        if not (corpus_root() / CORPORA[0] / "gold.jsonl.gz").exists():
            raise SystemExit("development corpora not found; set $CLEANER_CORPUS")
        version = _code_version(args.worktree)
        with tempfile.TemporaryDirectory(prefix="bench-parallel-") as tmp:
            rounds = list(_rounds(args, _snapshot(Path(tmp), worktree=args.worktree)))
        results = {**version, **summarize(rounds, args)}
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(report(results), encoding="utf-8")
    print(report(results))


if __name__ == "__main__":
    main()
