"""Fallback metadata from anywhere in a dump: the byline or date line nearest the body.

When the header zone holds no byline or dateline, the author and the date are often still
on the page: in a "Posted by X on <date>" line under the body, in an author box ("About X"),
in a forum's "started by X". These functions rank such lines by their distance to the start
of the article core, lines before the body first.

>>> from cleaner.text.segment import segment
>>> blocks = segment("Menu\\n\\nHeadline\\n\\nA body paragraph of the article with enough words.\\n\\nPosted by Jane Doe on March 3, 2024")
>>> nearest_byline(blocks, 2)
'Jane Doe'
>>> nearest_date(blocks, 2, now=None)
'2024-03-03'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from cleaner.blocks import Block
from cleaner.lexicon import BYLINE, BYLINE_TAIL, FOOTER_LINE
from cleaner.metadata.dates import find_date

__all__ = ["nearest_byline", "nearest_date"]

#: Lines longer than this are prose, not bylines or datelines.
MAX_LINE_WORDS = 25
#: Lines after the body start count this many times their distance (before-body lines win).
AFTER_BODY_COST = 2

_NAME = r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:[ \t]+(?:(?:de|van|von|der|da|di|del|la|le)[ \t]+)?[A-ZÀ-ÖØ-Þ][\w'’.-]+){0,3})"
_EMBEDDED = (
    re.compile(
        r"(?:^|\b(?:posted|written|published|written|reported|started|veröffentlicht|geschrieben|publié|publicado)\b.{0,40}?)"
        r"\b(?:by|von|par|por|door)\s*:?\s+" + _NAME
    ),
    re.compile(r"^(?:by|von|por|par)(?=[A-ZÀ-Ö])" + _NAME),
    re.compile(
        r"(?:^|[|•·∙]\s*)(?:author|autor(?:in)?|auteur|redaktion|reporter|text|texto|written by|geschrieben von)\s*[:：]\s*"
        + _NAME,
        re.I,
    ),
    re.compile(r"(?:责任编辑|作者|编辑)\s*[:：]\s*(?P<name>\w{2,8})"),
    re.compile(r"^(?:about|über)\s+" + _NAME + r"\s*$"),
)

#: "03/01/2017 by Agatha Caleo": a "by" anywhere in a short line that also gives a date.
_DATED_BY = re.compile(r"\b(?:by|von|par|por|door)\s+" + _NAME)
MAX_DATED_BYLINE_WORDS = 16


def _ranked(blocks: Sequence[Block], anchor: int) -> Iterable[Block]:
    """Short blocks, nearest to ``anchor`` (a block index) first, lines before it preferred."""
    short = [b for b in blocks if b.words <= MAX_LINE_WORDS]
    return sorted(
        short,
        key=lambda b: (
            (anchor - b.index) if b.index < anchor else (b.index - anchor + 1) * AFTER_BODY_COST
        ),
    )


def nearest_byline(blocks: Sequence[Block], anchor: int) -> str | None:
    """The author name of the byline-like line nearest the body, or ``None``."""
    for block in _ranked(blocks, anchor):
        if FOOTER_LINE.match(block.text):
            continue
        match = BYLINE.match(block.text)
        if match and block.words <= 12:
            name = BYLINE_TAIL.sub("", match.group("name")).strip(" ,.:")
            if name and name[0].isupper():
                return name
        for pattern in _EMBEDDED:
            found = pattern.search(block.text)
            if found:
                return found.group("name").strip(" ,.:")
        dated = _DATED_BY.search(block.text) if block.words <= MAX_DATED_BYLINE_WORDS else None
        if dated and find_date(block.text) is not None:
            return dated.group("name").strip(" ,.:")
    return None


def nearest_date(
    blocks: Sequence[Block], anchor: int, *, now: datetime | None, day_first: bool = True
) -> str | None:
    """The first date in the short line nearest the body, or ``None``."""
    for block in _ranked(blocks, anchor):
        found = find_date(block.text, now=now, day_first=day_first)
        if found:
            return found
    return None
