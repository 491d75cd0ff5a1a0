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
from cleaner.metadata.dump_dates import find_dump_date
from cleaner.metadata.line_ranker import best_candidate, load_weights

__all__ = ["TITLE_FEATURES", "headline_text", "pick_title", "title_rows"]

#: Candidates are looked for this many live blocks before the body start ...
WINDOW_BEFORE = 40
#: ... and this many from it on (the core may start on a prose line above the headline).
WINDOW_AFTER = 9
#: Titles are at most this many words.
MAX_TITLE_WORDS = 40
#: The best candidate must reach this probability to be taken as the title (low: a page
#: nearly always has a headline, and the best guess is right far more often than not;
#: 3-fold cross-validation on wcxb-dev: 0.705 top-1 with no threshold and up to 0.003,
#: 0.703 at 0.01, 0.700 at 0.02).
MIN_TITLE_PROBABILITY = 0.003
#: A text's very first block (nothing before it, removed or live) of at least this many
#: words that holds two sentences, or ends with a quoted or bracketed one, is the opening
#: of a cleaned text, not its headline ("One of the questions people ask me is, “How do I
#: start?”"): a second pass over a cleaned text took it for the title and cut it from the
#: body. A single long question may still be a headline (:func:`_headline_at_body`).
MIN_OPENING_SENTENCE_WORDS = 10
#: The body's first block is a candidate too when it is at most this many words and does
#: not end like a sentence (a long headline can read as prose).
MAX_PROSE_TITLE_WORDS = 25
#: Words of the body sample: the prose blocks among this many blocks from the body start ...
BODY_SAMPLE_BLOCKS = 30
#: ... and only words of at least this many characters count (content words in most
#: languages; short function words say nothing about the topic).
MIN_TOPIC_WORD_CHARS = 4
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
#: 0.758, 0.668 -> 0.684.
TITLE_WEIGHTS = "title_model.json"
NO_URL_TITLE_WEIGHTS = "title_model_no_url.json"

_DISTANCE_BINS = (-40, -16, -8, -4, -3, -2, -1, 0, 1, 2, 4, 8)
#: Lines outside the window are candidates when they cover at least this share of the
#: address's slug words ...
FAR_MIN_SLUG_COVER = 0.5
#: ... and hold at least this many of them (a quick first test on the raw text).
FAR_MIN_SLUG_WORDS = 2
#: Without a page address, heading-like lines outside the window are candidates when at
#: least this many of their topic words are in the lede ...
FAR_MIN_LEDE_WORDS = 3
#: ... and these make at least this share of their topic words (a headline far above
#: the body, after a long menu, restates its lede). Title accuracy without the URL
#: (wcxb-dev articles / trafilatura-eval): w3m 0.758 / 0.688 -> 0.761 / 0.692, lynx
#: 0.788 / 0.700 -> 0.789 / 0.705.
FAR_MIN_LEDE_SHARE = 0.6
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

_WORD = re.compile(r"\w+")
#: A sentence end inside a quote or brackets that closes the text ('... is, “How?”').
_QUOTED_END = re.compile(r"[.!?…][\"'”’»)\]]+$")
#: A sentence end followed by another sentence ("Are you? Are you not?").
_TWO_SENTENCES = re.compile(r"[.!?…][\"'”’»)\]]*\s+\S.*[.!?…][\"'”’»)\]]*$")
#: Separates the texts searched for a quoted candidate (block text is one line: both
#: front ends collapse its whitespace).
_JOIN = "\n"
#: Separators of a breadcrumb trail ("Home » News » Politics").
_CRUMB = re.compile(r"\s[»›>/]\s|\s[»›]|[»›]\s")
#: A line with at least this many such separators is a breadcrumb trail.
MIN_CRUMB_SEPARATORS = 2
#: The separators after which a trail's last crumb is the page's own title ("»", "›", ">").
_TRAIL_STEP = re.compile(r"\s[»›>]\s")


def _topic_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if len(w) >= MIN_TOPIC_WORD_CHARS}


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
    window = [p for p in range(lo, hi) if _may_be_title(blocks, p, body, rules)]
    if window and window[0] == 0 and _opening_sentence(blocks[0], page):
        window = window[1:]
    # the body sample's prose blocks (position -> topic words), read once for the body
    # overlap (the body start left out) and the lede
    prose = {
        q: _topic_words(blocks[q].text)
        for q in range(body, min(len(blocks), body + BODY_SAMPLE_BLOCKS))
        if blocks[q].prose
    }
    lede = _lede_words(prose, None)
    far = [] if headerless else _spelled_by_slug(blocks, body, rules, slug, range(lo, hi))
    by_lede = (
        set() if headerless or slug else _restating_lede(blocks, body, rules, lede, range(lo, hi))
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
        topic = _topic_words(text)
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


def _opening_sentence(block: Block, page: Sequence[Block]) -> bool:
    """Whether ``block``, the first of the live blocks, opens the whole text and reads as
    sentences of its body (see :data:`MIN_OPENING_SENTENCE_WORDS`).

    >>> from cleaner.text.segment import segment
    >>> blocks = segment("Are you saving enough? Are you saving for the right things at all?")
    >>> _opening_sentence(blocks[0], blocks)
    True
    >>> blocks = segment("Why did the council approve a budget for the schools this year?")
    >>> _opening_sentence(blocks[0], blocks)
    False
    """
    text = block.text
    return (
        page[0].index == block.index
        and block.words >= MIN_OPENING_SENTENCE_WORDS
        and (_QUOTED_END.search(text) is not None or _TWO_SENTENCES.search(text) is not None)
    )


def _may_be_title(blocks: Sequence[Block], p: int, body: int, rules: Mapping[int, str]) -> bool:
    """Whether ``blocks[p]`` may be the title: not given another header rule, not too long,
    and not one of the body's own paragraphs (though the body's first block may be one)."""
    block = blocks[p]
    return (
        block.index not in rules
        and 1 <= block.words <= MAX_TITLE_WORDS
        and (p < body or not block.prose or (_headline_at_body(block) and p == body))
    )


def _spelled_by_slug(
    blocks: Sequence[Block],
    body: int,
    rules: Mapping[int, str],
    slug: frozenset[str],
    window: range,
) -> list[int]:
    """Positions outside ``window`` of lines that spell most of the address's slug (a
    headline far from where the body was found to start)."""
    if not slug:
        return []
    any_word = re.compile("|".join(sorted(slug)))
    return [
        p
        for p, block in enumerate(blocks)
        if p not in window
        and _may_be_title(blocks, p, body, rules)  # cheaper than the search: first
        and len(set(any_word.findall(block.text.casefold()))) >= FAR_MIN_SLUG_WORDS
        and slug_overlap(block.text, slug)[1] >= FAR_MIN_SLUG_COVER
    ]


def _restating_lede(
    blocks: Sequence[Block],
    body: int,
    rules: Mapping[int, str],
    lede: set[str],
    window: range,
) -> set[int]:
    """Positions outside ``window`` of heading-like lines whose topic words are mostly in
    the ``lede`` (see :data:`FAR_MIN_LEDE_WORDS`): the headline far from where the body was
    found to start, for a page without an address to spell it.

    >>> from cleaner.text.segment import segment
    >>> blocks = segment("Council approves new budget after debate\\n\\nMenu\\n\\nThe council approved the new budget after a long debate.")
    >>> sorted(_restating_lede(blocks, 2, {}, _topic_words(blocks[2].text), range(1, 3)))
    [0]
    """
    found = set()
    for p, block in enumerate(blocks):
        if p in window or not lede or not is_heading_like(block):
            continue
        topic = _topic_words(block.text)
        shared = len(topic & lede)
        if (
            shared >= FAR_MIN_LEDE_WORDS
            and shared >= FAR_MIN_LEDE_SHARE * len(topic)
            and _may_be_title(blocks, p, body, rules)
        ):
            found.add(p)
    return found


def headline_text(text: str) -> str:
    """The title a chosen line gives: a breadcrumb trail's last crumb, else the line.

    >>> headline_text("Home » Recipes » Lemon cake"), headline_text("Rain in Spain")
    ('Lemon cake', 'Rain in Spain')
    """
    steps = _TRAIL_STEP.split(text)
    return steps[-1].strip() if len(steps) > MIN_CRUMB_SEPARATORS else text


def _headline_at_body(block: Block) -> bool:
    """Whether the body's first block may be the headline: short, not ending a sentence."""
    return block.words <= MAX_PROSE_TITLE_WORDS and not block.text.endswith((".", "…", ":"))


def pick_title(
    blocks: Sequence[Block],
    body: int,
    rules: Mapping[int, str],
    page: Sequence[Block] = (),
    url: str | None = None,
) -> Block | None:
    """The most probable title among the candidates, or ``None`` when none is likely.

    ``blocks`` are the live blocks, ``body`` the position of the first body block in them,
    ``rules`` the header rules already given (byline, dateline, ...) by block index. When
    the ranker finds nothing and a single heading-like line of two or more words precedes
    the body, that line is the title (a lone word is more often a menu remnant: "Home").
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
