"""Dates as text dumps write them: glued to names, runs of repeated dates.

A dump loses the markup between a byline and its date ("Tanja Karrasch3.11.2023"), writes
a published and an updated date back to back ("19. Juni 201619. Juni 2016") or glues a
month to a name ("Jane DoeMarch 5, 2025"). The segmenter also reads a leading day
("1. Januar 2023") as a numbered list marker. This module recognises those forms and
hands the repaired text to :func:`cleaner.metadata.dates.find_date`.

>>> find_dump_date("Tanja Karrasch3.11.2023")
'2023-11-03'
>>> find_dump_date("Published on 19. Juni 201619. Juni 2016 von X")
'2016-06-19'
>>> find_dump_date("Von: Björn Jahner | 31.10.23")
'2023-10-31'
>>> find_dump_date("Version 1.2.3") is None
True
"""

from __future__ import annotations

import re
from datetime import datetime

from cleaner.blocks import Block
from cleaner.metadata.date_label_words import PUBLISHED_LABEL
from cleaner.metadata.dates import date_spans, find_date, may_hold_absolute_date

__all__ = [
    "block_date_text",
    "block_dump_date",
    "find_dump_date",
    "may_hold_absolute_block_date",
    "relax_glued_dates",
    "unglue_digits",
]

#: A letter glued to a digit: "Karrasch3.11.2023", "Mejías04 de mayo"; not the "T" of an
#: ISO 8601 time ("2024-04-18T13:00").
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?<!\dT)(?=\d)")
#: A lower-case letter glued to a capital: "Jane DoeMar 5, 2025", "calendarApr 16, 2024".
_CASE_GLUE = re.compile(r"(?<=[a-zß-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ])")
#: A four-digit year glued to the day or time of what follows: "Juni 201619. Juni",
#: "October 17, 20236:01 PM".
_GLUED_YEAR = re.compile(r"(?:(?<=[^\W\d_][ .,])|(?<=\d, ))((?:19|20)\d\d)(?=[0-3]?\d[./ :])")
#: A four-digit year glued to the words that follow: "June 29, 2020November 12, 2021".
_YEAR_WORD = re.compile(r"(?:(?<=[^\W\d_][ .,])|(?<=\d, ))((?:19|20)\d\d)(?=[^\W\d_])")
#: The year of a numeric date glued to the word that follows: "08.12.2022Bundesverband".
_NUMERIC_YEAR_WORD = re.compile(r"(?<=\d[./])((?:19|20)\d\d)(?=[^\W\d_])")
#: What may stand between two dates a dump runs together ("May 21, 2025April 24, 2025",
#: "2024-04-18T13:00:39+00:00March 22nd, 2024"): at most this many spaces or separators.
_RUN_GAP = re.compile(r"[\s,;|/·•–-]{0,3}")
#: A month name between hyphens or dots: "19-Dec-2025", "25.Jun.2019".
_DASHED_MONTH = re.compile(r"\b([0-3]?\d)[-.]([^\W\d_]{3,9})\.?[-.]((?:19|20)\d\d)\b")


def unglue_digits(text: str) -> str:
    """``text`` with a space between a word and a digit glued to it.

    >>> unglue_digits("Jane Doe3.11.2023")
    'Jane Doe 3.11.2023'
    """
    return _LETTER_DIGIT.sub(" ", text)


def relax_glued_dates(text: str) -> str:
    """``text`` with a space between a word and a digit glued to it, and between a year
    and the day of a date run into it.

    >>> relax_glued_dates("Jane Doe3.11.2023"), relax_glued_dates("Juni 201619. Juni 2016")
    ('Jane Doe 3.11.2023', 'Juni 2016 19. Juni 2016')
    """
    text = _CASE_GLUE.sub(" ", _LETTER_DIGIT.sub(" ", text))
    text = _YEAR_WORD.sub(r"\1 ", _GLUED_YEAR.sub(r"\1 ", text))
    text = _NUMERIC_YEAR_WORD.sub(r"\1 ", text)
    return _DASHED_MONTH.sub(r"\1 \2 \3", text)


def find_dump_date(text: str, *, now: datetime | None = None, day_first: bool = True) -> str | None:
    """The first date in ``text`` (see :func:`~cleaner.metadata.dates.find_date`), also
    when glued to a word or run into a second date.

    >>> find_dump_date("1. Januar 2023")
    '2023-01-01'
    >>> find_dump_date("Bettina Kugler19.10.2019, 05:00 Uhr")
    '2019-10-19T05:00'
    >>> find_dump_date("Erstellt am 01.01.23 um 08:35")
    '2023-01-01T08:35'
    >>> find_dump_date("Posted on June 29, 2020November 12, 2021")
    '2020-06-29'
    >>> find_dump_date("by Jane DoeNovember 20, 2007"), find_dump_date("Updated on 19-Dec-2025")
    ('2007-11-20', '2025-12-19')
    >>> find_dump_date("October 17, 20236:01 PM ET"), find_dump_date("Published on 25.Jun.2019")
    ('2023-10-17T18:01', '2019-06-25')
    >>> find_dump_date("08.12.2022Bundesverband WindEnergie")
    '2022-12-08'
    >>> find_dump_date("Ausgabe 32.13.19") is None, find_dump_date("Release 1.2.10") is None
    (True, True)
    """
    if not may_hold_absolute_date(text):  # a relative date at most, which needs no repair
        return None if now is None else find_date(text, now=now, day_first=day_first)
    relaxed = relax_glued_dates(text)
    if relaxed != text:
        # read the relaxed text first: a glued first date ("December 22, 2022Updated: ...")
        # is unreadable as it stands, and the date after it is the modification date
        found = find_date(relaxed, now=now, day_first=day_first)
        if found:
            return _earliest_of_run(relaxed, found, now=now, day_first=day_first)
    found = find_date(text, now=now, day_first=day_first)
    return _earliest_of_run(text, found, now=now, day_first=day_first) if found else None


def _earliest_of_run(text: str, found: str, *, now: datetime | None, day_first: bool) -> str:
    """``found`` (the first date of ``text``) or, when dates follow it with nothing but
    separators between (a dump runs the updated and the published date of a line together,
    in either order), the earliest of them: the publication; unless a publication label
    names the first.

    >>> _earliest_of_run("May 21, 2025 April 24, 2025 by X", "2025-05-21", now=None, day_first=True)
    '2025-04-24'
    >>> _earliest_of_run("May 21, 2025 by X, April 24, 2025", "2025-05-21", now=None, day_first=True)
    '2025-05-21'
    >>> _earliest_of_run("Published May 21, 2025 April 24, 2025", "2025-05-21", now=None, day_first=True)
    '2025-05-21'
    """
    spans = date_spans(text, now=now, day_first=day_first)
    if not spans or spans[0][2][:10] != found[:10] or PUBLISHED_LABEL.search(text[: spans[0][0]]):
        return found
    earliest, end = found, spans[0][1]
    while True:
        rest = text[end:]
        gap = _RUN_GAP.match(rest)
        start = gap.end() if gap else 0
        following = date_spans(rest[start:], now=now, day_first=day_first)
        if not following or following[0][0] != 0:
            return earliest
        _, length, iso = following[0]
        if iso[:10] < earliest[:10]:
            earliest = iso
        end += start + length


def block_date_text(block: Block) -> str:
    """The text to read a block's date from: a list item keeps its numeric marker, since
    "1. Januar 2023" is a date, not entry 1 of a list.

    >>> from cleaner.text.segment import segment
    >>> [block_date_text(b) for b in segment("1. Januar 2023")]
    ['1. Januar 2023']
    """
    if block.kind == "item":
        raw = " ".join(block.raw.split())
        if raw[:1].isdigit():
            return raw
    return block.text


def may_hold_absolute_block_date(block: Block) -> bool:
    """:func:`~cleaner.metadata.dates.may_hold_absolute_date` of the block's
    :func:`block_date_text`, read once and kept on the block
    (:attr:`~cleaner.blocks.Block.absolute_date`).

    >>> from cleaner.text.segment import segment
    >>> [may_hold_absolute_block_date(b) for b in segment("1. Januar 2023\\n\\nyesterday")]
    [True, False]
    """
    found = block.absolute_date
    if found is None:
        found = may_hold_absolute_date(block_date_text(block))
        object.__setattr__(block, "absolute_date", found)
    return found


def block_dump_date(
    block: Block, *, now: datetime | None = None, day_first: bool = True
) -> str | None:
    """:func:`find_dump_date` of the block's :func:`block_date_text`, read once per block
    and arguments and kept on the block (:attr:`~cleaner.blocks.Block.dump_dates`): the
    header layer, the byline rules and rankers and the date rules ask for the dates of
    the same short lines. ``day_first`` only orders the day and month of a slashed date
    ("03/01/2017"), so without a slash one answer serves both.

    >>> from cleaner.text.segment import segment
    >>> block = segment("1. Januar 2023")[0]
    >>> block_dump_date(block), block_dump_date(block, day_first=False), block.dump_dates
    ('2023-01-01', '2023-01-01', {(None, None): '2023-01-01'})
    """
    if now is None and not may_hold_absolute_block_date(block):
        return None  # no absolute date, and no relative one without ``now``: nothing kept
    text = block_date_text(block)
    known = block.dump_dates
    if known is None:
        known = {}
        object.__setattr__(block, "dump_dates", known)
    key = (now, day_first if "/" in text else None)
    if key not in known:
        known[key] = find_dump_date(text, now=now, day_first=day_first)
    return known[key]
