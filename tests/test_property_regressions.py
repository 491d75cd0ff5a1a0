"""Counterexamples the long hypothesis profile found, pinned as plain tests.

A case whose fix belongs to code another change is rewriting stays here as a strict
``xfail``: it fails loudly (XPASS) once fixed, so the mark is removed with the fix.
"""

from __future__ import annotations

import pytest

from cleaner import clean

_SENTENCE = "The council approved the new budget after a long debate on Tuesday evening."


@pytest.mark.xfail(
    strict=True,
    reason="text dumps: a bullet list of one repeated word inside the core is kept; without "
    "its bullets the second pass takes the words for a site name and the sentence before "
    "them for a standfirst (layers/menus.py, layers/header.py)",
)
def test_idempotent_on_a_repeated_one_word_list_inside_the_body() -> None:
    source = "\n\n".join(
        [_SENTENCE, _SENTENCE, "  • News\n  • News\n  • News\n  • News", f"{_SENTENCE} {_SENTENCE}"]
    )
    once = clean(source, kind="text")
    assert clean(once.text, kind="text").text == once.text
