"""The options object shared by the API, the CLI and the batch runners.

>>> from cleaner import Options
>>> Options(keep_captions=True).keep_captions
True
>>> Options(kind="pdf")
Traceback (most recent call last):
...
cleaner.errors.InvalidOptionError: kind must be one of 'auto', 'html', 'text', not 'pdf'
>>> Options(time_budget=0)
Traceback (most recent call last):
...
cleaner.errors.InvalidOptionError: time_budget must be a positive number of seconds or None, not 0
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Literal

from cleaner.errors import InvalidOptionError

__all__ = ["DEFAULT_MAX_INPUT_BYTES", "Kind", "Options"]

Kind = Literal["auto", "html", "text"]
KINDS: tuple[str, ...] = ("auto", "html", "text")

#: Inputs longer than this (in bytes, or characters for ``str``) are cut to this length
#: before cleaning and the article is marked ``truncated``. 50 MB is ten times the largest
#: page in the development corpora. Working memory measured 12-17 bytes per input byte for
#: 20 MB pages and dumps but ~90 for pathological menu dumps (docs/limits.md): lower it, or use the
#: CLI's memory guard, where several GB per document are too much.
DEFAULT_MAX_INPUT_BYTES = 50_000_000


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Options:
    """How to clean. Keyword-only and immutable: build one and share it across calls.

    Attributes:
        kind: ``"auto"`` sniffs the input; ``"html"`` or ``"text"`` force a front end.
        url: the page address, recorded on the article (and used for site hints).
        now: reference time for relative dates ("2 weeks ago"); ``None`` leaves them unresolved.
        keep_captions: keep photo captions and credits in the body.
        keep_headings: keep sub-headings inside the body.
        dedupe: drop paragraphs repeated inside one document.
        max_input_bytes: inputs past this size are truncated (``Article.truncated``).
        time_budget: seconds one document may take, checked between pipeline stages (a
            stage that has started runs to its end); past it the article has status
            ``timeout``. ``None`` (the default) sets no limit and keeps results independent
            of machine speed. A hard limit needs a process that can be killed (the CLI's
            ``--timeout``).
    """

    kind: Kind = "auto"
    url: str | None = None
    now: datetime | None = None
    keep_captions: bool = False
    keep_headings: bool = True
    dedupe: bool = True
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    time_budget: float | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise InvalidOptionError(
                f"kind must be one of {', '.join(map(repr, KINDS))}, not {self.kind!r}"
            )
        if self.url is not None and not isinstance(self.url, str):
            raise InvalidOptionError(f"url must be a str or None, not {type(self.url).__name__}")
        if self.now is not None and not isinstance(self.now, datetime):
            raise InvalidOptionError(
                f"now must be a datetime or None, not {type(self.now).__name__}"
            )
        if not isinstance(self.max_input_bytes, int) or self.max_input_bytes <= 0:
            raise InvalidOptionError("max_input_bytes must be a positive int")
        budget = self.time_budget
        if budget is not None and (
            isinstance(budget, bool) or not isinstance(budget, (int, float)) or not budget > 0
        ):
            raise InvalidOptionError(
                f"time_budget must be a positive number of seconds or None, not {budget!r}"
            )

    def replace(self, **changes: object) -> Options:
        """Return a copy with some fields changed.

        >>> Options().replace(kind="text").kind
        'text'
        """
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]
