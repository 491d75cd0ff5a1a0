"""Dates as text dumps write them: glued to names, runs of repeated dates, two-digit years.

A dump loses the markup between a byline and its date ("Tanja Karrasch3.11.2023"), writes
a published and an updated date back to back ("19. Juni 201619. Juni 2016"), and many
German and Swiss sites give the year in two digits ("19.10.19, 18:56"). The segmenter also
reads a leading day ("1. Januar 2023") as a numbered list marker. This module recognises
those forms and hands the repaired text to :func:`cleaner.metadata.dates.find_date`.

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
from datetime import date, datetime

from cleaner.blocks import Block
from cleaner.metadata.dates import MIN_YEAR, find_date

__all__ = ["block_date_text", "find_dump_date", "relax_glued_dates"]

#: A two-digit year "yy" is read as 2000 + yy (dumps of pages from before 2000 that write
#: two-digit years are rare; a later year than today's is rejected by ``find_date``).
TWO_DIGIT_YEAR_CENTURY = 2000

#: A letter glued to a digit: "Karrasch3.11.2023", "Mejías04 de mayo".
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")
#: A four-digit year glued to the day of a following date: "Juni 201619. Juni".
_GLUED_YEAR = re.compile(r"(?<=[^\W\d_][ .])((?:19|20)\d\d)(?=[0-3]?\d[./ ])")
#: "19.10.19" or "31.10.23": two-digit day, month and year, not part of a longer number
#: (one-digit parts are left alone: "1.2.10" is more often a version than a date).
_SHORT_YEAR = re.compile(r"(?<![\d.])(?P<d>[0-3]\d)\.(?P<m>[01]\d)\.(?P<y>\d\d)(?![\d.]\d|\d)")


def relax_glued_dates(text: str) -> str:
    """``text`` with a space between a word and a digit glued to it, and between a year
    and the day of a date run into it.

    >>> relax_glued_dates("Jane Doe3.11.2023"), relax_glued_dates("Juni 201619. Juni 2016")
    ('Jane Doe 3.11.2023', 'Juni 2016 19. Juni 2016')
    """
    return _GLUED_YEAR.sub(r"\1 ", _LETTER_DIGIT.sub(" ", text))


def _expand_short_years(text: str) -> str:
    """``text`` with each valid "d.m.yy" written out as "d.m.20yy"."""

    def expand(match: re.Match[str]) -> str:
        day, month = int(match.group("d")), int(match.group("m"))
        year = TWO_DIGIT_YEAR_CENTURY + int(match.group("y"))
        try:
            date(year, month, day)
        except ValueError:
            return match.group(0)
        if year < MIN_YEAR:
            return match.group(0)
        return f"{day}.{month}.{year}"

    return _SHORT_YEAR.sub(expand, text)


def find_dump_date(text: str, *, now: datetime | None = None, day_first: bool = True) -> str | None:
    """The first date in ``text`` (see :func:`~cleaner.metadata.dates.find_date`), also
    when glued to a word, run into a second date or written with a two-digit year.

    >>> find_dump_date("1. Januar 2023")
    '2023-01-01'
    >>> find_dump_date("Bettina Kugler19.10.2019, 05:00 Uhr")
    '2019-10-19T05:00'
    >>> find_dump_date("Erstellt am 01.01.23 um 08:35")
    '2023-01-01T08:35'
    >>> find_dump_date("Ausgabe 32.13.19") is None, find_dump_date("Release 1.2.10") is None
    (True, True)
    """
    found = find_date(text, now=now, day_first=day_first)
    if found:
        return found
    relaxed = relax_glued_dates(text)
    if relaxed != text:
        found = find_date(relaxed, now=now, day_first=day_first)
        if found:
            return found
    expanded = _expand_short_years(relaxed)
    if expanded != relaxed:
        return find_date(expanded, now=now, day_first=day_first)
    return None


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
