"""Metadata read from text dumps: dates as dumps write them, bylines beside dates."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.metadata.address import slug_words
from cleaner.metadata.byline_candidates import _line_spans
from cleaner.metadata.dated_names import name_beside_date
from cleaner.metadata.dates import find_date, may_hold_absolute_date
from cleaner.metadata.dump_dates import block_date_text, find_dump_date, relax_glued_dates
from cleaner.metadata.nearby import nearest_byline
from cleaner.text.segment import segment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tanja Karrasch3.11.2023", "2023-11-03"),
        ("Published on 19. Juni 201619. Juni 2016 von X", "2016-06-19"),
        ("Veröffentlicht am 19. Dezember 202219. Dezember 2022", "2022-12-19"),
        ("Von: Björn Jahner | 31.10.23", "2023-10-31"),
        ("19.10.19, 18:56", "2019-10-19T18:56"),
        ("Por Rodrigo Mejías04 de mayo 2022 a las 09:01 hrs.", "2022-05-04T09:01"),
        ("4 Nov 2025", "2025-11-04"),  # what find_date reads stays as it is
        ("Essay - Published: 2025.12.17 | programming", "2025-12-17"),  # year first, dots
        ("📅Jul. 11. 2025", "2025-07-11"),  # a dot after the day
        ("Celebrity Humor 30/10/23", "2023-10-30"),  # a two-digit year after slashes
        ("08.12.2022Bundesverband WindEnergie", "2022-12-08"),  # a year glued to a word
    ],
)
def test_find_dump_date_reads_dump_forms(text: str, expected: str) -> None:
    assert find_dump_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Release 1.2.10",  # one-digit parts: a version, not a date
        "Ausgabe 32.13.19",  # no such day or month
        "COVID19 cases",  # a glued digit alone is no date
        "Top 10 tips",
    ],
)
def test_find_dump_date_rejects_non_dates(text: str) -> None:
    assert find_dump_date(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "2025-11-04", "4. November 2025", "Nov 4, 2025", "04/11/2025", "2025/11/4", "31.10.23",
        "Juni 201619. Juni 2016", "19-Dec-2025", "2025.12.17", "30/10/23",
    ],
)
def test_every_absolute_date_form_passes_the_digit_check(text: str) -> None:
    # find_date searches its patterns only in text that passes this check
    assert find_date(relax_glued_dates(text)) is not None
    assert may_hold_absolute_date(text)


def test_relax_glued_dates_leaves_plain_text() -> None:
    assert relax_glued_dates("Plain words, no digits") == "Plain words, no digits"
    assert relax_glued_dates("Jane Doe3.11.2023") == "Jane Doe 3.11.2023"


def test_block_date_text_keeps_a_leading_day_read_as_list_marker() -> None:
    (block,) = segment("1. Januar 2023")
    assert block.kind == "item" and block.text == "Januar 2023"
    assert block_date_text(block) == "1. Januar 2023"
    (bullet,) = segment("• Home")
    assert block_date_text(bullet) == bullet.text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Christian Kahle,  03.11.2023 15:32 Uhr", "Christian Kahle"),
        ("Marie Merlet | lundi 9 décembre 2019 à 09h08", "Marie Merlet"),
        ("1. Februar 2022 , Daniel Dillenburg", "Daniel Dillenburg"),
        ("Tanja Karrasch3.11.2023", "Tanja Karrasch"),
    ],
)
def test_name_beside_date(text: str, name: str) -> None:
    assert name_beside_date(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "Donnerstag, 3. März 2022",  # one word: a weekday
        "Updated March 3, 2024",  # one word plus a month
        "Berlin, 3. März 2024",  # a place alone
    ],
)
def test_name_beside_date_rejects(text: str) -> None:
    assert name_beside_date(text) is None


def test_name_beside_date_rejects_stop_words() -> None:
    assert name_beside_date("Posted On March 3, 2024", frozenset({"on"})) is None


def _page(header: str) -> list:  # type: ignore[type-arg]
    body = "\n\n".join(["Ein Absatz des Artikels mit genug Wörtern, um Prosa zu sein."] * 3)
    return segment(f"Menü\n\nDie Überschrift\n\n{header}\n\n{body}")


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("Von Jan Kupitz | Oct 24, 2023 | Zuletzt geändert: Nov 7, 2023", "Jan Kupitz"),
        ("Gepostet von Katharina Volkwein | Wohnen", "Katharina Volkwein"),
        ("Publicado por Alberto González", "Alberto González"),
        ("Escribe Camila Méndez en Territorio", "Camila Méndez"),
        ("1. Januar 2016 von Jane Roe Ein Kommentar", "Jane Roe"),
        # a blog theme's "Author" label without a colon, glued to the date before it
        ("Posted on 25. Januar 202225. Januar 2022Author Jane Roe", "Jane Roe"),
        ("Posted on 28. Juli 2019Author Jane Roe", "Jane Roe"),
    ],
)
def test_nearest_byline_multilingual(header: str, name: str) -> None:
    assert nearest_byline(_page(header), 3, frozenset({"ein", "der", "die"})) == name


@pytest.mark.parametrize(
    "header", ["Textilindustrie im Wandel", "Von oben gesehen", "AutorInnen der Studie"]
)
def test_nearest_byline_negative(header: str) -> None:
    assert nearest_byline(_page(header), 3) is None


def test_a_particle_after_a_given_name_is_no_by_word() -> None:
    # "von" after "Christoph" is the name's, not a byline's "von": the whole name is read
    stop = frozenset({"von", "der", "die"})
    header = "Christoph von Ritter 24. April 2020"
    assert nearest_byline(_page(header), 3, stop) == "Christoph von Ritter"


def test_dump_date_from_a_day_read_as_list_marker() -> None:
    body = "\n\n".join(["Ein Absatz des Artikels mit genug Wörtern, um Prosa zu sein."] * 4)
    article = clean(f"Die Überschrift des Artikels\n\nVon Jane Roe\n\n1. Januar 2023\n\n{body}")
    assert article.date == "2023-01-01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Posted on June 29, 2020November 12, 2021", "2020-06-29"),
        ("by Jane DoeNovember 20, 2007", "2007-11-20"),
        ("Updated on 19-Dec-2025", "2025-12-19"),
        ("Published on 25.Jun.2019", "2019-06-25"),
        ("calendarApr 16, 2024", "2024-04-16"),
        # the first date is glued to what follows it, the second (modified) is not
        ("HealthDECEMBER 22, 2022Updated: JANUARY 02, 2024", "2022-12-22"),
        ("April 26, 2024Updated on: October 28, 2024", "2024-04-26"),
    ],
)
def test_find_dump_date_unglues(text: str, expected: str) -> None:
    assert find_dump_date(text) == expected


def test_dated_name_keeps_particles_and_glued_capitals() -> None:
    stop = frozenset({"le", "ein"})
    assert nearest_byline(_page("4 novembre 2025 par Loïc Le Clerc"), 3, stop) == "Loïc Le Clerc"
    assert name_beside_date("Profilbild HansEhrlich 03.11.2023") == "Profilbild HansEhrlich"


_BODY = "\n\n".join(
    [
        "The council approved the new budget for schools on Tuesday after a long debate.",
        "Schools will get more teachers, the council said, and the budget adds new buses.",
        "Critics of the budget said the council spent too little on roads and on parks.",
    ]
)


def test_title_rows_features_body_overlap_and_dates() -> None:
    from cleaner.metadata.title_model import TITLE_FEATURES, title_rows

    blocks = segment(
        f"Sign in to your account\n\n4 November 2025\n\nCouncil approves budget for schools\n\n{_BODY}"
    )
    rows = dict(title_rows(blocks, 3, {}))
    overlap, dated = TITLE_FEATURES.index("body_overlap"), TITLE_FEATURES.index("has_date")
    assert rows[2][overlap] == 0.75  # council, budget, schools recur; "approves" does not
    assert rows[0][overlap] == 0.0
    assert rows[1][dated] == 1.0 and rows[2][dated] == 0.0


def test_title_rows_compare_a_line_with_the_lede_and_count_its_body_words() -> None:
    from cleaner.metadata.title_model import TITLE_FEATURES, title_rows

    doc = f"Teachers and buses for city schools\n\nCouncil approves budget for schools\n\n{_BODY}"
    rows = dict(title_rows(segment(doc), 2, {}))
    lede, found = TITLE_FEATURES.index("lede_overlap"), TITLE_FEATURES.index("overlap_words")
    # the lede is the body's first two paragraphs: "teachers" and "buses" are in the second
    assert rows[0][lede] == 3 / 4 and rows[1][lede] == 3 / 4
    assert rows[1][found] == 3 / 6  # council, budget, schools
    # the body's first block, read as a headline, is compared with the paragraphs after it
    headline = segment(f"Council approves budget for schools\n\n{_BODY}")
    assert dict(title_rows(headline, 0, {}))[0][lede] == 3 / 4


def test_title_rows_tell_a_headline_over_its_teaser_from_a_kicker() -> None:
    from cleaner.metadata.title_model import TITLE_FEATURES, title_rows

    teaser = "New teachers and buses for every school in the city next year"
    doc = f"Politics\n\nCouncil approves budget for schools\n\n{teaser}\n\n{_BODY}"
    rows = dict(title_rows(segment(doc), 3, {}))
    over_teaser = TITLE_FEATURES.index("over_teaser")
    # the headline (five words) sits over a longer line; the kicker above it has one word
    assert [rows[p][over_teaser] for p in (0, 1, 2)] == [0.0, 1.0, 0.0]


def test_title_rows_mark_a_line_another_candidate_holds() -> None:
    from cleaner.metadata.title_model import TITLE_FEATURES, title_rows

    doc = (
        "Council approves budget\n\nCouncil\n\nCouncil approves budget Share Print 12 comments"
        f"\n\n{_BODY}"
    )
    rows = dict(title_rows(segment(doc), 3, {}))
    inside = TITLE_FEATURES.index("inside_candidate")
    # "Council" is too short to count; the longer line holds the headline, not the reverse
    assert [rows[p][inside] for p in (0, 1, 2)] == [1.0, 0.0, 0.0]


def test_pick_title_prefers_the_line_about_the_body() -> None:
    from cleaner.metadata.title_model import pick_title

    blocks = segment(f"Sign in to your account\n\nCouncil approves budget for schools\n\n{_BODY}")
    title = pick_title(blocks, 2, {})
    assert title is not None and title.text == "Council approves budget for schools"


def test_body_start_is_a_title_candidate_only_when_headline_like() -> None:
    from cleaner.metadata.title_model import title_rows

    headline = (
        "Why did the council approve a budget for the schools, and what does it mean for the"
        " teachers in the city?"
    )
    blocks = segment(f"{headline}\n\n{_BODY}")
    assert blocks[0].prose and 0 in dict(title_rows(blocks, 0, {}))
    sentence = segment(_BODY)
    assert 0 not in dict(title_rows(sentence, 0, {}))  # ends like a sentence


def test_name_line_candidates_capitalise_their_words() -> None:
    from cleaner.metadata.author_model import author_rows

    blocks = segment(f"Last updated\n\nJane Doe\n\nLudwig van Beethoven\n\ngizzmo\n\n{_BODY}")
    texts = {blocks[p].text for p, _ in author_rows(blocks, 4, frozenset())}
    assert texts >= {"Jane Doe", "Ludwig van Beethoven", "gizzmo"}
    assert "Last updated" not in texts


def test_pick_title_prefers_the_line_the_address_spells() -> None:
    from cleaner.metadata.title_model import pick_title

    doc = "Weekly digest of the city news\n\nCouncil approves budget for schools\n\n" + _BODY
    url = "https://news.example.org/2025/11/04/weekly-digest-city-news"
    title = pick_title(segment(doc), 2, {}, (), url)
    assert title is not None and title.text == "Weekly digest of the city news"


def test_pick_title_takes_a_sentence_at_the_body_start_the_address_spells() -> None:
    from cleaner.metadata.title_model import pick_title

    # the headline ends with a period and was read as the body's first paragraph
    doc = "Menu\n\nGoats ruled this island for a century. Now it is reborn.\n\n" + _BODY
    url = "https://example.org/2020/01/goats-ruled-this-island-for-a-century-now-reborn"
    title = pick_title(segment(doc), 1, {}, (), url)
    assert title is not None and title.text.startswith("Goats ruled")
    # without the address, a sentence at the body start stays the body's
    title = pick_title(segment(doc), 1, {}, (), None)
    assert title is None or not title.text.startswith("Goats ruled")


def test_a_headline_ending_like_a_photo_credit_is_the_title_when_the_address_spells_it() -> None:
    # "(Compilation)" ends the headline like a credit ("(TASS)"): without the address the
    # captions layer takes it for a caption; the address spelling it makes it the headline
    doc = "Menu\n\nShop\n\n10 Easy Woodworking Projects (Compilation)\n\n" + _BODY
    url = "https://example.org/videos/10-easy-woodworking-projects-compilation/"
    assert clean(doc, kind="text").title != "10 Easy Woodworking Projects (Compilation)"
    assert clean(doc, kind="text", url=url).title == "10 Easy Woodworking Projects (Compilation)"


def test_a_far_headline_with_umlauts_is_found_by_the_address_spelling_them_out() -> None:
    from cleaner.metadata.title_candidates import spelled_by_slug

    blocks = segment("Ratschläge geben\n\nMenu\n\nHome\n\n" + _BODY)
    slug = slug_words("https://example.org/2008/12/31/ratschlaege-geben/")
    assert spelled_by_slug(blocks, 3, {}, slug, range(1, 5)) == [0]


def test_headline_text_drops_a_date_set_off_from_the_headline() -> None:
    from cleaner.metadata.title_model import headline_text

    assert headline_text("08.11.2021 | Online conference on climate") == (
        "Online conference on climate"
    )
    assert headline_text("Council approves budget – 3 October 2023") == "Council approves budget"
    # a date inside the headline, or a year alone, is the headline's
    assert headline_text("Budget report of 3 October 2023") == "Budget report of 3 October 2023"
    assert headline_text("Budget 2024 | Daily") == "Budget 2024 | Daily"


def test_a_kicker_glued_before_a_nearby_line_is_left_out_of_the_title() -> None:
    # the dump glues the kicker to the headline; the headline also stands alone nearby
    doc = (
        "Home\n\nNews\n\nOlympic Games in Paris Drinks arrive by ship in the city centre"
        "\n\nBy Jane Doe\n\nDrinks arrive by ship in the city centre\n\n" + _BODY
    )
    assert clean(doc, kind="text").title == "Drinks arrive by ship in the city centre"


def test_headline_text_takes_a_restated_line_only_near_and_after_a_shorter_kicker() -> None:
    from cleaner.metadata.title_model import headline_text

    page = segment("Weather Rain falls in Spain\n\nMenu\n\nRain falls in Spain")
    assert headline_text(page[0].text, page, page[0].index) == "Rain falls in Spain"
    # without the line's index (or the page), the line as it is
    assert headline_text(page[0].text, page) == "Weather Rain falls in Spain"
    # a line far from the headline is a section heading that happens to end it
    far = segment("Top tips for Spain\n\nA\n\nB\n\nC\n\nD\n\ntips for Spain")
    assert headline_text(far[0].text, far, far[0].index) == "Top tips for Spain"
    # a kicker longer than the line it would leave is the headline's own start
    page = segment("Why the council says it rains in Spain\n\nrains in Spain")
    assert headline_text(page[0].text, page, page[0].index) == (
        "Why the council says it rains in Spain"
    )


def test_slug_words_take_the_last_segment_with_several_words() -> None:
    from cleaner.metadata.address import slug_overlap, slug_words

    slug = slug_words("https://example.org/politik/gruene-fordern-neuwahl-im-herbst.html?x=1")
    assert slug == {"gruene", "fordern", "neuwahl", "herbst"}
    assert slug_overlap("Grüne fordern Neuwahl im Herbst", slug) == (1.0, 1.0)
    assert slug_words("https://example.org/politik/") == frozenset()
    # a section before the article's own segment, as long as it or longer
    assert slug_words("https://example.org/restaurant-tips/trends-in-catering") == {
        "trends",
        "catering",
    }
    assert slug_words("https://example.org/home-and-garden-ideas/winter-roses/") == {
        "winter",
        "roses",
    }
    # a UUID after the slug is an id, not the slug
    url = "https://example.org/news/rain-falls-in-spain/b29c11d3-9590-4045-8e2c-a568f9f24617"
    assert slug_words(url) == {"rain", "falls", "spain"}


def test_byline_label_on_its_own_line_names_the_next_line() -> None:
    blocks = segment(f"Council approves budget\n\nWritten By\n\nJane Doe\n\n{_BODY}")
    assert nearest_byline(blocks, 3) == "Jane Doe"
    assert nearest_byline(segment(f"Headline\n\nBy\n\nthe way\n\n{_BODY}"), 3) is None


def test_name_line_after_the_headline_is_a_candidate_beyond_the_body_window() -> None:
    from cleaner.metadata.author_model import WINDOW_AFTER, author_rows

    blocks = segment(f"Council approves budget\n\n{_BODY}\n\nJane Doe\n\n{_BODY}")
    assert blocks[4].text == "Jane Doe" and WINDOW_AFTER <= 4  # beyond the body window
    assert 4 not in dict(author_rows(blocks, 0, frozenset()))
    assert 4 in dict(author_rows(blocks, 0, frozenset(), title=0))


def test_the_date_in_the_address_wins_over_the_dump_lines() -> None:
    from datetime import datetime

    doc = f"Council approves budget\n\nMarch 3, 2024\n\n{_BODY}"
    url = "https://news.example.org/2024/03/05/council-approves-budget"
    assert clean(doc, kind="text").date == "2024-03-03"
    assert clean(doc, kind="text", url=url).date == "2024-03-05"
    future = clean(doc, kind="text", url=url, now=datetime(2024, 3, 4))
    assert future.date == "2024-03-03"  # an address date after ``now`` is not taken


def test_a_date_glued_to_the_name_is_cut_from_the_byline() -> None:
    doc = f"Council approves budget\n\nJane DoeNovember 4, 2025\n\n{_BODY}"
    assert clean(doc, kind="text").byline == "Jane Doe"


def test_an_end_marker_before_the_core_leaves_the_headline_to_the_header() -> None:
    doc = f"Related\n\nCouncil approves budget for schools\n\n{_BODY}"
    article = clean(doc, kind="text")
    assert article.title == "Council approves budget for schools"
    assert "Related" not in article.text


def test_the_byline_after_the_headline_wins_a_tie_with_a_line_before_it() -> None:
    # (a name beside a date before the headline would yield to the explicit byline anyway)
    blocks = segment(f"By John Roe\n\nCouncil approves budget\n\nText von Jane Doe\n\n{_BODY}")
    assert nearest_byline(blocks, 1) == "John Roe"
    assert nearest_byline(blocks, 1, headline=1) == "Jane Doe"


def test_a_breadcrumb_trail_chosen_as_title_gives_its_last_crumb() -> None:
    from cleaner.metadata.from_blocks import from_blocks

    blocks = segment(f"Home » News » Council approves budget\n\n{_BODY}")
    meta = from_blocks(blocks, {0: "metadata.title"}, now=None)
    assert meta.title == "Council approves budget"


def test_a_line_after_the_headline_names_the_author_after_a_by_word() -> None:
    stop = frozenset({"the", "in", "of"})
    column = segment(f"Council approves budget\n\nEine Kolumne von Jane Doe\n\n{_BODY}")
    assert nearest_byline(column, 2, stop, headline=0) == "Jane Doe"
    assert nearest_byline(column, 2, stop) is None
    photo = segment(f"Council approves budget\n\nPhoto by Jane Doe\n\n{_BODY}")
    assert nearest_byline(photo, 2, stop, headline=0) is None


_GERMAN_BODY = "\n\n".join(
    ["Der Gemeinderat hat am Dienstag nach einer langen Debatte den Haushalt für das"
     " kommende Jahr beschlossen, mit breiter Mehrheit."] * 3
)


def test_line_spans_offer_the_first_words_of_a_line_that_runs_on() -> None:
    spans = _line_spans("Jane Doe Zuletzt geändert am 06.11.2023")
    assert "prefix" in spans["Jane Doe"]
    assert "whole" in spans["Jane Doe Zuletzt geändert am 06.11.2023"]
    assert "by" in _line_spans("21.01.2022 · von det/dpa · 2 Kommentare")["det/dpa"]


def test_a_name_running_into_the_next_words_of_its_line_is_the_byline() -> None:
    doc = (
        "Startseite\n\nGemeinderat beschließt den neuen Haushalt\n\n"
        f"Jane Doe Zuletzt geändert am 06.11.2023\n\n{_GERMAN_BODY}"
    )
    byline = clean(doc, kind="text").byline
    assert byline is not None and byline.startswith("Jane Doe")


def test_a_span_no_byline_rule_proposed_needs_the_higher_probability() -> None:
    doc = f"Home\n\nCouncil approves the new budget\n\nGet a summary\n\n{_BODY}"
    assert clean(doc, kind="text").byline is None


def test_a_widget_label_is_no_author_even_when_the_ranker_scores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cleaner.metadata import byline_spans

    # every span scores 0.62, over the floor of the spans no rule proposed (0.3): only the
    # floor of a widget's line keeps its label out
    flat = (0.5,) + (0.0,) * (len(byline_spans.BYLINE_FEATURES) - 1)
    monkeypatch.setattr(byline_spans, "load_weights", lambda *_: flat)
    blocks = segment(f"Council approves the new budget\n\nGet a summary\n\n{_BODY}")
    assert blocks[1].patterns.boilerplate
    assert byline_spans.pick_byline(blocks, {}, 2, frozenset(), 0, {}) is None
    blocks = segment(f"Council approves the new budget\n\nJane Doe\n\n{_BODY}")
    assert byline_spans.pick_byline(blocks, {}, 2, frozenset(), 0, {}) == "Jane Doe"


def test_titles_without_an_address_use_weights_fitted_without_one() -> None:
    from cleaner.metadata.line_ranker import load_weights
    from cleaner.metadata.title_model import (
        NO_URL_TITLE_WEIGHTS,
        TITLE_FEATURES,
        TITLE_WEIGHTS,
        pick_title,
    )

    with_url = dict(zip(TITLE_FEATURES, load_weights(TITLE_WEIGHTS, TITLE_FEATURES), strict=True))
    without = dict(
        zip(TITLE_FEATURES, load_weights(NO_URL_TITLE_WEIGHTS, TITLE_FEATURES), strict=True)
    )
    address = ("slug_share", "slug_cover", "no_slug_match")
    assert all(without[name] == 0.0 for name in address)  # never seen an address
    assert any(with_url[name] != 0.0 for name in address)
    blocks = segment(f"Home\n\nCouncil approves budget\n\n{_BODY}")
    title = pick_title(blocks, 2, {})
    assert title is not None and title.text == "Council approves budget"


def test_the_lines_after_the_body_are_byline_candidates() -> None:
    from cleaner.metadata.byline_spans import byline_rows

    body = "\n\n".join([_BODY] * 6)  # longer than the windows at the body's start
    blocks = segment(f"Council approves budget\n\n{body}\n\nJane Doe\n\nMore stories")
    spans, _ = byline_rows(blocks, {}, 1, frozenset(), 0, {})
    assert "Jane Doe" in {s.text for s in spans}


def test_a_lone_word_no_byline_rule_proposed_is_not_the_author() -> None:
    # a section label under the headline scores about 0.4, above the floor of the other
    # spans no rule proposed, below that of a single word
    body = "\n\n".join(
        "Der Gemeinderat hat am Dienstag nach langer Debatte den neuen Haushalt für das Jahr"
        f" beschlossen, Punkt {i}."
        for i in range(5)
    )
    text = f"Startseite\n\nGemeinderat beschließt neuen Haushalt\n\nAllgemein\n\n{body}\n"
    assert clean(text, kind="text").byline is None


_HEADERLESS_PARAGRAPHS = [
    "Deciding how much to tip at a restaurant can feel like solving a math problem on the spot,"
    " with the bill in one hand.",
    "Whether you are a customer or an owner, this guide takes the guesswork out of tipping,"
    " with examples for every case.",
    "Understanding Tipping in Restaurants",
    "Tipping means giving an additional sum of money to a server for their service, on top of"
    " the price of the meal.",
    "The standard amount to tip in full service restaurants is about twenty percent, according"
    " to a study of many bills.",
    "The Ultimate Restaurant Tip Chart",
    "Navigating the world of tipping can feel complex, with different expectations in"
    " different kinds of restaurants.",
]


@pytest.mark.parametrize("url", [None, "https://example.com/blog/restaurant-tip-chart"])
def test_a_text_opening_with_its_body_keeps_its_section_headings(url: str | None) -> None:
    # a cleaned text (the body alone) has no header: its section headings are not the title,
    # and cleaning it again gives it back unchanged
    text = "\n\n".join(_HEADERLESS_PARAGRAPHS)
    article = clean(text, kind="text", url=url)
    assert article.title is None
    assert article.text == text


def test_a_body_opening_with_a_date_dates_the_article() -> None:
    from cleaner.metadata.nearby_dates import opening_date

    # paragraphs longer than a byline or dateline line (the nearest-date rule skips them)
    sentence = "Der Rat hat am Dienstag nach langer Debatte den neuen Haushalt der Stadt beschlossen."
    body = "\n\n".join([f"{sentence} {sentence} {sentence}"] * 3)
    opened = clean(f"Rat beschließt den Haushalt\n\nWien, 14. Dezember 2021 – {body}")
    assert opened.date == "2021-12-14"
    # a date the text tells of, after a short word, is not the article's
    told = segment(f"Rat beschließt den Haushalt\n\nAm 22. Oktober 2019 erscheint {body}")
    assert opening_date(told, 1, now=None) is None


def test_a_credential_after_a_comma_stays_with_its_name() -> None:
    from cleaner.metadata.from_blocks import split_authors

    assert split_authors("Jillian Kubala, MS, RD") == ("Jillian Kubala, MS, RD",)
    assert split_authors("Jane Doe, John Roe") == ("Jane Doe", "John Roe")


def test_the_byline_takes_the_credentials_the_page_writes_after_the_name() -> None:
    doc = f"Council approves budget\n\nBy Jane Doe\n\n{_BODY}\n\nAbout the author\n\nJane Doe, MD\n\nCardiology"
    article = clean(doc, kind="text")
    assert article.authors == ("Jane Doe, MD",)


def test_a_name_with_two_particles_is_read_whole() -> None:
    line = "Written by Dr Marna van der Merwe, Dr Dieter Veldsman, Erik van Vulpen and Jane Doe"
    blocks = segment(f"Council approves budget\n\n{line}\n\n{_BODY}")
    assert nearest_byline(blocks, 2, headline=0) == (
        "Dr Marna van der Merwe, Dr Dieter Veldsman, Erik van Vulpen and Jane Doe"
    )


def test_a_tag_a_widget_or_a_line_without_letters_is_no_name_line() -> None:
    from cleaner.metadata.author_model import author_rows

    lines = ["Jane Doe", "Link Copied!", "#Cloud Computing", "Photos: Max Muster", "•"]
    blocks = segment("Council approves budget\n\n" + "\n\n".join(lines) + f"\n\n{_BODY}")
    candidates = [blocks[p].text for p, _ in author_rows(blocks, len(lines) + 1, frozenset(), title=0)]
    assert "Jane Doe" in candidates
    assert not set(lines[1:]) & set(candidates)


def test_a_word_in_lower_case_after_a_by_word_in_a_running_sentence_is_no_user_name() -> None:
    stop = frozenset({"the", "in", "of"})
    for line, expected in [
        ("The ten largest insurers by market share", None),
        ("Posted on 2015-04-05 by jdoe | Leave a comment", "jdoe"),
        ("Beitrag von jdoe am 26/10/13, 03:48 pm", "jdoe"),
    ]:
        blocks = segment(f"Council approves budget\n\n{line}\n\n{_BODY}")
        assert nearest_byline(blocks, 2, stop, headline=0) == expected, line


def test_a_glued_word_the_page_writes_on_its_own_stays_in_the_name() -> None:
    doc = f"Council approves budget\n\nBy Team SimplyThrilled\n\n{_BODY}\n\nAbout SimplyThrilled"
    assert clean(doc, kind="text").byline == "Team SimplyThrilled"
    glued = f"Council approves budget\n\nBy Jane HalperStaff\n\n{_BODY}\n\nAbout Staff"
    assert clean(glued, kind="text").byline == "Jane Halper"


def test_title_rows_without_an_address_reach_a_far_headline_that_restates_the_lede() -> None:
    from cleaner.metadata.title_candidates import WINDOW_BEFORE
    from cleaner.metadata.title_model import TITLE_FEATURES, title_rows

    menu = "\n\n".join(f"Section {n}" for n in range(WINDOW_BEFORE + 5))
    doc = f"Council approves budget for schools\n\n{menu}\n\n{_BODY}"
    blocks = segment(doc)
    body = next(p for p, b in enumerate(blocks) if b.prose)
    far = TITLE_FEATURES.index("far_by_lede")
    # far above the window, the headline is a candidate when no address spells it ...
    rows = dict(title_rows(blocks, body, {}))
    assert rows[0][far] == 1.0
    assert all(rows[p][far] == 0.0 for p in rows if p)
    # ... and a menu line far up that shares no lede words is not
    assert body - WINDOW_BEFORE > 1 and 1 not in rows
    # with an address, its slug spells far headlines instead
    assert 0 not in dict(title_rows(blocks, body, {}, url="https://example.com/news/rain-in-spain"))


def test_site_name_suffix_is_cut_when_the_page_writes_it_on_its_own() -> None:
    body = (
        "The rain in Spain falls mainly on the plain, the weather service said on Tuesday "
        "after a week of storms.\n\nForecasters expect the storms to continue through the "
        "weekend across the whole of the country."
    )
    headline = "Rain in Spain falls mainly on the plain | Daily News"
    with_site = f"Daily News\n\nHome  Sport  Politics\n\n{headline}\n\nBy Jane Doe\n\n{body}"
    assert clean(with_site, kind="text").title == "Rain in Spain falls mainly on the plain"
    # a suffix the page does not write on its own stays part of the headline
    without_site = f"Home  Sport  Politics\n\n{headline}\n\nBy Jane Doe\n\n{body}"
    assert clean(without_site, kind="text").title == headline


def test_a_month_named_in_the_address_dates_the_article() -> None:
    doc = f"Wine styles explained\n\n03/10/2023\n\n{_BODY}"
    url = "https://news.example.org/blog/2023/october/03/wine-styles-explained"
    assert clean(doc, kind="text", url=url).date == "2023-10-03"


def test_the_month_of_the_address_picks_the_date_in_that_month() -> None:
    doc = (
        f"Organic pest spray\n\nLast Updated: March 11, 2019\n\n{_BODY}"
        "\n\nJane Roe\n\nJuly 14, 2015 at 3:53 pm\n\nGreat recipe, thanks!"
    )
    url = "https://news.example.org/2015/07/organic-pest-spray.html"
    assert clean(doc, kind="text").date == "2019-03-11"
    assert clean(doc, kind="text", url=url).date == "2015-07-14T15:53"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # a publication label wins over the update nearer the body
        ("Published Apr 26, 2023\n\nUpdated Aug 21, 2025", "2023-04-26"),
        # an update's date yields to an earlier date without the label
        ("• January 28, 2018\n\n• Updated: August 22, 2019", "2018-01-28"),
        # the label on the line before its date
        ("February 8, 2022\n\nLast update:\n\nJuly 16, 2025", "2022-02-08"),
        # an update label alone, nothing earlier: the update's date
        ("Updated Aug 21, 2025", "2025-08-21"),
    ],
)
def test_the_publication_date_wins_over_the_update(header: str, expected: str) -> None:
    doc = f"Council approves budget\n\n{header}\n\n{_BODY}"
    assert clean(doc, kind="text").date == expected


def test_an_update_date_keeps_over_a_teaser_date_after_the_body() -> None:
    doc = f"Council approves budget\n\nLast updated:\n\nAugust 19, 2025\n\n{_BODY}\n\nRelated\n\nJane Roe April 20, 2024"
    assert clean(doc, kind="text").date == "2025-08-19"


def _page_with_author_box(box: str) -> str:
    """A German article with a capitalised line under its headline (a name line for the
    ranker) and its author credit ``box`` far below the text."""
    body = "\n\n".join(
        "Der Gemeinderat hat am Dienstag nach langer Debatte den neuen Haushalt für das Jahr"
        f" beschlossen, Punkt {i}."
        for i in range(5)
    )
    footer = "\n\n".join(f"Weitere Meldung Nummer {i} aus der Region" for i in range(8))
    return (
        f"Startseite\n\nGemeinderat beschließt neuen Haushalt\n\nJürgen Weber\n\n{body}"
        f"\n\n{footer}\n\n{box}\n"
    )


def test_an_author_label_far_from_the_body_wins_over_a_name_line() -> None:
    article = clean(_page_with_author_box("Autorin: Erika Mustermann"), kind="text")
    assert (article.byline, article.provenance["byline"]) == ("Erika Mustermann", "dump:label-line")


def test_author_labels_naming_different_people_leave_the_name_line() -> None:
    box = "Autorin: Erika Mustermann\n\nAutor: Max Muster"
    assert clean(_page_with_author_box(box), kind="text").provenance["byline"] != "dump:label-line"


def test_a_name_line_starting_with_a_given_name_beats_a_noun_label() -> None:
    from cleaner.metadata.author_model import pick_author

    # the label sits where name lines usually do (just before the body); the name's
    # given name ("Jürgen") decides
    doc = f"Council approves budget\n\nJürgen Weber\n\nHamamelis Winter\n\n{_BODY}"
    assert pick_author(segment(doc), 3, frozenset({"the", "of"}), title=0) == "Jürgen Weber"


def test_the_given_names_file_is_sorted_and_case_folded() -> None:
    from importlib import resources

    from cleaner.metadata.given_names import given_names

    lines = resources.files("cleaner.data").joinpath("given_names.txt").read_text("utf-8")
    names = [line for line in lines.splitlines() if not line.startswith("#")]
    assert names == sorted(set(names)) and all(n == n.casefold() for n in names)
    assert {"jane", "jürgen", "maría", "jean-luc"} <= given_names()
    assert not {"wohnen", "digitale", "übersicht", "the", "will"} & given_names()


def test_a_label_line_needs_a_higher_probability_than_a_name_line() -> None:
    from cleaner.metadata.author_model import (
        AUTHOR_FEATURES,
        MIN_AUTHOR_PROBABILITY,
        MIN_OTHER_AUTHOR_PROBABILITY,
        author_rows,
        pick_author,
    )
    from cleaner.metadata.line_ranker import load_weights, probability

    stop = frozenset({"the", "of"})
    blocks = segment(f"Council approves budget\n\nDigitale Arbeit\n\nWohnen\n\n{_BODY}")
    weights = load_weights("author_model.json", AUTHOR_FEATURES)
    label = probability(dict(author_rows(blocks, 3, stop, title=0))[1], weights)
    assert MIN_AUTHOR_PROBABILITY <= label < MIN_OTHER_AUTHOR_PROBABILITY
    assert pick_author(blocks, 3, stop, title=0) is None


def test_the_page_order_of_slashed_dates_settles_an_ambiguous_one() -> None:
    # an English page read month-first, unless its other slashed dates are day-first
    doc = f"Council approves budget\n\n12/04/2020 by Jane Roe\n\n{_BODY}"
    assert clean(doc, kind="text").date == "2020-12-04"
    comments = "\n\n".join(f"Reader {n}\n\n{day}/06/2020" for n, day in enumerate((22, 25, 30)))
    assert clean(f"{doc}\n\nComments\n\n{comments}", kind="text").date == "2020-04-12"


def test_a_date_shown_without_its_year_takes_the_year_of_the_page() -> None:
    doc = f"The best headphones of 2024\n\nMar 6\n\n{_BODY}\n\n© 2026 Example Media"
    assert clean(doc, kind="text").date == "2024-03-06"
    # the address's year first
    url = "https://news.example.org/2022/05/the-best-headphones"
    assert clean(doc, kind="text", url=url).date == "2022-03-06"


def test_a_long_line_opening_with_a_publication_label_dates_the_article() -> None:
    tags = ", ".join(f"Topic {n}" for n in range(20))
    doc = f"Council approves budget\n\nPosted on November 25, 2024 in {tags}\n\n{_BODY}"
    assert clean(doc, kind="text").date == "2024-11-25"


def test_a_publication_label_below_the_body_start_names_the_date() -> None:
    # the published line of the first date's own group, below the body
    body = f"{_BODY}\n\n{_BODY}"
    doc = f"Council approves budget\n\n{body}\n\nLetzte Änderung: 31.10.2023\n\nErschienen am: 01.11.2023"
    assert clean(doc, kind="text").date == "2023-11-01"
    # a published line just inside the body wins over the header's date
    doc = f"Council approves budget\n\nDaily News — 02.01.23\n\n{_BODY}\n\nVon Jane Roe, Veröffentlicht: 26.12.2022"
    assert clean(doc, kind="text").date == "2022-12-26"


def test_the_span_ranker_prefers_a_span_opening_with_a_given_name() -> None:
    from cleaner.metadata.byline_spans import pick_byline

    # a short line above the headline that no byline rule proposes: a person's name there
    # is the byline, a section label of the same shape is not
    body = "\n\n".join(
        "Der Gemeinderat hat am Dienstag nach langer Debatte den neuen Haushalt für das Jahr"
        f" beschlossen, Punkt {i}."
        for i in range(5)
    )
    stop = frozenset({"der", "das", "am", "den", "für", "nach", "hat"})

    def picked(line: str) -> str | None:
        blocks = segment(f"Startseite\n\n{line}\n\nGemeinderat beschließt neuen Haushalt\n\n{body}")
        return pick_byline(blocks, {}, 3, stop, 2, {})

    assert (picked("Jürgen Weber"), picked("Hamamelis Winter")) == ("Jürgen Weber", None)


def test_a_by_word_inside_a_running_sentence_names_no_author() -> None:
    blocks = segment(
        "Der Fall der Sängerin\n\nDie Polizei fand die Leiche von Esther Muster\n\n" + _BODY
    )
    assert nearest_byline(blocks, 2, frozenset({"die", "der", "von"}), 0) is None


def test_an_explicit_byline_wins_over_a_nearer_name_beside_a_date() -> None:
    blocks = segment(
        "Erfinderinnen und ihre Forschung\n\nErika Muster 25. Dezember 2022\n\nLebenslust\n\n"
        f"Von Jane Doe\n\n{_BODY}"
    )
    assert nearest_byline(blocks, 1, frozenset({"und", "von"}), 0) == "Jane Doe"


def test_a_word_between_control_labels_is_a_menu_item_not_the_title() -> None:
    # the menus and footer layers remove "Home" and "Contact" only after the header is read
    assert clean(f"Home\n\nNews\n\nContact\n\n{_BODY}", kind="text").title is None
    assert clean(f"Home\n\nBudget approved\n\nContact\n\n{_BODY}", kind="text").title == "Budget approved"
    assert clean(f"Budget\n\nContact\n\n{_BODY}", kind="text").title == "Budget"
