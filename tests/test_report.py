"""The HTML audit report: reading a run, documents in order, summary, safety, the CLI."""

from __future__ import annotations

import html.parser
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from cleaner.cli import main
from cleaner.report import build_report, default_target, write_report
from cleaner.report.assets import SCRIPT, script_hash
from cleaner.report.model import Inputs, document_view, summarise
from cleaner.report.records import load_records
from tests.test_cli_corpus import SAMPLES, article_html, make_mixed

#: A page whose text, file name and removed blocks try to inject markup and scripts.
HOSTILE_NAME = "<b onmouseover=alert(1)>x\".html"
HOSTILE_HTML = article_html(
    title="&lt;/title&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;",
    body="&lt;script&gt;window.pwned=2&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;",
).replace(b"<nav>", b"<nav><a href='/x'>&lt;/li&gt;&lt;script&gt;window.pwned=3&lt;/script&gt;</a>")


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


class Tags(html.parser.HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(page)
    return parser.tags


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A ``cleaner clean`` run over the mixed folder (HTML, dumps, gzip, WARC, JSONL, a
    binary file, an empty file) plus a hostile page: (output folder, expected statuses)."""
    root = tmp_path_factory.mktemp("inputs")
    expected = make_mixed(root)
    (root / HOSTILE_NAME).write_bytes(HOSTILE_HTML)
    out = tmp_path_factory.mktemp("run") / "out"
    result = invoke("clean", str(root), "-o", str(out), "-j", "0", "-q")
    assert result.exit_code == 1, result.output  # image.png and a bad JSONL line fail
    return out, expected


@pytest.fixture(scope="module")
def page(run: tuple[Path, dict[str, str]]) -> str:
    return build_report(run[0])


def test_the_report_package_imports_first_in_a_fresh_interpreter() -> None:
    for module in ("cleaner.report", "cleaner.cli", "cleaner.cli.report_cmd"):
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)


# reading a run ----------------------------------------------------------------------------


def test_every_input_of_the_run_is_in_the_report(run: tuple[Path, dict[str, str]]) -> None:
    out, expected = run
    records = load_records(out)
    assert len(records) == len(expected) + 2  # the WARC holds two pages; plus the hostile one
    statuses = sorted(r["status"] for r in records)
    assert statuses.count("error") == 2 and statuses.count("empty") == 1


def test_documents_are_shown_in_order_when_the_inputs_are_there(
        run: tuple[Path, dict[str, str]]) -> None:
    out, _ = run
    records = load_records(out)
    inputs = Inputs(".", records)
    for rec in records:
        doc = document_view(rec, inputs=inputs)
        if rec["status"] == "error":
            assert doc.error and not doc.blocks
            continue
        assert doc.ordered, doc.name  # files, gzip, WARC and JSONL records alike
        kept = [b for b in doc.blocks if b.kept]
        removed = [(b.rule, b.text, b.where) for b in doc.blocks if not b.kept]
        assert len(kept) == len(rec["paragraphs"])
        assert removed == [(r["rule"], r["text"], r["where"]) for r in rec["removed"]]


def test_a_dump_interleaves_kept_and_removed_blocks(tmp_path: Path) -> None:
    out = tmp_path / "out"
    invoke("clean", str(SAMPLES / "000_ce51e559fc37b17e.txt"), "-o", str(out), "-j", "0", "-q")
    [rec] = load_records(out)
    doc = document_view(rec, inputs=Inputs(".", [rec]))
    fates = [b.kept for b in doc.blocks]
    first_kept, last_kept = fates.index(True), len(fates) - 1 - fates[::-1].index(True)
    assert not fates[0] and not fates[-1] and first_kept < last_kept  # removed on both sides
    lines = [int(m.group(1)) for b in doc.blocks if b.where
             for m in [re.match(r"lines? (\d+)", b.where)] if m]
    assert lines == sorted(lines)


def test_a_missing_or_changed_input_falls_back_to_the_record(tmp_path: Path) -> None:
    src = tmp_path / "page.txt"
    shutil.copy(SAMPLES / "001_a33b9f0618d04e9d.txt", src)
    out = tmp_path / "out"
    invoke("clean", str(src), "-o", str(out), "-j", "0", "-q")
    [rec] = load_records(out)
    assert document_view(rec, inputs=Inputs(".", [rec])).ordered
    src.write_text(src.read_text(encoding="utf-8") + "\nedited\n", encoding="utf-8")
    changed = document_view(rec, inputs=Inputs(".", [rec]))
    src.unlink()
    gone = document_view(rec, inputs=Inputs(".", [rec]))
    unread = document_view(rec, inputs=None)
    for doc in (changed, gone, unread):
        assert not doc.ordered and doc.note
        assert [b.text for b in doc.blocks if b.kept] == rec["paragraphs"]
        assert [b.text for b in doc.blocks if not b.kept] == [r["text"] for r in rec["removed"]]
    assert "changed" in str(changed.note) and "not re-read" in str(unread.note)


def test_relative_inputs_are_found_from_base(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(SAMPLES / "002_357692344d7844ae.txt", tmp_path / "in" / "a.txt")
    monkeypatch.chdir(tmp_path)
    invoke("clean", "in", "-o", "out", "-j", "0", "-q")
    monkeypatch.chdir(tmp_path / "in")
    [rec] = load_records(tmp_path / "out")
    assert not document_view(rec, inputs=Inputs(".", [rec])).ordered
    assert document_view(rec, inputs=Inputs(tmp_path, [rec])).ordered


def test_manifest_outputs_cannot_point_outside_the_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps({"input": "stolen", "status": "ok", "paragraphs": ["x"]}))
    out = tmp_path / "out"
    out.mkdir()
    lines = [{"input": "a", "record": None, "output": "../secret.json", "status": "ok"},
             {"input": "b", "record": None, "output": str(secret), "status": "ok"},
             {"input": "c", "record": None, "output": None, "status": "error",
              "reason": "timeout: no result after 60 s"}]
    (out / "manifest.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines) + "{cut")
    records = load_records(out)
    assert [r["input"] for r in records] == ["a", "b", "c"]
    assert all("paragraphs" not in r for r in records)
    docs = [document_view(r, inputs=None) for r in records]
    assert docs[2].error == "timeout: no result after 60 s"
    assert summarise(docs).failures == (("c", "timeout: no result after 60 s"),)


def test_a_jsonl_output_is_reported_like_a_folder(run: tuple[Path, dict[str, str]],
                                                  tmp_path: Path) -> None:
    root = Path(load_records(run[0])[0]["input"]).parent
    target = tmp_path / "all.jsonl"
    invoke("clean", str(root), "-f", "jsonl", "-o", str(target), "-j", "0", "-q")
    folder = {(r["input"], r.get("record")): r["status"] for r in load_records(run[0])}
    jsonl = {(r["input"], r.get("record")): r["status"] for r in load_records(target)}
    assert jsonl == folder
    assert default_target(target) == tmp_path / "all.report.html"


# the summary ------------------------------------------------------------------------------


def test_summary_adds_up_to_the_records(run: tuple[Path, dict[str, str]]) -> None:
    records = load_records(run[0])
    summary = summarise([document_view(r, inputs=None) for r in records])
    removed = [x for r in records for x in r.get("removed", ())]
    assert summary.documents == len(records)
    assert summary.kept_chars == sum(len(p) for r in records for p in r.get("paragraphs", ()))
    assert summary.removed_chars == sum(len(x["text"]) for x in removed)
    assert sum(c for _, c in summary.by_rule.values()) == summary.removed_chars
    assert sum(b for b, _ in summary.by_layer.values()) == len(removed)
    assert list(summary.by_rule.values()) == sorted(summary.by_rule.values(),
                                                    key=lambda v: (-v[1], -v[0]))
    assert len(summary.failures) == 2


# the page ---------------------------------------------------------------------------------


def test_page_has_summary_charts_documents_and_controls(page: str,
                                                        run: tuple[Path, dict[str, str]]) -> None:
    tags = tags_of(page)
    ids = {a.get("id") for _, a in tags}
    assert {"summary", "documents", "rule-filter", "name-search", "rules-table",
            "failures"} <= ids
    assert sum(t == "svg" for t, _ in tags) == 4
    sections = [a for t, a in tags if t == "section" and a.get("class") == "doc"]
    assert len(sections) == len(load_records(run[0]))
    removed = [a for t, a in tags if t == "li" and "removed" in str(a.get("class"))]
    assert removed and all(re.fullmatch(r"r\d+", str(a["data-rule"])) for a in removed)
    assert all(" / " in str(a["title"]) for a in removed)  # layer / rule on hover
    options = [a["value"] for t, a in tags if t == "option"]
    assert options[0] == "" and {str(a["data-rule"]) for a in removed} <= set(options)


def test_page_loads_nothing_and_runs_only_its_own_script(page: str) -> None:
    tags = tags_of(page)
    assert [t for t, _ in tags].count("script") == 1
    assert not [(t, a) for t, a in tags if {"src", "href", "srcset", "action"} & a.keys()]
    assert not [(t, n) for t, a in tags for n in a if n.startswith("on")]
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", page)
    csp = next(a["content"] for t, a in tags if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in str(csp) and script_hash() in str(csp)
    assert f"<script>{SCRIPT}</script>" in page  # the hash is of exactly this text


def test_hostile_text_and_names_are_escaped(page: str) -> None:
    assert "pwned" in page  # the text is shown ...
    assert "<script>window.pwned" not in page and "<img src=x" not in page  # ... as text
    assert "&lt;script&gt;window.pwned=3&lt;/script&gt;" in page  # a removed block
    names = [a["data-name"] for t, a in tags_of(page) if t == "section" and "data-name" in a]
    assert any(str(n).endswith(HOSTILE_NAME) for n in names)  # the attribute held


def test_hostile_rule_ids_and_errors_are_escaped(tmp_path: Path) -> None:
    evil = '"><script>alert(1)</script>'
    rec: dict[str, Any] = {"input": evil, "status": "ok", "kind": "text", "title": evil,
                           "paragraphs": [evil], "removed": [
                               {"layer": evil, "rule": evil, "text": evil, "where": evil}]}
    err = {"input": "e", "status": "error", "error": {"kind": evil, "message": evil}}
    (tmp_path / "a.json").write_text(json.dumps(rec))
    (tmp_path / "b.json").write_text(json.dumps(err))
    page = build_report(tmp_path, inputs=False)
    tags = tags_of(page)
    assert [t for t, _ in tags].count("script") == 1
    assert "<script>alert" not in page and page.count("&lt;script&gt;alert(1)") >= 5


def test_report_is_deterministic(run: tuple[Path, dict[str, str]], page: str) -> None:
    assert build_report(run[0]) == page


def test_write_report_replaces_lone_surrogates(tmp_path: Path) -> None:
    rec = {"input": "s", "status": "ok", "kind": "text", "paragraphs": ["a\ud800b"],
           "removed": []}
    (tmp_path / "s.json").write_text(json.dumps(rec))
    path = write_report(tmp_path, inputs=False)
    assert path == tmp_path / "report.html" and "a?b" in path.read_text(encoding="utf-8")


# the command line -------------------------------------------------------------------------


def test_report_command_writes_the_page(run: tuple[Path, dict[str, str]],
                                        tmp_path: Path) -> None:
    target = tmp_path / "r" / "report.html"
    result = invoke("report", str(run[0]), "-o", str(target), "--no-inputs")
    assert result.exit_code == 0 and target.is_file()
    assert f"report {target}" in result.stderr
    assert "input not re-read" in target.read_text(encoding="utf-8")


def test_clean_report_flag_keeps_the_exit_status(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(SAMPLES / "000_ce51e559fc37b17e.txt", tmp_path / "in" / "a.txt")
    (tmp_path / "in" / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    out = tmp_path / "out"
    result = invoke("clean", str(tmp_path / "in"), "-o", str(out), "-j", "0", "--report")
    assert result.exit_code == 1  # b.png failed, as without --report
    page = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="failures"' in page and "b.png" in page and "Putin orders" in page
    assert f"report {out / 'report.html'}" in result.stderr


def test_clean_report_flag_needs_an_audit_trail_and_an_output(tmp_path: Path) -> None:
    sample = str(SAMPLES / "000_ce51e559fc37b17e.txt")
    txt = invoke("clean", sample, "-f", "txt", "-o", str(tmp_path / "t"), "--report")
    stdout = invoke("clean", sample, "-f", "jsonl", "--report")
    assert txt.exit_code == stdout.exit_code == 2
    assert "-f json or jsonl" in txt.output and "-o OUT" in stdout.output
    assert not (tmp_path / "t").exists()  # refused before any work
    assert "--report" in invoke("clean", "--help").output
