"""The result of cleaning one document: :class:`Article` and its audit trail.

>>> from cleaner import clean
>>> article = clean("Title line\\n\\n" + "A sentence long enough to be kept as a body paragraph here. " * 3)
>>> article.status
'ok'
>>> sorted(article.to_dict())[:4]
['authors', 'byline', 'date', 'description']
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal

__all__ = ["Article", "Removal", "Status"]

#: ``ok``: an article was found. ``no_article``: the document holds no article-like text
#: (all boilerplate, a listing, junk). ``empty``: nothing but whitespace after decoding.
#: ``timeout``: ``Options.time_budget`` ran out before cleaning finished (no text).
Status = Literal["ok", "no_article", "empty", "timeout"]


@dataclasses.dataclass(frozen=True, slots=True)
class Removal:
    """One block the cleaner removed, and why.

    Attributes:
        layer: the layer that removed it (``"menus"``, ``"sections"``, ...).
        rule: the registered rule id (see :mod:`cleaner.rules`).
        text: the removed text, as it stood in the normalised input.
        where: ``"lines 12-14"`` for text dumps, a CSS path for HTML.
    """

    layer: str
    rule: str
    text: str
    where: str

    def to_dict(self) -> dict[str, str]:
        return {"layer": self.layer, "rule": self.rule, "text": self.text, "where": self.where}

    def __reduce__(self) -> tuple[Any, tuple[str, str, str, str]]:
        """Pickle as a constructor call: an article carries ~140 removals, and the default
        protocol for frozen slotted classes took most of the time of sending it to a worker's
        parent."""
        return (Removal, (self.layer, self.rule, self.text, self.where))


@dataclasses.dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: body, metadata and the audit trail of every removal.

    ``paragraphs`` are the kept blocks (paragraphs, headings, list items, lines), each a
    string of the input. ``text`` lays them out: a blank line between blocks, the items of
    one list on consecutive lines, each marked ``  - `` (a Markdown list), so the list is
    a list again when the text is read back. Metadata values are ``None`` (or empty)
    where the document does not say. ``provenance`` maps each metadata field that has a
    value to where it was found (``"json-ld:headline"``, ``"dump:byline-line"``, ...).
    """

    text: str
    paragraphs: tuple[str, ...]
    title: str | None
    byline: str | None
    authors: tuple[str, ...]
    date: str | None
    source: str | None
    site_name: str | None
    section: str | None
    description: str | None
    tags: tuple[str, ...]
    language: str | None
    url: str | None
    kind: Literal["html", "text"]
    status: Status
    removed: tuple[Removal, ...]
    encoding: str | None = None
    truncated: bool = False
    provenance: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        # a read-only copy: the article is immutable all the way down
        object.__setattr__(self, "provenance", MappingProxyType(dict(self.provenance)))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle support (a read-only mapping proxy does not pickle by itself)."""
        values = tuple(
            dict(self.provenance) if f.name == "provenance" else getattr(self, f.name)
            for f in dataclasses.fields(self)
        )
        return (Article, values)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data; keys are the attribute names."""
        return {
            "text": self.text,
            "paragraphs": list(self.paragraphs),
            "title": self.title,
            "byline": self.byline,
            "authors": list(self.authors),
            "date": self.date,
            "source": self.source,
            "site_name": self.site_name,
            "section": self.section,
            "description": self.description,
            "tags": list(self.tags),
            "language": self.language,
            "url": self.url,
            "kind": self.kind,
            "status": self.status,
            "removed": [r.to_dict() for r in self.removed],
            "encoding": self.encoding,
            "truncated": self.truncated,
            "provenance": dict(sorted(self.provenance.items())),
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """The :meth:`to_dict` form as JSON (UTF-8 characters kept as they are)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        """The article as Markdown: title, a metadata line, then the body (:attr:`text`).

        >>> from cleaner import clean
        >>> md = clean("Council approves the new budget\\n\\n" + "Body text with many words in a sentence. " * 4).to_markdown()
        >>> md.splitlines()[0]
        '# Council approves the new budget'
        """
        parts: list[str] = []
        if self.title:
            parts.append(f"# {self.title}")
        meta = [v for v in (self.byline and f"By {self.byline}", self.date, self.source) if v]
        if meta:
            parts.append("*" + " · ".join(meta) + "*")
        if self.description:
            parts.append(f"> {self.description}")
        if self.text:
            parts.append(self.text)
        if self.tags:
            parts.append("Tags: " + ", ".join(self.tags))
        return "\n\n".join(parts) + "\n"
