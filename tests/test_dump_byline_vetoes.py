"""Dump bylines: labels after a date, the name under an author picture's label, spans that
never name the author, and a byline line under a picture credit."""

from __future__ import annotations

import pytest

from cleaner.metadata.byline_candidates import Span, byline_spans
from cleaner.metadata.byline_vetoes import byline_below, vetoed
from cleaner.text.segment import segment

_BODY = "\n\n".join(
    f"Sentence {n} of the story, which goes on long enough to count as a paragraph of prose."
    for n in range(4)
)


def _kinds(text: str, name: str) -> set[str]:
    blocks = segment(text)
    return {k for s in byline_spans(blocks, len(blocks) - 4, 0) if s.text == name for k in s.kinds}


def test_a_label_after_a_date_names_the_author() -> None:
    text = f"Faire Lieferketten\n\n05.02.2020 - Redaktion: Jane Doe (Pressesprecherin)\n\n{_BODY}"
    assert "label" in _kinds(text, "Jane Doe")


def test_the_line_under_an_author_pictures_label_is_labelled() -> None:
    assert "label" in _kinds(f"Some headline\n\nJane Doe's avatar\n\nJane Doe\n\n{_BODY}", "Jane Doe")
    assert "label" in _kinds(f"Some headline\n\nPhoto of author\n\nJane Doe\n\n{_BODY}", "Jane Doe")
    assert "label" not in _kinds(f"Some headline\n\nShare this\n\nJane Doe\n\n{_BODY}", "Jane Doe")


@pytest.mark.parametrize(
    ("span", "line", "headline"),
    [
        ("Link Copied", "Link Copied!", ""),
        ("Wow?", "Wow?", ""),
        ("Mark Meadows", "Mark Meadows", "Mark Meadows accused of timing his retirement"),
        ("Tage Yoga Challenge", "33 Tage Yoga Challenge", "Energy Rising – 33 Tage Yoga Challenge"),
    ],
)
def test_spans_that_name_no_author(span: str, line: str, headline: str) -> None:
    assert vetoed(Span(0, span, frozenset({"capitals"})), line, headline)


@pytest.mark.parametrize(
    ("span", "kinds", "headline"),
    [
        ("Jane Doe", {"whole"}, "Rede von Bundespräsidentin Jane Doe beim Konvent der Länder"),
        ("Jane Doe", {"whole"}, "Praxis | Video Text & Fotos: Jane Doe [comments]"),
        ("Jane Doe", {"whole"}, "#Jane Doe's blog Jane Doe's blog"),
        ("Jane Doe", {"whole"}, "Jane Doe"),
        ("Jane Doe", {"whole", "by"}, "Jane Doe accused of timing her retirement"),
        ("Doe", {"whole"}, "Doe accused of timing her retirement"),
    ],
)
def test_spans_that_may_name_the_author(span: str, kinds: set[str], headline: str) -> None:
    assert not vetoed(Span(0, span, frozenset(kinds)), span, headline)


def test_a_byline_line_under_a_bare_name_wins() -> None:
    credit = Span(4, "Alex Roe", frozenset({"whole", "name-line"}))
    byline = Span(5, "Jane Doe", frozenset({"by", "label", "nearby"}))
    assert byline_below([(0.990, credit), (0.989, byline)]) == byline
    # not two lines down, not unproposed, not the same name
    assert byline_below([(0.99, credit), (0.98, Span(6, "Jane Doe", byline.kinds))]) is None
    assert byline_below([(0.99, credit), (0.98, Span(5, "Jane Doe", frozenset({"by"})))]) is None
    assert byline_below([(0.99, credit), (0.98, Span(5, "Alex", byline.kinds))]) is None

