"""The date fallback: htmldate's search of the whole page, run only when asked.

htmldate re-parses the page with lxml (5 to 13 ms a page), so :mod:`cleaner.html.choose`
calls it only when the declared and visible dates disagree or are missing (about a quarter
of article pages).

>>> htmldate_search('<html><head><meta property="article:published_time" '
...                 'content="2021-03-04T10:00:00+01:00"></head><body></body></html>', None, None)
'2021-03-04'
"""

from __future__ import annotations

from datetime import datetime

__all__ = ["EXTENSIVE_SEARCH", "htmldate_search"]

#: htmldate's extensive search (free-text dates through dateparser) costs several times as
#: much and, as a tie-breaker after the page's own dates, changed no result on the
#: development corpora.
EXTENSIVE_SEARCH = False

#: htmldate downloads its argument when it is a ``str`` that starts with "http" and holds no
#: space (``htmldate.utils.load_html``); a page like ``http://host/<p>..</p>`` would make the
#: library open a connection. A leading space (ignored by the HTML parser) rules that out.
_NOT_A_URL_PREFIX = " "


def htmldate_search(html: str, url: str | None, now: datetime | None) -> str | None:
    """The publication date htmldate finds (``YYYY-MM-DD``), or ``None``; never after
    ``now`` (default: today). The page is never taken for an address to download:

    >>> htmldate_search("http://127.0.0.1:9/<html><body><p>Published on 2021-03-04</p>", None, None)
    '2021-03-04'
    """
    from htmldate import find_date

    try:
        found = find_date(_NOT_A_URL_PREFIX + html, url=url, original_date=True,
                          extensive_search=True, outputformat="%Y-%m-%d",
                          max_date=now.strftime("%Y-%m-%d") if now is not None else None)
    except (ValueError, TypeError, AttributeError):
        return None
    return found if isinstance(found, str) else None
