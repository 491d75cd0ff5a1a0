"""Shared predicates on blocks: what looks like prose, like a menu item, like a heading.

>>> from cleaner.blocks import Block
>>> b = Block(0, "Putin emphasized the importance of strengthening regional transport.", "", "paragraph", "", 0)
>>> is_prose(b), is_short(b)
(True, False)
"""

from __future__ import annotations

from cleaner.blocks import Block
from cleaner.lexicon import SENTENCE_END

__all__ = ["is_cjk", "is_heading_like", "is_prose", "is_short", "prose_chars"]

#: A sentence-like block has at least this many words (jusText's short/medium boundary is
#: ~10 words; 7 keeps short real paragraphs such as one-line quotes).
MIN_PROSE_WORDS = 7
#: Blocks this long are prose even without final punctuation (long list items, pasted text).
LONG_BLOCK_WORDS = 30
#: Scripts without spaces between words: count characters instead, this many per "word".
CJK_CHARS_PER_WORD = 2
#: A short block has at most this many words (menu items, labels, counters).
SHORT_WORDS = 4
#: Headings are at most this many words and do not end like a sentence.
MAX_HEADING_WORDS = 20


def is_cjk(text: str) -> bool:
    """True when most letters are CJK (words are not separated by spaces)."""
    sample = text[:200]
    cjk = sum(1 for ch in sample if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    return cjk > len(sample) // 3


def word_count(block: Block) -> int:
    if is_cjk(block.text):
        return len(block.text) // CJK_CHARS_PER_WORD
    return block.words


def is_prose(block: Block) -> bool:
    """Sentence-like: enough words, and ending like a sentence (or simply long)."""
    words = word_count(block)
    if words >= LONG_BLOCK_WORDS:
        return True
    return words >= MIN_PROSE_WORDS and bool(SENTENCE_END.search(block.text))


def is_short(block: Block) -> bool:
    return word_count(block) <= SHORT_WORDS


def is_heading_like(block: Block) -> bool:
    """A short standalone line that does not end like a sentence (a title or sub-heading)."""
    words = word_count(block)
    return (
        1 <= words <= MAX_HEADING_WORDS
        and block.kind in ("paragraph", "heading")
        and not block.text.endswith((".", ",", ";", ":"))
    )


def prose_chars(block: Block) -> int:
    return len(block.text) if is_prose(block) else 0
