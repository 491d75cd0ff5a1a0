"""Find and normalise publication dates to ISO 8601.

>>> find_date("4 Nov 2025 17:37")
'2025-11-04T17:37'
>>> find_date("date 2025-11-04 ASIA PACIFIC")
'2025-11-04'
>>> find_date("November 4, 2025")
'2025-11-04'
>>> find_date("Veröffentlicht am 4. November 2025, 09:15 Uhr")
'2025-11-04T09:15'
>>> find_date("04.11.2025"), find_date("| 31.10.23"), find_date("15 августа 2016, 13:43")
('2025-11-04', '2023-10-31', '2016-08-15T13:43')
>>> find_date("03/01/2017 by Agatha Caleo", day_first=False), find_date("17/02/2022")
('2017-03-01', '2022-02-17')
>>> find_date("Published: 2025.12.17"), find_date("Jul. 11. 2025")
('2025-12-17', '2025-07-11')
>>> find_date("30/10/23"), find_date("By Jane Doe • 11/08/23 5:19pm", day_first=False)
('2023-10-30', '2023-11-08T17:19')
>>> find_date("2025-11-04T17:37:00+03:00")
'2025-11-04T17:37:00+03:00'
>>> from datetime import datetime
>>> find_date("2 weeks ago", now=datetime(2025, 11, 18, 12, 0))
'2025-11-04'
>>> find_date("2 weeks ago") is None
True
>>> find_date("2031-01-01", now=datetime(2025, 1, 1)) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

from cleaner.lexicon import RELATIVE_DATE

__all__ = [
    "MONTH_PATTERN",
    "date_spans",
    "date_start",
    "find_date",
    "is_month_name",
    "may_hold_absolute_date",
    "month_number",
    "normalize_date",
    "strip_dates",
]

#: Dates before this year are not publication dates of web pages (copyright years, history).
MIN_YEAR = 1995
#: Without a reference time, dates more than this many years after today's are rejected.
MAX_YEARS_AHEAD = 1

#: Month names and abbreviations of the Latin-script languages met on news pages, by month.
_LATIN_MONTHS = (
    "january jan januar janv janvier enero ene gennaio gen januari jan janeiro",
    "february feb februar févr fev février febrero febbraio febr februari fevereiro",
    "march mar märz maerz mars marzo mrt maart março",
    "april apr avril avr abril aprile",
    "may mai mayo maggio mei maio",
    "june jun juni juin junio giugno junho",
    "july jul juli juillet juil julio luglio lug julho",
    "august aug août aout agosto ago augustus",
    "september sep sept septembre septiembre settembre set setembro",
    "october oct oktober octobre octubre ottobre ott okt outubro out",
    "november nov novembre noviembre novembro",
    "december dec dez dezember décembre déc diciembre dic dicembre desember dezembro",
)
#: Russian month names, genitive ("15 августа 2016") and nominative, with abbreviations.
_RUSSIAN_MONTHS = (
    "января январь янв",
    "февраля февраль фев",
    "марта март мар",
    "апреля апрель апр",
    "мая май",
    "июня июнь июн",
    "июля июль июл",
    "августа август авг",
    "сентября сентябрь сен сент",
    "октября октябрь окт",
    "ноября ноябрь ноя",
    "декабря декабрь дек",
)


def _month_numbers(*tables: tuple[str, ...]) -> dict[str, int]:
    """Month number by lower-case name; a name in two tables keeps its first month."""
    months: dict[str, int] = {}
    for table in tables:
        for number, names in enumerate(table, start=1):
            for name in names.split():
                months.setdefault(name, number)
    return months


_MONTHS = _month_numbers(_LATIN_MONTHS, _RUSSIAN_MONTHS)



def is_month_name(word: str) -> bool:
    """Whether ``word`` is a month name or abbreviation the date reader knows.

    >>> is_month_name("März"), is_month_name("Nov."), is_month_name("Jane")
    (True, True, False)
    """
    return word.lower().rstrip(".") in _MONTHS


def month_number(word: str) -> int | None:
    """The month (1-12) that ``word`` names, or ``None``.

    >>> month_number("October"), month_number("okt"), month_number("Jane")
    (10, 10, None)
    """
    return _MONTHS.get(word.lower().rstrip("."))


#: A regex alternation of every month name and abbreviation, longest first (match it
#: case-insensitively).
MONTH_PATTERN = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_MONTH_RE = MONTH_PATTERN
#: A time after a date: "14:05", "14h05", "14.05" (not the start of a dotted date that
#: follows, "04.04.2020 04.04.2020").
_TIME = (
    r"(?:,?\s*(?:at|um|à|a\s+las|alle|om|-|–|\|)?\s*(?P<hh>[01]?\d|2[0-3])[:h.](?P<mm>[0-5]\d)(?!\.\d)"
    r"(?::(?P<ss>[0-5]\d))?(?:\s*(?P<ampm>[ap]\.?m\.?|[AP]\.?M\.?)(?!\w))?)?"
)
#: What every absolute date in :data:`_PATTERNS` holds: a four-digit year from 1900 to 2099
#: or, in the two-digit form "31.10.23" or "30/10/23", day, month and year joined by dots
#: or slashes. Text without
#: either is only read for a relative date (most blocks of a dump have neither).
#: (``(?:19|20)\d\d|\d\d\.\d\d\.\d\d``, written to open with a digit, which lets the regex
#: engine skip from digit to digit.)
_DATE_DIGITS = re.compile(r"\d(?:(?<=1)9\d\d|(?<=2)0\d\d|\d\.\d\d\.\d\d|\d/\d\d/\d\d)")

#: The absolute date forms. Each holds what :data:`_DATE_DIGITS` finds: text without it
#: is never searched with them.
_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
        r"(?:[T ](?P<time>[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)"
        # an offset right after the time, or after a space when it cannot be a number
        r"(?:(?P<tz>Z|[+-][0-2]\d(?::?[0-5]\d)?)(?![\d:])|\s(?P<tzs>UTC|GMT|[+-][0-2]\d:?[0-5]\d)\b)?)?"
    ),
    re.compile(
        rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.|er)?\s+(?:de\s+)?(?P<mon>{_MONTH_RE})\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)\b{_TIME}",
        re.I,
    ),
    re.compile(
        rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.)?,?\s+(?P<y>(?:19|20)\d\d)\b{_TIME}",
        re.I,
    ),
    re.compile(
        rf"\b(?P<a>[0-3]?\d)(?P<sep>[./])\s?(?P<b>[0-3]?\d)(?P=sep)\s?(?P<y>(?:19|20)\d\d)\b{_TIME}"
    ),
    re.compile(rf"\b(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)\b{_TIME}"),
    # "2025.12.17": year first with dots, two-digit month and day, no number glued on
    # (not a version "2025.12.17.1")
    re.compile(rf"(?<![\d.])(?P<y>(?:19|20)\d\d)\.(?P<m>[01]\d)\.(?P<d>[0-3]\d)(?!\d|\.\d){_TIME}"),
    # "31.10.23": two-digit day, month and year with dots, nothing numeric around it
    # (not a version "1.31.10.23" or a decimal); the century from :func:`_full_year`
    re.compile(rf"(?<![\d.])(?P<d>[0-3]\d)\.(?P<m>[01]\d)\.(?P<yy>\d\d)(?!\d|\.\d){_TIME}"),
    # "30/10/23", "11/08/23": the same with slashes, in the order of four-digit slashed dates
    re.compile(rf"(?<![\d/])(?P<a>[0-3]\d)(?P<sep>/)(?P<b>[0-3]\d)/(?P<yy>\d\d)(?!\d|/\d){_TIME}"),
)
#: What a month-first date ("November 4, 2025") of :data:`_PATTERNS` holds besides its
#: month: the day's last digit, then the year after a space. The month-first pattern tries
#: every month name at every word start (34 us on a line that holds a year, ten times any
#: other pattern); this one opens with a digit, which the regex engine skips to (1 us).
#: Text without it is not searched with that pattern: it could not match.
_MONTH_FIRST_NEEDS = re.compile(r"\d(?:st|nd|rd|th|\.)?,?\s+(?:19|20)\d\d\b", re.I)
#: For each of :data:`_PATTERNS`, a pattern that every text it matches in matches too.
_NEEDS: tuple[re.Pattern[str] | None, ...] = (None, None, _MONTH_FIRST_NEEDS, *(None,) * 5)


def _tried(text: str) -> Iterator[re.Pattern[str]]:
    """The patterns of :data:`_PATTERNS` that may match in ``text``, in order (those
    whose :data:`_NEEDS` it holds)."""
    for pattern, needs in zip(_PATTERNS, _NEEDS, strict=True):
        if needs is None or needs.search(text) is not None:
            yield pattern


#: "Tue, 04 Nov 2025 17:37:00 GMT" (RFC 2822, as in RSS and HTTP headers), with its zone.
_RFC_2822 = re.compile(
    r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d\d:\d\d(?::\d\d)?"
    r"\s+(?P<zone>GMT|UTC|UT|Z|[+-]\d{4})$"
)


def _numeric_day_month(a: int, b: int, sep: str, day_first: bool) -> tuple[int, int]:
    """Day and month of "a/b/yyyy" or "a.b.yyyy": a number over 12 settles it; otherwise
    dots are day-first (European) and slashes follow ``day_first``."""
    if a > 12:
        return a, b
    if b > 12:
        return b, a
    return (a, b) if sep == "." or day_first else (b, a)


def _offset(zone: str) -> str:
    """A UTC offset in ISO 8601 extended form: "UTC"/"GMT" -> "Z", "+0100"/"+01" -> "+01:00".

    >>> _offset("+0530"), _offset("-05"), _offset("GMT"), _offset("")
    ('+05:30', '-05:00', 'Z', '')
    """
    if not zone:
        return ""
    if zone in ("Z", "UTC", "GMT"):
        return "Z"
    digits = zone[1:].replace(":", "")
    return f"{zone[0]}{digits[:2]}:{digits[2:4] or '00'}"


def _full_year(two_digits: str, today: date) -> int:
    """The year of a two-digit year: this century unless that is after ``today``'s year."""
    year = 2000 + int(two_digits)
    return year if year <= today.year else year - 100


def _build(match: re.Match[str], day_first: bool = True) -> tuple[date, str] | None:
    parts = match.groupdict()
    if parts.get("yy"):
        parts["y"] = str(_full_year(parts["yy"], date.today()))
    if parts.get("a"):
        parts["d"], month = _numeric_day_month(
            int(parts["a"]), int(parts["b"]), parts["sep"], day_first
        )
    else:
        month = (
            int(parts["m"]) if parts.get("m") else _MONTHS.get((parts.get("mon") or "").lower(), 0)
        )
    try:
        day = date(int(parts["y"]), month, int(parts["d"]))
    except (ValueError, TypeError):
        return None
    iso = day.isoformat()
    if parts.get("time"):
        iso += "T" + parts["time"] + _offset(parts.get("tz") or parts.get("tzs") or "")
    elif parts.get("hh") and parts.get("mm"):
        hour = int(parts["hh"])
        ampm = (parts.get("ampm") or "").replace(".", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        iso += f"T{hour:02d}:{parts['mm']}" + (f":{parts['ss']}" if parts.get("ss") else "")
    return day, iso


def _relative(text: str, now: datetime) -> str | None:
    match = RELATIVE_DATE.search(text)
    if match is None:
        return None
    raw_n = (match.group("n") or match.group("n_de") or "1").lower()
    n = int(raw_n) if raw_n.isdigit() else 1
    unit = (match.group("unit") or match.group("unit_de") or "").lower()
    if unit.startswith(("sec", "sek", "min", "h", "stu")):
        return None if n > 48 and unit.startswith(("h", "stu")) else now.date().isoformat()
    days = {"d": 1, "t": 1, "w": 7, "m": 30, "y": 365, "j": 365}[unit[0]] * n
    if days > (now.date() - date(MIN_YEAR, 1, 1)).days:  # before MIN_YEAR ("3000 years ago")
        return None
    return (now - timedelta(days=days)).date().isoformat()


def normalize_date(value: str, *, now: datetime | None = None) -> str | None:
    """Normalise a machine-readable date (JSON-LD, ``<time datetime>``) to ISO 8601.

    >>> normalize_date("2025-11-04T17:37:00.000Z")
    '2025-11-04T17:37:00.000Z'
    >>> normalize_date("Tue, 04 Nov 2025 17:37:00 GMT")
    '2025-11-04T17:37:00Z'
    >>> normalize_date("Wed, 02 Feb 2022 09:12:22 +0100"), normalize_date("2025-12-02 08:30:10 -0600")
    ('2022-02-02T09:12:22+01:00', '2025-12-02T08:30:10-06:00')
    """
    rfc = _RFC_2822.match(value.strip())
    if rfc:  # the e-mail/RSS form: keep its seconds and offset
        try:
            moment = parsedate_to_datetime(value.strip())
        except (TypeError, ValueError):
            moment = None
        if moment is not None and moment.year >= MIN_YEAR:
            iso = moment.isoformat().replace("+00:00", "Z") if rfc.group("zone") else None
            if iso and find_date(iso[:10], now=now):  # the same limits as any other date
                return iso
    return find_date(value, now=now)


def may_hold_absolute_date(text: str) -> bool:
    """False when ``text`` cannot hold an absolute date (it has no year and no "dd.mm.yy" or "dd/mm/yy"),
    so that it is only read for a relative one. Dumps ask for the date of hundreds of blocks
    a page, most of them without a year. Inserting spaces or turning a separator into one
    (as :func:`~cleaner.metadata.dump_dates.relax_glued_dates` does) cannot make such text
    hold a date.

    >>> may_hold_absolute_date("4 November 2025"), may_hold_absolute_date("31.10.23")
    (True, True)
    >>> may_hold_absolute_date("30/10/23")
    True
    >>> may_hold_absolute_date("yesterday"), may_hold_absolute_date("12 comments, 4 shares")
    (False, False)
    """
    return _DATE_DIGITS.search(text) is not None


def find_date(text: str, *, now: datetime | None = None, day_first: bool = True) -> str | None:
    """Return the first plausible date in ``text`` as ISO 8601, or ``None``.

    The time is kept when the text gives one. Dates after ``now`` (or, without ``now``,
    more than :data:`MAX_YEARS_AHEAD` years after today) and before :data:`MIN_YEAR` are
    rejected. Relative dates resolve only against ``now``.
    ``day_first`` settles ambiguous slashed dates ("03/01/2017"): pass False for
    US-English pages.
    """
    if may_hold_absolute_date(text):
        limit = _latest_date(now)
        found: list[tuple[int, str]] = []
        for pattern in _tried(text):
            for match in pattern.finditer(text):
                built = _build(match, day_first)
                if built and built[0].year >= MIN_YEAR and built[0] <= limit:
                    found.append((match.start(), built[1]))
                    break
        if found:
            return min(found)[1]
    if now is not None:
        return _relative(text, now)
    return None


def date_spans(
    text: str, *, now: datetime | None = None, day_first: bool = True
) -> list[tuple[int, int, str]]:
    """``(start, end, date)`` of every plausible absolute date of ``text`` (as
    :func:`find_date` reads them), in order; of dates that overlap, the first and longest.

    >>> date_spans("May 21, 2025 April 24, 2025 by X")
    [(0, 12, '2025-05-21'), (13, 27, '2025-04-24')]
    """
    if not may_hold_absolute_date(text):
        return []
    limit = _latest_date(now)
    found: list[tuple[int, int, str]] = []
    for pattern in _tried(text):
        for match in pattern.finditer(text):
            built = _build(match, day_first)
            if built and built[0].year >= MIN_YEAR and built[0] <= limit:
                found.append((match.start(), -match.end(), built[1]))
    spans: list[tuple[int, int, str]] = []
    for start, end, iso in sorted(found):
        if not spans or start >= spans[-1][1]:
            spans.append((start, -end, iso))
    return spans


def date_start(text: str) -> int | None:
    """Where the first absolute date form of ``text`` starts (whether or not it is a
    valid day), or ``None``.

    >>> date_start("109 Comments | Last Updated: March 11, 2019")
    29
    """
    if not may_hold_absolute_date(text):
        return None
    starts = [m.start() for m in (p.search(text) for p in _tried(text)) if m is not None]
    return min(starts, default=None)


def _latest_date(now: datetime | None) -> date:
    """The latest plausible publication date: ``now``'s day, or without ``now``
    :data:`MAX_YEARS_AHEAD` years after today."""
    limit = (now or datetime.now()).date()
    if now is None:  # from 29 February, the same day a year later is the 28th
        day = 28 if (limit.month, limit.day) == (2, 29) else limit.day
        limit = limit.replace(year=limit.year + MAX_YEARS_AHEAD, day=day)
    return limit


def strip_dates(text: str) -> str:
    """``text`` with every absolute date (and its time) removed.

    >>> strip_dates("date 2025-11-04 ASIA PACIFIC")
    'date  ASIA PACIFIC'
    """
    if not may_hold_absolute_date(text):  # no pattern matches (each holds the digits)
        return text
    for pattern, needs in zip(_PATTERNS, _NEEDS, strict=True):
        if needs is None or needs.search(text) is not None:  # (else it could not match)
            text = pattern.sub("", text)
    return text
