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

from cleaner.blocks import Block
from cleaner.metadata.dates import date_start

__all__ = ["date_label", "publication_choice"]

#: Words that label a modification date, in the languages of the word lists ("Updated",
#: "Last update:", "Aktualisiert am", "Letzte Änderung", "Mis à jour le", "Actualizado",
#: "Atualizado", "Aggiornato", "Bijgewerkt"). Matched inside words too: dumps glue them
#: ("UpdatedJanuary 25, 2026").
UPDATED_LABEL = re.compile(
    r"updated?|modified|revised|aktualisier|geändert|änderung|mis\s+à\s+jour|modifié"
    r"|actualizad[oa]|actualización|atualizad[oa]|atualização|aggiornat[oa]|aggiornamento"
    r"|bijgewerkt|gewijzigd",
    re.I,
)
#: Words that label a publication date ("Published", "Posted on", "Veröffentlicht am",
#: "Erschienen am", "Publié le", "Publicado el", "Pubblicato il", "Gepubliceerd op").
PUBLISHED_LABEL = re.compile(
    r"published|posted|veröffentlicht|erschienen|publié|publicad[oa]|pubblicat[oa]"
    r"|gepubliceerd|geplaatst",
    re.I,
)
#: A label on its own line names the date of the next line when it has at most this many
#: words ("Last update:", "Veröffentlicht am").
MAX_LABEL_LINE_WORDS = 4
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
    first without that label on an earlier or the same day; else 0. Only lines above the
    body (block index below ``anchor``: the header, not a teaser list or the comments)
    or dated in the address's ``month`` (``YYYY-MM``) replace the first.

    ``blocks_before`` maps a block's index to the block before it (a label on its own line).

    >>> from cleaner.text.segment import segment
    >>> bl = segment("Updated Aug 21, 2025\\n\\nPublished Apr 26, 2023\\n\\nBody.")
    >>> before = {b.index + 1: b for b in bl}
    >>> publication_choice([(bl[0], "2025-08-21"), (bl[1], "2023-04-26")], before, 2)
    1
    >>> publication_choice([(bl[0], "2025-08-21"), (bl[1], "2023-04-26")], before, 1)
    0
    """

    def eligible(k: int) -> bool:
        block, iso = candidates[k]
        return block.index < anchor or (month is not None and iso.startswith(month))

    labels = [
        date_label(block.text, _text(blocks_before.get(block.index))) for block, _ in candidates
    ]
    published = [k for k, label in enumerate(labels) if label == "published" and eligible(k)]
    if published:
        return published[0]
    if labels and labels[0] == "updated":
        first_day = candidates[0][1][:10]
        for k, (label, (_, iso)) in enumerate(zip(labels, candidates, strict=True)):
            if label != "updated" and iso[:10] <= first_day and eligible(k):
                return k
    return 0


def _text(block: Block | None) -> str | None:
    return block.text if block is not None else None
