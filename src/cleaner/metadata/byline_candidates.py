"""Candidate author spans of a text dump, for the ranker of :mod:`.byline_spans`.

The short lines searched lie around the body start, after the headline and after the
body's last paragraph. From each line come the whole line, the name after a "by" word or
a byline label, the parts beside a date, runs of capitalised words, and the first words of
each of these; the byline rules' answers join as candidates of the line that holds them.
A label counts after a date too ("05.02.2020 - Redaktion: Jane Doe"), and the line after
one that labels the author's picture ("Jane Doe's avatar") counts as labelled.

>>> from cleaner.text.segment import segment
>>> blocks = segment("Council approves new budget\\n\\nBy Jane Doe | 4 November 2025\\n\\nThe council approved the budget on Tuesday after a debate of many hours.")
>>> sorted(s.text for s in byline_spans(blocks, 2, 0) if "by" in s.kinds)
['Jane Doe']
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cleaner.blocks import Block
from cleaner.metadata.dates import strip_dates
from cleaner.metadata.dump_dates import unglue_digits
from cleaner.metadata.nearby import ANY_BY_WORD, NAME_PARTICLES, embedded_bylines

__all__ = ["PROPOSERS", "SPAN_EDGES", "SPAN_KINDS", "Span", "byline_spans"]

#: Lines this many blocks before the body start are searched ...
WINDOW_BEFORE = 15
#: ... and this many from it on ...
WINDOW_AFTER = 6
#: ... and this many after the headline (the body may start above it).
WINDOW_AFTER_TITLE = 10
#: ... and this many after the body's last paragraph (a signature, an author box).
WINDOW_AFTER_BODY = 6
#: Lines of more words are prose, not bylines.
MAX_LINE_WORDS = 20
#: A name span has at most this many words.
MAX_SPAN_WORDS = 6
#: Where the rules' answers come from, in the order of their features.
PROPOSERS = ("header", "nearby", "name-line")
#: How a span was found, in the order of their features.
SPAN_KINDS = ("whole", "by", "label", "beside-date", "capitals", "prefix")
#: A span's first words are a candidate too, from this many words on (a dump runs the
#: name into the next words: "Jane Doe Zuletzt geändert", "Jane Doe Kommentare").
MIN_PREFIX_WORDS = 2

_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_PARTICLE = "|".join(sorted(NAME_PARTICLES))
#: A run of capitalised words, name particles allowed inside ("Ludwig van Beethoven").
_CAPITALS = re.compile(
    rf"(?<![\w'’]){_NAME_WORD}(?:[ \t]+(?:(?:{_PARTICLE})[ \t]+)?{_NAME_WORD}){{1,3}}(?![\w'’])"
)
#: A hyphenated compound of an acronym and a word, or of three words or more, and the
#: space after it, before two words: a role or an affiliation written before a name
#: ("FOCUS-Online-Experte", "CDU-Politikerin"; a double given name is neither: "Hans-Peter").
_ROLE_COMPOUND = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ]{2,}(?:-\w+)+|\w+-\w+(?:-\w+)+)[ \t]+(?=\S+[ \t]+\S)"
)
#: A name after a "by" word: capitalised words joined by "and" words, or one user name.
_BY_NAME = re.compile(
    r"(?:^|(?<=[\s·|•,(]))" + ANY_BY_WORD + r"\s*:?\s+"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+(?:(?:{_PARTICLE}|(?i:and|und|et|y|e|&))[ \t]+)?"
    rf"{_NAME_WORD}){{0,5}}|[a-z][\w./-]{{2,30}}(?=$|[\s·|•,]))"
)
#: Characters stripped from both ends of a span (bullets, separators, punctuation).
SPAN_EDGES = " \t•●□■◦○·∙*-–—|,:;."
#: A line that labels the author's picture ("Jane Doe's avatar", "Jane Doe profile pic",
#: "Photo of author"): the line after it names the author, as after a byline label.
_AUTHOR_PICTURE = re.compile(
    r"(?i:\bavatar|\bprofile[ \t]+(?:pic|picture|photo|image)"
    r"|^(?:photo|picture|image)[ \t]+of[ \t]+(?:the[ \t]+)?author)[ \t]*$"
)


@dataclass(frozen=True, slots=True)
class Span:
    """A candidate author span: the block position it was read from, its text and how it
    was found (:data:`SPAN_KINDS`, :data:`PROPOSERS`)."""

    position: int
    text: str
    kinds: frozenset[str]


def _window(
    blocks: Sequence[Block], anchor: int, headline: int | None, end: int | None = None
) -> list[int]:
    """Positions of the short lines searched: around the body start, after the headline
    and after the body's last paragraph (``end``)."""
    body = next((p for p, b in enumerate(blocks) if b.index >= anchor), len(blocks))
    near = set(range(max(0, body - WINDOW_BEFORE), min(len(blocks), body + WINDOW_AFTER)))
    if end is not None:
        near.update(range(end + 1, min(len(blocks), end + 1 + WINDOW_AFTER_BODY)))
    if headline is not None:
        near.update(range(headline + 1, min(len(blocks), headline + 1 + WINDOW_AFTER_TITLE)))
    return sorted(p for p in near if 1 <= blocks[p].words <= MAX_LINE_WORDS and p != headline)


def _line_spans(text: str) -> dict[str, set[str]]:
    """Span text -> the kinds that found it in one line."""
    found: dict[str, set[str]] = {}

    def add(span: str, kind: str) -> None:
        span = span.strip(SPAN_EDGES)
        if span and len(span.split()) <= MAX_SPAN_WORDS:
            found.setdefault(span, set()).add(kind)

    def add_labelled(part: str) -> None:
        for label in embedded_bylines(part):
            add(label.group("name"), "label")

    add(text, "whole")
    for match in _BY_NAME.finditer(text):
        add(match.group("name"), "by")
    add_labelled(text)
    undated = strip_dates(unglue_digits(text))
    if undated != text:
        for part in re.split(r"\s*[|,/•·∙–—]\s*|\s-\s", undated):
            add(part, "beside-date")
            # a label after the date opens its part ("05.02.2020 - Redaktion: Jane Doe")
            add_labelled(part.strip(SPAN_EDGES))
    for run in _CAPITALS.finditer(text):
        add(run.group(), "capitals")
        # a line of a role or an affiliation compound and a name ("FOCUS-Online-Experte
        # Jane Doe"): the name after it is a run of its own (not in a caption that goes
        # on: "VW-Chef Jane Doe: Die Stimmung ...")
        role = _ROLE_COMPOUND.match(run.group())
        if role and run.group() == text.strip(SPAN_EDGES):
            add(run.group()[role.end() :], "capitals")
    for span in list(found):
        words = span.split()
        for end in range(MIN_PREFIX_WORDS, min(len(words), MAX_SPAN_WORDS + 1)):
            add(" ".join(words[:end]), "prefix")
    return found


def byline_spans(
    blocks: Sequence[Block],
    anchor: int,
    headline: int | None,
    proposals: Mapping[str, str] | None = None,
    end: int | None = None,
) -> list[Span]:
    """Every candidate span, in document order; ``proposals`` are the rules' answers by
    proposer (:data:`PROPOSERS`), each a candidate of the line that holds it."""
    spans: dict[tuple[int, str], set[str]] = {}
    window = _window(blocks, anchor, headline, end)
    for p in window:
        for text, kinds in _line_spans(blocks[p].text).items():
            spans.setdefault((p, text), set()).update(kinds)
        whole = (p, blocks[p].text.strip(SPAN_EDGES))
        if p > 0 and whole in spans and _AUTHOR_PICTURE.search(blocks[p - 1].text):
            spans[whole].add("label")
    for proposer, proposed in (proposals or {}).items():
        # a span is stripped of its edges: so is the name it must equal ("Jane Doe C.")
        name = proposed.strip(SPAN_EDGES) or proposed
        held = [key for key in spans if key[1] == name]
        if not held:  # no span of the window is the name: the window's line that holds it,
            # else the page's first ("Autor: jdoe" gives no span "jdoe")
            line = next((p for p in window if name in blocks[p].text), None)
            if line is None:
                line = next((p for p, b in enumerate(blocks) if name in b.text), None)
            held = [(anchor if line is None else line, name)]
        for key in held:
            spans.setdefault(key, set()).add(proposer)
    return [Span(p, text, frozenset(kinds)) for (p, text), kinds in sorted(spans.items())]
