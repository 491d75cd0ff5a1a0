"""Input discovery and readers: names, globs, gzip, binary sniffing, WARC, JSONL."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from cleaner.batch.errors import DocumentFailure
from cleaner.errors import InvalidOptionError
from cleaner.inputs import Document, count, documents, read_document, resolve
from cleaner.inputs.containers import iter_jsonl, iter_lines, iter_warc
from cleaner.inputs.names import MAX_COMPONENT_BYTES, NameBook, safe_name
from tests.test_cli_corpus import article_html, make_mixed, warc_bytes

LIMIT = 10_000_000


def names(tmp: Path, *args: str, **kw: object) -> list[str]:
    return [d.name for d in documents(resolve(list(args)), limit=LIMIT, **kw)]  # type: ignore[arg-type]


# names ------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw, safe", [
    ("a/b.html", "a/b.html"),
    ("/etc/passwd", "etc/passwd"),
    ("../../x", "_/_/x"),
    ("a\\..\\b", "a/_/b"),
    ("a/./b", "a/b"),
    ("line\nbreak", "line_break"),
    ("", "_"),
])
def test_safe_name_never_climbs_out(raw: str, safe: str) -> None:
    assert safe_name(raw) == safe


def test_long_names_are_cut_and_stay_distinct() -> None:
    a, b = safe_name("é" * 300 + "a"), safe_name("é" * 300 + "b")
    assert a != b
    assert len(a.encode()) <= MAX_COMPONENT_BYTES


def test_name_book_disambiguates_case_insensitively() -> None:
    book = NameBook()
    assert [book.claim(n) for n in ("A.html", "a.html", "a.html", "b")] == [
        "A.html", "a~2.html", "a~3.html", "b"]


# reading ----------------------------------------------------------------------------------


def test_gzip_is_recognised_by_content_and_cut_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "page.html"  # gzip data without a .gz name
    path.write_bytes(gzip.compress(b"x" * 1000))
    assert read_document(Document(input="p", path=str(path)), limit=10) == b"x" * 10


@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n", "binary"),
    (b"abc\x00\x00def", "binary"),
    (b"\x1f\x8b\x08\x00corrupt", "unreadable"),
])
def test_unusable_files_fail_with_a_reason(tmp_path: Path, data: bytes, kind: str) -> None:
    path = tmp_path / "f"
    path.write_bytes(data)
    with pytest.raises(DocumentFailure) as info:
        read_document(Document(input="f", path=str(path)), limit=LIMIT)
    assert info.value.kind == kind


def test_utf16_with_bom_is_text(tmp_path: Path) -> None:
    data = "Grüße aus Köln".encode("utf-16")
    assert read_document(Document(input="m", data=data), limit=LIMIT) == data


def test_missing_file_and_folder_are_unreadable(tmp_path: Path) -> None:
    for path in (tmp_path / "missing", tmp_path):
        with pytest.raises(DocumentFailure) as info:
            read_document(Document(input="x", path=str(path)), limit=LIMIT)
        assert info.value.kind == "unreadable"


# containers -------------------------------------------------------------------------------


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_html_responses_become_documents(tmp_path: Path, gzipped: bool) -> None:
    path = tmp_path / ("c.warc.gz" if gzipped else "c.warc")
    path.write_bytes(warc_bytes([("https://a.test/1", article_html("One")),
                                 ("https://a.test/2", article_html("Two"))], gzipped=gzipped))
    docs = list(iter_warc(str(path), input="c", name="c", limit=LIMIT))
    assert [d.url for d in docs] == ["https://a.test/1", "https://a.test/2"]
    assert all(d.kind == "html" and d.record and d.record.startswith("<urn:uuid:") for d in docs)
    assert all(d.name.startswith("c/urn-uuid-") and "<" not in d.name for d in docs)
    assert docs[0].data == article_html("One")


def test_a_corrupt_warc_ends_with_a_problem_document(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"this is not a WARC file\r\n\r\n")
    docs = list(iter_warc(str(path), input="bad", name="bad", limit=LIMIT))
    assert len(docs) == 1 and docs[0].problem and "WARC" in docs[0].problem


def test_jsonl_fields_url_id_and_bad_lines(tmp_path: Path) -> None:
    lines = [{"html": "<p>a</p>", "url": "https://a.test", "id": 7}, {"text": "plain"},
             {"body": "x"}, [1, 2]]
    path = tmp_path / "f.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(map(json.dumps, lines)) + "\n\n{oops\n").encode()))
    docs = list(iter_jsonl(str(path), input="f", name="f", field=None))
    assert [(d.kind, d.data, d.url, d.id) for d in docs[:2]] == [
        ("html", "<p>a</p>", "https://a.test", "7"), ("text", "plain", None, None)]
    assert [d.record for d in docs] == ["line-1", "line-2", "line-3", "line-4", "line-6"]
    assert all(d.problem for d in docs[2:])
    custom = list(iter_lines(io.BytesIO(b'{"body": "x"}\n'), input="s", name="s", field="body"))
    assert custom[0].data == "x" and custom[0].problem is None


# discovery --------------------------------------------------------------------------------


def test_resolve_reports_every_missing_argument(tmp_path: Path) -> None:
    with pytest.raises(InvalidOptionError) as info:
        resolve([str(tmp_path / "nope"), str(tmp_path / "*.none"), "-", "-"])
    message = str(info.value)
    assert "does not exist" in message and "matches no file" in message and "twice" in message


def test_one_folder_is_mirrored_relative_to_itself(tmp_path: Path) -> None:
    make_mixed(tmp_path)
    got = names(tmp_path, str(tmp_path))
    assert "html/page one.html" in got and "dumps/ünïcode dump.txt" in got
    assert "feed.jsonl/000003" in got
    assert sum(n.startswith("crawl.warc.gz/urn-uuid-") for n in got) == 2
    assert got == names(tmp_path, str(tmp_path))  # stable order and names


def test_several_arguments_keep_their_own_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                ) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.html").write_text("<p>x</p>")
    monkeypatch.chdir(tmp_path)
    assert names(tmp_path, "a", "b", "a/x.html") == ["a/x.html", "b/x.html", "a/x~2.html"]
    assert names(tmp_path, "*/x.html") == ["a/x.html", "b/x.html"]
    assert names(tmp_path, str(tmp_path / "a" / "x.html"), "../" + tmp_path.name + "/b/x.html"
                 ) == ["x.html", "x~2.html"]


def test_an_input_named_twice_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    (tmp_path / "a.html").write_text("<p>x</p>")
    monkeypatch.chdir(tmp_path)
    assert names(tmp_path, "a.html", "./a.html", "*.html", str(tmp_path / "a.html")) == [
        "a.html"]


def test_output_folder_and_linked_folders_are_not_walked(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("a")
    (tmp_path / "in" / "out").mkdir()
    (tmp_path / "in" / "out" / "a.txt.json").write_text("{}")
    os.symlink(tmp_path / "in", tmp_path / "in" / "loop")
    root = resolve([str(tmp_path / "in")])
    docs = list(documents(root, exclude=[str(tmp_path / "in" / "out")], limit=LIMIT))
    assert [d.name for d in docs] == ["a.txt"]
    assert count(root, exclude=[str(tmp_path / "in" / "out")]) == 1


def test_hidden_files_and_folders_only_when_asked(tmp_path: Path) -> None:
    for name in ("a.txt", ".DS_Store", ".git/HEAD", "sub/.hidden.txt", "sub/b.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    root = resolve([str(tmp_path)])
    assert [d.name for d in documents(root, limit=LIMIT)] == ["a.txt", "sub/b.txt"]
    assert len(list(documents(root, hidden=True, limit=LIMIT))) == 5
    assert count(root) == 2 and count(root, hidden=True) == 5
    assert names(tmp_path, str(tmp_path / ".DS_Store")) == [".DS_Store"]  # named: read


def test_count_is_unknown_with_containers(tmp_path: Path) -> None:
    make_mixed(tmp_path)
    assert count(resolve([str(tmp_path)])) is None
    assert count(resolve([str(tmp_path / "html")])) == 2


def test_stdin_as_one_document_or_as_json_lines() -> None:
    roots = resolve(["-"])
    (doc,) = documents(roots, stdin=io.BytesIO(b"<p>x</p>"), limit=LIMIT)
    assert (doc.input, doc.name, doc.data) == ("-", "stdin", b"<p>x</p>")
    docs = list(documents(roots, stdin=io.BytesIO(b'{"text": "a"}\n{"text": "b"}\n'),
                          stdin_jsonl=True, limit=LIMIT))
    assert [d.data for d in docs] == ["a", "b"]
    assert [d.name for d in docs] == ["stdin/000001", "stdin/000002"]
