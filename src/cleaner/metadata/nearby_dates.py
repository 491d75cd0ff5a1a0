"""Fallback dates from anywhere in a dump: the date line nearest the body
(:func:`nearest_date`, :func:`dated_lines`) and the date a body paragraph opens with
(:func:`opening_date`). Lines are ranked as for bylines
(:func:`~cleaner.metadata.nearby.ranked_short_lines`), before the body first.

>>> from cleaner.text.segment import segment
>>> blocks = segment("Menu\\n\\nHeadline\\n\\nA body paragraph of the article with enough words.\\n\\nPosted by Jane Doe on March 3, 2024")
>>> nearest_date(blocks, 2, now=None)
'2024-03-03'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import datetime

from cleaner.blocks import Block
from cleaner.lexicon import BRACKETED
from cleaner.metadata.dates import date_spans, is_month_name
from cleaner.metadata.dump_dates import (
    block_date_text,
    block_dump_date,
    find_dump_date,
    may_hold_absolute_block_date,
    relax_glued_dates,
)
from cleaner.metadata.nearby import MAX_LINE_WORDS, ranked_short_lines

__all__ = ["dated_lines", "nearest_date", "opening_date"]

#: The first paragraphs of the body searched for an opening date ...
OPENING_PARAGRAPHS = 3
#: ... within this many characters of their start ...
OPENING_DATE_CHARS = 30
#: ... after at most this many words (a place, a label: "Wien, 14. Dezember 2021 - ...",
#: "PUBLISHED: May 3, 2024"), the last of them not a short word ("Am 22. Oktober 2019
#: erscheint ...", "on May 3": a date the text tells of, not its own).
MAX_OPENING_PREFIX_WORDS = 3
#: The time of an opening date is read this many characters further on.
OPENING_TIME_CHARS = 20
MAX_SHORT_WORD_CHARS = 3
_FIRST_DIGIT = re.compile(r"\d")
#: What closes a dateline run into the text after it: a bar or a dash between spaces.
_DATELINE_SEPARATOR = re.compile(r"\s*[|–—]|\s+-\s")
_PREFIX_WORD = re.compile(r"[^\W\d_]+")


def nearest_date(
    blocks: Sequence[Block],
    anchor: int,
    *,
    now: datetime | None,
    day_first: bool = True,
    month: str | None = None,
) -> str | None:
    """The first date in the short line nearest the body, or ``None``; with ``month``
    (``YYYY-MM``), the nearest date in that month.

    >>> from cleaner.text.segment import segment
    >>> blocks = segment("Updated March 11, 2019\\n\\nBody text.\\n\\nJuly 14, 2015 at 3:53 pm")
    >>> nearest_date(blocks, 1, now=None), nearest_date(blocks, 1, now=None, month="2015-07")
    ('2019-03-11', '2015-07-14T15:53')
    """
    for _, found in dated_lines(blocks, anchor, now=now, day_first=day_first):
        if month is None or found.startswith(month):
            return found
    return None


def dated_lines(
    blocks: Sequence[Block],
    anchor: int,
    *,
    now: datetime | None,
    day_first: bool = True,
    headline: int | None = None,
) -> Iterator[tuple[Block, str]]:
    """``(block, date)`` of the short lines that give a date, nearest the body first (the
    order of :func:`nearest_date`); with a ``headline`` (its block index), the lines after
    it count their distance to it when that is nearer (the dateline follows the headline).

    Without ``now`` only a line that may hold an absolute date can give one: the others
    are left out before the lines are ranked (a stable sort: the same order).
    """
    if now is None:
        blocks = [
            b for b in blocks if b.words <= MAX_LINE_WORDS and may_hold_absolute_block_date(b)
        ]
    for block in ranked_short_lines(blocks, anchor, headline):
        found = block_dump_date(block, now=now, day_first=day_first)
        if found and not _dated_in_brackets_only(block, now=now, day_first=day_first):
            yield block, found


def _dated_in_brackets_only(block: Block, *, now: datetime | None, day_first: bool) -> bool:
    """Whether every date of ``block`` stands in brackets: an image's file name or alt
    text as a dump shows it ("[Screenshot%202025-12-18%20at%2012.20.26.png]"), no dateline.

    >>> from cleaner.text.segment import segment
    >>> [_dated_in_brackets_only(b, now=None, day_first=True) for b in segment("[photo-2024-11-17]\\n\\n[Image] May 3, 2024")]
    [True, False]
    """
    text = block_date_text(block)
    if "[" not in text:
        return False
    return find_dump_date(BRACKETED.sub(" ", text), now=now, day_first=day_first) is None


def opening_date(
    blocks: Sequence[Block], anchor: int, *, now: datetime | None, day_first: bool = True
) -> str | None:
    """The date one of the body's first paragraphs opens with, as a news agency's text
    does ("27.1.2022 - Bei der ...", "Wien, 14. Dezember 2021 - ..."), or ``None``.

    >>> from cleaner.text.segment import segment
    >>> body = "Der Rat hat am Dienstag nach langer Debatte den neuen Haushalt beschlossen."
    >>> opening_date(segment(f"Wien, 14. Dezember 2021 - {body}"), 0, now=None)
    '2021-12-14'
    >>> opening_date(segment(f"Am 22. Oktober 2019 erscheint {body}"), 0, now=None) is None
    True
    >>> opening_date(segment(f"Meldung vom 25. Januar 2022 | Berlin – {body}"), 0, now=None)
    '2022-01-25'
    """
    paragraphs = [b for b in blocks if b.index >= anchor and b.prose][:OPENING_PARAGRAPHS]
    for block in paragraphs:
        opening = block.text[:OPENING_DATE_CHARS]
        digit = _FIRST_DIGIT.search(opening)
        if digit is None:
            continue
        words = _PREFIX_WORD.findall(opening[: digit.start()])
        if words and is_month_name(words[-1]):
            words.pop()
        if len(words) > MAX_OPENING_PREFIX_WORDS:
            continue
        if words and len(words[-1]) <= MAX_SHORT_WORD_CHARS:
            # a label's short word ("Pressemitteilung vom 25. Januar 2022 | Berlin - ...")
            # when a separator closes the date, not a sentence's ("Am 22. Oktober 2019 erscheint")
            closed = _date_before_separator(
                block.text[: OPENING_DATE_CHARS + OPENING_TIME_CHARS],
                now=now,
                day_first=day_first,
            )
            if closed:
                return closed
            continue
        found = find_dump_date(opening, now=now, day_first=day_first)
        if found:  # read on for its time ("Dec 20, 2025 at 11:59 am")
            timed = find_dump_date(
                block.text[: OPENING_DATE_CHARS + OPENING_TIME_CHARS], now=now, day_first=day_first
            )
            return timed if timed and timed[:10] == found[:10] else found
    return None


def _date_before_separator(text: str, *, now: datetime | None, day_first: bool) -> str | None:
    """The first date of ``text`` when a bar or a dash follows it, else ``None``.

    >>> _date_before_separator("vom 25. Januar 2022 | Berlin", now=None, day_first=True)
    '2022-01-25'
    >>> _date_before_separator("am 25. Januar 2022 in Berlin", now=None, day_first=True) is None
    True
    """
    relaxed = relax_glued_dates(text)
    spans = date_spans(relaxed, now=now, day_first=day_first)
    if not spans:
        return None
    _, end, found = spans[0]
    return found if _DATELINE_SEPARATOR.match(relaxed, end) else None
