"""Turn an HTML page into blocks, pre-removals and page metadata, from one selectolax parse.

The steps, each in its own module: cap the nesting depth (:mod:`~cleaner.html.nesting`),
parse once, read the declared metadata (:mod:`~cleaner.html.page_metadata`), walk the tree
into blocks while pre-cleaning (:mod:`~cleaner.html.segment`, :mod:`~cleaner.html.preclean`),
choose the article container (:mod:`~cleaner.html.extract`), read the visible metadata and
choose each field (:mod:`~cleaner.html.visible`, :mod:`~cleaner.html.choose`), and ask
trafilatura only when the result looks doubtful (:mod:`~cleaner.html.cascade`).

>>> body = "<p>" + "A sentence of the article body that carries the story. " * 12 + "</p>"
>>> page = parse_html("<html><body><nav><a>Home</a></nav><article><h1>Title</h1>"
...                   + body * 2 + "</article></body></html>")
>>> [(b.text[:12], b.where) for b in page.blocks]
[('Home', 'html > body > nav'), ('Title', 'html > body > article > h1'), \
('A sentence o', 'html > body > article > p'), ('A sentence o', 'html > body > article > p')]
>>> sorted(page.removed.values())
[('html', 'html.boilerplate-element'), ('html', 'html.headline')]
>>> page.metadata.title, page.extraction
('Title', 'own: kept 240 words')
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser

from cleaner.blocks import Block
from cleaner.html import visible
from cleaner.html.author_links import author_link
from cleaner.html.cascade import cascade, trafilatura_text
from cleaner.html.choose import html_metadata, personal_site
from cleaner.html.contacts import contact_person
from cleaner.html.credits import copyright_person, source_line
from cleaner.html.declared_authors import is_publisher
from cleaner.html.extract import select_main
from cleaner.html.nesting import cap_nesting
from cleaner.html.page_metadata import head_metadata, script_date, split_tagged_author
from cleaner.html.segment import segment_html
from cleaner.html.signatures import signature, submitter
from cleaner.metadata.fields import Metadata, merge
from cleaner.metadata.names import split_authors
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
        extraction: which extractor chose the body and why (``"own: kept 412 words"``,
            ``"trafilatura: own result doubtful (40 words); trafilatura kept 380"``).
        fallback: metadata to use only when neither ``metadata`` nor the blocks give the
            field (a personal site's name as its author).
        tagged_author: the author a ``<meta name="author">``-like tag declares, when
            nothing better named one: a "By" line or the byline-like line nearest the body
            of the page's blocks wins over it (such tags often name the publisher).
    """

    blocks: list[Block]
    removed: dict[int, tuple[str, str]]
    metadata: Metadata
    core: tuple[int, int] | None = None
    extraction: str = ""
    fallback: Metadata = dataclasses.field(default_factory=Metadata)
    tagged_author: Metadata = dataclasses.field(default_factory=Metadata)


def parse_html(
    html: str, *, options: Options | None = None, utf8: bytes | None = None
) -> ParsedHtml:
    """Parse once; return blocks, the blocks the front end removed, and page metadata.

    ``utf8``, when given, is ``html`` encoded in UTF-8 (the bytes it was decoded from): the
    parser reads them unless the nesting cap changed the page.
    """
    now = options.now if options is not None else None
    capped = cap_nesting(html)  # 100,000 nested <div> make the tree builder quadratic
    tree = LexborHTMLParser(utf8 if utf8 is not None and capped is html else capped)
    html = capped
    head = head_metadata(tree)
    page = segment_html(tree, capture=visible.CAPTURE, heading_capture=visible.HEADING_CAPTURE)
    choice = select_main(page, keep_captions=options is not None and options.keep_captions)
    url = options.url if options is not None else None
    meta, header = html_metadata(
        head, page, url=url, now=now, script_fallback=lambda: script_date(tree, now=now)
    )
    removed: dict[int, tuple[str, str]] = {}
    for position, segment in enumerate(page.segments):
        if segment.group is not None:
            removed[position] = ("html", segment.group.rule)
    for position, rule_id in [*header.items(), *choice.removed.items()]:
        removed.setdefault(position, ("html", rule_id))  # the header reason is the telling one
    blocks = [s.block for s in page.segments]
    # only a page with a headline gets a second opinion: pages without one are listings,
    # shops and forms, where trafilatura returns no more article than we do
    headline = any(s.tag == "h1" for s in page.segments)
    removed, verdict = cascade(blocks, removed, lambda: trafilatura_text(html), asked=headline)
    kept = [i for i in range(len(blocks)) if i not in removed]
    core = (kept[0], kept[-1]) if kept else None
    meta, tagged = split_tagged_author(meta)
    if tagged.authors and all(is_publisher(name, set()) for name in tagged.authors):
        # a meta tag naming a domain or a login ("example.de") yields to the source the
        # story credits ("Quelle: Agentur"): trafilatura-eval +2/-0 pages, wcxb-dev 0 (for
        # pages that name no author at all: +1/-1 and 5 pages without a gold author named)
        credited = source_line(page)
        if credited:
            meta = merge(meta, Metadata.of("html:source-line", authors=(credited,), byline=credited))
    if not meta.authors and not tagged.authors:
        # a link to the author's page, else a name signing the story, names the author
        # before the blocks read as a dump, the site's name and the copyright holder do
        readers: tuple[tuple[str, Callable[[], str | None]], ...] = (
            ("html:author-link", lambda: author_link(tree)),
            ("html:signature", lambda: signature(page, removed)),
            ("html:contact", lambda: contact_person(page)),
            ("html:submitted", lambda: submitter(page)),
        )
        for origin, read in readers:
            name = read()
            if name:
                names = split_authors(name) or (name,)
                meta = merge(meta, Metadata.of(origin, authors=names, byline=name))
                break
    fallback = personal_site(head)
    if not meta.authors and not tagged.authors and not fallback.authors:
        holder = copyright_person(page)
        if holder:
            fallback = Metadata.of("html:copyright", authors=(holder,), byline=holder)
    return ParsedHtml(blocks, removed, meta, core, verdict.describe(), fallback, tagged)
