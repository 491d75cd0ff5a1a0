"""Read a person's name out of a byline text the page shows: cut the label ("Von", "Text
von"), a glued date or role, a picture credit and an agency after it, and reject what does
not read like a name (labels, buttons, weekdays, sentences).

>>> clean_name("Von Max Muster | 04.11.2025", labelled=True)
'Max Muster'
>>> clean_name("Recent Posts", labelled=True), after_by_word("Ein Beitrag von Jane Doe")
(None, 'Jane Doe')
"""

from __future__ import annotations

import re

from cleaner.html.credits import AGENCY_TAIL
from cleaner.lexicon import BYLINE
from cleaner.metadata.dates import find_date
from cleaner.metadata.from_blocks import byline_name
from cleaner.metadata.names import split_authors
from cleaner.metadata.nearby import BY_ANYWHERE, PICTURE_CREDIT

__all__ = [
    "ACADEMIC_TITLES",
    "DATE_NAME_SEPARATORS",
    "MAX_NAME_WORDS",
    "after_by_word",
    "clean_name",
    "conversation",
]

#: Academic titles before a name ("Dr. Jane Doe", "Prof. Dr. John Roe").
ACADEMIC_TITLES = re.compile(r"^(?:(?:dr|prof|mag|dipl)\.?\s+)+", re.I)
#: What separates a date from a name in one element ("Dec. 19, 2025 · Jane Doe"): stripped
#: from what is left of the text once its dates are cut.
DATE_NAME_SEPARATORS = " ,;:|·•–—-"
#: A name after a "by" word inside a line (:func:`after_by_word`) has at most this many
#: words before it (a longer run is a sentence: "Die Polizei fand die Leiche von ...").
MAX_BY_PREFIX_WORDS = 3
_PREFIX_WORD = re.compile(r"[^\W\d_]+")
#: A byline names at most this many words once its label and date are cut ...
MAX_NAME_WORDS = 8
#: ... unless it lists co-authors ("Posted by Jane Doe, John Roe, Max Muster and Erika
#: Beispiel"): then at most this many names of at most :data:`MAX_LISTED_NAME_WORDS`
#: words each.
MAX_LISTED_NAMES = 6
MAX_LISTED_NAME_WORDS = 4

#: A role after the name and a hyphen between spaces ("Jane Doe - Product marketer").
_ROLE_AFTER_DASH = re.compile(r"(?<=[^\W\d_]{2}) - .*$")

#: A picture credit after the author's name ("Jane Doe Illustration von John Roe", "Jane
#: Doe Fotos: ..."): cut (trafilatura-eval +1/-0 pages, wcxb-dev 0).
_CREDIT_TAIL = re.compile(
    r"(?<=[^\W\d_]{2})\s+(?i:photos?|fotos?|bild(?:er)?|images?|pictures?|illustrations?"
    r"|grafik(?:en)?)\b.*$"
)
#: A "by" word left before the name when the label was another word ("Text von Jane Doe").
_LEADING_BY = re.compile(r"^(?:von|by|par|por|door)\s+(?=[A-ZÀ-ÖØ-Þ])")
#: A "by" word glued to the name after it, where the markup put the label and the name in
#: separate elements without a space ("Geschrieben vonElisa Marvena", "ByJane Doe").
_GLUED_BY = re.compile(
    r"(?:^|(?<=\s))([vV]on|[bB]y|[pP]ar|[pP]or|[dD]oor)(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])"
)

#: A word glued to a name where the markup put them in separate elements without a space
#: ("Evan HalperStaff Writer", "Jane DoeFollow", "Jane DoeNovember 3"): a capital after a
#: lower-case letter ...
_GLUED = re.compile(r"(?<=[a-zß-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")
#: ... that opens a month name or one of these words (a role or a button, never a name
#: part); other glued capitals are names ("ShawnHymel", "IndustrySelect").
_GLUED_TAILS = frozenset(
    {"follow", "staff", "writer", "editor", "reporter", "correspondent", "contributor"}
    # the link to the author's page or posts ("Jane DoeAlle Beiträge", "Jane DoeView all")
    | {"alle", "all", "mehr", "more", "view", "profil", "profile"}
)

#: Labels, buttons and weekdays that stand where a byline name would ("By Recent Posts",
#: an author element holding "Writer" or "Fact Checked"): never a name.
_NOT_A_NAME = re.compile(
    r"^(?:by|von|par|por|author|autor|autorin|written by|posted by|admin"
    r"|administrator|staff|editor|redaktion|guest|anonymous|unknown|"
    r"share|follow|mehr|more|about the author|über den autor|the author|writer|auteur\(s\)"
    r"|fact checked|recent posts|link|stand|abbrechen|artikel von|zur artikelübersicht"
    r"|zur person|alle beiträge|all posts|view all posts|mehr zum autor|more from the author|text"
    r"|mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag"
    r"|sonntag)$",
    re.I,
)
#: Lower-case words that occur inside personal names, and the joiners of a list of names.
_NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "del",
        "della",
        "der",
        "den",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "zu",
        "bin",
        "al",
        "el",
        "y",
        "e",
        "and",
        "und",
        "et",
        "&",
        "dos",
        "das",
        "ter",
        "ten",
        "op",
    }
)

def after_by_word(text: str) -> str | None:
    """The name after a "by" word inside a short line, at most :data:`MAX_BY_PREFIX_WORDS`
    words in ("Eine Kolumne von Jane Doe", "Blog Beitrag von Jane Doe"), in capitals; not
    in a line that opens with the "by" word (a byline, read as one) nor after a picture
    credit.

    >>> after_by_word("Eine Kolumne von Jane Doe"), after_by_word("Foto von Jane Doe")
    ('Jane Doe', None)
    >>> after_by_word("Die Polizei fand die Leiche von Jane Doe") is None
    True
    """
    text = _GLUED_BY.sub(r"\1 ", text)
    if BYLINE.match(text):
        return None
    found = BY_ANYWHERE.search(text)
    if found is None or PICTURE_CREDIT.search(text[: found.start()]):
        return None
    if len(_PREFIX_WORD.findall(text[: found.start()])) > MAX_BY_PREFIX_WORDS:
        return None
    # a lower-case word after "by" is seldom a user name here ("sorted by top")
    return clean_name(found.group("name"), labelled=True) if found.group("name") else None


#: An interview's byline: the guest, then the interviewer ("Jane Doe im Gespräch mit John
#: Roe", "Jane Doe in conversation with John Roe").
_CONVERSATION = re.compile(
    r"^(?P<guest>.+?)\s+(?:im\s+gespräch\s+mit|im\s+interview\s+mit|in\s+conversation\s+with"
    r"|en\s+conversation\s+avec|interviewed\s+by)\s+(?P<host>.+)$",
    re.I,
)


def conversation(text: str) -> str | None:
    """Both names of an interview's byline in an author element, guest first ("Jane Doe
    im Gespräch mit John Roe"; trafilatura-eval +1/-0 pages, wcxb-dev 0), when both read
    as names.

    >>> conversation("Jane Doe im Gespräch mit John Roe"), conversation("Jane Doe")
    ('Jane Doe, John Roe', None)
    """
    found = _CONVERSATION.match(text)
    if found is None:
        return None
    guest, host = clean_name(found.group("guest")), clean_name(found.group("host"))
    return f"{guest}, {host}" if guest and host else None


def _looks_like_name(words: list[str], *, capitals: bool = False) -> bool:
    """Every word capitalised (or in a script without case), except name particles; not
    all in capitals (labels such as "USE CASE") unless ``capitals``; not a month ("June"
    left of a date)."""
    if not capitals and len(words) > 1 and all(w.isupper() for w in words):
        return False
    for word in words:
        first = word[0]
        if first.isalpha() and first.islower() and word.lower() not in _NAME_PARTICLES:
            return False
    # a month name passes the checks above; a date parser recognises it
    return len(words) > 1 or find_date(f"1 {words[0]} 2000") is None


def _cut_glued_tail(text: str) -> str:
    """``text`` up to a month name or role glued to the name before it.

    >>> _cut_glued_tail("Evan HalperStaff Writer"), _cut_glued_tail("Jane DoeNovember 3")
    ('Evan Halper', 'Jane Doe')
    >>> _cut_glued_tail("ShawnHymel")
    'ShawnHymel'
    """
    for glue in _GLUED.finditer(text):
        word = text[glue.start() :].split()[0].strip(",.:")
        if word.lower() in _GLUED_TAILS or find_date(f"1 {word} 2000") is not None:
            return text[: glue.start()]
    return text


def _listed(name: str) -> bool:
    """Whether ``name`` lists co-authors: two to :data:`MAX_LISTED_NAMES` names of at most
    :data:`MAX_LISTED_NAME_WORDS` words each, none of one word (a role or a place).

    >>> _listed("Jane Doe, John Roe, Max Muster and Erika Beispiel"), _listed("Jane Doe")
    (True, False)
    """
    names = split_authors(name)
    # a one-word part is a role or a place ("Jane Doe, Privacy, Digital Security Expert")
    return 2 <= len(names) <= MAX_LISTED_NAMES and all(
        2 <= len(n.split()) <= MAX_LISTED_NAME_WORDS for n in names
    )


def clean_name(text: str, *, labelled: bool = False, handle: bool = False) -> str | None:
    """The name in a byline text, or ``None`` when it does not look like one. A
    ``labelled`` line ("By ...") may name a user in lower case or with digits
    ("Marianne1": trafilatura-eval +2/-0 pages, wcxb-dev 0), and so may a ``handle`` (an
    hCard's one word: "freeman1984"). An hCard's name of several words is the name the
    site shows for the author whatever its spelling ("revamp-it Webteam", "example.at
    Redaktion": trafilatura-eval +2/-0 pages, wcxb-dev 0).

    >>> clean_name("Text von Jane Doe Illustration von John Roe", labelled=True)
    'Jane Doe'
    >>> clean_name("von Marianne1 am 20.09.2020", labelled=True), clean_name("Marianne1")
    ('Marianne1', None)
    >>> clean_name("example.at Redaktion"), clean_name("example.at Redaktion", handle=True)
    (None, 'example.at Redaktion')
    """
    text = _GLUED_BY.sub(r"\1 ", text.replace("\xad", "").replace("\u200b", ""))
    name = byline_name(_cut_glued_tail(_ROLE_AFTER_DASH.sub("", text)))
    if not name:
        return None
    name = AGENCY_TAIL.sub("", name.strip(" ,;:|-–—·•~"))
    name = _CREDIT_TAIL.sub("", name)
    if labelled:  # "Text von Jane Doe": the label was "Text"
        name = _LEADING_BY.sub("", name)
    words = name.split()
    if not words or _NOT_A_NAME.match(name) or (len(words) > MAX_NAME_WORDS and not _listed(name)):
        return None
    # a labelled user name may end in digits ("von Marianne1 am 20.09.2020")
    user = handle or (labelled and name[0].isalpha())
    digits = any(ch.isdigit() for ch in name) and not (user and len(words) == 1)
    # an address, a picture credit ("Bild © Sender") or a sentence is no name
    if digits or "@" in name or "©" in name or "http" in name or name.endswith("."):
        return None
    if labelled and len(words) == 1:
        return name if find_date(f"1 {name} 2000") is None else None
    if handle:  # an hCard's name as the site spells it
        return name
    # after a label, a name in capitals is a name ("VON MORITZ GATHMANN am 21. April"):
    # trafilatura-eval +1/-0 pages, wcxb-dev 0
    return name if _looks_like_name(words, capitals=labelled) else None
