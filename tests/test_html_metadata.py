"""HTML metadata: JSON-LD, OpenGraph/article meta, <time>, visible bylines and datelines,
agency credits; every value with its provenance; no future dates."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from cleaner import Options, clean

BODY = "<p>" + "A sentence of the story that carries real content, with a clause. " * 8 + "</p>"


def page(head: str = "", header: str = "", body: str = BODY * 3) -> str:
    return (
        f"<html lang='de'><head>{head}</head><body><article>{header}{body}</article></body></html>"
    )


def json_ld(**data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_json_ld_article_fields_with_provenance() -> None:
    head = json_ld(
        **{
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Die Überschrift",
            "author": [{"@type": "Person", "name": "Max Muster"}, {"name": "Erika Mustermann"}],
            "datePublished": "2025-11-04T17:37:00+01:00",
            "dateModified": "2025-11-05T08:00:00+01:00",
            "publisher": {"@type": "Organization", "name": "Die Zeitung"},
            "articleSection": "Politik",
            "keywords": "Wahl, Berlin",
        }
    )
    article = clean(page(head), kind="html")
    assert article.title == "Die Überschrift"
    assert article.authors == ("Max Muster", "Erika Mustermann")
    assert article.date == "2025-11-04T17:37:00+01:00"
    assert (article.site_name, article.section, article.tags) == (
        "Die Zeitung",
        "Politik",
        ("Wahl", "Berlin"),
    )
    assert article.provenance["title"] == "json-ld:headline"
    assert article.provenance["authors"] == "json-ld:author"
    assert article.provenance["date"] == "json-ld:datePublished"
    assert article.language == "de"


def test_json_ld_graph_with_id_references() -> None:
    head = json_ld(
        **{
            "@graph": [
                {"@type": "WebSite", "name": "Site"},
                {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
                {
                    "@type": "Article",
                    "headline": "Graph headline",
                    "author": {"@id": "#jane"},
                    "datePublished": "2024-02-03",
                },
            ]
        }
    )
    article = clean(page(head), kind="html")
    assert (article.title, article.authors, article.date) == (
        "Graph headline",
        ("Jane Doe",),
        "2024-02-03",
    )


def test_opengraph_and_article_meta_tags() -> None:
    head = (
        '<meta property="og:title" content="The story | Site">'
        '<meta property="og:site_name" content="Site">'
        '<meta property="article:published_time" content="2023-05-06T07:08:09Z">'
        '<meta name="author" content="Jane Doe">'
        '<meta property="article:section" content="World">'
    )
    article = clean(page(head), kind="html")
    assert article.title == "The story"  # the site name cut off
    assert article.provenance["title"] == "meta:og:title"
    assert article.date == "2023-05-06T07:08:09Z"
    assert article.provenance["date"] == "meta:article:published_time"
    assert article.authors == ("Jane Doe",)
    assert article.site_name == "Site"


def test_visible_headline_wins_over_an_seo_title_and_is_not_body() -> None:
    head = "<title>Best widgets 2025 - compare prices | Shop</title>"
    article = clean(page(head, "<h1>Which widget should you buy?</h1>"), kind="html")
    assert article.title == "Which widget should you buy?"
    assert article.provenance["title"] == "html:h1"
    assert "Which widget" not in article.text
    assert any(r.rule == "html.headline" for r in article.removed)


def test_site_name_h1_is_not_the_title() -> None:
    head = "<title>The real headline | Example News</title>"
    header = "<h1>Example News</h1>"
    article = clean(
        f"<html><head>{head}</head><body><header>{header}</header><main>{BODY * 3}"
        "</main></body></html>",
        kind="html",
    )
    assert article.title == "The real headline"


def test_h1_repeating_the_site_that_opens_a_path_title_is_not_the_title() -> None:
    head = "<title>Four Years » Blog Archive » Interning of small integers</title>"
    article = clean(
        f"<html><head>{head}</head><body><header><h1>Four Years</h1></header><main>{BODY * 3}"
        "</main></body></html>",
        kind="html",
    )
    assert article.title == "Interning of small integers"


def test_kicker_opening_the_h1_is_not_part_of_the_title() -> None:
    header = (
        "<h1><span class='article-roofline'>Klimaschutz</span>: Bohren, bis es heiß wird</h1>"
        "<p class='byline'><span class='author'>Max Muster</span></p>"
    )
    article = clean(page(header=header), kind="html")
    assert article.title == "Bohren, bis es heiß wird"
    assert article.authors == ("Max Muster",)
    # a kicker over a one-word line is rather the first half of the headline
    one_word = clean(page(header="<h1><span class='kicker'>Rain in</span> Spain</h1>"), kind="html")
    assert one_word.title == "Rain in Spain"


def test_user_name_in_an_hcard_author_element_is_the_author() -> None:
    header = (
        "<h1>Headline of the post</h1><div class='entry-meta'><span class='byline'>"
        "<span class='author vcard'><a class='url fn n' href='/author/x/'>gizzmo</a></span>"
        "</span></div>"
    )
    assert clean(page(header=header), kind="html").authors == ("gizzmo",)
    # without the microformat a lower-case word in an author element is no name
    plain = header.replace(" vcard", "").replace("url fn n", "url").replace("/author/x/", "/x/")
    assert clean(page(header=plain), kind="html").authors == ()
    team = header.replace(">gizzmo<", ">example.at Redaktion<")
    assert clean(page(header=team), kind="html").authors == ("example.at Redaktion",)


#: (header, authors, where they came from) for the byline readings of the page's header.
HEADER_BYLINES = [
    pytest.param(
        "<h1>Headline of the post</h1><p><span class='author vcard'>freeman1984</span></p>"
        + BODY
        + "<p class='author'>Jane Doe</p>",
        ("freeman1984",),
        "html:byline-hcard",
        id="hcard-user-name-beats-a-later-name-and-may-hold-digits",
    ),
    pytest.param(
        "<h1>Headline</h1><div class='meta'><span class='author'>Jane Doe</span> &amp; "
        "<span class='author'>John Roe</span></div>",
        ("Jane Doe", "John Roe"),
        "html:byline-element",
        id="author-elements-joined-in-one-byline-are-co-authors",
    ),
    pytest.param(
        "<h1>Headline</h1><div class='meta'><span class='author'>Jane Doe</span> Staff "
        "Writer <span class='author'>John Roe</span></div>",
        ("Jane Doe",),
        "html:byline-element",
        id="author-elements-not-joined-are-not-co-authors",
    ),
    pytest.param(
        "<h1>Headline</h1><p class='byline'>By <a>Jane Doe</a><span>Staff Writer</span></p>",
        ("Jane Doe",),
        "html:byline-line",
        id="role-glued-to-a-byline-name-is-cut",
    ),
    pytest.param(
        "<h1>Headline</h1><p>By Recent Posts</p><div class='author'>Jane Doe</div>",
        ("Jane Doe",),
        "html:byline-element",
        id="interface-label-after-by-is-not-a-byline",
    ),
    pytest.param(
        "<h1>Überschrift</h1><p>Von David Muster, dpa</p>",
        ("David Muster",),
        "html:byline-line",
        id="agency-after-the-byline-name-is-cut",
    ),
    pytest.param(
        "<h1>Titre</h1><p>Par Loïc Le Clerc | 30 septembre 2018</p>",
        ("Loïc Le Clerc",),
        "html:byline-line",
        id="capitalised-particle-in-a-byline-name-is-kept",
    ),
    pytest.param(
        "<h1>Überschrift</h1><p>VON MAX MUSTER am 21. April 2020</p>",
        ("MAX MUSTER",),
        "html:byline-line",
        id="name-in-capitals-after-a-byline-label",
    ),
    pytest.param(
        "<h1>Überschrift</h1><p>von Marianne1 am 20.09.2020</p>",
        ("Marianne1",),
        "html:byline-line",
        id="user-name-with-digits-after-a-byline-label",
    ),
    pytest.param(
        "<h1>Überschrift</h1><div class='author'><span>Geschrieben von</span>"
        "<a>Erika Muster</a></div>"
        + BODY
        + "<div class='author'>Max Beispiel</div>",
        ("Erika Muster",),
        "html:byline-element",
        id="by-word-glued-to-the-name-in-an-author-element",
    ),
    pytest.param(
        "<h1>Überschrift</h1><p class='author'><span>Von</span><a>Erika Muster</a></p>",
        ("Erika Muster",),
        "html:byline-element",
        id="byline-label-glued-to-the-name",
    ),
    pytest.param(
        "<h1>Headline</h1><p>Written by</p><p>Jane Doe - Product marketer</p>",
        ("Jane Doe",),
        "html:byline-line",
        id="role-after-a-spaced-hyphen-is-cut",
    ),
    pytest.param(
        "<h1>Überschrift</h1><div class='author-info'><a class='author-name'>Erika Muster</a>"
        "<span>vor 5 Stunden</span></div>",
        ("Erika Muster",),
        "html:byline-element",
        id="text-glued-after-an-author-element-is-not-the-name",
    ),
]


@pytest.mark.parametrize(("header", "authors", "provenance"), HEADER_BYLINES)
def test_byline_in_the_header(header: str, authors: tuple[str, ...], provenance: str) -> None:
    article = clean(page(header=header), kind="html")
    assert article.authors == authors
    assert article.provenance["authors"] == provenance


def test_by_line_naming_the_site_yields_to_one_naming_a_person() -> None:
    head = "<meta property='og:site_name' content='The Daily Planet'>"
    header = "<h1>Headline</h1><p>By The Daily Planet</p><p>Written by: Jane Doe</p>"
    article = clean(page(head=head, header=header), kind="html")
    assert article.authors == ("Jane Doe",)
    assert article.provenance["authors"] == "html:byline-line"


def test_link_to_the_author_page_names_the_author_of_a_page_without_byline() -> None:
    box = "<div class='box'><a href='/autor/max-muster/'>Alles von Max Muster</a></div>"
    html = page(
        head="<meta property='og:site_name' content='Erika Beispiel'>",
        header="<h1>Überschrift</h1>",
        body=BODY * 6 + box,
    )
    article = clean(html, kind="html")
    assert article.authors == ("Max Muster",)
    assert article.provenance["authors"] == "html:author-link"
    elsewhere = html.replace("/autor/max-muster/", "/kategorie/max-muster/")
    assert clean(elsewhere, kind="html").authors == ("Erika Beispiel",)


def test_author_box_labels_glued_together_are_no_name() -> None:
    head = "<meta name='twitter:label1' content='Written by'><meta name='twitter:data1' content='Jane Doe'>"
    box = "<div class='post-author'><h4><span>Zur Person</span><a>Alle Beiträge</a></h4></div>"
    article = clean(page(head=head, header="<h1>Headline</h1>", body=BODY * 3 + box), kind="html")
    assert article.authors == ("Jane Doe",)


def test_personal_site_name_is_the_author_of_last_resort() -> None:
    head = "<meta property='og:site_name' content='Jane Doe'>"
    article = clean(page(head, "<h1>Headline</h1>"), kind="html")
    assert article.authors == ("Jane Doe",)
    assert article.provenance["authors"] == "meta:og:site_name:person"
    named = clean(page(head, "<h1>Headline</h1><p>By John Roe</p>"), kind="html")
    assert named.authors == ("John Roe",)


@pytest.mark.parametrize(
    "site",
    [
        "The Daily Bugle",
        "Jan's Blog",
        "HR Innovation",
        "Women Can Talk Sports",
        "Rust Blog",
        "Harvard Health",
        "Park University",
    ],
)
def test_a_site_name_that_reads_like_an_organisation_is_not_the_author(site: str) -> None:
    head = f"<meta property='og:site_name' content=\"{site}\">"
    assert clean(page(head, "<h1>Headline</h1>"), kind="html").authors == ()


def test_date_line_runs_into_its_update_date() -> None:
    header = "<h1>Headline</h1><div class='date'><span>April 26, 2024</span><span>Updated on: October 28, 2024</span></div>"
    article = clean(page(header=header), kind="html")
    assert article.date == "2024-04-26"


def test_a_date_shown_as_updated_yields_to_one_shown_as_published() -> None:
    head = json_ld(**{"@type": "NewsArticle", "headline": "Headline", "datePublished": "2025-08-21"})
    header = (
        "<h1>Headline</h1><div class='date'>Published Apr 26, 2023</div>"
        "<div class='date'>Updated Aug 21, 2025</div>"
    )
    assert clean(page(head, header), kind="html").date == "2023-04-26"
    # shown alone, the update's date stays a vote
    alone = "<h1>Headline</h1><div class='date'>Updated Aug 21, 2025</div>"
    assert clean(page(head, alone), kind="html").date == "2025-08-21"


def test_visible_byline_and_dateline() -> None:
    header = (
        "<h1>Headline</h1><p class='byline'>By Jane Doe and John Smith</p>"
        "<p>Published 4 November 2025, 17:37</p>"
    )
    article = clean(page(header=header), kind="html")
    assert article.authors == ("Jane Doe", "John Smith")
    assert article.provenance["authors"] == "html:byline-line"
    assert article.date == "2025-11-04T17:37"
    rules = {r.text: r.rule for r in article.removed}
    assert rules["By Jane Doe and John Smith"] == "html.byline"
    assert rules["Published 4 November 2025, 17:37"] == "html.dateline"
    assert "Jane Doe" not in article.text


def test_german_byline_label_and_author_element() -> None:
    header = (
        "<h1>Überschrift</h1><div class='meta'><span class='author-name'>Max Muster</span>"
        " | <time datetime='2022-01-26T10:00:00+01:00'>26.01.2022</time></div>"
    )
    article = clean(page(header=header), kind="html")
    assert article.authors == ("Max Muster",)
    assert article.date == "2022-01-26T10:00:00+01:00"


def test_author_labelled_at_the_end_of_the_story() -> None:
    head = '<meta name="author" content="Stiftung für Beispiele e.V.">'
    body = BODY * 3 + "<p>Autorin: Erika Mustermann, Projektleiterin in Tunis.</p>"
    article = clean(page(head, "<h1>Überschrift</h1>", body), kind="html")
    assert article.authors == ("Erika Mustermann",)


def test_author_named_after_an_about_the_author_label() -> None:
    box = "<div class='box'><span>About the Author - Jane Doe</span></div>"
    teaser = "<div class='post-author'>October 19, 2020 John Roe</div>"
    article = clean(page(body=BODY * 3 + box + teaser), kind="html")
    assert article.authors == ("Jane Doe",)


def test_author_label_after_a_date_and_dash() -> None:
    header = "<h1>Überschrift</h1><div>05.02.2020 - Redaktion: Max Muster (Pressesprecher)</div>"
    assert clean(page(header=header), kind="html").authors == ("Max Muster",)


def test_author_label_after_a_date_or_double_slash_ends_at_the_next_label() -> None:
    header = "<h1>Überschrift</h1>"
    info = "<div>Datum: 19.11.2021<br>Autor: Max Muster<br>Quelle: Agentur</div>"
    assert clean(page(header=header, body=BODY * 3 + info), kind="html").authors == (
        "Max Muster",
    )
    meta = "<div>20. Januar 2020 @ 18:13 // Autor: <a>jdoe</a> // Lesezeit: 1 Minute</div>"
    assert clean(page(header=header + meta), kind="html").authors == ("jdoe",)


def test_name_signing_the_story_is_its_author() -> None:
    signed = BODY * 3 + "<p><em>Erika Mustermann</em></p>"
    article = clean(page(header="<h1>Überschrift</h1>", body=signed), kind="html")
    assert article.authors == ("Erika Mustermann",)
    assert article.provenance["authors"] == "html:signature"
    first_name = BODY * 3 + "<p>Benni<br>10. September 2017</p>"
    assert clean(page(body=first_name), kind="html").authors == ("Benni",)
    for tail in (
        "<p>Hamburg, 10. September 2017</p>",  # a place and a date
        "<p>Aktionszeitraum: 21.10.2019</p>",  # a label
        "<p>Kostenbeispiel Leasing</p>",  # a heading: no given name
        "<blockquote><p>" + BODY[3:-4] + "</p><p>Erika Mustermann</p></blockquote>",
    ):
        assert clean(page(body=BODY * 3 + tail), kind="html").authors == (), tail


def test_interview_byline_names_guest_and_interviewer() -> None:
    header = "<h1>Überschrift</h1><p class='author'>Max Muster im Gespräch mit Erika Beispiel</p>"
    assert clean(page(header=header), kind="html").authors == ("Max Muster", "Erika Beispiel")


def test_byline_listing_many_co_authors() -> None:
    header = (
        "<h1>Headline</h1><span class='byline-author'>Posted by Jane Doe, John Roe, Max Muster"
        " and Erika Beispiel - Security team</span>"
    )
    article = clean(page(header=header), kind="html")
    assert article.authors == ("Jane Doe", "John Roe", "Max Muster", "Erika Beispiel")
    assert article.provenance["authors"] == "html:byline-line"
    roles = header.replace("John Roe, Max Muster", "Privacy, Digital Security Expert")
    # a one-word part is a role: the list is not read as co-authors
    assert "Privacy" not in clean(page(header=roles), kind="html").authors


def test_source_credited_in_a_byline_element_and_no_picture_credit() -> None:
    credit = "<p class='byline'>Bild © Sender</p>"
    footer = "<footer><p class='byline'>Quelle: example.de/ab</p></footer>"
    article = clean(page(header="<h1>Überschrift</h1>" + credit, body=BODY * 3 + footer), kind="html")
    assert article.authors == ("example.de/ab",)
    figures = footer.replace("example.de/ab", "Statistisches Amt, eigene Berechnungen")
    article = clean(page(header="<h1>Überschrift</h1>" + credit, body=BODY * 3 + figures), kind="html")
    assert article.authors == ()


def test_source_credited_by_the_story_beats_a_domain_declared_as_author() -> None:
    head = '<meta name="author" content="example.de">'
    credit = BODY * 3 + "<p>Quelle: Agentur XY</p>"
    article = clean(page(head, "<h1>Überschrift</h1>", credit), kind="html")
    assert article.authors == ("Agentur XY",)
    person = head.replace("example.de", "Max Muster")
    assert clean(page(person, "<h1>Überschrift</h1>", credit), kind="html").authors == ("Max Muster",)


def test_declared_author_in_its_visible_spelling() -> None:
    head = json_ld(**{"@type": "Article", "headline": "H", "author": {"name": "Andrew Huberman"}})
    header = "<h1>H</h1><div class='author'>Dr. Andrew Huberman</div>"
    article = clean(page(head, header), kind="html")
    assert article.byline == "Dr. Andrew Huberman"


def test_dates_agree_and_keep_time_and_offset() -> None:
    head = json_ld(
        **{"@type": "NewsArticle", "headline": "H", "datePublished": "2021-03-04T10:00:00+01:00"}
    )
    header = "<h1>H</h1><p>4. März 2021</p>"
    article = clean(page(head, header), kind="html", url="https://example.org/2021/03/04/h")
    assert article.date == "2021-03-04T10:00:00+01:00"


def test_future_dates_are_never_chosen() -> None:
    now = datetime(2025, 1, 1)
    head = (
        '<meta property="article:published_time" content="2031-01-01T00:00:00Z">'
        '<meta property="article:modified_time" content="2030-06-01T00:00:00Z">'
    )
    header = "<h1>H</h1><p>1 January 2031</p>"
    article = clean(page(head, header), kind="html", options=Options(now=now))
    assert article.date is None or article.date[:10] <= "2025-01-02"
    head_ok = head + json_ld(**{"@type": "Article", "headline": "H", "datePublished": "2024-12-30"})
    assert clean(page(head_ok, header), kind="html", options=Options(now=now)).date == "2024-12-30"


def test_date_from_the_address() -> None:
    article = clean(
        page(header="<h1>H</h1>"), kind="html", url="https://example.org/news/2020/02/24/story"
    )
    assert article.date == "2020-02-24"
    assert article.provenance["date"] == "url"


def test_agency_credits_become_source() -> None:
    dateline = (
        "<p>BERLIN (Reuters) - " + "The story starts and goes on with its facts. " * 5 + "</p>"
    )
    assert (
        clean(page(header="<h1>H</h1>", body=dateline + BODY * 2), kind="html").source == "Reuters"
    )
    credit = BODY * 2 + "<p>Quelle: dpa</p>"
    article = clean(page(header="<h1>H</h1>", body=credit), kind="html")
    assert article.source == "dpa"
    assert article.provenance["source"] == "html:source-line"
    ap = BODY * 2 + "<p>(AP)</p>"
    assert clean(page(header="<h1>H</h1>", body=ap), kind="html").source == "AP"


def test_every_metadata_value_has_a_provenance() -> None:
    head = (
        '<meta property="og:title" content="T">'
        '<meta name="description" content="What the story is about.">'
    )
    article = clean(page(head, "<h1>T</h1><p class='byline'>By Jane Doe</p>"), kind="html")
    for field in ("title", "byline", "authors", "description", "language"):
        assert getattr(article, field)
        assert field in article.provenance, field


def test_first_date_after_the_headline_beats_the_most_frequent_one() -> None:
    # no date by the headline; the teasers above it repeat another day
    teasers = "".join(f"<p>Teaser {n}: 3 March 2021</p>" for n in range(3))
    filler = "".join(f"<p>Paragraph {n} of the story, long enough to count here.</p>"
                     for n in range(12))
    html = (
        f"<html><body><aside>{teasers}</aside><article><h1>The headline of the story</h1>"
        f"{filler}<p>Posted 9 November 2021</p>{BODY * 3}</article></body></html>"
    )
    assert clean(html, kind="html").date == "2021-11-09"


def test_name_after_a_by_word_inside_a_short_line_under_the_headline() -> None:
    header = (
        "<h1>Überschrift</h1><p>Eine Kolumne von Max Muster</p>"
        "<div class='autor'>Erika</div>"
    )
    article = clean(page(header=header), kind="html")
    assert article.authors == ("Max Muster",)
    assert article.provenance["authors"] == "html:byline-element"
    sentence = "<h1>Überschrift</h1><p>Die Polizei fand gestern den Hund von Max Muster</p>"
    assert clean(page(header=sentence), kind="html").provenance.get("authors") != "html:byline-element"


def test_person_in_the_copyright_line_is_the_author_of_last_resort() -> None:
    footer = "<footer><p>© 2019 Max Muster. Alle Rechte vorbehalten.</p></footer>"
    html = page(header="<h1>Überschrift</h1>").replace("</body>", footer + "</body>")
    article = clean(html, kind="html")
    assert article.authors == ("Max Muster",)
    assert article.provenance["authors"] == "html:copyright"
    byline = page(header="<h1>Überschrift</h1><p>Von Erika Mustermann</p>")
    assert clean(byline.replace("</body>", footer + "</body>"), kind="html").authors == (
        "Erika Mustermann",
    )
    company = html.replace("Max Muster.", "Muster Verlag GmbH.")
    assert clean(company, kind="html").authors == ()
    forum = html.replace("Max Muster.", "Muster Forum.")
    assert clean(forum, kind="html").authors == ()


def test_picture_credit_and_label_around_a_byline_name_are_cut() -> None:
    header = "<h1>Überschrift</h1><p>Text von Max Muster Illustration von Erika Beispiel</p>"
    assert clean(page(header=header), kind="html").authors == ("Max Muster",)


def test_a_shown_slashed_date_is_read_in_the_order_of_its_time_element() -> None:
    # "10/12/2023" is 10 December day-first; its own <time datetime> says 12 October
    header = (
        "<h1>Headline</h1><p>By Jane Doe</p>"
        "<p class='date'><time datetime='2023-10-12T19:38:01.087Z'>10/12/2023 7:38:01 PM</time></p>"
    )
    assert clean(page("", header), kind="html").date[:10] == "2023-10-12"


def test_declared_login_is_spelled_out_as_the_page_writes_the_name() -> None:
    head = json_ld(**{"@type": "NewsArticle", "headline": "Titel", "author": {"name": "jane.doe"}})
    caption = "<figure><figcaption>Chefredakteurin Jane P. Doe, im Archiv.</figcaption></figure>"
    article = clean(page(head, "<h1>Titel</h1>" + caption), kind="html")
    assert article.authors == ("Jane P. Doe",)
    assert article.provenance["authors"] == "json-ld:author:spelled-out"


def test_first_name_byline_gets_the_one_surname_the_page_writes() -> None:
    header = '<h1>Titel</h1><p class="byline">Von Jane</p>'
    about = "<aside><p>Jane Doe - Ingenieurin und Radfahrerin.</p></aside>"
    article = clean(page(header=header, body=BODY * 3 + about), kind="html")
    assert article.authors == ("Jane Doe",)
    two = "<aside><p>Jane Doe - Ingenieurin.</p><p>Jane Roe, Fotos.</p></aside>"
    article = clean(page(header=header, body=BODY * 3 + two), kind="html")
    assert article.authors == ("Jane",)


def test_declared_co_authors_each_shown_in_an_element_of_its_own() -> None:
    authors = [{"name": "Jane Doe"}, {"name": "John Roe"}]
    head = json_ld(**{"@type": "NewsArticle", "headline": "Titel", "author": authors})
    header = "<h1>Titel</h1><ul class='authors'><li>Jane Doe, PhD</li><li>John Roe, PhD</li></ul>"
    article = clean(page(head, header), kind="html")
    assert article.authors == ("Jane Doe, PhD", "John Roe, PhD")


def test_label_glued_to_the_name_inside_an_author_link_is_cut() -> None:
    link = '<p><a href="/author/jane/"><span>Jane Dawson</span><span>Tech Reporter</span></a></p>'
    article = clean(page(header="<h1>Titel</h1>" + link), kind="html")
    assert article.authors == ("Jane Dawson",)
    assert article.provenance["authors"] == "html:author-link"


def test_name_beside_the_date_in_an_author_element() -> None:
    header = '<h1>Titel</h1><div class="date-author">Dec. 19, 2025 · Jane Doe on behalf of the team</div>'
    article = clean(page(header=header), kind="html")
    assert article.authors == ("Jane Doe",)
    assert article.provenance["authors"] == "html:byline-element"
