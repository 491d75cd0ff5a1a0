"""Invariants of clean(): never raises, deterministic, invents nothing, idempotent, accounts for input."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from cleaner import clean
from cleaner.normalize import normalize
from tests import strategies as s

_WS = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text))


@given(st.one_of(s.junk_text, s.junk_bytes, s.dump, s.html_page))
def test_never_raises_and_is_deterministic(source: str | bytes) -> None:
    first = clean(source)
    assert first.to_dict() == clean(source).to_dict()
    assert first.status in ("ok", "no_article", "empty")


@given(st.one_of(s.junk_text, s.dump, s.article_dump))
def test_no_invented_text(source: str) -> None:
    flat_input = _flat(normalize(source))
    for paragraph in clean(source).paragraphs:
        assert _flat(paragraph) in flat_input


@given(s.html_page)
def test_no_invented_text_html(source: str) -> None:
    flat_input = _flat(source)
    for paragraph in clean(source).paragraphs:
        assert _flat(paragraph) in flat_input


@given(st.one_of(s.dump, s.article_dump))
def test_idempotent_on_text_dumps(source: str) -> None:
    once = clean(source, kind="text")
    assert clean(once.text, kind="text").text == once.text


@given(st.one_of(s.dump, s.article_dump, s.junk_text))
def test_kept_and_removed_account_for_the_input(source: str) -> None:
    article = clean(source, kind="text")
    accounted = _tokens(" ".join(article.paragraphs)) + _tokens(
        " ".join(r.text for r in article.removed)
    )
    missing = _tokens(normalize(source)) - accounted
    # only list numbers ("1." bullets) are dropped from kept text; nothing else may vanish
    assert all(token.isdigit() for token in missing), missing
    assert not accounted - _tokens(normalize(source))
