"""Metadata read back from the blocks the header, tags and credit layers removed.

>>> from cleaner.blocks import Block
>>> blocks = [Block(0, "By Korin MillerPublished: Jan 29, 2025", "", "line", "", 0)]
>>> m = from_blocks(blocks, {0: "metadata.byline"}, now=None)
>>> (m.byline, m.authors, m.date)
('Korin Miller', ('Korin Miller',), '2025-01-29')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from itertools import islice

from cleaner.blocks import Block
from cleaner.layers.tags import tag_values
from cleaner.lexicon import BYLINE, BYLINE_TAIL, RELATIVE_DATE, SOURCE_CREDIT
from cleaner.metadata.address import url_date, url_month
from cleaner.metadata.author_model import pick_author
from cleaner.metadata.byline_finish import (
    BYLINE_ORIGINS,
    byline_origin_of,
    finished_byline,
    unglued_name,
)
from cleaner.metadata.byline_spans import pick_byline
from cleaner.metadata.date_labels import (
    labelled_paragraph_date,
    opens_with_date,
    original_publication,
    publication_choice,
)
from cleaner.metadata.date_order import page_day_first
from cleaner.metadata.dates import find_date, strip_dates
from cleaner.metadata.dump_dates import block_dump_date
from cleaner.metadata.fields import Metadata
from cleaner.metadata.language import stopwords
from cleaner.metadata.names import split_authors
from cleaner.metadata.nearby import HEADLINE_BYLINE_BLOCKS, nearer_after_headline, nearest_byline
from cleaner.metadata.nearby_dates import dated_lines, nearest_date, opening_date
from cleaner.metadata.title_model import headline_text
from cleaner.metadata.yearless import yearless_date

__all__ = ["from_blocks", "reads_byline_line", "split_authors"]

_GLUED_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_UPPER_LABEL = re.compile(r"\b[A-Z][A-Z&\-]+(?:\s+[A-Z][A-Z&\-]+)*\b")
#: The dated lines nearest the body that compete with the header's dates for the
#: publication date (see :func:`~.date_labels.publication_choice`).
MAX_DATED_LINES = 12
#: Header datelines away from the headline that show this many different days or more are
#: a list (related posts, a changelog), not the article's datelines.
MIN_LISTED_DAYS = 3
#: The provenance of a byline read from a byline line ("By ...", "Posted by ... on ..."),
#: which wins over an author a page's meta tag declares (see :func:`reads_byline_line`).
_LINE_ORIGINS = frozenset({"dump" + BYLINE_ORIGINS["header"], "dump" + BYLINE_ORIGINS["nearby"]})


def reads_byline_line(meta: Metadata) -> bool:
    """Whether ``meta``'s byline was read from a byline line of the blocks (the header "By"
    line or the byline-like line nearest the body), not from a name line or a span.

    >>> reads_byline_line(from_blocks([Block(0, "By Jane Doe", "", "line", "", 0)], {}, now=None, rank_spans=False))
    True
    """
    return meta.provenance.get("byline") in _LINE_ORIGINS


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


def _by_rule(blocks: Sequence[Block], removed: Mapping[int, str]) -> dict[str, list[Block]]:
    """The removed blocks by the rule that removed them, in document order."""
    found: dict[str, list[Block]] = {}
    for block in blocks:
        rule_id = removed.get(block.index)
        if rule_id is not None:
            found.setdefault(rule_id, []).append(block)
    return found


def _split_header_line(text: str) -> tuple[str | None, str | None]:
    """Site and section from a run-together header: "Global NewsTrackNews2 weeks ago13 Views"."""
    cut = RELATIVE_DATE.search(text)
    head = text[: cut.start()] if cut else re.split(r"\d", text, maxsplit=1)[0]
    head = head.strip()
    parts = _GLUED_WORDS.split(head)
    if len(parts) >= 2:
        return parts[0].strip() + "".join(parts[1:-1]), parts[-1].strip()
    return (head or None), None


def _follows_headline(block: Block, headline: int) -> bool:
    """Whether ``block`` stands at most :data:`~.nearby.HEADLINE_BYLINE_BLOCKS` blocks
    after the ``headline`` (a block index): where the article's dateline stands."""
    return 0 < block.index - headline <= HEADLINE_BYLINE_BLOCKS


def _under_headline_date(
    blocks: Sequence[Block], headline: int, *, now: datetime | None, day_first: bool
) -> str | None:
    """The first date of the blocks of any length that :func:`_follows_headline` (the
    ``headline``'s block index), nearest it first; ``None`` when they give none."""
    for block in blocks:
        if _follows_headline(block, headline):
            found = block_dump_date(block, now=now, day_first=day_first)
            if found:
                return found
    return None


def _publication_date(
    blocks: Sequence[Block],
    anchor: int,
    header_dates: Sequence[tuple[Block, str]],
    *,
    now: datetime | None,
    day_first: bool,
    month: str | None,
    headline: int | None = None,
) -> tuple[str | None, str]:
    """The date and its provenance: the header datelines' (nearest the body first), else
    the body's opening date, else the nearest dated short line; a date labelled as
    published, or one not labelled as an update on an earlier day than an update's, may
    replace it (:func:`~.date_labels.publication_choice`)."""
    # the header's datelines away from the headline that show many days are a list
    under = [d for d in header_dates if headline is not None and _follows_headline(d[0], headline)]
    away = [d for d in header_dates if d not in under]
    listed: set[int] = set()
    if len({iso[:10] for _, iso in away}) >= MIN_LISTED_DAYS:
        listed = {block.index for block, _ in away}
        header_dates = under
    lines = list(
        islice(
            (
                line
                for line in dated_lines(
                    blocks, anchor, now=now, day_first=day_first, headline=headline
                )
                if line[0].index not in listed
            ),
            MAX_DATED_LINES,
        )
    )
    if header_dates:
        seen = {block.index for block, _ in header_dates}
        if headline is not None and not _follows_headline(header_dates[0][0], headline):
            follows = [
                line
                for line in lines
                if line[0].index not in seen
                and _follows_headline(line[0], headline)
                and opens_with_date(line[0].text, bare=True)
            ]
            if follows:
                header_dates = [follows[0], *header_dates]
                seen.add(follows[0][0].index)
        candidates = [*header_dates, *(line for line in lines if line[0].index not in seen)]
    else:
        opening = opening_date(blocks, anchor, now=now, day_first=day_first)
        if opening:
            return opening, ":opening"
        candidates = lines
    if not candidates:
        return None, ":nearby-date"
    before = {b.index + 1: b for b in blocks}
    k = publication_choice(candidates, before, anchor, month)
    return candidates[k][1], ":dateline" if k < len(header_dates) else ":nearby-date"


def from_blocks(
    blocks: Sequence[Block],
    removed: Mapping[int, str],
    *,
    now: datetime | None,
    anchor: int = 0,
    language: str | None = None,
    url: str | None = None,
    known: Metadata | None = None,
    rank_spans: bool = True,
) -> Metadata:
    """Collect title, byline, date, source, site name, section, description and tags.

    ``anchor`` is the index of the first block of the article core: when no header line
    gave a date, the date one of the core's first paragraphs opens with is used, else the
    nearest dated line to it (see :mod:`.nearby`). The byline is
    the span ranker's pick (:mod:`.byline_spans`) among the header byline, the nearest
    byline-like line, the best name line and the other name-like spans near the body,
    unless an explicit author label names someone else anywhere on the page
    (:mod:`.author_labels`) and the pick is no byline line naming persons;
    without ``rank_spans`` (the HTML front end's blocks, which the ranker was not fitted
    on), the first of those three rules that names one.
    ``language`` (ISO code) settles ambiguous numeric dates (month first for English)
    unless the page's unambiguous slashed dates all show one order (:mod:`.date_order`).
    A date in the page address (``url``) wins over the dates of the dump's lines: it was
    the gold day on 139 of the 147 development pages whose address has one (wcxb-dev
    articles and trafilatura-eval).
    The byline (with the authors) and the date that ``known`` already holds, values that
    win over ours when merged, are not searched for (the search reads the whole page).

    >>> b = [Block(0, "By Korin Miller", "", "line", "", 0)]
    >>> m = from_blocks(b, {}, now=None, known=Metadata(byline="X", authors=("X",)))
    >>> m.byline is None, from_blocks(b, {}, now=None).byline
    (True, 'Korin Miller')
    """
    want_byline = known is None or not (known.byline and known.authors)
    want_date = known is None or not known.date
    by_rule = _by_rule(blocks, removed)
    # the page's unambiguous slashed dates settle its ambiguous ones, else its language
    day_first = language != "en"
    if want_date:
        day_first = page_day_first((b.text for b in blocks), default=day_first)

    def first(rule_id: str) -> Block | None:
        found = by_rule.get(rule_id)
        return found[0] if found else None

    title = first("metadata.title")
    byline_block = first("metadata.byline") if want_byline else None
    byline = byline_name(byline_block.text) if byline_block else None
    source_block = first("metadata.source-credit")
    source_match = SOURCE_CREDIT.match(source_block.text) if source_block else None
    site_block = first("metadata.site-name")
    header = first("metadata.header-line")
    site_name, section = _split_header_line(header.text) if header else (None, None)
    header_dates: list[tuple[Block, str]] = []
    date_rules = ("metadata.dateline", "metadata.byline", "metadata.header-line")
    headline = title.index if title else None

    def header_distance(block: Block) -> float:
        # to the body, or to the headline it follows when that is nearer
        return nearer_after_headline(block.index, abs(anchor - block.index), headline)

    for rule_id in date_rules if want_date else ():
        # the header line nearest the body or after the headline first (a page may date
        # its menu or ticker too), the rules in this order
        for block in sorted(by_rule.get(rule_id, []), key=header_distance):
            found = block_dump_date(block, now=now, day_first=day_first)
            if found:
                header_dates.append((block, found))
    for block in by_rule.get("metadata.dateline", []):
        label = _UPPER_LABEL.search(strip_dates(block.text))
        if label and len(label.group()) > 2:
            section = label.group()
            break
    byline_origin = ":byline"
    if want_byline and blocks:
        stop = stopwords(language)
        rules: tuple[tuple[str, Callable[[], str | None]], ...] = (
            ("header", lambda: byline),
            ("nearby", lambda: nearest_byline(blocks, anchor, stop, headline)),
            ("name-line", lambda: pick_author(blocks, anchor, stop, headline)),
        )
        proposals: dict[str, str] = {}
        for proposer, rule_name in rules:
            if rank_spans or not proposals:  # without the ranker, the first rule's name
                name = rule_name()
                if name:
                    proposals[proposer] = name
        if rank_spans:
            picked = pick_byline(blocks, removed, anchor, stop, headline, proposals)
            byline, byline_origin = finished_byline(blocks, stop, proposals, picked)
        else:
            byline = next(iter(proposals.values()), None)
            byline_origin = byline_origin_of(proposals, byline)
            byline = unglued_name(byline) if byline else None
    date, date_origin = None, ":dateline"
    if want_date:
        date, date_origin = _publication_date(
            blocks,
            anchor,
            header_dates,
            now=now,
            day_first=day_first,
            month=url_month(url),
            headline=headline,
        )
        # a line stating the first publication of an updated text dates it, wherever it stands
        original = original_publication(blocks, now=now, day_first=day_first)
        if original:
            date, date_origin = original, ":original"
    address = url_date(url)
    if address and find_date(address, now=now) and (date is None or date[:10] != address):
        date, date_origin = address, ":address"
    month = url_month(url)
    if want_date and month and (date is None or date[:7] < month):
        # the address names the month and no date or an earlier one was found: the
        # nearest date in that month (not a book's release date before the post)
        in_month = nearest_date(blocks, anchor, now=now, day_first=day_first, month=month)
        if in_month:
            date, date_origin = in_month, ":address-month"
    if want_date and date is None:
        # no dateline: a paragraph opening with a date labelled as published, else a date
        # shown without its year
        date, date_origin = (
            labelled_paragraph_date(blocks, anchor, now=now, day_first=day_first),
            ":labelled-paragraph",
        )
        if date is None:
            date, date_origin = yearless_date(blocks, anchor, url=url, now=now), ":yearless"
        if date is None and headline is not None:
            # a last resort: a date in a block of any length under the headline (a
            # standfirst the dump ran its dateline into, a long "Reviewed by" line)
            date, date_origin = (
                _under_headline_date(blocks, headline, now=now, day_first=day_first),
                ":under-headline",
            )
    standfirst = first("metadata.standfirst")
    return Metadata.of(
        "dump",
        title=(headline_text(title.text, blocks, title.index), ":headline") if title else None,
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
        tags=tag_values(by_rule.get("tags.list", [])),
    )
