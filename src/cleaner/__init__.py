"""cleaner: strip boilerplate from scraped article pages, HTML or text dumps.

>>> from cleaner import clean
>>> article = clean(open("samples/000_ce51e559fc37b17e.txt", encoding="utf-8").read())
>>> article.title
'Putin orders logistics centers development on China, DPRK border'
>>> article.source, article.date
('Agencies', '2025-11-04T17:37')
>>> article.removed[0].rule
'metadata.site-name'
"""

from __future__ import annotations

from cleaner.article import Article, Removal, Status
from cleaner.batch.errors import DocumentError
from cleaner.batch.stream import clean_many
from cleaner.errors import CleanerError, InvalidInputError, InvalidOptionError
from cleaner.options import Options
from cleaner.pipeline import clean
from cleaner.rules import RULES, Rule

__all__ = [
    "RULES",
    "Article",
    "CleanerError",
    "DocumentError",
    "InvalidInputError",
    "InvalidOptionError",
    "Options",
    "Removal",
    "Rule",
    "Status",
    "__version__",
    "clean",
    "clean_many",
]

__version__ = "0.1.0"
