"""A byline split into its names (shared by the dump and HTML bylines and the dump's span
candidates, which keep a line of several co-authors whole).

>>> split_authors("Jane Doe and John Smith")
('Jane Doe', 'John Smith')
"""

from __future__ import annotations

import re

__all__ = [
    "NOT_A_PERSON",
    "before_repeated_name",
    "split_authors",
    "with_credentials",
    "without_trailing_note",
]

#: What joins the names of a byline: punctuation, "and" and "und" in any case, and the
#: short "and" words of other languages in lower case only (in capitals they are an
#: initial or a name: "E. Barreneche", "ET Online").
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\b(?i:and|und)\b|\b(?:et|y|e|en)\b)\s*")
#: A credential after a name and its comma: an abbreviation with at least two capitals
#: ("MD", "Ph.D.", "CFP", "CEPF®"), part of that author's name.
_CREDENTIAL = re.compile(r"(?=(?:[^\s,;]*[A-Z]){2})[A-Z][A-Za-z.]{0,5}®?")
#: The credentials that follow a name in a text: ", MD", ", MS, RD".
_CREDENTIALS_AFTER = re.compile(r"(?:,[ \t]*" + _CREDENTIAL.pattern + r"(?=[\s,;]|$))+")
#: Words of a name that is not a person's: a legal form or a company's word, a licence,
#: the rights reserved, an article before the name ("The Daily"), a word naming a kind of
#: publication or organisation ("Rust Blog", "Harvard Health", "Park University").
NOT_A_PERSON = re.compile(
    r"\b(?i:inc|llc|llp|ltd|gmbh|ag|spa|corp(?:oration)?|company|media|group|verlag|e\.\s*v"
    r"|cc|rights|reserved|rechte"
    r"|blog|forum|news|wiki|online|magazine?|journal|zeitung|times|observer|press|presse|radio"
    r"|tv|community|club|verein|university|universität|college|school|schule|shop|store"
    r"|insurance|health|institute?|foundation|stiftung|cent(?:er|re)|zentrum|services?"
    r"|solutions|team|office)\b|^(?i:the|der|die|das|le|la|les|el|los)\s"
)
#: A byline's leading name must have this many words at least to be cut where it recurs.
MIN_REPEATED_NAME_WORDS = 2
#: A parenthesised note closing a byline: the author's role or credentials.
_TRAILING_NOTE = re.compile(r"\s+\([^()]*\)$")
#: Words that are not names, even when a byline says "By ...".
_NOT_A_NAME = re.compile(r"^(?:the|staff|admin|editor|redaktion|agencies|agency)$", re.I)


def split_authors(byline: str) -> tuple[str, ...]:
    """Split a byline into names.

    >>> split_authors("Max Muster und Erika Mustermann, Berlin")
    ('Max Muster', 'Erika Mustermann', 'Berlin')
    >>> split_authors("E. Barreneche y J. I. Da Silva"), split_authors("ET Online")
    (('E. Barreneche', 'J. I. Da Silva'), ('ET Online',))
    >>> split_authors("Jillian Kubala, MS, RD and Jane Doe, Ph.D.")
    ('Jillian Kubala, MS, RD', 'Jane Doe, Ph.D')
    """
    names: list[str] = []
    for part in _AUTHOR_SPLIT.split(byline):
        name = part.strip(" .")
        if names and _CREDENTIAL.fullmatch(name) and ", " + name in byline:
            names[-1] += ", " + name  # a credential stays with its name
        elif name and not _NOT_A_NAME.match(name):
            names.append(name)
    return tuple(names)


def with_credentials(name: str, text: str) -> str:
    """``name`` with the credentials ``text`` writes after it where it first does.

    >>> with_credentials("Vanessa Mendez", "By Vanessa Mendez\\nVanessa Mendez, MD\\nGastroenterology")
    'Vanessa Mendez, MD'
    >>> with_credentials("Jane Doe", "Jane Doe, Berlin")
    'Jane Doe'
    """
    at = text.find(name)
    while at >= 0:
        found = _CREDENTIALS_AFTER.match(text, at + len(name))
        if found:
            return name + found.group()
        at = text.find(name, at + 1)
    return name


def before_repeated_name(byline: str) -> str:
    """``byline`` cut after its leading capitalised name when the line names it again
    later (a feed or archive link beside the name: "Jane Doe RSS-Feed by Jane Doe").

    >>> before_repeated_name("Vanessa Franke RSS-Newsfeed neuer Artikel von Vanessa Franke")
    'Vanessa Franke'
    >>> before_repeated_name("Jane Doe and John Roe"), before_repeated_name("Jane Doe Jane")
    ('Jane Doe and John Roe', 'Jane Doe Jane')
    """
    words = byline.split()
    lead = 0
    while lead < len(words) and words[lead][:1].isupper():
        lead += 1
    for n in range(lead, MIN_REPEATED_NAME_WORDS - 1, -1):
        name = words[:n]
        if any(words[at : at + n] == name for at in range(n + 1, len(words) - n + 1)):
            return " ".join(name)
    return byline


def without_trailing_note(byline: str) -> str:
    """``byline`` without a parenthesised note that closes it (the author's role:
    "Jane Doe (Medizinredakteurin)"), unless nothing with a letter is left before it.

    >>> without_trailing_note("Jane Doe (Medizinredakteurin, M.A.)")
    'Jane Doe'
    >>> without_trailing_note("(Stand: )"), without_trailing_note("Jane (Doe) Roe")
    ('(Stand: )', 'Jane (Doe) Roe')
    """
    head = _TRAILING_NOTE.sub("", byline)
    return head if any(map(str.isalpha, head)) else byline
