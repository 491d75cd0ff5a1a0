"""Comment threads and dated teaser lists inside a text dump's article core.

After an article, comments and "recent posts" lists repeat one layout: a short header line
holding a date or a time ("December 18, 2025, 9:46 pm", "Nov 17, 2024", "vor 2 Tagen"),
then the comment or the teaser, then the next header. Their prose reads like the article's,
so the core's scores run through them; the rhythm of dated headers is what gives them away,
in any language. :func:`thread_start` finds where such a thread begins, so that the core
can end before it.

>>> from cleaner.text.segment import segment
>>> body = "\\n\\n".join(f"Paragraph {n} of the article body, long enough to count as prose and to carry the page." * 3 for n in range(4))
>>> thread = "\\n\\n".join(f"Reader {n}\\n\\nMarch {n}, 2024 at 10:1{n} am\\n\\nA reader wrote a comment about the article here." for n in range(1, 5))
>>> blocks = segment(body + "\\n\\n" + thread)
>>> start = thread_start(blocks, 0, len(blocks) - 1)
>>> blocks[start].text
'March 1, 2024 at 10:11 am'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from cleaner.blocks import Block
from cleaner.lexicon import BRACKETED, RELATIVE_DATE, TIME_OF_DAY
from cleaner.metadata.dates import find_date

__all__ = ["is_dated_header", "thread_start"]

#: A thread header (author and date line) has at most this many words.
HEADER_MAX_WORDS = 8
#: A thread has at least this many dated headers in a row ...
MIN_THREAD_HEADERS = 3
#: ... each at most this many blocks after the one before (a comment of a few paragraphs) ...
MAX_HEADER_GAP = 12
#: ... and at least this many: headers closer than that (a date line under a name line, an
#: "edited" line under an "answered" one) are one header.
MIN_HEADER_GAP = 2
#: The core keeps a thread that starts before this many characters of its prose: a forum
#: or a live blog is a thread from the start (600 / 1500: same shingle F1 on wcxb-dev
#: articles, +0.0004 snippet F1 on trafilatura-eval, w3m).
MIN_LEAD_CHARS = 600
#: ... and a thread whose prose is at least this share of the prose before it: forum replies
#: and listings outweigh their opening post, comments rarely outweigh their article
#: (no limit: w3m shingle F1 on wcxb-dev other pages -0.005; 0.8: +0.0002).
MAX_THREAD_SHARE = 0.8


def is_dated_header(block: Block) -> bool:
    """A short non-prose line that holds a date, a time of day or a relative date (image
    names in brackets, which often hold dates, do not count).

    >>> from cleaner.text.segment import segment
    >>> [is_dated_header(b) for b in segment("Nov 17, 2024\\n\\nvor 2 Tagen\\n\\n[photo-2024-11-17]\\n\\nThe Best Games of 2024")]
    [True, True, False, False]
    """
    if block.prose or block.words > HEADER_MAX_WORDS or not any(map(str.isdigit, block.text)):
        return False
    text = BRACKETED.sub(" ", block.text)
    return bool(TIME_OF_DAY.search(text) or RELATIVE_DATE.search(text) or find_date(text))


def _prose_chars(blocks: Sequence[Block]) -> int:
    return sum(len(b.text) for b in blocks if b.prose)


def thread_start(blocks: Sequence[Block], first: int, last: int) -> int | None:
    """Position of the first header of a thread in ``blocks[first..last]`` (positions in
    ``blocks``), or ``None``.

    A thread is a chain of :data:`MIN_THREAD_HEADERS` dated headers (:func:`is_dated_header`,
    each text once on the page: a repeated dated heading is a section label) a few blocks
    apart. Only the first chain counts, and only when at least :data:`MIN_LEAD_CHARS` of
    prose come before it and its own prose is less than :data:`MAX_THREAD_SHARE` of those.
    """
    dated = [pos for pos in range(first, last + 1) if is_dated_header(blocks[pos])]
    counts = Counter(blocks[pos].text for pos in dated)
    distinct = [pos for pos in dated if counts[blocks[pos].text] == 1]
    heads = [
        pos for k, pos in enumerate(distinct)
        if k == 0 or pos - distinct[k - 1] >= MIN_HEADER_GAP
    ]
    for k in range(len(heads) - MIN_THREAD_HEADERS + 1):
        chain = heads[k : k + MIN_THREAD_HEADERS]
        if all(b - a <= MAX_HEADER_GAP for a, b in pairwise(chain)):
            lead = _prose_chars(blocks[first : chain[0]])
            tail = _prose_chars(blocks[chain[0] : last + 1])
            if lead >= MIN_LEAD_CHARS and tail < MAX_THREAD_SHARE * lead:
                return chain[0]
            return None
    return None
