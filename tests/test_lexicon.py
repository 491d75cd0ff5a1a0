"""The lower-case twin of the combined line pattern answers as the pattern does."""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import pytest

from cleaner.lexicon import _ANY_LINE_PATTERN, _OUTSIDE_LOWER_TWIN, _any_line_pattern


def _codes(parsed: Any) -> list[tuple[int, int]]:
    """(first, last) code point of every literal and range the parsed pattern compares a
    character with; fails on a group that changes the case flag."""
    found: list[tuple[int, int]] = []
    for op, av in parsed:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            found.append((av, av))
        elif op is sre.IN:
            for item_op, item in av:
                if item_op in (sre.LITERAL, sre.NOT_LITERAL):
                    found.append((item, item))
                elif item_op is sre.RANGE:
                    found.append(item)
        elif op is sre.BRANCH:
            for branch in av[1]:
                found += _codes(branch)
        elif op is sre.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            assert not (add_flags | del_flags) & re.IGNORECASE, "a group changes the case flag"
            found += _codes(sub)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            found += _codes(av[2])
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            found += _codes(av[1])
        else:
            assert op in (sre.AT, sre.ANY, sre.CATEGORY), f"unexpected regex operator {op}"
    return found


def test_the_twin_is_exact_on_the_texts_it_reads() -> None:
    """What makes the twin exact on a text without a character of _OUTSIDE_LOWER_TWIN:
    each of its characters lower-cases to one character, and the pattern compares with no
    upper-case character and with none that shares its upper-case form with the lower-case
    form of another such character ("ſ" and "s", "μ" and "µ")."""
    read = [chr(c) for c in range(0x2070) if not _OUTSIDE_LOWER_TWIN.match(chr(c))]
    assert all(len(char.lower()) == 1 for char in read)
    lowered = {char.lower() for char in read}
    pattern = sre_parse.parse(_ANY_LINE_PATTERN.pattern, _ANY_LINE_PATTERN.flags)
    for first, last in _codes(pattern):
        for code in range(first, last + 1):
            char = chr(code)
            assert char == char.lower(), (first, last)
            assert all(z == char or z.upper() != char.upper() for z in lowered), (first, last)


def test_the_check_sees_an_upper_case_letter() -> None:
    """The check above reads the letters of alternatives and classes ("A", "C")."""
    codes = _codes(sre_parse.parse(r"(?:x|[B-C]\s|A)+", re.I))
    assert {chr(c) for a, b in codes for c in range(a, b + 1)} == {"x", "A", "B", "C"}


@pytest.mark.parametrize(
    "text",
    [
        "MOST READ",
        "Most Read",
        "Related Articles:",
        "12 Comments",
        "3 MIN READ",
        "Share on Facebook",
        "(BUTTON) Search",
        "Sign-In",
        "Privacy Policy",
        "Copyright 2024 Example",
        "Read More: The budget was approved",
        "By Jane Doe",
        "WRITTEN BY JANE DOE",
        "The minister said so.",
        "Mehr zum Thema",
        "ÄHNLICHE ARTIKEL",
        "Ähnliche Artikel",
        "Lire aussi",
        "À LIRE AUSSI",
        "Leia também – „Notícias“",
        "Похожие статьи",
        "Home",
        "",
        "Advertisement",
        "x",
        "X",
    ],
)
def test_the_twin_answers_as_the_pattern(text: str) -> None:
    assert _any_line_pattern(text) is (_ANY_LINE_PATTERN.match(text) is not None)
