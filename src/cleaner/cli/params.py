"""Command-line parameters: the cleaning options (generated from :class:`cleaner.Options`,
so the CLI and the API can never drift apart) and the value types they need.

>>> [SIZE.convert(v, None, None) for v in ("512M", "2GiB", "0")]
[536870912, 2147483648, None]
>>> options_from({"keep_captions": True, "kind": None}).keep_captions
True
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, TypeVar

import click

from cleaner.options import Options

__all__ = ["DATETIME", "SIZE", "cleaning_options", "option_help", "options_from"]

F = TypeVar("F", bound=Callable[..., Any])

#: Multipliers of the size suffixes accepted by ``--max-memory`` (powers of 1024).
SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$", re.IGNORECASE)


class _Size(click.ParamType):  # type: ignore[type-arg, unused-ignore]
    """A byte size such as ``512M`` or ``2G``; ``0`` or ``none`` means "no limit"."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> int | None:
        if value is None or isinstance(value, int):
            return value or None
        if str(value).strip().lower() in ("none", "off"):
            return None
        match = _SIZE.match(str(value))
        if not match:
            self.fail(f"{value!r} is not a size (try 512M or 2G)", param, ctx)
        size = int(float(match.group(1)) * SIZE_UNITS[match.group(2).lower()])
        return size or None


class _DateTime(click.ParamType):  # type: ignore[type-arg, unused-ignore]
    """An ISO 8601 date or date-time (``2025-11-04`` or ``2025-11-04T17:37:00+00:00``)."""

    name = "datetime"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            return datetime.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not an ISO 8601 date-time (e.g. 2025-11-04T17:37)",
                      param, ctx)


SIZE = _Size()
DATETIME = _DateTime()


def option_help() -> dict[str, str]:
    """Each :class:`Options` field's one-line description, read from its docstring."""
    helps: dict[str, str] = {}
    current = ""
    for line in (Options.__doc__ or "").split("Attributes:", 1)[-1].splitlines():
        match = re.match(r"^\s{8}(\w+): (.*)$", line)
        if match:
            current = match.group(1)
            helps[current] = match.group(2)
        elif current and line.strip():
            helps[current] += " " + line.strip()
        else:
            current = ""
    return helps


def _option_for(field: dataclasses.Field[Any], hint: Any, help_text: str) -> Callable[[F], F]:
    flag = "--" + field.name.replace("_", "-")
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is bool:
        default = "on" if field.default else "off"
        return click.option(f"{flag}/--no-{flag[2:]}", field.name, default=None,
                            help=f"{help_text} [default: {default}]")
    if origin is typing.Literal:
        return click.option(flag, field.name, type=click.Choice([str(a) for a in args]),
                            default=None, help=f"{help_text} [default: {field.default}]")
    base = next((a for a in args if a is not type(None)), hint)
    kind: Any = {datetime: DATETIME, int: int, str: str}.get(base, str)
    return click.option(flag, field.name, type=kind, default=None, help=help_text)


def cleaning_options(func: F) -> F:
    """Add one command-line option per :class:`Options` field to a click command."""
    hints = typing.get_type_hints(Options)
    helps = option_help()
    for field in reversed(dataclasses.fields(Options)):
        func = _option_for(field, hints[field.name], helps.get(field.name, ""))(func)
    return func


def options_from(params: Mapping[str, Any]) -> Options:
    """The :class:`Options` for the cleaning options given on the command line."""
    names = {f.name for f in dataclasses.fields(Options)}
    return Options(**{k: v for k, v in params.items() if k in names and v is not None})
