"""Which date of a dump dates the article: dates run together, adjacent date lines, the
dateline after the headline, and the year of a date shown without one."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.metadata.date_labels import (
    date_label,
    opens_with_date,
    original_publication,
    publication_choice,
)
from cleaner.metadata.dump_dates import find_dump_date, relax_glued_dates
from cleaner.metadata.from_blocks import from_blocks
from cleaner.metadata.nearby_dates import dated_lines, opening_date
from cleaner.metadata.yearless import line_day_month, page_year, yearless_date
from cleaner.text.segment import segment

_BODY = "\n\n".join(
    [
        "The council approved the new budget for schools on Tuesday after a long debate.",
        "Schools will get more teachers, the council said, and the budget adds new buses.",
        "Critics of the budget said the council spent too little on roads and on parks.",
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the update first, the publication run into it
        ("May 21, 2025April 24, 2025 by Jane Doe", "2025-04-24"),
        ("Jane2024-04-18T13:00:39+00:00March 22nd, 2024|Reviews|", "2024-03-22"),
        # the publication first: it stays
        ("Posted on June 29, 2020November 12, 2021", "2020-06-29"),
        # a word between two dates: not a run, the first date
        ("May 21, 2025 by Jane Doe, April 24, 2025", "2025-05-21"),
    ],
)
def test_of_dates_run_together_the_earliest_is_the_publication(text: str, expected: str) -> None:
    assert find_dump_date(text) == expected


def test_the_time_of_an_iso_date_is_not_read_as_glued_to_a_word() -> None:
    assert relax_glued_dates("2024-04-18T13:00:39") == "2024-04-18T13:00:39"


def test_of_adjacent_unlabelled_date_lines_the_earliest_is_the_publication() -> None:
    blocks = segment(f"Council approves budget\n\n8/1/2025\n\n8/27/2025\n\n{_BODY}")
    before = {b.index + 1: b for b in blocks}
    nearest_first = [(blocks[2], "2025-08-27"), (blocks[1], "2025-08-01")]
    assert publication_choice(nearest_first, before, 3) == 1
    # lines apart (a teaser between) are not one header
    blocks = segment(f"8/1/2025\n\nAnother story\n\n8/27/2025\n\n{_BODY}")
    before = {b.index + 1: b for b in blocks}
    assert (
        publication_choice([(blocks[2], "2025-08-27"), (blocks[0], "2025-08-01")], before, 3) == 0
    )


def test_the_dateline_after_the_headline_wins_over_a_teaser_by_a_misplaced_body_start() -> None:
    teasers = "\n\n".join(f"Teaser story {n}\n\nDecember {n + 10}, 2025" for n in range(3))
    doc = f"Trending:\n\n{teasers}\n\nCouncil approves budget\n\n30 January 2025\n\n{_BODY}"
    blocks = segment(doc)
    headline = next(b.index for b in blocks if b.text == "Council approves budget")
    trending = 0  # the body start a dump's model may take
    first = next(iter(dated_lines(blocks, trending, now=None, headline=headline)))
    assert first[1] == "2025-01-30"


def test_a_page_year_named_as_often_as_the_others_together_dates_nothing() -> None:
    texts = ["A 2024 survey of 4,000 firms", "In 2025, outsourcing grew", "Founded 1998"]
    assert page_year(texts, None, now=None) is None
    blocks = segment(f"Council approves budget\n\nSep 16\n\n{_BODY}\n\n" + "\n\n".join(texts))
    assert yearless_date(blocks, 2, url=None, now=None) is None
    assert page_year([*texts, "Trends for 2025", "The 2025 guide"], None, now=None) == 2025


def test_a_rank_is_no_year_less_date() -> None:
    assert line_day_month("#1 out of eleven firms") is None


def test_a_month_abbreviation_inside_a_sentence_is_no_year_less_date() -> None:
    assert line_day_month("1 out of eleven firms") is None  # the Portuguese "out", outubro
    assert line_day_month("1 out ’20") == (10, 1, 2020)
    assert line_day_month("14 feb, Rome") == (2, 14, None)


def test_a_dump_with_adjacent_date_lines_is_dated_by_the_first() -> None:
    doc = f"Council approves budget\n\n8/1/2025\n\n8/27/2025\n\n{_BODY}"
    assert clean(doc, kind="text").date == "2025-08-01"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("@jane 18 Aug", None),  # a handle before it: a post of a feed
        ("NEBULA MARS 3", None),  # a product name
        ("Posted Mar 3", (3, 3, None)),  # a date label
        ("Rome, 14 May", (5, 14, None)),  # a place before a comma
        ("( Pescasseroli, 14 Gennaio 20 )", (1, 14, 2020)),  # a bare two-digit year
        ("5 May 10:30", (5, 5, None)),  # an hour is no year
    ],
)
def test_the_words_before_a_year_less_date_are_a_label_or_a_place(
    line: str, expected: tuple[int, int, int | None] | None
) -> None:
    assert line_day_month(line) == expected


def test_the_header_dateline_under_the_headline_wins_over_dated_lines_nearer_the_body() -> None:
    links = "\n\n".join(f"Section link {n}" for n in range(12))
    doc = (
        f"Council approves budget\n\n17 Dec 2025\n\n{links}\n\nSync 2025/11/13\n\n"
        f"Sync 2025/11/01\n\n{_BODY}"
    )
    assert clean(doc, kind="text").date == "2025-12-17"


def test_a_dotted_date_after_a_date_is_not_its_time() -> None:
    assert find_dump_date("04.04.2020 04.04.2020") == "2020-04-04"
    assert find_dump_date("04.04.2020 14.05 Uhr") == "2020-04-04T14:05"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("edited Apr 13, 2017 at 12:52", "updated"),  # a question's or a post's edit
        ("Last edited: 3 Jul 2024", "updated"),
        ("55.4k 24 gold badges asked Mar 28, 2014 at 11:38", "published"),  # a question
        ("• Start date Jan 10, 2024", "published"),  # a forum thread
        ("Discussion started by Jane, May 11, 2024.", "published"),
    ],
)
def test_questions_and_threads_label_their_dates(line: str, expected: str) -> None:
    assert date_label(line) == expected


def test_an_edit_above_the_body_gives_way_to_the_earlier_date_labelled_as_published() -> None:
    filler = "\n\n".join(f"Tag {n}" for n in range(3))
    doc = (
        f"How to book flights\n\n{_BODY}\n\n{_BODY}\n\nedited Apr 13, 2017 at 12:52\n\n"
        f"{filler}\n\nasked Mar 28, 2014 at 11:38\n\nanswered Mar 29, 2014 at 4:13"
    )
    blocks = segment(doc)
    at = {b.text: b for b in blocks}
    edited, asked = at["edited Apr 13, 2017 at 12:52"], at["asked Mar 28, 2014 at 11:38"]
    answered = at["answered Mar 29, 2014 at 4:13"]
    before = {b.index + 1: b for b in blocks}
    candidates = [(edited, "2017-04-13"), (answered, "2014-03-29"), (asked, "2014-03-28")]
    assert publication_choice(candidates, before, 1) == 2
    # a date labelled as published after the update is no publication of what was updated
    later = [(edited, "2017-04-13"), (asked, "2018-03-28")]
    assert publication_choice(later, before, 1) == 0


def test_a_credit_or_a_task_labels_no_date() -> None:
    assert date_label("Photo credited to Jane Doe, May 3, 2024") is None
    assert date_label("Tasked with the audit on May 3, 2024") is None


def test_a_dateline_under_the_headline_wins_over_header_datelines_above_it() -> None:
    # a list of related posts above the headline, read as the header's datelines
    teasers = "\n\n".join(f"December {15 + n // 2}, 2025\n\nby Jane Doe {n}" for n in range(3))
    doc = (
        f"{teasers}\n\nCouncil approves budget\n\nThe council met on Tuesday.\n\n"
        f"Jane Roe\n\n30 January 2025 / 23:07 GMT\n\n{_BODY}"
    )
    blocks = segment(doc)
    at = {b.text: b.index for b in blocks}
    removed = {i: "metadata.dateline" for t, i in at.items() if t.startswith("December")}
    removed[at["Council approves budget"]] = "metadata.title"
    anchor = at[_BODY.split("\n\n")[0]]
    meta = from_blocks(blocks, removed, now=None, anchor=anchor, language="en")
    assert (meta.date or "")[:10] == "2025-01-30"
    # a dated line of the story's text there is no dateline
    told = doc.replace("30 January 2025 / 23:07 GMT", "The vote of 30 January 2025 was close")
    blocks = segment(told)
    meta = from_blocks(blocks, removed, now=None, anchor=anchor, language="en")
    assert (meta.date or "")[:10] == "2025-12-16"


def test_a_date_in_an_image_name_dates_no_line() -> None:
    doc = f"Council approves budget\n\n[Screenshot%202025-12-18%20at%2012.20.26.png]\n\n{_BODY}"
    blocks = segment(doc)
    assert list(dated_lines(blocks, 2, now=None)) == []
    shown = segment(f"Council approves budget\n\n[Photo] December 19, 2025\n\n{_BODY}")
    assert [found for _, found in dated_lines(shown, 2, now=None)] == ["2025-12-19"]


def test_a_short_word_before_an_opening_date_is_a_label_when_a_separator_closes_it() -> None:
    text = "Die Ministerin traf am Dienstag den Direktor des Programms in Berlin zu Gesprächen."
    labelled = segment(f"Pressemitteilung vom 25. Januar 2022 | Berlin – {text}")
    assert opening_date(labelled, 0, now=None) == "2022-01-25"
    told = segment(f"Am 25. Januar 2022 traf die Ministerin in Berlin den Direktor. {text}")
    assert opening_date(told, 0, now=None) is None


def test_header_datelines_away_from_the_headline_that_show_many_days_are_a_list() -> None:
    teasers = "\n\n".join(f"Jane Doe {n} | June {n + 2}, 2025" for n in range(4))
    links = "\n\n".join(f"Section link {n}" for n in range(5))
    doc = f"January 16, 2025\n\nCouncil approves budget\n\n{links}\n\n{teasers}\n\n{_BODY}"
    blocks = segment(doc)
    at = {b.text: b.index for b in blocks}
    removed = {i: "metadata.dateline" for t, i in at.items() if t.startswith("Jane Doe")}
    removed[at["Council approves budget"]] = "metadata.title"
    anchor = at[_BODY.split("\n\n")[0]]
    meta = from_blocks(blocks, removed, now=None, anchor=anchor, language="en")
    assert meta.date == "2025-01-16"
    # two days are a published and an updated date, not a list
    removed = {i: r for i, r in removed.items() if i < at["Jane Doe 2 | June 4, 2025"]}
    meta = from_blocks(blocks, removed, now=None, anchor=anchor, language="en")
    assert meta.date == "2025-06-03"


def test_a_line_stating_the_first_publication_dates_an_updated_text() -> None:
    note = "This article was originally published on 26 Sep 2019 at 4:12pm but has been updated."
    doc = f"Council approves budget\n\n30 Sep 2022, 11:07am\n\n{_BODY}\n\n{note}"
    assert (clean(doc, kind="text").date or "")[:10] == "2019-09-26"
    # a forum's quote of a post states no first publication
    quoted = segment(doc.replace(note, "Quote Originally Posted by jane 26 Sep 2019"))
    assert original_publication(quoted, now=None, day_first=True) is None


def test_a_post_number_before_a_date_is_no_bare_dateline() -> None:
    assert opens_with_date("17 Dec 2025", bare=True)
    assert not opens_with_date("#2 2025-11-02 06:23:21", bare=True)


def test_without_any_other_date_a_long_block_under_the_headline_dates_the_article() -> None:
    standfirst = (
        "The rocky island, once stripped of its flora and fauna by invasive species, makes "
        "an astonishingly quick comeback after years of careful work by the rangers and "
        "volunteers. What is the secret?Monday, 6 January 2020"
    )
    doc = f"Menu\n\nGoats ruled this island\n\n{standfirst}\n\n{_BODY}"
    assert (clean(doc, kind="text").date or "")[:10] == "2020-01-06"
