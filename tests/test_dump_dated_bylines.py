"""Dump bylines: user names on dated lines, the window line a rule's name is read from, and
the copyright holder of last resort."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.metadata.author_labels import copyright_holder
from cleaner.metadata.byline_candidates import byline_spans
from cleaner.metadata.dated_names import dated_user, name_beside_date
from cleaner.metadata.nearby import nearest_byline
from cleaner.text.segment import segment

_BODY = "\n\n".join(
    f"Sentence {n} of the story, which goes on long enough to count as a paragraph of prose."
    for n in range(4)
)


@pytest.mark.parametrize(
    ("text", "user"),
    [
        ("Gespeichert von jdoe am 24. Juli 2017 - 18:55", "jdoe"),
        (
            "Dezember 10, 2019 · von jdoe1984 · in Uncategorized · Hinterlasse einen Kommentar",
            "jdoe1984",
        ),
        ("by oz on December 4, 2006", "oz"),
        ("3. April 2022 by jdoe", "jdoe"),
        ("Verfasst von: jdoe | 31. Dezember 2008", "jdoe"),
        ("22. Januar 2020 @ 18:13 // Autor: c1ph4 // ~ Lesezeit: 1 Minute", "c1ph4"),
    ],
)
def test_a_user_name_after_a_by_word_on_a_dated_line(text: str, user: str) -> None:
    assert dated_user(text, frozenset()) == user


@pytest.mark.parametrize(
    "text",
    [
        "Mai 2019 von der Redaktion",  # a particle
        "26/12/2019 von jdoe-team Webteam",  # the name goes on: not a login alone
        "Posted on May 3, 2024 by the editors",  # a stop word
        "am 3. Mai 2024 kam die Leiche von jdoe am Fluss an",  # a running sentence
    ],
)
def test_no_user_name_after_a_by_word(text: str) -> None:
    assert dated_user(text, frozenset({"the", "am"})) is None


@pytest.mark.parametrize(
    ("text", "user"),
    [
        ("jdoe — 2. Februar 2022", "jdoe"),
        ("19.10.2019 11:36 jdoe", "jdoe"),
        ("26 Mai, 2008 | J_Doe | Kommentare 34 |", "J_Doe"),
        ("longshot · 03/03/2026 19:44", "longshot"),
    ],
)
def test_a_user_name_beside_a_date(text: str, user: str) -> None:
    assert name_beside_date(text) == user


@pytest.mark.parametrize(
    "text",
    [
        "edited Feb 12, 2011 at 21:50",  # a word before the date, no separator
        "asked Mar 26, 2019 at 16:18",
        "mardi 5 juin 2018",  # a weekday
        "miércoles, 4 de mayo de 2022",  # a weekday and its comma
        "Essay - Published: 2025.12.17 | artificial-intelligence | create | programming |",
        "14.10.2021 example.org",  # a domain: a source
        "Redaktion - 31. Januar 2022",  # one capitalised word: a section as often
    ],
)
def test_no_user_name_beside_a_date(text: str) -> None:
    assert name_beside_date(text) is None


def test_the_nearest_byline_reads_a_dated_user_line() -> None:
    blocks = segment(
        f"Headline of the story\n\nGespeichert von jdoe am 24. Juli 2017 - 18:55\n\n{_BODY}"
    )
    assert nearest_byline(blocks, 2, frozenset(), 0) == "jdoe"
    page = f"Menu\n\nHeadline of the story\n\nEingestellt von Weinlachgummi um 10:52\n\n{_BODY}"
    assert nearest_byline(segment(page), 3, frozenset(), 1) == "Weinlachgummi"


def test_a_rules_name_is_read_from_the_window_line_that_holds_it() -> None:
    # the name first occurs in a comment far above; its line in the window gives no span
    # of its own ("Autor: c1ph4" is a label, not a "by" word before a name)
    filler = "\n\n".join(f"Menu entry {n}" for n in range(20))
    page = (
        f"c1ph4: thanks for the tip, it works\n\n{filler}\n\nHeadline of the story\n\n"
        f"22. Januar 2020 // Autor: c1ph4 // Lesezeit: 1 Minute\n\n{_BODY}"
    )
    blocks = segment(page)
    headline = next(p for p, b in enumerate(blocks) if b.text == "Headline of the story")
    spans = byline_spans(blocks, blocks[headline + 2].index, headline, {"nearby": "c1ph4"})
    held = [s.position for s in spans if "nearby" in s.kinds]
    assert held == [headline + 1]


def test_the_copyright_holder_names_a_personal_site() -> None:
    blocks = segment(f"{_BODY}\n\nCopyright (c) 2012- Jane Doe. All rights reserved.")
    assert copyright_holder(blocks, frozenset()) == "Jane Doe"
    blocks = segment(f"{_BODY}\n\nArchive – RSS – 2009-2020 by Jane Doe – Powered by Nikola")
    assert copyright_holder(blocks, frozenset()) == "Jane Doe"


@pytest.mark.parametrize(
    "footer",
    [
        "© 2024 Jane Corp",  # a company's word
        "© 2024 Jane Doe/Agency",  # a picture credit
        "© 2024 Acme Platforms, Inc.",  # no given name, a legal form after the comma
        "© 2024 JANE DOE",  # in capitals: a brand as often
        "© 2024 Jane Roads\n\nthe roads of the town",  # a word the page writes in lower case
        "© 2024 Jane Doe\n\n© 2023 John Roe",  # two holders
    ],
)
def test_no_copyright_holder(footer: str) -> None:
    assert copyright_holder(segment(f"{_BODY}\n\n{footer}"), frozenset()) is None


def test_the_copyright_holder_is_the_author_of_last_resort() -> None:
    article = clean(
        f"A headline of the story\n\n{_BODY}\n\n© 2020 - Jane Doe - Some Company", kind="text"
    )
    assert article.byline == "Jane Doe"
    assert article.provenance["byline"] == "dump:copyright"
    bylined = clean(
        f"A headline of the story\n\nBy John Roe\n\n{_BODY}\n\n© 2020 - Jane Doe", kind="text"
    )
    assert bylined.byline == "John Roe"
