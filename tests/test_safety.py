"""Safety: cleaning reveals nothing of the machine and reaches nothing outside the input.

An audit hook (:func:`sys.addaudithook`) records what the interpreter does while ``clean()``
runs: sockets, subprocesses, unpickling, and files opened outside the Python installation.
The hook is installed once per session (hooks cannot be removed) and records only while a
:class:`Watch` is active, so the rest of the suite is unaffected.
"""

from __future__ import annotations

import ast
import dataclasses
import gzip
import itertools
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cleaner import clean
from cleaner.batch.errors import DocumentFailure
from cleaner.cli import main
from cleaner.cli.outputs import target_path
from cleaner.inputs.discover import count, documents, resolve
from cleaner.inputs.names import record_component, safe_name
from cleaner.options import Kind

SRC = Path(__file__).resolve().parent.parent / "src" / "cleaner"
#: Pages of each development corpus cleaned under the watch (HTML and its w3m dump): enough
#: to reach every front end, the htmldate fallback and the language guesser, in a few seconds.
CORPUS_PAGES = 12
#: Audit events that mean the library reached outside the document.
FORBIDDEN_EVENTS = ("socket.", "urllib.Request", "subprocess.Popen", "os.system", "os.exec",
                    "os.posix_spawn", "os.spawn", "os.fork", "pickle.find_class",
                    "ctypes.dlopen", "webbrowser.open")
#: Folders the interpreter may read from while cleaning (lazy imports, codec modules, data).
ALLOWED_READ_ROOTS = tuple(
    os.path.realpath(p) for p in {sys.prefix, sys.base_prefix, sys.exec_prefix, str(SRC)}
)
#: Address of a closed port: a connection attempt would fail fast if the hook missed it.
NOWHERE = "127.0.0.1:9"


@dataclasses.dataclass(slots=True)
class Watch:
    """Audit events seen while :attr:`active`."""

    active: bool = False
    events: list[tuple[str, str]] = dataclasses.field(default_factory=list)

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.active:
            return
        if event.startswith(FORBIDDEN_EVENTS):
            self.events.append((event, repr(args)[:200]))
        elif event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            path = os.path.realpath(os.fsdecode(args[0]))
            if not path.startswith(ALLOWED_READ_ROOTS):
                self.events.append((event, path))

    @contextmanager
    def watching(self) -> Iterator[list[tuple[str, str]]]:
        self.events.clear()
        self.active = True
        try:
            yield self.events
        finally:
            self.active = False


@pytest.fixture(scope="session")
def watch() -> Watch:
    recorder = Watch()
    sys.addaudithook(recorder)
    # warm up lazy imports and data files so that only the documents' own effects remain
    clean("Title\n\n" + "A sentence that is long enough to be a paragraph. " * 4)
    clean("<html><body><p>" + "A sentence of the page body, long enough. " * 4 + "</p></body>")
    return recorder


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A local file no document may reveal."""
    path = tmp_path / "secret.txt"
    path.write_text("TOPSECRET-4f1c9a root:x:0:0\n", encoding="utf-8")
    return path


def _hostile_markup(secret: Path) -> dict[str, str]:
    """Documents that ask a parser to load a file or an address."""
    uri = secret.as_uri()
    body = "<p>" + "The council approved the new budget after a long debate. " * 3 + "</p>"
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return {
        "xxe-file": f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{uri}">]>'
                    f"<html><body>{body}<p>&x;</p></body></html>",
        "xxe-parameter": f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "{uri}"> %p;]>'
                         f"<html><body>{body}</body></html>",
        "xxe-http": f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "http://{NOWHERE}/e">]>'
                    f"<html><body>{body}<p>&x;</p></body></html>",
        "external-dtd": f'<!DOCTYPE html SYSTEM "http://{NOWHERE}/x.dtd"><html><body>{body}'
                        "</body></html>",
        "billion-laughs": f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">{laughs}]>'
                          f"<html><body>{body}<p>&l9;</p></body></html>",
        "xinclude": f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body>{body}'
                    f'<xi:include href="{uri}" parse="text"/></body></html>',
        "resources": f'<html><head><link rel="stylesheet" href="{uri}">'
                     f'<script src="http://{NOWHERE}/a.js"></script><base href="http://{NOWHERE}/">'
                     f'<meta http-equiv="refresh" content="0; url={uri}"></head><body>{body}'
                     f'<img src="{uri}"><iframe src="{uri}"></iframe><object data="{uri}">'
                     f'</object><svg><image href="{uri}"/></svg></body></html>',
        "url-only": f"http://{NOWHERE}/<p>a</p><p>b</p><p>c</p>",
        "url-only-forced": f"http://{NOWHERE}/",
    }


def _clean_all_ways(document: str) -> list[str]:
    kinds: tuple[Kind, ...] = ("auto", "html", "text")
    return [clean(source, kind=kind, url=f"http://{NOWHERE}/page").to_json()
            for kind in kinds for source in (document, document.encode("utf-8"))]


@pytest.mark.parametrize("case", sorted(_hostile_markup(Path("/x")).keys()))
def test_markup_loads_no_file_or_address(case: str, watch: Watch, secret: Path) -> None:
    document = _hostile_markup(secret)[case]
    with watch.watching() as events:
        outputs = _clean_all_ways(document)
    assert events == []
    for output in outputs:
        assert "TOPSECRET" not in output
        # an entity is never expanded: the output is never larger than the input
        assert len(json.loads(output)["text"]) <= len(document)


def test_regression_htmldate_never_downloads_a_page_that_looks_like_a_url(watch: Watch) -> None:
    # htmldate's find_date() fetched any str starting with "http" that holds no space; a page
    # "http://host/<p>..</p>" (detected as HTML) opened a connection from clean().
    with watch.watching() as events:
        clean(f"http://{NOWHERE}/<p>one</p><p>two</p><p>three</p>")
        clean(f"https://{NOWHERE}/latest/meta-data", kind="html")
    assert events == []


def _corpus_subset(root: Path) -> Iterator[tuple[str, bytes | str]]:
    for corpus in ("wcxb-dev", "trafilatura-eval"):
        folder = root / corpus
        if not (folder / "gold.jsonl.gz").exists():
            continue
        with gzip.open(folder / "gold.jsonl.gz", "rt", encoding="utf-8") as lines:
            for line in itertools.islice(lines, CORPUS_PAGES):
                page_id = json.loads(line)["id"]
                yield "html", gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
                dump = folder / "dumps" / "w3m" / f"{page_id}.txt.gz"
                if dump.exists():
                    yield "text", gzip.decompress(dump.read_bytes()).decode("utf-8", "replace")


def test_corpus_subset_is_cleaned_without_any_network_or_file_access(
    watch: Watch, corpus: Path
) -> None:
    pages = list(_corpus_subset(corpus))
    with watch.watching() as events:
        statuses = [clean(source).status for _, source in pages]
    assert events == []
    assert len(statuses) >= CORPUS_PAGES
    assert statuses.count("ok") > len(statuses) // 2


# input discovery: symbolic links --------------------------------------------------------


def test_a_file_symlink_out_of_the_input_root_is_not_read(tmp_path: Path, secret: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text("Title\n\nA body paragraph.\n", encoding="utf-8")
    os.symlink(secret, root / "leak.txt")
    os.symlink(root / "a.txt", root / "inside-link.txt")  # stays in the root: allowed
    docs = list(documents(resolve([str(root)]), limit=1 << 20))
    assert sorted(d.name for d in docs) == ["a.txt", "inside-link.txt"]
    assert count(resolve([str(root)])) == 2
    asked = list(documents(resolve([str(root)]), follow_links=True, limit=1 << 20))
    assert sorted(d.name for d in asked) == ["a.txt", "inside-link.txt", "leak.txt"]


def test_the_cli_does_not_leak_a_linked_file(tmp_path: Path, secret: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    (root / "a.txt").write_text("Title\n\n" + "A body paragraph that is long. " * 5, "utf-8")
    os.symlink(secret, root / "leak.txt")
    result = CliRunner().invoke(main, ["clean", str(root), "-o", str(out), "-q"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = [p.read_text("utf-8") for p in out.rglob("*") if p.is_file()]
    assert written
    assert not any("TOPSECRET" in text for text in written)


def test_a_folder_symlink_out_of_the_input_root_is_not_walked(tmp_path: Path, secret: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text("Title\n", encoding="utf-8")
    os.symlink(secret.parent, root / "elsewhere")
    docs = list(documents(resolve([str(root)]), limit=1 << 20))
    assert [d.name for d in docs] == ["a.txt"]


# CLI output names: whatever an input is called, its output lands inside OUT --------------


@given(st.text(max_size=300))
def test_any_input_name_maps_to_a_path_inside_the_output_folder(name: str) -> None:
    out = os.path.realpath("/nonexistent-out")
    for safe in (safe_name(name), record_component(name) or "_"):
        try:
            target = target_path(out, safe)
        except DocumentFailure:
            continue  # refused, which is also safe
        assert os.path.commonpath([out, os.path.normpath(target)]) == out, (name, safe)


# no eval, exec or unpickling of data anywhere in the library -----------------------------

#: Calls that run code or unpickle data, as (module or "" for a builtin, name).
FORBIDDEN_CALLS = frozenset({("", "eval"), ("", "exec"), ("", "compile"), ("", "__import__"),
                             ("pickle", "loads"), ("pickle", "load"), ("pickle", "Unpickler"),
                             ("marshal", "loads"), ("os", "system"), ("os", "popen"),
                             ("subprocess", "run"), ("subprocess", "Popen"),
                             ("subprocess", "check_output"), ("request", "urlopen"),
                             ("urllib", "urlopen"), ("htmldate", "fetch_url")})
#: Modules whose mere import in the library would need a look (unsafe loaders).
FORBIDDEN_IMPORTS = frozenset({"marshal", "shelve", "yaml", "dill", "cloudpickle"})


def _calls(tree: ast.AST) -> Iterator[tuple[str, str]]:
    """(owner, name) of every call; builtins applied to a string literal are not data."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            literal = bool(node.args) and isinstance(node.args[0], ast.Constant)
            if isinstance(func, ast.Name) and not literal:
                yield "", func.id
            elif isinstance(func, ast.Attribute):
                owner = func.value.id if isinstance(func.value, ast.Name) else "?"
                yield owner, func.attr


def test_the_library_never_evaluates_or_unpickles_data() -> None:
    # The batch pool pickles tasks for its workers (pickle.dumps); workers unpickle only what
    # their own parent process sent through a multiprocessing pipe, never input bytes.
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for owner, name in _calls(tree):
            if (owner, name) in FORBIDDEN_CALLS:
                found.append(f"{path.relative_to(SRC)}: {owner}.{name}".replace(": .", ": "))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                if FORBIDDEN_IMPORTS & set(names):
                    found.append(f"{path.relative_to(SRC)}: imports {names}")
    assert found == []
