"""``cleaner`` as a real process: pipes, exit codes, and ``kill -9`` followed by ``--resume``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_cli_corpus import SAMPLES, sample_text

#: The console script installed beside the interpreter running the tests.
CLEANER = str(Path(sys.executable).with_name("cleaner"))
#: Documents in the kill test: enough that a one-worker run is still busy when killed.
KILL_DOCS = 120
#: Manifest lines to wait for before killing (the run is then certainly mid-way).
KILL_AFTER = 8
#: Upper bound on waiting for the run to reach that point (a stuck run fails the test).
KILL_WAIT_S = 120.0
POLL_S = 0.05

pytestmark = pytest.mark.skipif(not os.path.exists(CLEANER), reason="console script missing")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([CLEANER, *args], input=stdin, capture_output=True, check=False,
                          timeout=KILL_WAIT_S)


def test_pipe_in_and_out_with_parseable_log() -> None:
    result = run("clean", "-", "-f", "jsonl", stdin=sample_text(1))
    assert result.returncode == 0
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["input"] == "-" and record["title"]
    log = result.stderr.decode().splitlines()
    assert log[0] == "cleaner: start total=1"
    assert log[-1].startswith("cleaner: finished done=1 failed=0")


def test_exit_codes(tmp_path: Path) -> None:
    assert run("clean", str(SAMPLES), "-o", str(tmp_path / "a"), "-q").returncode == 0
    (tmp_path / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    failed = run("clean", str(tmp_path / "x.png"), "-o", str(tmp_path / "b"))
    assert failed.returncode == 1 and b"binary" in failed.stderr
    usage = run("clean", str(tmp_path / "missing"), "-o", str(tmp_path / "c"))
    assert usage.returncode == 2 and b"does not exist" in usage.stderr


def test_kill_9_mid_run_then_resume(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for i in range(KILL_DOCS):
        (src / f"doc {i:03d}.txt").write_bytes(sample_text(i % 5))
    args = ["clean", str(src), "-o", str(out), "-j", "1", "-q"]
    proc = subprocess.Popen([CLEANER, *args], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifest = out / "manifest.jsonl"
    deadline = time.monotonic() + KILL_WAIT_S
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.exists() and manifest.read_bytes().count(b"\n") >= KILL_AFTER:
            break
        time.sleep(POLL_S)
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, at once
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"

    for path in out.rglob("*.json"):  # nothing half-written, anywhere
        assert json.loads(path.read_text(encoding="utf-8"))["status"] == "ok"
    done = [json.loads(line) for line in manifest.read_bytes().splitlines()
            if line.endswith(b"}")]
    assert len(done) >= KILL_AFTER
    stamps = {e["output"]: (out / e["output"]).stat().st_mtime_ns for e in done}

    resumed = run("clean", str(src), "-o", str(out), "-j", "1", "--resume")
    assert resumed.returncode == 0
    assert f"skipped={len(done)}".encode() in resumed.stderr
    entries = [json.loads(line) for line in manifest.read_text().splitlines()]
    assert sorted(e["input"] for e in entries) == sorted(str(p) for p in src.iterdir())
    outputs = sorted(p.name for p in out.rglob("*.json"))
    assert outputs == sorted(f"{p.name}.json" for p in src.iterdir())
    for path in out.rglob("*.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["status"] == "ok"
    for name, stamp in stamps.items():  # finished work was not redone
        assert (out / name).stat().st_mtime_ns == stamp
    assert not (out / ".cleaner-tmp").exists()


def test_kill_9_mid_run_then_resume_jsonl(tmp_path: Path) -> None:
    src, target = tmp_path / "in", tmp_path / "all.jsonl"
    src.mkdir()
    for i in range(KILL_DOCS):
        (src / f"doc {i:03d}.txt").write_bytes(sample_text(i % 5))
    args = ["clean", str(src), "-f", "jsonl", "-o", str(target), "-j", "1", "-q"]
    proc = subprocess.Popen([CLEANER, *args], start_new_session=True)
    deadline = time.monotonic() + KILL_WAIT_S
    while time.monotonic() < deadline and proc.poll() is None:
        if target.exists() and target.read_bytes().count(b"\n") >= KILL_AFTER:
            break
        time.sleep(POLL_S)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    before = target.read_bytes()
    assert before.endswith(b"\n")  # whole lines only
    lines_before = [json.loads(line) for line in before.splitlines()]

    assert run(*args, "--resume").returncode == 0
    after = target.read_bytes()
    assert after.startswith(before)  # what was there is kept, not redone
    records = [json.loads(line) for line in after.splitlines()]
    assert sorted(r["input"] for r in records) == sorted(str(p) for p in src.iterdir())
    assert len(records) == KILL_DOCS > len(lines_before)
