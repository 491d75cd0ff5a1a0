"""``cleaner.integrations.dask``: same results as :func:`cleaner.clean`, on Dask.

The cluster tests share one real ``LocalCluster`` with two worker processes (module-scoped:
starting it takes a few seconds). The other tests use Dask's synchronous scheduler.
"""

from __future__ import annotations

import gc
import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster, Worker

from cleaner import InvalidOptionError, Options, clean
from cleaner.inputs import Document
from cleaner.integrations import dask as cleaner_dask
from cleaner.integrations.dask import (
    ARTICLE_FIELDS,
    PLUGIN_NAME,
    THROUGHPUT_CONFIG,
    article_meta,
    article_schema,
    clean_bag,
    clean_dataframe,
    prepare_workers,
)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
#: Pages taken from each development corpus (as HTML, and again as its w3m dump): enough to
#: fill several partitions on both workers, few enough to keep the module under ~20 s.
CORPUS_PAGES_EACH = 6
#: Partitions for the cluster bags: more than workers, so both get work.
NPARTITIONS = 4


def _samples() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def _corpus_records(root: Path) -> list[dict[str, Any]]:
    """``{"id", "html"}`` and ``{"id", "text"}`` records for the first pages of each corpus."""
    records: list[dict[str, Any]] = []
    for corpus in ("wcxb-dev", "trafilatura-eval"):
        pages = sorted((root / corpus / "html").glob("*.html.gz"))[:CORPUS_PAGES_EACH]
        for page in pages:
            page_id = page.name.removesuffix(".html.gz")
            html = gzip.decompress(page.read_bytes())
            records.append({"id": f"{corpus}/{page_id}", "html": html})
            dump = root / corpus / "dumps" / "w3m" / f"{page_id}.txt.gz"
            if dump.exists():
                text = gzip.decompress(dump.read_bytes()).decode("utf-8", "replace")
                records.append({"id": f"{corpus}/{page_id}.w3m", "text": text})
    return records


def _expected(record: dict[str, Any]) -> dict[str, Any]:
    """What ``clean`` gives for a record: its key says the kind, as for JSONL input."""
    kind = "html" if "html" in record else "text"
    article = clean(record[kind], url=record.get("url"), kind=kind)
    return {"id": record["id"], **article.to_dict()}


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        dask.config.set(dict(THROUGHPUT_CONFIG)),  # the settings docs/pipelines.md advises
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: others may run clusters here
            memory_limit="2GiB",
        ) as cluster,
        Client(cluster) as dask_client,
    ):
        prepare_workers(dask_client)
        yield dask_client


# -- on a LocalCluster with two worker processes -----------------------------------------


def test_throughput_config_names_real_settings_and_reaches_the_workers(client: Client) -> None:
    # a misspelt key would be set silently and change nothing: each must be a Dask default
    defaults = dask.config.merge(*dask.config.defaults)  # as shipped, not as overridden here
    for key, value in THROUGHPUT_CONFIG.items():
        assert dask.config.get(key, default=KeyError, config=defaults) is not KeyError, key
        on_workers = client.run(dask.config.get, key)
        assert set(on_workers.values()) == {value}, key


def test_samples_on_cluster_match_sequential(client: Client) -> None:
    docs: list[str | bytes] = [*_samples(), *(s.encode("utf-8") for s in _samples())]
    bag = db.from_sequence(docs, npartitions=NPARTITIONS)
    got = client.compute(clean_bag(bag)).result()
    assert got == [clean(d).to_dict() for d in docs]
    assert {a["status"] for a in got} == {"ok"}


def test_corpus_subset_on_cluster_matches_sequential(client: Client, corpus: Path) -> None:
    records = _corpus_records(corpus)
    assert len(records) >= 2 * CORPUS_PAGES_EACH
    bag = db.from_sequence(records, npartitions=NPARTITIONS)
    got = client.compute(clean_bag(bag)).result()
    assert got == [_expected(r) for r in records]


def test_dataframe_on_cluster_matches_sequential(client: Client) -> None:
    docs = _samples()
    urls = [f"https://example.org/{i}" for i in range(len(docs))]
    frame = pd.DataFrame({"doc": docs, "url": urls}, index=[f"s{i}" for i in range(len(docs))])
    out = client.compute(
        clean_dataframe(dd.from_pandas(frame, npartitions=2), "doc", url_column="url")
    ).result()
    assert list(out.index) == list(frame.index)
    assert list(out.columns) == [*ARTICLE_FIELDS, "error_kind", "error_message"]
    for (_, row), doc, url in zip(out.iterrows(), docs, urls, strict=True):
        expected = {**clean(doc, url=url).to_dict(), "error_kind": None, "error_message": None}
        assert row.to_dict() == expected


def _plugin_setups(dask_worker: Worker) -> int:
    return int(dask_worker.plugins[PLUGIN_NAME].setups)


def _language_index_builds() -> int:
    from cleaner.metadata import language

    return int(language._index.cache_info().misses)


def test_worker_setup_runs_once_per_worker_not_per_document(client: Client) -> None:
    docs = _samples() * 4  # 20 documents over 2 workers
    got = client.compute(clean_bag(db.from_sequence(docs, npartitions=NPARTITIONS))).result()
    assert len(got) == len(docs)
    setups = client.run(_plugin_setups)
    assert len(setups) == 2
    assert set(setups.values()) == {1}, setups
    # The stop-word index (the costliest lazily built structure) was built once per worker
    # process, by the warm-up, and reused by every document after it.
    assert set(client.run(_language_index_builds).values()) == {1}
    # ... and the worker's heap was frozen after the warm-up (collections skip it)
    assert all(n > 0 for n in client.run(gc.get_freeze_count).values())


# -- synchronous scheduler ----------------------------------------------------------------


def _sync(collection: Any) -> Any:
    return collection.compute(scheduler="sync")


BODY = "A sentence of the story that is long enough to count as prose. " * 3


def test_bag_elements_str_bytes_and_records() -> None:
    elements = [
        "Council approves budget\n\n" + BODY,
        ("Bytes in a page\n\n" + BODY).encode("utf-8"),
        {"id": 1, "text": "A record story\n\n" + BODY, "url": "https://example.org/a"},
        {"id": "h", "html": f"<html><body><h1>Page</h1><p>{BODY}</p></body></html>"},
    ]
    got = _sync(clean_bag(db.from_sequence(elements, npartitions=2)))
    assert got[0] == clean(elements[0]).to_dict()  # type: ignore[arg-type]
    assert got[1] == clean(elements[1]).to_dict()  # type: ignore[arg-type]
    assert got[2] == _expected(elements[2])  # type: ignore[arg-type]
    assert got[3] == _expected(elements[3])  # type: ignore[arg-type]
    assert next(iter(got[3])) == "id"
    assert [a["title"] for a in got[:3]] == [
        "Council approves budget",
        "Bytes in a page",
        "A record story",
    ]


def test_failures_become_error_records_and_the_job_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = cleaner_dask.clean_document

    def flaky(doc: Document, options: Options) -> Any:
        if doc.data == "boom":
            raise RuntimeError("parser exploded")
        return real(doc, options)

    monkeypatch.setattr(cleaner_dask, "clean_document", flaky)
    elements = [
        42,
        {"id": "x", "body": "?"},
        "boom",
        {"id": "y", "url": "u", "text": "boom"},
        b"\x89PNG\r\n\x1a\n",
        "Council approves budget\n\n" + BODY,
    ]
    got = _sync(clean_bag(db.from_sequence(elements, npartitions=2)))
    exploded = {"kind": "error", "message": "RuntimeError: parser exploded"}
    assert got[:5] == [
        {
            "url": None,
            "status": "error",
            "error": {
                "kind": "error",
                "message": "InvalidInputError: clean() takes the page as str or bytes, not int",
            },
        },
        {
            "id": "x",
            "url": None,
            "status": "error",
            "error": {
                "kind": "unreadable",
                "message": "record has no string field 'html' or 'text'",
            },
        },
        {"url": None, "status": "error", "error": exploded},
        {"id": "y", "url": "u", "status": "error", "error": exploded},
        {
            "url": None,
            "status": "error",
            "error": {"kind": "binary", "message": "not a text or HTML document: a PNG image"},
        },
    ]
    assert got[5]["status"] == "ok"


def test_fields_and_options_are_applied() -> None:
    options = Options(url="https://example.org/story")
    got = _sync(
        clean_bag(
            db.from_sequence(["Council approves budget\n\n" + BODY]),
            options=options,
            fields=["url", "title"],
        )
    )
    assert got == [
        {"title": "Council approves budget", "url": "https://example.org/story", "status": "ok"}
    ]


@pytest.mark.parametrize("fields", [["headline"], "title"])
def test_bad_fields_are_refused_up_front(fields: Any) -> None:
    with pytest.raises(InvalidOptionError):
        clean_bag(db.from_sequence(["x"]), fields=fields)


def test_dataframe_meta_is_explicit_so_dask_never_cleans_fake_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[object] = []
    real = cleaner_dask.clean_document

    def counting(doc: Document, options: Options) -> Any:
        calls.append(doc)
        return real(doc, options)

    monkeypatch.setattr(cleaner_dask, "clean_document", counting)
    frame = pd.DataFrame({"doc": ["Council approves budget\n\n" + BODY, "Other\n\n" + BODY, None]})
    out = clean_dataframe(dd.from_pandas(frame, npartitions=2), "doc")
    assert out.dtypes.to_dict() == article_meta().dtypes.to_dict()
    assert out.dtypes["truncated"] == "bool"
    assert calls == []  # building the graph and reading its meta cleaned nothing
    result = _sync(out)
    assert len(calls) == 3  # one per row, no more
    assert result.dtypes.to_dict() == article_meta().dtypes.to_dict()
    assert list(result["status"]) == ["ok", "ok", "error"]
    assert list(result["error_kind"])[:2] == [None, None]
    missing = result.iloc[2].to_dict()
    assert missing["error_kind"] == "unreadable"
    assert missing["error_message"] == "missing value in column 'doc'"
    assert missing["paragraphs"] == [] and missing["provenance"] == {}
    assert missing["title"] is None
    assert not missing["truncated"]


def test_dataframe_result_lines_up_with_its_input() -> None:
    frame = pd.DataFrame(
        {"name": ["a", "b", "c"], "doc": [f"Story {i}\n\n" + BODY for i in range(3)]}
    )
    pages = dd.from_pandas(frame, npartitions=2)
    out = clean_dataframe(pages, "doc", fields=["title"])
    joined = _sync(pages.join(out))
    assert list(joined["title"]) == ["Story 0", "Story 1", "Story 2"]
    assert list(joined["name"]) == ["a", "b", "c"]
    assigned = _sync(pages.assign(title=out.title))
    assert list(assigned["title"]) == ["Story 0", "Story 1", "Story 2"]


def test_dataframe_unknown_column_is_refused() -> None:
    pages = dd.from_pandas(pd.DataFrame({"doc": ["x"]}), npartitions=1)
    with pytest.raises(InvalidOptionError, match="no column 'html'"):
        clean_dataframe(pages, "html")


def test_bag_order_is_kept_across_partitions() -> None:
    docs = [f"Story number {i}\n\n" + BODY for i in range(9)]
    got = _sync(clean_bag(db.from_sequence(docs, npartitions=4), fields=["title"]))
    assert [a["title"] for a in got] == [f"Story number {i}" for i in range(9)]


def test_the_warm_up_documents_reach_every_stage() -> None:
    for document in cleaner_dask.WARM_UP_DOCUMENTS:
        article = clean(document)
        assert article.status == "ok"
        assert article.language == "en"
    assert {clean(d).kind for d in cleaner_dask.WARM_UP_DOCUMENTS} == {"html", "text"}


def test_record_key_sets_the_kind_unless_the_options_do() -> None:
    page = f"<html><body><h1>Page</h1><p>{BODY}</p></body></html>"
    records = [{"html": page}, {"text": page}]
    got = _sync(clean_bag(db.from_sequence(records), fields=["kind"]))
    assert [a["kind"] for a in got] == ["html", "text"]
    forced = _sync(
        clean_bag(db.from_sequence(records), fields=["kind"], options=Options(kind="html"))
    )
    assert [a["kind"] for a in forced] == ["html", "html"]


def test_dataframe_writes_to_parquet_with_article_schema(tmp_path: Path) -> None:
    docs: list[str | None] = [*_samples()[:2], None]
    out = clean_dataframe(dd.from_pandas(pd.DataFrame({"doc": docs}), npartitions=2), "doc")
    out.to_parquet(
        tmp_path, schema=article_schema(), write_index=False, compute_kwargs={"scheduler": "sync"}
    )
    back = pd.read_parquet(tmp_path)
    assert list(back.columns) == article_schema().names
    assert list(back["status"]) == ["ok", "ok", "error"]
    first, expected = back.iloc[0], clean(docs[0] or "").to_dict()
    assert first["title"] == expected["title"]
    assert list(first["paragraphs"]) == expected["paragraphs"]
    assert [dict(r) for r in first["removed"]] == expected["removed"]
    assert dict(first["provenance"]) == expected["provenance"]
    assert back.iloc[2]["error_kind"] == "unreadable"
