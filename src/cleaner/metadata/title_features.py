"""The feature rows of the title ranker (:mod:`cleaner.metadata.title_model`): what the
page says about each candidate line.

A row's features split in two: the cheap ones, read from the line and its neighbours, and
the :data:`LATE_TITLE_FEATURES`, which search the page, the body or the address. The
ranker reads the late ones only for a row that could be the best with them
(:func:`late_bound`); :func:`title_rows` gives every row in full (the trainer reads those).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from cleaner.blocks import Block, opens_with_body
from cleaner.features import is_heading_like, one_hot
from cleaner.metadata.address import slug_overlap, slug_words
from cleaner.metadata.dump_dates import find_dump_date
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

__all__ = [
    "LATE_TITLE_FEATURES",
    "MIN_CRUMB_SEPARATORS",
    "TITLE_FEATURES",
    "TitlePage",
    "early_row",
    "late_bound",
    "read_late",
    "title_rows",
]

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

#: The features read from the whole page, the body or the address (each 0 or 1, or a share
#: of 0 to 1): :func:`read_late` fills them in, for the rows that need them.
LATE_TITLE_FEATURES: tuple[str, ...] = (
    "quoted_elsewhere",
    "quoted_in_page",
    "body_overlap",
    "no_body_overlap",
    "has_date",
    "slug_share",
    "slug_cover",
    "no_slug_match",
    "breadcrumb",
    "lede_overlap",
    "overlap_words",
    "inside_candidate",
)
#: Where the late features sit in a row, in :data:`LATE_TITLE_FEATURES` order.
_LATE_AT = tuple(TITLE_FEATURES.index(f) for f in LATE_TITLE_FEATURES)

#: Separates the texts searched for a quoted candidate (block text is one line: both
#: front ends collapse its whitespace).
_JOIN = "\n"
#: Separators of a breadcrumb trail ("Home » News » Politics").
_CRUMB = re.compile(r"\s[»›>/]\s|\s[»›]|[»›]\s")
#: A line with at least this many such separators is a breadcrumb trail.
MIN_CRUMB_SEPARATORS = 2


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


@dataclass(frozen=True)
class TitlePage:
    """What the rows of one page's title candidates read, gathered once (see
    :meth:`TitlePage.of`)."""

    blocks: Sequence[Block]
    body: int
    rules: Mapping[int, str]
    slug: frozenset[str]
    #: the candidates' positions, in page order
    positions: list[int]
    candidates: frozenset[int]
    counts: Counter[str]
    window: list[int]
    nearest: int | None
    by_lede: set[int]
    #: the texts searched for a quoted candidate (:func:`_joined`) and their copies: the
    #: window's, the page's longer ones, the candidates'
    window_text: str
    window_copies: Counter[str]
    longer: str
    longer_copies: Counter[str]
    in_candidates: str
    candidate_copies: Counter[str]
    prose: dict[int, set[str]]
    lede: set[str]
    body_words: set[str]

    @classmethod
    def of(
        cls,
        blocks: Sequence[Block],
        body: int,
        rules: Mapping[int, str],
        page: Sequence[Block] = (),
        url: str | None = None,
    ) -> TitlePage:
        """The candidates of ``blocks`` (see :func:`title_rows`) and what their rows read."""
        slug = slug_words(url)
        page = page or blocks
        counts = Counter(b.folded for b in page)
        longer_texts = [o.text for o in page if 12 <= len(o.text) <= 600]
        # A text that opens with a paragraph of its body (no block before it at all, removed
        # or live, and a first block that ends a sentence: a cleaned or half-cleaned text)
        # has no header: a heading further down is a section heading, not the title.
        headerless = opens_with_body(blocks, body) and page[0].index == blocks[0].index
        lo = max(0, body - WINDOW_BEFORE)
        hi = body + 1 if headerless else min(len(blocks), body + WINDOW_AFTER)
        window_texts = [o.text for o in blocks[lo:hi]]
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
            set()
            if headerless or slug
            else restating_lede(blocks, body, rules, lede, range(lo, hi))
        )
        positions = sorted([*window, *far, *by_lede])
        candidate_texts = [blocks[q].text for q in positions]
        body_words: set[str] = set()
        for q, sample_words in prose.items():
            if q != body:
                body_words |= sample_words
        headings = [p for p in window if p < body and is_heading_like(blocks[p])]
        return cls(
            blocks=blocks,
            body=body,
            rules=rules,
            slug=slug,
            positions=positions,
            candidates=frozenset(positions),
            counts=counts,
            window=window,
            nearest=headings[-1] if headings else None,
            by_lede=by_lede,
            window_text=_joined(window_texts),
            window_copies=Counter(window_texts),
            longer=_joined(longer_texts),
            longer_copies=Counter(longer_texts),
            in_candidates=_joined(candidate_texts),
            candidate_copies=Counter(candidate_texts),
            prose=prose,
            lede=lede,
            body_words=body_words,
        )


def early_row(page: TitlePage, p: int) -> list[float]:
    """The feature vector of the candidate at ``p``, its :data:`LATE_TITLE_FEATURES` 0."""
    blocks, body = page.blocks, page.body
    b, text = blocks[p], blocks[p].text
    words = text.split()
    prev_rule = page.rules.get(blocks[p - 1].index, "") if p > 0 else ""
    next_rule = page.rules.get(blocks[p + 1].index, "") if p + 1 < len(blocks) else ""
    below = blocks[p + 1] if p + 1 < len(blocks) else None
    window = page.window
    return [
        1.0,
        *one_hot(p - body, _DISTANCE_BINS),
        *one_hot(b.words, _WORD_BINS),
        1.0 if b.kind == "item" else 0.0,
        1.0 if b.kind == "line" else 0.0,
        1.0 if text.endswith(".") else 0.0,
        1.0 if text.endswith(("?", "!")) else 0.0,
        1.0 if text.endswith(":") else 0.0,
        1.0 if page.counts[b.folded] > 1 else 0.0,
        sum(1 for w in words if w[:1].isupper()) / len(words),
        1.0 if is_heading_like(b) else 0.0,
        1.0 if b.prose else 0.0,
        1.0 if any(sep in text for sep in (" | ", " - ", " – ", " — ", " :: ")) else 0.0,
        sum(map(str.isdigit, text)) / len(text),
        1.0 if next_rule.startswith("metadata.") else 0.0,
        1.0 if prev_rule.startswith("metadata.") else 0.0,
        1.0 if b.patterns.boilerplate else 0.0,
        1.0 if text.isupper() else 0.0,
        1.0 if window and p == window[0] else 0.0,
        1.0 if p == page.nearest else 0.0,
        0.0,  # quoted_elsewhere
        0.0,  # quoted_in_page
        0.0,  # body_overlap
        0.0,  # no_body_overlap
        1.0 if p == body else 0.0,
        0.0,  # has_date
        0.0,  # slug_share
        0.0,  # slug_cover
        0.0,  # no_slug_match
        0.0,  # breadcrumb
        0.0,  # lede_overlap
        0.0,  # overlap_words
        1.0
        if below is not None
        and p + 1 in page.candidates
        and is_heading_like(b)
        and MAX_KICKER_WORDS < b.words < below.words
        else 0.0,
        0.0,  # inside_candidate
        1.0 if p in page.by_lede else 0.0,
    ]


def read_late(page: TitlePage, p: int, row: list[float]) -> list[float]:
    """``row`` (:func:`early_row` of ``p``) with its :data:`LATE_TITLE_FEATURES` read."""
    text = page.blocks[p].text
    topic = topic_words(text)
    found = len(topic & page.body_words)
    overlap = found / max(len(topic), MIN_OVERLAP_DENOMINATOR)
    in_lede = topic & (_lede_words(page.prose, p) if p == page.body else page.lede)
    slug_share, slug_cover = slug_overlap(text, page.slug)
    late = (
        1.0 if _inside_longer(text, page.window_text, page.window_copies) else 0.0,
        1.0 if len(text) >= 12 and _inside_longer(text, page.longer, page.longer_copies) else 0.0,
        overlap,
        1.0 if not overlap else 0.0,
        1.0 if find_dump_date(text) else 0.0,
        slug_share,
        slug_cover,
        1.0 if page.slug and not slug_share else 0.0,
        1.0 if len(_CRUMB.findall(text)) >= MIN_CRUMB_SEPARATORS else 0.0,
        len(in_lede) / max(len(topic), MIN_OVERLAP_DENOMINATOR),
        min(found, MAX_OVERLAP_WORDS) / MAX_OVERLAP_WORDS,
        1.0
        if len(text) >= MIN_INSIDE_CANDIDATE_CHARS
        and _inside_longer(text, page.in_candidates, page.candidate_copies)
        else 0.0,
    )
    for at, value in zip(_LATE_AT, late, strict=True):
        row[at] = value
    return row


@functools.cache
def late_bound(weights: tuple[float, ...]) -> float:
    """The most the :data:`LATE_TITLE_FEATURES` can add to a row's score under ``weights``
    (in :data:`TITLE_FEATURES` order): each one's weight when positive (each is 0 or 1, or
    a share of 0 to 1)."""
    return sum(max(0.0, weights[at]) for at in _LATE_AT)


def title_rows(
    blocks: Sequence[Block],
    body: int,
    rules: Mapping[int, str],
    page: Sequence[Block] = (),
    url: str | None = None,
) -> list[tuple[int, list[float]]]:
    """(position in ``blocks``, feature vector) for every title candidate, read in full.

    ``page`` is every block of the document (removed ones too), for repetition features;
    ``url`` the page address, whose slug often spells the headline.
    """
    title_page = TitlePage.of(blocks, body, rules, page, url)
    return [(p, read_late(title_page, p, early_row(title_page, p))) for p in title_page.positions]
