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
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from cleaner.blocks import Block, opens_with_body
from cleaner.features import is_heading_like, one_hot
from cleaner.metadata.address import slug_overlap, slug_words
from cleaner.metadata.dates import find_date, may_hold_absolute_date, strip_dates
from cleaner.metadata.dump_dates import find_dump_date
from cleaner.metadata.line_ranker import best_candidate, load_weights
from cleaner.metadata.title_candidates import (
    MAX_MENU_ITEM_WORDS,
    WINDOW_AFTER,
    WINDOW_BEFORE,
    between_labels,
    may_be_title,
    opening_sentence,
    restating_lede,
    spelled_at_body,
    spelled_by_slug,
    topic_words,
)

__all__ = ["TITLE_FEATURES", "headline_text", "pick_title", "title_rows"]

#: The best candidate must reach this probability to be taken as the title (low: a page
#: nearly always has a headline, and the best guess is right far more often than not;
#: 3-fold cross-validation on wcxb-dev: 0.705 top-1 with no threshold and up to 0.003,
#: 0.703 at 0.01, 0.700 at 0.02). Not 0: with no threshold a menu label over a short text
#: becomes its title ("Home"), though the harness, which scores only pages with a gold
#: title, measured 0 at +0.001 to +0.005 (mostly headlines in scripts without capitals).
MIN_TITLE_PROBABILITY = 0.003
#: Words of the body sample: the topic words (:func:`topic_words`) of the prose blocks
#: among this many blocks from the body start.
BODY_SAMPLE_BLOCKS = 30
#: The body overlap is the share of a line's topic words found in the body, counted out of
#: at least this many (one matching word does not make a one-word section label a title).
MIN_OVERLAP_DENOMINATOR = 3
#: The lede is the body's first this many prose blocks (a headline restates its words).
LEDE_BLOCKS = 2
#: The number of a line's topic words found in the body counts up to this many.
MAX_OVERLAP_WORDS = 6
#: A heading-like line of more than this many words directly above a longer candidate is a
#: headline over its teaser (wcxb-dev articles: the upper line is the title in 84 of 98
#: such pairs with either one the title); a shorter one is a kicker over the headline (the
#: lower line in 146 of 167).
MAX_KICKER_WORDS = 4
#: A candidate inside another candidate's line counts from this many characters (a shorter
#: text, "News", is inside many lines by chance).
MIN_INSIDE_CANDIDATE_CHARS = 8

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

_DISTANCE_BINS = (-40, -16, -8, -4, -3, -2, -1, 0, 1, 2, 4, 8)
_WORD_BINS = (1, 3, 7, 12, 20)

TITLE_FEATURES: tuple[str, ...] = (
    "bias",
    *(f"distance<={d}" for d in _DISTANCE_BINS),
    f"distance>{_DISTANCE_BINS[-1]}",
    *(f"words<={w}" for w in _WORD_BINS),
    "words>20",
    "item",
    "line",
    "ends_period",
    "ends_question",
    "ends_colon",
    "repeated",
    "title_case",
    "heading_like",
    "prose",
    "separator",
    "digits",
    "next_is_header",
    "prev_is_header",
    "boilerplate",
    "all_caps",
    "first_candidate",
    "nearest_heading",
    "quoted_elsewhere",
    "quoted_in_page",
    "body_overlap",
    "no_body_overlap",
    "body_start",
    "has_date",
    "slug_share",
    "slug_cover",
    "no_slug_match",
    "breadcrumb",
    "lede_overlap",
    "overlap_words",
    "over_teaser",
    "inside_candidate",
    "far_by_lede",
)

#: Separates the texts searched for a quoted candidate (block text is one line: both
#: front ends collapse its whitespace).
_JOIN = "\n"
#: Separators of a breadcrumb trail ("Home » News » Politics").
_CRUMB = re.compile(r"\s[»›>/]\s|\s[»›]|[»›]\s")
#: A letter or digit: what a date part holds besides its date when it is more than a date.
_WORD_CHARS = re.compile(r"[^\W_]")
#: A line with at least this many such separators is a breadcrumb trail.
MIN_CRUMB_SEPARATORS = 2
#: The separators after which a trail's last crumb is the page's own title ("»", "›", ">").
_TRAIL_STEP = re.compile(r"\s[»›>]\s")
#: The separator before a site's name at the end of a headline line.
_SITE_SUFFIX = " | "
#: A " | " suffix is cut only when at least this many words stay before it.
MIN_HEAD_WORDS = 2
#: A date before or after the headline on its line, set off by a separator:
#: "08.11.2021 | Headline", "Headline – 3 October 2023".
_DATED_PARTS = re.compile(r"^(?P<head>.+?)\s+[|–—·-]\s+(?P<tail>.+)$")


def _lede_words(prose: Mapping[int, set[str]], skip: int | None) -> set[str]:
    """The topic words of the first :data:`LEDE_BLOCKS` of the ``prose`` blocks (position
    -> topic words, in page order), the block at ``skip`` left out (a headline read as the
    body's first block)."""
    words: set[str] = set()
    for q in [q for q in prose if q != skip][:LEDE_BLOCKS]:
        words |= prose[q]
    return words


def _joined(texts: Iterable[str]) -> str:
    """``texts`` as one string to search, each between two :data:`_JOIN`."""
    return _JOIN + _JOIN.join(texts) + _JOIN


def _inside_longer(text: str, joined: str, copies: Mapping[str, int]) -> bool:
    """Whether ``text`` is part of a longer text among the texts :func:`_joined` made
    ``joined`` of (a copy of ``text`` itself does not count); ``copies`` counts those texts.

    A text holds no :data:`_JOIN`, so an occurrence of ``text`` lies inside one text and
    cannot overlap a whole copy: ``text`` is inside a longer one exactly when ``joined``
    holds more (non-overlapping) occurrences of it than whole copies.

    >>> _inside_longer("Budget", _joined(["Budget", "Council approves budget"]), {"Budget": 1})
    False
    >>> _inside_longer("Budget", _joined(["Budget", "The Budget debate"]), {"Budget": 1})
    True
    """
    return joined.count(text) > copies.get(text, 0)


def title_rows(
    blocks: Sequence[Block],
    body: int,
    rules: Mapping[int, str],
    page: Sequence[Block] = (),
    url: str | None = None,
) -> list[tuple[int, list[float]]]:
    """(position in ``blocks``, feature vector) for every title candidate.

    ``page`` is every block of the document (removed ones too), for repetition features;
    ``url`` the page address, whose slug often spells the headline.
    """
    slug = slug_words(url)
    page = page or blocks
    counts = Counter(b.text.casefold() for b in page)
    longer_texts = [o.text for o in page if 12 <= len(o.text) <= 600]
    longer, longer_copies = _joined(longer_texts), Counter(longer_texts)
    # A text that opens with a paragraph of its body (no block before it at all, removed or
    # live, and a first block that ends a sentence: a cleaned or half-cleaned text) has no
    # header: a heading further down is a section heading, not the title.
    headerless = opens_with_body(blocks, body) and page[0].index == blocks[0].index
    lo = max(0, body - WINDOW_BEFORE)
    hi = body + 1 if headerless else min(len(blocks), body + WINDOW_AFTER)
    window_texts = [o.text for o in blocks[lo:hi]]
    window_text, window_copies = _joined(window_texts), Counter(window_texts)
    window = [p for p in range(lo, hi) if may_be_title(blocks, p, body, rules)]
    if any(blocks[p].words <= MAX_MENU_ITEM_WORDS for p in window):
        by_index = {b.index: b for b in page}
        window = [p for p in window if not between_labels(blocks[p], by_index)]
    if window and window[0] == 0 and opening_sentence(blocks[0], page):
        window = window[1:]
    if not headerless and body not in window and spelled_at_body(blocks, body, rules, slug):
        window = sorted([*window, body])
    # the body sample's prose blocks (position -> topic words), read once for the body
    # overlap (the body start left out) and the lede
    prose = {
        q: topic_words(blocks[q].text)
        for q in range(body, min(len(blocks), body + BODY_SAMPLE_BLOCKS))
        if blocks[q].prose
    }
    lede = _lede_words(prose, None)
    far = [] if headerless else spelled_by_slug(blocks, body, rules, slug, range(lo, hi))
    by_lede = (
        set() if headerless or slug else restating_lede(blocks, body, rules, lede, range(lo, hi))
    )
    positions = sorted([*window, *far, *by_lede])
    candidates = set(positions)
    candidate_texts = [blocks[q].text for q in positions]
    in_candidates, candidate_copies = _joined(candidate_texts), Counter(candidate_texts)
    body_words: set[str] = set()
    for q, sample_words in prose.items():
        if q != body:
            body_words |= sample_words
    headings = [p for p in window if p < body and is_heading_like(blocks[p])]
    nearest = headings[-1] if headings else None
    rows = []
    for p in positions:
        b, text = blocks[p], blocks[p].text
        words = text.split()
        prev_rule = rules.get(blocks[p - 1].index, "") if p > 0 else ""
        next_rule = rules.get(blocks[p + 1].index, "") if p + 1 < len(blocks) else ""
        distance = one_hot(p - body, _DISTANCE_BINS)
        topic = topic_words(text)
        found = len(topic & body_words)
        overlap = found / max(len(topic), MIN_OVERLAP_DENOMINATOR)
        in_lede = topic & (_lede_words(prose, p) if p == body else lede)
        below = blocks[p + 1] if p + 1 < len(blocks) else None
        slug_share, slug_cover = slug_overlap(text, slug)
        rows.append(
            (
                p,
                [
                    1.0,
                    *distance,
                    *one_hot(b.words, _WORD_BINS),
                    1.0 if b.kind == "item" else 0.0,
                    1.0 if b.kind == "line" else 0.0,
                    1.0 if text.endswith(".") else 0.0,
                    1.0 if text.endswith(("?", "!")) else 0.0,
                    1.0 if text.endswith(":") else 0.0,
                    1.0 if counts[text.casefold()] > 1 else 0.0,
                    sum(1 for w in words if w[:1].isupper()) / len(words),
                    1.0 if is_heading_like(b) else 0.0,
                    1.0 if b.prose else 0.0,
                    1.0
                    if any(sep in text for sep in (" | ", " - ", " – ", " — ", " :: "))
                    else 0.0,
                    sum(map(str.isdigit, text)) / len(text),
                    1.0 if next_rule.startswith("metadata.") else 0.0,
                    1.0 if prev_rule.startswith("metadata.") else 0.0,
                    1.0 if b.patterns.boilerplate else 0.0,
                    1.0 if text.isupper() else 0.0,
                    1.0 if window and p == window[0] else 0.0,
                    1.0 if p == nearest else 0.0,
                    1.0 if _inside_longer(text, window_text, window_copies) else 0.0,
                    1.0
                    if len(text) >= 12 and _inside_longer(text, longer, longer_copies)
                    else 0.0,
                    overlap,
                    1.0 if not overlap else 0.0,
                    1.0 if p == body else 0.0,
                    1.0 if find_dump_date(text) else 0.0,
                    slug_share,
                    slug_cover,
                    1.0 if slug and not slug_share else 0.0,
                    1.0 if len(_CRUMB.findall(text)) >= MIN_CRUMB_SEPARATORS else 0.0,
                    len(in_lede) / max(len(topic), MIN_OVERLAP_DENOMINATOR),
                    min(found, MAX_OVERLAP_WORDS) / MAX_OVERLAP_WORDS,
                    1.0
                    if below is not None
                    and p + 1 in candidates
                    and is_heading_like(b)
                    and MAX_KICKER_WORDS < b.words < below.words
                    else 0.0,
                    1.0
                    if len(text) >= MIN_INSIDE_CANDIDATE_CHARS
                    and _inside_longer(text, in_candidates, candidate_copies)
                    else 0.0,
                    1.0 if p in by_lede else 0.0,
                ],
            )
        )
    return rows


def headline_text(text: str, page: Sequence[Block] = ()) -> str:
    """The title a chosen line gives: a breadcrumb trail's last crumb; else the line
    without a " | " suffix that a block of the ``page`` holds on its own (the site's name:
    "Headline | Daily News" where "Daily News" stands alone); else the line.

    >>> from cleaner.text.segment import segment
    >>> headline_text("Home » Recipes » Lemon cake"), headline_text("Rain in Spain")
    ('Lemon cake', 'Rain in Spain')
    >>> headline_text("Rain in Spain | Daily News", segment("DAILY NEWS\\n\\nSport"))
    'Rain in Spain'
    >>> headline_text("Rain in Spain | Daily News", segment("Daily News today"))
    'Rain in Spain | Daily News'
    """
    text = _without_date_part(text)
    steps = _TRAIL_STEP.split(text)
    if len(steps) > MIN_CRUMB_SEPARATORS:
        return steps[-1].strip()
    head, bar, suffix = text.rpartition(_SITE_SUFFIX)
    if bar and len(head.split()) >= MIN_HEAD_WORDS:
        site = suffix.strip().casefold()
        if any(b.text.casefold() == site for b in page):
            return head.strip()
    return text


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
    """
    weights = load_weights(TITLE_WEIGHTS if url else NO_URL_TITLE_WEIGHTS, TITLE_FEATURES)
    rows = title_rows(blocks, body, rules, page, url)
    best = best_candidate(rows, weights, min_probability=MIN_TITLE_PROBABILITY)
    if best is None:
        # half-cleaned text ("Headline", blank line, body): a lone heading before the body
        before = [p for p, _ in rows if p < body]
        if len(before) == 1 and is_heading_like(blocks[before[0]]) and blocks[before[0]].words > 1:
            best = before[0]
    return None if best is None else blocks[best]
