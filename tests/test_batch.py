"""The worker pool and ``clean_many``: order, error isolation, timeouts, memory, streaming."""

from __future__ import annotations

import gc
import gzip
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner import Article, DocumentError, InvalidInputError, Options, clean, clean_many
from cleaner.batch.pool import READ_AHEAD_PER_JOB, PoolConfig, run_pool
from cleaner.batch.stream import Source
from cleaner.inputs import Document
from tests.test_cli_corpus import sample_text

#: Long enough that a test can never finish it by accident; the pool kills it long before.
HANG_S = 120.0
#: Far more than any worker may allocate under the tests' memory cap.
HUGE_BYTES = 8 * 1024**3
#: The memory cap in these tests (well above an idle worker's ~60 MB).
CAP_BYTES = 1024**3


def work(task: object) -> object:
    """A task function for the pool tests (module level: workers import it by name)."""
    if task == "hang":
        time.sleep(HANG_S)
    if task == "boom":
        raise ValueError("boom")
    if task == "hog":
        return len(bytearray(HUGE_BYTES))
    if task == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    if task == "pid":
        return os.getpid()
    if task == "frozen":
        return gc.get_freeze_count()
    return task


def results(tasks: list[object], **config: object) -> list[tuple[object, object]]:
    cfg = PoolConfig(**{"jobs": 2, **config})  # type: ignore[arg-type]
    return list(run_pool(tasks, work, label=str, config=cfg))


def test_ordered_results_follow_input_order() -> None:
    tasks: list[object] = list(range(40))
    assert [t for t, _ in results(tasks)] == tasks
    assert [r for _, r in results(tasks)] == tasks


def test_unordered_results_cover_every_input_once() -> None:
    tasks: list[object] = list(range(40))
    got = results(tasks, ordered=False)
    assert sorted(t for t, _ in got) == tasks  # type: ignore[type-var]


def test_an_exception_is_an_error_record_and_the_stream_goes_on() -> None:
    got = dict(results([1, "boom", 2]))
    assert got[1] == 1 and got[2] == 2
    err = got["boom"]
    assert isinstance(err, DocumentError)
    assert (err.input, err.kind, err.message) == ("boom", "error", "ValueError: boom")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_hanging_task_is_killed_and_replaced(jobs: int) -> None:
    # with one worker, 2 and 3 wait in the killed worker's queue: they must be handed on
    got = dict(results([1, "hang", 2, 3], timeout=1.0, jobs=jobs))
    err = got["hang"]
    assert isinstance(err, DocumentError) and err.kind == "timeout"
    assert [got[1], got[2], got[3]] == [1, 2, 3]


def test_a_memory_hog_gets_a_memory_error() -> None:
    got = dict(results(["hog", 1, 2], max_memory=CAP_BYTES, jobs=1))
    err = got["hog"]
    assert isinstance(err, DocumentError) and err.kind == "memory"
    assert (got[1], got[2]) == (1, 2)


def test_big_tasks_pass_through_the_pipes() -> None:
    big = "x" * 1_000_000  # far past a pipe buffer: only ever sent to an idle worker
    got = results([big, 1, big + "y", 2])
    assert [len(r) if isinstance(r, str) else r for _, r in got] == [1_000_000, 1, 1_000_001, 2]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crashing_worker_costs_only_its_task(jobs: int) -> None:
    got = dict(results([1, "die", 2, 3], jobs=jobs))
    err = got["die"]
    assert isinstance(err, DocumentError) and err.kind == "crashed"
    assert "SIGKILL" in err.message
    assert (got[1], got[2], got[3]) == (1, 2, 3)


def test_inline_mode_runs_in_this_process() -> None:
    got = results(["pid", "boom"], jobs=0)
    assert got[0][1] == os.getpid()
    assert isinstance(got[1][1], DocumentError)


def test_workers_start_warm_with_the_inherited_heap_frozen() -> None:
    # the fork server cleaned two documents, then froze what it holds: the workers'
    # collections never walk those objects (nor copy their pages)
    [(_, frozen)] = results(["frozen"], jobs=1)
    assert isinstance(frozen, int) and frozen > 0


def test_closing_the_stream_early_stops_the_workers() -> None:
    stream = run_pool(["pid"] * 20, work, label=str, config=PoolConfig(jobs=2))
    pids = {next(stream)[1], next(stream)[1]}
    stream.close()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # type: ignore[arg-type]


@pytest.mark.parametrize("ordered", [True, False])
def test_a_long_generator_is_not_read_ahead_without_limit(ordered: bool) -> None:
    jobs = 2
    pulled = 0

    def tasks() -> Iterator[object]:
        nonlocal pulled
        for i in range(300):
            pulled += 1
            yield i

    bound = jobs * READ_AHEAD_PER_JOB + jobs
    config = PoolConfig(jobs=jobs, ordered=ordered)
    for n, _ in enumerate(run_pool(tasks(), work, label=str, config=config), start=1):
        assert pulled - n <= bound
    assert pulled == 300


def test_config_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="jobs"):
        PoolConfig(jobs=-1)
    with pytest.raises(ValueError, match="timeout"):
        PoolConfig(jobs=1, timeout=0)


# clean_many -------------------------------------------------------------------------------


def test_clean_many_matches_clean_for_every_kind_of_source(tmp_path: Path) -> None:
    text = sample_text(0)
    gz = tmp_path / "a.txt.gz"
    gz.write_bytes(gzip.compress(text))
    doc = Document(input="mem", data=text, url="https://example.test/x")
    sources: list[Source] = [text.decode(), text, gz, doc]
    got = list(clean_many(sources, jobs=2))
    assert [s for s, _ in got] == sources
    expected = clean(text)
    for _, article in got:
        assert isinstance(article, Article)
        assert article.text == expected.text and article.title == expected.title
    assert got[1][1] == expected
    assert got[3][1].url == "https://example.test/x"  # type: ignore[union-attr]


def test_clean_many_isolates_bad_documents(tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    png = tmp_path / "x.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    sources: list[Source] = [sample_text(1), missing, png, sample_text(2)]
    got = list(clean_many(sources, jobs=2))
    kinds = [r.kind if isinstance(r, DocumentError) else r.status for _, r in got]
    assert kinds == ["ok", "unreadable", "binary", "ok"]
    err = got[1][1]
    assert isinstance(err, DocumentError) and err.input == str(missing)


def test_clean_many_passes_options_and_labels_raw_pages_by_position() -> None:
    got = list(clean_many([b"\x89PNG\r\n\x1a\n"], jobs=0, options=Options(kind="text")))
    err = got[0][1]
    assert isinstance(err, DocumentError) and err.input == "#0"


def test_clean_many_refuses_a_single_page() -> None:
    with pytest.raises(InvalidInputError, match="iterable"):
        next(clean_many("<p>one page</p>"))


def test_clean_many_articles_keep_read_only_provenance() -> None:
    ((_, article),) = list(clean_many([sample_text(0)], jobs=1))
    assert isinstance(article, Article)
    with pytest.raises(TypeError):
        article.provenance["title"] = "x"  # type: ignore[index]
