"""Choose each metadata field among the page's declared and visible candidates.

The order of trust was measured on the development corpora (see each function): the
visible headline unless it is the site name; a "By ..." line by the headline, else the
declared author (in its visible spelling when shown), else a byline element; the date most
sources agree on (:mod:`cleaner.html.date_vote`). Every value keeps where it came from.

The headline is chosen in :mod:`cleaner.html.titles`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from types import MappingProxyType
from typing import Any

from cleaner.html import credits, visible
from cleaner.html.byline_names import ACADEMIC_TITLES
from cleaner.html.date_vote import DATE_NEAR_TITLE, choose_date, not_future
from cleaner.html.declared_authors import is_publisher, site_key, site_names_owner
from cleaner.html.full_names import shown_apart, shows_declared, spelled_out
from cleaner.html.page_metadata import HeadMetadata
from cleaner.html.segment import PageSegments
from cleaner.html.shown_dates import dated_below, one_reading, page_date
from cleaner.html.titles import choose_title, drop_kickers, norm, parts_of
from cleaner.layers.header import is_dateline
from cleaner.metadata.address import url_date
from cleaner.metadata.fields import Metadata
from cleaner.metadata.given_names import starts_with_given_name
from cleaner.metadata.names import split_authors
from cleaner.rules import rule

__all__ = [
    "choose_author",
    "choose_date",
    "choose_title",
    "html_metadata",
    "not_future",
    "personal_site",
    "url_date",
]

HEADLINE = rule("html.headline")
BYLINE = rule("html.byline")
DATELINE = rule("html.dateline")

#: Among byline candidates without a declared author to confirm them, the first that reads
#: like a person's name (at most this many words) is taken before labels ("Comments",
#: "Spotlight"); 4 covers middle names and particles (wcxb-dev +4/-1 in simulation).
PERSON_MAX_WORDS = 4
#: A page whose author elements after the headline hold at least this many different names
#: is a thread (a forum, a comment list): its first name is the author, whatever its
#: spelling ("Vader", "HOSTLAR", before a later poster's "Martin Thoma"). wcxb-dev +5/-0
#: pages (4 of them forum threads), trafilatura-eval +1/-0; 4 loses two articles whose
#: first author element is a label or a company ("Corti", "Comments").
THREAD_NAMES = 5
#: A byline candidate from an hCard author element counts as a person whatever its
#: spelling (a user name such as "uriebe" before another author's "Tom Stelling" further
#: down).
HCARD = "byline-hcard"
#: Academic titles before a site owner's name ("Dr. Jane Doe"), skipped to find the
#: given name.
_PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "da", "di", "du", "la", "le", "and", "und"}
)


def _person_like(text: str) -> bool:
    """Two to :data:`PERSON_MAX_WORDS` words, each capitalised or a name particle ("von",
    "de"): a name rather than a label such as "Comments" or "Spotlight".

    >>> _person_like("Jane van Doe"), _person_like("Comments"), _person_like("Recent posts")
    (True, False, False)
    """
    words = text.split()
    return 2 <= len(words) <= PERSON_MAX_WORDS and all(
        w[0].isupper() or w.lower() in _PARTICLES for w in words
    )


def _overrules_lines(declared: tuple[tuple[str, ...], str] | None) -> bool:
    """Whether the declared author, shown elsewhere on the page, wins over a "By" line
    that names someone else (a teaser's byline in the header zone, a label after "Von"):
    a JSON-LD author written as a name, not as a login in lower case ("sarah-indra").
    Measured: wcxb-dev +2/-0 pages, trafilatura-eval +4/-0 (any declared author, logins
    and meta tags too: +2/-0, +4/-2)."""
    return (
        declared is not None
        and declared[1].startswith("json-ld")
        and any(not name.islower() for name in declared[0])
    )


def choose_author(
    head: HeadMetadata, bylines: Sequence[tuple[int, str, str]], title: int | None
) -> tuple[tuple[str, ...], str, str] | None:
    """``(names, byline, provenance)``.

    Declared authors are the most precise source on the development corpora (about 90%
    against 80% for byline elements), so a visible byline is preferred only when it shows
    a declared name (it may add a title such as "Dr."), and used alone only when the page
    declares none, or declares only the publication itself
    (:attr:`~cleaner.html.page_metadata.HeadMetadata.author_is_publisher`; +0.005 on both
    corpora): the one nearest after the headline, else the first. A "By" line near the
    headline comes first, unless it names someone other than a JSON-LD author shown
    elsewhere on the page (:func:`_overrules_lines`).
    """
    near = [b for b in bylines if title is None or b[0] >= title - 2]
    lines = [b for b in near if b[2] == "byline-line"]
    # a "By" line naming the publication itself yields to one naming someone else
    sites = {site_key(name) for name, _ in head.site_names} - {""}
    lines = [b for b in lines if not is_publisher(b[1], sites)] or lines
    # the publication as author (its own name, a domain, a login) yields to any byline
    taken = None if head.author_is_publisher and bylines else head.authors
    shows = shows_declared(taken[0] if taken is not None else ())
    confirmed = next((b for b in bylines if shows(b[1])), None)
    if (
        lines
        and taken is not None
        and confirmed is None
        and _overrules_lines(taken)
        and len(taken[0]) > 1
        and norm(lines[0][1]) in {norm(n) for n in taken[0]}
    ):
        # the By line names one of the declared co-authors (the others in elements of
        # their own): the declared list is whole (trafilatura-eval +1/-0, wcxb-dev 0)
        return taken[0], ", ".join(taken[0]), taken[1]
    if lines and (confirmed is None or not _overrules_lines(taken) or shows(lines[0][1])):
        _, name, how = lines[0]
        return split_authors(name) or (name,), name, f"html:{how}"
    if taken is not None:
        names, origin = taken
        if confirmed is not None:
            _, name, how = confirmed
            return split_authors(name) or (name,), name, f"html:{how}"
        apart = shown_apart(names, bylines)
        if apart is not None:
            return apart
        if origin.startswith("json-ld") or not near:
            return names, ", ".join(names), origin
    near = near or list(bylines)
    if near:
        # many names in author elements are a thread's posters: the first one started it
        thread = len({name for _, name, _ in near}) >= THREAD_NAMES
        people = [] if thread else [b for b in near if b[2] == HCARD or _person_like(b[1])]
        _, name, how = (people or near)[0]
        return split_authors(name) or (name,), name, f"html:{how}"
    if head.authors is not None:
        names, origin = head.authors
        return names, ", ".join(names), origin
    return None


def personal_site(head: HeadMetadata) -> Metadata:
    """The site name as author when it reads like a person's name (a personal blog: "Jane
    Doe" in og:site_name or after the headline in ``<title>``): the last resort for pages
    that name no author in their markup or their lines (before them it replaced 12 right
    authors on the development corpora for 5 found). A name that reads like an
    organisation's (:func:`~cleaner.html.declared_authors.site_names_owner`: "The Japan
    Times", "Jan's Blog", "HR Innovation", four words) is not taken, nor one that does not
    open with a known given name after any academic title ("Bread Dad", "Zoo Berlin"):
    on HTML article pages without a gold author 17 of 158 (wcxb-dev) and 18 of 452
    (trafilatura-eval) fewer are named, for one right author lost ("Owain Brennan").

    >>> personal_site(HeadMetadata(titles=(("Self-host Postgres | Jane Doe", "meta:<title>"),))
    ... ).authors
    ('Jane Doe',)
    >>> personal_site(HeadMetadata(site_names=(("Daily news", "meta:og:site_name"),))).authors
    ()
    >>> personal_site(HeadMetadata(site_names=(("Bread Dad", "meta:og:site_name"),))).authors
    ()
    >>> personal_site(HeadMetadata(site_names=(("Dr. Jane Doe", "meta:og:site_name"),))).authors
    ('Dr. Jane Doe',)
    """
    names = list(head.site_names)
    for title, origin in head.titles:
        parts = parts_of(title)
        if len(parts) > 1 and parts[-1] != max(parts, key=len):
            names.append((parts[-1], f"{origin}:site"))
    for name, origin in names:
        if (
            _person_like(name)
            and starts_with_given_name(ACADEMIC_TITLES.sub("", name))
            and site_names_owner(name)
            and not credits.NOT_A_PERSON.search(name)
            and not any(ch.isdigit() for ch in name)
            and not name.isupper()
        ):
            return Metadata.of(f"{origin}:person", authors=(name,), byline=name)
    return Metadata()


def html_metadata(
    head: HeadMetadata,
    page: PageSegments,
    *,
    url: str | None,
    now: datetime | None,
    script_fallback: Callable[[], str | None] | None = None,
) -> tuple[Metadata, dict[int, str]]:
    """All fields chosen, as :class:`~cleaner.metadata.fields.Metadata` with provenance;
    and the header blocks the values were read from (position -> rule id: the headline,
    the byline, date lines), which are not body text. ``script_fallback`` is the date of
    last resort (see :func:`choose_date`)."""
    header: dict[int, str] = {}
    values: dict[str, Any] = {}
    provenance: dict[str, str] = {}
    h1s = drop_kickers(visible.headlines(page), page.inline)
    title = choose_title(head, h1s, visible.headlines(page, "h2"))
    title_pos = None
    if title is not None:
        values["title"], provenance["title"], title_pos = title
        if title_pos is not None:
            header[title_pos] = HEADLINE
    bylines = visible.bylines(page, title_pos)
    dates_seen = visible.dates(page, title_pos, now=now)
    agency = credits.agency(page)
    author = choose_author(head, bylines, title_pos)
    if author is not None:
        # a JSON-LD author that a visible byline shows is a person, not a company
        declared = head.authors
        shown = author[2].startswith("html:")
        people = declared[0] if shown and declared and declared[1].startswith("json-ld") else ()
        author = spelled_out(author, bylines, page, people)
        values["authors"], values["byline"], origin = author
        provenance["authors"] = provenance["byline"] = origin
        header.update(
            (pos, BYLINE)
            for pos, name, how in bylines
            if how == "byline-line" and name == values["byline"]
        )
    for pos, _, how in dates_seen:
        if (
            how != "time[datetime]"
            and (title_pos is None or abs(pos - title_pos) <= DATE_NEAR_TITLE)
            and is_dateline(page.segments[pos].block)
        ):
            header.setdefault(pos, DATELINE)
    date = choose_date(
        head,
        one_reading(dates_seen),
        title_pos,
        url=url,
        now=now,
        page_fallback=lambda: page_date(page, now=now),
        after_title=None
        if title_pos is None
        else lambda: page_date(page, now=now, after=title_pos),
        script_fallback=script_fallback,
        below=dated_below(page, dates_seen, title_pos),
    )
    if date is not None:
        values["date"], provenance["date"] = date
    if agency is not None:
        values["source"], provenance["source"] = agency
    for name, candidate in (
        ("site_name", head.site_names[0] if head.site_names else None),
        ("section", head.section),
        ("description", head.description),
        ("language", head.language),
    ):
        if candidate is not None:
            values[name], provenance[name] = candidate
    if head.tags:
        values["tags"], provenance["tags"] = head.tags, "json-ld/meta:keywords"
    return Metadata(**values, provenance=MappingProxyType(provenance)), header
