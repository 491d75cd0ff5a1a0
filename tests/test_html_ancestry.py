"""The chain of elements around each HTML block: read off parent links, O(1) memory a block.

A block's :class:`~cleaner.html.segment.Ancestry` must answer exactly as the tuple of
element indices from the root down to its owner did, and a page's blocks must cost the same
memory however deep they sit (hostile pages nest 100,000 levels, capped to 256).
"""

from __future__ import annotations

import tracemalloc

from selectolax.lexbor import LexborHTMLParser

from cleaner.html.nesting import MAX_NESTING
from cleaner.html.segment import PageSegments, segment_html

#: Blocks of the memory comparison: enough that per-block costs dominate.
BLOCKS = 2_000
#: Deep page / shallow page peak memory of the walk may differ by this factor at most
#: (the deep page has ~250 more elements; a depth-long tuple per block made it ~3x).
MAX_DEPTH_COST = 1.5


def _chain(page: PageSegments, owner: int) -> tuple[int, ...]:
    chain = []
    while owner >= 0:
        chain.append(owner)
        owner = page.elements[owner].parent
    return tuple(reversed(chain))


def test_ancestry_is_the_chain_of_parents() -> None:
    html = (
        "<html><body><div id='a'><section class='s'><p>One <a href='/'>link</a></p>"
        "<ul><li>item</li><li>item two</li></ul></section>Loose<br><br>text</div>"
        "<table><tr><td>a</td><td>b</td></tr></table><nav><a>Home</a></nav>"
        "<main><div><p>Deep text</p></div></main><footer>Rights</footer></body></html>"
    )
    page = segment_html(LexborHTMLParser(html))
    assert len(page.segments) > 6
    for segment in page.segments:
        chain = _chain(page, segment.owner)
        assert tuple(segment.ancestors) == chain
        assert segment.ancestors == chain and len(segment.ancestors) == len(chain)
        assert segment.ancestors[-1] == segment.owner
        for key in (
            slice(-1, -4, -1),
            slice(None),
            slice(1, 3),
            slice(None, None, 2),
            slice(-2, None),
            slice(5, 2),
        ):
            assert segment.ancestors[key] == chain[key], key
        assert [segment.ancestors[i] for i in range(-len(chain), len(chain))] == list(chain * 2)
        assert tuple(reversed(segment.ancestors)) == chain[::-1]
        assert segment.block.indent == len(chain)
        assert segment.block.group == (chain[-2] if len(chain) > 1 else segment.owner)
        for index in range(len(page.elements)):
            assert (index in segment.ancestors) == (index in chain), (segment, index)
        assert -1 not in segment.ancestors and "0" not in segment.ancestors


def _walk_peak(depth: int) -> int:
    html = "<html><body>" + "<div>" * depth + "<p>A short paragraph.</p>" * BLOCKS
    tree = LexborHTMLParser(html)
    tracemalloc.start()
    try:
        page = segment_html(tree)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(page.segments) == BLOCKS
    return peak


def test_block_memory_does_not_grow_with_depth() -> None:
    shallow, deep = _walk_peak(2), _walk_peak(MAX_NESTING - 6)
    assert deep < MAX_DEPTH_COST * shallow, (shallow, deep)
