"""Wire-agency credits a reader sees on the page: a "(Reuters) -" dateline, a "Source: AFP"
line, a "(dpa)" credit line. The agency becomes the article's ``source``.

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

__all__ = ["AGENCY_TAIL", "agency"]

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
