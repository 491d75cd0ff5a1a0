"""Exceptions raised by cleaner.

Content outcomes ("no article found", "input too large") are never raised: they are
reported on :attr:`cleaner.Article.status`. Exceptions are only for caller mistakes::

    CleanerError                      base class of everything cleaner raises
    ├── InvalidInputError (TypeError)   source is neither ``str`` nor ``bytes``
    └── InvalidOptionError (ValueError) an option or argument has a value cleaner cannot use

>>> from cleaner import clean
>>> clean(42)
Traceback (most recent call last):
...
cleaner.errors.InvalidInputError: clean() takes the page as str or bytes, not int
"""

from __future__ import annotations

__all__ = ["CleanerError", "InvalidInputError", "InvalidOptionError"]


class CleanerError(Exception):
    """Base class of every exception cleaner raises."""


class InvalidInputError(CleanerError, TypeError):
    """The document handed to cleaner is not ``str`` or ``bytes``."""


class InvalidOptionError(CleanerError, ValueError):
    """An option has a value cleaner cannot use; the message names the option."""
