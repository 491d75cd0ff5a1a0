"""What the byline span ranker (:mod:`.byline_spans`) reads from the whole page, once a
page: its text, its body's prose, the headline and the first blocks, and, asked span by
span, whether the page writes a word in lower case elsewhere (names it does not), how
often it holds a text and which lines give a date.

>>> from cleaner.text.segment import segment
>>> page = BylinePage.of(segment("Jane Doe\\n\\nthe doe family"), {}, 0, frozenset(), None, None)
>>> page.writes_lower("doe"), page.writes_lower("jane"), page.count("Doe")
(True, False, 1)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cleaner.blocks import Block
from cleaner.metadata.dump_dates import block_dump_date
from cleaner.metadata.nearby import NAME_TOKEN

__all__ = ["MAX_LIST_ENTRY_WORDS", "MAX_LOWER_WORD_PLACES", "TOP_BLOCKS", "BylinePage"]

#: Lines of at most this many capitalised words before and after a line make it an entry
#: of a list (authors of other articles, a menu), not the byline.
MAX_LIST_ENTRY_WORDS = 4
#: The page's first blocks hold its site name and menu, seldom its author.
TOP_BLOCKS = 3
_LOWER_START, _WORD_REST, _INSIDE_AFTER = "[a-zß-ÿ]", r"[\w'’-]", r"[\w'’.-]"
#: A word written in lower case: a lower-case letter, then word characters, apostrophes
#: and hyphens ...
_LOWER_WORD = re.compile(f"{_LOWER_START}{_WORD_REST}*")
#: ... not inside a longer token (the letter first, then a look back at what precedes it:
#: the regex engine then skips from letter to letter).
_LOWER_WORD_IN_TEXT = re.compile(
    f"{_LOWER_START}(?<!{_INSIDE_AFTER}{_LOWER_START}){_WORD_REST}*"
)
#: What may not precede a lower-case word (it would be inside a longer token) ...
_BEFORE_LOWER_WORD = re.compile(_INSIDE_AFTER)
#: ... and what may not follow it (the word would go on).
_AFTER_LOWER_WORD = re.compile(_WORD_REST)
#: :meth:`BylinePage.writes_lower` looks at this many places where the page holds a word before
#: it reads all the page's lower-case words at once (a short word inside many others).
MAX_LOWER_WORD_PLACES = 50
#: The key of :attr:`BylinePage.lower` that says every lower-case word of the page is in it.
_ALL_LOWER_READ = ""


@dataclass(frozen=True, slots=True)
class BylinePage:
    """What the features read from the whole page, computed once per page."""

    blocks: Sequence[Block]
    removed: Mapping[int, str]
    body: int
    headline: int | None
    stop: frozenset[str]
    text: str
    body_text: str
    headline_text: str
    top_text: str
    end: int | None
    #: :meth:`has_date` by position, filled as it is asked (each line is asked up to 3 times)
    dated: dict[int, bool] = field(default_factory=dict)
    #: :meth:`writes_lower` by word, filled as it is asked
    lower: dict[str, bool] = field(default_factory=dict)
    #: :meth:`count` by text, filled as it is asked
    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        blocks: Sequence[Block],
        removed: Mapping[int, str],
        anchor: int,
        stop: frozenset[str],
        headline: int | None,
        end: int | None,
    ) -> BylinePage:
        texts = [b.text for b in blocks]
        body = next((p for p, b in enumerate(blocks) if b.index >= anchor), len(blocks))
        text = "\n".join(texts)
        return cls(
            blocks=blocks,
            removed=removed,
            body=body,
            headline=headline,
            stop=stop,
            text=text,
            body_text="\n".join(
                b.text for b in blocks[body:] if b.prose and b.index not in removed
            ),
            headline_text=texts[headline] if headline is not None else "",
            top_text="\n".join(texts[:TOP_BLOCKS]),
            end=end,
        )

    def writes_lower(self, word: str) -> bool:
        """Whether the page writes ``word`` as a whole word in lower case (common words,
        seldom a name's): a lower-case letter not inside a longer token, the word's
        other characters, then no more of them.

        Only the few words of the candidate spans are asked, so each is looked for where
        the page holds it; a word held in too many places (inside other words) falls back
        to reading every lower-case word of the page once.

        >>> from cleaner.text.segment import segment
        >>> page = BylinePage.of(segment("the jane-doe x.data doe's"), {}, 0, frozenset(), None, None)
        >>> [page.writes_lower(w) for w in ("the", "jane", "jane-doe", "data", "doe's", "doe")]
        [True, False, True, False, True, False]
        """
        known = self.lower.get(word)
        if known is not None or _ALL_LOWER_READ in self.lower:
            return bool(known)
        found = False
        if _LOWER_WORD.fullmatch(word):
            text, size = self.text, len(word)
            at = text.find(word)
            for _ in range(MAX_LOWER_WORD_PLACES):
                if at < 0:
                    break
                if (at == 0 or not _BEFORE_LOWER_WORD.match(text, at - 1)) and not (
                    _AFTER_LOWER_WORD.match(text, at + size)
                ):
                    found = True
                    break
                at = text.find(word, at + 1)
            else:
                found = word in self._lower_words()
        self.lower[word] = found
        return found

    def _lower_words(self) -> frozenset[str]:
        """Every word the page writes in lower case (see :meth:`writes_lower`), read once."""
        words = frozenset(_LOWER_WORD_IN_TEXT.findall(self.text))
        self.lower.update(dict.fromkeys(words, True))
        self.lower[_ALL_LOWER_READ] = True  # any word not among them: not written so
        return words

    def count(self, text: str) -> int:
        """How many times the page holds ``text`` (``str.count``: not overlapping)."""
        found = self.counts.get(text)
        if found is None:
            found = self.counts[text] = self.text.count(text)
        return found

    def has_date(self, p: int) -> bool:
        """Whether the block at ``p`` gives a date."""
        if p not in self.dated:
            self.dated[p] = 0 <= p < len(self.blocks) and (
                block_dump_date(self.blocks[p]) is not None
            )
        return self.dated[p]

    def name_shaped(self, p: int) -> bool:
        """Whether the line at ``p`` is a short run of capitalised words (an entry of a
        list of names or labels, when both neighbours of a line are)."""
        if not 0 <= p < len(self.blocks) or not 1 <= self.blocks[p].words <= MAX_LIST_ENTRY_WORDS:
            return False
        return all(NAME_TOKEN.match(t) for t in self.blocks[p].text.split())
