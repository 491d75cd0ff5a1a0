"""The HTML parser reads a page's own UTF-8 bytes when they are exactly its text, and the
text otherwise (another encoding, a byte-order mark, a page the nesting cap changed)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner import clean
from cleaner.html.frontend import parse_html
from cleaner.html.json_ld import JSON_LD_NODES, json_ld_metadata
from cleaner.html.nesting import MAX_NESTING
from cleaner.options import Options
from cleaner.pipeline import _prepare

PROSE = "Über die Straße gehen zwölf Menschen, während der Regen fällt – und keiner eilt. "
PAGE = f"<html><head><meta charset='utf-8'><title>Straße</title></head><body><h1>Straße</h1><p>{PROSE * 4}</p></body></html>"


@pytest.mark.parametrize(
    ("data", "exact"),
    [
        (PAGE.encode("utf-8"), True),  # read as UTF-8 without an error
        (PAGE.replace("utf-8", "cp1252").encode("cp1252"), False),  # another encoding
        (b"\xef\xbb\xbf" + PAGE.encode("utf-8"), False),  # the text leaves the BOM out
        (PAGE.encode("utf-8")[:-3] + b"\xff", False),  # not UTF-8: decoded another way
    ],
)
def test_the_bytes_are_kept_only_when_they_are_the_text_in_utf8(data: bytes, exact: bool) -> None:
    prepared = _prepare(data, Options(kind="html"))
    assert (prepared.utf8 is not None) == exact
    if prepared.utf8 is not None:
        assert prepared.utf8.decode("utf-8") == prepared.text


def test_a_text_input_has_no_bytes() -> None:
    assert _prepare(PAGE, Options(kind="html")).utf8 is None


def test_bytes_and_text_clean_alike() -> None:
    from_bytes, from_text = clean(PAGE.encode("utf-8"), kind="html"), clean(PAGE, kind="html")
    assert from_bytes.text == from_text.text and PROSE.strip() in from_bytes.text
    assert from_bytes.removed == from_text.removed


def test_the_capped_page_is_parsed_not_its_bytes() -> None:
    deep = "<div>" * (MAX_NESTING + 40) + f"<p>{PROSE}</p>" + "</div>" * (MAX_NESTING + 40)
    html = f"<html><body>{deep}</body></html>"
    with_bytes = parse_html(html, utf8=html.encode("utf-8"))
    without = parse_html(html)
    assert [(b.text, b.indent, b.where) for b in with_bytes.blocks] == [
        (b.text, b.indent, b.where) for b in without.blocks
    ]
    assert with_bytes.blocks[-1].indent <= MAX_NESTING + 3  # capped: html, body, divs, p


def test_json_ld_from_found_scripts_is_json_ld_from_the_tree() -> None:
    tree = LexborHTMLParser(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A",'
        ' "author": {"name": "Jane Doe"}, "datePublished": "2024-05-01"}</script>'
    )
    given = json_ld_metadata(tree, nodes=tree.css(JSON_LD_NODES))
    assert given == json_ld_metadata(tree)
    assert given.titles and given.titles[0][0] == "A"
