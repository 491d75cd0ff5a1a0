"""The examples in the documentation run: ``docs/*.md`` and ``README.md``.

Each page runs in a scratch folder holding the repository's ``samples/``; its examples
run in page order and share one namespace, so a later example may use an earlier one's
names and files.

* ```` ```python ```` blocks are executed. Code under ``if __name__ == "__main__":`` (the
  multiprocessing examples) only has its imports and definitions checked. Blocks that
  read the reader's own data (``crawl/``, ``s3://``, a ``tcp://`` scheduler) are only
  compiled: they cannot run here, but must stay valid Python.
* ```` ```pycon ```` blocks are doctests (``...`` matches anything, whitespace is loose).
* ```` ```console ```` blocks are shell sessions: each ``$ command`` runs with this
  Python's ``bin`` folder first on the ``PATH`` (so ``cleaner`` is the one under test),
  must succeed, and must print what follows it (doctest rules again; stderr is ignored).

```` ```sh ```` blocks are not run (installs, long runs, other machines).
"""

from __future__ import annotations

import doctest
import importlib.util
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SAMPLES

PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
#: Fenced blocks at any indentation; the closing fence matches the opening one's.
FENCE = re.compile(r"^(?P<indent>[ ]*)```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ ]*$",
                   re.M | re.S)
RUNNABLE = ("python", "pycon", "console")
#: Data only the reader has: such blocks are compiled, not run.
READERS_DATA = ("crawl/", "s3://", "tcp://")
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
#: Seconds one console command may take.
COMMAND_TIMEOUT_S = 300


@dataclass(frozen=True)
class Block:
    page: str
    line: int
    lang: str
    body: str

    @property
    def label(self) -> str:
        return f"{self.page}:{self.line}"


def blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    found = []
    for m in FENCE.finditer(text):
        if m["lang"] in RUNNABLE:
            indent = len(m["indent"])
            body = "".join(line[indent:] for line in m["body"].splitlines(keepends=True))
            found.append(Block(page.name, text.count("\n", 0, m.start()) + 1, m["lang"], body))
    return found


def run_python(block: Block, namespace: dict[str, Any]) -> None:
    code = compile(block.body, block.label, "exec")
    if not any(marker in block.body for marker in READERS_DATA):
        exec(code, namespace)


def run_pycon(block: Block, namespace: dict[str, Any]) -> None:
    test = doctest.DocTestParser().get_doctest(block.body, namespace, block.label, block.page,
                                               block.line)
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    result = runner.run(test, out=report.append, clear_globs=False)
    assert result.failed == 0, "".join(report)


def run_console(block: Block, cwd: Path) -> None:
    env = dict(os.environ, LC_ALL="C", NO_COLOR="1", COLUMNS="200",
               PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    checker = doctest.OutputChecker()
    sessions: list[tuple[str, list[str]]] = []
    for line in block.body.splitlines():
        if line.startswith("$ "):
            sessions.append((line[2:], []))
        elif sessions:
            sessions[-1][1].append(line)
    assert sessions, f"{block.label}: a console block without '$ ' commands"
    for command, expected_lines in sessions:
        done = subprocess.run(command, shell=True, cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=COMMAND_TIMEOUT_S, check=False)
        assert done.returncode == 0, f"{block.label}: `{command}` failed:\n{done.stderr}"
        expected = "".join(f"{line}\n" for line in expected_lines)
        assert checker.check_output(expected, done.stdout, FLAGS), (
            f"{block.label}: `{command}`\nexpected:\n{expected}got:\n{done.stdout}")


@pytest.mark.parametrize("page", [p for p in PAGES if blocks(p)], ids=lambda p: p.name)
def test_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "samples").symlink_to(SAMPLES, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for block in blocks(page):
        if block.lang == "python":
            run_python(block, namespace)
        elif block.lang == "pycon":
            run_pycon(block, namespace)
        else:
            run_console(block, tmp_path)


def test_the_quickstart_has_examples_of_each_kind() -> None:
    assert {b.lang for b in blocks(ROOT / "docs" / "index.md")} == set(RUNNABLE)


def test_the_docstring_renderer_fences_doctests_and_unwraps_roles() -> None:
    """``docs/griffe_doctests.py`` (the API reference's docstring filter) keeps its word."""
    spec = importlib.util.spec_from_file_location("griffe_doctests",
                                                  ROOT / "docs" / "griffe_doctests.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert doctest.testmod(module).failed == 0
    fenced = module.fence_doctests("Text.\n\n    >>> x = [1][:1]\n    >>> x\n    [1]\n")
    assert "    ```pycon\n    >>> x = [1][:1]" in fenced and fenced.endswith("    ```\n")
