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


def _bullet(line: str) -> tuple[int, str] | None:
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
        and not _BULLET.match(prev)
        and not stripped.endswith((".", "!", "?", ":", "”", '"'))
    )


def segment(text: str) -> list[Block]:
    """Cut ``text`` (normalised) into :class:`~cleaner.blocks.Block` objects in order."""
    blocks: list[Block] = []
    lines = text.split("\n")
    group = 0
    i = 0
    n = len(lines)
    while i < n:
        if not lines[i].strip():
            i += 1
            continue
        # a group is a maximal run of non-blank lines
        start = i
        while i < n and lines[i].strip():
            i += 1
        group_lines = lines[start:i]
        width = max(len(line.rstrip()) for line in group_lines)
        wrappable = MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH and len(group_lines) > 1
        packed = len(group_lines) > 1
        j = 0
        while j < len(group_lines):
            first = j
            while (
                wrappable
                and j + 1 < len(group_lines)
                and _is_wrapped(group_lines[j], group_lines[j + 1], width)
                and not _BULLET.match(group_lines[j + 1])
            ):
                j += 1
            chunk = group_lines[first : j + 1]
            raw = "\n".join(chunk)
            line_no = start + first + 1
            where = (
                f"line {line_no}"
                if len(chunk) == 1
                else f"lines {line_no}-{line_no + len(chunk) - 1}"
            )
            bullet = _bullet(chunk[0])
            kind: BlockKind
            if bullet is not None:
                indent, body = bullet
                kind = "item"
                body = " ".join([body, *(c.strip() for c in chunk[1:])])
            else:
                indent = len(chunk[0]) - len(chunk[0].lstrip(" "))
                body = " ".join(c.strip() for c in chunk)
                kind = "paragraph" if len(chunk) > 1 or not packed else "line"
            body = " ".join(body.split())
            if body:
                blocks.append(
                    Block(len(blocks), body, raw, kind, where, group, indent, start_line=line_no)
                )
            j += 1
        group += 1
    return blocks
