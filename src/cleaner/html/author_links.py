"""The author named by a link to an author's page (``<a href="/author/jane-doe/">``): for
pages whose markup and bylines name no author (:func:`author_link`)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from cleaner.html.byline_names import after_by_word, clean_name
from cleaner.metadata.byline_finish import unglued_name

__all__ = ["author_link"]

#: The path of an author's page on the site ("/author/jane-doe/", "/autoren/max-muster").
_AUTHOR_PAGE = re.compile(r"/(?:authors?|autor(?:en|in)?|auteurs?|autori?e?)/[^/?#]", re.I)


def author_link(tree: LexborHTMLParser) -> str | None:
    """The name the page's first link to an author's page shows (``<a
    href="/author/jane-doe/">Jane Doe</a>``), when it reads as a name; ``None`` when there
    is none. For pages whose markup and bylines name no author: before the page's blocks
    read as a dump, the site's name and the copyright holder (trafilatura-eval +4/-0 pages,
    wcxb-dev articles +1/-0; after them +4/-0 and 0). A label in an element of its own
    inside the link, glued to the name by the text of the link, is cut ("Jane DawsonTech
    Reporter": :func:`~cleaner.metadata.byline_finish.unglued_name`; wcxb-dev +1/-0).

    >>> author_link(LexborHTMLParser('<a href="/author/">Authors</a>'
    ...     '<p>By <a href="/author/jane-doe/">Jane Doe</a></p>'))
    'Jane Doe'
    >>> author_link(LexborHTMLParser('<a href="/autor/max/">Alle Artikel von Max Muster</a>'))
    'Max Muster'
    >>> author_link(LexborHTMLParser('<a href="/author/jane-doe/">All posts</a>')) is None
    True
    >>> author_link(LexborHTMLParser(
    ...     '<a href="/author/jane/"><b>Jane Dawson</b><i>Tech Reporter</i></a>'))
    'Jane Dawson'
    """
    for node in tree.css("a[href]"):
        if _AUTHOR_PAGE.search(node.attributes.get("href") or ""):
            text = " ".join(node.text(deep=True).split())
            name = after_by_word(text) or clean_name(text, labelled=True)
            if name:
                return unglued_name(name)
    return None
