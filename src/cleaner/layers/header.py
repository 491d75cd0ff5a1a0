"""The article header: headline, byline, dateline, agency credit, standfirst, site name.

These blocks are not body text, but they are the metadata: the layer removes them with a
``metadata.*`` rule and :mod:`cleaner.metadata.from_blocks` reads the values back from
those removals.

The header zone is everything before the body: the blocks before the core, and the core's
own first blocks up to the standfirst. The standfirst is the first prose block when it is
cut off from the body by removed material (a caption, a "Listen" widget, a date line).

>>> from cleaner.text.segment import segment
>>> from cleaner.options import Options
>>> from cleaner.layers import Context
>>> doc = ("Site Name\\n\\nThe headline of the story\\n\\nBy Jane Doe\\n\\nNovember 4, 2025\\n\\n"
...        + "\\n\\n".join(["A paragraph of the body with enough words to be prose."] * 3)
...        + "\\n\\nSOURCE:Reuters\\n\\nSite Name")
>>> blocks = segment(doc)
>>> ctx = Context(blocks, (4, 6), {}, Options())
>>> [(blocks[d.block].text, d.rule) for d in header(blocks, ctx)]
[('Site Name', 'metadata.site-name'), ('Site Name', 'metadata.site-name'), ('SOURCE:Reuters', 'metadata.source-credit'), ('By Jane Doe', 'metadata.byline'), ('November 4, 2025', 'metadata.dateline'), ('The headline of the story', 'metadata.title')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from cleaner.blocks import Block
from cleaner.features import is_prose
from cleaner.layers import Context, Decision
from cleaner.lexicon import BYLINE, RELATIVE_DATE, SOURCE_CREDIT
from cleaner.metadata.dates import strip_dates
from cleaner.metadata.dump_dates import block_date_text, block_dump_date
from cleaner.metadata.title_model import pick_title
from cleaner.rules import rule

__all__ = ["DATELINE_MAX_EXTRA_WORDS", "header"]

#: How many live blocks before the body the header zone reaches back.
HEADER_ZONE_BLOCKS = 20
#: A byline line has at most this many words.
MAX_BYLINE_WORDS = 12
#: A dateline is a date plus at most this many other words ("Published", "ASIA PACIFIC").
DATELINE_MAX_EXTRA_WORDS = 4
#: A standfirst is at most this many words.
MAX_STANDFIRST_WORDS = 70
#: Site names are at most this many words.
MAX_SITE_NAME_WORDS = 6
#: The site name is looked for among this many first blocks of the document.
SITE_NAME_FIRST_BLOCKS = 3
#: Header lines run site, section, relative date and counters together.
MAX_HEADER_LINE_WORDS = 12

TITLE = rule("metadata.title")
BYLINE_RULE = rule("metadata.byline")
DATELINE = rule("metadata.dateline")
SOURCE = rule("metadata.source-credit")
HEADER_LINE = rule("metadata.header-line")
STANDFIRST = rule("metadata.standfirst")
SITE_NAME = rule("metadata.site-name")

_GLUED_COUNTER = re.compile(r"\d+\s*(?:views?|shares?|comments?|reads?|likes?)\b", re.I)
_DATE_WORDS = re.compile(
    r"\b(?:date|published|updated|posted|on|am|um|le|el|stand|uhr|gmt|utc|[ap]\.?m\.?)\b[:.]?", re.I
)


def is_dateline(block: Block) -> bool:
    """A short block that is mostly a date: "4 Nov 2025 17:37", "date 2025-11-04 ASIA PACIFIC"."""
    if block.words > DATELINE_MAX_EXTRA_WORDS + 8 or block_dump_date(block) is None:
        return False
    text = block_date_text(block)
    rest = _DATE_WORDS.sub(" ", strip_dates(text))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= DATELINE_MAX_EXTRA_WORDS


def _site_name_blocks(blocks: Sequence[Block], ctx: Context) -> list[Block]:
    """A short line at the top of the page (before the core) that the page repeats."""
    for block in blocks[:SITE_NAME_FIRST_BLOCKS]:
        if ctx.core is not None and block.index >= ctx.core[0]:
            break
        if block.words <= MAX_SITE_NAME_WORDS and not is_prose(block):
            same = [b for b in blocks if b.text == block.text]
            if len(same) >= 2:
                return same
    return []


def _header_rule(block: Block) -> str | None:
    """The metadata rule for a header block that is a byline, dateline or header line."""
    if block.words <= MAX_BYLINE_WORDS and BYLINE.match(block.text):
        return BYLINE_RULE
    if is_dateline(block):
        return DATELINE
    if (
        block.words <= MAX_HEADER_LINE_WORDS
        and (RELATIVE_DATE.search(block.text) or _GLUED_COUNTER.search(block.text))
        and not is_prose(block)
    ):
        return HEADER_LINE
    return None


def _standfirst(blocks: Sequence[Block], body: int, rules: dict[int, str]) -> Block | None:
    """The standfirst: a short prose block cut off from the body by removed or header blocks.

    Either the block just before the body (``blocks[body]`` is the first prose of the core),
    or the core's first prose block itself when removed material follows it.
    """
    first = blocks[body]
    after = blocks[body + 1] if body + 1 < len(blocks) else None
    if (
        after is not None
        and after.index != first.index + 1
        and is_prose(after)
        and first.words <= MAX_STANDFIRST_WORDS
    ):
        return first
    gap = False
    for pos in range(body - 1, -1, -1):
        block = blocks[pos]
        gap = gap or block.index != blocks[pos + 1].index - 1
        if block.index in rules:
            gap = True
            continue
        if gap and is_prose(block) and block.words <= MAX_STANDFIRST_WORDS:
            return block
        return None
    return None


def header(blocks: Sequence[Block], ctx: Context) -> Iterator[Decision]:
    rules: dict[int, str] = {}
    for block in _site_name_blocks(blocks, ctx):
        rules[block.index] = SITE_NAME
    for block in blocks:
        if (
            block.index not in rules
            and block.words <= MAX_BYLINE_WORDS
            and SOURCE_CREDIT.match(block.text)
        ):
            rules[block.index] = SOURCE
    body = next(
        (p for p, b in enumerate(blocks) if ctx.core and b.index >= ctx.core[0] and is_prose(b)),
        None,
    )
    if body is not None:
        zone = [b for b in blocks[max(0, body - HEADER_ZONE_BLOCKS) : body] if b.index not in rules]
        for block in zone:
            found = _header_rule(block)
            if found:
                rules[block.index] = found
        standfirst = _standfirst(blocks, body, rules)
        if standfirst is not None:
            rules[standfirst.index] = STANDFIRST
        title = pick_title(blocks, body, rules, ctx.blocks, ctx.options.url)
        if title is not None:
            rules[title.index] = TITLE
    yield from (Decision(index, rule_id) for index, rule_id in rules.items())
