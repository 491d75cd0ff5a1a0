"""Split a text dump into blocks: one per line, or per paragraph when lines are hard-wrapped.

Dumps keep the layout that the tags gave: bullets mark list items, a blank line ends a
paragraph, lines written without a blank line between them (``group``) belong to one list
or one wrapped paragraph.

>>> blocks = segment("Title\\n\\n  • News\\n  • Sport\\n\\nA body paragraph.\\n")
>>> [(b.kind, b.text, b.where) for b in blocks]
[('paragraph', 'Title', 'line 1'), ('item', 'News', 'line 3'), ('item', 'Sport', 'line 4'), ('paragraph', 'A body paragraph.', 'line 6')]
>>> [b.text for b in segment("This paragraph was wrapped by a mail client at a fixed\\nwidth of about sixty characters per line, and so its lines\\nare joined again.")]
['This paragraph was wrapped by a mail client at a fixed width of about sixty characters per line, and so its lines are joined again.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from cleaner.blocks import Block, BlockKind

__all__ = ["segment"]

#: Hard-wrapped text (mail, copy-paste, ``fmt``) has lines no wider than this; dumps made
#: with a wide terminal never wrap, so wider lines are never joined.
MAX_WRAP_WIDTH = 100
#: ... and at least this wide (short packed lines are lists and tickers, not wrapped prose).
MIN_WRAP_WIDTH = 55
#: A line counts as wrapped when it fills at least this share of the group's widest line.
MIN_WRAP_FILL = 0.6
#: Lines shorter than this are never treated as wrapped prose.
MIN_WRAPPED_LINE = 35

#: w3m uses •, lynx * + o # for nested levels; elinks and copy-paste use - · ▪ ◦ ‣ and numbers.
_BULLET = re.compile(
    r"^(?P<indent>\s*)(?P<mark>[•*+#·▪◦‣●○■□–-]|o(?=\s)|\d{1,3}[.)])\s+(?P<rest>\S.*)$"
)
_SENTENCE_END = re.compile(r"[.!?…:;\"”’»)\]]$")
#: The marks of :data:`_BULLET` that are single characters besides digits: a line whose first
#: character after its leading whitespace (``\s``: what ``str.lstrip`` strips) is none of
#: them nor a digit (``\d``: ``str.isdecimal``) is no item, and the pattern is not tried.
_MARK_CHARS = frozenset("•*+#·▪◦‣●○■□–-o")


def _may_be_bullet(line: str) -> bool:
    """Whether ``line`` opens with a mark of :data:`_MARK_CHARS` or a digit (else
    :data:`_BULLET` cannot match it)."""
    first = line.lstrip()[:1]
    return first in _MARK_CHARS or first.isdecimal()


def _is_bullet(line: str) -> bool:
    """Whether :data:`_BULLET` matches ``line`` (a cheap look at its first mark first)."""
    return _may_be_bullet(line) and _BULLET.match(line) is not None


def _bullet(line: str) -> tuple[int, str] | None:
    if not _may_be_bullet(line):
        return None
    match = _BULLET.match(line)
    if match is None:
        return None
    return len(match.group("indent").expandtabs()), match.group("rest").strip()


def _is_wrapped(prev: str, nxt: str, width: int) -> bool:
    """``prev`` continues on ``nxt``: near the group's width, not a sentence end, and the next
    word would not have fitted on it (which is why the writer broke the line)."""
    stripped = prev.rstrip()
    next_word = nxt.split(maxsplit=1)[0] if nxt.strip() else ""
    return (
        len(stripped) + 1 + len(next_word) > width
        and len(stripped) >= max(MIN_WRAPPED_LINE, MIN_WRAP_FILL * width)
        and not _is_bullet(prev)
        and not stripped.endswith((".", "!", "?", ":", "”", '"'))
    )


def _groups(lines: Sequence[str]) -> Iterator[tuple[int, Sequence[str]]]:
    """(position of the first line, lines) of each maximal run of non-blank lines."""
    start = -1
    for i, line in enumerate(lines):
        blank = not line or line.isspace()
        if blank and start >= 0:
            yield start, lines[start:i]
            start = -1
        elif not blank and start < 0:
            start = i
    if start >= 0:
        yield start, lines[start:]


def _chunks(group: Sequence[str]) -> Iterator[tuple[int, Sequence[str]]]:
    """(position in ``group``, lines) of each block of a group: a line, or the lines of a
    hard-wrapped paragraph."""
    width = max(len(line.rstrip()) for line in group) if len(group) > 1 else 0
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:  # one line each (a lone one too)
        yield from enumerate(zip(group))
        return
    j = 0
    while j < len(group):
        first = j
        while (
            j + 1 < len(group)
            and _is_wrapped(group[j], group[j + 1], width)
            and not _is_bullet(group[j + 1])
        ):
            j += 1
        yield first, group[first : j + 1]
        j += 1


def segment(text: str) -> list[Block]:
    """Cut ``text`` (normalised) into :class:`~cleaner.blocks.Block` objects in order."""
    blocks: list[Block] = []
    for group, (start, group_lines) in enumerate(_groups(text.split("\n"))):
        packed = len(group_lines) > 1
        for first, chunk in _chunks(group_lines):
            line_no = start + first + 1
            head = chunk[0]
            where = (
                f"line {line_no}"
                if len(chunk) == 1
                else f"lines {line_no}-{line_no + len(chunk) - 1}"
            )
            bullet = _bullet(head)
            kind: BlockKind
            if bullet is not None:
                indent, rest = bullet
                kind = "item"
                parts: Sequence[str] = (rest, *chunk[1:])
            else:
                indent = len(head) - len(head.lstrip(" "))
                kind = "paragraph" if len(chunk) > 1 or not packed else "line"
                parts = chunk
            # most blocks are one line: nothing to join
            body = " ".join((parts[0] if len(parts) == 1 else " ".join(parts)).split())
            if body:
                raw = head if len(chunk) == 1 else "\n".join(chunk)
                blocks.append(
                    Block(len(blocks), body, raw, kind, where, group, indent, start_line=line_no)
                )
    return blocks
