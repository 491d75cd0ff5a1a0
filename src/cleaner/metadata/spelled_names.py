"""The full spelling of an author a page names only in part: a login ("jane.doe"), a first
name ("Jane") or initials ("JD") in the byline while another line of the page writes the
whole name ("Chief editor Jane P. Doe comments", "Jane Doe - engineer and cyclist").
Both front ends use it: the HTML author choice (:mod:`cleaner.html.full_names`) and the
text dumps' byline (:mod:`cleaner.metadata.from_blocks`).

>>> full_name("christian.doe", ["Photo: Chief editor Christian P. Doe comments."], ())
'Christian P. Doe'
>>> full_name("Jane", ["By Jane", "Jane Doe - engineer and cyclist"], (0,))
'Jane Doe'
>>> full_name("Jane Doe", ["Jane Doe Smith"], ()) is None
True
>>> full_name("JD", ["Ein Tagebuch von Jane Doe steht unter einer Lizenz"], ())
'Jane Doe'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence

from cleaner.metadata.dates import find_date
from cleaner.metadata.given_names import starts_with_given_name
from cleaner.metadata.language import stopwords
from cleaner.metadata.name_patterns import NAME_PARTICLES
from cleaner.metadata.names import NOT_A_PERSON

__all__ = ["full_name", "opening_stop_words"]

#: The languages of the lexicon, whose stop words do not open a person's name.
_LEXICON_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt")


@functools.cache
def opening_stop_words() -> frozenset[str]:
    """Stop words of the lexicon's languages, name particles ("van", "de") left out."""
    words = frozenset().union(*(stopwords(code) for code in _LEXICON_LANGUAGES))
    return words - NAME_PARTICLES


#: A login of two or more lower-case parts joined by dots, underscores or hyphens
#: ("jane.doe", "jane_p_doe"); each part at least two letters.
_LOGIN = re.compile(r"^[a-zß-ÿ]{2,}(?:[._-][a-zß-ÿ]{2,})+$")
_LOGIN_SEPARATOR = re.compile(r"[._-]")
#: Between two parts of a login the page may write a middle initial ("Jane P. Doe").
_BETWEEN_PARTS = r"\s+(?:[A-ZÀ-Þ]\.\s+)?"
#: A first name shown alone: one capitalised word (and a known given name, not a
#: company's name such as "Accruent", which the page writes before its products).
_FIRST_NAME = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ]+$")
#: The surname after a first name: a capitalised word (a double name with a hyphen).
_SURNAME = r"(?P<surname>[A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ][a-zß-ÿ]+)?)"
#: What follows a whole name written as one (its end, a comma, a dash, a bar, a bracket
#: or a full stop), not a word that goes on a sentence ("Jane Doe wrote"), where the
#: capitalised word may be a noun ("Jane Kaufratgeber, Katzen" after a byline).
_NAME_END = r"(?=\s*(?:$|[,.;:|·•(–—]|\s-\s))"


#: A byline of initials in capitals ("DT"), which a person's name on the page may spell out.
_INITIALS = re.compile(r"^[A-ZÀ-Þ]{2,3}$")


@functools.cache
def _initials_pattern(initials: str) -> re.Pattern[str]:
    words = r"\s+".join(rf"{re.escape(letter)}[a-zß-ÿ]+" for letter in initials)
    return re.compile(rf"(?<![\w-]){words}(?![\w-])")


def _spelled_initials(initials: str, texts: Sequence[str]) -> str | None:
    """The one name ``texts`` write whose words open with the ``initials`` in order and
    whose first word is a known given name ("DT" -> "Donald Townsend"), else ``None``."""
    names = {
        found.group()
        for text in texts
        for found in _initials_pattern(initials).finditer(text)
        if starts_with_given_name(found.group())
    }
    return names.pop() if len(names) == 1 else None


@functools.cache
def _first_name_pattern(first: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(first)}\s+{_SURNAME}{_NAME_END}")


def _login_name(login: str, texts: Sequence[str]) -> str | None:
    """The first capitalised spelling of ``login``'s parts in ``texts``."""
    parts = _LOGIN_SEPARATOR.split(login)
    pattern = re.compile(
        r"(?<![\w-])" + _BETWEEN_PARTS.join(f"(?i:{re.escape(p)})" for p in parts) + r"(?![\w-])"
    )
    for text in texts:
        for found in pattern.finditer(text):
            shown = found.group()
            if all(word[0].isupper() for word in shown.split()):
                return shown
    return None


def _with_surname(first: str, texts: Sequence[str]) -> str | None:
    """``first`` and the one surname the page writes after it, else ``None``."""
    stop = opening_stop_words()
    surnames: set[str] = set()
    for text in texts:
        for found in _first_name_pattern(first).finditer(text):
            surname = found.group("surname")
            if (
                surname.lower() not in stop
                and not find_date(f"1 {surname} 2000")
                and not NOT_A_PERSON.search(surname)
            ):
                surnames.add(surname)
    return f"{first} {surnames.pop()}" if len(surnames) == 1 else None


def full_name(
    name: str, texts: Sequence[str], skip: Collection[int], *, person: bool = False
) -> str | None:
    """The whole name ``texts`` (the page's blocks) write for a login, a lone first name or
    initials (:func:`_spelled_initials`; trafilatura-eval HTML +1/-0 pages, wcxb-dev 0),
    leaving out the blocks at the ``skip`` positions (where the byline itself was read);
    ``None`` when ``name`` is neither or the page writes no single fuller spelling.

    A first name gets the surname only when every such spelling of the page names the
    same one ("Jane Doe" twice, never "Jane Roe"), and when it is a known given name unless
    the name is declared as a ``person`` (a JSON-LD author: "Stefanus", whom the author
    box's biography calls "Stefanus Stahl - engineer"; trafilatura-eval HTML +1/-0 pages,
    wcxb-dev 0).
    """
    others = [text for position, text in enumerate(texts) if position not in skip]
    if _LOGIN.match(name):
        return _login_name(name, others)
    if _INITIALS.match(name):
        return _spelled_initials(name, others)
    if _FIRST_NAME.match(name) and (person or starts_with_given_name(name)):
        return _with_surname(name, others)
    return None
