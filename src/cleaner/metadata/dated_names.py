"""The author a dated line names: a name or a user name beside the date ("Jane Doe | 4 Nov
2025", "jdoe — 2. Mai 2023"), a user name after a "by" word ("Gespeichert von jdoe am 24.
Juli 2017"). Read by :func:`.nearby.nearest_byline` on the short lines that give a date.

>>> name_beside_date("Christian Kahle,  03.11.2023 15:32 Uhr"), dated_user("by jdoe on May 4, 2006", frozenset())
('Christian Kahle', 'jdoe')
"""

from __future__ import annotations

import re

from cleaner.metadata.dates import find_date, is_month_name, strip_dates
from cleaner.metadata.dump_dates import unglue_digits
from cleaner.metadata.name_patterns import ANY_BY_WORD, NAME, NAME_PARTICLES, in_sentence

__all__ = ["MIN_DATED_NAME_WORDS", "dated_user", "name_beside_date"]

#: A user name after a "by" word or an author label on such a line ("Gespeichert von jdoe
#: am 24. Juli 2017", "10. Mai 2019 · von jdoe42 · in News", "by oz on May 4, 2006",
#: "Autor: jdoe // Lesezeit"): a login in lower case, then the line's end, a separator, a
#: digit or "am"/"on"/"um"/"at".
_DATED_USER = re.compile(
    r"(?:^|(?<=[\s·|•,/]))(?:" + ANY_BY_WORD + r"|(?i:autor(?:in)?|author))\s*:?\s+"
    r"(?P<name>[a-z][\w.-]{1,30})(?=\s*$|\s*[|·•,/—–]|\s+-|\s+(?i:am|on|um|at)\b|\s*\d)"
)
#: "Jane Doe | 4 Nov 2025", "Jane Doe, 03.11.2023 15:32", "● Jane Doe": a name opening a
#: short line that also gives a date ...
_NAME_FIRST = re.compile(r"^[●•·∙]?\s*" + NAME + r"\s*(?:$|[|,/•·∙–—-]|(?=\d))")
#: ... or closing it: "1. Februar 2022, Jane Doe".
_NAME_LAST = re.compile(r"(?:^|[|,/•·∙–—-])\s*" + NAME + r"\s*$")
#: A name beside a date has at least this many words (one capitalised word beside a date
#: is more often a weekday, a place or a section).
MIN_DATED_NAME_WORDS = 2
#: A user name alone beside a date: a login with a digit or an underscore ("J_Doe",
#: "c1ph4") ...
_MIXED_LOGIN = re.compile(r"(?=[\w-]*[\d_])[A-Za-z][\w-]{2,30}")
#: ... or in lower case ("jdoe"); one capitalised word there is more often a section or a
#: place, a domain or a file name a source.
_LOWER_LOGIN = re.compile(r"[a-z][a-z\d_-]{2,30}")
#: What sets the parts of a dated line apart once its dates are cut ...
_BESIDE_SEPARATORS = re.compile(r"\s*[|,/•·∙–—]\s*|\s-\s")
#: ... and those of them that set off a user name (a comma follows a weekday).
_LOGIN_SEPARATOR = re.compile(r"[|/•·∙–—]|\s-\s|^\s*-")
#: A dated line with a user name has at most this many parts besides the date.
MAX_LOGIN_LINE_PARTS = 2


def dated_user(text: str, stop: frozenset[str]) -> str | None:
    """The user name a "by" word or an author label names on a dated line (see
    :data:`_DATED_USER`), unless it is a stop word, a name particle or a month, or the
    "by" word ends a running sentence.

    >>> dated_user("Gespeichert von jdoe am 24. Juli 2017 - 18:55", frozenset())
    'jdoe'
    >>> dated_user("Mai 2019 von der Redaktion", frozenset()) is None
    True
    """
    for match in _DATED_USER.finditer(text):
        name = match.group("name").rstrip(".-")
        if (
            name not in stop
            and name not in NAME_PARTICLES
            and not is_month_name(name)
            and not in_sentence(text[: match.start()])
        ):
            return name
    return None


def _is_name(name: str, stop: frozenset[str]) -> bool:
    """Two to four capitalised words, none of them a month name or a stop word other than a
    name particle ("Christoph von Ritter")."""
    words = [w.strip(".,") for w in name.split()]
    return len(words) >= MIN_DATED_NAME_WORDS and not any(
        (w.lower() in stop and w not in NAME_PARTICLES) or find_date(f"1 {w} 2000") for w in words
    )


def name_beside_date(text: str, stop: frozenset[str] = frozenset()) -> str | None:
    """The name that opens or closes a dated line: "Jane Doe | 4 Nov 2025"; or a user
    name there, set off by separators (:data:`_LOGIN`: "jdoe — 2. Februar 2022").

    >>> name_beside_date("Christian Kahle,  03.11.2023 15:32 Uhr")
    'Christian Kahle'
    >>> name_beside_date("1. Februar 2022 , Daniel Dillenburg")
    'Daniel Dillenburg'
    >>> name_beside_date("Donnerstag, 3. März 2022") is None
    True
    >>> name_beside_date("Tanja Karrasch3.11.2023")
    'Tanja Karrasch'
    >>> name_beside_date("Updated March 3, 2024") is None
    True
    >>> name_beside_date("Posted On March 3, 2024", frozenset({"on"})) is None
    True
    >>> name_beside_date("26 Mai, 2008 | J_Doe | Kommentare 34"), name_beside_date("jdoe — 2. Mai 2023")
    ('J_Doe', 'jdoe')
    """
    text = unglue_digits(text)
    first = _NAME_FIRST.match(text)
    if first and _is_name(first.group("name"), stop):
        return first.group("name").strip(" ,.:")
    undated = strip_dates(text).strip()
    last = _NAME_LAST.search(undated)
    if last and _is_name(last.group("name"), stop):
        return last.group("name").strip(" ,.:")
    return _login_beside_date(strip_dates(text), stop)


def _login_beside_date(undated: str, stop: frozenset[str]) -> str | None:
    """A user name that opens or closes a dated line (``undated``: its dates cut), with at
    most one other part: one with a digit or an underscore anywhere, one in lower case
    after the date or set off by a separator other than a comma (not "edited Feb 12",
    "mardi 5 juin", "miércoles, 4 de mayo").

    >>> _login_beside_date(" jdoe", frozenset()), _login_beside_date("posted ", frozenset())
    ('jdoe', None)
    """
    parts = [p.strip() for p in _BESIDE_SEPARATORS.split(undated) if p.strip()]
    if not 1 <= len(parts) <= MAX_LOGIN_LINE_PARTS:
        return None
    for login in dict.fromkeys((parts[0], parts[-1])):
        if login.lower() in stop or login in NAME_PARTICLES or is_month_name(login):
            continue
        if _MIXED_LOGIN.fullmatch(login):
            return login
        at = undated.find(login)
        after_date = at > 0 and not undated[:at].strip()
        beside = undated[at + len(login) :] if at == 0 else undated[:at]
        if _LOWER_LOGIN.fullmatch(login) and (after_date or _LOGIN_SEPARATOR.search(beside)):
            return login
    return None
