"""The cascade: our own extractor first, trafilatura only when our result looks doubtful.

The own extractor (:mod:`cleaner.html.extract`) is about four times faster than
trafilatura and more accurate on the development corpora, but it fails in a recognisable
way: when the container it finds holds almost nothing, the article was usually built by a
script or hidden in a structure it does not read. Then trafilatura gets the page and the
blocks it keeps become the article, if it keeps more. Every decision is recorded: the
:class:`Verdict` names the extractor and the reason, and the blocks trafilatura left out
carry the rule ``html.not-main-content`` (``html.outside-main`` when ours decided).

>>> Verdict("own", "kept 412 words").describe()
'own: kept 412 words'
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from selectolax.lexbor import LexborHTMLParser

from cleaner.blocks import Block
from cleaner.features import count_words
from cleaner.html.preclean import GROUPS
from cleaner.html.prose import prose_weight
from cleaner.rules import rule

__all__ = [
    "CASCADE_MIN_WORDS",
    "ROOM_FACTOR",
    "TRIMMED",
    "Verdict",
    "cascade",
    "doubtful",
    "page_room",
    "trafilatura_text",
    "trimmed_page",
]

#: Our result is doubtful below this many kept words. Tried 50, 100, 200 on wcxb-dev
#: articles and trafilatura-eval: 100 is best on wcxb-dev (word F1 +0.0014) and within
#: 0.001 of 200 on trafilatura-eval, and calls trafilatura on about 1 page in 50. Words
#: are counted by :func:`~cleaner.features.count_words`, so a story in Chinese or Japanese is not doubtful for
#: lack of spaces (2 of the 88 pages asked on both corpora; trafilatura kept no more).
CASCADE_MIN_WORDS = 100
#: Trafilatura is asked only when the page holds at least this many times the words we
#: kept (every word outside pre-cleaned elements, and the prose inside them): a short page
#: holds no more article for it to find. On the pages the cascade asked, 2 left out a
#: quarter of the calls (30 of 122 on both corpora) and none where trafilatura's text
#: scored better; 3 left out a third and lost 1.3 word F1 summed over wcxb-dev pages.
ROOM_FACTOR = 2.0
#: Trafilatura's text replaces ours only when it holds more than this many times our words
#: (1.0, 1.5 and 3 were within 0.0015 of each other; 1.0 was best on both corpora).
TAKE_OVER_FACTOR = 1.0

#: Elements cut from the page before trafilatura reads it: scripts (JSON-LD stays: it
#: tells trafilatura a page is a forum thread), styles, images drawn in SVG, frames, form
#: controls, and the structural boilerplate it would prune itself (navigation, footers,
#: asides). Every element it need not parse and prune makes the call cheaper. On the 88
#: pages of both corpora the cascade asks (CPU, same process): trafilatura-eval 550 ->
#: 392 ms with the same snippets found; wcxb-dev 3,314 -> 2,680 ms, articles the same, other
#: pages +0.40 word F1 summed over pages (15 fewer boilerplate snippets, 3 fewer body ones).
#: Cutting ``<head>`` with the scripts lost the forum threads (their JSON-LD); cutting
#: ``<form>`` too lost 3.3 word F1 summed over wcxb-dev's other pages, ``<header>`` 3.9.
TRIMMED = (
    'script:not([type="application/ld+json"]), style, svg, noscript, iframe, template, '
    "link, select, button, input, nav, footer, aside"
)
NOT_MAIN = rule("html.not-main-content")
_WS = re.compile(r"\s+")


@dataclasses.dataclass(frozen=True, slots=True)
class Verdict:
    """Which extractor decided the body, and why."""

    extractor: str
    reason: str

    def describe(self) -> str:
        return f"{self.extractor}: {self.reason}"


def trafilatura_text(html: str) -> str | None:
    """Trafilatura's main text of ``html`` (fast mode, tables kept, comments left out): as a
    second opinion its standard mode scored the same on both corpora (within 0.0007) at
    about 1.6 times the cost. It reads the page cut to :func:`trimmed_page`, at about
    three quarters of the cost of the whole page.

    >>> trafilatura_text("<html><body><article><p>" + "A sentence of the story. " * 20
    ...                  + "</p></article></body></html>")[:24]
    'A sentence of the story.'
    """
    import trafilatura  # imported on first use: most pages never need it

    text: str | None = trafilatura.extract(
        trimmed_page(html), include_comments=False, include_tables=True, fast=True
    )
    return text


def trimmed_page(html: str) -> str:
    """``html`` without the elements :data:`TRIMMED` names (parsed anew: the front end's
    tree is read on after the cascade).

    >>> trimmed_page("<body><nav><a>Home</a></nav><script>x()</script><p>Story</p></body>")
    '<html><head></head><body><p>Story</p></body></html>'
    """
    tree = LexborHTMLParser(html)
    for node in tree.css(TRIMMED):
        node.decompose()  # unlinks: a match inside a match already cut is harmless
    return tree.html or html


def doubtful(words: int) -> bool:
    """Is an own result of ``words`` kept words doubtful?

    >>> doubtful(40), doubtful(400)
    (True, False)
    """
    return words < CASCADE_MIN_WORDS


def page_room(blocks: Sequence[Block], removed: dict[int, tuple[str, str]]) -> int:
    """Words a second opinion could find: those of every block pre-cleaning left, and
    those of the prose blocks it removed (a forum's posts taken for comments).

    >>> from cleaner.blocks import Block
    >>> story = "A sentence of the story that is long enough to be prose."
    >>> blocks = [Block(0, "Home News", "", "line", "nav", 0),
    ...           Block(1, story, "", "paragraph", "div", 1),
    ...           Block(2, story, "", "paragraph", "div", 2)]
    >>> page_room(blocks, {0: ("html", "html.boilerplate-element"),
    ...                    1: ("html", "html.comments"), 2: ("html", "html.outside-main")})
    24
    """
    room = 0
    for block in blocks:
        previous = removed.get(block.index)
        precleaned = previous is not None and previous[1] in _PRECLEAN
        link_chars = round(block.link_density * len(block.text))
        if not precleaned or prose_weight(block.text, link_chars):
            room += block.words
    return room


def cascade(
    blocks: Sequence[Block],
    removed: dict[int, tuple[str, str]],
    second_opinion: Callable[[], str | None],
    *,
    asked: bool = True,
) -> tuple[dict[int, tuple[str, str]], Verdict]:
    """Return the removals to use and the verdict.

    With ``asked`` false (a page without a headline, see the front end) a doubtful result
    stands without a second opinion.

    ``removed`` holds our own decisions; ``second_opinion`` runs trafilatura and returns
    its text. When trafilatura decides, the header blocks we read (headline, byline,
    dateline) and figure captions stay removed; every other block is kept when
    trafilatura's text contains it, else removed, for its pre-cleaning group when it had
    one (the more telling reason), as ``html.not-main-content`` otherwise. A choice of
    trafilatura's without a single prose block (a link list) is not taken.

    >>> from cleaner.blocks import Block
    >>> blocks = [Block(0, "Home", "Home", "line", "nav", 0),
    ...           Block(1, "A short story.", "A short story.", "paragraph", "p", 1),
    ...           Block(2, "Its second half, told in a sentence of some length.", "",
    ...                 "paragraph", "div", 2)]
    >>> own = {0: ("html", "html.boilerplate-element"), 2: ("html", "html.outside-main")}
    >>> story = "A short story. Its second half, told in a sentence of some length."
    >>> decided, verdict = cascade(blocks, own, lambda: story)
    >>> decided, verdict.extractor
    ({0: ('html', 'html.boilerplate-element')}, 'trafilatura')
    """
    words = sum(b.words for b in blocks if b.index not in removed)
    if not doubtful(words):
        return removed, Verdict("own", f"kept {words} words")
    if not asked:
        return removed, Verdict("own", f"kept {words} words (doubtful; no headline, not asked)")
    room = page_room(blocks, removed)
    if room < ROOM_FACTOR * words or room == 0:
        return removed, Verdict(
            "own", f"kept {words} words (doubtful; the page holds {room}, not asked)"
        )
    other = _WS.sub(" ", second_opinion() or "").strip()
    other_words = count_words(other)
    if other_words <= TAKE_OVER_FACTOR * words:
        return removed, Verdict(
            "own", f"kept {words} words (doubtful); trafilatura kept {other_words}, not more"
        )
    decided: dict[int, tuple[str, str]] = {}
    for block in blocks:
        previous = removed.get(block.index)
        if previous is not None and previous[1] in _STANDING:
            decided[block.index] = previous
        elif _WS.sub(" ", block.text) not in other:
            decided[block.index] = (
                previous
                if previous is not None and previous[1] in _PRECLEAN
                else ("html", NOT_MAIN)
            )
    if not any(prose_weight(b.text, 0) for b in blocks if b.index not in decided):
        return removed, Verdict(
            "own", f"kept {words} words (doubtful); trafilatura kept {other_words}, no prose"
        )
    return decided, Verdict(
        "trafilatura", f"own result doubtful ({words} words); trafilatura kept {other_words}"
    )


#: Pre-cleaning rules: named reasons that stay on blocks trafilatura leaves out too.
_PRECLEAN = frozenset(group.rule for group in GROUPS)
#: Our removals that stand when trafilatura decides (they are not about the main content).
_STANDING = frozenset(
    {rule("html.headline"), rule("html.byline"), rule("html.dateline"), rule("html.figcaption")}
)
