"""Authors the HTML front end reads from what a page shows: post containers, contact
lines, co-authors' elements (see ``cleaner.html.visible`` and ``cleaner.html.frontend``)."""

from __future__ import annotations

import json

from cleaner import clean

BODY = "<p>" + "A sentence of the story that carries real content, with a clause. " * 8 + "</p>"


def json_ld(**data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_a_post_container_naming_its_author_in_a_class_is_no_author_element() -> None:
    head = "<meta property='og:site_name' content='Erika Beispiel'>" + json_ld(
        **{"@type": "BlogPosting", "author": "Erika Beispiel", "publisher": {"name": "Erika Beispiel"}}
    )
    html = (
        f"<html><head>{head}</head><body><article class='hentry author-erika-beispiel'>"
        f"<header><h1>Gelbe Westen</h1></header>{BODY * 3}</article></body></html>"
    )
    article = clean(html, kind="html")
    assert article.title == "Gelbe Westen"
    assert article.authors == ("Erika Beispiel",)
    # the same classes on a <div> still mark an author element
    as_div = html.replace("<article class", "<div class").replace("</article>", "</div>")
    assert clean(as_div, kind="html").authors == ("Gelbe Westen",)
