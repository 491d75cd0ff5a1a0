"""Which of a dump's dates is the publication date: the labels "Published" and "Updated".

A page may show the day it was published and the day it was last updated ("Published Apr
26, 2023" above "Updated Aug 21, 2025", "Last update:" on the line before its date). The
publication comes first in time, and its label says so.

>>> date_label("Last Updated on April 8, 2024 by Amanda Brooks")
'updated'
>>> date_label("Veröffentlicht: 26.12.2022"), date_label("July 16, 2025", "Last update:")
('published', 'updated')
>>> date_label("• January 28, 2018") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime

from cleaner.blocks import Block
from cleaner.metadata.date_label_words import ORIGINAL_LABEL, PUBLISHED_LABEL, UPDATED_LABEL
from cleaner.metadata.dates import date_start, may_hold_absolute_date
from cleaner.metadata.dump_dates import (
    block_date_text,
    find_dump_date,
    may_hold_absolute_block_date,
    relax_glued_dates,
)

__all__ = [
    "date_label",
    "labelled_paragraph_date",
    "opens_with_date",
    "original_publication",
    "publication_choice",
]

#: A label on its own line names the date of the next line when it has at most this many
#: words ("Last update:", "Veröffentlicht am").
MAX_LABEL_LINE_WORDS = 4
#: A block of any length is dated by a publication label when its date starts within
#: this many characters ("Posted on November 25, 2024 in ...", not a date the text tells of).
MAX_LABELLED_DATE_START = 40
#: Only this many characters of a block are searched for that date's start: far more than
#: :data:`MAX_LABELLED_DATE_START` plus the longest date form, and a paragraph's full text
#: costs the date patterns milliseconds.
LABELLED_DATE_WINDOW = 160
#: A date labelled as published this many blocks or fewer from the first candidate belongs
#: to its group (the published and updated lines of one article) wherever it stands.
MAX_LABEL_GROUP_GAP = 2
#: A date labelled as published this many blocks or fewer after an update's line, on an
#: earlier day, is what was updated (a question's "edited" and "asked" lines with the
#: editor's and the asker's cards between), wherever the two stand.
MAX_UPDATE_GROUP_GAP = 5
#: A date labelled as published this many blocks or fewer into the body still dates it.
PUBLISHED_INTO_BODY = 5
#: A date stated as the original publication follows its label after at most this many
#: words ("originally published on Wednesday, March 2, 2022") ...
MAX_ORIGINAL_GAP_WORDS = 2
#: ... and is read from this many characters after the label (the longest date form and
#: its time fit).
ORIGINAL_DATE_WINDOW = 60
#: A digit: a label line holds none.
_FIRST_DIGIT = re.compile(r"\d")


def date_label(text: str, before: str | None = None) -> str | None:
    """``"updated"``, ``"published"`` or ``None``: the last label before the first date
    of ``text`` or, for a date without words before it, a short label line ``before`` it.

    >>> date_label("109 Comments | Jane Roe | Last Updated: March 11, 2019")
    'updated'
    """
    start = date_start(text)
    prefix = text[:start] if start is not None else text
    labels = [
        (m.start(), kind)
        for kind, pattern in (("updated", UPDATED_LABEL), ("published", PUBLISHED_LABEL))
        for m in pattern.finditer(prefix)
    ]
    if labels:
        return max(labels)[1]
    if (
        before is not None
        and not any(ch.isalpha() for ch in prefix)
        and len(before.split()) <= MAX_LABEL_LINE_WORDS
        and not digit_in(before)
    ):
        return date_label(before)
    return None


def digit_in(text: str) -> bool:
    """Whether ``text`` holds a digit.

    >>> digit_in("Last update:"), digit_in("July 16, 2025")
    (False, True)
    """
    return _FIRST_DIGIT.search(text) is not None


def publication_choice(
    candidates: Sequence[tuple[Block, str]],
    blocks_before: Mapping[int, Block],
    anchor: int,
    month: str | None = None,
) -> int:
    """The index in ``candidates`` (``(block, date)``, best first) of the publication date:
    the first labelled as published, else, when the first is labelled as an update, the
    first without that label on an earlier or the same day, else the first labelled as
    published on such a day at most :data:`MAX_UPDATE_GROUP_GAP` blocks after it; else 0. Only lines above the
    body (block index below ``anchor``: the header, not a teaser list or the comments)
    or dated in the address's ``month`` (``YYYY-MM``) replace the first; a date labelled
    as published also when at most :data:`PUBLISHED_INTO_BODY` blocks into the body or
    :data:`MAX_LABEL_GROUP_GAP` blocks from the first candidate (its label group).

    ``blocks_before`` maps a block's index to the block before it (a label on its own line).

    >>> from cleaner.text.segment import segment
    >>> body = "\\n\\n".join(f"Paragraph {n}." for n in range(6))
    >>> bl = segment(f"Updated Aug 21, 2025\\n\\n{body}\\n\\nPublished Apr 26, 2023")
    >>> before = {b.index + 1: b for b in bl}
    >>> publication_choice([(bl[0], "2025-08-21"), (bl[7], "2023-04-26")], before, 8)
    1
    >>> publication_choice([(bl[0], "2025-08-21"), (bl[7], "2023-04-26")], before, 1)
    0
    >>> publication_choice([(bl[0], "2025-08-21"), (bl[7], "2023-04-26")], before, 3)
    1
    """

    def eligible(k: int) -> bool:
        block, iso = candidates[k]
        return block.index < anchor or (month is not None and iso.startswith(month))

    labels = [
        date_label(block.text, _text(blocks_before.get(block.index))) for block, _ in candidates
    ]
    first_line = candidates[0][0].index if candidates else 0

    def may_publish(k: int) -> bool:
        # also a label just inside the body, or one of the first date's own group
        # ("Letzte Änderung: ..." above "Erschienen am: ..." below the body)
        index = candidates[k][0].index
        return (
            eligible(k)
            or index < anchor + PUBLISHED_INTO_BODY
            or abs(index - first_line) <= MAX_LABEL_GROUP_GAP
        )

    published = [k for k, label in enumerate(labels) if label == "published" and may_publish(k)]
    if published:
        return published[0]
    if labels and labels[0] == "updated":
        first_day = candidates[0][1][:10]
        earlier = [
            (k, label)
            for k, (label, (_, iso)) in enumerate(zip(labels, candidates, strict=True))
            if label != "updated" and iso[:10] <= first_day
        ]
        for k, _ in earlier:
            if eligible(k):
                return k
        # an update with no date above the body to replace it: the earlier date labelled
        # as published a few lines from it ("edited Apr 13, 2017", the editor's card,
        # "asked Mar 28, 2014")
        for k, label in earlier:
            if (
                label == "published"
                and 0 < candidates[k][0].index - first_line <= MAX_UPDATE_GROUP_GAP
            ):
                return k
    if labels and labels[0] is None:
        return _earliest_adjacent(candidates, labels)
    return 0


def _earliest_adjacent(
    candidates: Sequence[tuple[Block, str]], labels: Sequence[str | None]
) -> int:
    """The index in ``candidates`` of the earliest date among the unlabelled date lines
    next to each other around the first one ("8/1/2025" above "8/27/2025": the
    publication and the update, shown without labels); the lines beside the first open
    with their date ("Minutes of the meeting of 10 October 2019" above a dateline is
    no date of the article).

    >>> from cleaner.text.segment import segment
    >>> bl = segment("8/27/2025\\n\\n8/1/2025\\n\\nA body.")
    >>> _earliest_adjacent([(bl[1], "2025-08-01"), (bl[0], "2025-08-27")], [None, None])
    0
    >>> _earliest_adjacent([(bl[0], "2025-08-27"), (bl[1], "2025-08-01")], [None, None])
    1
    """
    first_line = candidates[0][0].index
    unlabelled = {
        block.index: k
        for k, ((block, _), label) in enumerate(zip(candidates, labels, strict=True))
        if label is None and (block.index == first_line or opens_with_date(block.text))
    }
    run = [first_line]
    for step in (-1, 1):
        line = first_line + step
        while line in unlabelled:
            run.append(line)
            line += step
    return min((unlabelled[line] for line in run), key=lambda k: (candidates[k][1][:10], k))


def opens_with_date(text: str, *, bare: bool = False) -> bool:
    """Whether ``text`` has no letter before its first date; when ``bare``, no letter or
    digit (not a post's number: "#2 2025-11-02 06:23:21").

    >>> opens_with_date("• 8/1/2025"), opens_with_date("Meeting of 10 October 2019")
    (True, False)
    >>> opens_with_date("#2 2025-11-02"), opens_with_date("#2 2025-11-02", bare=True)
    (True, False)
    """
    relaxed = relax_glued_dates(text)
    start = date_start(relaxed)
    return start is not None and not any(
        ch.isalpha() or (bare and ch.isdigit()) for ch in relaxed[:start]
    )


def _text(block: Block | None) -> str | None:
    return block.text if block is not None else None


def labelled_paragraph_date(
    blocks: Sequence[Block], anchor: int, *, now: datetime | None, day_first: bool
) -> str | None:
    """The date of the block nearest the body (``anchor``, a block index), of any length,
    that opens with a date labelled as published ("Posted on November 25, 2024 in
    Health, Nutrition, ..."): a line too long to be read as a dateline, a last resort.

    >>> from cleaner.text.segment import segment
    >>> tags = ", ".join(f"Topic {n}" for n in range(12))
    >>> labelled_paragraph_date(segment(f"Posted on May 3, 2024 in {tags}"), 0, now=None, day_first=True)
    '2024-05-03'
    >>> labelled_paragraph_date(segment(f"In {tags} on May 3, 2024"), 0, now=None, day_first=True) is None
    True
    """
    for block in sorted(blocks, key=lambda b: abs(b.index - anchor)):
        if not may_hold_absolute_date(block.text):  # cheap; relaxing cannot add a date
            continue
        text = relax_glued_dates(block.text)
        start = date_start(text[:LABELLED_DATE_WINDOW])
        if start is None or start > MAX_LABELLED_DATE_START or date_label(text) != "published":
            continue
        found = find_dump_date(text, now=now, day_first=day_first)
        if found:
            return found
    return None


def original_publication(
    blocks: Sequence[Block], *, now: datetime | None, day_first: bool
) -> str | None:
    """The date that a block of the page states as the article's first publication ("This
    article was originally published on 26 Sep 2019 at 4:12pm but has been updated"),
    wherever it stands; ``None`` when no block does.

    >>> from cleaner.text.segment import segment
    >>> note = "This article was originally published on 26 Sep 2019 but has been updated since."
    >>> original_publication(segment(f"Updated 30 Sep 2022\\n\\n{note}"), now=None, day_first=True)
    '2019-09-26'
    >>> told = "The guide was first published in print, and 26 Sep 2019 saw its second edition."
    >>> original_publication(segment(told), now=None, day_first=True) is None
    True
    """
    for block in blocks:
        if not may_hold_absolute_block_date(block):
            continue
        text = block_date_text(block)
        for label in ORIGINAL_LABEL.finditer(text):
            window = relax_glued_dates(text[label.end() : label.end() + ORIGINAL_DATE_WINDOW])
            start = date_start(window)
            if start is not None and len(window[:start].split()) <= MAX_ORIGINAL_GAP_WORDS:
                found = find_dump_date(window, now=now, day_first=day_first)
                if found:
                    return found
    return None
