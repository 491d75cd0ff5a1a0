"""Turn an HTML page into blocks, pre-removals and page metadata, from one selectolax parse.

>>> page = parse_html("<html><body><nav><a>Home</a></nav><article><h1>Title</h1>"
...                   "<p>" + "A sentence of the article body that carries the story. " * 3 + "</p></article></body></html>")
>>> [(b.text[:12], b.where) for b in page.blocks]
[('Home', 'html > body > nav'), ('Title', 'html > body > article > h1'), ('A sentence o', 'html > body > article > p')]
>>> sorted(page.removed.values())
[('html', 'html.boilerplate-element'), ('html', 'html.outside-main')]
"""

from __future__ import annotations

import dataclasses

from selectolax.lexbor import LexborHTMLParser

from cleaner.blocks import Block
from cleaner.html import visible
from cleaner.html.choose import html_metadata
from cleaner.html.extract import select_main
from cleaner.html.nesting import cap_nesting
from cleaner.html.page_metadata import head_metadata
from cleaner.html.segment import segment_html
from cleaner.metadata.fields import Metadata
from cleaner.options import Options

__all__ = ["ParsedHtml", "parse_html"]


@dataclasses.dataclass(frozen=True, slots=True)
class ParsedHtml:
    """What the HTML front end hands to the pipeline.

    Attributes:
        blocks: every block of the page, in document order.
        removed: block index -> (layer, rule id) for blocks the front end removed.
        metadata: page metadata with provenance.
        core: first and last index of the blocks the front end kept (the article span the
            shared layers treat as the main-content run), ``None`` when it kept none.
    """

    blocks: list[Block]
    removed: dict[int, tuple[str, str]]
    metadata: Metadata
    core: tuple[int, int] | None = None


def parse_html(html: str, *, options: Options | None = None) -> ParsedHtml:
    """Parse once; return blocks, the blocks the front end removed, and page metadata."""
    now = options.now if options is not None else None
    html = cap_nesting(html)  # 100,000 nested <div> make the tree builder quadratic
    tree = LexborHTMLParser(html)
    head = head_metadata(tree)
    page = segment_html(tree, capture=visible.CAPTURE)
    choice = select_main(page, keep_captions=options is not None and options.keep_captions)
    url = options.url if options is not None else None
    meta, header = html_metadata(head, page, url=url, now=now)
    removed: dict[int, tuple[str, str]] = {}
    for position, segment in enumerate(page.segments):
        if segment.group is not None:
            removed[position] = ("html", segment.group.rule)
    for position, rule_id in choice.removed.items():
        removed.setdefault(position, ("html", rule_id))
    for position, rule_id in header.items():
        removed.setdefault(position, ("html", rule_id))
    kept = [i for i in range(len(page.segments)) if i not in removed]
    core = (kept[0], kept[-1]) if kept else None
    return ParsedHtml([s.block for s in page.segments], removed, meta, core)
