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


def _release(tail: str, header: str = "<h1>Neue Umfrage zum Strom</h1>") -> str:
    return f"<html><body><article>{header}{BODY * 3}{tail}</article></body></html>"


def test_the_press_contact_of_a_release_is_its_author_of_last_resort() -> None:
    contact = (
        "<p><strong>Pressekontakt</strong><br>Dr. Erika Mustermann<br>Pressesprecherin<br>"
        "Tel.: 0211 123<br><a href='mailto:e.mustermann@example.org'>e.mustermann@example.org</a></p>"
    )
    article = clean(_release(contact), kind="html")
    assert article.authors == ("Dr. Erika Mustermann",)
    assert article.provenance["authors"] == "html:contact"
    # a byline names the author before the contact does
    byline = "<h1>Neue Umfrage zum Strom</h1><p>Von Max Muster</p>"
    assert clean(_release(contact, byline), kind="html").authors == ("Max Muster",)
    # no address of the person's own: a shared mailbox confirms no one
    shared = contact.replace("e.mustermann@", "presse@")
    assert clean(_release(shared), kind="html").authors == ()
    # a menu's "Kontakt" link before a name is no label
    menu = "<p>Kontakt</p><p>Max Muster Telefon 040 123 max.muster@example.org</p>"
    assert clean(_release(menu), kind="html").authors == ()


def test_a_submission_line_after_the_story_names_its_author() -> None:
    line = "<div class='submitted'>Gespeichert von jdoe am 24. Juli 2017 - 18:55</div>"
    article = clean(_release(line), kind="html")
    assert article.authors == ("jdoe",)
    assert article.provenance["authors"] == "html:submitted"
    # without a date it is a sentence, not a submission line
    undated = "<div>Gespeichert von jdoe am Rechner im Büro</div>"
    assert clean(_release(undated), kind="html").authors == ()


def test_a_declared_first_name_shown_in_the_byline_takes_the_surname_of_the_author_box() -> None:
    head = json_ld(**{"@type": "Article", "author": {"@type": "Person", "name": "Stefanus"}})
    box = "<div class='box'><div>Stefanus Stahl - Maschinenbauer und Abenteurer.</div></div>"
    html = (
        f"<html><head>{head}</head><body><article><h1>Reifen montieren</h1>"
        f"<p class='author'>Stefanus</p>{BODY * 3}{box}</article></body></html>"
    )
    article = clean(html, kind="html")
    assert article.authors == ("Stefanus Stahl",)
    # a company declared and not shown keeps its name ("Accruent Academy" is a product)
    company = html.replace("<p class='author'>Stefanus</p>", "").replace("Stefanus", "Accruent")
    assert clean(company, kind="html").authors == ("Accruent",)


def test_the_author_in_a_list_of_credits_after_the_story() -> None:
    credits = (
        "<section class='credits'><div>Interview</div><div>SVEN MUSTER</div>"
        "<div>Fotograf</div><div>ERIC ROE</div></section>"
    )
    html = f"<html><body><article><h1>Ein Gespräch</h1>{BODY * 3}{credits}</article></body></html>"
    assert clean(html, kind="html").authors == ("SVEN MUSTER",)
    # the photographer's credit names no author
    photo = credits.replace("<div>Interview</div><div>SVEN MUSTER</div>", "")
    assert clean(html.replace(credits, photo), kind="html").authors == ()


def test_initials_in_an_hcard_are_spelled_out_by_the_one_name_they_abbreviate() -> None:
    header = (
        "<h1>Nach langer Zeit</h1><p>Posted by <span class='author vcard'>"
        "<a class='url fn n' href='/author/x/'>DT</a></span></p>"
    )
    licence = "<p>Ein Hundetagebuch von <a>Donald Townsend</a> steht unter einer Lizenz.</p>"
    html = f"<html><body><article>{header}{BODY * 3}</article><footer>{licence}</footer></body></html>"
    assert clean(html, kind="html").authors == ("Donald Townsend",)
    # two names that the initials could abbreviate: neither is taken
    both = licence + "<p>Mit Dank an Daniel Thomas.</p>"
    assert clean(html.replace(licence, both), kind="html").authors == ("DT",)
