"""The pipeline, top to bottom: decode, normalize, detect, segment, layers, metadata, Article.

>>> body = [f"Sentence number {n} of the story, which is long enough to count." for n in (1, 2, 3)]
>>> article = clean("Council approves the new budget\\n\\nBy Jane Doe\\n\\n" + "\\n\\n".join(body))
>>> article.title, article.byline, len(article.paragraphs)
('Council approves the new budget', 'Jane Doe', 3)
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import datetime
from types import MappingProxyType
from typing import Literal

from cleaner.article import Article, Removal, Status
from cleaner.blocks import Block
from cleaner.body import layout
from cleaner.decode import decode
from cleaner.detect import SNIFF_CHARS, detect_kind
from cleaner.errors import InvalidInputError
from cleaner.features import is_prose
from cleaner.html.frontend import parse_html
from cleaner.layers import Layer, run_layers
from cleaner.layers.captions import captions
from cleaner.layers.content import locate_core, model_scores, outside
from cleaner.layers.duplicates import repeats
from cleaner.layers.engagement import counters_and_widgets
from cleaner.layers.footer import footer
from cleaner.layers.header import header
from cleaner.layers.images import image_labels
from cleaner.layers.menus import menus
from cleaner.layers.promos import read_more
from cleaner.layers.sections import end_sections
from cleaner.layers.tags import tag_list
from cleaner.layers.tickers import breaking
from cleaner.metadata.fields import Metadata, merge
from cleaner.metadata.from_blocks import from_blocks, reads_byline_line
from cleaner.metadata.language import guess_language
from cleaner.normalize import normalize
from cleaner.options import Kind, Options
from cleaner.text.ending import end_core
from cleaner.text.model import block_probabilities, prose_sample
from cleaner.text.segment import segment

__all__ = ["LAYERS", "clean", "document_blocks"]

#: The layers in the order they run: specific evidence first, the main-content run last.
LAYERS: tuple[tuple[str, Layer], ...] = (
    ("tickers", breaking),
    ("sections", end_sections),
    ("engagement", counters_and_widgets),
    ("promos", read_more),
    ("captions", captions),
    ("metadata", header),
    ("images", image_labels),
    ("tags", tag_list),
    ("footer", footer),
    ("menus", menus),
    ("duplicates", repeats),
    ("content", outside),
)
#: The layers for HTML: the front end has already located the article (content), read
#: the header from the page structure (metadata) and removed <figcaption> (captions);
#: its images are elements, not printed labels (images).
HTML_LAYERS: tuple[tuple[str, Layer], ...] = tuple(
    (name, layer)
    for name, layer in LAYERS
    if name not in ("content", "metadata", "captions", "images")
)


@dataclasses.dataclass(frozen=True, slots=True)
class _Prepared:
    """A document decoded and typed, ready for its front end.

    Attributes:
        text: the decoded text; normalised whole for a text dump, as decoded for HTML
            (the HTML front end normalises the text of each block, not the markup: ftfy
            over a page of markup costs more than the whole HTML front end).
        kind: ``html`` or ``text``.
        encoding: the encoding it was decoded from.
        truncated: whether it was cut to ``Options.max_input_bytes``.
        utf8: the bytes ``text`` was decoded from when they are exactly ``text`` in UTF-8
            (read as UTF-8 without an error), else ``None``: the HTML parser reads them as
            they are instead of encoding the text again (0.4 ms on a 300 KB page).
    """

    text: str
    kind: Literal["html", "text"]
    encoding: str | None
    truncated: bool
    utf8: bytes | None = None


def _prepare(source: str | bytes | bytearray | memoryview, opts: Options) -> _Prepared:
    """Steps 1-3: cut to the size limit, decode, detect the kind, normalise."""
    if not isinstance(source, (str, bytes, bytearray, memoryview)):
        raise InvalidInputError(
            f"clean() takes the page as str or bytes, not {type(source).__name__}"
        )
    data = bytes(source) if isinstance(source, (bytearray, memoryview)) else source
    truncated = len(data) > opts.max_input_bytes
    if truncated:
        data = data[: opts.max_input_bytes]
    decoded = decode(data)  # 1. bytes -> str
    doc_kind = opts.kind if opts.kind != "auto" else detect_kind(  # 2. html or text
        normalize(decoded.text[:SNIFF_CHARS]))[0]
    # 3. repair, NFC, newlines; HTML: the front end normalises the text of each block
    text = normalize(decoded.text) if doc_kind == "text" else decoded.text
    exact = decoded.encoding == "utf-8" and decoded.evidence in _EXACT
    utf8 = data if exact and isinstance(data, bytes) else None
    return _Prepared(text, doc_kind, decoded.encoding, truncated, utf8)


#: How :func:`~cleaner.decode.decode` found an encoding when the text is the bytes read
#: without any error or change (a byte-order mark is left out of the text, a detected or
#: fallback encoding replaces what it cannot read).
_EXACT = frozenset({"declared", "utf-8"})


def document_blocks(source: str | bytes, *, options: Options | None = None) -> Sequence[Block]:
    """The blocks :func:`clean` cuts ``source`` into (before any is removed), for tools
    that show a document block by block (``cleaner explain``, the report).

    >>> [b.text for b in document_blocks("Home\\n\\nA paragraph of the story.")]
    ['Home', 'A paragraph of the story.']
    """
    opts = options or Options()
    prepared = _prepare(source, opts)
    if prepared.kind == "html":
        return parse_html(prepared.text, options=opts, utf8=prepared.utf8).blocks
    return segment(prepared.text)


def _past(deadline: float | None) -> bool:
    """Has the time budget run out? (``None``: there is none.)"""
    return deadline is not None and time.monotonic() > deadline


def _out_of_time(
    opts: Options, kind: Literal["html", "text"], encoding: str | None, truncated: bool
) -> Article:
    """The article of a document whose time budget ran out: no text, status ``timeout``."""
    return Article(
        text="",
        paragraphs=(),
        title=None,
        byline=None,
        authors=(),
        date=None,
        source=None,
        site_name=None,
        section=None,
        description=None,
        tags=(),
        language=None,
        url=opts.url,
        kind=kind,
        status="timeout",
        removed=(),
        encoding=encoding,
        truncated=truncated,
    )


def clean(
    source: str | bytes,
    *,
    url: str | None = None,
    kind: Kind = "auto",
    now: datetime | None = None,
    options: Options | None = None,
) -> Article:
    """Clean one document (HTML or a text dump) and return an :class:`~cleaner.Article`.

    ``url``, ``kind`` and ``now`` override the same fields of ``options``. With
    ``options.time_budget`` set, the budget is checked between stages (after detection,
    segmentation and the layers); once it has run out the article has status ``timeout``.

    The cyclic garbage collector is paused while a document is cleaned (see
    :func:`collector_paused`).
    """
    opts = (options or Options()).replace(
        **{k: v for k, v in (("url", url), ("kind", kind), ("now", now)) if v not in (None, "auto")}
    )
    with collector_paused():
        return _clean(source, opts)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block, if it runs; restart it after.

    Cleaning a page allocates tens of thousands of short-lived objects (parser nodes,
    blocks, tuples) that reference counting frees (200 pages leave ~20 objects in cycles);
    the collector's passes, triggered every 700 allocations, find next to nothing to
    collect and cost about 3% of the CPU of cleaning an HTML page (and each full pass walks
    every object the calling program holds). Left as it is when the caller had paused it,
    and when other threads run: the collector is one switch for the whole interpreter, so
    restarting it at the end could undo a pause another thread made meanwhile.

    >>> import gc, threading
    >>> with collector_paused():
    ...     paused = not gc.isenabled()
    >>> paused == (threading.active_count() == 1)
    True
    >>> gc.isenabled()
    True
    """
    if not gc.isenabled() or threading.active_count() > 1:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _clean(source: str | bytes, opts: Options) -> Article:
    """:func:`clean` with the options merged."""
    deadline = None if opts.time_budget is None else time.monotonic() + opts.time_budget
    prepared = _prepare(source, opts)  # 1-3. size limit, decode, detect, normalise
    text, doc_kind, truncated = prepared.text, prepared.kind, prepared.truncated
    encoding = prepared.encoding
    if _past(deadline):
        return _out_of_time(opts, doc_kind, encoding, truncated)

    page_meta = last_resort = tagged_author = Metadata()
    pre_removed: dict[int, tuple[str, str]] = {}
    html_core: tuple[int, int] | None = None
    extraction: dict[str, str] = {}
    if doc_kind == "html":  # 4. segment into blocks
        parsed = parse_html(text, options=opts, utf8=prepared.utf8)
        blocks: Sequence[Block] = parsed.blocks
        pre_removed = parsed.removed
        page_meta = parsed.metadata
        last_resort = parsed.fallback
        tagged_author = parsed.tagged_author
        html_core = parsed.core  # the front end's article span
        extraction = {"text": f"html:{parsed.extraction}"}  # which extractor chose the body
    else:
        blocks = segment(text)
    if _past(deadline):
        return _out_of_time(opts, doc_kind, encoding, truncated)

    live = [b for b in blocks if b.index not in pre_removed]
    language = guess_language(prose_sample(live))  # 5. main-content core
    if doc_kind == "html":
        core = html_core
    else:
        probabilities = block_probabilities(live, language)
        core = end_core(live, probabilities, locate_core(live, model_scores(live, probabilities)))
    removed = dict(pre_removed)
    layers = HTML_LAYERS if doc_kind == "html" else LAYERS
    removed.update(run_layers(live, layers, core=core, options=opts))  # 6. layers
    if _past(deadline):
        return _out_of_time(opts, doc_kind, encoding, truncated)

    kept = [b for b in blocks if b.index not in removed]
    paragraphs = tuple(b.text for b in kept)
    rule_of = {i: r for i, (_, r) in removed.items()}
    # 7. metadata; an HTML page that declares or shows title, author and date needs no
    # reading of its blocks as a dump
    complete = doc_kind == "html" and bool(page_meta.title and page_meta.authors and page_meta.date)
    dump_meta = Metadata() if complete else from_blocks(
        blocks,
        rule_of,
        now=opts.now,
        anchor=core[0] if core else 0,
        language=language,
        url=opts.url,
        known=page_meta,  # the byline and date it holds are not searched for again
        rank_spans=doc_kind == "text",
    )
    body = layout(kept)
    # a meta tag's author yields to a byline line of the blocks, not to a name line
    # (trafilatura-eval HTML +4/-0 pages, wcxb-dev 0)
    ranked = (dump_meta, tagged_author) if reads_byline_line(dump_meta) else (tagged_author, dump_meta)
    meta = merge(page_meta, *ranked, last_resort, Metadata.of("body", language=language))

    status: Status
    if not text or text.isspace():  # not text.strip(): a copy of the whole page
        status = "empty"
    elif not any(is_prose(b) for b in kept):
        status = "no_article"
    else:
        status = "ok"
    return Article(  # 8. the result
        text=body,
        paragraphs=paragraphs,
        title=meta.title,
        byline=meta.byline,
        authors=meta.authors,
        date=meta.date,
        source=meta.source,
        site_name=meta.site_name,
        section=meta.section,
        description=meta.description,
        tags=meta.tags,
        language=meta.language,
        url=opts.url,
        kind=doc_kind,
        status=status,
        removed=tuple(
            Removal(layer, rule_id, blocks[i].raw, blocks[i].where)
            for i, (layer, rule_id) in sorted(removed.items())
        ),
        encoding=encoding,
        truncated=truncated,
        provenance=MappingProxyType({**meta.provenance, **extraction}),
    )
