"""Find and read the development corpora (``$CLEANER_CORPUS`` or ``<repo>/../shared/corpus``).

The corpus folder ships its own stdlib loader (``load.py``). We read ``gold.jsonl.gz`` and
the gzipped page files the same way, but lazily (only the selected pages), and decode dumps
with the loader's own ``decode_dump`` so that the text is exactly what ``load.py`` yields.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

__all__ = [
    "CORPORA",
    "INPUTS",
    "Input",
    "Page",
    "corpus_available",
    "corpus_root",
    "gold_records",
    "iter_pages",
    "load_page",
    "matches_type",
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


def gold_records(corpus: str, *, root: Path | None = None) -> Iterator[dict[str, Any]]:
    """The gold records of ``corpus`` in id order, without reading any page file."""
    root = root or corpus_root()
    path = root / corpus / "gold.jsonl.gz"
    if not path.exists():
        raise FileNotFoundError(f"corpus {corpus!r} not found under {root}; set ${CORPUS_ENV}")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def matches_type(record: dict[str, Any], page_type: str | None) -> bool:
    """Whether a gold record is of ``page_type`` (``None``: all; ``"other"``: non-article;
    pages without a type count as articles).

    >>> matches_type({"page_type": None}, "article"), matches_type({"page_type": "forum"}, "other")
    (True, True)
    """
    kind = record.get("page_type") or "article"
    return page_type is None or kind == page_type or (page_type == "other" and kind != "article")


def load_page(
    corpus: str,
    record: dict[str, Any],
    input_: Input,
    *,
    root: Path | None = None,
    loader: ModuleType | None = None,
) -> Page:
    """Read one page's HTML (and dump) for a gold record, as ``load.iter_pages`` does.

    Pass ``loader`` (the corpus ``load`` module) when reading many pages.
    """
    root = root or corpus_root()
    folder = root / corpus
    loader = loader or _loader(root)
    full = dict(record)
    full["html"] = gzip.decompress((folder / "html" / f"{record['id']}.html.gz").read_bytes())
    dump_path = folder / "dumps" / input_ / f"{record['id']}.txt.gz"
    full["dump"] = (
        loader.decode_dump(gzip.decompress(dump_path.read_bytes()))
        if input_ != "html" and dump_path.exists()
        else None
    )
    return Page.from_record(corpus, full)


def iter_pages(
    corpus: str,
    input_: Input,
    *,
    root: Path | None = None,
    page_type: str | None = None,
    ids: Collection[str] | None = None,
) -> Iterator[Page]:
    """Yield the pages of ``corpus`` in id order, with the dump for ``input_`` loaded.

    ``page_type`` keeps only pages of that type (see :func:`matches_type`); ``ids`` only the
    pages with those ids. Only the selected pages' files are read.
    """
    root = root or corpus_root()
    loader = _loader(root)
    for record in gold_records(corpus, root=root):
        if matches_type(record, page_type) and (ids is None or record["id"] in ids):
            yield load_page(corpus, record, input_, root=root, loader=loader)


def corpus_available(root: Path | None = None) -> bool:
    """True when every known corpus is present under the root."""
    root = root or corpus_root()
    return all((root / name / "gold.jsonl.gz").exists() for name in CORPORA)
