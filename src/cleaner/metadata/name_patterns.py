"""The patterns of a person's name and of the words that introduce one, shared by the
dump's byline rules (:mod:`.nearby`, :mod:`.dated_names`) and the span ranker.

>>> import re
>>> re.fullmatch(NAME, "Jane Doe and John Roe").group("name")
'Jane Doe and John Roe'
"""

from __future__ import annotations

import re

from cleaner.metadata.dates import is_month_name

__all__ = [
    "ANY_BY_WORD",
    "BY_WORD",
    "MIN_SENTENCE_WORDS_BEFORE",
    "NAME",
    "NAME_PARTICLES",
    "NAME_TOKEN",
    "NAME_WORD",
    "NEXT_NAME_WORD",
    "in_sentence",
]

#: A capitalised word of a name, in a pattern ("Doe", "O'Neil", "Lange-Fricke", "J.").
NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]+"
#: A whole token that may be a word of a name (capitalised; "J." too).
NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")
#: The next word of a name, after up to two particles ("Marna van der Merwe").
NEXT_NAME_WORD = r"[ \t]{1,2}(?:(?:de|van|von|der|da|di|del|la|le)[ \t]+){0,2}" + NAME_WORD
#: Names of a byline: one name of one to four words, then further names of two words or
#: more after a comma, "&" or "and" ("Jane Doe, John Roe and Max Muster").
NAME = (
    r"(?P<name>" + NAME_WORD + r"(?:" + NEXT_NAME_WORD + r"){0,3}"
    r"(?:(?:[ \t]*[,&][ \t]*|[ \t]+(?i:and|und|et|y|e)[ \t]+)"
    + NAME_WORD
    + r"(?:"
    + NEXT_NAME_WORD
    + r"){1,3}){0,4})"
)
#: Words that introduce the author inside a longer line ("Posted on ... by", "Gepostet von").
BY_WORD = r"(?i:by|von|par|por|door|di)"
#: The "by" words in more languages (durch: German, af/av: Nordic), read after the headline
#: and on dated lines; the byline span candidates (:mod:`.byline_candidates`) read them too.
ANY_BY_WORD = r"(?i:by|von|durch|par|por|door|di|af|av)"
#: A "by" word after at least this many words of a sentence in lower case (three letters or
#: more, no month or name particle) is the sentence's ("Die Polizei fand die Leiche von
#: Jane Doe", "peu estimé par Jane Doe"), not a byline's ("Posted on May 3 by Jane Doe").
MIN_SENTENCE_WORDS_BEFORE = 2
#: The shortest word counted so ("on", "am", "el" are a byline's too).
MIN_SENTENCE_WORD_LETTERS = 3
#: Lower-case words inside names ("Loïc Le Clerc", "Ludwig van Beethoven"), not stop words there.
NAME_PARTICLES = frozenset(
    [
        "de",
        "du",
        "des",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "del",
        "della",
        "le",
        "la",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
    ]
)


def in_sentence(before: str) -> bool:
    """Whether a "by" word after ``before`` (its line up to it) ends a running sentence:
    at least :data:`MIN_SENTENCE_WORDS_BEFORE` words in lower case before it.

    >>> in_sentence("Die Polizei fand die Leiche "), in_sentence("Posted on May 3, 2024 ")
    (True, False)
    """
    words = [w.strip(".,;:") for w in before.split()]
    lower = [
        w
        for w in words
        if len(w) >= MIN_SENTENCE_WORD_LETTERS
        and w[:1].islower()
        and w not in NAME_PARTICLES
        and not is_month_name(w)
    ]
    return len(lower) >= MIN_SENTENCE_WORDS_BEFORE
