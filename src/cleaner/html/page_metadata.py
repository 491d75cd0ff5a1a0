"""Page metadata from the markup: JSON-LD, OpenGraph and article meta tags, <title>, lang.

>>> from selectolax.lexbor import LexborHTMLParser
>>> tree = LexborHTMLParser('<html lang="de"><head><script type="application/ld+json">'
...     '{"@type": "NewsArticle", "headline": "Überschrift", "author": {"name": "Max Muster"},'
...     ' "datePublished": "2025-11-04T17:37:00+01:00"}</script></head><body></body></html>')
>>> m = page_metadata(tree)
>>> (m.title, m.authors, m.date, m.language, m.provenance["title"])
('Überschrift', ('Max Muster',), '2025-11-04T17:37:00+01:00', 'de', 'json-ld:headline')
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from cleaner.metadata.dates import normalize_date
from cleaner.metadata.fields import Metadata, merge

__all__ = ["page_metadata"]

_ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle",
                            "AnalysisNewsArticle", "OpinionNewsArticle", "TechArticle",
                            "ScholarlyArticle", "Report", "LiveBlogPosting", "WebPage"})


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _walk(data[key])


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, dict):
        name = value.get("name")
        return (name,) if isinstance(name, str) else ()
    if isinstance(value, list):
        return tuple(n for item in value for n in _names(item))
    return ()


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def _json_ld(tree: LexborHTMLParser) -> Metadata:
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(deep=True) or "null")
        except (ValueError, RecursionError):
            continue
        for obj in _walk(data):
            if not _types(obj) & _ARTICLE_TYPES or (_types(obj) == {"WebPage"} and "headline" not in obj):
                continue
            authors = _names(obj.get("author"))
            keywords = obj.get("keywords")
            tags = tuple(k.strip() for k in keywords.split(",")) if isinstance(keywords, str) else \
                tuple(k for k in keywords if isinstance(k, str)) if isinstance(keywords, list) else ()
            published = obj.get("datePublished") or obj.get("dateCreated")
            section = obj.get("articleSection")
            return Metadata.of(
                "json-ld",
                title=(obj.get("headline") or obj.get("name"), ":headline") if isinstance(obj.get("headline") or obj.get("name"), str) else None,
                authors=authors,
                byline=(", ".join(authors), ":author") if authors else None,
                date=(normalize_date(published), ":datePublished") if isinstance(published, str) and normalize_date(published) else None,
                site_name=(_names(obj.get("publisher"))[0], ":publisher") if _names(obj.get("publisher")) else None,
                section=(section, ":articleSection") if isinstance(section, str) else None,
                description=(obj.get("description"), ":description") if isinstance(obj.get("description"), str) else None,
                tags=tags,
                language=(obj.get("inLanguage"), ":inLanguage") if isinstance(obj.get("inLanguage"), str) else None,
            )
    return Metadata()


def _meta(tree: LexborHTMLParser, *keys: str) -> tuple[str, str] | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            node = tree.css_first(f'meta[{attr}="{key}"]')
            if node is not None and (node.attributes.get("content") or "").strip():
                return (node.attributes.get("content") or "").strip(), f":{key}"
    return None


def _meta_tags(tree: LexborHTMLParser) -> Metadata:
    date = _meta(tree, "article:published_time", "og:published_time", "datePublished", "date",
                 "pubdate", "publish-date", "dc.date", "DC.date.issued", "sailthru.date")
    iso = normalize_date(date[0]) if date else None
    author = _meta(tree, "author", "article:author", "dc.creator", "byl", "sailthru.author")
    tags = [n.attributes.get("content") or "" for n in tree.css('meta[property="article:tag"]')]
    html = tree.css_first("html")
    lang = (html.attributes.get("lang") or "").split("-")[0].lower() if html is not None else ""
    title_node = tree.css_first("title")
    return Metadata.of(
        "meta",
        title=_meta(tree, "og:title", "twitter:title") or (
            (title_node.text(deep=True), ":<title>") if title_node is not None else None),
        byline=author if author and not author[0].startswith("http") else None,
        authors=(author[0],) if author and not author[0].startswith("http") else (),
        date=(iso, date[1]) if iso and date else None,
        site_name=_meta(tree, "og:site_name", "application-name"),
        section=_meta(tree, "article:section"),
        description=_meta(tree, "og:description", "description"),
        tags=tuple(t for t in tags if t),
        language=(lang, ":html-lang") if lang else None,
    )


def page_metadata(tree: LexborHTMLParser) -> Metadata:
    """Metadata from the page head: JSON-LD first, then meta tags."""
    return merge(_json_ld(tree), _meta_tags(tree))
