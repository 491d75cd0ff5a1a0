"""Text features behind the block predicates: word counts, prose, headings.

Computed once per block (see :class:`cleaner.blocks.Block`); thresholds live here.

>>> count_words("Putin emphasized the importance of strengthening regional transport.")
8
>>> looks_like_prose("Putin emphasized the importance of strengthening regional transport.", 8)
True
>>> count_words("日本語の文章はスペースで区切られていません")
10
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cleaner.lexicon import SENTENCE_END

if TYPE_CHECKING:
    from cleaner.blocks import Block

__all__ = ["count_words", "is_heading_like", "is_prose", "is_short", "looks_like_prose", "one_hot"]

#: A sentence-like block has at least this many words (jusText's short/medium boundary is
#: ~10 words; 7 keeps short real paragraphs such as one-line quotes).
MIN_PROSE_WORDS = 7
#: Blocks this long are prose even without final punctuation (long list items, pasted text).
LONG_BLOCK_WORDS = 30
#: Scripts without spaces between words: count characters instead, this many per "word".
CJK_CHARS_PER_WORD = 2
#: Text counts as CJK when more than this share of its first characters are CJK.
CJK_SHARE = 1 / 3
#: Blocks with more than this share of their text inside links are never prose (jusText
#: calls 0.2 "good"; half is lenient enough for paragraphs dense with inline links).
MAX_PROSE_LINK_DENSITY = 0.5
#: A short block has at most this many words (menu items, labels, counters).
SHORT_WORDS = 4
#: Headings are at most this many words and do not end like a sentence.
MAX_HEADING_WORDS = 20

#: Characters of program code: a block at least :data:`MIN_CODE_CHARS` long in which more
#: than :data:`MAX_CODE_SHARE` of the characters are these is code (a script's minified
#: source that the dump tool printed as text), not prose. On the w3m dumps, blocks of 700
#: characters or more over 8%: 118 of one trafilatura-eval page (its whole core, before
#: the article) and 23 of two wcxb-dev pages (JSON of a listing's gold text, a
#: documentation page), none of them prose already. Shorter code is kept as it is: from 200
#: characters on, code examples of tech articles and documentation pages count too, and
#: wcxb-dev lost shingle F1 on both (w3m).
CODE_CHARS = "{}();=[]<>\"'"
MAX_CODE_SHARE = 0.08
MIN_CODE_CHARS = 700

_CJK = re.compile("[\u3040-\u9fff\uac00-\ud7af]")


def count_words(text: str) -> int:
    """Whitespace-separated words; for CJK text, characters / :data:`CJK_CHARS_PER_WORD`.

    The one word counter of the project: blocks (:attr:`cleaner.blocks.Block.words`), the
    HTML front end's prose test and the cascade's doubt all count with it.

    >>> count_words("three  little\\nwords"), count_words("日本語の文章はスペースを使いません")
    (3, 8)
    """
    if not text.isascii():  # (a constant-time test) an ASCII text is not CJK
        sample = text[:200]
        if _CJK.search(sample) and len(_CJK.findall(sample)) > CJK_SHARE * len(sample):
            return len(text) // CJK_CHARS_PER_WORD
    return len(text.split())


def same_text_key(text: str) -> str:
    """What two blocks must share to say the same thing: whitespace collapsed, case folded.

    >>> same_text_key("  Read  MORE\\n") == same_text_key("read more")
    True
    """
    return " ".join(text.split()).casefold()


def looks_like_prose(text: str, words: int) -> bool:
    """Enough words, and ending like a sentence (or simply long), and not code.

    >>> looks_like_prose('function(e){if(4===this.readyState){_=n(e)-d;var r=0===this.status}}' * 12, 40)
    False
    """
    if words >= LONG_BLOCK_WORDS:
        return not _is_code(text)
    return (
        words >= MIN_PROSE_WORDS and bool(SENTENCE_END.search(text[-4:])) and not _is_code(text)
    )


def _is_code(text: str) -> bool:
    """Is ``text`` a long run of program code (:data:`CODE_CHARS`)?"""
    return len(text) >= MIN_CODE_CHARS and (
        sum(map(text.count, CODE_CHARS)) > MAX_CODE_SHARE * len(text)
    )


def is_prose(block: Block) -> bool:
    return block.prose


def is_short(block: Block) -> bool:
    return block.words <= SHORT_WORDS


def is_heading_like(block: Block) -> bool:
    """A short standalone line that does not end like a sentence (a title or sub-heading)."""
    return (
        1 <= block.words <= MAX_HEADING_WORDS
        and block.kind in ("paragraph", "heading")
        and not block.text.endswith((".", ",", ";", ":"))
    )


def one_hot(value: float, edges: Sequence[float]) -> list[float]:
    """0/1 indicators of the bin of ``value`` (upper bounds ``edges``, plus an overflow bin).

    >>> one_hot(5, (1, 3, 10)), one_hot(50, (1, 3, 10))
    ([0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 1.0])
    """
    hot = next((k for k, edge in enumerate(edges) if value <= edge), len(edges))
    row = [0.0] * (len(edges) + 1)
    row[hot] = 1.0
    return row
