"""The block model shared by both front ends.

A :class:`Block` is one unit of the page that is kept or removed as a whole: a paragraph,
a heading, a list item, a line of a menu. The text front end makes blocks from lines and
blank-line paragraphs, the HTML front end from block-level elements; the layers only ever
see blocks, so the same rules serve both.
"""

from __future__ import annotations

import dataclasses
from collections.abc import MutableMapping, Sequence
from datetime import datetime
from typing import Literal, overload

from cleaner.features import MAX_PROSE_LINK_DENSITY, count_words, looks_like_prose
from cleaner.lexicon import SENTENCE_END, LinePatterns, line_patterns

__all__ = ["Block", "BlockKind", "opens_with_body"]

BlockKind = Literal["paragraph", "heading", "item", "line"]


class _PatternsOnFirstRead:
    """:attr:`Block.patterns`: :func:`~cleaner.lexicon.line_patterns` of the block's text,
    read on first use and stored in the block's ``__dict__`` under the same name. A
    descriptor without ``__set__``, so every later read finds the stored value before it:
    a plain attribute read instead of a property's call (0.1 us, ten times a block).

    >>> block = Block(0, "Most Read", "Most Read", "line", "line 1", 0)
    >>> "patterns" in vars(block), block.patterns.end_marker, "patterns" in vars(block)
    (False, True, True)
    """

    @overload
    def __get__(self, block: None, owner: type[Block]) -> _PatternsOnFirstRead: ...
    @overload
    def __get__(self, block: Block, owner: type[Block]) -> LinePatterns: ...
    def __get__(
        self, block: Block | None, owner: type[Block]
    ) -> LinePatterns | _PatternsOnFirstRead:
        if block is None:
            return self
        found = line_patterns(block.text)
        block.__dict__["patterns"] = found
        return found


@dataclasses.dataclass(frozen=True, init=False)
class Block:
    """One segment of the input.

    Attributes:
        index: position in document order, from 0.
        text: the block's text with markers (bullets, indentation) stripped.
        raw: the text as it stands in the normalised input (for the audit trail).
        kind: ``heading``, ``item`` (a bullet or numbered list entry), ``paragraph``
            (prose on its own), ``line`` (a line packed with others, no blank line between).
        where: ``"lines 3-4"`` or a CSS path.
        group: index of the blank-line group (text) or parent container (HTML) it is in;
            blocks of one group were written without a blank line between them.
        indent: leading spaces before any bullet (text) or nesting depth (HTML).
        link_density: share of the text inside links (HTML only; 0 for text dumps).
        start_line: first input line (text only; 0 for HTML).
    """

    index: int
    text: str
    raw: str
    kind: BlockKind
    where: str
    group: int
    indent: int = 0
    link_density: float = 0.0
    start_line: int = 0
    #: Number of words (characters / 2 for scripts written without spaces), computed
    #: at construction: every block's count is read, most of them several times.
    words: int = dataclasses.field(init=False, repr=False, compare=False)
    #: Sentence-like: enough words, ending like a sentence (or simply long), and not
    #: mostly link text (a long run of links is a menu, whatever its length).
    prose: bool = dataclasses.field(init=False, repr=False, compare=False)
    #: ``text.casefold()``, computed at construction: the repeat counts of the text model's
    #: end, the content layer and the title ranker and the rights test all read it.
    folded: str = dataclasses.field(init=False, repr=False, compare=False)
    #: The dates :func:`cleaner.metadata.dump_dates.block_dump_date` read in the block, by
    #: its arguments (``None`` before the first).
    dump_dates: MutableMapping[tuple[datetime | None, bool | None], str | None] | None = (
        dataclasses.field(default=None, init=False, repr=False, compare=False)
    )
    #: Whether the text :func:`cleaner.metadata.dump_dates.block_dump_date` reads may hold
    #: an absolute date (``None`` before the first ask; most short lines are asked several
    #: times, by the byline and the date rules, and hold none).
    absolute_date: bool | None = dataclasses.field(
        default=None, init=False, repr=False, compare=False
    )

    def __init__(
        self,
        index: int,
        text: str,
        raw: str,
        kind: BlockKind,
        where: str,
        group: int,
        indent: int = 0,
        link_density: float = 0.0,
        start_line: int = 0,
    ) -> None:
        """Set the fields and compute :attr:`words` and :attr:`prose` once.

        Written by hand rather than generated: a frozen dataclass's ``__init__`` sets each
        of the 14 attributes with its own call of ``object.__setattr__``; this one fills
        the instance's ``__dict__`` in one update (a text dump has hundreds of blocks:
        3.2-3.8 -> 2.2-2.4 us a block, the word count included).

        >>> block = Block(0, "two words", "two words", "line", "line 1", 0)
        >>> block.words, block.prose, Block(0, "STRASSE", "", "line", "", 0).folded
        (2, False, 'strasse')
        """
        words = count_words(text)
        self.__dict__.update(
            index=index,
            text=text,
            raw=raw,
            kind=kind,
            where=where,
            group=group,
            indent=indent,
            link_density=link_density,
            start_line=start_line,
            words=words,
            prose=link_density <= MAX_PROSE_LINK_DENSITY and looks_like_prose(text, words),
            folded=text.casefold(),
            dump_dates=None,
            absolute_date=None,
        )

    #: The whole-line patterns of :mod:`cleaner.lexicon` its text matches, read on first
    #: use and kept (the text model, several layers and the rankers all ask, about ten
    #: times a block; see :class:`_PatternsOnFirstRead`).
    patterns = _PatternsOnFirstRead()  # not annotated: no dataclass field


def opens_with_body(blocks: Sequence[Block], body: int) -> bool:
    """Whether a text opens with a paragraph of its body: the body starts at the first of
    ``blocks`` (``body`` is its position) and that block ends a sentence. Such a text has no
    header; it is a cleaned or half-cleaned text, whose title and end were already chosen.

    >>> from cleaner.text.segment import segment
    >>> opens_with_body(segment("The first sentence.\\n\\nMore of the body."), 0)
    True
    >>> opens_with_body(segment("Home | News\\n\\nThe first sentence."), 1)
    False
    """
    return body == 0 and bool(blocks) and SENTENCE_END.search(blocks[0].text) is not None
