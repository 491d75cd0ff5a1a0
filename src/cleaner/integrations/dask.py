"""Run cleaner on Dask: a bag of raw documents, or a dataframe column of them.

Install with ``pip install 'cleaner[dask]'``. The same code runs on one laptop (Dask's
local schedulers), on a ``LocalCluster`` and on a multi-machine cluster; see
``docs/pipelines.md``.

* :func:`clean_bag` turns a ``dask.bag`` of documents into a bag of article dicts (the
  :meth:`cleaner.Article.to_dict` form).
* :func:`clean_dataframe` cleans one column of a ``dask.dataframe`` and returns the article
  fields as columns, on the input's index; :func:`article_schema` is their Parquet schema.
* :func:`prepare_workers` registers :class:`CleanerWorkerPlugin`, which warms the pipeline
  up once on every worker of a ``distributed`` cluster (imports, the stop-word index), so
  no document pays for it.

Documents are read and cleaned exactly as :func:`cleaner.clean_many` and ``cleaner clean``
do, and a document that cannot be cleaned becomes an error record (``status == "error"``
and ``error``, the ``{"kind", "message"}`` form of :class:`cleaner.batch.DocumentError`)
instead of failing the job.

>>> import dask.bag as db
>>> from cleaner.integrations.dask import clean_bag
>>> body = "A sentence of the story that is long enough to count as prose. " * 3
>>> docs = db.from_sequence(
...     ["Council approves budget\\n\\n" + body, {"id": "b", "text": "Second story\\n\\n" + body}, b"GIF89a"],
...     npartitions=2,
... )
>>> for a in clean_bag(docs, fields=["title"]).compute(scheduler="sync"):
...     print(a.get("id"), a["status"], a.get("title") or a["error"])
None ok Council approves budget
b ok Second story
None error {'kind': 'binary', 'message': 'not a text or HTML document: a GIF image'}
"""

from __future__ import annotations

import dataclasses
import gc
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]  # stubs optional
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
    from distributed import Client, Worker, WorkerPlugin
except ImportError as exc:  # exercised by tests/test_dask_import.py
    raise ImportError(
        f"cleaner.integrations.dask needs dask[bag,dataframe,distributed] ({exc}); "
        "install it with: pip install 'cleaner[dask]'"
    ) from exc

from cleaner.article import Article
from cleaner.batch.errors import DocumentError
from cleaner.batch.stream import clean_document
from cleaner.batch.warm import WARM_UP_DOCUMENTS, warm_up
from cleaner.batch.worker import run_task
from cleaner.errors import InvalidOptionError
from cleaner.inputs import Document
from cleaner.options import Kind, Options

__all__ = [
    "ARTICLE_FIELDS",
    "ERROR_COLUMNS",
    "ERROR_STATUS",
    "PLUGIN_NAME",
    "THROUGHPUT_CONFIG",
    "WARM_UP_DOCUMENTS",
    "CleanerWorkerPlugin",
    "article_meta",
    "article_schema",
    "clean_bag",
    "clean_dataframe",
    "clean_record",
    "prepare_workers",
    "warm_up",
]

#: The keys of :meth:`cleaner.Article.to_dict`, in that order (the dataframe column order).
ARTICLE_FIELDS: Final[tuple[str, ...]] = tuple(f.name for f in dataclasses.fields(Article))
#: Fields that hold a list (``paragraphs``, ``authors``, ``tags``, ``removed``) or a mapping
#: (``provenance``); in a dataframe they are object columns.
CONTAINER_FIELDS: Final[frozenset[str]] = frozenset(
    {"paragraphs", "authors", "tags", "removed", "provenance"}
)
#: Fields that are a ``bool`` (a ``bool`` column; ``False`` on error rows).
BOOL_FIELDS: Final[frozenset[str]] = frozenset({"truncated"})
#: ``status`` of a record whose document could not be cleaned; ``error`` holds the reason.
ERROR_STATUS: Final = "error"
#: Dataframe columns that hold a failed row's :class:`cleaner.batch.DocumentError`
#: (``error_kind``, ``error_message``), and the keys of its ``to_dict()`` they come from.
ERROR_COLUMNS: Final[tuple[str, ...]] = ("error_kind", "error_message")
ERROR_KEYS: Final[tuple[str, ...]] = ("kind", "message")
#: The name under which :class:`CleanerWorkerPlugin` is registered on the workers.
PLUGIN_NAME: Final = "cleaner-warm-up"
#: Dask settings for long cleaning jobs, to apply with ``dask.config.set(THROUGHPUT_CONFIG)``
#: before a ``LocalCluster`` starts (or as ``DASK_DISTRIBUTED__...`` variables for
#: ``dask worker``). A worker's own threads poll in the background: the stack profiler
#: (every 10 ms; ~10% of worker CPU per page in a 400-page trial), the event-loop tick (20 ms),
#: the system monitor (0.5 s) and the memory monitor (0.1 s). With the profiler off, the other
#: three still cost 1.9 ms of worker CPU per page against 16-19 ms of cleaning (process CPU
#: minus the CPU of the thread that cleans, 400 pages on 2 workers); at these intervals,
#: 0.45 ms. What is given up: the dashboard's profile page and finer monitoring graphs; the
#: memory monitor still checks every second.
THROUGHPUT_CONFIG: Final[Mapping[str, object]] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}
#: Keys of a bag record that hold the document, in order of preference, and the front end
#: each implies when the options leave ``kind`` on ``"auto"`` (as for JSONL input).
DOCUMENT_KEYS: Final[tuple[tuple[str, Kind], ...]] = (("html", "html"), ("text", "text"))

class CleanerWorkerPlugin(WorkerPlugin):
    """Warm the pipeline up once when a worker starts (or joins the cluster later).

    ``setups`` counts how often :meth:`setup` ran on this worker's copy of the plugin:
    one per worker, whatever the number of documents.

    >>> plugin = CleanerWorkerPlugin()
    >>> plugin.name, plugin.setups
    ('cleaner-warm-up', 0)
    """

    name = PLUGIN_NAME

    def __init__(self, options: Options | None = None) -> None:
        self.options = options
        self.setups = 0

    def setup(self, worker: Worker) -> None:
        warm_up(self.options)
        gc.freeze()  # the worker's long-lived objects: its collections skip them from now on
        self.setups += 1


def prepare_workers(client: Client, options: Options | None = None) -> None:
    """Register :class:`CleanerWorkerPlugin` on every current and future worker of ``client``.

    Optional: without it each worker warms up on its first document instead.
    Registering again replaces the plugin (and runs its setup again).
    """
    client.register_plugin(CleanerWorkerPlugin(options))


def _fields(fields: Iterable[str] | None) -> tuple[str, ...]:
    """The selected article fields in :data:`ARTICLE_FIELDS` order; ``status`` always.

    >>> _fields(["title", "text"])
    ('text', 'title', 'status')
    >>> _fields(["headline"])
    Traceback (most recent call last):
    ...
    cleaner.errors.InvalidOptionError: unknown article field 'headline'; fields are ...
    """
    if fields is None:
        return ARTICLE_FIELDS
    if isinstance(fields, str):
        raise InvalidOptionError("fields must be a sequence of field names, not one str")
    wanted = set(fields)
    unknown = sorted(wanted - set(ARTICLE_FIELDS))
    if unknown:
        raise InvalidOptionError(
            f"unknown article field {unknown[0]!r}; fields are {', '.join(ARTICLE_FIELDS)}"
        )
    wanted.add("status")
    return tuple(f for f in ARTICLE_FIELDS if f in wanted)


def _error_record(error: DocumentError, *, doc_id: object, url: object) -> dict[str, Any]:
    """The record of a document that could not be cleaned (the CLI's error form)."""
    record: dict[str, Any] = {} if doc_id is None else {"id": doc_id}
    record.update(url=url, status=ERROR_STATUS, error=error.to_dict())
    return record


def clean_record(
    record: object,
    options: Options | None = None,
    fields: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Clean one bag element and return its article dict, or an error record.

    ``record`` is the document (``str`` or ``bytes``) or a mapping, like a JSONL record,
    with ``html`` or ``text`` (the document; the key sets ``kind`` unless ``options`` do)
    and optional ``url`` and ``id`` (``id`` is copied to the result, first). Documents are
    read and cleaned as :func:`cleaner.clean_many` and the CLI do (so binary data such as
    an image is refused). Never raises for a bad document: the failure becomes
    ``{"id"?, "url", "status": "error", "error": {"kind", "message"}}``, the error form of
    :class:`cleaner.batch.DocumentError`.

    >>> clean_record({"id": 7, "html": b"<p>Hi</p>"}, fields=["kind"])
    {'id': 7, 'kind': 'html', 'status': 'no_article'}
    >>> clean_record({"id": 8, "body": "?"})["error"]
    {'kind': 'unreadable', 'message': "record has no string field 'html' or 'text'"}
    >>> clean_record(b"\\x89PNG\\r\\n\\x1a\\n...")["error"]["kind"]
    'binary'
    """
    selected = _fields(fields)
    if not isinstance(record, Mapping):
        return _clean_one(Document(input="", data=record), options, selected)  # type: ignore[arg-type]
    doc_id, url = record.get("id"), record.get("url")
    key = next((k for k in DOCUMENT_KEYS if isinstance(record.get(k[0]), (str, bytes))), None)
    if key is None:
        problem = "record has no string field 'html' or 'text'"
        return _clean_one(Document(input="", problem=problem), options, selected, doc_id, url)
    doc = Document(input="", data=record[key[0]], url=url, kind=key[1])
    return _clean_one(doc, options, selected, doc_id, url)


def _clean_one(
    doc: Document,
    options: Options | None,
    fields: tuple[str, ...],
    doc_id: object = None,
    url: object = None,
) -> dict[str, Any]:
    """Clean ``doc`` into the selected fields, or into an error record."""
    opts = options or Options()
    ok, value = run_task(lambda d: clean_document(d, opts), doc)
    if not ok:
        label = doc.label or ("" if doc_id is None else f"#{doc_id}")
        return _error_record(DocumentError(label, *value), doc_id=doc_id, url=url)
    article: dict[str, Any] = value.to_dict()
    result: dict[str, Any] = {} if doc_id is None else {"id": doc_id}
    result.update((f, article[f]) for f in fields)
    return result


def _clean_partition(
    records: Iterable[object], options: Options | None, fields: tuple[str, ...]
) -> list[dict[str, Any]]:
    return [clean_record(r, options, fields) for r in records]


def clean_bag(
    bag: db.Bag,
    *,
    options: Options | None = None,
    fields: Sequence[str] | None = None,
) -> db.Bag:
    """A bag of article dicts (see :func:`clean_record`), one per element of ``bag``, in order.

    ``fields`` keeps only those article keys (``status`` always; error records keep their
    ``url`` and ``error``): leaving out ``removed`` and ``paragraphs`` halves what travels between
    workers. Lazy, like every bag operation; nothing runs until ``compute`` or a write.
    """
    selected = _fields(fields)
    cleaned: db.Bag = bag.map_partitions(  # type: ignore[no-untyped-call]
        _clean_partition, options, selected
    )
    return cleaned


def _dtype(field: str) -> str:
    return "bool" if field in BOOL_FIELDS else "object"


def article_meta(fields: Sequence[str] | None = None) -> pd.DataFrame:
    """The empty frame :func:`clean_dataframe` returns: its columns and their dtypes.

    Strings and ``None`` stay Python objects (``object`` columns) so that values are exactly
    those of :meth:`cleaner.Article.to_dict`; ``truncated`` is ``bool``; lists and
    ``provenance`` are object columns; :data:`ERROR_COLUMNS` come last.

    >>> meta = article_meta(["title", "truncated"])
    >>> meta.dtypes.astype(str).to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'title': 'object', 'status': 'object', 'truncated': 'bool',
     'error_kind': 'object', 'error_message': 'object'}
    """
    columns = (*_fields(fields), *ERROR_COLUMNS)
    return pd.DataFrame({c: pd.Series([], dtype=_dtype(c)) for c in columns})


def article_schema(fields: Sequence[str] | None = None) -> pa.Schema:
    """The Arrow schema of :func:`clean_dataframe`'s columns, for ``to_parquet(schema=...)``.

    Dask infers a Parquet schema from placeholder values, which fails on object columns;
    pass this schema instead (prepend fields for columns of your own). Lists become
    ``list<string>``, ``removed`` a list of ``struct<layer, rule, text, where>``,
    ``provenance`` a ``map<string, string>``.

    >>> import pyarrow as pa
    >>> schema = article_schema(["title", "tags"])
    >>> [f"{f.name}: {f.type}" for f in schema][:3]
    ['title: string', 'tags: list<item: string>', 'status: string']
    >>> pa.schema([pa.field("id", pa.int64()), *schema]).names[:2]
    ['id', 'title']
    """
    string = pa.string()
    removal = pa.struct([(name, string) for name in ("layer", "rule", "text", "where")])
    special = {
        "paragraphs": pa.list_(string),
        "authors": pa.list_(string),
        "tags": pa.list_(string),
        "removed": pa.list_(removal),
        "provenance": pa.map_(string, string),
        "truncated": pa.bool_(),
    }
    columns = (*_fields(fields), *ERROR_COLUMNS)
    return pa.schema([(c, special.get(c, string)) for c in columns])


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _empty_value(field: str) -> object:
    """What an error row holds in ``field``: empty containers, ``False``, or ``None``."""
    if field in BOOL_FIELDS:
        return False
    if field == "provenance":
        return {}
    if field in CONTAINER_FIELDS:
        return []
    return None


def _clean_frame(
    part: pd.DataFrame,
    column: str,
    url_column: str | None,
    options: Options | None,
    fields: tuple[str, ...],
) -> pd.DataFrame:
    urls = part[url_column].tolist() if url_column is not None else [None] * len(part)
    rows: list[dict[str, Any]] = []
    for value, url in zip(part[column].tolist(), urls, strict=True):
        page_url = None if _missing(url) else url
        if _missing(value):
            problem = f"missing value in column {column!r}"
            doc = Document(input="", url=page_url, problem=problem)
        else:
            doc = Document(input="", data=value, url=page_url)
        rows.append(_clean_one(doc, options, fields, url=page_url))
    data = {
        f: pd.Series(
            [r[f] if f in r else _empty_value(f) for r in rows], index=part.index, dtype=_dtype(f)
        )
        for f in fields
    }
    for name, key in zip(ERROR_COLUMNS, ERROR_KEYS, strict=True):
        errors = [r["error"][key] if "error" in r else None for r in rows]
        data[name] = pd.Series(errors, index=part.index, dtype=object)
    return pd.DataFrame(data, index=part.index)


def clean_dataframe(
    df: dd.DataFrame,
    column: str,
    *,
    url_column: str | None = None,
    options: Options | None = None,
    fields: Sequence[str] | None = None,
) -> dd.DataFrame:
    """Clean the documents in ``df[column]``; one row of article fields per input row.

    The result has the input's index and partitions, so ``df.join(result)`` or
    ``df.assign(title=result.title)`` line up without a shuffle. Columns are ``fields``
    (default: all of :data:`ARTICLE_FIELDS`, ``status`` always) then ``error_kind`` and
    ``error_message``, typed as in :func:`article_meta`, which is also passed as ``meta`` so
    Dask never runs the cleaner on made-up data to guess them. ``url_column`` names a
    column of page addresses. Each cell is cleaned as :func:`clean_record` cleans a ``str``
    or ``bytes`` element (``kind`` from ``options``, else sniffed). A row whose document is
    missing or fails has ``status == "error"``, the error in ``error_kind`` (see
    :data:`cleaner.batch.ErrorKind`) and ``error_message``, ``None`` or empty containers
    elsewhere.

    >>> import pandas as pd, dask.dataframe as dd
    >>> body = "A sentence of the story that is long enough to count as prose. " * 3
    >>> frame = pd.DataFrame({"doc": ["Council approves budget\\n\\n" + body, None]})
    >>> pages = dd.from_pandas(frame, npartitions=1)
    >>> out = clean_dataframe(pages, "doc", fields=["title"]).compute(scheduler="sync")
    >>> out.to_dict("records")[0]
    {'title': 'Council approves budget', 'status': 'ok', 'error_kind': None, 'error_message': None}
    >>> out.loc[1, "status"], out.loc[1, "error_kind"], out.loc[1, "error_message"]
    ('error', 'unreadable', "missing value in column 'doc'")
    """
    for name in (column, url_column):
        if name is not None and name not in df.columns:
            raise InvalidOptionError(f"no column {name!r} in the dataframe")
    selected = _fields(fields)
    cleaned: dd.DataFrame = df.map_partitions(  # type: ignore[no-untyped-call]
        _clean_frame, column, url_column, options, selected, meta=article_meta(selected)
    )
    return cleaned
