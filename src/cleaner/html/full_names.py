"""Author names as the page spells them: whether a visible byline shows the declared
names (:func:`shows_declared`), declared co-authors each shown in an element of their own
(:func:`shown_apart`), and the full spelling of an author the page names only in part, a
login ("jane.doe") or a first name ("Jane") in the byline while another line of the page
writes the whole name ("Chief editor Jane P. Doe comments", "Jane Doe - engineer and
cyclist"; :func:`full_name`, :func:`spelled_out`).

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
from collections.abc import Callable, Collection, Sequence

from cleaner.html.credits import NOT_A_PERSON
from cleaner.html.declared_authors import opening_stop_words
from cleaner.html.segment import PageSegments
from cleaner.html.titles import norm
from cleaner.metadata.dates import find_date
from cleaner.metadata.given_names import starts_with_given_name

__all__ = ["VISIBLE_EXTRA_WORDS", "full_name", "shown_apart", "shows_declared", "spelled_out"]

#: A visible byline replaces the declared author when it shows every declared name with at
#: most this many more words (an academic title, a middle initial), not a job description.
VISIBLE_EXTRA_WORDS = 2

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


def spelled_out(
    author: tuple[tuple[str, ...], str, str],
    bylines: Sequence[tuple[int, str, str]],
    page: PageSegments,
    people: Collection[str] = (),
) -> tuple[tuple[str, ...], str, str]:
    """``(names, byline, provenance)`` of the chosen author, its one name spelled out as
    another line of the page writes it (:func:`full_name`; the byline's own blocks are not
    searched; a first name among the ``people`` a JSON-LD author declares need not be a
    known given name). trafilatura-eval HTML +2/-0 pages ("christian.doe" -> "Christian P. Doe",
    "Henry" -> "Henry Doe"), wcxb-dev 0; no page without a gold author gains a name."""
    names, byline, origin = author
    if len(names) != 1:
        return author
    skip = {position for position, name, _ in bylines if name == byline}
    texts = [s.block.text for s in page.segments]
    whole = full_name(names[0], texts, skip, person=names[0] in people)
    return ((whole,), whole, f"{origin}:spelled-out") if whole else author


def shows_declared(names: Sequence[str]) -> Callable[[str], bool]:
    """A test of whether a visible byline shows every declared name, with at most
    :data:`VISIBLE_EXTRA_WORDS` more words (never true without declared names).

    >>> shows_declared(["Jane Doe"])("Dr. Jane Doe"), shows_declared(["Jane Doe"])("John Roe")
    (True, False)
    """
    declared = [norm(n) for n in names if norm(n)]
    limit = sum(len(n.split()) for n in declared) + VISIBLE_EXTRA_WORDS

    def shows(name: str) -> bool:
        shown = norm(name)
        return bool(declared) and all(n in shown for n in declared) and len(shown.split()) <= limit

    return shows


def shown_apart(
    names: Sequence[str], bylines: Sequence[tuple[int, str, str]]
) -> tuple[tuple[str, ...], str, str] | None:
    """Two or more declared co-authors that no one byline shows together but each shows
    in an element of its own ("Jane Doe, PhD" / "John Roe, PhD" list items): their
    visible spellings, in the declared order, and the first element's kind; ``None``
    unless every name is shown. trafilatura-eval HTML +1/-0 pages, wcxb-dev 0.

    >>> shown_apart(["Jane Doe", "John Roe"],
    ...             [(5, "Jane Doe, PhD", "byline-element"), (6, "John Roe, PhD", "byline-element")])
    (('Jane Doe, PhD', 'John Roe, PhD'), 'Jane Doe, PhD, John Roe, PhD', 'html:byline-element')
    """
    if len(names) < 2:
        return None
    shown: list[tuple[str, str]] = []
    for name in names:
        shows = shows_declared([name])
        found = next(((text, how) for _, text, how in bylines if shows(text)), None)
        if found is None:
            return None
        shown.append(found)
    texts = tuple(dict.fromkeys(text for text, _ in shown))
    if len(texts) < len(names):
        return None
    return texts, ", ".join(texts), f"html:{shown[0][1]}"
