"""The public API: argument checking, the Article's forms, and options."""

from __future__ import annotations

import gc
import json
import pickle
import threading
from datetime import datetime

import pytest

from cleaner import Article, InvalidInputError, InvalidOptionError, Options, clean
from tests.conftest import SAMPLES

SEED = (SAMPLES / "000_ce51e559fc37b17e.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", [None, 42, ["text"], {"html": "<p>x</p>"}])
def test_wrong_source_type_is_a_clear_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        clean(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        clean(bad)  # type: ignore[arg-type]


def test_wrong_options_are_value_errors() -> None:
    with pytest.raises(ValueError, match="kind"):
        clean("text", kind="pdf")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError, match="now"):
        Options(now="yesterday")  # type: ignore[arg-type]


def test_article_forms() -> None:
    article = clean(SEED, url="https://example.org/story")
    data = json.loads(article.to_json())
    assert data == article.to_dict()
    assert data["url"] == "https://example.org/story" and data["kind"] == "text"
    assert {"layer", "rule", "text", "where"} == set(data["removed"][0])
    assert article.to_markdown().startswith("# Putin orders logistics centers")
    assert article.text == "\n\n".join(article.paragraphs)  # the seed's body holds no list


_A = "The council approved the new budget after a long debate on Tuesday evening."
_B = "Residents said the road had been closed for weeks without any explanation."
_ITEMS = ("Road repairs", "School meals", "Street lights")
_LIST_DUMP = "\n\n".join(["Budget approved", f"{_A} {_B}", "The plan pays for three things:",
                          "\n".join(f"  • {item}" for item in _ITEMS), f"{_B} {_A}"])
_LIST_PAGE = ("<html><body><nav><a href='/'>Home</a></nav><article><h1>Budget approved</h1>"
              f"<p>{_A} {_B}</p><p>The plan pays for three things:</p><ul>"
              + "".join(f"<li>{item}</li>" for item in _ITEMS) + f"</ul><p>{_B} {_A}</p></article>"
              "</body></html>")


@pytest.mark.parametrize("page", [_LIST_DUMP, _LIST_PAGE], ids=["dump", "html"])
def test_list_items_are_one_per_line_and_marked_in_the_text(page: str) -> None:
    article = clean(page)
    listed = "\n".join(f"  - {item}" for item in _ITEMS)
    assert f"The plan pays for three things:\n\n{listed}\n\n{_B}" in article.text
    assert set(_ITEMS) <= set(article.paragraphs)  # the paragraphs are the input's strings
    assert f"\n\n{listed}\n\n" in article.to_markdown()
    assert clean(article.text, kind="text").text == article.text


def test_article_is_frozen_and_pickles() -> None:
    article = clean(SEED)
    with pytest.raises(AttributeError):
        article.title = "changed"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(article)) == article
    assert isinstance(article, Article)


def test_keyword_arguments_override_options() -> None:
    options = Options(kind="html", url="https://a.example/")
    article = clean(SEED, kind="text", url="https://b.example/", options=options)
    assert (article.kind, article.url) == ("text", "https://b.example/")


def test_keep_captions_option() -> None:
    caption = (
        "Russian President Vladimir Putin at the plenary session of the 10th Eastern Economic Forum"
    )
    assert caption not in clean(SEED).text
    assert caption in clean(SEED, options=Options(keep_captions=True)).text


def test_bytes_in_a_legacy_encoding_are_decoded_and_recorded() -> None:
    text = (
        SEED.replace("—", "-")
        .replace("“", '"')
        .replace("”", '"')
        .replace("’", "'")
        .replace("–", "-")
    )
    article = clean(text.encode("cp1252"))
    assert article.title == "Putin orders logistics centers development on China, DPRK border"
    assert article.encoding in {"cp1252", "windows-1252", "iso8859_1", "latin_1"}


def test_relative_dates_resolve_against_now_only() -> None:
    doc = (SAMPLES / "002_357692344d7844ae.txt").read_text(encoding="utf-8")
    assert clean(doc).date is None
    assert clean(doc, now=datetime(2025, 11, 18)).date == "2025-11-04"


def test_clean_pauses_the_cyclic_collector_and_restores_it(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    class Probe(str):
        """A source that records whether the collector runs while clean() reads it."""

        def __len__(self) -> int:
            seen.append(gc.isenabled())
            return super().__len__()

    assert gc.isenabled()
    with monkeypatch.context() as single:  # threads other tests left behind do not count here
        single.setattr(threading, "active_count", lambda: 1)
        clean(Probe("<p>A short page.</p>"), kind="html")
    assert seen and not any(seen)
    assert gc.isenabled()
    gc.disable()  # a caller that paused it itself keeps it paused
    try:
        clean("<p>A short page.</p>", kind="html")
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(InvalidInputError):
        clean(12345)  # type: ignore[arg-type]
    assert gc.isenabled()
    seen.clear()
    release = threading.Event()
    other = threading.Thread(target=release.wait)  # another thread could pause it meanwhile
    other.start()
    try:
        clean(Probe("<p>A short page.</p>"), kind="html")
    finally:
        release.set()
        other.join()
    assert seen and all(seen)
