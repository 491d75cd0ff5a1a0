"""Given names ("Jane", "Jürgen", "Ana"): whether a line's first word names a person.

The list ships in ``cleaner/data/given_names.txt``, written by
``tools/build_given_names.py`` from the person providers of Faker (MIT licence) for the
corpora's languages and a few neighbours; it is read once, on first use.

>>> starts_with_given_name("Jürgen Müller"), starts_with_given_name("Digitale Arbeit")
(True, False)
>>> starts_with_given_name(""), starts_with_given_name("Dr. Jane Doe")
(False, False)
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["given_names", "starts_with_given_name"]


@functools.cache
def given_names() -> frozenset[str]:
    """Every case-folded given name of the shipped list (read once)."""
    text = resources.files("cleaner.data").joinpath("given_names.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def starts_with_given_name(line: str) -> bool:
    """Whether the first word of ``line`` is a given name (case-folded, so "JANE DOE" counts).

    >>> starts_with_given_name("JANE DOE"), starts_with_given_name("Jean-Luc Picard")
    (True, True)
    """
    first, _, _ = line.partition(" ")
    return first.casefold() in given_names()
