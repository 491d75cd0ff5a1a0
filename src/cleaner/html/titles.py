"""Choose the headline among the page's ``<h1>`` blocks and declared titles.

The visible ``<h1>`` wins unless it is the site name or a short label; a declared title
replaces it when the ``<h1>`` carries a kicker before it. See :func:`choose_title`.

>>> from cleaner.html.page_metadata import HeadMetadata
>>> head = HeadMetadata(titles=(("The headline | Site", "meta:<title>"),),
...                     site_names=(("Site", "meta:og:site_name"),))
>>> choose_title(head, [(0, "Site"), (3, "The headline")])
('The headline', 'html:h1', 3)
>>> choose_title(head, [])
('The headline', 'meta:<title>', None)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from cleaner.html.page_metadata import HeadMetadata

__all__ = ["KICKER_HINT", "choose_title", "drop_kickers", "norm", "parts_of"]

#: Separators between a title and the site name in <title> and og:title.
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·•»~/]\s+|\s*[|»]\s*|\s+::\s+")
_WORD = re.compile(r"\w+")
#: An ``<h1>`` that ends with a declared title of at least this many words carries a kicker
#: before the headline ("Interne Unterlagen im Netz Daten von ... gehackt"): the declared
#: title is the headline. 3 gained 8 pages on trafilatura-eval and lost none (2: +9/-0, 4:
#: +7/-0); on wcxb-dev +1/-2 (kickers that the gold keeps).
KICKER_MIN_WORDS = 3
#: An ``<h1>`` of at most this many words that no declared title confirms and that shares no
#: word with a longer declared title is a section or site label ("Cronaca", "Detailansicht"),
#: not the headline. 2 was best of 1, 2, 3 (trafilatura-eval +7/-2, wcxb-dev +1/-0).
LABEL_H1_WORDS = 2
#: An ``<h1>`` of at most this many words that no declared title confirms, followed within
#: :data:`H2_AFTER_LABEL` blocks by an ``<h2>`` of at least :data:`H2_MIN_WORDS` words that
#: shares a word with a declared title, is a label ("Details", "Toddler Sleep Training")
#: over the headline in that ``<h2>``: wcxb-dev +2/-0, trafilatura-eval +2/-0 (without the
#: shared word +4/-1; 2 words: +1/-1 on trafilatura-eval only; 30 blocks: +4/-2).
LABEL_OVER_H2_WORDS = 3
#: How many blocks after such a label ``<h1>`` its ``<h2>`` may stand.
H2_AFTER_LABEL = 10
#: The fewest words of an ``<h2>`` taken as the headline under a label ``<h1>``.
H2_MIN_WORDS = 3
#: The provenance of the ``<title>`` element, the one declared title that usually carries the
#: site name; og:title and JSON-LD headlines without a site part are taken whole when no
#: ``<h1>`` is usable (with the same-title rule of :func:`_site_names`: trafilatura-eval
#: +8/-0 pages, wcxb-dev 0).
TITLE_ELEMENT = "meta:<title>"
#: The separator of a title written as a path from the site to the page ("Site » Blog
#: Archive » Headline"): +4/-1 pages on trafilatura-eval, 0 on wcxb-dev; any separator
#: opening a title of three parts lost 8 pages for 3.
_PATH_SEPARATOR = re.compile(r"\s*»\s*")


#: The class of an inline element that opens an ``<h1>`` as its kicker (a topic line over
#: the headline: ``<h1><span class="roofline">Ernährung sichern</span> Schulze: ...</h1>``),
#: in the words sites use for a line above the headline in several languages (German
#: "Dachzeile", "Spitzmarke", French "surtitre", Italian "occhiello", Spanish "antetítulo"),
#: or a "small" part before it. Not "subtitle": a subtitle opening the ``<h1>`` is as often
#: part of the headline the gold keeps (trafilatura-eval +1/-1).
KICKER_HINT = re.compile(
    r"kicker|roof-?line|over-?line|top-?line|dachzeile|spitzmarke|super-?title|surtitre"
    r"|eyebrow|occhiello|antetitulo|small(?:$|[\s_-])"
)
#: What may stand between a kicker and the headline ("Klimaschutz: Bohren, ...").
_KICKER_JOINER = " :-–—|·•/"
#: The fewest words a headline keeps once its kicker is cut off (a kicker over a one-word
#: line is rather the first half of the headline).
KICKER_REST_WORDS = 2


def drop_kickers(
    h1s: Sequence[tuple[int, str]], inline: Sequence[tuple[int, str, str]]
) -> list[tuple[int, str]]:
    """The ``<h1>`` texts without the kicker that opens them: the text of an inline element
    of the same block whose class names a kicker (:data:`KICKER_HINT`), when the headline
    keeps at least :data:`KICKER_REST_WORDS` words (trafilatura-eval +3/-0 pages, wcxb-dev 0).

    >>> drop_kickers([(4, "Ernährung sichern Schulze: Hilfe für alle")],
    ...     [(4, "l-detail-page__roofline", "Ernährung sichern")])
    [(4, 'Schulze: Hilfe für alle')]
    >>> drop_kickers([(4, "Rain in Spain")], [(4, "kicker", "Rain in")])
    [(4, 'Rain in Spain')]
    """
    kickers: dict[int, list[str]] = {}
    for position, hints, text in inline:
        if KICKER_HINT.search(hints):
            kickers.setdefault(position, []).append(text)
    if not kickers:
        return list(h1s)
    found = []
    for position, text in h1s:
        for kicker in kickers.get(position, ()):
            rest = text[len(kicker) :].lstrip(_KICKER_JOINER) if text.startswith(kicker) else ""
            if len(rest.split()) >= KICKER_REST_WORDS:
                text = rest
                break
        found.append((position, text))
    return found


#: An ``<h1>`` that is a domain name ("jan-grosser.de", "WordPress.com"): the site's logo.
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)


def _not_a_headline(text: str) -> bool:
    """An ``<h1>`` without a letter (a price list's "€5") or that is a domain name: never
    the headline (trafilatura-eval +3/-0 pages, wcxb-dev 0).

    >>> _not_a_headline("€5"), _not_a_headline("WordPress.com"), _not_a_headline("Web 2.0")
    (True, True, False)
    """
    text = text.strip()
    return not any(ch.isalpha() for ch in text) or _DOMAIN.match(text) is not None


def norm(text: str | None) -> str:
    """Lower case NFKC words joined by single spaces, for comparing titles and names.

    >>> norm("  The ﬁrst, and LAST!")
    'the first and last'
    """
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text or "").lower()))


def parts_of(title: str) -> list[str]:
    """The parts of a title between its separators ("Headline | Site").

    >>> parts_of("The headline | Site")
    ['The headline', 'Site']
    """
    return [p.strip() for p in _TITLE_SEPARATOR.split(title) if p.strip()]


def _support(headline: str, declared: Sequence[str]) -> float:
    """How well the declared titles confirm a headline: 1 when one equals or contains the
    other's words in full, the share of the declared title's words it covers when the
    declared title is longer (" | Site Name" suffixes), 0 when unrelated."""
    mine = norm(headline)
    best = 0.0
    for other in map(norm, declared):
        if not mine or not other:
            continue
        if mine == other or other in mine:
            return 1.0
        if mine in other:
            best = max(best, len(mine.split()) / len(other.split()))
    return best


def _site_names(head: HeadMetadata) -> set[str]:
    """The declared site names, and the last part of a declared title when it is not the
    longest ("Headline | Site") -- unless another declared title extends that title (a
    ``<title>`` that is the og:title plus " | Site"): then its last part is the headline's
    own ("Würde des Lebens – ein Projekt").

    >>> sorted(_site_names(HeadMetadata(titles=(("Rain – a story", "meta:og:title"),
    ...     ("Rain – a story | Daily", "meta:<title>")))))
    ['daily']
    """
    names = {norm(name) for name, _ in head.site_names}
    for title, _ in head.titles:
        parts = parts_of(title)
        mine = norm(title)
        if any(norm(other).startswith(f"{mine} ") for other, _ in head.titles):
            continue
        if len(parts) > 1 and parts[-1] != max(parts, key=len):
            names.add(norm(parts[-1]))
    names.discard("")
    return names


def _without_sites(head: HeadMetadata, sites: set[str]) -> list[str]:
    """The declared titles with every site part cut off both ends ("Headline | AOC media -
    Analyse Opinion Critique" -> "Headline"): what confirms an ``<h1>`` as the headline (an
    ``<h1>`` label "Opinion" that only the site's name repeats is not confirmed;
    trafilatura-eval +1/-0 pages, wcxb-dev 0).

    >>> _without_sites(HeadMetadata(titles=(("Rain | Daily - Opinion", "meta:og:title"),)),
    ...     {"daily", "opinion"})
    ['Rain']
    """
    found = []
    for title, _ in head.titles:
        parts = parts_of(title)
        while len(parts) > 1 and norm(parts[-1]) in sites:
            parts.pop()
        while len(parts) > 1 and norm(parts[0]) in sites:
            parts.pop(0)
        if len(parts) < len(parts_of(title)):
            title = title[title.find(parts[0]) : title.rfind(parts[-1]) + len(parts[-1])]
        found.append(title)
    return found


def _title_openers(head: HeadMetadata) -> set[str]:
    """The first part of a declared title written as a path ("Site » Blog Archive »
    Headline", general to specific) when it is not the longest part: the site name, which
    an ``<h1>`` logo repeats.

    >>> _title_openers(HeadMetadata(titles=(("Four Years » Blog Archive » A long headline",
    ...     "meta:<title>"),)))
    {'four years'}
    >>> _title_openers(HeadMetadata(titles=(("Short one - A longer tagline | Site",
    ...     "meta:<title>"),)))
    set()
    """
    found = set()
    for title, _ in head.titles:
        parts = [p.strip() for p in _PATH_SEPARATOR.split(title) if p.strip()]
        if len(parts) > 1 and parts[0] != max(parts, key=len):
            found.add(norm(parts[0]))
    found.discard("")
    return found


def _declared_titles(head: HeadMetadata, sites: set[str]) -> list[tuple[str, str]]:
    """The declared titles with a site name before the first or after the last separator
    cut off (that version first; before it, the title with every site part cut off when
    that is more than one: :func:`_without_sites`), each with its provenance."""
    found: list[tuple[str, str]] = []
    for (title, origin), bare in zip(head.titles, _without_sites(head, sites), strict=True):
        cuts = list(_TITLE_SEPARATOR.finditer(title))
        if len(parts_of(bare)) < len(parts_of(title)) - 1:  # site parts at both ends, or two
            found.append((bare, origin))
        if cuts and norm(title[cuts[-1].end() :]) in sites:
            found.append((title[: cuts[-1].start()].strip(), origin))
        if cuts and norm(title[: cuts[0].start()]) in sites:
            found.append((title[cuts[0].end() :].strip(), origin))
        found.append((title, origin))
    return [(t, o) for t, o in found if norm(t)]


def _headline_in_h1(
    text: str, support: float, declared: Sequence[tuple[str, str]]
) -> tuple[str, str] | None:
    """A declared title to use instead of the ``<h1>`` text: the one the ``<h1>`` ends with
    after a kicker (:data:`KICKER_MIN_WORDS`), or a longer one when the ``<h1>`` is a short
    unconfirmed label (:data:`LABEL_H1_WORDS`)."""
    mine = norm(text)
    ends = [
        (title, origin)
        for title, origin in declared
        if len(norm(title).split()) >= KICKER_MIN_WORDS
        and norm(title) != mine
        and f" {mine}".endswith(f" {norm(title)}")
    ]
    if ends:
        return max(ends, key=lambda item: len(norm(item[0])))
    words = set(mine.split())
    if support == 0 and len(words) <= LABEL_H1_WORDS:
        for title, origin in declared:
            other = norm(title).split()
            if len(other) > LABEL_H1_WORDS + 1 and not words & set(other):
                return title, origin
    return None


def _before_subtitle(text: str, declared: Sequence[tuple[str, str]]) -> str:
    """``text`` cut to the declared title it opens when what follows starts a new phrase
    without a separator (a capital or a digit, and at least :data:`KICKER_REST_WORDS` words: a
    subtitle or date line set in an element of its own inside the ``<h1>``, "Headline
    Welcome to ..."); a separator ("Headline –
    My Favorites!") keeps the ``<h1>`` whole. Trafilatura-eval +3/-1 pages, wcxb-dev 0.

    >>> _before_subtitle("Fish Cakes, Hot and Fresh Welcome to Japan",
    ...     [("Fish Cakes, Hot and Fresh", "meta:og:title")])
    'Fish Cakes, Hot and Fresh'
    >>> _before_subtitle("Best Bread Machines – My Favorites!",
    ...     [("Best Bread Machines", "meta:og:title")])
    'Best Bread Machines – My Favorites!'
    """
    for title, _ in declared:
        title = title.strip()
        rest = text[len(title) :] if text.startswith(title) else ""
        if (
            len(norm(title).split()) >= KICKER_MIN_WORDS
            and len(rest.split()) >= KICKER_REST_WORDS
            and rest[0] == " "
            and (rest[1].isupper() or rest[1].isdigit())
        ):
            return title
    return text


def _completed(head: HeadMetadata, sites: set[str]) -> list[tuple[str, str]]:
    """The declared titles, each cut short (a parenthesis opened and not closed: "... Find
    Solutions (Including", a headline property cut at its length limit) replaced by another
    declared title that completes it (wcxb-dev +1/-0 pages, trafilatura-eval 0).

    >>> _completed(HeadMetadata(titles=(("Tips (Including", "json-ld:headline"),
    ...     ("Tips (Including One Trick) - Blog", "meta:og:title"))), {"blog"})[0]
    ('Tips (Including One Trick)', 'meta:og:title')
    """
    found = []
    for title, origin in head.titles:
        if title.count("(") > title.count(")") or title.count("[") > title.count("]"):
            longer = [
                (other, where)
                for other, where in _declared_titles(head, sites)
                if norm(other).startswith(f"{norm(title)} ")
            ]
            if longer:
                title, origin = min(longer, key=lambda item: len(item[0]))
        found.append((title, origin))
    return found


def _h2_under_label(
    h1: tuple[int, str], h2s: Sequence[tuple[int, str]], declared: Sequence[str]
) -> tuple[int, str] | None:
    """The ``<h2>`` that holds the headline under a label ``<h1>`` (see
    :data:`LABEL_OVER_H2_WORDS`), if any.

    >>> _h2_under_label((3, "Details"), [(5, "Riesling posts win prizes")],
    ...     ["Riesling posts | Wine Club"])
    (5, 'Riesling posts win prizes')
    >>> _h2_under_label((3, "Details"), [(5, "Contact our team today")], ["Riesling posts"])
    """
    position, text = h1
    if len(norm(text).split()) > LABEL_OVER_H2_WORDS:
        return None
    words = {word for title in declared for word in norm(title).split()}
    for after, subhead in h2s:
        mine = norm(subhead).split()
        near = position < after <= position + H2_AFTER_LABEL
        if near and len(mine) >= H2_MIN_WORDS and words & set(mine):
            return after, subhead
    return None


def choose_title(
    head: HeadMetadata, h1s: Sequence[tuple[int, str]], h2s: Sequence[tuple[int, str]] = ()
) -> tuple[str, str, int | None] | None:
    """``(title, provenance, h1 position)``.

    The visible ``<h1>`` wins unless it is the site name: on wcxb-dev articles and
    trafilatura-eval the gold title is the visible headline far more often than the
    declared one (the declared title is an SEO variant or carries the site name). Among
    several ``<h1>``, the one the declared titles confirm best, or an ``<h2>`` (of
    ``h2s``) under it when it is a label (:data:`LABEL_OVER_H2_WORDS`); without any, the first
    declared title with the site name cut off (its longest part), or whole when it is not
    a ``<title>`` and no part of it is a site name (:data:`TITLE_ELEMENT`).
    """
    declared = [t for t, _ in head.titles]
    sites = _site_names(head)
    labels = sites | _title_openers(head)
    candidates = [
        (pos, text)
        for pos, text in h1s
        if norm(text) and norm(text) not in labels and not _not_a_headline(text)
    ]
    if candidates:
        confirming = _without_sites(head, sites)
        scored = [
            (_support(text, confirming), -order, pos, text)
            for order, (pos, text) in enumerate(candidates)
        ]
        best = max(scored)
        pos, text = (best[2], best[3]) if best[0] > 0 else candidates[0]
        cut = _declared_titles(head, sites)
        instead = _headline_in_h1(text, best[0], cut)
        if instead is not None:
            return instead[0], instead[1], pos
        text = _before_subtitle(text, cut)
        below = _h2_under_label((pos, text), h2s, declared) if best[0] == 0 else None
        if below is not None:
            return below[1], "html:h2", below[0]
        return text, "html:h1", pos
    for title, origin in _completed(head, sites):
        first, _, rest = title.partition(" ")
        rest = rest.lstrip(_KICKER_JOINER).strip()
        if norm(rest) and _DOMAIN.match(first):
            title = rest  # the site's domain opening its <title> ("site.com Headline")
        parts = [p for p in parts_of(title) if norm(p) not in sites] or parts_of(title)
        if origin != TITLE_ELEMENT and len(parts) == len(parts_of(title)):
            # no part is the site: the separators are the headline's own ("Libre cours :
            # ...", "Bericht vom 22.04. – worauf wartet die Politik?")
            return title, origin, None
        if parts:
            return max(parts, key=len), origin, None
    return None
