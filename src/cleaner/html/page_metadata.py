"""Metadata the page declares for machines: JSON-LD, OpenGraph and ``article:`` meta tags.

:func:`head_metadata` reads every candidate with where it came from (the JSON-LD ones
from :mod:`cleaner.html.json_ld`); the choice between them and the visible page
(headline, byline, dateline) is made in :mod:`cleaner.html.choose`.

>>> from selectolax.lexbor import LexborHTMLParser
>>> tree = LexborHTMLParser('<html lang="de"><head><script type="application/ld+json">'
...     '{"@type": "NewsArticle", "headline": "Überschrift", "author": {"name": "Max Muster"},'
...     ' "datePublished": "2025-11-04T17:37:00+01:00"}</script>'
...     '<meta property="og:title" content="Überschrift | Zeitung"></head><body></body></html>')
>>> head = head_metadata(tree)
>>> head.titles
(('Überschrift', 'json-ld:headline'), ('Überschrift | Zeitung', 'meta:og:title'))
>>> head.authors, head.dates, head.language
((('Max Muster',), 'json-ld:author'), (('2025-11-04T17:37:00+01:00', 'json-ld:datePublished'),), ('de', 'meta:html-lang'))
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from types import MappingProxyType

from selectolax.lexbor import LexborHTMLParser

from cleaner.html.declared_authors import clean_names, is_publisher, site_key
from cleaner.html.json_ld import JSON_LD_NODES, json_ld_metadata
from cleaner.metadata.dates import normalize_date
from cleaner.metadata.fields import Metadata

__all__ = ["TAGGED_AUTHORS", "HeadMetadata", "head_metadata", "script_date", "split_tagged_author"]

#: Meta tags naming the publication date, most specific first.
PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datePublished",
    "published-date",
    "publication-date",
    "publish_date",
    "article.published",
    "dcterms.issued",
    "dcterms.created",
    "DC.date.created",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "DC.date.issued",
    "dcterms.date",
    "dc.date",
    "DC.date",
    "citation_publication_date",
    "dcterms:created",
    "date",
)
#: A publication or creation date in the JSON state a script embeds for the page's app
#: (``{"publishedDate":"2016-11-04T20:37:27Z"}``, ``"published_at"``, ``"createdAt"``).
_SCRIPT_DATE = re.compile(
    r'"(?:published_?[dD]ate|published_?[aA]t|publish_?[dD]ate|publication_?[dD]ate'
    r'|first_?[pP]ublished(?:_?[aA]t)?|date_?[pP]ublished|created_?[aA]t|pub_?[dD]ate)"'
    r'\s*:\s*"(?P<date>\d{4}-\d{2}-\d{2}[^"]{0,30})"'
)
#: Meta tags naming the last modification (used only when nothing names publication).
MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "dateModified")
#: Meta tags naming the author.
AUTHOR_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "DC.creator",
    "dc:creator",
    "byl",
    "sailthru.author",
    "parsely-author",
    "citation_author",
)
_AUTHOR_KEYS_LOWER = frozenset(key.lower() for key in AUTHOR_KEYS)
#: The provenance of an author read from one of those tags. Such a tag often names the
#: publisher or the site's owner ("Bund der Energieverbraucher e.V.", "tagesschau.de"),
#: so a byline line of the page wins over it (:func:`split_tagged_author`); JSON-LD
#: authors and the "Written by" label of twitter:data1 do not yield.
TAGGED_AUTHORS = frozenset(f"meta:{key}" for key in AUTHOR_KEYS)
#: Labels of an author in twitter:label1/twitter:data1 pairs ("Written by", "Verfasst von").
_AUTHOR_LABEL = re.compile(
    r"^(?:written\s+by|author|by|verfasst\s+von|geschrieben\s+von|autor(?:in)?"
    r"|von|écrit\s+par|auteur|escrito\s+por|autore|scritto\s+da)\b",
    re.I,
)
#: Other meta names that give a publication date, and names that give another date.
_OTHER_DATE_KEY = re.compile(r"publish|pub_?date|creat|issued|(?:^|[._:-])date(?:$|[._:-])", re.I)
_NOT_PUBLISHED_KEY = re.compile(r"modif|updat|expir|revis|review|valid|event|start|end", re.I)
#: Elements that declare the publication date as microdata or RDFa, asked in the same query
#: as :data:`~cleaner.html.json_ld.JSON_LD_NODES` (each query walks the whole tree: 0.1 ms
#: a page); :func:`_declares_date` tells them apart again.
_MICRODATA_DATES = (
    '[itemprop="datePublished"]:not(meta), [property*="dateCreated"], [property*="datePublished"]'
)
_LD_SCRIPT_TYPE = "application/ld+json"


def _json_ld_node(tag: str | None, attrs: dict[str, str | None]) -> bool:
    """Does an element match :data:`~cleaner.html.json_ld.JSON_LD_NODES` (a meta tag with
    content, a JSON-LD script: the type is matched without regard to ASCII case, as the
    selector engine matches it)?

    >>> _json_ld_node("meta", {"content": "x"}), _json_ld_node("meta", {"name": "x"})
    (True, False)
    >>> _json_ld_node("script", {"type": "Application/LD+JSON"})
    True
    """
    if tag == "meta":
        return "content" in attrs
    return tag == "script" and (attrs.get("type") or "").lower() == _LD_SCRIPT_TYPE


def _declares_date(tag: str | None, attrs: dict[str, str | None]) -> bool:
    """Does an element match :data:`_MICRODATA_DATES` (values matched with case)?

    >>> _declares_date("span", {"itemprop": "datePublished"}), _declares_date("meta", {"itemprop": "datePublished"})
    (True, False)
    >>> _declares_date("meta", {"property": "article:datePublished"})
    True
    """
    if tag != "meta" and attrs.get("itemprop") == "datePublished":
        return True
    declared = attrs.get("property") or ""
    return "dateCreated" in declared or "datePublished" in declared


@dataclasses.dataclass(frozen=True, slots=True)
class HeadMetadata:
    """Candidates from the page's machine-readable metadata, each with its provenance.

    Attributes:
        titles: headline candidates, JSON-LD first, then og:title, twitter:title, <title>.
        authors: author names and provenance, or ``None``.
        dates: publication dates (ISO 8601), most trusted first.
        modified: modification dates, most trusted first.
        site_names: site name candidates (og:site_name, JSON-LD publisher).
        section, description, language: value and provenance, or ``None``.
        tags: keywords (JSON-LD keywords or article:tag).
        author_is_publisher: ``authors`` names the publication itself, a domain or a
            login, and no declared field names a person.
        declares_article: the page calls itself an article (a JSON-LD article type other
            than WebPage, ``og:type`` article, or ``article:published_time``).
    """

    titles: tuple[tuple[str, str], ...] = ()
    authors: tuple[tuple[str, ...], str] | None = None
    dates: tuple[tuple[str, str], ...] = ()
    modified: tuple[tuple[str, str], ...] = ()
    site_names: tuple[tuple[str, str], ...] = ()
    section: tuple[str, str] | None = None
    description: tuple[str, str] | None = None
    language: tuple[str, str] | None = None
    tags: tuple[str, ...] = ()
    declares_article: bool = False
    author_is_publisher: bool = False


def _first_authors(
    candidates: list[tuple[tuple[str, ...], str]], site_names: list[tuple[str, str]]
) -> tuple[tuple[tuple[str, ...], str] | None, bool]:
    """The first candidate that names a person, else the first that names the publisher
    (its own name, a domain or a login); and whether it is the publisher. Names are
    cleaned by :func:`~cleaner.html.declared_authors.clean_names`."""
    sites = {site_key(name) for name, _ in site_names} - {""}
    fallback: tuple[tuple[str, ...], str] | None = None
    for names, origin in candidates:
        kept = clean_names(names)
        if kept and not all(is_publisher(name, sites) for name in kept):
            return (kept, origin), False
        if kept and fallback is None:
            fallback = (kept, origin)
    return fallback, fallback is not None


#: A meta tag's attributes and its content, white space collapsed.
_MetaTag = tuple[dict[str, str | None], str]


def _meta_tags(metas: list[dict[str, str | None]]) -> list[_MetaTag]:
    """Of the attributes of every meta tag with a content attribute, those whose content is
    not empty, with that content, read once for both readers below."""
    tags: list[_MetaTag] = []
    for attrs in metas:
        content = " ".join((attrs.get("content") or "").split())
        if content:
            tags.append((attrs, content))
    return tags


def _meta_content(tags: list[_MetaTag]) -> dict[str, str]:
    """Meta tag name/property/itemprop -> first non-empty content."""
    found: dict[str, str] = {}
    for attrs, content in tags:
        for attr in ("property", "name", "itemprop"):
            key = attrs.get(attr)
            if key and key not in found:
                found[key] = content
    return found


def _meta_authors(tags: list[_MetaTag]) -> tuple[tuple[str, ...], str] | None:
    """Every value of the first :data:`AUTHOR_KEYS` tag the page has, matched without
    regard to case (``DC.Creator``); a tag repeated once per author
    (``citation_author``, ``dc.creator``) gives all the names."""
    values: dict[str, list[str]] = {}
    for attrs, content in tags:
        if content.startswith(("http", "/", "@")):
            continue
        for attr in ("name", "property", "itemprop"):
            key = (attrs.get(attr) or "").lower()
            if key in _AUTHOR_KEYS_LOWER:
                values.setdefault(key, []).append(content)
                break
    for key in AUTHOR_KEYS:
        if key.lower() in values:
            return tuple(dict.fromkeys(values[key.lower()])), f"meta:{key}"
    return None


def head_metadata(tree: LexborHTMLParser) -> HeadMetadata:
    """Every metadata candidate of the page's JSON-LD and meta tags."""
    # the meta tags with a content attribute and the JSON-LD scripts, found in one query
    # of the tree (each query walks the whole tree: 0.14 ms a page)
    # (and the microdata date elements)
    nodes = tree.css(f"{JSON_LD_NODES}, {_MICRODATA_DATES}")
    tagged = [(node, node.tag, node.attributes) for node in nodes]
    found = [node for node, tag, attrs in tagged if _json_ld_node(tag, attrs)]
    ld = json_ld_metadata(tree, nodes=found)
    titles = list(ld.titles)
    dates = list(ld.dates)
    modified = list(ld.modified)
    site_names = list(ld.site_names)
    author_candidates = list(ld.authors)
    section, description, language, tags = ld.section, ld.description, ld.language, ld.tags
    declared_article = ld.declares_article
    # the attributes of every meta tag with a content attribute, for the meta-content map,
    # the meta authors and the article:tag list
    metas = [attrs for _, tag, attrs in tagged if tag == "meta" and "content" in attrs]
    meta_tags = _meta_tags(metas)
    meta = _meta_content(meta_tags)
    for key in ("og:title", "twitter:title"):
        if key in meta:
            titles.append((meta[key], f"meta:{key}"))
    title_node = tree.css_first("title")
    if title_node is not None:
        title = " ".join(title_node.text(deep=True).split())
        if title:
            titles.append((title, "meta:<title>"))
    for keys, target in ((PUBLISHED_KEYS, dates), (MODIFIED_KEYS, modified)):
        for key in keys:
            iso = normalize_date(meta[key]) if key in meta else None
            if iso:
                target.append((iso, f"meta:{key}"))
    for key, value in meta.items():
        # any other meta tag that names a publication or creation date ("w-published-date",
        # "citation_date", "DC.Date") comes after the well-known ones
        if (
            _OTHER_DATE_KEY.search(key)
            and not _NOT_PUBLISHED_KEY.search(key)
            and key not in PUBLISHED_KEYS
        ):
            iso = normalize_date(value)
            if iso:
                dates.append((iso, f"meta:{key}"))
                break
    for node, tag, attrs in tagged:
        if not _declares_date(tag, attrs):
            continue
        value = attrs.get("datetime") or attrs.get("content") or node.text()
        iso = normalize_date(value) if value else None
        if iso:
            dates.append((iso, "microdata:datePublished"))
            break
    dates.extend(ld.page_dates)
    for number in "12":
        label, data = meta.get(f"twitter:label{number}"), meta.get(f"twitter:data{number}")
        if label and data and _AUTHOR_LABEL.match(label):
            author_candidates.append(((data,), f"meta:twitter:data{number}"))
            break
    declared_by_meta = _meta_authors(meta_tags)
    if declared_by_meta is not None:
        author_candidates.append(declared_by_meta)
    if "og:site_name" in meta:
        site_names.insert(0, (meta["og:site_name"], "meta:og:site_name"))
    authors, author_is_publisher = _first_authors(author_candidates, site_names)
    html = tree.css_first("html")
    lang = (html.attributes.get("lang") or "").split("-")[0].strip().lower() if html else ""
    if lang and language is None:
        language = (lang, "meta:html-lang")
    declared_article = (
        declared_article
        or meta.get("og:type", "").lower() == "article"
        or ("article:published_time" in meta)
    )
    return HeadMetadata(
        declares_article=declared_article,
        titles=tuple(titles),
        authors=authors,
        author_is_publisher=author_is_publisher,
        dates=tuple(dates),
        modified=tuple(modified),
        site_names=tuple(site_names),
        section=section
        or (
            (meta["article:section"], "meta:article:section") if "article:section" in meta else None
        ),
        description=description
        or next(
            ((meta[k], f"meta:{k}") for k in ("og:description", "description") if k in meta), None
        ),
        language=language,
        tags=tags
        or tuple(
            attrs.get("content") or ""
            for attrs in metas
            if attrs.get("property") == "article:tag" and attrs.get("content")
        ),
    )


def script_date(tree: LexborHTMLParser, *, now: datetime | None = None) -> str | None:
    """The first publication or creation date in the page's scripts' embedded JSON state
    (:data:`_SCRIPT_DATE`), for pages that show and declare no date at all.

    >>> script_date(LexborHTMLParser('<script type="application/json">'
    ...     '{"publishedDate":"2016-11-04T20:37:27Z","updatedDate":null}</script>'))
    '2016-11-04T20:37:27Z'
    """
    for node in tree.css("script"):
        match = _SCRIPT_DATE.search(node.text(deep=True) or "")
        if match:
            iso = normalize_date(match.group("date"), now=now)
            if iso:
                return iso
    return None


def split_tagged_author(meta: Metadata) -> tuple[Metadata, Metadata]:
    """``meta`` without the author when it came from a meta tag (:data:`TAGGED_AUTHORS`),
    and that author on its own; ``meta`` unchanged and an empty one otherwise.

    >>> meta = Metadata.of("meta:author", authors=("Daily News",), byline="Daily News")
    >>> rest, tagged = split_tagged_author(meta)
    >>> rest.authors, tagged.authors, tagged.provenance["byline"]
    ((), ('Daily News',), 'meta:author')
    """
    if meta.provenance.get("authors") not in TAGGED_AUTHORS:
        return meta, Metadata()
    moved = ("authors", "byline")
    tagged = Metadata(
        authors=meta.authors,
        byline=meta.byline,
        provenance=MappingProxyType({k: v for k, v in meta.provenance.items() if k in moved}),
    )
    rest = dataclasses.replace(
        meta,
        authors=(),
        byline=None,
        provenance=MappingProxyType({k: v for k, v in meta.provenance.items() if k not in moved}),
    )
    return rest, tagged
