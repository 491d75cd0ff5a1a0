"""What a page address tells about its article: the words of its slug, its date.

Most article addresses spell the headline in their path ("/2024/03/05/council-approves-new-budget"),
in whatever language the page is written. The title ranker compares each candidate line
with these words (:func:`slug_words`, :func:`word_forms`).

>>> sorted(slug_words("https://example.org/news/2024/03/05/council-approves-budget.html?id=7"))
['approves', 'budget', 'council']
>>> sorted(slug_words("https://example.org/de/politik/gruene-fordern-neuwahl-12345"))
['fordern', 'gruene', 'neuwahl']
>>> slug_words(None)
frozenset()
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from cleaner.metadata.dates import month_number

__all__ = ["slug_overlap", "slug_words", "url_date", "url_month", "word_forms"]

#: A path segment is the slug when it has at least this many words (a lone word is a
#: section: "/politik/").
MIN_SLUG_WORDS = 2
#: Slug words have at least this many characters (shorter ones are ids and particles).
MIN_SLUG_WORD_CHARS = 3

#: A year-first date in the path, its month a number or a name ("/2023/october/03/").
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d|[a-z]{3,9})[/-]([0-3]?\d)(?!\d)", re.I)
#: A year and a month without a day: "/2015/07/organic-pest-control".
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d|[a-z]{3,9})(?:/|$)", re.I)
#: A day-first date opening a path segment or following a separator in it
#: ("/meldungen/29-10-2021", "/~02-01-2022-land-zahlte-..."), read month-first when its
#: second number cannot be a month ("/wrap-up-12-19-2025"); used when the address holds
#: no year-first date (trafilatura-eval HTML +1/-0 page, wcxb-dev 0).
_URL_DAY_FIRST = re.compile(r"(?:/|~|_|-)([0-3]?\d)[-.]([01]?\d)[-.]((?:19|20)\d\d)(?![\d])")
_SEGMENT_END = re.compile(r"\.[a-z0-9]{2,5}$", re.I)  # a file extension: ".html", ".php"
_ALNUM = re.compile(r"[a-z0-9]+")
_LETTER = re.compile(r"[a-z]")
#: A hexadecimal id, not a word: "b29c11d3" of a UUID, "a63515464" (hex digits, one a digit).
_HEX_ID = re.compile(r"(?=[a-f]*\d)[0-9a-f]{5,}")
#: German letters that addresses spell out ("grüne" -> "gruene").
_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _ascii_words(text: str) -> list[str]:
    folded = text.casefold()
    if not folded.isascii():  # accents dropped (ASCII text is its own decomposition)
        folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return _ALNUM.findall(folded)


def word_forms(text: str) -> set[str]:
    """The words of ``text`` as an address would spell them: lower case, accents dropped
    or spelled out ("Grüne" gives both "grune" and "gruene").

    >>> sorted(word_forms("Grüne Straße"))
    ['gruene', 'grune', 'strasse']
    """
    folded = text.casefold()
    if folded.isascii():  # nothing to drop or spell out: both forms are the words
        return set(_ALNUM.findall(folded))
    return set(_ascii_words(text)) | set(_ascii_words(folded.translate(_SPELLED_OUT)))


def slug_words(url: str | None) -> frozenset[str]:
    """The words of the address's slug: the last path segment with at least
    :data:`MIN_SLUG_WORDS` words (ids and numbers left out), else none.

    The last such segment, not the longest: sections come before the article's own
    segment ("/restaurant-tips/trends-in-catering"). Title accuracy with the URL, against
    the segment with the most words (the first of equals): wcxb-dev articles w3m 0.826 ->
    0.833, lynx 0.828 -> 0.835; trafilatura-eval w3m 0.808 -> 0.813, lynx 0.820 -> 0.821.

    >>> sorted(slug_words("https://example.org/restaurant-tips/trends-in-catering"))
    ['catering', 'trends']
    >>> sorted(slug_words("https://example.org/news/rain-falls-in-spain/b29c11d3-9590-a568f9f24617"))
    ['falls', 'rain', 'spain']
    """
    if not url:
        return frozenset()
    path = url.split("//", 1)[-1].partition("/")[2]
    path = re.split(r"[?#]", path, maxsplit=1)[0]
    for segment in reversed(path.split("/")):
        words = [
            w
            for w in _ascii_words(_SEGMENT_END.sub("", segment))
            if len(w) >= MIN_SLUG_WORD_CHARS and _LETTER.search(w) and not _HEX_ID.fullmatch(w)
        ]
        if len(words) >= MIN_SLUG_WORDS:
            return frozenset(words)
    return frozenset()


def slug_overlap(text: str, slug: frozenset[str]) -> tuple[float, float]:
    """(share of the words of ``text`` found in ``slug``, share of ``slug`` they cover).

    Words count from :data:`MIN_SLUG_WORD_CHARS` characters, as in the slug.

    >>> slug = slug_words("https://example.org/2024/council-approves-new-budget")
    >>> slug_overlap("Council approves the new budget", slug)
    (0.8, 1.0)
    >>> slug_overlap("Weather", slug)
    (0.0, 0.0)
    """
    if not slug:
        return 0.0, 0.0
    words = {w for w in text.split() if len(w) >= MIN_SLUG_WORD_CHARS}
    if not words:
        return 0.0, 0.0
    found: set[str] = set()
    hits = 0
    for word in words:
        matched = word_forms(word) & slug
        if matched:
            hits += 1
            found |= matched
    return hits / len(words), len(found) / len(slug)


def url_date(url: str | None) -> str | None:
    """A date in the page address (``/2021/10/05/``), as ``YYYY-MM-DD``.

    >>> url_date("https://example.org/news/2021/10/5/story-title")
    '2021-10-05'
    >>> url_date("https://example.org/2021/story") is None
    True
    >>> url_date("https://example.org/meldungen/29-10-2021"), url_date("/wrap-up-12-19-2025")
    ('2021-10-29', '2025-12-19')
    >>> url_date("https://example.org/blog/2023/october/03/wine-styles")
    '2023-10-03'
    """
    match = _URL_DATE.search(url or "")
    if match is not None:
        year, day = int(match.group(1)), int(match.group(3))
        month = _month(match.group(2))
    else:
        match = _URL_DAY_FIRST.search(url or "")
        if match is None:
            return None
        day, month, year = (int(g) for g in match.groups())
        if month > 12 >= day:
            day, month = month, day
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None


def _month(part: str) -> int:
    """The month a path part gives: a number or a month's name (0 when neither)."""
    return int(part) if part.isdigit() else month_number(part) or 0


def url_month(url: str | None) -> str | None:
    """The year and month of the page address, as ``YYYY-MM``, from a full date or from a
    year and month path ("/2015/07/story-title"): a date on the page in another month is
    not the article's (a comment's, a teaser's, a book's release).

    >>> url_month("https://example.org/2015/07/story-title.html")
    '2015-07'
    >>> url_month("https://example.org/2021/10/5/story"), url_month("https://example.org/2021/story")
    ('2021-10', None)
    """
    full = url_date(url)
    if full is not None:
        return full[:7]
    match = _URL_MONTH.search(url or "")
    if match is None:
        return None
    month = _month(match.group(2))
    return f"{match.group(1)}-{month:02d}" if 1 <= month <= 12 else None
