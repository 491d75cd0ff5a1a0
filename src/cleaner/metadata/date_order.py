"""Day and month order of a page's slashed dates, from the dates it writes unambiguously.

"02/10/2020" is 2 October in London and February 10 in New York; the page's language
does not settle it (English is written both ways). A page writes its dates one way: a
slashed date whose first number is over 12 ("22/06/2020") shows day-first, one whose
second is ("06/22/2020") month-first. When a page's unambiguous slashed dates all agree,
they settle its ambiguous ones.

>>> page_day_first(["Posted 12/04/2020", "Comments: 22/06/2020, 30/06/2020"], default=False)
True
>>> page_day_first(["12/04/2020", "06/22/2020"], default=False)
False
>>> page_day_first(["12/04/2020"], default=True)
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["page_day_first"]

#: A slashed numeric date: day and month of one or two digits, a year of two or four.
_SLASHED = re.compile(r"(?<![\d/])([0-3]?\d)/([0-3]?\d)/(?:(?:19|20)\d\d|\d\d)(?![\d/])")
#: The largest month number; a first or second number above it is the day.
_LAST_MONTH = 12
#: The largest day number.
_LAST_DAY = 31


def page_day_first(texts: Iterable[str], *, default: bool) -> bool:
    """Whether the ambiguous slashed dates of a page whose lines are ``texts`` are
    day-first: what its unambiguous slashed dates show when they all agree, else
    ``default`` (the language's order)."""
    seen: set[bool] = set()
    for text in texts:
        if "/" not in text:
            continue
        for match in _SLASHED.finditer(text):
            first, second = int(match.group(1)), int(match.group(2))
            if _LAST_MONTH < first <= _LAST_DAY and 1 <= second <= _LAST_MONTH:
                seen.add(True)
            elif _LAST_MONTH < second <= _LAST_DAY and 1 <= first <= _LAST_MONTH:
                seen.add(False)
            if len(seen) > 1:
                return default
    return seen.pop() if seen else default
