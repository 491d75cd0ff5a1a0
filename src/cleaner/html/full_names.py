"""Author names as the page spells them: whether a visible byline shows the declared
names (:func:`shows_declared`), declared co-authors each shown in an element of their own
(:func:`shown_apart`), and the full spelling of an author the page names only in part
(:func:`spelled_out`, by :func:`cleaner.metadata.spelled_names.full_name`, which the text
front end uses too).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from cleaner.html.segment import PageSegments
from cleaner.html.titles import norm
from cleaner.metadata.spelled_names import full_name

__all__ = ["VISIBLE_EXTRA_WORDS", "shown_apart", "shows_declared", "spelled_out"]

#: A visible byline replaces the declared author when it shows every declared name with at
#: most this many more words (an academic title, a middle initial), not a job description.
VISIBLE_EXTRA_WORDS = 2


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
