"""``cleaner clean`` and ``cleaner explain`` through click's test runner."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.cli import main
from cleaner.cli.params import options_from
from tests.test_cli_corpus import SAMPLES, article_html, make_mixed, sample_text

JOBS = ["-j", "2"]


def invoke(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def outputs(out: Path, suffix: str = ".json") -> dict[str, Path]:
    """{name relative to OUT without the suffix: path} of every output file."""
    return {str(p.relative_to(out))[: -len(suffix)]: p
            for p in out.rglob(f"*{suffix}") if p.name != "manifest.jsonl"}


def manifest(out: Path, name: str = "manifest.jsonl") -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / name).read_text().splitlines()]


@pytest.fixture
def mixed(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "in put"
    root.mkdir()
    return root, make_mixed(root)


# clean: formats ---------------------------------------------------------------------------


def test_mixed_folder_gives_one_json_per_document(mixed: tuple[Path, dict[str, str]],
                                                  tmp_path: Path) -> None:
    root, expected = mixed
    out = tmp_path / "out"
    result = invoke("clean", str(root), "-o", str(out), *JOBS)
    assert result.exit_code == 1  # the PNG and the broken JSON line fail
    files = outputs(out)
    warc = sorted(n for n in files if n.startswith("crawl.warc.gz/"))
    assert len(warc) == 2
    assert set(files) == {n for n in expected if "*" not in n} | set(warc)
    for name, path in files.items():
        record = json.loads(path.read_text(encoding="utf-8"))
        assert record["status"] == expected.get(name, expected["crawl.warc.gz/*"]), name
        assert record["input"].startswith(str(root))
    first = json.loads(files[warc[0]].read_text())
    assert first["record"].startswith("<urn:uuid:") and first["url"].startswith("https://")
    latin = json.loads(files["html/latin1.htm"].read_text())
    assert latin["title"] == "Prüfung bestanden" and "Köln" in latin["text"]
    entries = manifest(out)
    assert len(entries) == len(files)
    assert {e["status"] for e in entries} == {"ok", "empty", "error"}
    failed = [e for e in entries if e["status"] == "error"]
    assert {e["reason"].split(":")[0] for e in failed} == {"binary", "unreadable"}
    assert "failed" in result.stderr and "image.png" in result.stderr
    assert not (out / ".cleaner-tmp").exists()


def test_txt_and_md_formats(tmp_path: Path) -> None:
    for fmt in ("txt", "md"):
        out = tmp_path / fmt
        assert invoke("clean", str(SAMPLES), "-o", str(out), "-f", fmt, "-q").exit_code == 0
        files = outputs(out, "." + fmt)
        assert len(files) == len(list(SAMPLES.glob("*.txt")))
        text = files[sorted(files)[0]].read_text()
        if fmt == "md":
            assert text.startswith("---\ninput: ") and "\n# " in text
        else:
            assert not text.startswith("---") and len(text) > 200


def test_jsonl_to_a_file_and_to_stdout(tmp_path: Path) -> None:
    target = tmp_path / "articles.jsonl"
    assert invoke("clean", str(SAMPLES), "-f", "jsonl", "-o", str(target), *JOBS).exit_code == 0
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert [Path(r["input"]).name for r in lines] == sorted(p.name for p in SAMPLES.glob("*.txt"))
    assert len(manifest(tmp_path, "articles.manifest.jsonl")) == len(lines)
    result = invoke("clean", str(SAMPLES), "-f", "jsonl", "-q", *JOBS)
    assert [json.loads(line) for line in result.stdout.splitlines()] == lines


def test_stdin_to_stdout_and_to_a_folder(tmp_path: Path) -> None:
    result = invoke("clean", "-", "-f", "jsonl", "-q", stdin=sample_text(1))
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["input"] == "-" and record["status"] == "ok" and record["title"]
    assert invoke("clean", "-", "-o", str(tmp_path), "-q", stdin=sample_text(1)).exit_code == 0
    assert json.loads((tmp_path / "stdin.json").read_text())["title"] == record["title"]


def test_jsonl_stdin_with_a_field(tmp_path: Path) -> None:
    lines = b"".join(json.dumps({"raw": article_html(f"Story {i}").decode(), "id": i}).encode()
                     + b"\n" for i in range(3))
    result = invoke("clean", "-", "--stdin-format", "jsonl", "--field", "raw", "-f", "jsonl",
                    "-q", stdin=lines)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["title"]) for r in records] == [(str(i), f"Story {i}") for i in range(3)]


def test_cleaning_options_reach_the_pipeline(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(article_html())
    result = invoke("clean", str(page), "-f", "jsonl", "-q", "--kind", "text",
                    "--url", "https://example.test/p", "--now", "2025-11-05T12:00")
    record = json.loads(result.stdout)
    assert record["kind"] == "text" and record["url"] == "https://example.test/p"
    options = options_from({"keep_captions": True, "dedupe": False, "max_input_bytes": 10})
    assert (options.keep_captions, options.dedupe, options.max_input_bytes) == (True, False, 10)


# clean: exit status and usage errors ------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["clean", "no/such/folder", "-o", "out"],
    ["clean", "samples/*.none", "-o", "out"],
    ["clean", "samples"],  # json needs -o
    ["clean", "samples", "-o", "-"],
    ["clean", "samples", "-o", "out", "--now", "yesterday"],
    ["clean", "samples", "-o", "out", "--max-memory", "lots"],
    ["clean", "samples", "-o", "out", "-f", "pdf"],
    ["clean", "-", "-f", "jsonl", "--resume"],
])
def test_usage_errors_exit_2(args: list[str], monkeypatch: pytest.MonkeyPatch,
                             tmp_path: Path) -> None:
    monkeypatch.chdir(SAMPLES.parent)
    result = CliRunner().invoke(main, [a.replace("out", str(tmp_path / "o")) for a in args])
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "o").exists()


def test_output_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    assert invoke("clean", str(SAMPLES), "-o", str(tmp_path / "f")).exit_code == 2


# clean: outputs never leave OUT -----------------------------------------------------------


def test_a_symlink_inside_out_cannot_lead_outside(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "html").mkdir(parents=True)
    (src / "html" / "a.html").write_bytes(article_html())
    (src / "b.txt").write_bytes(sample_text(0))
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    os.symlink(outside, out / "html")
    result = invoke("clean", str(src), "-o", str(out), "-q")
    assert result.exit_code == 1
    assert list(outside.iterdir()) == []
    entries = {Path(e["input"]).name: e for e in manifest(out)}
    assert entries["a.html"]["reason"].startswith("unwritable")
    assert entries["b.txt"]["status"] == "ok"


def test_hostile_record_ids_and_paths_stay_inside(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    for record_id in ("<../../../escape>", "</abs/path>"):
        record = writer.create_warc_record("https://x.test/", "response",
                                           payload=io.BytesIO(article_html()),
                                           http_headers=headers)
        record.rec_headers.replace_header("WARC-Record-ID", record_id)
        writer.write_record(record)
    work = tmp_path / "deep" / "er"
    work.mkdir(parents=True)
    (tmp_path / "deep" / "up.warc.gz").write_bytes(buffer.getvalue())
    (tmp_path / "abs.txt").write_bytes(sample_text(0))
    monkeypatch.chdir(work)
    out = work / "out"
    result = invoke("clean", "../up.warc.gz", str(tmp_path / "abs.txt"), "-o", "out", "-q")
    assert result.exit_code == 0
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert len(written) == 3 and "abs.txt.json" in written
    assert all(p.startswith("up.warc.gz/") for p in written if p != "abs.txt.json")
    assert all(part not in ("..", ".") for p in written for part in p.split("/"))
    assert set(os.listdir(tmp_path)) == {"deep", "abs.txt"}
    assert set(os.listdir(tmp_path / "deep")) == {"er", "up.warc.gz"}


# clean: resume ----------------------------------------------------------------------------


def test_resume_redoes_only_what_is_missing(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(8):
        (src / f"{i}.txt").write_bytes(sample_text(i % 5))
    (src / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (src / "z.txt.gz").write_bytes(gzip.compress(sample_text(0)))  # sizes differ: gz vs text
    out = tmp_path / "out"
    assert invoke("clean", str(src), "-o", str(out), "-q", *JOBS).exit_code == 1
    lines = (out / "manifest.jsonl").read_text().splitlines(keepends=True)
    dropped = [json.loads(line)["input"] for line in lines[-2:]]
    (out / "manifest.jsonl").write_text("".join(lines[:-2]) + lines[-2][:20])  # killed mid-line
    first = json.loads(lines[0])
    (out / first["output"]).unlink()  # an output lost after its manifest line
    (src / "7.txt").write_bytes(sample_text(4) + b"\n\nAn extra paragraph.")  # changed input
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    result = invoke("clean", str(src), "-o", str(out), "--resume", *JOBS)
    redone = {str(p) for p in out.rglob("*.json") if before.get(p) != p.stat().st_mtime_ns}
    expected = {str(out / Path(i).name) + ".json" for i in dropped}
    expected |= {str(out / first["output"]), str(out / "7.txt.json")}
    assert redone == expected
    entries = manifest(out)
    keys = [(e["input"], e["record"]) for e in entries]
    assert sorted(set(keys)) == sorted({(str(p), None) for p in src.iterdir()})
    assert "skipped=" in result.stderr
    failed_before = [e for e in entries if e["status"] == "error"]
    assert len(failed_before) == 1
    retry = invoke("clean", str(src), "-o", str(out), "--resume", "--retry-failed", "-q")
    assert retry.exit_code == 1 and "bad.png" in retry.stderr
    assert invoke("clean", str(src), "-o", str(out), "--resume", "-q").exit_code == 1
    (src / "bad.png").unlink()
    assert invoke("clean", str(src), "-o", str(out), "--resume", "-q").exit_code == 0


def test_jsonl_resume_trusts_complete_output_lines(tmp_path: Path) -> None:
    target = tmp_path / "a.jsonl"
    args = ("clean", str(SAMPLES), "-f", "jsonl", "-o", str(target), "-q")
    assert invoke(*args).exit_code == 0
    lines = target.read_text().splitlines(keepends=True)
    target.write_text("".join(lines[:3]) + lines[3][:50])  # killed while writing line 4
    side = tmp_path / "a.manifest.jsonl"
    side.write_text("".join(side.read_text().splitlines(keepends=True)[:2]))  # lagging
    assert invoke(*args, "--resume").exit_code == 0
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert sorted(r["input"] for r in records) == sorted(str(p) for p in SAMPLES.glob("*.txt"))
    assert len(manifest(tmp_path, "a.manifest.jsonl")) == len(records)


def test_jsonl_resume_and_retry_keep_one_line_per_input(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt.gz").write_bytes(gzip.compress(sample_text(0)))
    (src / "b.txt").write_bytes(sample_text(1))
    (src / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    target = tmp_path / "o.jsonl"
    args = ("clean", str(src), "-f", "jsonl", "-o", str(target), "-q")
    assert invoke(*args).exit_code == 1
    first = target.read_text()
    again = invoke(*args, "--resume")  # nothing left to do; the failure is still reported
    assert again.exit_code == 1 and "1 inputs failed in an earlier run" in again.stderr
    assert target.read_text() == first
    assert invoke(*args, "--resume", "--retry-failed").exit_code == 1
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert sorted(Path(r["input"]).name for r in records) == ["a.txt.gz", "b.txt", "c.png"]
    assert records[-1]["status"] == "error"
    assert len(manifest(tmp_path, "o.manifest.jsonl")) == 4  # + the retried failure


def test_a_fresh_run_starts_a_fresh_manifest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for _ in range(2):
        assert invoke("clean", str(SAMPLES), "-o", str(out), "-q").exit_code == 0
    assert len(manifest(out)) == len(list(SAMPLES.glob("*.txt")))


# progress and logging ---------------------------------------------------------------------


def test_log_lines_when_not_on_a_terminal_and_quiet(tmp_path: Path) -> None:
    result = invoke("clean", str(SAMPLES), "-o", str(tmp_path / "a"))
    assert "cleaner: start total=5" in result.stderr
    assert "cleaner: finished done=5 failed=0" in result.stderr
    assert invoke("clean", str(SAMPLES), "-o", str(tmp_path / "b"), "-q").stderr == ""


def test_a_tiny_memory_cap_fails_documents_not_the_run(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["clean", str(SAMPLES), "-o", str(tmp_path), "-j", "1",
                                       "--max-memory", "20M"])
    assert result.exit_code == 1 and "memory" in result.output


def test_forced_progress_bar_and_long_failure_lists(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(25):
        (src / f"{i:02d}.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = invoke("clean", str(src), "-o", str(tmp_path / "out"), "--progress", "-j", "1")
    assert result.exit_code == 1
    assert "cleaning" in result.stderr and "25/25" in result.stderr
    assert result.stderr.count("cleaner: failed ") == 20
    assert "and 5 more failures (all listed in" in result.stderr


def test_gzip_and_in_process_jobs(tmp_path: Path) -> None:
    page = tmp_path / "p.html.gz"
    page.write_bytes(gzip.compress(article_html("Zipped")))
    result = invoke("clean", str(page), "-f", "jsonl", "-j", "0", "-q")
    assert json.loads(result.stdout)["title"] == "Zipped"


# explain ----------------------------------------------------------------------------------


def test_explain_marks_kept_and_removed_blocks() -> None:
    result = invoke("explain", str(sorted(SAMPLES.glob("*.txt"))[1]))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("+ ") for line in lines)
    assert any(line.startswith("- [metadata/metadata.") for line in lines)
    assert lines[-1].startswith("status=ok kind=text")


def test_explain_json_is_the_audit_trail(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(article_html())
    data = json.loads(invoke("explain", "--json", str(page)).stdout)
    assert data["kind"] == "html" and data["status"] == "ok"
    removed = [b for b in data["blocks"] if not b["kept"]]
    assert any("Home" in b["text"] for b in removed)  # the menu, however it is segmented
    assert all(b["rule"] and b["layer"] for b in removed)
    assert all(b["index"] is not None for b in data["blocks"])


def test_explain_reads_stdin_and_reports_missing_files() -> None:
    assert "+ " in invoke("explain", "-", stdin=sample_text(0)).stdout
    result = CliRunner().invoke(main, ["explain", "no/such/file"])
    assert result.exit_code == 1 and "cannot read" in result.output
