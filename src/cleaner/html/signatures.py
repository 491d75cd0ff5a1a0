"""The name a story signs off with: a paragraph of its own holding only a person's name
(and perhaps a date or a role), right after a paragraph of the story in the same container
(``<p>...</p><p><em>Jane Doe</em></p>``). For pages whose markup, bylines and author links
name no author, before their blocks are read as a dump: trafilatura-eval HTML +3/-0
pages, wcxb-dev articles 0, no page without a gold author named.

A name of two to four words must open with a known given name
(:mod:`~cleaner.metadata.given_names`; without that check the headings of short
sections, "Kostenbeispiel Leasing", named 24 more pages without a gold author on the
two corpora and replaced 7 right authors); a
first name alone signs only above a date. A label ("Aktionszeitraum: ..."), an
organisation's name and a testimonial's signature in a ``<blockquote>`` do not sign.

>>> from selectolax.lexbor import LexborHTMLParser
>>> from cleaner.html.segment import segment_html
>>> story = "<p>" + "The story goes on for a while, clause after clause. " * 4 + "</p>"
>>> page = segment_html(LexborHTMLParser(f"<body><div>{story}<p><em>Jane Doe</em></p></div></body>"))
>>> signature(page, {})
'Jane Doe'
"""

from __future__ import annotations

import re
from collections.abc import Container

from cleaner.html.byline_names import DATE_NAME_SEPARATORS, clean_name
from cleaner.html.credits import NOT_A_PERSON
from cleaner.html.segment import PageSegments
from cleaner.metadata.dates import find_date, strip_dates
from cleaner.metadata.given_names import starts_with_given_name

__all__ = ["signature", "submitter"]

#: A signature is short: a name, a date or a role.
MAX_SIGNATURE_CHARS = 60
#: It names the author in at most this many words besides the date.
MAX_SIGNATURE_WORDS = 4
#: A post's submission line: "Submitted by jdoe on 24 July 2017", "Gespeichert von jdoe am
#: 24. Juli 2017 - 18:55" (blog and CMS software print it after the story too).
_SUBMITTED = re.compile(
    r"^(?:submitted|posted|gespeichert|eingetragen|eingestellt|verfasst|geschrieben|erstellt"
    r"|veröffentlicht|published|written)\s+(?:by|von)\s+(?P<name>\S.*?)\s+(?:on|am)\s+(?P<date>\S.*)$",
    re.I,
)
#: Tags of the paragraph that signs.
_SIGNING_TAGS = frozenset({"p", "div"})


def _signed_name(text: str) -> str | None:
    undated = strip_dates(text)
    rest = undated.strip(DATE_NAME_SEPARATORS)
    words = rest.split()
    # a label ("Aktionszeitraum: 21.10.2019") is no signature
    if not words or len(words) > MAX_SIGNATURE_WORDS or NOT_A_PERSON.search(rest) or ":" in undated:
        return None
    if len(words) == 1:
        # a first name alone signs only above a date ("Benni<br>10. September 2017"), not
        # a place before one ("Hamburg, 2. Dezember 2022")
        dated = rest != text.strip(DATE_NAME_SEPARATORS) and "," not in text
        return clean_name(rest, labelled=True) if dated else None
    name = clean_name(rest)
    return name if name and starts_with_given_name(name) else None


def signature(page: PageSegments, removed: Container[int]) -> str | None:
    """The last name that signs a paragraph of the story: a block of at most
    :data:`MAX_SIGNATURE_CHARS` characters that reads as a name once its dates are cut, in
    the same container as the kept prose paragraph right before it; ``None`` when none
    does. ``removed`` holds the positions of the blocks that are not the story's."""
    segments = page.segments
    elements = page.elements
    found = None
    for position in range(1, len(segments)):
        segment, before = segments[position], segments[position - 1]
        if (
            segment.chars > MAX_SIGNATURE_CHARS
            or segment.tag not in _SIGNING_TAGS
            or segment.group is not None
            or position - 1 in removed
            or not before.block.prose
            or elements[segment.owner].parent != elements[before.owner].parent
            or any(elements[i].tag == "blockquote" for i in segment.ancestors)
        ):
            continue
        name = _signed_name(segment.block.text)
        if name:
            found = name
    return found


def submitter(page: PageSegments) -> str | None:
    """The user a post's first submission line names ("Gespeichert von jdoe am 24. Juli
    2017 - 18:55", "Submitted by Jane Doe on May 3, 2021"), wherever it stands outside the
    boilerplate; ``None`` when there is none. For pages whose markup and bylines name no
    author: trafilatura-eval HTML +1/-0 pages, wcxb-dev 0.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> from cleaner.html.segment import segment_html
    >>> def of(line):
    ...     return submitter(segment_html(LexborHTMLParser(f"<body><p>{line}</p></body>")))
    >>> of("Gespeichert von jdoe am 24. Juli 2017 - 18:55"), of("Posted by Jane Doe on Sunday")
    ('jdoe', None)
    """
    for segment in page.segments:
        text = segment.block.text
        if segment.group is not None or len(text) > MAX_SIGNATURE_CHARS:
            continue
        found = _SUBMITTED.match(text)
        if found and find_date(found.group("date")):
            name = clean_name(found.group("name"), labelled=True)
            if name:
                return name
    return None
