"""Metadata a reader sees on the page: the headline, bylines and datelines (agency credits:
:mod:`cleaner.html.credits`).

Readers of the segments: headlines are ``<h1>`` blocks; bylines are blocks inside an
element whose ``class``/``id``/``itemprop``/``rel`` names an author, or short blocks near
the headline that read "By ...", "Von ...", "Autor: ..."; dates come from ``<time
datetime>`` and short date lines near the headline.

>>> from selectolax.lexbor import LexborHTMLParser
>>> from cleaner.html.segment import segment_html
>>> page = segment_html(LexborHTMLParser(
...     "<body><h1>The headline</h1><p class='byline'>By Jane Doe | 4 Nov 2025</p>"
...     "<time datetime='2025-11-04T09:30:00+01:00'>Tuesday</time>"
...     "<p>The story starts here and goes on for a while.</p></body>"))
>>> headlines(page)
[(0, 'The headline')]
>>> bylines(page, 0)
[(1, 'Jane Doe', 'byline-line')]
>>> [d[:2] for d in dates(page, 0, now=None)]
[(1, '2025-11-04'), (2, '2025-11-04T09:30:00+01:00')]
"""

from __future__ import annotations

import re
from datetime import datetime

from cleaner.html.byline_names import DATE_NAME_SEPARATORS, after_by_word, clean_name, conversation
from cleaner.html.credits import source_name
from cleaner.html.page_model import element_hints
from cleaner.html.segment import PageSegments
from cleaner.html.titles import KICKER_HINT
from cleaner.lexicon import BYLINE
from cleaner.metadata.date_labels import date_label
from cleaner.metadata.dates import find_date, normalize_date, strip_dates
from cleaner.metadata.dump_dates import relax_glued_dates

__all__ = [
    "CAPTURE",
    "HEADING_CAPTURE",
    "bylines",
    "dates",
    "headlines",
]

#: How many ancestors of a block are searched for an author/date hint in class names
#: (a name sits in <a> in <span> in <div class="byline">).
HINT_LEVELS = 4
#: Blocks before and after the headline that count as its header zone (bylines and
#: datelines sit right around the headline; 6 and 25 cover kicker, standfirst, image,
#: caption and share bar on the development corpora).
ZONE_BEFORE = 6
ZONE_AFTER = 25
#: A byline block has at most this many characters (label, name, date and place).
MAX_BYLINE_CHARS = 120
#: Blocks at most this many after the headline may name the author after a "by" word
#: inside the line ("Eine Kolumne von Jane Doe": see
#: :func:`~cleaner.html.byline_names.after_by_word`).
BY_WORD_BLOCKS = 4
#: Date lines at most this many blocks under the headline count even where the page's
#: cleaning removed them as boilerplate (a "newsletter" or "ad" class on the header).
UNDER_HEADLINE = 2
#: A dateline holds at most this many words besides the date ...
MAX_DATELINE_WORDS = 14
#: ... and this many characters.
MAX_DATELINE_CHARS = 120

_AUTHOR_HINT = re.compile(
    r"(?:^|[\s_-])(?:author|byline|byl(?![a-z])|writer|autor|verfasser"
    r"|reporter|journalist|contributor|creator|posted-?by|written-?by)"
)
#: Inline elements the segmenter reports with their own text (see ``segment_html``):
#: author names; and inside an ``<h1>``, its kicker (:data:`HEADING_CAPTURE`; searched
#: there only, as one pattern for both it took 0.25 ms a page).
CAPTURE = _AUTHOR_HINT
HEADING_CAPTURE = KICKER_HINT
_NOT_AUTHOR_HINT = re.compile(
    r"avatar|image|img|photo|bio(?![a-z])|desc|comment|social|follow"
    r"|about|more|other|related|tooltip|popup|box-?title"
)
#: A block that is only a byline label; the name is the next block ("Autor" / "Jane Doe").
_LABEL_ONLY = re.compile(
    r"^(?:(?:written\s+|posted\s+)?by|von|autor(?:in)?|author|auteur|par|por"
    r"|verfasst\s+von|text)\s*:?$",
    re.I,
)
#: The label of an author's credit in a list of credits, the name in the next block.
_CREDIT_LABEL = re.compile(r"^(?:text|interview|autor(?:in)?|author|words)$", re.I)
#: An author named after a label and a colon anywhere on the page ("Autorin: Jane Doe,
#: Projektleiterin", "Redaktion: Max Muster (Pressesprecher)" closing a press release),
#: at the start of a block or after a dash or bar ("05.02.2020 - Redaktion: Max Muster":
#: trafilatura-eval +1/-0, wcxb-dev 0), a double slash or a date ("Datum: 19.11.2021
#: Autor: Max Muster Quelle: Agentur", "20. Januar 2020 // Autor: jdoe // Lesezeit":
#: trafilatura-eval +2/-0, wcxb-dev 0); the name ends at the first comma or parenthesis,
#: separator or next label (:data:`_NAME_END`). An author box's "About the author" heading names the author after a
#: colon or a dash ("About the Author - Jane Doe": trafilatura-eval +1/-0, wcxb-dev 0).
_COLON_LABEL = re.compile(
    r"(?:^|\s(?:[-–—|•·]|//)\s|(?<=\d)\s)(?:(?:autor(?:in)?|author|verfasser(?:in)?|text|redaktion)\s*:"
    r"|(?:about\s+the\s+author|über\s+(?:den\s+autor|die\s+autorin))\s*[:|–—-])\s*"
    r"(?P<name>\S.*)$",
    re.I,
)
#: Where a labelled name ends: a comma or parenthesis, a separator, the next "Label:".
_NAME_END = re.compile(r"\s*[,(]|\s(?:[-–—|•·]|//)\s|\s(?=[^\W\d_]+:)")
#: The hCard microformat's classes on an author element (``<span class="author vcard"><a
#: class="url fn n">``, blog software's markup): a one-word user name in lower case
#: ("gizzmo") is the author's name there, as after a "By".
_HCARD = re.compile(r"(?:^|\s)(?:vcard|fn)(?:\s|$)")
#: Tags of a whole post, never an author element (blog software names the post's
#: author in the classes of its ``<article>``).
_POST_TAGS = frozenset({"article"})
_DATE_HINT = re.compile(
    r"(?:^|[\s_-])(?:date|time|published|posted|datum|pubdate|timestamp"
    r"|updated|dateline|meta)"
)
#: What stands between two co-authors in a byline: a comma, "&", "and" and its translations.
#: In any case, unlike :func:`cleaner.metadata.names.split_authors`, which splits a free
#: text where "ET Online" is one name: here the words on either side are already two
#: author elements, so an "ET" between them can only join them.
_JOINER = re.compile(r"\s*(?:,|&|;|\s(?:and|und|et|y|e|en)\s)\s*", re.I)


def _hinted(
    page: PageSegments, position: int, pattern: re.Pattern[str], known: dict[int, bool | None]
) -> bool:
    """Does an element among the block's nearest :data:`HINT_LEVELS` ancestors carry the
    hint? ``known`` remembers each element's answer (``None``: no hint at all)."""
    elements = page.elements
    index = page.segments[position].owner  # the owner, then up the parent links
    for _ in range(HINT_LEVELS):
        if index < 0:
            break
        if index in known:
            answer = known[index]
        else:
            element = elements[index]
            # a post's own container is no author element, whatever its classes name
            # ("<article class='hentry author-jane-doe'>" holds the headline and the story)
            post = pattern is _AUTHOR_HINT and element.tag in _POST_TAGS
            attrs = None if post else element.attrs
            hints = element_hints(attrs) if attrs else ""
            answer = known[index] = (
                None
                if not hints or not pattern.search(hints)
                else (pattern is not _AUTHOR_HINT or not _NOT_AUTHOR_HINT.search(hints))
            )
        if answer is not None:
            return answer
        index = elements[index].parent
    return False


def headlines(page: PageSegments, tag: str = "h1") -> list[tuple[int, str]]:
    """``(position, text)`` of every ``<h1>`` block (or other ``tag``), in page order."""
    return [(i, s.block.text) for i, s in enumerate(page.segments) if s.tag == tag]


def bylines(page: PageSegments, title: int | None) -> list[tuple[int, str, str]]:
    """``(position, name, how)`` of byline candidates: author-hinted elements and "Autor:
    ..." lines anywhere (block or inline), "By ..." lines in the header zone; in page
    order. A line labelled with a colon counts as an author element wherever it stands:
    on trafilatura-eval +2/-0 pages (the person behind a publisher's declared name),
    wcxb-dev 0; so does a name after an author's label alone in its block, a list of
    credits after the story ("Interview" / "Jane Doe", "Fotograf" / "John Roe"):
    trafilatura-eval HTML +1/-0 pages, wcxb-dev 0."""
    found: list[tuple[int, str, str]] = []
    low, high = _zone(page, title)
    known: dict[int, bool | None] = {}
    inline_authors = {position for position, hints, _ in page.inline if _AUTHOR_HINT.search(hints)}
    for position, segment in enumerate(page.segments):
        text = segment.block.text
        if len(text) > MAX_BYLINE_CHARS:
            continue
        if low <= position <= high and BYLINE.match(text):
            name = clean_name(text, labelled=True)
            if name:
                found.append((position, name, "byline-line"))
                continue
        if low <= position < high and _LABEL_ONLY.match(text) and position + 1 < len(page.segments):
            name = clean_name(page.segments[position + 1].block.text, labelled=True)
            if name:
                found.append((position + 1, name, "byline-line"))
                continue
        if (
            segment.group is None
            and _CREDIT_LABEL.match(text)
            and position + 1 < len(page.segments)
            and page.segments[position + 1].group is None
        ):
            # a credits list after the story: "Interview" / "SVEN MICHAELSEN"
            name = clean_name(page.segments[position + 1].block.text, labelled=True)
            if name:
                found.append((position + 1, name, "byline-element"))
                continue
        labelled = _COLON_LABEL.search(text) if segment.group is None else None
        if labelled:
            name = clean_name(_NAME_END.split(labelled.group("name"))[0], labelled=True)
            if name:
                found.append((position, name, "byline-element"))
                continue
        if _hinted(page, position, _AUTHOR_HINT, known):
            # "Geschrieben von Jane Doe" in an author element: the name after the "by" word
            name = (
                after_by_word(text)
                or clean_name(text)
                or _beside_date(text)
                or conversation(text)
                or source_name(text)
            )
            if name:
                found.append((position, name, "byline-element"))
                continue
        if title is not None and 0 < position - title <= BY_WORD_BLOCKS and segment.group is None:
            name = after_by_word(text)
            if name and position not in inline_authors:
                found.append((position, name, "byline-element"))
    inline: list[tuple[int, str, str]] = []
    for position, hints, text in page.inline:
        if (
            len(text) <= MAX_BYLINE_CHARS
            and _AUTHOR_HINT.search(hints)
            and not _NOT_AUTHOR_HINT.search(hints)
        ):
            hcard = _HCARD.search(hints) is not None
            name = clean_name(text, labelled=hcard, handle=hcard)
            if name:
                inline.append((position, name, "byline-hcard" if hcard else "byline-element"))
    found = [*_without_glued(found, inline), *inline]
    found.sort(key=lambda item: item[0])
    return _co_authors(page, found)


def _beside_date(text: str) -> str | None:
    """The name an author element writes beside the date ("Dec. 19, 2025 · Jane Doe"),
    or ``None`` when the element holds no date or no name besides it (wcxb-dev articles
    HTML +1/-0 pages, trafilatura-eval 0).

    >>> _beside_date("Dec. 19, 2025 · Jane Doe on behalf of the team"), _beside_date("Jane Doe")
    ('Jane Doe', None)
    """
    rest = strip_dates(text)
    name = clean_name(rest.strip(DATE_NAME_SEPARATORS)) if rest != text else None
    # a label left of the date's time ("Stand: 12:00 Uhr") is no name
    return None if name is None or ":" in name else name


def _without_glued(
    found: list[tuple[int, str, str]], inline: list[tuple[int, str, str]]
) -> list[tuple[int, str, str]]:
    """The block candidates of ``found`` but those that run an author element of their
    block into the text after it ("Houzz Deutschlandvor" from "Houzz Deutschland" and
    "vor 5 Stunden", "Jane Doe Former Deputy" from "Jane Doe" and a role): the author
    element's own text is the name.

    >>> _without_glued([(3, "Jane DoeVor", "byline-element"), (4, "Jane Doe", "byline-line")],
    ...     [(3, "Jane Doe", "byline-element")])
    [(4, 'Jane Doe', 'byline-line')]
    """
    names: dict[int, list[str]] = {}
    for position, name, _ in inline:
        names.setdefault(position, []).append(name)
    return [
        (position, name, how)
        for position, name, how in found
        if how == "byline-line"
        or not any(name != n and name.startswith(n) for n in names.get(position, ()))
    ]


def _co_authors(
    page: PageSegments, found: list[tuple[int, str, str]]
) -> list[tuple[int, str, str]]:
    """Author elements of one block that its text joins by "and", "&" or commas ("By
    <a>Jane Doe</a> and <a>John Roe</a>") are one candidate naming every co-author."""
    merged: list[tuple[int, str, str]] = []
    for position, name, how in found:
        last = merged[-1] if merged else None
        if last is not None and last[0] == position and last[2] == how != "byline-line":
            text = page.segments[position].block.text
            if _joined(text, last[1].rsplit(", ", 1)[-1], name):
                merged[-1] = (position, f"{last[1]}, {name}", how)
                continue
        merged.append((position, name, how))
    return merged


def _joined(text: str, first: str, second: str) -> bool:
    """``second`` follows ``first`` in ``text`` with only a joiner between them.

    >>> _joined("By Jane Doe and John Roe", "Jane Doe", "John Roe")
    True
    >>> _joined("Jane Doe Editor John Roe", "Jane Doe", "John Roe")
    False
    """
    start = text.find(first)
    if start < 0:
        return False
    rest = text[start + len(first) :]
    end = rest.find(second)
    return end >= 0 and _JOINER.fullmatch(rest[:end]) is not None


def _zone(page: PageSegments, title: int | None) -> tuple[int, int]:
    if title is None:
        return 0, min(len(page.segments), ZONE_AFTER)
    return max(0, title - ZONE_BEFORE), title + ZONE_AFTER


def dates(
    page: PageSegments, title: int | None, *, now: datetime | None
) -> list[tuple[int, str, str]]:
    """``(position, ISO date, how)`` of the dates on the page: every ``<time datetime>``
    and date-hinted element, and short date lines in the header zone; in page order."""
    low, high = _zone(page, title)
    found: list[tuple[int, str, str]] = []
    known: dict[int, bool | None] = {}
    machine: dict[int, str] = {}  # the day of the <time datetime> at a position
    for position, value in page.times:
        iso = normalize_date(value, now=now)
        if iso:
            found.append((position, iso, "time[datetime]"))
            machine.setdefault(position, iso[:10])
    for position, segment in enumerate(page.segments):
        if (
            segment.group is not None
            and segment.group.name != "structure"
            and (title is None or not title < position <= title + UNDER_HEADLINE)
        ):
            continue
        text = segment.block.text
        if (
            len(text) > MAX_DATELINE_CHARS
            or not any(map(str.isdigit, text))
            or len(text.split()) > MAX_DATELINE_WORDS
        ):
            continue
        zone = low <= position <= high
        hinted = _hinted(page, position, _DATE_HINT, known)
        if not zone and not hinted:
            continue
        # dates run into each other or into a label ("April 26, 2024Updated on: ...") are
        # read apart, so that the first date of the line is the one taken
        iso = _shown_date(relax_glued_dates(text), machine.get(position), now=now)
        if iso:
            found.append((position, iso, "date-element" if hinted else "dateline"))
    found.sort()
    return _without_updates(page, found)


def _shown_date(text: str, machine: str | None, *, now: datetime | None) -> str | None:
    """The first date of a date line's ``text``; an ambiguous slashed date ("10/12/2023")
    is read month-first when that gives the day of its element's own ``<time datetime>``
    (``machine``), which settles the page's order.

    >>> _shown_date("10/12/2023 7:38 PM", "2023-10-12", now=None)
    '2023-10-12T19:38'
    >>> _shown_date("10/12/2023 7:38 PM", None, now=None)
    '2023-12-10T19:38'
    """
    iso = find_date(text, now=now)
    if iso and machine and iso[:10] != machine:
        month_first = find_date(text, now=now, day_first=False)
        if month_first and month_first[:10] == machine:
            return month_first
    return iso


def _without_updates(
    page: PageSegments, found: list[tuple[int, str, str]]
) -> list[tuple[int, str, str]]:
    """``found`` without the dates labelled as updates when another one is labelled as
    published ("Published Apr 26, 2023" above "Updated Aug 21, 2025"); as it is otherwise
    (a page that shows only its update date is dated by it)."""
    last = len(page.segments) - 1

    def label(position: int) -> str | None:
        position = min(position, last)  # a <time>'s position may be one past the blocks
        before = page.segments[position - 1].block.text if position > 0 else None
        return date_label(page.segments[position].block.text, before)

    labels = [label(position) for position, _, _ in found]
    if "published" not in labels:
        return found
    return [date for date, kind in zip(found, labels, strict=True) if kind != "updated"]
