"""What the report shows: each document's blocks in order, and the run's summary.

A record holds the kept paragraphs and the removed blocks, but not where the kept ones
stood. When the input the record names is still there, unchanged (same SHA-256), it is
segmented again by the pipeline's own front end and the record's removals and paragraphs
are matched to those blocks (as ``cleaner explain`` does): the document is shown in order.
Otherwise the kept paragraphs and the removed blocks are shown as two lists.

>>> rec = {"input": "gone.txt", "status": "ok", "kind": "text", "paragraphs": ["Body."],
...        "removed": [{"layer": "menus", "rule": "menus.list", "text": "Home", "where": "line 1"}]}
>>> doc = document_view(rec, inputs=None)
>>> doc.ordered, [(b.kept, b.text) for b in doc.blocks]
(False, [(True, 'Body.'), (False, 'Home')])
>>> summarise([doc]).removed_chars
4
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from cleaner.article import Article, Removal
from cleaner.blocks import Block
from cleaner.cli.explain import explain_blocks
from cleaner.inputs import Document, documents, read_document, resolve
from cleaner.options import Options
from cleaner.pipeline import document_blocks
from cleaner.rules import RULES

__all__ = ["BlockView", "DocView", "Inputs", "Summary", "document_view", "summarise"]

#: Bytes read from an input at most (the CLI's default cap, plus one to notice more).
READ_LIMIT_BYTES = Options().max_input_bytes + 1


@dataclasses.dataclass(frozen=True, slots=True)
class BlockView:
    """One block as the report shows it: kept, or removed by ``layer``/``rule``."""

    kept: bool
    text: str
    where: str | None = None
    layer: str | None = None
    rule: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class DocView:
    """One document: its blocks (in document order when ``ordered``) and its figures."""

    name: str
    status: str
    kind: str | None
    title: str | None
    blocks: tuple[BlockView, ...]
    ordered: bool
    kept_chars: int
    removed_chars: int
    note: str | None = None
    error: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Summary:
    """Figures of the whole run. ``by_layer`` and ``by_rule`` map a name to
    ``(blocks, characters)`` removed, largest first."""

    documents: int
    statuses: Mapping[str, int]
    kept_chars: int
    removed_chars: int
    by_layer: Mapping[str, tuple[int, int]]
    by_rule: Mapping[str, tuple[int, int]]
    failures: tuple[tuple[str, str], ...]
    ordered: int


class Inputs:
    """Reads the inputs records name, relative to ``base`` (the folder ``cleaner clean``
    ran in). A container (WARC, JSONL) is read once, keeping only the records asked for."""

    def __init__(self, base: str | os.PathLike[str] = ".",
                 wanted: Sequence[Mapping[str, Any]] = ()) -> None:
        self._base = Path(base)
        self._containers: dict[str, set[str]] = collections.defaultdict(set)
        for rec in wanted:
            if rec.get("record"):
                self._containers[str(rec["input"])].add(str(rec["record"]))
        self._loaded: dict[str, dict[str, bytes | str]] = {}

    def _path(self, name: str) -> Path | None:
        if name in ("", "-"):
            return None
        path = self._base / name
        return path if path.is_file() else None

    def data(self, rec: Mapping[str, Any]) -> bytes | str | None:
        """The page a record was made from, or ``None`` if it is gone or changed."""
        name, record = str(rec.get("input")), rec.get("record")
        path = self._path(name)
        if path is None:
            return None
        try:
            if record:
                if name not in self._loaded:
                    want = self._containers.get(name, set()) | {str(record)}
                    self._loaded[name] = {
                        str(d.record): read_document(d, limit=READ_LIMIT_BYTES)
                        for d in documents(resolve([str(path)]), limit=READ_LIMIT_BYTES)
                        if d.record in want and d.problem is None}
                data = self._loaded[name].get(str(record))
            else:
                data = read_document(Document(input=name, path=str(path)), limit=READ_LIMIT_BYTES)
        except Exception:  # unreadable now: the report falls back to the record alone
            return None
        if data is None:
            return None
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        return data if hashlib.sha256(raw).hexdigest() == rec.get("sha256") else None


def _article(rec: Mapping[str, Any]) -> Article:
    """The parts of an :class:`Article` that matching blocks needs, from a record."""
    removed = tuple(Removal(str(r.get("layer")), str(r.get("rule")), str(r.get("text")),
                            str(r.get("where"))) for r in rec.get("removed") or ())
    return Article(text="", paragraphs=tuple(str(p) for p in rec.get("paragraphs") or ()),
                   title=None, byline=None, authors=(), date=None, source=None, site_name=None,
                   section=None, description=None, tags=(), language=None, url=None,
                   kind="html" if rec.get("kind") == "html" else "text", status="ok",
                   removed=removed)


def _blocks(data: bytes | str, rec: Mapping[str, Any]) -> Sequence[Block]:
    """The document's blocks, cut as the run cut them (same front end, same kind)."""
    if rec.get("kind") == "html":
        url = rec.get("url") if isinstance(rec.get("url"), str) else None
        return document_blocks(data, options=Options(kind="html", url=url))
    return document_blocks(data, options=Options(kind="text"))


def _in_order(article: Article, blocks: Sequence[Block]) -> tuple[BlockView, ...] | None:
    rows = explain_blocks(article, blocks)
    views = tuple(BlockView(bool(r["kept"]), str(r["text"]), r["where"], r["layer"], r["rule"])
                  for r in rows)
    kept = sum(v.kept for v in views)
    if any(r["index"] is None for r in rows) or kept != len(article.paragraphs):
        return None  # the input no longer segments as it did: do not pretend an order
    return views


def document_view(rec: Mapping[str, Any], *, inputs: Inputs | None) -> DocView:
    """The view of one record; ``inputs=None`` never reads an input."""
    name = str(rec.get("input"))
    if rec.get("record"):
        name += f"#{rec['record']}"
    status = str(rec.get("status"))
    if status == "error":
        err = rec.get("error")
        err = err if isinstance(err, dict) else {}
        return DocView(name, status, None, None, (), False, 0, 0,
                       error=f"{err.get('kind', 'error')}: {err.get('message', '')}")
    if "missing" in rec:
        return DocView(name, status, None, None, (), False, 0, 0,
                       note=f"output {rec['missing']!r} not found: nothing to show")
    article = _article(rec)
    kept_chars = sum(len(p) for p in article.paragraphs)
    removed_chars = sum(len(r.text) for r in article.removed)
    title = rec.get("title") if isinstance(rec.get("title"), str) else None
    kind = str(rec.get("kind"))
    data = inputs.data(rec) if inputs is not None else None
    views = _in_order(article, _blocks(data, rec)) if data is not None else None
    if views is not None:
        return DocView(name, status, kind, title, views, True, kept_chars, removed_chars)
    note = ("input not re-read" if inputs is None else "input missing or changed since the run")
    views = (*(BlockView(True, p) for p in article.paragraphs),
             *(BlockView(False, r.text, r.where, r.layer, r.rule) for r in article.removed))
    return DocView(name, status, kind, title, views, False, kept_chars, removed_chars,
                   note=f"{note}: kept paragraphs first, then the removed blocks in order")


def _largest(counts: Mapping[str, list[int]]) -> dict[str, tuple[int, int]]:
    items = sorted(counts.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))
    return {k: (v[0], v[1]) for k, v in items}


def summarise(docs: Sequence[DocView]) -> Summary:
    """The run's figures from its document views."""
    statuses = collections.Counter(d.status for d in docs)
    layers: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    rules: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for doc in docs:
        for block in doc.blocks:
            if not block.kept:
                for table, key in ((layers, block.layer), (rules, block.rule)):
                    table[str(key)][0] += 1
                    table[str(key)][1] += len(block.text)
    return Summary(
        documents=len(docs),
        statuses=dict(sorted(statuses.items())),
        kept_chars=sum(d.kept_chars for d in docs),
        removed_chars=sum(d.removed_chars for d in docs),
        by_layer=_largest(layers),
        by_rule=_largest(rules),
        failures=tuple((d.name, d.error) for d in docs if d.error is not None),
        ordered=sum(d.ordered for d in docs),
    )


def rule_order(summary: Summary) -> list[str]:
    """Rule ids for colouring: registered ones in catalogue order, then any others."""
    known = [r for r in RULES if r in summary.by_rule]
    return known + sorted(r for r in summary.by_rule if r not in RULES)
