"""The person a press release names as its contact ("Pressekontakt: Dr. Jane Doe,
Pressesprecherin, Tel. ..., jane.doe@example.org"), the author of last resort for pages
that name no author otherwise: trafilatura-eval HTML +2/-0 pages, wcxb-dev 0.

The contact opens the block after its label, or the label's own block, and is confirmed
by an e-mail address in that block or the next whose local part holds the surname: a
label alone ("Kontakt" in a menu) or a company after it names no one.

>>> from selectolax.lexbor import LexborHTMLParser
>>> from cleaner.html.segment import segment_html
>>> def contact(html):
...     return contact_person(segment_html(LexborHTMLParser(f"<body>{html}</body>")))
>>> contact("<p>Pressekontakt<br>Dr. Erika Mustermann<br>Pressesprecherin<br>"
...         "erika.mustermann@example.org</p>")
'Dr. Erika Mustermann'
>>> contact("<p>Kontakt:</p><p>Max Muster Telefon 040 123 max.muster@example.org</p>")
'Max Muster'
>>> contact("<p>Kontakt:</p><p>Max Muster Telefon 040 123 info@example.org</p>") is None
True
"""

from __future__ import annotations

import re
import unicodedata

from cleaner.html.byline_names import ACADEMIC_TITLES
from cleaner.html.credits import NOT_A_PERSON
from cleaner.html.segment import PageSegments
from cleaner.metadata.given_names import starts_with_given_name

__all__ = ["contact_person"]

#: A contact block is short: a label, a name, a role, a telephone number and an address.
MAX_CONTACT_CHARS = 200
#: A contact's name: a given name and a surname.
CONTACT_NAME_WORDS = 2
#: The label that introduces a press release's contact person; a bare "Kontakt" needs a
#: colon (without one it is a menu link).
_LABEL = re.compile(
    r"^(?:(?:presse|medien)kontakte?|(?:press|media)\s+contacts?"
    r"|(?:kontakt|ansprechpartner(?:in)?|contact)\s*:)\s*:?\s*",
    re.I,
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_EMAIL_LOCAL = re.compile(r"([\w.+-]+)@[\w-]+\.[\w.-]+")


def _folded(text: str) -> str:
    """Lower case without accents ("Müller" -> "muller")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _name_opening(text: str) -> str | None:
    """The academic titles and the given name and surname that open ``text``, when the
    first word is a known given name and the surname is capitalised."""
    titles = ACADEMIC_TITLES.match(text)
    start = titles.end() if titles else 0
    words = text[start:].split()[:CONTACT_NAME_WORDS]
    if len(words) < CONTACT_NAME_WORDS or not all(_WORD.fullmatch(w) for w in words):
        return None
    name = " ".join(words)
    if not words[-1][0].isupper() or not starts_with_given_name(name) or NOT_A_PERSON.search(name):
        return None
    return (text[:start] + name).strip()


def _mailed(name: str, text: str) -> bool:
    """An e-mail address in ``text`` whose local part holds the name's surname."""
    surname = _folded(name.split()[-1])
    return any(surname in _folded(local) for local in _EMAIL_LOCAL.findall(text))


def contact_person(page: PageSegments) -> str | None:
    """The first contact person a label introduces (see the module's docstring), or
    ``None``."""
    segments = page.segments
    for position, segment in enumerate(segments):
        text = segment.block.text
        if segment.group is not None or len(text) > MAX_CONTACT_CHARS:
            continue
        label = _LABEL.match(text)
        if label is None:
            continue
        rest = text[label.end() :]
        following = segments[position + 1].block.text if position + 1 < len(segments) else ""
        if not rest.strip():
            rest, following = following, (
                segments[position + 2].block.text if position + 2 < len(segments) else ""
            )
        name = _name_opening(rest) if len(rest) <= MAX_CONTACT_CHARS else None
        if name and _mailed(name, f"{rest} {following}"):
            return name
    return None
