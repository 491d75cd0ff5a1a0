"""The page date on HTML pages: which shown dates vote, the tie-break, update stamps."""

from __future__ import annotations

from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from cleaner import clean
from cleaner.html.date_vote import choose_date
from cleaner.html.json_ld import json_ld_metadata
from cleaner.html.page_metadata import HeadMetadata
from cleaner.html.segment import segment_html
from cleaner.html.shown_dates import dated_below, one_reading, page_date, same_instant
from cleaner.html.visible import CAPTURE, HEADING_CAPTURE

NOW = datetime(2026, 3, 1)
BODY = "".join(
    f"<p>Paragraph {n} of the story tells the reader a good deal about the subject at hand, "
    "in sentences long enough to count as prose.</p>"
    for n in range(6)
)


def _choose(head: HeadMetadata, visible: list[tuple[int, str, str]], title: int | None, **kw):
    kw.setdefault("page_fallback", lambda: None)
    return choose_date(head, visible, title, url=None, now=NOW, **kw)


def test_dates_above_the_headline_yield_to_a_dateline_under_it() -> None:
    visible = [(7, "2025-12-19", "date-element"), (19, "2025-12-12", "dateline")]
    # both vote without a dateline under the headline: the page's day breaks the tie
    assert (
        _choose(HeadMetadata(), visible, 15, page_fallback=lambda: "2025-12-19")[0] == "2025-12-19"
    )
    got = _choose(HeadMetadata(), visible, 15, page_fallback=lambda: "2025-12-19", below=True)
    assert got == ("2025-12-12", "html:dateline")


def test_dated_below_needs_only_short_lines_between_headline_and_date() -> None:
    html = "<h1>Tax basics</h1><p>By the editors</p><div>12.12.2025</div>" + BODY
    page = segment_html(LexborHTMLParser(html), capture=CAPTURE, heading_capture=HEADING_CAPTURE)
    assert dated_below(page, [(2, "2025-12-12", "dateline")], 0)
    assert not dated_below(page, [(5, "2025-12-12", "dateline")], 0)  # prose between
    assert not dated_below(page, [(2, "2025-12-12", "dateline")], None)


def test_without_a_headline_only_the_first_time_element_votes() -> None:
    visible = [
        (25, "2012-07-04", "dateline"),  # the poster's "Joined" line
        (27, "2024-09-11T16:36:25+00:00", "time[datetime]"),
        (34, "2024-09-12T19:06:08+00:00", "time[datetime]"),
        (41, "2024-09-12T20:05:43+00:00", "time[datetime]"),
    ]
    assert _choose(HeadMetadata(), visible, None) == (
        "2024-09-11T16:36:25+00:00",
        "html:time[datetime]",
    )
    dated = [
        (12, "2021-11-25", "dateline"),
        (50, "2021-12-01", "dateline"),
        (69, "2021-12-01", "dateline"),
    ]
    assert _choose(HeadMetadata(), dated, None) == ("2021-11-25", "html:dateline")


def test_shown_update_stamp_does_not_vote_against_open_graph_publication() -> None:
    head = HeadMetadata(
        dates=(("2022-01-03T16:52:00+00:00", "meta:article:published_time"),),
        modified=(("2025-11-03T06:10:53+00:00", "meta:article:modified_time"),),
    )
    shown = [(17, "2025-11-03", "date-element")]
    got = _choose(head, shown, 16, page_fallback=lambda: "2025-11-03")
    assert got == ("2022-01-03T16:52:00+00:00", "meta:article:published_time")
    # a JSON-LD publication date: the shown date still votes (the page's day decides)
    json_ld = HeadMetadata(
        dates=(("2022-01-03", "json-ld:datePublished"), *head.dates), modified=head.modified
    )
    assert _choose(json_ld, shown, 16, page_fallback=lambda: "2025-11-03")[0] == "2025-11-03"


def test_tie_broken_by_the_first_date_after_the_headline_when_the_page_day_is_neither() -> None:
    head = HeadMetadata(dates=(("2025-12-01T05:10:15Z", "json-ld:datePublished"),))
    shown = [(9, "2000-04-24", "dateline")]
    assert _choose(head, shown, 7, page_fallback=lambda: "2025-11-21")[0] == "2025-12-01T05:10:15Z"
    got = _choose(
        head, shown, 7, page_fallback=lambda: "2025-11-21", after_title=lambda: "2000-04-24"
    )
    assert got[0][:10] == "2000-04-24"


def test_declared_moment_shown_in_another_zone_votes_for_the_declared_day() -> None:
    head = HeadMetadata(dates=(("2025-12-18T23:25:38+00:00", "json-ld:datePublished"),))
    shown = [(22, "2025-12-19T04:25:38+05:00", "time[datetime]"), (26, "2011-11-04", "dateline")]
    got = _choose(head, shown, 20, after_title=lambda: "2011-11-04")
    assert got == ("2025-12-18T23:25:38+00:00", "json-ld:datePublished")
    assert same_instant("2025-12-18T23:25:38+00:00", "2025-12-19T04:25:38+05:00")


def test_time_attribute_far_from_its_text_is_the_date_read() -> None:
    found = [(22, "2024-08-28", "dateline"), (22, "2024-12-20", "time[datetime]")]
    assert one_reading(found) == [(22, "2024-12-20", "time[datetime]")]
    near = [(4, "2019-02-10", "dateline"), (4, "2019-02-09T23:00:55+01:00", "time[datetime]")]
    assert one_reading(near) == near


def test_first_date_after_the_headline_skips_an_update_stamp() -> None:
    html = "<h1>Guide</h1><p>Last updated: March 12, 2026</p><p>August 13, 2024</p>" + BODY
    page = segment_html(LexborHTMLParser(html), capture=CAPTURE, heading_capture=HEADING_CAPTURE)
    assert page_date(page, now=NOW, after=0) == "2024-08-13"


def test_date_line_under_the_headline_counts_inside_a_removed_box() -> None:
    html = (
        "<html><body><article><h1>Foundational Fitness Protocol</h1>"
        '<div class="newsletter-details-wrapper"><p>November 2, 2022</p></div>'
        f"{BODY}</article></body></html>"
    )
    head = '<script type="application/ld+json">{"@type": "Article", "datePublished": "2025-06-12"}</script>'
    page = html.replace("<html>", f"<html><head>{head}</head>")
    assert clean(page, now=NOW).date == "2022-11-02"


def test_json_ld_written_as_a_meta_tag_is_read() -> None:
    tree = LexborHTMLParser(
        '<meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,'
        '&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}">'
    )
    assert json_ld_metadata(tree).dates == (("2025-11-17T09:00:00-05:00", "json-ld:datePublished"),)
