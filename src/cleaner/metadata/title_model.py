"""Pick the headline of a text dump among the short lines around the start of the body.

A small linear ranker (a conditional logit) scores each candidate line on named features (distance to the
body, length, punctuation, repetition in the page, neighbouring byline/date lines, the words
it shares with the body and its lede, a headline over a longer teaser line, a line that
another candidate holds with more around it); the
best candidate above :data:`MIN_TITLE_PROBABILITY` is the title. Weights ship in
``cleaner/data/title_model.json`` (and ``title_model_no_url.json`` for callers who give no
page address), fitted by ``tools/train_title_model.py`` on the development corpora.

>>> from cleaner.text.segment import segment
>>> blocks = segment("Home\\n\\nCouncil approves new budget after long debate\\n\\nBy Jane Doe\\n\\nThe council approved the budget on Tuesday after a debate of many hours.")
>>> pick_title(blocks, 3, {2: "metadata.byline"}).text
'Council approves new budget after long debate'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from operator import mul

from cleaner.blocks import Block
from cleaner.features import is_heading_like
from cleaner.metadata.dates import find_date, may_hold_absolute_date, strip_dates
from cleaner.metadata.line_ranker import best_candidate, load_weights, logistic, probability
from cleaner.metadata.title_features import (
    MIN_CRUMB_SEPARATORS,
    TITLE_FEATURES,
    TitlePage,
    early_row,
    late_bound,
    read_late,
    title_rows,
)

__all__ = ["TITLE_FEATURES", "headline_text", "pick_title", "title_rows"]

#: The best candidate must reach this probability to be taken as the title (low: a page
#: nearly always has a headline, and the best guess is right far more often than not;
#: 3-fold cross-validation on wcxb-dev: 0.705 top-1 with no threshold and up to 0.003,
#: 0.703 at 0.01, 0.700 at 0.02). Not 0: with no threshold a menu label over a short text
#: becomes its title ("Home"), though the harness, which scores only pages with a gold
#: title, measured 0 at +0.001 to +0.005 (mostly headlines in scripts without capitals).
MIN_TITLE_PROBABILITY = 0.003

#: The ranker's weights; without the page address, weights fitted on the pages cleaned
#: without theirs (the address features are then silent, and the other features carry
#: the weight they shared with them). Title accuracy without the URL, one set of weights
#: -> two: w3m wcxb-dev 0.716 -> 0.733, trafilatura-eval 0.639 -> 0.646; lynx 0.757 ->
#: 0.758, 0.668 -> 0.684. The weights without the address are fitted on the w3m and the
#: lynx dumps together (``--without-url --dump w3m,lynx``; wcxb-dev articles only, as
#: before). Against w3m alone, wcxb-dev articles / trafilatura-eval: w3m 0.761 -> 0.768 /
#: 0.692 -> 0.694, lynx 0.792 -> 0.800 / 0.704 -> 0.712. With the address, pooling the
#: dumps loses titles (refitted, trafilatura-eval w3m 0.816 -> 0.807, lynx 0.821 -> 0.814):
#: those stay fitted on w3m.
TITLE_WEIGHTS = "title_model.json"
NO_URL_TITLE_WEIGHTS = "title_model_no_url.json"
#: A row is left only when its score bound is this far below what it must beat (float sums
#: of the same terms in another order differ by far less).
_PRUNE_MARGIN = 1e-6

#: A letter or digit: what a date part holds besides its date when it is more than a date.
_WORD_CHARS = re.compile(r"[^\W_]")
#: The separators after which a trail's last crumb is the page's own title ("»", "›", ">").
_TRAIL_STEP = re.compile(r"\s[»›>]\s")
#: The separator before a site's name at the end of a headline line.
_SITE_SUFFIX = " | "
#: A " | " suffix is cut only when at least this many words stay before it.
MIN_HEAD_WORDS = 2
#: A date before or after the headline on its line, set off by a separator:
#: "08.11.2021 | Headline", "Headline – 3 October 2023".
_DATED_PARTS = re.compile(r"^(?P<head>.+?)\s+[|–—·-]\s+(?P<tail>.+)$")
#: A headline line that ends with another line of the page at most this many blocks away
#: is that line with a kicker or a trail glued in front ("Olympische Spiele in Paris
#: Getränke per Schiff ins Stadtzentrum" next to "Getränke per Schiff ins Stadtzentrum";
#: "Auftragshoch bei FACC : Luftfahrtbranche hebt ab"): the title is the other line. Far
#: away, the other line is a section heading that happens to end the headline ("Top Nine
#: Financial Tips for Working Adults" and, 86 blocks below, "Financial Tips for Working
#: Adults"). Title accuracy with the URL, trafilatura-eval: w3m 0.819 -> 0.822, lynx
#: 0.827 -> 0.829; wcxb-dev articles unchanged (0.835 / 0.840).
MAX_RESTATED_DISTANCE = 3
#: The other line has at least this many words, and more than the kicker (with as many,
#: the line is as likely the headline's second half: "Top Vacation Package Deals & Offers"
#: over "Deals & Offers", "3.1 Git Branching - Branches in a Nutshell").
MIN_RESTATED_WORDS = 3
#: The characters a kicker may end with before the other line (a word, or a separator).
_KICKER_END = frozenset(":|–—-?!.")


def headline_text(text: str, page: Sequence[Block] = (), at: int | None = None) -> str:
    """The title a chosen line gives: a breadcrumb trail's last crumb; else the line
    without a " | " suffix that a block of the ``page`` holds on its own (the site's name:
    "Headline | Daily News" where "Daily News" stands alone); else the line. When ``at``,
    the line's block index, is given, a title that ends with a line of the ``page`` near
    it is that line (see :data:`MAX_RESTATED_DISTANCE`).

    >>> from cleaner.text.segment import segment
    >>> headline_text("Home » Recipes » Lemon cake"), headline_text("Rain in Spain")
    ('Lemon cake', 'Rain in Spain')
    >>> headline_text("Rain in Spain | Daily News", segment("DAILY NEWS\\n\\nSport"))
    'Rain in Spain'
    >>> headline_text("Rain in Spain | Daily News", segment("Daily News today"))
    'Rain in Spain | Daily News'
    >>> page = segment("Rain news: Rain falls in Spain\\n\\nRain falls in Spain")
    >>> headline_text(page[0].text, page, 0), headline_text(page[0].text, page)
    ('Rain falls in Spain', 'Rain news: Rain falls in Spain')
    """
    text = _as_headline(text, page)
    return text if at is None else _restated_tail(text, page, at)


def _as_headline(text: str, page: Sequence[Block]) -> str:
    """:func:`headline_text` without the restated line."""
    text = _without_date_part(text)
    steps = _TRAIL_STEP.split(text)
    if len(steps) > MIN_CRUMB_SEPARATORS:
        return steps[-1].strip()
    head, bar, suffix = text.rpartition(_SITE_SUFFIX)
    if bar and len(head.split()) >= MIN_HEAD_WORDS:
        site = suffix.strip().casefold()
        if any(b.folded == site for b in page):
            return head.strip()
    return text


def _restated_tail(text: str, page: Sequence[Block], at: int) -> str:
    """The longest line of the ``page`` within :data:`MAX_RESTATED_DISTANCE` blocks of
    index ``at`` that ends ``text`` after a shorter kicker, else ``text``.

    >>> from cleaner.text.segment import segment
    >>> page = segment("Rain falls in Spain\\n\\nMenu\\n\\nWeather Rain falls in Spain")
    >>> _restated_tail(page[2].text, page, 2)
    'Rain falls in Spain'
    >>> far = segment("Top tips for Spain\\n\\nA\\n\\nB\\n\\nC\\n\\nD\\n\\ntips for Spain")
    >>> _restated_tail(far[0].text, far, 0)
    'Top tips for Spain'
    """
    best = ""
    for block in page:
        tail = block.text
        if (
            abs(block.index - at) <= MAX_RESTATED_DISTANCE
            and block.words >= MIN_RESTATED_WORDS
            and len(best) < len(tail) < len(text)
            and text.endswith(tail)
        ):
            head = text[: -len(tail)].rstrip()
            if (
                head
                and (head[-1].isalnum() or head[-1] in _KICKER_END)
                and len(head.split()) < block.words
            ):
                best = tail
    return best or text


def _without_date_part(text: str) -> str:
    """``text`` without a date set off at its start or end by a separator, when at least
    :data:`MIN_HEAD_WORDS` words stay.

    >>> _without_date_part("08.11.2021 | Online conference on climate")
    'Online conference on climate'
    >>> _without_date_part("Lemon cake - 3 October 2023"), _without_date_part("Budget 2024 | Daily")
    ('Lemon cake', 'Budget 2024 | Daily')
    """
    match = _DATED_PARTS.match(text)
    if match is None or not may_hold_absolute_date(text):
        return text
    head, tail = match.group("head"), match.group("tail")
    for date, rest in ((head, tail), (tail, head)):
        if (
            len(rest.split()) >= MIN_HEAD_WORDS
            and find_date(date)
            and not _WORD_CHARS.search(strip_dates(date))
        ):
            return rest.strip()
    return text


def pick_title(
    blocks: Sequence[Block],
    body: int,
    rules: Mapping[int, str],
    page: Sequence[Block] = (),
    url: str | None = None,
) -> Block | None:
    """The most probable title among the candidates, or ``None`` when there is none.

    ``blocks`` are the live blocks, ``body`` the position of the first body block in them,
    ``rules`` the header rules already given (byline, dateline, ...) by block index.
    ``url`` is the page address (see :func:`title_rows`).

    A row whose score could not reach the threshold or another row's probability whatever
    its late features add (:func:`~cleaner.metadata.title_features.late_bound`) is left
    before they are read (most rows): what is left holds every row of the best
    probability, so the pick is the one the full rows give.
    """
    weights = load_weights(TITLE_WEIGHTS if url else NO_URL_TITLE_WEIGHTS, TITLE_FEATURES)
    title_page = TitlePage.of(blocks, body, rules, page, url)
    early = [(p, early_row(title_page, p)) for p in title_page.positions]
    late = late_bound(weights) + _PRUNE_MARGIN
    most = [logistic(sum(map(mul, weights, row)) + late) for _, row in early]
    read: set[int] = set()
    bar = MIN_TITLE_PROBABILITY
    # the row that could score highest first: its probability bars the others
    order = list(range(len(early)))
    for k in [max(order, key=most.__getitem__)] if early else []:
        order.insert(0, k)
    for k in order:
        if k in read or most[k] < bar:
            continue
        p, row = early[k]
        read.add(k)
        bar = max(bar, probability(read_late(title_page, p, row), weights))
    best = best_candidate(
        [early[k] for k in sorted(read)], weights, min_probability=MIN_TITLE_PROBABILITY
    )
    if best is None:
        # half-cleaned text ("Headline", blank line, body): a lone heading before the body
        before = [p for p in title_page.positions if p < body]
        if len(before) == 1 and is_heading_like(blocks[before[0]]) and blocks[before[0]].words > 1:
            best = before[0]
    return None if best is None else blocks[best]
