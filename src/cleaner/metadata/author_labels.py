"""The author a dump names after an explicit author label, anywhere on the page.

A line that opens with "Autor:", "Author:", "Text:", "Written by" or the like and goes on
with a person's name names the article's author even far from the headline, where the
span ranker of :mod:`.byline_spans` does not look (an author box under the text, a
credit at the foot). The label anchors it: unlike a bare "By" line, such a line hardly
ever credits a picture or a teaser. A page that labels two different names this way lists
other articles' authors, and names none.

>>> from cleaner.text.segment import segment
>>> labelled_author(segment("Menu\\n\\nSome headline\\n\\nLong text.\\n\\nAutor: Max Muster"), frozenset())
'Max Muster'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.blocks import Block
from cleaner.metadata.given_names import starts_with_given_name
from cleaner.metadata.names import NOT_A_PERSON, split_authors
from cleaner.metadata.nearby import NAME_PARTICLES, NAME_TOKEN, NAME_WORD

__all__ = ["copyright_holder", "labelled_author", "name_like", "opens_with_label", "person_like"]

#: A label line is at most this many words long (a longer one is a sentence about the
#: author: "Autor: Jane Doe ist seit 2014 Ministerin ...").
MAX_LABEL_LINE_WORDS = 12
#: A copyright line naming the holder is at most this many words long.
MAX_COPYRIGHT_LINE_WORDS = 20
#: A person's name has this many words at least ...
MIN_NAME_WORDS = 2
#: ... and at most this many.
MAX_NAME_WORDS = 4

_PARTICLE = "|".join(sorted(NAME_PARTICLES))
#: One name: capitalised words, name particles allowed inside ("Ludwig van Beethoven").
_ONE_NAME = rf"{NAME_WORD}(?:[ \t]+(?:(?:{_PARTICLE})[ \t]+)*{NAME_WORD})*"
#: The label, at the start of the line (after a bullet), then the names: one, or several
#: joined by commas, "und", "and", "&" ("Autoren: Jane Doe und John Roe").
_LABELLED = re.compile(
    r"^[\s•*·-]*(?:(?i:autor(?:in|en|innen)?|author|authors|auteur|verfasser(?:in)?"
    r"|geschrieben[ \t]+von|verfasst[ \t]+von|written[ \t]+by)[ \t]*:?"
    r"|(?i:text(?:[ \t]+und[ \t]+fotos?)?)[ \t]*:)"  # "Text" only with its colon
    rf"[ \t]+(?P<names>{_ONE_NAME}(?:[ \t]*(?:,|&|\b(?:und|and)\b)[ \t]*{_ONE_NAME})*)"
    r"[ \t]*(?::?[ \t]*$|[,|(•·]|[ \t]\d)"
)
#: A copyright line's holder: "©", "(c)" or "Copyright", or a span of years followed by
#: "by", then any years and "by", then capitalised words ("© 2020 - Jane Doe - Company",
#: "Copyright (c) 2012- Jane Doe.", "2009-2020 by Jane Doe – Powered by ...").
_COPYRIGHT = re.compile(
    r"(?:(?:©|\((?i:c)\)|&copy;?|(?i:copyright))(?:[ \t]*(?:©|\((?i:c)\)))?"
    r"|\d{4}[ \t]*[-–][ \t]*\d{4}(?=[ \t]+(?i:by)\b))"
    r"[ \t]*(?:\d{4}(?:[ \t]*[-–][ \t]*(?:\d{4})?)?)?[ \t,–-]*(?:(?i:by)[ \t]+)?"
    rf"(?P<name>{_ONE_NAME})"
)
#: What follows a picture agency's or a company's name, not a person's ("Jane Doe/Agency",
#: "Acme Platforms, Inc.").
_CREDIT_AFTER = re.compile(r"[ \t]*[/,]")
#: A word a dump glued from two ("ArchivesWebsiteTwitter"): a capital after three lower-case
#: letters (a name's own inner capital follows fewer: "McIntyre", "DeSiato").
_GLUED = re.compile(r"[a-zß-ÿ]{3}[A-ZÀ-ÖØ-Þ]")


def name_like(name: str, stop: frozenset[str]) -> bool:
    """Whether every word of ``name`` is capitalised or a name particle, and none is a stop
    word of the page's language or glued from two.

    >>> name_like("Ela", frozenset()), name_like("The Planetary Press", frozenset({"the"}))
    (True, False)
    >>> name_like("TurboTaxLisa", frozenset()), name_like("Sprachregeln, ganz normal", frozenset())
    (False, False)
    """
    words = name.split()
    return bool(words) and all(
        (NAME_TOKEN.match(w) and w.lower() not in stop and not _GLUED.search(w))
        or w in NAME_PARTICLES
        for w in words
    )


def person_like(name: str, stop: frozenset[str]) -> bool:
    """Whether ``name`` looks like a person's name: a few words, :func:`name_like`.

    >>> person_like("Jane van Doe", frozenset({"the"})), person_like("The Editors", frozenset({"the"}))
    (True, False)
    >>> person_like("Redaktion", frozenset()), person_like("ArchivesWebsite Twitter", frozenset())
    (False, False)
    """
    return MIN_NAME_WORDS <= len(name.split()) <= MAX_NAME_WORDS and name_like(name, stop)


def opens_with_label(text: str) -> bool:
    """Whether ``text`` is an explicit author label and the names after it.

    >>> opens_with_label("Autoren Jane Doe und John Roe"), opens_with_label("Jane Doe")
    (True, False)
    """
    return _LABELLED.match(text) is not None


def labelled_author(blocks: Sequence[Block], stop: frozenset[str]) -> str | None:
    """The names after the page's explicit author labels, when every such label names the
    same names and they are person-like; else ``None``.

    ``stop`` are the page language's stop words.

    >>> from cleaner.text.segment import segment
    >>> labelled_author(segment("Autor: Jane Doe\\n\\nMore\\n\\nAutor: John Roe"), frozenset()) is None
    True
    """
    found = {
        match.group("names")
        for block in blocks
        if block.words <= MAX_LABEL_LINE_WORDS and (match := _LABELLED.match(block.text))
    }
    if len(found) != 1:
        return None
    names = found.pop()
    return names if all(person_like(name, stop) for name in split_authors(names)) else None


def _before_sentence_end(name: str) -> str:
    """``name`` up to the first of its words after the first that ends a sentence (not an
    initial): "Jane Doe. All" gives "Jane Doe", "Jane M. Doe" stays.

    >>> _before_sentence_end("Jane Doe. All"), _before_sentence_end("Jane M. Doe.")
    ('Jane Doe', 'Jane M. Doe')
    """
    words = name.split()
    for k, word in enumerate(words[1:], start=1):
        if word.endswith(".") and len(word) > len("M."):
            return " ".join([*words[:k], word.rstrip(".")])
    return name


def copyright_holder(blocks: Sequence[Block], stop: frozenset[str]) -> str | None:
    """The person a short copyright line names, when every such line of the page that
    names a person-like holder opening with a known given name names the same one (a
    personal site or blog: "© 2020 - Jane Doe - Company", "2009-2020 by Jane Doe"); else
    ``None``.

    >>> from cleaner.text.segment import segment
    >>> copyright_holder(segment("Text of the post.\\n\\nCopyright (c) 2012- Jane Doe. All rights reserved."), frozenset())
    'Jane Doe'
    >>> copyright_holder(segment("© 2024 Acme Corp"), frozenset()) is None
    True
    """
    found = {
        name
        for block in blocks
        if block.words <= MAX_COPYRIGHT_LINE_WORDS
        and (match := _COPYRIGHT.search(block.text))
        and not _CREDIT_AFTER.match(block.text, match.end())
        and person_like(name := _before_sentence_end(match.group("name")), stop)
        and starts_with_given_name(name)
        and not NOT_A_PERSON.search(name)
        and not any(word.isupper() and len(word) > 1 for word in name.split())
    }
    if len(found) != 1:
        return None
    name = found.pop()
    page = "\n".join(block.text for block in blocks)
    # a company's name goes on with words the page also writes in lower case ("Green Roads")
    surnames = [word.lower() for word in name.split()[1:] if word not in NAME_PARTICLES]
    return None if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", page) for w in surnames) else name
