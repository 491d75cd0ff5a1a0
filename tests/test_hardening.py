"""Hostile and broken inputs, at a small scale: each is survived with the right outcome.

The same documents at full size (a 20 MB page, 100,000-deep nesting, a million ``<br>``...)
are measured for time and memory by ``benchmarks/bench_hostile.py``; here they only have
to come out right. No timing assertions: bounds live in the benchmark.
"""

from __future__ import annotations

import dataclasses

import pytest
from benchmarks.hostile import CASES, LEGACY_TEXT, article_dump, article_html
from selectolax.lexbor import LexborHTMLParser

from cleaner import Options, clean
from cleaner.decode import decode
from cleaner.errors import InvalidOptionError
from cleaner.html.nesting import MAX_NESTING, cap_nesting

#: Scale of the cases here: ~20 KB documents, fast on a 2-core CI machine.
TEST_SCALE = 0.001
#: Cases whose point is lost at the small scale run at this one instead (deep nesting must
#: pass :data:`MAX_NESTING`).
SCALE_OF = {"deep-nesting": 0.01, "deep-unclosed": 0.02, "deep-inline": 0.005,
            "deep-blocks": 0.005}
STATUSES = ("ok", "no_article", "empty")


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_is_survived(name: str) -> None:
    case = CASES[name]
    document = case.make(SCALE_OF.get(name, TEST_SCALE))
    article = clean(document, kind=case.kind)  # type: ignore[arg-type]
    assert article.status in STATUSES
    if case.expect_status is not None:
        assert article.status == case.expect_status
    if case.expect_text is not None:
        assert case.expect_text in article.text
    article.to_json()


@pytest.mark.parametrize("source", ["", b"", " \n\t\r\u3000\u00a0" * 50, b"\xef\xbb\xbf",
                                    b"\xff\xfe", "\x00\x00\x00", "\ufeff"])
def test_empty_and_whitespace_only_input_is_empty_not_an_error(source: str | bytes) -> None:
    article = clean(source)
    assert (article.status, article.text, article.paragraphs) == ("empty", "", ())


def test_all_boilerplate_is_an_empty_article_with_its_removals_listed() -> None:
    article = clean(CASES["all-boilerplate-text"].make(TEST_SCALE), kind="text")
    assert (article.status, article.text) == ("no_article", "")
    assert article.removed  # every block is accounted for in the audit trail


def test_mojibake_comes_out_repaired() -> None:
    broken = "Café council: it’s ‘fine’ — résumé".encode().decode("cp1252")
    body = f"{broken}, said the mayor after the long debate on the budget on Tuesday evening."
    article = clean(article_dump(3).replace("By Jane Doe", f"By Jane Doe\n\n{body}"))
    assert "Café council: it’s ‘fine’ — résumé" in article.text
    assert "Ã" not in article.text


@pytest.mark.parametrize("encoding", sorted(LEGACY_TEXT))
def test_undeclared_legacy_encodings_are_detected(encoding: str) -> None:
    data = CASES[f"legacy-{encoding}"].make(TEST_SCALE)
    assert isinstance(data, bytes)
    sentences = LEGACY_TEXT[encoding]
    assert sentences[1] in decode(data).text
    assert sentences[1][:20] in clean(data).text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-le", "utf-16-be",
                                      "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("language", ["cp1251", "cp1252", "shift_jis"])
def test_wide_encodings_with_and_without_bom(encoding: str, language: str) -> None:
    text = "\n\n".join(" ".join(LEGACY_TEXT[language]) for _ in range(3))
    decoded = decode(text.encode(encoding))
    assert decoded.text == text, (decoded.encoding, decoded.evidence)


def test_lone_surrogates_and_controls_are_dropped_not_raised() -> None:
    article = clean("Title\ud800\n\n\x00" + article_dump(3).replace("council", "coun\udfffcil\x07"))
    assert "\ud800" not in article.text and "\x00" not in article.text
    assert "council approved" in article.text


def test_deep_nesting_is_capped_before_parsing_and_keeps_its_text() -> None:
    depth = 20_000
    page = "<html><body>" + "<div>" * depth + article_html(2) + "</div>" * depth
    capped = cap_nesting(page)
    tree = LexborHTMLParser(capped)
    deepest, node = 0, tree.css_first("p")
    while node is not None:
        deepest, node = deepest + 1, node.parent
    assert deepest <= MAX_NESTING + 8  # html, body and the page's own few levels
    assert "The council approved" in clean(page).text


def test_truncation_past_max_input_bytes_is_reported() -> None:
    page = article_html(40).encode("utf-16")
    article = clean(page, options=Options(max_input_bytes=3001))  # cuts a UTF-16 unit
    assert article.truncated
    assert article.status in STATUSES
    assert not clean(page).truncated


def test_time_budget_past_returns_timeout_not_an_exception() -> None:
    options = Options(time_budget=1e-9)
    for source in (article_dump(5), article_html(5), article_html(5).encode("utf-8")):
        article = clean(source, options=options)
        assert (article.status, article.text, article.removed) == ("timeout", "", ())


def test_a_generous_time_budget_changes_nothing() -> None:
    page = article_html(5)
    assert clean(page, options=Options(time_budget=3600)).to_dict() == clean(page).to_dict()


@pytest.mark.parametrize("budget", [0, -1.0, float("nan"), True, "5"])
def test_time_budget_must_be_a_positive_number(budget: object) -> None:
    with pytest.raises(InvalidOptionError, match="time_budget"):
        Options(time_budget=budget)  # type: ignore[arg-type]


def test_the_caller_input_is_not_mutated() -> None:
    data = bytearray(article_html(3).encode("utf-8"))
    before = bytes(data)
    clean(data)  # type: ignore[arg-type]
    assert bytes(data) == before


def test_cases_are_deterministic_documents() -> None:
    for case in CASES.values():
        assert case.make(TEST_SCALE) == case.make(TEST_SCALE), case.name
        assert dataclasses.replace(case).name == case.name
