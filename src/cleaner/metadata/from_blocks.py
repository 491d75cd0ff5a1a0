"""Metadata read back from the blocks the header, tags and credit layers removed.

>>> from cleaner.blocks import Block
>>> blocks = [Block(0, "By Korin MillerPublished: Jan 29, 2025", "", "line", "", 0)]
>>> m = from_blocks(blocks, {0: "metadata.byline"}, now=None)
>>> (m.byline, m.authors, m.date)
('Korin Miller', ('Korin Miller',), '2025-01-29')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime

from cleaner.blocks import Block
from cleaner.layers.tags import tag_values
from cleaner.lexicon import BYLINE, BYLINE_TAIL, RELATIVE_DATE, SOURCE_CREDIT
from cleaner.metadata.author_model import pick_author
from cleaner.metadata.dates import strip_dates
from cleaner.metadata.dump_dates import block_date_text, find_dump_date
from cleaner.metadata.fields import Metadata
from cleaner.metadata.language import stopwords
from cleaner.metadata.nearby import nearest_byline, nearest_date

__all__ = ["from_blocks", "split_authors"]

_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b)\s*", re.I)
_GLUED_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_UPPER_LABEL = re.compile(r"\b[A-Z][A-Z&\-]+(?:\s+[A-Z][A-Z&\-]+)*\b")
#: Words that are not names, even when a byline says "By ...".
_NOT_A_NAME = re.compile(r"^(?:the|staff|admin|editor|redaktion|agencies|agency)$", re.I)


def split_authors(byline: str) -> tuple[str, ...]:
    """Split a byline into names.

    >>> split_authors("Jane Doe and John Smith")
    ('Jane Doe', 'John Smith')
    >>> split_authors("Max Muster und Erika Mustermann, Berlin")
    ('Max Muster', 'Erika Mustermann', 'Berlin')
    """
    names = [n.strip(" .") for n in _AUTHOR_SPLIT.split(byline)]
    return tuple(n for n in names if n and not _NOT_A_NAME.match(n))


def byline_name(text: str) -> str | None:
    """The name part of a byline line, without "By" and any glued date or credit.

    >>> byline_name("By Korin MillerPublished: Jan 29, 2025")
    'Korin Miller'
    >>> byline_name("Von Max Muster | 04.11.2025")
    'Max Muster'
    """
    match = BYLINE.match(text)
    name = match.group("name") if match else text
    name = BYLINE_TAIL.sub("", name).strip(" ,.:")
    return name or None


def _rule_blocks(blocks: Sequence[Block], removed: Mapping[int, str], rule_id: str) -> list[Block]:
    return [b for b in blocks if removed.get(b.index) == rule_id]


def _split_header_line(text: str) -> tuple[str | None, str | None]:
    """Site and section from a run-together header: "Global NewsTrackNews2 weeks ago13 Views"."""
    cut = RELATIVE_DATE.search(text)
    head = text[: cut.start()] if cut else re.split(r"\d", text, maxsplit=1)[0]
    head = head.strip()
    parts = _GLUED_WORDS.split(head)
    if len(parts) >= 2:
        return parts[0].strip() + "".join(parts[1:-1]), parts[-1].strip()
    return (head or None), None


def from_blocks(
    blocks: Sequence[Block],
    removed: Mapping[int, str],
    *,
    now: datetime | None,
    anchor: int = 0,
    language: str | None = None,
    known: Metadata | None = None,
) -> Metadata:
    """Collect title, byline, date, source, site name, section, description and tags.

    ``anchor`` is the index of the first block of the article core: when no header line
    gave a byline or date, the nearest such line to it is used (see :mod:`.nearby`).
    ``language`` (ISO code) settles ambiguous numeric dates: month first for English.
    The byline (with the authors) and the date that ``known`` already holds, values that
    win over ours when merged, are not searched for (the search reads the whole page).

    >>> b = [Block(0, "By Korin Miller", "", "line", "", 0)]
    >>> m = from_blocks(b, {}, now=None, known=Metadata(byline="X", authors=("X",)))
    >>> m.byline is None, from_blocks(b, {}, now=None).byline
    (True, 'Korin Miller')
    """
    day_first = language != "en"
    want_byline = known is None or not (known.byline and known.authors)
    want_date = known is None or not known.date

    def first(rule_id: str) -> Block | None:
        found = _rule_blocks(blocks, removed, rule_id)
        return found[0] if found else None

    title = first("metadata.title")
    byline_block = first("metadata.byline") if want_byline else None
    byline = byline_name(byline_block.text) if byline_block else None
    source_block = first("metadata.source-credit")
    source_match = SOURCE_CREDIT.match(source_block.text) if source_block else None
    site_block = first("metadata.site-name")
    header = first("metadata.header-line")
    site_name, section = _split_header_line(header.text) if header else (None, None)
    date = None
    date_rules = ("metadata.dateline", "metadata.byline", "metadata.header-line")
    for rule_id in date_rules if want_date else ():
        # the header line nearest the body wins (a page may date its menu or ticker too)
        for block in sorted(
            _rule_blocks(blocks, removed, rule_id), key=lambda b: abs(anchor - b.index)
        ):
            date = find_dump_date(block_date_text(block), now=now, day_first=day_first)
            if date:
                break
        if date:
            break
    for block in _rule_blocks(blocks, removed, "metadata.dateline"):
        label = _UPPER_LABEL.search(strip_dates(block.text))
        if label and len(label.group()) > 2:
            section = label.group()
            break
    byline_origin = ":byline"
    if byline is None and want_byline:
        byline, byline_origin = (
            nearest_byline(blocks, anchor, stopwords(language)),
            ":nearby-byline",
        )
    if byline is None and blocks and want_byline:
        byline, byline_origin = pick_author(blocks, anchor, stopwords(language)), ":name-line"
    date_origin = ":dateline"
    if date is None and want_date:
        date, date_origin = (
            nearest_date(blocks, anchor, now=now, day_first=day_first),
            ":nearby-date",
        )
    standfirst = first("metadata.standfirst")
    return Metadata.of(
        "dump",
        title=(title.text, ":headline") if title else None,
        byline=(byline, byline_origin) if byline else None,
        authors=split_authors(byline) if byline else (),
        date=(date, date_origin) if date else None,
        source=(source_match.group("source"), ":credit") if source_match else None,
        site_name=(site_block.text, ":repeated-name")
        if site_block
        else (site_name, ":header-line")
        if site_name
        else None,
        section=(section, ":label") if section else None,
        description=(standfirst.text, ":standfirst") if standfirst else None,
        tags=tag_values(_rule_blocks(blocks, removed, "tags.list")),
    )
