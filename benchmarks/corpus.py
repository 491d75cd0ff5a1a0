"""Find and read the development corpora (``$CLEANER_CORPUS`` or ``<repo>/../shared/corpus``).

The corpus folder ships its own stdlib loader (``load.py``); we import it from there rather
than copying it, so the corpus and its reader stay one thing.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

__all__ = [
    "CORPORA",
    "INPUTS",
    "Input",
    "Page",
    "corpus_root",
    "iter_pages",
]

#: Environment variable that overrides the corpus location.
CORPUS_ENV = "CLEANER_CORPUS"
#: The corpora this harness knows (folder names under the corpus root).
CORPORA: tuple[str, ...] = ("wcxb-dev", "trafilatura-eval")
#: Input kinds: the original HTML or one of the stored text dumps.
Input = Literal["html", "w3m", "lynx"]
INPUTS: tuple[Input, ...] = ("html", "w3m", "lynx")

_REPO = Path(__file__).resolve().parent.parent


def corpus_root() -> Path:
    """The corpora folder: ``$CLEANER_CORPUS`` if set, else ``<repo>/../shared/corpus``."""
    env = os.environ.get(CORPUS_ENV)
    return Path(env) if env else _REPO.parent / "shared" / "corpus"


def _loader(root: Path) -> ModuleType:
    """Import ``load.py`` from the corpus root under a private module name."""
    path = root / "load.py"
    spec = importlib.util.spec_from_file_location("_cleaner_corpus_load", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no corpus loader at {path}; set ${CORPUS_ENV}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True, slots=True)
class Page:
    """One corpus page with its gold values and the bytes/text each input reads."""

    corpus: str
    id: str
    url: str | None
    page_type: str | None
    title: str | None
    author: str | None
    date: str | None
    body: str | None
    with_: tuple[str, ...]
    without: tuple[str, ...]
    html: bytes
    dump: str | None

    @classmethod
    def from_record(cls, corpus: str, record: dict[str, Any]) -> Page:
        """Build a page from one ``load.iter_pages`` record."""
        return cls(
            corpus=corpus,
            id=record["id"],
            url=record.get("url"),
            page_type=record.get("page_type"),
            title=record.get("title"),
            author=record.get("author"),
            date=record.get("date"),
            body=record.get("body"),
            with_=tuple(record.get("with") or ()),
            without=tuple(record.get("without") or ()),
            html=record["html"],
            dump=record.get("dump"),
        )

    @property
    def kind(self) -> str:
        """The page type for reporting; trafilatura-eval has none and counts as ``article``."""
        return self.page_type or "article"


def iter_pages(
    corpus: str,
    input_: Input,
    *,
    root: Path | None = None,
    page_type: str | None = None,
) -> Iterator[Page]:
    """Yield the pages of ``corpus`` in id order, with the dump for ``input_`` loaded.

    ``page_type`` keeps only pages of that type (``"article"``, ``"other"`` for every
    non-article page, or ``None`` for all).
    """
    root = root or corpus_root()
    folder = root / corpus
    if not (folder / "gold.jsonl.gz").exists():
        raise FileNotFoundError(f"corpus {corpus!r} not found under {root}; set ${CORPUS_ENV}")
    dump = None if input_ == "html" else input_
    for record in _loader(root).iter_pages(folder, dump=dump):
        page = Page.from_record(corpus, record)
        if page_type is None or page.kind == page_type or (
            page_type == "other" and page.kind != "article"
        ):
            yield page


def corpus_available(root: Path | None = None) -> bool:
    """True when every known corpus is present under the root."""
    root = root or corpus_root()
    return all((root / name / "gold.jsonl.gz").exists() for name in CORPORA)
