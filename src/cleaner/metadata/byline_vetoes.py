"""Rules over the byline ranker's spans (:mod:`.byline_spans`) for what its features do not
see: spans that never name the author, and a byline line under a credit.

A span is no author when it holds an exclamation or a question mark, or has one right
after it ("Link Copied!", "Wow?"), or when it names the subject of a headline of more
words ("Mark Meadows accused of ..."), unless a "by" word or a label precedes it there or
a possessive follows ("Rede von Jane Doe ...", "Text: Jane Doe", "Jane Doe's blog": a
headline that runs the byline in). Of the spans that reached their floors, a byline line
("Von Jane Doe") right under the most probable one, a bare name line, names the author:
the name above is the credit of the picture above it.

>>> from cleaner.metadata.byline_candidates import Span
>>> vetoed(Span(0, "Link Copied", frozenset({"capitals"})), "Link Copied!", "")
True
>>> vetoed(Span(0, "Mark Meadows", frozenset({"whole"})), "Mark Meadows", "Mark Meadows accused of timing retirement")
True
>>> vetoed(Span(0, "Jane Doe", frozenset({"whole"})), "Jane Doe", "Rede von Jane Doe beim Konvent der Länder")
False
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.metadata.byline_candidates import PROPOSERS, Span
from cleaner.metadata.nearby import ANY_BY_WORD

__all__ = ["EXPLICIT_KINDS", "MIN_HEADLINE_EXTRA_WORDS", "byline_below", "vetoed"]

#: A span inside the headline is its subject when the headline has at least this many
#: words more than the span (a shorter one is the name with a word or two: a blog's name).
MIN_HEADLINE_EXTRA_WORDS = 3
#: The span kinds an explicit byline gives: after a "by" word or an author label.
EXPLICIT_KINDS = frozenset({"by", "label"})
#: Marks a name never holds nor is followed by (a button's or a widget's text).
_NOT_A_NAME_MARK = re.compile(r"[!?¡¿]")
#: What precedes a name in a headline that runs the byline in: a "by" word, possibly
#: with a title between ("von Bundespräsident"), or a label's colon.
_BY_BEFORE = re.compile(r"(?:(?<!\w)" + ANY_BY_WORD + r"(?:\s+\w+)?|:)\s*$")
#: A possessive after a name ("Jane Doe's blog").
_POSSESSIVE = ("'s", "’s")


def _headline_subject(span: Span, headline: str) -> bool:
    """Whether ``span`` (of several words, not after a "by" word or a label) stands in a
    longer ``headline`` as its subject, not as a byline run into it.

    >>> _headline_subject(Span(0, "Jane Doe", frozenset({"whole"})), "Jane Doe's blog about cats")
    False
    >>> _headline_subject(Span(0, "Tage Yoga Challenge", frozenset({"capitals"})), "Energy Rising – 33 Tage Yoga Challenge")
    True
    """
    words = len(span.text.split())
    if words < 2 or not span.kinds.isdisjoint(EXPLICIT_KINDS):
        return False
    at = headline.find(span.text)
    if at < 0 or len(headline.split()) < words + MIN_HEADLINE_EXTRA_WORDS:
        return False
    after = headline[at + len(span.text) :]
    return not (_BY_BEFORE.search(headline[:at]) or after.startswith(_POSSESSIVE))


def vetoed(span: Span, line: str, headline: str) -> bool:
    """Whether ``span`` (read from ``line``) can never be the byline: it holds an
    exclamation or a question mark or has one right after it on its line, or it is the
    subject of the ``headline`` (the headline's text, "" without one)."""
    if _NOT_A_NAME_MARK.search(span.text):
        return True
    at = line.find(span.text)
    if at >= 0 and _NOT_A_NAME_MARK.match(line, at + len(span.text)):
        return True
    return bool(headline) and _headline_subject(span, headline)


def byline_below(taken: Sequence[tuple[float, Span]]) -> Span | None:
    """Among the spans that reached their floors (with their probabilities), the most
    probable byline span (after a "by" word or a label, proposed by a byline rule) on the
    line right under the most probable span, when that one is no byline span and neither
    names the other ("Alexandra Sackmann" above "Von Jane Doe"); else ``None``.

    >>> name, by = Span(4, "Alex Roe", frozenset({"whole", "name-line"})), Span(5, "Jane Doe", frozenset({"by", "nearby"}))
    >>> byline_below([(0.99, name), (0.98, by)]).text
    'Jane Doe'
    >>> byline_below([(0.99, by), (0.98, name)]) is None
    True
    """
    if not taken:
        return None
    top = max(taken, key=lambda t: t[0])[1]
    if not top.kinds.isdisjoint(EXPLICIT_KINDS):
        return None
    below = [
        (prob, span)
        for prob, span in taken
        if span.position == top.position + 1
        and not span.kinds.isdisjoint(EXPLICIT_KINDS)
        and not span.kinds.isdisjoint(PROPOSERS)
        and span.text not in top.text
        and top.text not in span.text
    ]
    return max(below, key=lambda t: t[0])[1] if below else None
