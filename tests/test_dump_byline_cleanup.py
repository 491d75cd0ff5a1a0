"""Dump bylines tidied after the span ranker: a name repeated by a feed link beside it, a
closing parenthesised role, a first name the page spells out, and a rule's name that
differs from its span only by an edge character."""

from __future__ import annotations

from cleaner import clean
from cleaner.metadata.byline_candidates import byline_spans
from cleaner.metadata.names import before_repeated_name, without_trailing_note
from cleaner.text.segment import segment

_BODY = "\n\n".join(
    f"Sentence {n} of the story, which goes on long enough to count as a paragraph of prose."
    for n in range(4)
)


def test_a_feed_link_repeating_the_name_is_cut_off() -> None:
    page = f"Council approves new budget\n\nVon Jane Doe RSS-Newsfeed neuer Artikel von Jane Doe\n\n{_BODY}"
    assert clean(page, kind="text").authors == ("Jane Doe",)
    assert before_repeated_name("Jane Doe and John Roe") == "Jane Doe and John Roe"


def test_a_closing_role_in_brackets_is_not_part_of_the_name() -> None:
    page = f"Council approves new budget\n\nVon Jane Doe (Medizinredakteurin, M.A.)\n\n{_BODY}"
    assert clean(page, kind="text").authors == ("Jane Doe",)
    assert without_trailing_note("app = Flask(__name__)") == "app = Flask(__name__)"


def test_a_first_name_byline_is_spelled_out_by_the_page() -> None:
    page = f"Council approves new budget\n\nBy Johannes\n\n{_BODY}\n\n(c) Johannes Wolf • Impressum"
    assert clean(page, kind="text").byline == "Johannes Wolf"


def test_a_proposed_name_joins_the_span_without_its_full_stop() -> None:
    blocks = segment(f"Council approves new budget\n\nJuan Carlos Muñoz C.\n\n{_BODY}")
    spans = byline_spans(blocks, 2, 0, {"name-line": "Juan Carlos Muñoz C."})
    (held,) = [s for s in spans if "name-line" in s.kinds]
    assert held.text == "Juan Carlos Muñoz C"
    assert "whole" in held.kinds
