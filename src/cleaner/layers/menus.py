"""Navigation menus, language switchers, social follow lists and UI stubs.

Outside the article core, a run of list items or packed lines that are short and not
sentences is a menu. Inside it, a list of such entries is a menu only when it names one of
them twice among others (an article's own lists do not repeat themselves; menus and tag
clouds do, and once their bullets are gone their entries would read as stray lines).
Anywhere, a block that is only a control label ("Search", "Loading", "Sign in", a form
field) is a UI stub.

>>> from cleaner.text.segment import segment
>>> from cleaner.options import Options
>>> from cleaner.layers import Context
>>> blocks = segment("  • News\\n  • Politics\\n  • Economy\\n\\nSearch\\n\\nBody text that is a sentence of some length, kept.")
>>> ctx = Context(blocks, (4, 4), {}, Options())
>>> [(blocks[d.block].text, d.rule) for d in menus(blocks, ctx)]
[('Search', 'menus.ui-label'), ('News', 'menus.list'), ('Politics', 'menus.list'), ('Economy', 'menus.list')]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cleaner.blocks import Block
from cleaner.features import is_prose, same_text_key
from cleaner.layers import Context, Decision
from cleaner.rules import rule

__all__ = ["menus"]

#: Menu entries are at most this many words.
MAX_MENU_ITEM_WORDS = 6
#: A run needs this many short entries to be a menu (one short line alone is not).
MIN_MENU_RUN = 2

LIST = rule("menus.list")
PACKED = rule("menus.packed-lines")
UI = rule("menus.ui-label")
REPEATING = rule("menus.repeating-list")


def _is_entry(block: Block) -> bool:
    return block.words <= MAX_MENU_ITEM_WORDS and not is_prose(block)


def menus(blocks: Sequence[Block], ctx: Context) -> Iterator[Decision]:
    runs: list[list[Block]] = []
    for block in blocks:
        if block.patterns.ui_label:
            yield Decision(block.index, UI)
            continue
        if ctx.in_core(block) or not _is_entry(block) or block.kind not in ("item", "line"):
            runs.append([])
            continue
        if runs and runs[-1] and runs[-1][-1].group == block.group:
            runs[-1].append(block)
        else:
            runs.append([block])
    for run in runs:
        if len(run) >= MIN_MENU_RUN:
            yield from (Decision(b.index, LIST if b.kind == "item" else PACKED) for b in run)
    yield from _repeating_lists(blocks, ctx)


def _repeating_lists(blocks: Sequence[Block], ctx: Context) -> Iterator[Decision]:
    """Lists inside the core whose entries are all menu-like and one of them comes twice
    (a list of one label repeated is left to ``duplicates.run``, which keeps one copy)."""
    lists: dict[int, list[Block]] = {}
    for block in blocks:
        if block.kind == "item" and ctx.in_core(block):
            lists.setdefault(block.group, []).append(block)
    for items in lists.values():
        names = [same_text_key(b.text) for b in items]
        if (len(items) >= MIN_MENU_RUN and 1 < len(set(names)) < len(names)
                and all(_is_entry(b) and not b.patterns.ui_label for b in items)):
            yield from (Decision(b.index, REPEATING) for b in items)
