"""Choose each metadata field among the page's declared and visible candidates.

The order of trust was measured on the development corpora (see each function):
the visible headline when the declared titles confirm it or nothing contradicts it; the
byline shown next to the headline, else the declared author; the declared publication
date, else the date shown by the headline. Every value keeps where it came from.

>>> from cleaner.html.page_metadata import HeadMetadata
>>> head = HeadMetadata(titles=(("The headline | Site", "meta:<title>"),),
...                     site_names=(("Site", "meta:og:site_name"),))
>>> choose_title(head, [(0, "Site"), (3, "The headline")])
('The headline', 'html:h1', 3)
>>> choose_title(head, [])
('The headline', 'meta:<title>', None)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from types import MappingProxyType
from typing import Any

from cleaner.html.page_metadata import HeadMetadata
from cleaner.metadata.fields import Metadata
from cleaner.metadata.from_blocks import split_authors

__all__ = ["choose_author", "choose_date", "choose_title", "html_metadata", "not_future"]

#: Separators between a title and the site name in <title> and og:title.
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·•»~/]\s+|\s*[|»]\s*|\s+::\s+")
_WORD = re.compile(r"\w+")
#: Dates up to this far after the reference time are accepted (pages in time zones ahead
#: of the reader's clock); anything later is a future date and rejected.
FUTURE_TOLERANCE = timedelta(days=1)


def _norm(text: str | None) -> str:
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text or "").lower()))


def _parts(title: str) -> list[str]:
    return [p.strip() for p in _TITLE_SEPARATOR.split(title) if p.strip()]


def _support(headline: str, declared: Sequence[str]) -> float:
    """How well the declared titles confirm a headline: 1 when one equals or contains the
    other's words in full, the share of the declared title's words it covers when the
    declared title is longer (" | Site Name" suffixes), 0 when unrelated."""
    mine = _norm(headline)
    best = 0.0
    for other in map(_norm, declared):
        if not mine or not other:
            continue
        if mine == other or other in mine:
            return 1.0
        if mine in other:
            best = max(best, len(mine.split()) / len(other.split()))
    return best


def _site_names(head: HeadMetadata) -> set[str]:
    names = {_norm(name) for name, _ in head.site_names}
    for title, _ in head.titles:
        parts = _parts(title)
        if len(parts) > 1 and parts[-1] != max(parts, key=len):
            names.add(_norm(parts[-1]))
    names.discard("")
    return names


def choose_title(head: HeadMetadata, h1s: Sequence[tuple[int, str]]
                 ) -> tuple[str, str, int | None] | None:
    """``(title, provenance, h1 position)``.

    The visible ``<h1>`` wins unless it is the site name: on wcxb-dev articles and
    trafilatura-eval the gold title is the visible headline far more often than the
    declared one (the declared title is an SEO variant or carries the site name). Among
    several ``<h1>``, the one the declared titles confirm best; without any, a declared
    title with the site name cut off.
    """
    declared = [t for t, _ in head.titles]
    sites = _site_names(head)
    candidates = [(pos, text) for pos, text in h1s if _norm(text) and _norm(text) not in sites]
    if candidates:
        scored = [(_support(text, declared), -order, pos, text)
                  for order, (pos, text) in enumerate(candidates)]
        best = max(scored)
        pos, text = (best[2], best[3]) if best[0] > 0 else candidates[0]
        return text, "html:h1", pos
    for title, origin in head.titles:
        parts = [p for p in _parts(title) if _norm(p) not in sites] or _parts(title)
        if parts:
            return max(parts, key=len), origin, None
    return None


def choose_author(head: HeadMetadata, bylines: Sequence[tuple[int, str, str]],
                  title: int | None) -> tuple[tuple[str, ...], str, str] | None:
    """``(names, byline, provenance)``.

    A byline in the header zone (after the headline, or anywhere when there is none)
    comes first; then the declared author; then a byline element elsewhere.
    """
    near = [b for b in bylines if title is None or b[0] >= title - 2]
    if near:
        _, name, how = near[0]
        return split_authors(name) or (name,), name, f"html:{how}"
    if head.authors is not None:
        names, origin = head.authors
        return names, ", ".join(names), origin
    if bylines:
        _, name, how = bylines[0]
        return split_authors(name) or (name,), name, f"html:{how}"
    return None


def not_future(iso: str, now: datetime | None) -> bool:
    """False when ``iso`` lies after ``now`` (default: the current UTC time) by more than
    :data:`FUTURE_TOLERANCE`.

    >>> not_future("2025-11-04T17:37:00+01:00", datetime(2025, 11, 5))
    True
    >>> not_future("2031-01-01", datetime(2025, 11, 5))
    False
    """
    reference = now or datetime.now(timezone.utc).replace(tzinfo=None)
    if reference.tzinfo is not None:
        reference = reference.astimezone(timezone.utc).replace(tzinfo=None)
    try:
        day = datetime.fromisoformat(iso[:10])
    except ValueError:
        return False
    return day <= reference + FUTURE_TOLERANCE


def choose_date(head: HeadMetadata, visible: Sequence[tuple[int, str, str]],
                now: datetime | None) -> tuple[str, str] | None:
    """``(ISO date, provenance)``: the declared publication date, else the date shown in
    the header zone, else the declared modification date. A visible date on the same day
    as a declared one is replaced by the declared value, which carries time and offset."""
    declared = [(iso, origin) for iso, origin in head.dates if not_future(iso, now)]
    if declared:
        return declared[0]
    shown = [(iso, f"html:{how}") for _, iso, how in visible if not_future(iso, now)]
    if shown:
        return shown[0]
    modified = [(iso, origin) for iso, origin in head.modified if not_future(iso, now)]
    return modified[0] if modified else None


def html_metadata(head: HeadMetadata, h1s: Sequence[tuple[int, str]],
                  bylines: Sequence[tuple[int, str, str]],
                  dates_seen: Sequence[tuple[int, str, str]],
                  agency: tuple[str, str] | None, *, now: datetime | None) -> Metadata:
    """All fields chosen, as :class:`~cleaner.metadata.fields.Metadata` with provenance."""
    values: dict[str, Any] = {}
    provenance: dict[str, str] = {}
    title = choose_title(head, h1s)
    title_pos = None
    if title is not None:
        values["title"], provenance["title"], title_pos = title
    author = choose_author(head, bylines, title_pos)
    if author is not None:
        values["authors"], values["byline"], origin = author
        provenance["authors"] = provenance["byline"] = origin
    date = choose_date(head, dates_seen, now)
    if date is not None:
        values["date"], provenance["date"] = date
    if agency is not None:
        values["source"], provenance["source"] = agency
    for name, candidate in (("site_name", head.site_names[0] if head.site_names else None),
                            ("section", head.section), ("description", head.description),
                            ("language", head.language)):
        if candidate is not None:
            values[name], provenance[name] = candidate
    if head.tags:
        values["tags"], provenance["tags"] = head.tags, "json-ld/meta:keywords"
    return Metadata(**values, provenance=MappingProxyType(provenance))
