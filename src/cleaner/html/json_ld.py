"""The page's JSON-LD: the article object's headline, authors, dates, section, description,
language and keywords, and the site's name, each with where it came from.

Scripts are parsed leniently (control characters in strings); ``@graph``, ``mainEntity``
and list wrappers are walked, and ``@id`` links resolve people and publishers declared
elsewhere in the page. :mod:`cleaner.html.page_metadata` adds the meta tags.

>>> from selectolax.lexbor import LexborHTMLParser
>>> tree = LexborHTMLParser('<script type="application/ld+json">{"@graph": ['
...     '{"@type": "Person", "@id": "#p", "name": "Eva Beispiel"},'
...     '{"@type": "BlogPosting", "headline": "Tom &amp; Jerry", "author": {"@id": "#p"},'
...     ' "dateModified": "2024-03-02"}]}</script>')
>>> ld = json_ld_metadata(tree)
>>> ld.titles, ld.authors, ld.modified
((('Tom & Jerry', 'json-ld:headline'),), ((('Eva Beispiel',), 'json-ld:author'),), (('2024-03-02', 'json-ld:dateModified'),))
"""

from __future__ import annotations

import dataclasses
import html
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from cleaner.metadata.dates import normalize_date

__all__ = [
    "ARTICLE_TYPES",
    "JSON_LD_NODES",
    "JSON_LD_SCRIPTS",
    "NOT_ARTICLE_TYPES",
    "JsonLd",
    "json_ld_metadata",
]

#: The CSS selector of a page's JSON-LD scripts.
JSON_LD_SCRIPTS = 'script[type="application/ld+json"]'
#: The JSON-LD scripts and the meta tags with content, among which a framework's JSON-LD
#: descriptor written out as a tag (Remix: ``<meta name="script:ld+json" content="{...}">``);
#: one query, as each query walks the whole tree.
JSON_LD_NODES = f"meta[content], {JSON_LD_SCRIPTS}"
#: JSON-LD types that describe the article itself (WebPage only when it has a headline).
ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "TechArticle",
        "ScholarlyArticle",
        "Report",
        "LiveBlogPosting",
        "WebPage",
        "Recipe",
        "HowTo",
        "Review",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "Blog",
        "MedicalWebPage",
        "CreativeWork",
        "VideoObject",
        "Podcast",
        "PodcastEpisode",
    }
)
#: JSON-LD types that never describe the article (their ``name`` is not a headline).
NOT_ARTICLE_TYPES = frozenset(
    {
        "Organization",
        "Person",
        "WebSite",
        "BreadcrumbList",
        "ImageObject",
        "SiteNavigationElement",
        "SearchAction",
    }
)
#: A JSON-LD script longer than this is not parsed (embedded app state, not metadata).
MAX_JSON_LD_CHARS = 500_000


@dataclasses.dataclass(frozen=True, slots=True)
class JsonLd:
    """What the page's JSON-LD declares, each value with its provenance.

    Attributes:
        titles: the first article object's headline (or name), if any.
        authors: author names of each article object, in page order.
        dates: publication, creation and upload dates (ISO 8601) of article objects.
        page_dates: ``datePublished`` of a bare WebPage (one without a headline), which
            is weaker evidence than any meta tag.
        modified: modification dates of article objects.
        site_names: names of WebSite and Organization objects and of publishers.
        section, description, language: the first article object's value, or ``None``.
        tags: the first article object's keywords.
        declares_article: an article type other than WebPage is present.
    """

    titles: tuple[tuple[str, str], ...] = ()
    authors: tuple[tuple[tuple[str, ...], str], ...] = ()
    dates: tuple[tuple[str, str], ...] = ()
    page_dates: tuple[tuple[str, str], ...] = ()
    modified: tuple[tuple[str, str], ...] = ()
    site_names: tuple[tuple[str, str], ...] = ()
    section: tuple[str, str] | None = None
    description: tuple[str, str] | None = None
    language: tuple[str, str] | None = None
    tags: tuple[str, ...] = ()
    declares_article: bool = False


def _walk(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in data:
                yield from _walk(data[key], depth + 1)


def _types(obj: Mapping[str, Any]) -> set[str]:
    kind = obj.get("@type")
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return {kind} if isinstance(kind, str) else set()


def _names(value: Any, index: Mapping[str, Mapping[str, Any]]) -> tuple[str, ...]:
    """Names in a JSON-LD person/organisation value (string, object, @id link, list)."""
    if isinstance(value, str):
        return (value,) if value.strip() and not value.startswith(("http", "/")) else ()
    if isinstance(value, dict):
        if "name" not in value and isinstance(value.get("@id"), str):
            value = index.get(value["@id"], value)
        name = value.get("name")
        if isinstance(name, str) and name.strip():
            return (name.strip(),)
        given, family = value.get("givenName"), value.get("familyName")
        if isinstance(given, str) and isinstance(family, str):
            return (f"{given} {family}".strip(),)
        return ()
    if isinstance(value, list):
        return tuple(n for item in value for n in _names(item, index))
    return ()


#: The ``name`` of a meta tag that carries JSON-LD (matched case-sensitively, as lexbor does).
_META_SCRIPT_NAME = "script:ld+json"


def _objects(nodes: Sequence[Any]) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    texts = [node.text(deep=True) or "" for node in nodes if node.tag == "script"]
    texts += [
        node.attributes.get("content") or ""
        for node in nodes
        if node.tag == "meta" and node.attributes.get("name") == _META_SCRIPT_NAME
    ]
    for text in texts:
        if not text.strip() or len(text) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):
            continue
        objects.extend(_walk(data))
    return objects


def _text(value: Any) -> str | None:
    """A JSON-LD string with entities decoded (``&#038;`` is escaped twice in many CMS
    exports) and white space collapsed."""
    if isinstance(value, str):
        return " ".join(html.unescape(value).split()) or None
    return None


def _keywords(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(k.strip() for k in value.split(",") if k.strip())
    if isinstance(value, list):
        return tuple(k.strip() for k in value if isinstance(k, str) and k.strip())
    return ()


def json_ld_metadata(tree: LexborHTMLParser, *, nodes: Sequence[Any] | None = None) -> JsonLd:
    """Every candidate the page's JSON-LD declares (see :class:`JsonLd`); ``nodes`` are the
    nodes :data:`JSON_LD_NODES` finds in ``tree``, when the caller has them."""
    objects = _objects(tree.css(JSON_LD_NODES) if nodes is None else nodes)
    index = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    titles: list[tuple[str, str]] = []
    dates: list[tuple[str, str]] = []
    page_dates: list[tuple[str, str]] = []
    modified: list[tuple[str, str]] = []
    site_names: list[tuple[str, str]] = []
    author_candidates: list[tuple[tuple[str, ...], str]] = []
    section: tuple[str, str] | None = None
    description: tuple[str, str] | None = None
    language: tuple[str, str] | None = None
    tags: tuple[str, ...] = ()
    declared_article = False
    for obj in objects:
        types = _types(obj)
        if "WebSite" in types or "Organization" in types:
            name = _text(obj.get("name"))
            if name:
                site_names.append(
                    (name, "json-ld:WebSite" if "WebSite" in types else "json-ld:Organization")
                )
        if not types & ARTICLE_TYPES or types & NOT_ARTICLE_TYPES:
            continue
        declared_article = declared_article or bool(types - {"WebPage"})
        if types == {"WebPage"} and "headline" not in obj:
            value = obj.get("datePublished")
            iso = normalize_date(value) if isinstance(value, str) else None
            if iso:
                page_dates.append((iso, "json-ld:WebPage.datePublished"))
            continue
        headline = _text(obj.get("headline")) or _text(obj.get("name"))
        if headline and not titles:
            titles.append((headline, "json-ld:headline"))
        names = _names(obj.get("author"), index) or _names(obj.get("creator"), index)
        if names:
            author_candidates.append((names, "json-ld:author"))
        for key, target in (
            ("datePublished", dates),
            ("dateCreated", dates),
            ("uploadDate", dates),
            ("dateModified", modified),
        ):
            value = obj.get(key)
            iso = normalize_date(value) if isinstance(value, str) else None
            if iso:
                target.append((iso, f"json-ld:{key}"))
        publisher = _names(obj.get("publisher"), index)
        if publisher:
            site_names.append((publisher[0], "json-ld:publisher"))
        section = section or (
            (s, "json-ld:articleSection") if (s := _text(obj.get("articleSection"))) else None
        )
        description = description or (
            (d, "json-ld:description") if (d := _text(obj.get("description"))) else None
        )
        language = language or (
            (lang, "json-ld:inLanguage") if (lang := _text(obj.get("inLanguage"))) else None
        )
        tags = tags or _keywords(obj.get("keywords"))
    return JsonLd(
        titles=tuple(titles),
        authors=tuple(author_candidates),
        dates=tuple(dates),
        page_dates=tuple(page_dates),
        modified=tuple(modified),
        site_names=tuple(site_names),
        section=section,
        description=description,
        language=language,
        tags=tags,
        declares_article=declared_article,
    )
