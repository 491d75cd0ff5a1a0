"""Choice of each HTML metadata field among declared and visible candidates."""

from __future__ import annotations

from datetime import datetime

from cleaner.html.choose import choose_author, choose_date, choose_title, personal_site
from cleaner.html.page_metadata import HeadMetadata

NOW = datetime(2025, 12, 1)


def test_kicker_before_the_headline_is_dropped() -> None:
    head = HeadMetadata(
        titles=(("Daten von Rheinmetall gehackt | Zeitung", "meta:og:title"),),
        site_names=(("Zeitung", "meta:og:site_name"),),
    )
    h1 = [(3, "Interne Unterlagen im Netz Daten von Rheinmetall gehackt")]
    assert choose_title(head, h1) == ("Daten von Rheinmetall gehackt", "meta:og:title", 3)


def test_h1_with_a_subtitle_after_the_declared_title_is_kept() -> None:
    head = HeadMetadata(titles=(("Best Bread Machines", "meta:og:title"),))
    h1 = [(3, "Best Bread Machines – My Favorites!")]
    assert choose_title(head, h1) == ("Best Bread Machines – My Favorites!", "html:h1", 3)


def test_short_declared_title_inside_h1_is_not_a_kicker_cut() -> None:
    head = HeadMetadata(titles=(("Guide", "meta:og:title"),))
    assert choose_title(head, [(1, "The Big Guide")]) == ("The Big Guide", "html:h1", 1)


def test_short_unconfirmed_label_h1_yields_to_the_declared_title() -> None:
    head = HeadMetadata(titles=(("Tag des Zweinutzungshuhns am 22. Januar", "meta:og:title"),))
    assert choose_title(head, [(2, "Detailansicht")]) == (
        "Tag des Zweinutzungshuhns am 22. Januar",
        "meta:og:title",
        2,
    )


def test_short_h1_sharing_a_word_with_the_declared_title_is_kept() -> None:
    head = HeadMetadata(titles=(("Chorgeschichte und mehr aus Ulm", "meta:<title>"),))
    assert choose_title(head, [(2, "Chorgeschichte")]) == ("Chorgeschichte", "html:h1", 2)


def test_declared_title_without_a_site_part_is_taken_whole() -> None:
    head = HeadMetadata(
        titles=(("Libre cours : Raoult, les nazis et moi", "meta:og:title"),),
        site_names=(("Regards", "meta:og:site_name"),),
    )
    assert choose_title(head, []) == (
        "Libre cours : Raoult, les nazis et moi",
        "meta:og:title",
        None,
    )


def test_last_part_of_a_title_that_another_extends_is_not_the_site() -> None:
    head = HeadMetadata(
        titles=(
            ("Würde des Lebens – ein Projekt", "meta:og:title"),
            ("Würde des Lebens – ein Projekt | Große Fragen", "meta:<title>"),
        )
    )
    assert choose_title(head, []) == ("Würde des Lebens – ein Projekt", "meta:og:title", None)


def test_label_h1_yields_to_the_h2_headline_under_it() -> None:
    head = HeadMetadata(titles=(("Riesling posts win prizes | Wine Club", "meta:<title>"),))
    h2s = [(5, "#Riesling posts win prizes"), (30, "More from the club")]
    assert choose_title(head, [(3, "Wine Club News")], h2s) == (
        "#Riesling posts win prizes",
        "html:h2",
        5,
    )
    assert choose_title(head, [(3, "Wine Club News")], [(5, "Contact our team today")]) == (
        "Wine Club News",
        "html:h1",
        3,
    )


def test_publisher_as_author_yields_to_a_byline() -> None:
    head = HeadMetadata(authors=(("Daily News",), "json-ld:author"), author_is_publisher=True)
    assert choose_author(head, [(40, "Jane Doe", "byline-element")], 2) == (
        ("Jane Doe",),
        "Jane Doe",
        "html:byline-element",
    )
    assert choose_author(head, [], 2) == (("Daily News",), "Daily News", "json-ld:author")


def test_declared_person_still_beats_a_far_byline() -> None:
    head = HeadMetadata(authors=(("Max Muster",), "json-ld:author"))
    got = choose_author(head, [(40, "Jane Doe", "byline-element")], 2)
    assert got == (("Max Muster",), "Max Muster", "json-ld:author")


def test_declared_author_shown_on_the_page_beats_another_by_line() -> None:
    head = HeadMetadata(authors=(("Jane Doe",), "json-ld:author"))
    bylines = [(3, "Jane Doe", "byline-element"), (9, "John Roe", "byline-line")]
    assert choose_author(head, bylines, 2) == (("Jane Doe",), "Jane Doe", "html:byline-element")


def test_by_line_beats_a_declared_login_or_meta_author() -> None:
    bylines = [(3, "Übersetzung Jane Doe", "byline-element"), (9, "John Roe", "byline-line")]
    for head in (
        HeadMetadata(authors=(("jane-doe",), "json-ld:author")),
        HeadMetadata(authors=(("Jane Doe",), "meta:twitter:data1")),
    ):
        assert choose_author(head, bylines, 2) == (("John Roe",), "John Roe", "html:byline-line")


def test_by_line_naming_one_declared_co_author_yields_to_the_declared_list() -> None:
    head = HeadMetadata(authors=(("Jane Doe", "John Roe"), "json-ld:author"))
    bylines = [(3, "Jane Doe", "byline-line"), (5, "John Roe", "byline-element")]
    assert choose_author(head, bylines, 2) == (
        ("Jane Doe", "John Roe"),
        "Jane Doe, John Roe",
        "json-ld:author",
    )


def test_first_poster_of_a_thread_is_the_author_whatever_the_spelling() -> None:
    posters = ["Vader", "Martin Thoma", "Jane Doe", "John Roe", "Max Muster"]
    bylines = [(3 + k, name, "byline-element") for k, name in enumerate(posters)]
    assert choose_author(HeadMetadata(), bylines, 2)[0] == ("Vader",)
    assert choose_author(HeadMetadata(), bylines[:4], 2)[0] == ("Martin Thoma",)


def test_time_inside_a_date_line_votes_once() -> None:
    head = HeadMetadata(dates=(("2025-02-12T08:00:00+01:00", "json-ld:datePublished"),))
    visible = [
        (5, "2025-11-06", "date-element"),
        (5, "2025-11-06T12:40:44-08:00", "time[datetime]"),
    ]
    got = choose_date(head, visible, 4, url=None, now=NOW, page_fallback=lambda: None)
    assert got == ("2025-02-12T08:00:00+01:00", "json-ld:datePublished")


def test_two_date_sources_still_outvote_the_declared_date() -> None:
    head = HeadMetadata(dates=(("2025-02-12", "json-ld:datePublished"),))
    visible = [(5, "2025-11-06", "dateline"), (7, "2025-11-06T12:40:44-08:00", "time[datetime]")]
    got = choose_date(head, visible, 4, url=None, now=NOW, page_fallback=lambda: None)
    assert got == ("2025-11-06T12:40:44-08:00", "html:time[datetime]")


def test_byline_reading_like_a_name_beats_a_label() -> None:
    bylines = [(30, "Comments", "byline-element"), (31, "Emma Ryan", "byline-element")]
    assert choose_author(HeadMetadata(), bylines, 2) == (
        ("Emma Ryan",),
        "Emma Ryan",
        "html:byline-element",
    )


def test_without_a_name_like_byline_the_first_is_kept() -> None:
    bylines = [(30, "Redaktion", "byline-element"), (31, "admin", "byline-element")]
    assert choose_author(HeadMetadata(), bylines, 2) == (
        ("Redaktion",),
        "Redaktion",
        "html:byline-element",
    )


def test_date_in_a_script_state_is_the_last_resort() -> None:
    got = choose_date(
        HeadMetadata(),
        [],
        None,
        url=None,
        now=NOW,
        page_fallback=lambda: None,
        script_fallback=lambda: "2016-11-04T20:37:27Z",
    )
    assert got == ("2016-11-04T20:37:27Z", "html:script-date")
    head = HeadMetadata(modified=(("2020-01-02", "meta:article:modified_time"),))
    got = choose_date(
        head,
        [],
        None,
        url=None,
        now=NOW,
        page_fallback=lambda: None,
        script_fallback=lambda: "2016-11-04T20:37:27Z",
    )
    assert got == ("2020-01-02", "meta:article:modified_time")


def test_date_in_the_description_when_nothing_else_gives_one() -> None:
    head = HeadMetadata(description=("Orso: un anno da record (Notizia del 14 Gennaio 2020)", "m"))
    got = choose_date(head, [], None, url=None, now=NOW, page_fallback=lambda: None)
    assert got == ("2020-01-14", "meta:description:date")


def test_h1_without_letters_or_a_domain_is_not_the_headline() -> None:
    head = HeadMetadata(titles=(("Green deal is not enough - DiEM", "meta:og:title"),),
                        site_names=(("DiEM", "meta:og:site_name"),))
    prices = [(49, "€5"), (50, "€10")]
    assert choose_title(head, prices) == ("Green deal is not enough", "meta:og:title", None)
    assert choose_title(head, [(0, "example.com")])[:2] == ("Green deal is not enough",
                                                             "meta:og:title")


def test_domain_opening_the_title_element_is_cut() -> None:
    head = HeadMetadata(titles=(("example.com Vibe Coding", "meta:<title>"),))
    assert choose_title(head, [(0, "example.com")]) == ("Vibe Coding", "meta:<title>", None)


def test_h1_label_that_only_the_site_name_repeats_is_not_confirmed() -> None:
    head = HeadMetadata(
        titles=(("Pour le néolibéralisme, la retraite est un archaïsme | AOC media - Analyse"
                 " Opinion Critique", "meta:og:title"),),
        site_names=(("AOC media", "json-ld:Organization"),),
    )
    assert choose_title(head, [(12, "Opinion")]) == (
        "Pour le néolibéralisme, la retraite est un archaïsme", "meta:og:title", 12)


def test_subtitle_after_the_declared_title_in_the_h1_is_cut() -> None:
    head = HeadMetadata(titles=(("Fish Cakes, Hot and Fresh", "meta:og:title"),))
    h1 = [(1, "Fish Cakes, Hot and Fresh Welcome to the Flavor Capital")]
    assert choose_title(head, h1) == ("Fish Cakes, Hot and Fresh", "html:h1", 1)
    # one word more is the headline's own ("... Fittings Report")
    one = [(1, "Fish Cakes, Hot and Fresh Report")]
    assert choose_title(head, one) == ("Fish Cakes, Hot and Fresh Report", "html:h1", 1)


def test_declared_title_cut_short_yields_to_the_one_that_completes_it() -> None:
    head = HeadMetadata(
        titles=(("We Help 4 Readers Find Solutions (Including", "json-ld:headline"),
                ("We Help 4 Readers Find Solutions (Including One Trick) - Blog", "meta:og:title")),
        site_names=(("Blog", "meta:og:site_name"),),
    )
    assert choose_title(head, []) == (
        "We Help 4 Readers Find Solutions (Including One Trick)", "meta:og:title", None)


def test_site_name_is_the_author_only_when_it_opens_with_a_given_name() -> None:
    def site_author(name: str) -> tuple[str, ...]:
        return personal_site(HeadMetadata(site_names=((name, "meta:og:site_name"),))).authors

    assert site_author("Jane Doe") == ("Jane Doe",)
    assert site_author("Dr. Jane Doe") == ("Dr. Jane Doe",)
    assert site_author("Bread Dad") == ()
    assert site_author("Zoo Berlin") == ()
