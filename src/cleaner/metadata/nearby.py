"""Fallback metadata from anywhere in a dump: the byline line nearest the body (dates:
:mod:`cleaner.metadata.nearby_dates`).

When the header zone holds no byline or dateline, the author and the date are often still
on the page: in a "Posted by X on <date>" line under the body, in an author box ("About X"),
in a forum's "started by X". These functions rank such lines by their distance to the start
of the article core, lines before the body first.

>>> from cleaner.text.segment import segment
>>> blocks = segment("Menu\\n\\nHeadline\\n\\nA body paragraph of the article with enough words.\\n\\nPosted by Jane Doe on March 3, 2024")
>>> nearest_byline(blocks, 2)
'Jane Doe'
>>> nearest_byline(segment("Headline\\n\\nWritten by\\n\\nJane Doe\\n\\nA body paragraph."), 3)
'Jane Doe'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from cleaner.blocks import Block
from cleaner.lexicon import BYLINE, BYLINE_LABEL, BYLINE_TAIL
from cleaner.metadata.dates import find_date, is_month_name, strip_dates
from cleaner.metadata.dump_dates import (
    block_date_text,
    block_dump_date,
    unglue_digits,
)
from cleaner.metadata.given_names import starts_with_given_name

__all__ = [
    "ANY_BY_WORD",
    "BY_ANYWHERE",
    "EMBEDDED_BYLINES",
    "NAME_PARTICLES",
    "NAME_TOKEN",
    "NAME_WORD",
    "PICTURE_CREDIT",
    "nearer_after_headline",
    "nearest_byline",
    "ranked_short_lines",
]

#: Lines longer than this are prose, not bylines or datelines.
MAX_LINE_WORDS = 25
#: Lines after the body start count this many times their distance (before-body lines win).
AFTER_BODY_COST = 2
#: A line after the headline counts this much nearer than its distance (it wins a tie).
AFTER_HEADLINE_BONUS = 0.5

#: A capitalised word of a name, in a pattern ("Doe", "O'Neil", "Lange-Fricke", "J.").
NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]+"
#: A whole token that may be a word of a name (capitalised; "J." too).
NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")
#: The next word of a name, after up to two particles ("Marna van der Merwe").
_NEXT_NAME_WORD = r"[ \t]{1,2}(?:(?:de|van|von|der|da|di|del|la|le)[ \t]+){0,2}" + NAME_WORD
#: Names of a byline: one name of one to four words, then further names of two words or
#: more after a comma, "&" or "and" ("Jane Doe, John Roe and Max Muster").
_NAME = (
    r"(?P<name>" + NAME_WORD + r"(?:" + _NEXT_NAME_WORD + r"){0,3}"
    r"(?:(?:[ \t]*[,&][ \t]*|[ \t]+(?i:and|und|et|y|e)[ \t]+)"
    + NAME_WORD
    + r"(?:"
    + _NEXT_NAME_WORD
    + r"){1,3}){0,4})"
)
#: Words that introduce the author inside a longer line ("Posted on ... by", "Gepostet von").
_BY_WORD = r"(?i:by|von|par|por|door|di)"
#: Lines at most this many blocks after the headline may name the author anywhere after
#: a "by" word ("Eine Kolumne von Jane Doe", "vor 2 Monaten von Jane Doe") ...
HEADLINE_BYLINE_BLOCKS = 4
#: ... when they are at most this many words long.
MAX_HEADLINE_BYLINE_WORDS = 12
#: The "by" words of such lines, in more languages (durch: German, af/av: Nordic); the
#: byline span candidates (:mod:`.byline_candidates`) read them too.
ANY_BY_WORD = r"(?i:by|von|durch|par|por|door|di|af|av)"
#: The name after them: two words or more, or one user name in lower case ("gizzmo").
BY_ANYWHERE = re.compile(
    r"(?:^|(?<=[\s·|•,]))"
    + ANY_BY_WORD
    + r"\s+(?:"
    + _NAME.replace("(?P<name>", "(?P<name>(?=\\S+\\s+[A-ZÀ-ÖØ-Þ])")
    + r"|(?P<user>[a-z][a-z0-9_.-]{2,30})(?=$|[\s·|•,]))"
)
#: A word in lower case of at least four letters after a user name, before any separator:
#: the sentence runs on ("by market share", "written by humans, not robots"), while a
#: user's byline ends, or goes on with a separator or a date ("von jdoe am 26/10/13").
_PROSE_AFTER = re.compile(r"[^|·•]*?(?<!\w)[a-zß-ÿ]{4,}(?!\w)")
#: A "by" word after at least this many words of a sentence in lower case (three letters or
#: more, no month or name particle) is the sentence's ("Die Polizei fand die Leiche von
#: Jane Doe", "peu estimé par Jane Doe"), not a byline's ("Posted on May 3 by Jane Doe").
MIN_SENTENCE_WORDS_BEFORE = 2
#: The shortest word counted so ("on", "am", "el" are a byline's too).
MIN_SENTENCE_WORD_LETTERS = 3
#: A picture credit names the photographer, not the author.
PICTURE_CREDIT = re.compile(r"(?i:photo|foto|bild|image|picture|illustration|grafik)\w*\s*$")
EMBEDDED_BYLINES = (
    re.compile(
        r"(?:^|\b(?i:posted|written|published|reported|started|veröffentlicht|geschrieben|gepostet"
        r"|publiziert|erstellt|verfasst|publié|écrit|publicado|escrito|pubblicato|scritto|geplaatst)\b.{0,40}?)"
        r"\b" + _BY_WORD + r"\s*:?\s+" + _NAME
    ),
    re.compile(r"^(?i:by|von|por|par)(?=[A-ZÀ-Ö])" + _NAME),
    re.compile(
        r"(?:^|[|•·∙]\s*)(?:author|autor(?:in)?|auteur|redaktion|reporter|text|texto|written by|geschrieben von)\s*[:：]\s*"
        + _NAME,
        re.I,
    ),
    # "Author" without a colon, at the start or glued to the date before it (the label of
    # a blog theme: "Posted on 25. Januar 2022Author Jane Doe"); written to open with the
    # letter, the look back at what precedes it second (0.4 instead of 0.9 us a line)
    re.compile(r"[Aa](?<!\D[Aa])(?:(?i:uthor)|(?i:utor(?:in)?|uteur)(?=\s))\s*" + _NAME),
    re.compile(
        r"^(?i:text|texte|texto|testo|tekst|ein\s+(?:artikel|beitrag)|artikel|beitrag|escribe|escrito\s+por"
        r"|publicado\s+por|gepostet|veröffentlicht|publiziert|verfasst)\s+(?i:von|por|par|by|di|door)?\s*"
        + _NAME
    ),
    re.compile(r"(?:责任编辑|作者|编辑)\s*[:：]\s*(?P<name>\w{2,8})"),
    re.compile(r"^(?:about|über)\s+" + _NAME + r"\s*$"),
)
#: What every match of the first :data:`EMBEDDED_BYLINES` pattern holds, searched first: that
#: pattern, tried at every position of every short line of the page, is costly.
_BY_NAME_CORE = re.compile(r"\b" + _BY_WORD + r"\s*:?\s+" + NAME_WORD)

#: The whole line is a name (the line after a lone "Written by").
_NAME_LINE = re.compile(r"^" + _NAME + r"$")
#: "03/01/2017 by Agatha Caleo": a "by" anywhere in a short line that also gives a date.
_DATED_BY = re.compile(r"\b" + _BY_WORD + r"\s+" + _NAME)
#: "Jane Doe | 4 Nov 2025", "Jane Doe, 03.11.2023 15:32", "● Jane Doe": a name opening a
#: short line that also gives a date ...
_NAME_FIRST = re.compile(r"^[●•·∙]?\s*" + _NAME + r"\s*(?:$|[|,/•·∙–—-]|(?=\d))")
#: ... or closing it: "1. Februar 2022, Jane Doe".
_NAME_LAST = re.compile(r"(?:^|[|,/•·∙–—-])\s*" + _NAME + r"\s*$")
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
#: A name beside a date has at least this many words (one capitalised word beside a date
#: is more often a weekday, a place or a section).
MIN_DATED_NAME_WORDS = 2
MAX_DATED_BYLINE_WORDS = 16
#: A name beside a date yields to an explicit byline ("Von Jane Doe", "Posted by ...") on
#: one of this many lines ranked after it (an editor's name and a date stamp may sit above
#: the author's line). Development corpora, w3m and lynx alike: 2 changed no page, 5 named
#: the right author on one more trafilatura-eval page and changed no other right one.
EXPLICIT_AFTER_DATED_LINES = 5


def ranked_short_lines(
    blocks: Sequence[Block], anchor: int, headline: int | None = None
) -> Iterable[Block]:
    """Short blocks, nearest to ``anchor`` (a block index) first, lines before it preferred;
    with a ``headline`` (its block index), the lines after it count their distance to it
    when that is nearer (the byline follows the headline)."""
    short = [b for b in blocks if b.words <= MAX_LINE_WORDS]

    def cost(b: Block) -> float:
        near_body = (
            (anchor - b.index) if b.index < anchor else (b.index - anchor + 1) * AFTER_BODY_COST
        )
        return nearer_after_headline(b.index, near_body, headline)

    return sorted(short, key=cost)


def nearer_after_headline(index: int, distance: float, headline: int | None) -> float:
    """``distance`` (a line's to the body), or the line's distance after the ``headline``
    (a block index) when that is nearer; a line after the headline wins a tie (see
    :data:`AFTER_HEADLINE_BONUS`).

    >>> nearer_after_headline(5, 4, 3), nearer_after_headline(5, 4, None), nearer_after_headline(2, 4, 3)
    (1.5, 4, 4)
    """
    if headline is None or index <= headline:
        return distance
    return min(distance, index - headline - AFTER_HEADLINE_BONUS)


def nearest_byline(
    blocks: Sequence[Block],
    anchor: int,
    stop: frozenset[str] = frozenset(),
    headline: int | None = None,
) -> str | None:
    """The author name of the byline-like line nearest the body or after the ``headline``
    (block index), or ``None``.

    ``stop`` are the page language's stop words: a name beside a date has none.
    """
    blocks_at = {b.index: b for b in blocks}
    after = {b.index - 1: b for b in blocks}  # the block after each block
    beside: str | None = None  # the nearest name beside a date, if any
    lines_after_beside = 0
    for block in ranked_short_lines(blocks, anchor, headline):
        if beside is not None:
            lines_after_beside += 1
            if lines_after_beside > EXPLICIT_AFTER_DATED_LINES:
                return beside
        if block.patterns.footer_line:
            continue
        if BYLINE_LABEL.match(block.text) and block.index in after:
            label_name = _NAME_LINE.match(after[block.index].text.strip(" ,.:"))
            if label_name:
                return label_name.group("name")
        match = BYLINE.match(block.text) if block.patterns.byline else None
        if match and block.words <= 12 and not _in_byline_list(block, blocks_at):
            name = BYLINE_TAIL.sub("", match.group("name")).strip(" ,.:")
            if name and name[0].isupper():
                return name
        found = _embedded(block.text)
        if found:
            return found.group("name").strip(" ,.:")
        if (
            headline is not None
            and 0 < block.index - headline <= HEADLINE_BYLINE_BLOCKS
            and block.words <= MAX_HEADLINE_BYLINE_WORDS
        ):
            anywhere = BY_ANYWHERE.search(block.text)
            if (
                anywhere
                and not PICTURE_CREDIT.search(block.text[: anywhere.start()])
                and not in_sentence(block.text[: anywhere.start()])
            ):
                user = anywhere.group("user")
                if user is None or (
                    user not in stop and not _PROSE_AFTER.match(block.text, anywhere.end())
                ):
                    return (anywhere.group("name") or user).strip(" ,.:")
        if block.words > MAX_DATED_BYLINE_WORDS:
            continue
        if block_dump_date(block) is None:
            continue
        text = block_date_text(block)
        dated = next(
            (m for m in _DATED_BY.finditer(text) if not _particle_after_given_name(m)), None
        )
        if dated:
            return _before_stop_word(dated.group("name"), stop).strip(" ,.:")
        if beside is None:
            beside = _name_beside_date(text, stop)
    return beside


def _embedded(text: str) -> re.Match[str] | None:
    """The match of the first :data:`EMBEDDED_BYLINES` pattern found in ``text``, or ``None``.

    >>> _embedded("Posted on May 3 by Jane Doe").group("name")
    'Jane Doe'
    >>> _embedded("Stand-by mode") is None
    True
    """
    for k, pattern in enumerate(EMBEDDED_BYLINES):
        if k == 0 and _BY_NAME_CORE.search(text) is None:
            continue  # the first pattern cannot match without it
        found = pattern.search(text)
        if found:
            return found
    return None


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


def _in_byline_list(block: Block, blocks_at: Mapping[int, Block]) -> bool:
    """Whether the block before or after ``block`` reads as a byline too: a filter menu
    ("By Industry", "By Role"), not an author.

    >>> from cleaner.text.segment import segment
    >>> blocks = segment("By Industry\\n\\nBy Role\\n\\nBy Jane Doe")
    >>> at = {b.index: b for b in blocks}
    >>> _in_byline_list(blocks[0], at), _in_byline_list(blocks[2], at)
    (True, True)
    """
    neighbours = (blocks_at.get(block.index - 1), blocks_at.get(block.index + 1))
    return any(n is not None and n.patterns.byline for n in neighbours)


def _particle_after_given_name(match: re.Match[str]) -> bool:
    """Whether the "by" word of ``match`` is a name's particle after its given name
    ("Christoph von Ritter 24. April 2020"), not the byline's "by".

    >>> _particle_after_given_name(_DATED_BY.search("Christoph von Ritter 24. April 2020"))
    True
    >>> _particle_after_given_name(_DATED_BY.search("Text von Jane Doe, 24. April 2020"))
    False
    """
    by_word = match.group().split(None, 1)[0]
    before = match.string[: match.start()].split()
    return by_word in NAME_PARTICLES and bool(before) and starts_with_given_name(before[-1])


def _before_stop_word(name: str, stop: frozenset[str]) -> str:
    """``name`` up to its first stop word after the first word ("Jane Roe Ein Kommentar").

    >>> _before_stop_word("Jane Roe Ein Kommentar", frozenset({"ein"}))
    'Jane Roe'
    """
    words = name.split()
    for k, word in enumerate(words[1:], start=1):
        if word.lower() in stop and word.lower() not in NAME_PARTICLES:
            return " ".join(words[:k])
    return name


def _is_name(name: str, stop: frozenset[str]) -> bool:
    """Two to four capitalised words, none of them a month name or a stop word other than a
    name particle ("Christoph von Ritter")."""
    words = [w.strip(".,") for w in name.split()]
    return len(words) >= MIN_DATED_NAME_WORDS and not any(
        (w.lower() in stop and w not in NAME_PARTICLES) or find_date(f"1 {w} 2000") for w in words
    )


def _name_beside_date(text: str, stop: frozenset[str] = frozenset()) -> str | None:
    """The name that opens or closes a dated line: "Jane Doe | 4 Nov 2025".

    >>> _name_beside_date("Christian Kahle,  03.11.2023 15:32 Uhr")
    'Christian Kahle'
    >>> _name_beside_date("1. Februar 2022 , Daniel Dillenburg")
    'Daniel Dillenburg'
    >>> _name_beside_date("Donnerstag, 3. März 2022") is None
    True
    >>> _name_beside_date("Tanja Karrasch3.11.2023")
    'Tanja Karrasch'
    >>> _name_beside_date("Updated March 3, 2024") is None
    True
    >>> _name_beside_date("Posted On March 3, 2024", frozenset({"on"})) is None
    True
    """
    text = unglue_digits(text)
    first = _NAME_FIRST.match(text)
    if first and _is_name(first.group("name"), stop):
        return first.group("name").strip(" ,.:")
    last = _NAME_LAST.search(strip_dates(text).strip())
    if last and _is_name(last.group("name"), stop):
        return last.group("name").strip(" ,.:")
    return None
