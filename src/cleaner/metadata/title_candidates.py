"""Which lines of a text dump may be its title: the lines around the body start, and
headlines far from it that spell the address's slug or restate the lede.

>>> from cleaner.text.segment import segment
>>> blocks = segment("Council approves new budget\\n\\nThe council approved the budget on Tuesday.")
>>> may_be_title(blocks, 0, 1, {}), may_be_title(blocks, 1, 1, {})
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from cleaner.blocks import Block
from cleaner.features import is_heading_like
from cleaner.metadata.address import slug_overlap, word_forms

__all__ = [
    "MAX_MENU_ITEM_WORDS",
    "WINDOW_AFTER",
    "WINDOW_BEFORE",
    "between_labels",
    "may_be_title",
    "opening_sentence",
    "restating_lede",
    "spelled_at_body",
    "spelled_by_slug",
    "topic_words",
]

#: Candidates are looked for this many live blocks before the body start ...
WINDOW_BEFORE = 40
#: ... and this many from it on (the core may start on a prose line above the headline).
WINDOW_AFTER = 9
#: Titles are at most this many words.
MAX_TITLE_WORDS = 40
#: A text's very first block (nothing before it, removed or live) of at least this many
#: words that holds two sentences, or ends with a quoted or bracketed one, is the opening
#: of a cleaned text, not its headline ("One of the questions people ask me is, “How do I
#: start?”"): a second pass over a cleaned text took it for the title and cut it from the
#: body. A single long question may still be a headline (:func:`_headline_at_body`).
MIN_OPENING_SENTENCE_WORDS = 10
#: The body's first block is a candidate too when it is at most this many words and does
#: not end like a sentence (a long headline can read as prose).
MAX_PROSE_TITLE_WORDS = 25
#: Topic words (see :func:`topic_words`) are words of at least this many characters
#: (content words in most languages; short function words say nothing about the topic).
MIN_TOPIC_WORD_CHARS = 4
#: Lines outside the window are candidates when they cover at least this share of the
#: address's slug words ...
FAR_MIN_SLUG_COVER = 0.5
#: ... and hold at least this many of them (a quick first test on the raw text).
FAR_MIN_SLUG_WORDS = 2
#: The body's first block, a sentence by its form, is a candidate when at least this share
#: of its words spell the address's slug and they cover at least :data:`FAR_MIN_SLUG_COVER`
#: of it: a headline that ends with a period ("Ravenous goats ruled this island. Now it is
#: reborn.") where the body was found to start. Title accuracy with the URL
#: (trafilatura-eval, w3m / lynx): 0.818 / 0.826 -> 0.821 / 0.829; wcxb-dev unchanged
#: (the same pages from 0.4 to 0.6).
BODY_MIN_SLUG_SHARE = 0.5
#: Without a page address, heading-like lines outside the window are candidates when at
#: least this many of their topic words are in the lede ...
FAR_MIN_LEDE_WORDS = 3
#: ... and these make at least this share of their topic words (a headline far above
#: the body, after a long menu, restates its lede). Title accuracy without the URL
#: (wcxb-dev articles / trafilatura-eval): w3m 0.758 / 0.688 -> 0.761 / 0.692, lynx
#: 0.788 / 0.700 -> 0.789 / 0.705.
FAR_MIN_LEDE_SHARE = 0.6

#: A candidate of this many words between two control labels or footer links is one more
#: item of their menu, not a headline ("Home", "News", "Contact" over a text; the menus and
#: footer layers, which run after the header is read, remove the two labels but not the
#: item between them). Two words would lose a headline on the corpora ("Bootsdienst
#: Ausbildung" between a menu's labels; trafilatura-eval -1 page on each dump); one word
#: changes no title with a gold value.
MAX_MENU_ITEM_WORDS = 1
#: The labels on either side are at most this many words.
MAX_MENU_LABEL_WORDS = 2

_WORD = re.compile(r"\w+")
#: A sentence end inside a quote or brackets that closes the text ('... is, “How?”').
_QUOTED_END = re.compile(r"[.!?…][\"'”’»)\]]+$")
#: A sentence end followed by another sentence ("Are you? Are you not?").
_TWO_SENTENCES = re.compile(r"[.!?…][\"'”’»)\]]*\s+\S.*[.!?…][\"'”’»)\]]*$")


def topic_words(text: str) -> set[str]:
    """The case-folded words of ``text`` of at least :data:`MIN_TOPIC_WORD_CHARS` characters.

    >>> sorted(topic_words("The Council approves a new budget"))
    ['approves', 'budget', 'council']
    """
    return {w for w in _WORD.findall(text.casefold()) if len(w) >= MIN_TOPIC_WORD_CHARS}


def opening_sentence(block: Block, page: Sequence[Block]) -> bool:
    """Whether ``block``, the first of the live blocks, opens the whole text and reads as
    sentences of its body (see :data:`MIN_OPENING_SENTENCE_WORDS`).

    >>> from cleaner.text.segment import segment
    >>> blocks = segment("Are you saving enough? Are you saving for the right things at all?")
    >>> opening_sentence(blocks[0], blocks)
    True
    >>> blocks = segment("Why did the council approve a budget for the schools this year?")
    >>> opening_sentence(blocks[0], blocks)
    False
    """
    text = block.text
    return (
        page[0].index == block.index
        and block.words >= MIN_OPENING_SENTENCE_WORDS
        and (_QUOTED_END.search(text) is not None or _TWO_SENTENCES.search(text) is not None)
    )


def may_be_title(blocks: Sequence[Block], p: int, body: int, rules: Mapping[int, str]) -> bool:
    """Whether ``blocks[p]`` may be the title: not given another header rule, not too long,
    and not one of the body's own paragraphs (though the body's first block may be one)."""
    block = blocks[p]
    return (
        block.index not in rules
        and 1 <= block.words <= MAX_TITLE_WORDS
        and (p < body or not block.prose or (_headline_at_body(block) and p == body))
    )


def between_labels(block: Block, page: Mapping[int, Block]) -> bool:
    """Whether ``block`` is a short item between two short control labels or footer links
    (:attr:`~cleaner.lexicon.LinePatterns.boilerplate`; see :data:`MAX_MENU_ITEM_WORDS`).
    ``page`` maps every block's index to the block.

    >>> from cleaner.text.segment import segment
    >>> page = {b.index: b for b in segment("Home\\n\\nNews\\n\\nContact\\n\\nNews\\n\\nBody.")}
    >>> between_labels(page[1], page), between_labels(page[3], page)
    (True, False)
    """
    if block.words > MAX_MENU_ITEM_WORDS:
        return False
    neighbours = (page.get(block.index - 1), page.get(block.index + 1))
    return all(
        n is not None and n.words <= MAX_MENU_LABEL_WORDS and n.patterns.boilerplate
        for n in neighbours
    )


def spelled_by_slug(
    blocks: Sequence[Block],
    body: int,
    rules: Mapping[int, str],
    slug: frozenset[str],
    window: range,
) -> list[int]:
    """Positions outside ``window`` of lines that spell most of the address's slug (a
    headline far from where the body was found to start)."""
    if not slug:
        return []
    words = sorted(slug)
    found = []
    for p, block in enumerate(blocks):
        if p in window or not may_be_title(blocks, p, body, rules):  # cheaper: first
            continue
        spelled = _as_spelled(block.text)
        # the words the search finds are among those the line holds (most lines hold
        # fewer than needed, and are not searched)
        held = [w for w in words if w in spelled]
        if len(held) < FAR_MIN_SLUG_WORDS:
            continue
        if (
            len(_alternation_finds(held, spelled)) >= FAR_MIN_SLUG_WORDS
            and slug_overlap(block.text, slug)[1] >= FAR_MIN_SLUG_COVER
        ):
            found.append(p)
    return found


def _alternation_finds(words: Sequence[str], text: str) -> set[str]:
    """``set(re.findall("|".join(words), text))`` for ``words`` of letters and digits, without
    compiling a pattern for each page's words (0.1-0.2 ms each): the matches the regex
    engine takes, left to right, each the first of ``words`` in their order that occurs
    where the scan stands, the scan going on after it.

    >>> sorted(_alternation_finds(["budget", "council", "get"], "councilbudget get"))
    ['budget', 'council', 'get']
    >>> sorted(_alternation_finds(["ab", "bc"], "abc"))
    ['ab']
    """
    starts = []
    for k, word in enumerate(words):
        at = text.find(word)
        while at >= 0:
            starts.append((at, k))
            at = text.find(word, at + 1)
    taken: set[str] = set()
    free = 0  # where the scan stands: the end of the last match
    for at, k in sorted(starts):
        if at >= free:
            taken.add(words[k])
            free = at + len(words[k])
    return taken


def _as_spelled(text: str) -> str:
    """``text`` case-folded, and when it is not ASCII, its words as an address spells them
    too (:func:`~cleaner.metadata.address.word_forms`: "Ratschläge" is "ratschlage" and
    "ratschlaege" in the slug).

    >>> _as_spelled("Ratschläge geben")
    'ratschläge geben geben ratschlaege ratschlage'
    """
    folded = text.casefold()
    return folded if folded.isascii() else f"{folded} {' '.join(sorted(word_forms(text)))}"


def spelled_at_body(
    blocks: Sequence[Block], body: int, rules: Mapping[int, str], slug: frozenset[str]
) -> bool:
    """Whether the body's first block, prose that :func:`may_be_title` leaves out, spells
    the address's slug (see :data:`BODY_MIN_SLUG_SHARE`): the headline read as the body.

    >>> from cleaner.metadata.address import slug_words
    >>> from cleaner.text.segment import segment
    >>> blocks = segment("Goats ruled this island. Now it is reborn.\\n\\nThe goats are gone.")
    >>> slug = slug_words("https://example.org/2020/01/goats-ruled-island-now-reborn")
    >>> spelled_at_body(blocks, 0, {}, slug), spelled_at_body(blocks, 1, {}, slug)
    (True, False)
    """
    block = blocks[body]
    share, cover = slug_overlap(block.text, slug)
    return (
        block.index not in rules
        and block.words <= MAX_PROSE_TITLE_WORDS
        and share >= BODY_MIN_SLUG_SHARE
        and cover >= FAR_MIN_SLUG_COVER
    )


def restating_lede(
    blocks: Sequence[Block],
    body: int,
    rules: Mapping[int, str],
    lede: set[str],
    window: range,
) -> set[int]:
    """Positions outside ``window`` of heading-like lines whose topic words are mostly in
    the ``lede`` (see :data:`FAR_MIN_LEDE_WORDS`): the headline far from where the body was
    found to start, for a page without an address to spell it.

    >>> from cleaner.text.segment import segment
    >>> blocks = segment("Council approves new budget after debate\\n\\nMenu\\n\\nThe council approved the new budget after a long debate.")
    >>> sorted(restating_lede(blocks, 2, {}, topic_words(blocks[2].text), range(1, 3)))
    [0]
    """
    found = set()
    for p, block in enumerate(blocks):
        if p in window or not lede or not is_heading_like(block):
            continue
        topic = topic_words(block.text)
        shared = len(topic & lede)
        if (
            shared >= FAR_MIN_LEDE_WORDS
            and shared >= FAR_MIN_LEDE_SHARE * len(topic)
            and may_be_title(blocks, p, body, rules)
        ):
            found.add(p)
    return found


def _headline_at_body(block: Block) -> bool:
    """Whether the body's first block may be the headline: short, not ending a sentence."""
    return block.words <= MAX_PROSE_TITLE_WORDS and not block.text.endswith((".", "…", ":"))
