"""Metadata values with their provenance, and how candidates from several sources merge.

>>> a = Metadata.of("json-ld", title="Headline", authors=("Jane Doe",))
>>> b = Metadata.of("dump", title="Other", date="2025-11-04")
>>> m = merge(a, b)
>>> (m.title, m.date, m.provenance["title"], m.provenance["date"])
('Headline', '2025-11-04', 'json-ld', 'dump')
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

__all__ = ["FIELDS", "Metadata", "merge"]

FIELDS = (
    "title",
    "byline",
    "authors",
    "date",
    "source",
    "site_name",
    "section",
    "description",
    "tags",
    "language",
)


@dataclasses.dataclass(frozen=True, slots=True)
class Metadata:
    """Candidate metadata from one source; ``provenance`` says where each value came from."""

    title: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    source: str | None = None
    site_name: str | None = None
    section: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    language: str | None = None
    provenance: Mapping[str, str] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, origin: str, **values: Any) -> Metadata:
        """Build from ``values``; each non-empty value gets ``origin`` (or ``origin:detail``
        when given as a ``(value, detail)`` pair) as provenance."""
        clean: dict[str, Any] = {}
        provenance: dict[str, str] = {}
        for name, value in values.items():
            detail = None
            if isinstance(value, list):
                value = tuple(value)
            if (
                isinstance(value, tuple)
                and len(value) == 2
                and name not in ("authors", "tags")
                and isinstance(value[1], str)
                and value[1].startswith(":")
            ):
                value, detail = value
            if isinstance(value, str):
                value = " ".join(value.split()) or None
            if value:
                clean[name] = value
                provenance[name] = origin + (detail or "")
        return cls(**clean, provenance=MappingProxyType(provenance))


def merge(*candidates: Metadata) -> Metadata:
    """Field by field, the first candidate with a value wins."""
    values: dict[str, Any] = {}
    provenance: dict[str, str] = {}
    for name in FIELDS:
        for candidate in candidates:
            value = getattr(candidate, name)
            if value:
                values[name] = value
                provenance[name] = candidate.provenance.get(name, "unknown")
                break
    return Metadata(**values, provenance=MappingProxyType(provenance))
