"""Declared metadata (JSON-LD, meta tags) as read by ``head_metadata``: entities, author
name cleaning, the publisher as author; and the date formats the parser reads."""

from __future__ import annotations

import json
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from cleaner import clean
from cleaner.html.declared_authors import clean_names, is_publisher, site_key
from cleaner.html.page_metadata import HeadMetadata, head_metadata
from cleaner.metadata.dates import find_date, normalize_date


def head(markup: str, **data: object) -> HeadMetadata:
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>' if data else ""
    return head_metadata(
        LexborHTMLParser(f"<html><head>{script}{markup}</head><body></body></html>")
    )


def test_json_ld_entities_are_decoded() -> None:
    meta = head(
        "", **{"@type": "Article", "headline": "Full &#038; Part Time", "author": "A &amp; B"}
    )
    assert meta.titles[0] == ("Full & Part Time", "json-ld:headline")
    assert meta.authors == (("A & B",), "json-ld:author")


def test_author_label_and_link_are_cut() -> None:
    meta = head('<meta name="author" content="Frank Bueltge - http://example.org">')
    assert meta.authors == (("Frank Bueltge",), "meta:author")
    meta = head("", **{"@type": "NewsArticle", "author": {"name": "By Glen Owen"}})
    assert meta.authors == (("Glen Owen",), "json-ld:author")


def test_placeholder_author_falls_through_to_the_next_source() -> None:
    meta = head(
        '<meta name="author" content="Jane Doe">',
        **{"@type": "NewsArticle", "author": {"name": "No Author"}},
    )
    assert meta.authors == (("Jane Doe",), "meta:author")
    assert head('<meta name="author" content="null">').authors is None


def test_publisher_as_author_yields_to_a_declared_person() -> None:
    meta = head(
        '<meta property="og:site_name" content="Daily News">'
        '<meta name="author" content="Jane Doe">',
        **{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Daily News"}},
    )
    assert meta.authors == (("Jane Doe",), "meta:author")
    assert meta.author_is_publisher is False


def test_publisher_as_only_author_is_kept_and_flagged() -> None:
    meta = head(
        '<meta property="og:site_name" content="DailyNews.com">',
        **{"@type": "NewsArticle", "author": "Daily News"},
    )
    assert meta.authors == (("Daily News",), "json-ld:author")
    assert meta.author_is_publisher is True
    login = head('<meta name="author" content="jane.doe">')
    assert login.authors == (("jane.doe",), "meta:author") and login.author_is_publisher


def test_person_author_is_not_flagged() -> None:
    meta = head(
        '<meta property="og:site_name" content="Daily News"><meta name="author" content="Jane Doe">'
    )
    assert meta.author_is_publisher is False


def test_clean_names_and_site_key() -> None:
    assert clean_names(("Jane Doe", "Jane Doe", "  Von  Max Muster ")) == ("Jane Doe", "Max Muster")
    assert clean_names(("Anonymous",)) == ("Anonymous",)  # a name some sites really use
    assert site_key("www.Example-News.co") == site_key("Example News") == "examplenews"
    assert not is_publisher("Jane Doe", {site_key("Daily News")})
    assert is_publisher("example.org", set())


def test_two_digit_years_with_dots() -> None:
    now = datetime(2025, 6, 1)
    assert find_date("31.10.23", now=now) == "2023-10-31"
    assert find_date("Stand 28.09.19 12:44", now=now) == "2019-09-28T12:44"
    assert find_date("23.09.99", now=now) == "1999-09-23"


def test_two_digit_years_not_versions_numbers_or_future() -> None:
    now = datetime(2025, 6, 1)
    assert find_date("version 1.31.10.23", now=now) is None
    assert find_date("31.10.234", now=now) is None
    assert find_date("12.13.14", now=now) is None  # no month 13
    assert find_date("3.10.23", now=now) is None  # one-digit day: a version or a score
    assert find_date("01.12.25", now=now) is None  # after now


def test_russian_month_names() -> None:
    assert find_date("15 августа 2016, 13:43") == "2016-08-15T13:43"
    assert find_date("1 мая 2020") == "2020-05-01"
    assert find_date("15 авгуcта 2016") is None  # a Latin c inside: not a month


def test_author_meta_tag_repeated_per_author_and_any_case() -> None:
    meta = head(
        '<meta name="citation_author" content="Jane Doe">'
        '<meta name="citation_author" content="John Roe">'
        '<meta name="citation_author" content="Jane Doe">'
    )
    assert meta.authors == (("Jane Doe", "John Roe"), "meta:citation_author")
    assert head('<meta name="DC.Creator" content="Max Muster">').authors == (
        ("Max Muster",),
        "meta:dc.creator",
    )


def test_author_meta_tag_with_a_link_only_is_ignored() -> None:
    assert head('<meta name="author" content="https://example.org/about">').authors is None
    meta = head('<meta name="author" content="@handle"><meta name="byl" content="By Jane Doe">')
    assert meta.authors == (("Jane Doe",), "meta:byl")


def test_offsets_in_iso_8601_extended_form() -> None:
    assert normalize_date("2025-11-04T17:37:00+0100") == "2025-11-04T17:37:00+01:00"
    assert normalize_date("2022-01-27T12:45:36.270+01") == "2022-01-27T12:45:36.270+01:00"
    assert normalize_date("2025-12-02 08:30:10 -0600") == "2025-12-02T08:30:10-06:00"
    assert normalize_date("2013-08-22 21:43:53 UTC") == "2013-08-22T21:43:53Z"
    assert normalize_date("2025-11-04T17:37:00.000Z") == "2025-11-04T17:37:00.000Z"


def test_a_number_after_a_space_is_not_an_offset() -> None:
    assert find_date("2025-11-04 17:37 -12 comments") == "2025-11-04T17:37"
    assert find_date("2025-11-04 17:37 UTCx") == "2025-11-04T17:37"


def test_rfc_2822_dates_keep_seconds_and_zone() -> None:
    assert normalize_date("Tue, 04 Nov 2025 17:37:00 GMT") == "2025-11-04T17:37:00Z"
    assert normalize_date("Wed, 02 Feb 2022 09:12:22 +0100") == "2022-02-02T09:12:22+01:00"
    now = datetime(2025, 1, 1)
    assert normalize_date("Tue, 04 Nov 2031 17:37:00 GMT", now=now) is None  # future
    assert normalize_date("Tue, 04 Nov 2025 17:37:00", now=datetime(2026, 1, 1)) == (
        "2025-11-04T17:37:00"  # no zone: read as any other date
    )


def test_seconds_and_twelve_hour_clock() -> None:
    assert find_date("4/24/2000 12:00:00 AM", day_first=False) == "2000-04-24T00:00:00"
    assert find_date("13/11/2025 09:21:40", now=datetime(2026, 1, 1)) == "2025-11-13T09:21:40"
    assert find_date("4 Nov 2025 5:37 p.m.", now=datetime(2026, 1, 1)) == "2025-11-04T17:37"
    # German "Am" (on) after a time is not a.m.
    assert find_date("04.11.2025 12:30 Am Rande", now=datetime(2026, 1, 1)) == "2025-11-04T12:30"


_COUNCIL_BODY = "".join(
    f"<p>The council approved the new budget on Tuesday after a long debate about schools,"
    f" roads and the harbour, item {i}.</p>"
    for i in range(6)
)


def test_meta_tag_author_yields_to_a_byline_line() -> None:
    # a byline line the HTML byline reader misses ("Geschrieben von X am <date>") names the
    # author; the meta tag names the publisher
    html = (
        '<html><head><meta name="author" content="Example Media"></head><body>'
        "<h1>Council approves new budget</h1>"
        f"<p>Geschrieben von Cooper am 25.08.2015 22:30</p>{_COUNCIL_BODY}</body></html>"
    )
    article = clean(html.encode())
    assert article.authors == ("Cooper",)


def test_meta_tag_author_stays_without_a_byline_line() -> None:
    html = (
        '<html><head><meta name="author" content="Jane Doe"></head><body>'
        f"<h1>Council approves new budget</h1>{_COUNCIL_BODY}</body></html>"
    )
    article = clean(html.encode())
    assert (article.authors, article.provenance["authors"]) == (("Jane Doe",), "meta:author")
