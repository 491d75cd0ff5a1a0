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
from collections.abc import Iterable, Iterator, Mapping, Sequence

from cleaner.blocks import Block
from cleaner.lexicon import BYLINE, BYLINE_LABEL, BYLINE_TAIL
from cleaner.metadata.dated_names import dated_user, name_beside_date
from cleaner.metadata.dump_dates import block_date_text, block_dump_date
from cleaner.metadata.given_names import starts_with_given_name
from cleaner.metadata.name_patterns import (
    ANY_BY_WORD,
    BY_WORD,
    NAME,
    NAME_PARTICLES,
    NAME_TOKEN,
    NAME_WORD,
    in_sentence,
)

__all__ = [
    "ANY_BY_WORD",
    "BY_ANYWHERE",
    "EMBEDDED_BYLINES",
    "NAME_PARTICLES",
    "NAME_TOKEN",
    "NAME_WORD",
    "PICTURE_CREDIT",
    "embedded_bylines",
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

#: Lines at most this many blocks after the headline may name the author anywhere after
#: a "by" word ("Eine Kolumne von Jane Doe", "vor 2 Monaten von Jane Doe") ...
HEADLINE_BYLINE_BLOCKS = 4
#: ... when they are at most this many words long.
MAX_HEADLINE_BYLINE_WORDS = 12
#: The name after a "by" word of more languages (:data:`.name_patterns.ANY_BY_WORD`) there:
#: two words or more, or one user name in lower case ("gizzmo").
BY_ANYWHERE = re.compile(
    r"(?:^|(?<=[\s·|•,]))"
    + ANY_BY_WORD
    + r"\s+(?:"
    + NAME.replace("(?P<name>", "(?P<name>(?=\\S+\\s+[A-ZÀ-ÖØ-Þ])")
    + r"|(?P<user>[a-z][a-z0-9_.-]{2,30})(?=$|[\s·|•,]))"
)
#: A word in lower case of at least four letters after a user name, before any separator:
#: the sentence runs on ("by market share", "written by humans, not robots"), while a
#: user's byline ends, or goes on with a separator or a date ("von jdoe am 26/10/13").
_PROSE_AFTER = re.compile(r"[^|·•]*?(?<!\w)[a-zß-ÿ]{4,}(?!\w)")
#: A picture credit names the photographer, not the author.
PICTURE_CREDIT = re.compile(r"(?i:photo|foto|bild|image|picture|illustration|grafik)\w*\s*$")
EMBEDDED_BYLINES = (
    re.compile(
        r"(?:^|\b(?i:posted|written|published|reported|started|veröffentlicht|geschrieben|gepostet"
        r"|publiziert|erstellt|verfasst|eingestellt|publié|écrit|publicado|escrito|pubblicato|scritto|geplaatst)\b.{0,40}?)"
        r"\b" + BY_WORD + r"\s*:?\s+" + NAME
    ),
    re.compile(r"^(?i:by|von|por|par)(?=[A-ZÀ-Ö])" + NAME),
    re.compile(
        r"(?:^|[|•·∙]\s*)(?:author|autor(?:in)?|auteur|redaktion|reporter|text|texto|written by|geschrieben von)\s*[:：]\s*"
        + NAME,
        re.I,
    ),
    # "Author" without a colon, at the start or glued to the date before it (the label of
    # a blog theme: "Posted on 25. Januar 2022Author Jane Doe"); written to open with the
    # letter, the look back at what precedes it second (0.4 instead of 0.9 us a line)
    re.compile(r"[Aa](?<!\D[Aa])(?:(?i:uthor)|(?i:utor(?:in)?|uteur)(?=\s))\s*" + NAME),
    re.compile(
        r"^(?i:text|texte|texto|testo|tekst|ein\s+(?:artikel|beitrag)|artikel|beitrag|escribe|escrito\s+por"
        r"|publicado\s+por|gepostet|veröffentlicht|publiziert|verfasst)\s+(?i:von|por|par|by|di|door)?\s*"
        + NAME
    ),
    re.compile(r"(?:责任编辑|作者|编辑)\s*[:：]\s*(?P<name>\w{2,8})"),
    re.compile(r"^(?:about|über)\s+" + NAME + r"\s*$"),
)
#: What every match of the first :data:`EMBEDDED_BYLINES` pattern holds, searched first: that
#: pattern, tried at every position of every short line of the page, is costly. A "by" word
#: of :data:`BY_WORD` after no word character, then a name's first word; written to open
#: with the word's first letter (``\b`` and the whole word first let the regex engine skip
#: no position: 1.05 -> 0.50 us a short line), so it also finds a few non-words ("dar"),
#: which the pattern itself then rejects.
_BY_WORDS = BY_WORD.removeprefix("(?i:").removesuffix(")").split("|")
_BY_NAME_CORE = re.compile(
    f"(?i:[{''.join(sorted({w[0] for w in _BY_WORDS}))}])(?<!\\w.)"
    f"(?i:{'|'.join(w[1:] for w in _BY_WORDS)})" + r"\s*:?\s+" + NAME_WORD
)

#: For each :data:`EMBEDDED_BYLINES` pattern, characters of which each of its matches holds
#: one (a literal of the pattern that no case folding changes), tried before it: a label
#: needs its colon, the Chinese labels one of their characters (the label pattern alone
#: cost 0.6 us a short line, searched at every position); empty: no such test.
_EMBEDDED_NEEDS: tuple[tuple[str, ...], ...] = ((), (), (":", "："), (), (), ("编", "作"), ())

#: The whole line is a name (the line after a lone "Written by").
_NAME_LINE = re.compile(r"^" + NAME + r"$")
#: "03/01/2017 by Agatha Caleo": a "by" anywhere in a short line that also gives a date.
_DATED_BY = re.compile(r"\b" + BY_WORD + r"\s+" + NAME)
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
        user = dated_user(text, stop)
        if user:
            return user
        if beside is None:
            beside = name_beside_date(text, stop)
    return beside


def _embedded(text: str) -> re.Match[str] | None:
    """The match of the first :data:`EMBEDDED_BYLINES` pattern found in ``text``, or ``None``.

    >>> _embedded("Posted on May 3 by Jane Doe").group("name")
    'Jane Doe'
    >>> _embedded("Stand-by mode") is None
    True
    """
    return next(embedded_bylines(text), None)


def embedded_bylines(text: str) -> Iterator[re.Match[str]]:
    """The first match in ``text`` of each :data:`EMBEDDED_BYLINES` pattern that finds one,
    in the patterns' order.

    >>> [m.group("name") for m in embedded_bylines("Posted on May 3 by Jane Doe")]
    ['Jane Doe']
    """
    for k, pattern in enumerate(EMBEDDED_BYLINES):
        if k == 0 and _BY_NAME_CORE.search(text) is None:
            continue  # the first pattern cannot match without it
        needs = _EMBEDDED_NEEDS[k]
        if needs and not any(map(text.__contains__, needs)):
            continue  # a character every match holds is missing (most lines)
        found = pattern.search(text)
        if found:
            yield found


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
