"""The ``cleaner`` command line: ``cleaner clean`` and ``cleaner explain``."""

from __future__ import annotations

from cleaner.cli.app import main

__all__ = ["main"]
