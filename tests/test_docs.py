"""The generated documentation pages stay in step with the code."""

from __future__ import annotations

from cleaner.rules import catalogue_markdown
from tests.conftest import ROOT


def test_rules_page_is_generated_from_the_registry() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == catalogue_markdown()
