"""Stage 2: repair what is broken, leave correct text alone.

ftfy is slow on large text (milliseconds per kilobyte), so it runs only where
:func:`ftfy.badness.is_bad` sees mojibake, and with quote uncurling and width folding off:
curly quotes and dashes stay as the author wrote them.

>>> normalize("It\\u00e2\\u20ac\\u2122s fine")
'It’s fine'
>>> normalize("You\\u00e2\\x80\\x99re here")
'You’re here'
>>> normalize("“Quoted” — kept\\r\\nas written")
'“Quoted” — kept\\nas written'
>>> normalize("NUL\\x00 and \\ud800 lone surrogate")
'NUL and  lone surrogate'
>>> normalize("Cafe\\u0301 au lait") == "Caf\\u00e9 au lait"
True
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

__all__ = ["normalize"]

#: Mojibake is checked line by line in chunks of this many characters, so one damaged
#: line is repaired without running ftfy over a whole clean page.
REPAIR_CHUNK_CHARS = 4000

_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    unescape_html=False,
    explain=False,
)
#: The signature of UTF-8 read as Latin-1/cp1252: a lead byte shown as À-ô followed by a
#: continuation byte shown as a C1 control, Latin-1 symbol or cp1252 punctuation. ftfy's
#: own check runs only on chunks that show it (it costs ~1 ms per 4 KB).
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# C0 controls except tab and newline, DEL, lone surrogates, and the BOM: removed first.
_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufeff]")
# C1 controls: removed only after the repair, since UTF-8 read as Latin-1 shows its
# continuation bytes as C1 controls ("â\x80\x99" is a right single quote) and ftfy needs them.
_C1_CONTROLS = re.compile("[\x80-\x9f]")
#: Line separators besides CR (a pattern of one character class: the regex engine skips to
#: the next one; with the CRs replaced as strings first, 0.19 -> 0.08 ms a dump).
_OTHER_NEWLINES = re.compile("[\u2028\u2029\x85]")


def _repair(text: str) -> str:
    """Run ftfy only over the chunks that show signs of mojibake."""
    if text.isascii() or not _MOJIBAKE_HINT.search(text):
        return text
    return "".join(
        ftfy.fix_text(chunk, _FTFY_CONFIG)
        if _MOJIBAKE_HINT.search(chunk) and is_bad(chunk)
        else chunk
        for chunk in _line_chunks(text)
    )


def _line_chunks(text: str) -> list[str]:
    """Split ``text`` into pieces of about :data:`REPAIR_CHUNK_CHARS` ending at a newline."""
    chunks: list[str] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + REPAIR_CHUNK_CHARS)
        end = len(text) if end == -1 else end + 1
        chunks.append(text[start:end])
        start = end
    return chunks


def normalize(text: str) -> str:
    """Return ``text`` with mojibake repaired, NFC composed, ``\\n`` line endings, and
    control characters, lone surrogates and BOMs removed."""
    if text.isprintable() and not _MOJIBAKE_HINT.search(text):
        # no line break, control character, surrogate or BOM (none of them is printable)
        # and nothing to repair: NFC is all there is to do (a block of an HTML page)
        return unicodedata.normalize("NFC", text)
    if "\r" in text:  # CRLF, then a lone CR
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _OTHER_NEWLINES.sub("\n", text)
    text = _JUNK.sub("", text)
    text = _C1_CONTROLS.sub("", _repair(text))
    return unicodedata.normalize("NFC", text)
