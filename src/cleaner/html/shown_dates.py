"""Which of the dates a page shows speak for the article.

:func:`cleaner.html.visible.dates` finds the dates; these rules weed them before the vote
of :func:`cleaner.html.date_vote.choose_date`: the dates above the headline yield to a
dateline under it, and of an element's two readings (its ``<time datetime>`` attribute
and its text) one is kept. :func:`page_date` is the whole page's fallback.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from cleaner.html.segment import PageSegments
from cleaner.html.visible import MAX_DATELINE_CHARS
from cleaner.metadata.date_labels import date_label
from cleaner.metadata.dates import find_date

__all__ = ["MACHINE", "TIME_ZONE_DAYS", "dated_below", "one_reading", "page_date", "same_instant"]

#: An element's ``<time datetime>`` attribute and its text at most this many days apart
#: may give the same instant in two time zones (both readings are kept); farther apart
#: they are two dates, and the attribute, written for machines, is kept.
TIME_ZONE_DAYS = 1
#: How :func:`cleaner.html.visible.dates` marks a `<time datetime>` attribute's reading.
MACHINE = "time[datetime]"


def dated_below(
    page: PageSegments, found: Sequence[tuple[int, str, str]], title: int | None
) -> bool:
    """Whether one of the ``found`` dates stands under the headline, with only short lines
    (a standfirst, a byline: at most :data:`~cleaner.html.visible.MAX_DATELINE_CHARS`
    each) between them: the article's own dateline, before its body and before the
    teaser lists that may follow it."""
    if title is None:
        return False
    for position, _, _ in found:
        if position <= title:
            continue
        between = page.segments[title + 1 : position]
        return all(len(s.block.text) <= MAX_DATELINE_CHARS for s in between)
    return False


def _days_apart(first: str, second: str) -> int:
    try:
        return abs((date.fromisoformat(first[:10]) - date.fromisoformat(second[:10])).days)
    except ValueError:
        return 0


def one_reading(found: Sequence[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """``found`` with only the ``<time datetime>`` attribute's reading of an element whose
    text gives a day more than :data:`TIME_ZONE_DAYS` away (closer, both are kept: either
    may be the local day).

    >>> one_reading([(4, "2024-08-28", "dateline"), (4, "2024-12-20", MACHINE)])
    [(4, '2024-12-20', 'time[datetime]')]
    >>> one_reading([(4, "2019-02-10", "dateline"), (4, "2019-02-09T23:00Z", MACHINE)])
    [(4, '2019-02-10', 'dateline'), (4, '2019-02-09T23:00Z', 'time[datetime]')]
    >>> one_reading([(4, "2019-02-10", "dateline"), (4, "2019-02-10T23:00Z", MACHINE)])
    [(4, '2019-02-10', 'dateline'), (4, '2019-02-10T23:00Z', 'time[datetime]')]
    """
    machine = {position: iso for position, iso, how in found if how == MACHINE}
    shown = {position: iso for position, iso, how in found if how != MACHINE}
    dropped: set[tuple[int, str]] = set()
    for position, iso in machine.items():
        text = shown.get(position)
        if text is None or text[:10] == iso[:10]:
            continue
        if _days_apart(text, iso) > TIME_ZONE_DAYS:
            dropped.update(
                (position, how) for p, _, how in found if p == position and how != MACHINE
            )
    return [item for item in found if (item[0], item[2]) not in dropped]


def _instant(iso: str) -> datetime | None:
    """The moment an ISO value with a time and a UTC offset names, else ``None``."""
    if len(iso) <= len("2024-01-01T00:00"):
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def same_instant(first: str, second: str) -> bool:
    """Whether two ISO values with times and UTC offsets name the same moment (a declared
    "2025-12-18T23:25:38Z" shown as "2025-12-19T04:25:38+05:00").

    >>> same_instant("2025-12-18T23:25:38Z", "2025-12-19T04:25:38+05:00")
    True
    >>> same_instant("2025-12-18T23:25:38Z", "2025-12-19T04:25:39+05:00")
    False
    >>> same_instant("2025-12-18", "2025-12-18")
    False
    """
    moment = _instant(first)
    return moment is not None and moment == _instant(second)


def page_date(page: PageSegments, *, now: datetime | None, after: int | None = None) -> str | None:
    """The first day given by a block at or after position ``after`` (the headline: the
    article's own date comes before the comments' and the teasers'), else the day most
    often given by the page's short blocks (any of them, boilerplate too: "Veröffentlicht
    am ..." sits in a footer line), the first on a tie; ``None`` when no block gives a
    date. A cheap whole-page fallback for pages that show no date by the headline."""
    counts: dict[str, int] = {}
    for position, segment in enumerate(page.segments):
        text = segment.block.text[:MAX_DATELINE_CHARS]  # long blocks: a date that opens them
        if not any(map(str.isdigit, text)):  # map: no Python frame per character
            continue
        iso = find_date(text, now=now)
        if iso and after is not None and position >= after:
            before = page.segments[position - 1].block.text if position else None
            if date_label(text, before) != "updated":
                return iso[:10]
            continue
        if iso:
            counts[iso[:10]] = counts.get(iso[:10], 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda day: (counts[day], -list(counts).index(day)))
