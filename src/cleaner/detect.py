"""Stage 3: is the document HTML or a text dump? The answer carries its evidence.

>>> detect_kind("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
('html', 'doctype/html tag')
>>> detect_kind("Title\\n\\n  • Menu item\\nBody text.")
('text', 'few tags')
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["detect_kind"]

#: How much of the start of the document is inspected.
SNIFF_CHARS = 4096
#: A document without a doctype/<html> is HTML when at least this many block-level tags
#: appear in the sniffed prefix (a dump that quotes one tag stays text).
MIN_BLOCK_TAGS = 3

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(r"<(?:html|head|body)\b[^>]*>", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|span|a|br|meta|script|table|li|ul|h[1-6]|article|section)\b[^>]*>", re.IGNORECASE
)


def detect_kind(text: str) -> tuple[Literal["html", "text"], str]:
    """Return ``("html" | "text", evidence)`` for the document."""
    head = text[:SNIFF_CHARS]
    if _HTML_START.match(head):
        return "html", "doctype/html tag"
    if _HTML_ANYWHERE.search(head):
        return "html", "html/head/body tag"
    if len(_BLOCK_TAG.findall(head)) >= MIN_BLOCK_TAGS:
        return "html", "block tags"
    return "text", "few tags"
