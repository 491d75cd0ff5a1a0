"""The own main-content extractor: the smallest element that holds most of the page's prose.

Every segment that reads like prose (enough words, few of them links) scores its non-link
characters; each element sums the scores of the segments inside it. The elements holding
at least :data:`CONTAINER_COVER` of the page's score form one chain from ``<body>`` down
(two disjoint elements cannot both hold more than half); the deepest of them is the
article container. Inside it, blocks that are mostly links are dropped; outside it,
everything is but the lead: the prose just before it in the same part of the page.

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
from collections.abc import Mapping, Sequence

from cleaner.html.segment import PageSegments, Segment
from cleaner.rules import rule

__all__ = ["Choice", "select_main"]

#: The container must hold at least this share of the page's prose score; above 0.5 the
#: qualifying elements form a single chain. Direct word F1 on wcxb-dev articles / snippet
#: F1 on trafilatura-eval: 0.6 -> 0.951 / 0.912, 0.7 -> 0.954 / 0.916, 0.8 -> 0.952 / 0.915.
CONTAINER_COVER = 0.7
#: The standfirst is looked for among this many blocks before the container (headline,
#: kicker, byline, date, image and caption sit between them).
STANDFIRST_WINDOW = 12
#: When captions hold more than this share of the container's prose score, the page is a
#: gallery or slideshow told in its captions, and they stay.
CAPTION_BODY_SHARE = 0.6
#: Inside the container, a non-prose block with more than this share of link text is a
#: teaser or link list.
MAX_LINK_DENSITY = 0.5
#: Prose blocks before the container that sit inside its ancestor this many levels up (or
#: inside ``<body>`` when the container is shallower) are the article's lead: an intro, a
#: teaser text, the paragraphs before an ad slot that splits the body. Snippet F1 on
#: trafilatura-eval / word F1 on wcxb-dev articles / other pages: none 0.922 / 0.956 /
#: 0.727; 2 levels 0.927 / 0.957 / 0.728; 3: 0.928 / 0.957 / 0.729; 4: 0.930 / 0.957 /
#: 0.730; any prose before the container 0.930 / 0.956 / 0.731.
LEAD_LEVELS = 4
#: After the container's last prose block, a heading or a line ending in a colon of at most
#: this many words whose blocks up to the next kept heading or the end of the container
#: were all removed labels what was removed ("More on this topic", "Contact:", "Share:").
#: Snippet F1 on trafilatura-eval 0.930 -> 0.932 (16 fewer boilerplate snippets, 2 body
#: snippets lost); word F1 on wcxb-dev articles +0.015 and other pages -0.048 summed over
#: pages (both 0.000 in the mean). Without the colon-or-heading condition: 0.933 and -0.186
#: on other pages; also before the last prose block: 0.932 and -0.124.
LABEL_MAX_WORDS = 6
OUTSIDE = rule("html.outside-main")
LINK_DENSE = rule("html.link-dense")
CAPTION = rule("html.figcaption")
LABEL = rule("html.orphan-label")


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
    return 0 if segment.group is not None else segment.prose


def _in_caption(page: PageSegments) -> list[bool]:
    """Per element: is it a ``<figcaption>`` or inside one (``<figcaption><p>...``)? One
    pass, parents before their children."""
    inside = [False] * len(page.elements)
    for index, element in enumerate(page.elements):
        inside[index] = element.tag == "figcaption" or (
            element.parent >= 0 and inside[element.parent]
        )
    return inside


def _standfirst(page: PageSegments, first: int) -> set[int]:
    """Prose blocks between the headline and the container's first block: the standfirst
    or lead, which pages often put in the article header rather than the body."""
    start = max(0, first - STANDFIRST_WINDOW)
    heading = next(
        (i for i in range(first - 1, start - 1, -1) if page.segments[i].tag == "h1"), None
    )
    if heading is None:
        return set()
    return {
        i
        for i in range(heading + 1, first)
        if page.segments[i].group is None and prose_score(page.segments[i])
    }


def _lead(page: PageSegments, container: int, first: int) -> set[int]:
    """Prose blocks before the container's first block (at ``first``), back to the first
    block outside the container's ancestor :data:`LEAD_LEVELS` up."""
    chain = tuple(page.segments[first].ancestors)
    if container not in chain:
        return set()
    level = chain.index(container)
    around = chain[max(min(level, 1), level - LEAD_LEVELS)]  # <body> at most, not <html>
    found = set()
    end = page.ends[around]
    for position in range(first - 1, -1, -1):
        segment = page.segments[position]
        if not around <= segment.owner < end:  # not inside ``around``
            break
        if segment.group is None and prose_score(segment):
            found.add(position)
    return found


def _trailing_labels(
    page: PageSegments, inside: Sequence[int], removed: Mapping[int, str]
) -> list[int]:
    """The labels (:data:`LABEL_MAX_WORDS`) after the container's last prose block whose
    following blocks, up to the next kept heading or the end of the container, were all
    removed (at least one when a heading follows)."""
    order = {position: n for n, position in enumerate(inside)}
    kept = [i for i in inside if page.segments[i].group is None and i not in removed]
    last_prose = max((i for i in kept if prose_score(page.segments[i])), default=-1)
    labels = []
    for k, position in enumerate(kept):
        block = page.segments[position].block
        if position < last_prose or block.words > LABEL_MAX_WORDS:
            continue
        if block.kind != "heading" and not block.text.endswith(":"):
            continue
        if k + 1 == len(kept):  # the last kept block of the container
            labels.append(position)
            continue
        following = kept[k + 1]
        gone = order[following] - order[position] - 1  # removed blocks between
        if gone and page.segments[following].block.kind == "heading":
            labels.append(position)
    return labels


def select_main(page: PageSegments, *, keep_captions: bool = False) -> Choice:
    """Choose the article container and the blocks to leave out (``<figcaption>`` too,
    unless ``keep_captions``)."""
    elements = page.elements
    # the prose score of each element: its own blocks', then (children added to parents,
    # last to first: parents come first in document order) of everything inside it
    score = [0] * len(elements)
    for segment in page.segments:
        if segment.group is None:
            score[segment.owner] += prose_score(segment)
    for index in range(len(elements) - 1, 0, -1):
        parent = elements[index].parent
        if parent >= 0:
            score[parent] += score[index]
    total = score[0] if score else 0
    removed: dict[int, str] = {}
    if total == 0:  # no prose anywhere: a page of links and labels holds no article
        removed.update((i, OUTSIDE) for i, seg in enumerate(page.segments) if seg.group is None)
        return Choice(-1, 0.0, 0, removed)
    # the qualifying elements nest, and elements are numbered in document order, so the
    # deepest one is the last qualifying index
    container = max(i for i, value in enumerate(score) if value >= CONTAINER_COVER * total)
    # the blocks inside the container: their owners are numbered from it up to its end
    end = page.ends[container]
    inside = [i for i, seg in enumerate(page.segments) if container <= seg.owner < end]
    lead = _standfirst(page, inside[0]) | _lead(page, container, inside[0]) if inside else set()
    captions = set()
    if not keep_captions:
        in_caption = _in_caption(page)
        captions = {i for i in (*inside, *lead) if in_caption[page.segments[i].owner]}
        told = sum(prose_score(page.segments[i]) for i in captions if i not in lead)
        if told > CAPTION_BODY_SHARE * score[container]:
            captions = set()  # the captions tell the story (a gallery, a slideshow)
    for position, segment in enumerate(page.segments):
        if segment.group is not None:
            continue
        if not container <= segment.owner < end and position not in lead:
            removed[position] = OUTSIDE
        elif segment.link_chars > MAX_LINK_DENSITY * segment.chars and not prose_score(segment):
            removed[position] = LINK_DENSE
        elif position in captions:
            removed[position] = CAPTION
    removed.update((i, LABEL) for i in _trailing_labels(page, inside, removed))
    return Choice(container, score[container] / total, total, removed)
