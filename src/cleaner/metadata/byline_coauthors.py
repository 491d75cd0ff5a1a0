"""The co-authors a dump writes beside a picked author name.

The span ranker (:mod:`.byline_spans`) picks one span, and a span is often one name of a
byline that names two or three people: "Isabel Caro, Rocío Latorre y José Miguel Wilson"
on one line, or a dump that writes each name on a line of its own, joined by a line that
holds only "and" or by a comma that ends the line. :func:`with_coauthors` widens the pick to
the whole list when every name of it is person-like.

>>> from cleaner.text.segment import segment
>>> with_coauthors(segment("David Brand\\nand\\nRamsey Khalifeh\\n\\nText."), 2, "Ramsey Khalifeh", frozenset())
'David Brand and Ramsey Khalifeh'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.blocks import Block
from cleaner.metadata.author_labels import opens_with_label, person_like
from cleaner.metadata.byline_candidates import SPAN_EDGES
from cleaner.metadata.given_names import starts_with_given_name
from cleaner.metadata.names import NOT_A_PERSON, split_authors

__all__ = ["MAX_COAUTHORS", "with_coauthors"]

#: A list of more names than this is a team page, a list of contributors or of
#: comments, not one article's byline.
MAX_COAUTHORS = 4
#: A line that only joins two name lines: a comma, "&", or "and" in a few languages.
_JOINER_LINE = re.compile(r"^(?:,|&|(?i:and|und|et|y|e|en))$")
#: A name line that ends with a comma or "&" goes on with the next line's name.
_OPEN_END = re.compile(r"[,&]$")


def _names(text: str, stop: frozenset[str]) -> tuple[str, ...]:
    """The names of ``text`` (split on the joiners of a byline) when each is person-like
    (a credential after a comma aside: "Jane Doe, PhD") and no author label opens it
    (the label's rule reads that line: :mod:`.author_labels`), else ``()``."""
    if opens_with_label(text):
        return ()
    names = split_authors(text)
    ok = all(_person(name.split(",")[0], stop) and not NOT_A_PERSON.search(name) for name in names)
    return names if ok else ()


def _person(name: str, stop: frozenset[str]) -> bool:
    """Whether ``name`` is person-like; a known given name opening it counts even when
    the language's stop word list holds it (frequency lists do: "David", "Isabel").

    >>> _person("David Brand", frozenset({"david"})), _person("The Planetary Press", frozenset({"the"}))
    (True, False)
    """
    return person_like(name, frozenset() if starts_with_given_name(name) else stop)


def _link(blocks: Sequence[Block], a: int, stop: frozenset[str]) -> tuple[int, str] | None:
    """The position of the name line that the name line at ``a`` goes on with, and the
    joiner between them: the next line when ``a`` ends with a comma or "&", else the line
    after a joiner line; all in one group of lines (no blank line between)."""
    end = blocks[a].text.rstrip()
    b, joiner = a + 1, end[-1:]
    if not _OPEN_END.search(end):
        b, joiner = a + 2, blocks[a + 1].text.strip() if a + 1 < len(blocks) else ""
        if not _JOINER_LINE.match(joiner):
            return None
    if b >= len(blocks) or any(blocks[k].group != blocks[a].group for k in range(a + 1, b + 1)):
        return None
    return (b, joiner) if _names(blocks[b].text.strip(SPAN_EDGES), stop) else None


def _list_lines(blocks: Sequence[Block], p: int, stop: frozenset[str]) -> str:
    """The names of the run of name lines that holds the name line at ``p`` (lines
    joined by :func:`_link`), joined as a byline writes them."""
    first = p
    while True:
        before = next((a for a in (first - 1, first - 2) if _linked(blocks, a, first, stop)), None)
        if before is None:
            break
        first = before
    text, at = blocks[first].text.strip(SPAN_EDGES), first
    while link := _link(blocks, at, stop):
        at, joiner = link
        text = _join(text, joiner, blocks[at].text.strip(SPAN_EDGES))
    return text


def _linked(blocks: Sequence[Block], a: int, b: int, stop: frozenset[str]) -> bool:
    """Whether the line at ``a`` is a name line that :func:`_link` joins to ``b``."""
    if a < 0 or not _names(blocks[a].text.strip(SPAN_EDGES), stop):
        return False
    link = _link(blocks, a, stop)
    return link is not None and link[0] == b


def _join(head: str, joiner: str, tail: str) -> str:
    """Two name lists joined as a byline writes them ("A, B", "A and B"); a head whose
    line ended with the joiner (:data:`_OPEN_END`: "Jane Doe &") keeps one.

    >>> _join("Jane Doe", ",", "John Roe"), _join("Jane Doe &", "&", "John Roe")
    ('Jane Doe, John Roe', 'Jane Doe & John Roe')
    >>> _join("David Brand", "and", "Ramsey Khalifeh")
    'David Brand and Ramsey Khalifeh'
    """
    if _OPEN_END.search(joiner):
        head = head.removesuffix(joiner).rstrip()
    return f"{head}{joiner} {tail}" if joiner == "," else f"{head} {joiner} {tail}"


def with_coauthors(blocks: Sequence[Block], p: int, name: str, stop: frozenset[str]) -> str:
    """``name``, picked from the line at ``p`` of ``blocks``, widened to the list of
    person-like names that line (or the run of lines joined to it) writes it in, when the
    list names at most :data:`MAX_COAUTHORS` people; else ``name``.

    ``stop`` are the page language's stop words.

    >>> from cleaner.text.segment import segment
    >>> with_coauthors(segment("Clara Löw, Siddharth Prakash & Klaus Jacob"), 0, "Klaus Jacob", frozenset())
    'Clara Löw, Siddharth Prakash & Klaus Jacob'
    >>> with_coauthors(segment("Jane Doe, Berlin"), 0, "Jane Doe", frozenset())
    'Jane Doe'
    """
    if name not in _names(blocks[p].text.strip(SPAN_EDGES), stop):
        return name
    text = _list_lines(blocks, p, stop)
    return text if 1 < len(split_authors(text)) <= MAX_COAUTHORS else name
