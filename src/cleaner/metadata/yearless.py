"""Dates a page shows without their year: "Apr 12", "• Jun 9", "Publicado el 11 de mayo".

Blog platforms write a post's date without its year ("Apr 12 · 2 min read"), the year
being the reader's. Such a line dates the article when no line gives a full date; its
year is the address's ("/2022/5/..."), else the year named in most of the page's year
mentions (not in a copyright line, which tells when the site was last deployed, not the
post), none when no year has most; a two-digit year after an apostrophe ("14 Feb ’20") is the line's own.

>>> from cleaner.text.segment import segment
>>> blocks = segment("The Best Headphones of 2025\\n\\nMar 6\\n\\nThe body.\\n\\n© 2009 Site")
>>> yearless_date(blocks, 2, url=None, now=None)
'2025-03-06'
>>> yearless_date(segment("Publicado el 11 de mayo\\n\\nBody."), 1, url="https://x.org/a/2022/5/b", now=None)
'2022-05-11'
>>> yearless_date(segment("veröffentlicht am 14 Feb ’20\\n\\nBody."), 1, url=None, now=None)
'2020-02-14'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from cleaner.blocks import Block
from cleaner.metadata.address import url_month
from cleaner.metadata.date_label_words import PUBLISHED_LABEL, UPDATED_LABEL
from cleaner.metadata.date_labels import date_label
from cleaner.metadata.dates import MIN_YEAR, MONTH_PATTERN, find_date, month_number
from cleaner.metadata.nearby import ranked_short_lines

__all__ = ["line_day_month", "page_year", "yearless_date"]

#: A line showing a year-less date has at most this many words ...
MAX_LINE_WORDS = 6
#: ... and at most this many words before the date, a date label among them ("Publicado
#: el", "veröffentlicht am") or a place before a comma ("Rome, 14 May"); not a name
#: ("@handle 18 Aug") or a product ("NEBULA MARS 3").
MAX_PREFIX_WORDS = 3
#: "11 de mayo", "14. Februar", "3rd March", "14 Feb ’20", "14 Gennaio 20" (a two-digit
#: year, not an hour "10:30"); not a rank ("#1 out of 10").
_DAY_MONTH = re.compile(
    rf"(?<![\w.#])(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.|er)?\s+(?:de\s+)?(?P<mon>{MONTH_PATTERN})\.?"
    r"(?![\w])(?:(?:\s*[’']|\s+)(?P<yy>\d\d)(?![\d:]))?",
    re.I,
)
#: "Apr 12", "September 16th", "Feb 14 ’20": a capitalised month, not a verb ("may 2").
_MONTH_DAY = re.compile(
    rf"(?<!\w)(?=(?-i:[A-ZÀ-ÖØ-Þ]))(?P<mon>{MONTH_PATTERN})"
    r"\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\w:]|[.,/]\d)(?:,?\s*[’'](?P<yy>\d\d)(?!\d))?",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]+")
#: What both year-less date patterns hold (the day's digits).
_DIGIT = re.compile(r"\d")
#: A month abbreviation of at most this many letters, in lower case and followed by a word
#: in lower case, is a word of a sentence ("1 out of eleven firms": the Portuguese "out"),
#: not a month.
MAX_ABBREVIATION_LETTERS = 3
_LOWER_WORD_AFTER = re.compile(r"\s+[a-zß-ÿ]")
#: A date label among the words before a year-less date.
_DATE_LABEL = re.compile(f"{PUBLISHED_LABEL.pattern}|{UPDATED_LABEL.pattern}", re.I)
#: A four-digit year of the publication era, on its own.
_YEAR = re.compile(r"(?<![\w/.-])((?:19|20)\d\d)(?![\w/-])")
#: A year as a path segment of the address: "/2022/".
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/")
#: A copyright line; its years are the site's, not the article's.
_COPYRIGHT = re.compile(r"©|\(c\)|copyright", re.I)


def line_day_month(text: str) -> tuple[int, int, int | None] | None:
    """``(month, day, year or None)`` of the year-less date a short line shows, or ``None``.

    >>> line_day_month("• Jun 9"), line_day_month("14 Feb ’20 | Tags")
    ((6, 9, None), (2, 14, 2020))
    >>> line_day_month("may 2 be fine") is None, line_day_month("Top 10 tips for May") is None
    (True, True)
    >>> line_day_month("#1 out of eleven firms") is None, line_day_month("@jane 18 Aug") is None
    (True, True)
    >>> line_day_month("Posted Mar 3"), line_day_month("( Pescasseroli, 14 Gennaio 20 )")
    ((3, 3, None), (1, 14, 2020))
    """
    if len(text.split()) > MAX_LINE_WORDS or _DIGIT.search(text) is None:
        return None  # (both patterns read a day: most short lines hold no digit)
    found = [m for m in (p.search(text) for p in (_DAY_MONTH, _MONTH_DAY)) if m is not None]
    for match in sorted(found, key=lambda m: m.start()):
        month = month_number(match.group("mon"))
        prefix = text[: match.start()]
        words = len(_WORD.findall(prefix))
        labelled = _DATE_LABEL.search(prefix) or prefix.rstrip().endswith(",")  # "Rome, 14 May"
        if month is None or words > MAX_PREFIX_WORDS or (words and not labelled):
            continue
        name = match.group("mon")
        if (
            name.islower()
            and len(name) <= MAX_ABBREVIATION_LETTERS
            and _LOWER_WORD_AFTER.match(text, match.end("mon"))
        ):
            continue
        day = int(match.group("d"))
        year = 2000 + int(match.group("yy")) if match.group("yy") else None
        return month, day, year
    return None


def page_year(texts: Iterable[str], url: str | None, *, now: datetime | None) -> int | None:
    """The year of a page's year-less dates: the address's, else the year named in more
    than half of its lines' year mentions outside copyright lines, no later than
    ``now``'s; else ``None``.

    >>> page_year(["Trends for 2024", "In 2024 and 2025", "© 2026"], None, now=None)
    2024
    >>> page_year(["A 2024 survey", "Trends for 2025", "since 1986"], None, now=None) is None
    True
    >>> page_year(["Trends for 2024"], "https://example.org/2019/07/post", now=None)
    2019
    """
    address = url_month(url)
    if address is not None:
        return int(address[:4])
    in_path = _URL_YEAR.search(url or "")
    if in_path is not None:
        return int(in_path.group(1))
    latest = (now or datetime.now()).year
    counts: Counter[int] = Counter()
    for text in texts:
        if _COPYRIGHT.search(text):
            continue
        for match in _YEAR.finditer(text):
            year = int(match.group(1))
            if MIN_YEAR <= year <= latest:
                counts[year] += 1
    if not counts:
        return None
    year, named = max(counts.items(), key=lambda item: (item[1], item[0]))
    # a year the page names no more often than all others together is a year it tells
    # of ("a 2024 survey", "since 1986"), not the post's
    return year if named > counts.total() - named else None


def yearless_date(
    blocks: Sequence[Block], anchor: int, *, url: str | None, now: datetime | None
) -> str | None:
    """The date of the short line nearest the body (``anchor``, a block index) that shows
    a date without its year, one not labelled as an update first, the year from
    :func:`page_year`; or ``None``.

    >>> from cleaner.text.segment import segment
    >>> yearless_date(segment("Jan 4\\n\\nUpdated: Sep 19\\n\\nNew year, 2025.\\n\\nBody."), 2, url=None, now=None)
    '2025-01-04'
    """
    shown: tuple[int, int, int | None] | None = None
    for block in ranked_short_lines(blocks, anchor):
        found = line_day_month(block.text)
        if found is not None:
            shown = shown or found
            if date_label(block.text) != "updated":
                shown = found
                break
    if shown is None:
        return None
    month, day, year = shown
    year = year or page_year((b.text for b in blocks), url, now=now)
    if year is None:
        return None
    try:
        iso = date(year, month, day).isoformat()
    except ValueError:
        return None
    return find_date(iso, now=now)  # the limits of any other date
