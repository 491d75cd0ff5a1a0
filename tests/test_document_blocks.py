"""``cleaner explain`` and the report cut a document into blocks exactly as ``clean()`` did.

They go through :func:`cleaner.pipeline.document_blocks` (the pipeline's own size limit,
decoding, detection and per-front-end normalisation), so every removal and every kept
paragraph of the article matches a block.
"""

from __future__ import annotations

import pytest
from benchmarks.hostile import article_dump, article_html

from cleaner import Options, clean
from cleaner.cli.explain import explain_blocks
from cleaner.pipeline import document_blocks

#: A size limit that cuts the pages below in the middle of their body.
CUT_BYTES = 1_500


@pytest.mark.parametrize(
    "source",
    [
        article_html(8),
        article_html(8).encode("utf-16"),
        article_dump(8),
        article_dump(8).encode("utf-8").decode("cp1252", "replace"),  # mojibake
        "<html><body><article><h1>Caf\u00c3\u00a9 news</h1><p>"
        + "The caf\u00c3\u00a9 council approved it after a long debate. " * 5
        + "</p></article></body></html>",
    ],
)
@pytest.mark.parametrize("limit", [None, CUT_BYTES])
def test_blocks_match_the_article(source: str | bytes, limit: int | None) -> None:
    options = Options() if limit is None else Options(max_input_bytes=limit)
    article = clean(source, options=options)
    blocks = document_blocks(source, options=options.replace(kind=article.kind))
    rows = explain_blocks(article, blocks)
    assert all(row["index"] is not None for row in rows)  # every removal has its block
    assert [row["text"] for row in rows if row["kept"]] == list(article.paragraphs)
    assert len(rows) - len(article.paragraphs) == len(article.removed)


def test_the_size_limit_applies_as_in_clean() -> None:
    page = article_html(40)
    cut = Options(max_input_bytes=CUT_BYTES)
    assert len(document_blocks(page, options=cut)) < len(document_blocks(page))
