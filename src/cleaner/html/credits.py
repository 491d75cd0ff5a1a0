"""Credits a reader sees on the page: a wire agency in a "(Reuters) -" dateline, a "Source:
AFP" line, a "(dpa)" credit line, which becomes the article's ``source``; and the person a
copyright line names ("© 2019 Jane Doe"), the author of last resort.

>>> from selectolax.lexbor import LexborHTMLParser
>>> from cleaner.html.segment import segment_html
>>> page = segment_html(LexborHTMLParser(
...     "<body><h1>The headline</h1>"
...     "<p>BERLIN (Reuters) - The story starts here and goes on for a while.</p></body>"))
>>> agency(page)
('Reuters', 'html:dateline-credit')
>>> AGENCY_TAIL.sub("", "David Hutzler, dpa")
'David Hutzler'
"""

from __future__ import annotations

import re

from cleaner.html.segment import PageSegments
from cleaner.lexicon import SOURCE_CREDIT
from cleaner.metadata.names import NOT_A_PERSON

__all__ = ["AGENCY_TAIL", "NOT_A_PERSON", "agency", "copyright_person", "source_line", "source_name"]

_AGENCY = (
    r"Reuters|AP|Associated Press|AFP|Agence France-Presse|dpa|APA|KNA|epd|SDA|sda"
    r"|ANSA|EFE|Xinhua|TASS|Kyodo|PA Media|PAP|ATS|Belga|ANP|CTK|Yonhap"
)
#: A wire agency after the author's name ("Von David Hutzler, dpa"): cut, the name is the
#: author (trafilatura-eval +1/-0 page, wcxb-dev 0).
AGENCY_TAIL = re.compile(rf",\s*(?:{_AGENCY})$", re.I)
_DATELINE_CREDIT = re.compile(rf"^[^\n()]{{0,60}}\((?P<agency>{_AGENCY})\)\s*[-–—:]", re.I)
_CREDIT_LINE = re.compile(
    rf"^(?:\(|©\s*|mit\s+material\s+von\s+|with\s+(?:reporting|files)\s+"
    rf"from\s+)(?P<agency>{_AGENCY})\)?\.?$",
    re.I,
)


#: A copyright line's holder: after "©" with a year, "(c)" or the word "Copyright", two or
#: three capitalised words (or in capitals: "COPYRIGHT JANE DOE") ending the line or
#: followed by a separator or a full stop. A bare "© Jane Doe" is a picture credit, and so
#: is a holder followed by a slash ("© Jane Doe / Agency").
_COPYRIGHT_PERSON = re.compile(
    r"(?:©\s*(?:(?i:copyright)\s*)?\d{4}|\([cC]\)\s*(?:\d{4})?|(?i:copyright)\s*(?:©\s*)?(?:\d{4})?)"
    r"(?:\s*[-–]\s*\d{4})?\s*(?:(?i:by)\s+)?"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+(?:(?:von|van|de|der|den|da|di|le|la)\s+)?"
    r"[A-ZÀ-ÖØ-Þ][\w'’-]+){1,2})"
    r"\s*(?:$|[|•·,.–—-](?!\s*(?i:inc|llc|ltd|gmbh|ag|sa|spa|bv|b\.v)\b))"
)
#: Copyright lines are short.
MAX_COPYRIGHT_CHARS = 200


def copyright_person(page: PageSegments) -> str | None:
    """The holder a copyright line names when it reads like a person's name ("© 2019 Jane
    Doe", "(c) Jane Doe • Weitere Rechte siehe Impressum"), the last copyright line of the
    page first; ``None`` when there is none. The author of last resort, for pages that name
    none otherwise (personal sites): wcxb-dev +2/-0 pages, trafilatura-eval +3/-0.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> from cleaner.html.segment import segment_html
    >>> def holder(footer):
    ...     return copyright_person(segment_html(LexborHTMLParser(
    ...         f"<body><p>The story goes on for a while.</p><footer>{footer}</footer></body>")))
    >>> holder("© 2019 Jane Doe. All rights reserved."), holder("© Jane Doe / Agentur")
    ('Jane Doe', None)
    >>> holder("Copyright © 2025 Daily Media Group, Inc."), holder("© 2025 Acme, Inc.")
    (None, None)
    >>> holder("Copyright © The Daily Planet"), holder("(c) All Rights Reserved")
    (None, None)
    """
    for segment in reversed(page.segments):
        text = segment.block.text
        if len(text) > MAX_COPYRIGHT_CHARS or not ("©" in text or "(" in text or "opyright" in text.lower()):
            continue
        found = _COPYRIGHT_PERSON.search(text)
        if found and not NOT_A_PERSON.search(found.group("name")):
            return found.group("name")
    return None


#: A credited source ("Quelle: example.de/ab") names at most this many words; longer ones
#: are a figure's data sources ("Quelle: Statistisches Amt, eigene Berechnungen").
MAX_SOURCE_WORDS = 3


def source_name(text: str) -> str | None:
    """The source a credit line names ("Quelle: example.de/ab", "Source: Agency"), in at
    most :data:`MAX_SOURCE_WORDS` words; ``None`` for other lines.

    >>> source_name("Quelle: example.de/ab"), source_name("Quelle: Statistisches Amt, eigene Berechnungen")
    ('example.de/ab', None)
    """
    found = SOURCE_CREDIT.match(text)
    source = found.group("source") if found else None
    return source if source and len(source.split()) <= MAX_SOURCE_WORDS else None


def source_line(page: PageSegments) -> str | None:
    """The source the page's last credit line names (:func:`source_name`), outside the
    boilerplate the pre-cleaning removed; ``None`` when there is none."""
    for segment in reversed(page.segments):
        if segment.group is None and len(segment.block.text) <= MAX_COPYRIGHT_CHARS:
            name = source_name(segment.block.text)
            if name:
                return name
    return None


def agency(page: PageSegments) -> tuple[str, str] | None:
    """The wire agency the page credits: a "(Reuters) -" dateline, a "Source: AFP" line, a
    "(dpa)" credit line; ``None`` when there is none."""
    for segment in page.segments:
        if segment.group is not None:
            continue
        text = segment.block.text
        match = _DATELINE_CREDIT.match(text)
        if match:
            return match.group("agency"), "html:dateline-credit"
        if len(text) <= 80:
            match = SOURCE_CREDIT.match(text)
            if match:
                return match.group("source"), "html:source-line"
            match = _CREDIT_LINE.match(text)
            if match:
                return match.group("agency"), "html:credit-line"
    return None
