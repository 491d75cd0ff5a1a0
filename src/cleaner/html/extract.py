"""The own main-content extractor: the smallest element that holds most of the page's prose.

Every segment that reads like prose (enough words, few of them links) scores its non-link
characters; each element sums the scores of the segments inside it. The elements holding
at least :data:`CONTAINER_COVER` of the page's score form one chain from ``<body>`` down
(two disjoint elements cannot both hold more than half); the deepest of them is the
article container. Inside it, blocks that are mostly links are dropped; outside it,
everything is.

>>> from selectolax.lexbor import LexborHTMLParser
>>> from cleaner.html.segment import segment_html
>>> prose = "<p>" + "A sentence of the story that carries real content, with commas. " * 3 + "</p>"
>>> page = segment_html(LexborHTMLParser(
...     "<body><div class='top'><a href='/'>Home</a> <a href='/n'>News</a></div>"
...     "<div class='story'>" + prose * 3 + "<p><a href='/a'>Another story</a></p></div>"
...     "<div><p>Copyright 2025 by the site, all rights reserved, write to us.</p></div></body>"))
>>> choice = select_main(page)
>>> page.path(choice.container), choice.share >= 0.9
('html > body > div.story', True)
>>> sorted(choice.removed.items())
[(0, 'html.outside-main'), (4, 'html.link-dense'), (5, 'html.outside-main')]
"""

from __future__ import annotations

import dataclasses

from cleaner.html.prose import prose_weight
from cleaner.html.segment import PageSegments, Segment
from cleaner.rules import rule

__all__ = ["Choice", "select_main"]

#: The container must hold at least this share of the page's prose score; above 0.5 the
#: qualifying elements form a single chain.
CONTAINER_COVER = 0.7
#: Inside the container, a non-prose block with more than this share of link text is a
#: teaser or link list.
MAX_LINK_DENSITY = 0.5
OUTSIDE = rule("html.outside-main")
LINK_DENSE = rule("html.link-dense")


@dataclasses.dataclass(frozen=True, slots=True)
class Choice:
    """The extractor's decision.

    Attributes:
        container: element index of the chosen container (``-1``: no prose on the page).
        share: the container's share of the page's prose score.
        prose_chars: the page's prose score (non-link characters of prose segments).
        removed: segment position -> rule id, for segments left out.
    """

    container: int
    share: float
    prose_chars: int
    removed: dict[int, str]


def prose_score(segment: Segment) -> int:
    """Non-link characters of a prose segment that pre-cleaning kept, 0 for anything else."""
    if segment.group is not None:
        return 0
    return prose_weight(segment.block.text, segment.link_chars)


def select_main(page: PageSegments) -> Choice:
    """Choose the article container and the blocks to leave out."""
    elements = page.elements
    score = [0] * len(elements)
    for segment in page.segments:
        value = prose_score(segment)
        if value:
            for index in segment.ancestors:
                score[index] += value
    total = score[0] if score else 0
    removed: dict[int, str] = {}
    if total == 0:
        return Choice(-1, 0.0, 0, removed)
    # the qualifying elements nest, and elements are numbered in document order, so the
    # deepest one is the last qualifying index
    container = max(i for i, value in enumerate(score) if value >= CONTAINER_COVER * total)
    for position, segment in enumerate(page.segments):
        if segment.group is not None:
            continue
        if container not in segment.ancestors:
            removed[position] = OUTSIDE
        elif segment.link_chars > MAX_LINK_DENSITY * segment.chars and not prose_score(segment):
            removed[position] = LINK_DENSE
    return Choice(container, score[container] / total, total, removed)
