"""Clean the author names a page declares (JSON-LD ``author``, ``<meta name="author">``).

Declared author fields often hold something other than a person's name: a name with a
label or a link glued on, a placeholder ("No Author"), the publication itself
("ORF.at", the ``og:site_name``) or a CMS login ("andrew.keaveney"). :func:`clean_names`
cuts labels and links and drops placeholders; :func:`is_publisher` tells
the publication's own names and logins, which are the author on many small sites (the
development corpora's gold author is the site name on about a third of such pages) but
not when the page shows a byline.

>>> clean_names(("By Jane Doe",))
('Jane Doe',)
>>> clean_names(("Frank Bueltge - https://example.org",))
('Frank Bueltge',)
>>> clean_names(("No Author", "null", "https://example.org/jane"))
()
>>> is_publisher("Daily News", {"dailynews"}), is_publisher("jane.doe", set())
(True, True)
>>> is_publisher("Jane Doe", {"dailynews"})
False
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

from cleaner.metadata.spelled_names import opening_stop_words

__all__ = ["clean_names", "is_publisher", "site_key", "site_names_owner"]

#: A label before the name ("By Jane Doe", "Von Max Muster", "Autor: ...").
_LABEL = re.compile(
    r"^(?:(?:written|posted|words|reported)\s+by|by|von|par|por|door|autor(?:in)?|author"
    r"|auteur|text)\s*:?\s+",
    re.I,
)
#: A link glued to a name ("Frank Bueltge - http://example.org").
_LINK = re.compile(r"\(?\s*(?:https?://|www\.)\S+\s*\)?", re.I)
#: One token with dots and no space: a domain ("tagesschau.de") or a login ("jane.doe").
_DOTTED = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+\.?$")
#: Values of an author field that name nobody ("Anonymous" is a gold author: kept).
_PLACEHOLDER = re.compile(r"^(?:no\s+author|unknown\s+author|author|autor|null|none|n/?a)$", re.I)
#: The top-level domain and "www." of a site name written as a host ("ElColombiano.com").
_HOST_PARTS = re.compile(r"^www\.|\.[a-z]{2,6}$", re.I)
_WORD = re.compile(r"\w+")
_SEPARATORS = " ,;:|-–—·•/"
#: A site named after its owner has at most this many words ("Dr. Jane Doe"); longer
#: site names are organisations ("Rhein Neckar Zeitung", "Women Can Talk Sports").
SITE_OWNER_MAX_WORDS = 3
def site_key(name: str) -> str:
    """A site or author name reduced for comparison: NFKC, lower case, no "www." or
    top-level domain, letters and digits only ("El Colombiano" = "ElColombiano.com").

    >>> site_key("www.ElColombiano.com"), site_key("El Colombiano")
    ('elcolombiano', 'elcolombiano')
    """
    text = unicodedata.normalize("NFKC", name).strip().lower()
    return "".join(_WORD.findall(_HOST_PARTS.sub("", text)))


def _clean(name: str) -> str | None:
    text = " ".join(html.unescape(name).split())
    text = _LINK.sub(" ", text).strip(_SEPARATORS)
    text = _LABEL.sub("", text).strip(_SEPARATORS)
    text = " ".join(text.split())
    if not text or _PLACEHOLDER.match(text):
        return None
    return text


def clean_names(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` with labels and links cut, without placeholders and repeats."""
    kept: list[str] = []
    for name in names:
        cleaned = _clean(name)
        if cleaned and cleaned not in kept:
            kept.append(cleaned)
    return tuple(kept)


def is_publisher(name: str, sites: set[str]) -> bool:
    """``name`` is one of the ``sites`` (compared by :func:`site_key`), a domain or a login
    rather than a person's name."""
    return bool(_DOTTED.match(name)) or site_key(name) in sites


def site_names_owner(name: str) -> bool:
    """Whether a site name, already read as two to four capitalised words, can be its
    owner's name: at most :data:`SITE_OWNER_MAX_WORDS` words, not opening with a stop word
    ("The Japan Times", "Das Kulturkaufhaus"), no possessive ("Jan's Blog") and no word
    in capitals unless all are ("HR Innovation", "Easy LMS"; "JANE DOE" passes).

    >>> site_names_owner("Jane Doe"), site_names_owner("JANE DOE"), site_names_owner("Dr. Jane Doe")
    (True, True, True)
    >>> site_names_owner("The Daily Bugle"), site_names_owner("Jan's Blog"), site_names_owner("HR Innovation")
    (False, False, False)
    """
    words = name.split()
    capitals = [w for w in words if len(w) > 1 and w.isupper()]
    return (
        len(words) <= SITE_OWNER_MAX_WORDS
        and words[0].lower().strip(".") not in opening_stop_words()
        and not any(mark in name for mark in "'’")
        and len(capitals) in (0, len(words))
    )
