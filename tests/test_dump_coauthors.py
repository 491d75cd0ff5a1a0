"""Dump bylines that name several people: the span the ranker picks widened to the
co-authors its line or lines name, and a name after a role compound."""

from __future__ import annotations

from cleaner.metadata.byline_candidates import _line_spans
from cleaner.metadata.byline_coauthors import with_coauthors
from cleaner.text.segment import segment


def test_a_name_is_widened_to_the_co_authors_of_its_line() -> None:
    blocks = segment("Headline of the story\n\nIsabel Caro, Rocío Latorre y José Miguel Wilson")
    assert with_coauthors(blocks, 1, "José Miguel Wilson", frozenset({"isabel"})) == (
        "Isabel Caro, Rocío Latorre y José Miguel Wilson"
    )


def test_co_authors_on_lines_of_their_own_are_joined() -> None:
    blocks = segment("Headline\n\nBy\nDavid Brand\nand\nRamsey Khalifeh\n\nPublished Nov 8, 2023")
    assert (
        with_coauthors(blocks, 2, "David Brand", frozenset()) == "David Brand and Ramsey Khalifeh"
    )
    items = segment("  • Michael L. Anderson, PhD,\n  • Carlos Dobkin, PhD,\n  • Devon Gorry, PhD")
    assert with_coauthors(items, 1, "Carlos Dobkin, PhD", frozenset()) == (
        "Michael L. Anderson, PhD, Carlos Dobkin, PhD, Devon Gorry, PhD"
    )


def test_a_name_is_not_widened_past_places_labels_or_other_paragraphs() -> None:
    assert with_coauthors(segment("Jane Doe, Berlin"), 0, "Jane Doe", frozenset()) == "Jane Doe"
    labelled = segment("Autoren Jane Doe und John Roe")
    assert with_coauthors(labelled, 0, "John Roe", frozenset()) == "John Roe"
    apart = segment("Jane Doe\n\nand\n\nJohn Roe")
    assert with_coauthors(apart, 0, "Jane Doe", frozenset()) == "Jane Doe"
    many = segment("Ann Lee, Bob Roe, Cy Doe, Di Moe, Ed Poe")
    assert with_coauthors(many, 0, "Ann Lee", frozenset()) == "Ann Lee"


def test_the_name_after_a_role_compound_is_a_span_of_its_own() -> None:
    assert "Robin Muster" in _line_spans("FOCUS-Online-Experte Robin Muster")
    assert "Peter Muster" not in _line_spans("Hans-Peter Muster")
    assert "Jane Doe" not in _line_spans("VW-Chef Jane Doe: Die Stimmung ist nicht gut.")


def test_a_line_ending_with_an_ampersand_keeps_one_in_the_byline() -> None:
    blocks = segment("Headline\n\nJane Doe &\nJohn Roe\n\nPublished Nov 8, 2023")
    assert with_coauthors(blocks, 1, "Jane Doe", frozenset()) == "Jane Doe & John Roe"
