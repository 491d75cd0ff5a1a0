"""Stage 1: bytes to text, recording which encoding was used and why.

Order of evidence: a byte-order mark, then a charset declared in the first bytes of an HTML
page (``<meta charset>``, ``http-equiv``, XML declaration) when it actually decodes, then
strict UTF-8, then charset-normalizer's best guess, and as a last resort cp1252 with
replacement characters (nothing is dropped silently).

>>> decode("caf\\u00e9".encode("utf-8")).encoding
'utf-8'
>>> decode("caf\\u00e9".encode("utf-16")).text
'café'
>>> d = decode(b'<meta charset="windows-1251">' + "Привет мир".encode("cp1251"))
>>> (d.text[-10:], d.encoding, d.evidence)
('Привет мир', 'cp1251', 'declared')
"""

from __future__ import annotations

import codecs
import dataclasses
import re

import charset_normalizer

__all__ = ["Decoded", "decode"]

#: How far into the page to look for a declared charset (the HTML spec says 1024 bytes;
#: real pages put long scripts before <meta>, so we read further).
DECLARATION_SCAN_BYTES = 8192
#: Code pages of DOS and old Macs: statistically plausible for a few accented bytes, almost
#: never what a web page was written in. When charset-normalizer guesses one of them for a
#: text with at most MAX_LATIN_HIGH_SHARE of its bytes above 0x7F, windows-1252 (the web's
#: default) is used instead: accents and typographic quotes in Western text are a few
#: percent of bytes, while Cyrillic, Greek or CJK text is mostly high bytes.
MAX_LATIN_HIGH_SHARE = 0.08
_DOS_CODEPAGES = frozenset(
    {
        "cp437",
        "cp737",
        "cp775",
        "cp850",
        "cp852",
        "cp855",
        "cp857",
        "cp858",
        "cp860",
        "cp861",
        "cp862",
        "cp863",
        "cp865",
        "cp866",
        "cp869",
        "cp1006",
        "cp1125",
        "mac_roman",
        "mac_latin2",
        "mac_iceland",
        "mac_turkish",
    }
)
#: Past this size, charset-normalizer sees only a sample (it is linear but slow on huge input).
DETECTION_SAMPLE_BYTES = 200_000
#: UTF-16/32 without a BOM: the high bytes of text in one script are C0 control bytes (NUL
#: for Latin, 0x04 for Cyrillic, 0x05 Hebrew, 0x06 Arabic) and sit in fixed positions mod 4.
#: A position class counts as "high bytes" when at least this share of it is below 0x20 ...
WIDE_HIGH_SHARE = 0.6
#: ... and as "low bytes" when at most this share is (Cyrillic low bytes are 0x10-0x4F, so a
#: third of them are below 0x20). Text in UTF-8 or an 8-bit encoding spreads its few control
#: bytes evenly, so it never shows the pattern; it is often valid UTF-8 all the same (Cyrillic
#: UTF-16 is), so this check runs before strict UTF-8.
WIDE_LOW_SHARE = 0.45
#: Bytes of the sample the wide-encoding check looks at.
WIDE_SAMPLE_BYTES = 4000
#: (encoding, positions mod 4 holding high bytes, positions holding low bytes).
_WIDE_LAYOUTS = (
    ("utf-32-le", (2, 3), (0,)),
    ("utf-32-be", (0, 1), (3,)),
    ("utf-16-le", (1, 3), (0, 2)),
    ("utf-16-be", (0, 2), (1, 3)),
)
_C0 = bytes(range(0x20))

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_:.\-]+)""",
    re.IGNORECASE,
)
#: Labels that browsers treat as another encoding (WHATWG Encoding Standard).
_BROWSER_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-sjis": "shift_jis",
    "shift-jis": "shift_jis",
}


@dataclasses.dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text with the encoding used and the evidence for it
    (``bom``, ``declared``, ``utf-8``, ``detected``, ``fallback`` or ``str`` for text input)."""

    text: str
    encoding: str | None
    evidence: str


def _declared_encoding(data: bytes) -> str | None:
    match = _DECLARED.search(data[:DECLARATION_SCAN_BYTES])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "replace").lower()
    label = _BROWSER_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16/32 without BOM shows as control bytes in every other (or 3 of 4) positions.

    >>> _utf16_without_bom("Привет, мир! Как дела?".encode("utf-16-le"))
    'utf-16-le'
    >>> [_utf16_without_bom("Hello, world".encode(e)) for e in ("utf-16-be", "utf-32-be")]
    ['utf-16-be', 'utf-32-be']
    >>> _utf16_without_bom(b"abc\\x00\\x01" * 20) is None
    True
    """
    sample = data[:WIDE_SAMPLE_BYTES]
    sample = sample[: len(sample) - len(sample) % 4]
    if len(sample) < 4:
        return None
    quarter = len(sample) // 4
    share = [(quarter - len(sample[r::4].translate(None, _C0))) / quarter for r in range(4)]
    for enc, high, low in _WIDE_LAYOUTS:
        if any(share[r] < WIDE_HIGH_SHARE for r in high) or any(
            share[r] > WIDE_LOW_SHARE for r in low
        ):
            continue
        text = sample.decode(enc, "replace")
        if text and sum(ch.isprintable() or ch.isspace() for ch in text[:2000]) > 0.95 * min(
            len(text), 2000
        ):
            return enc
    return None


def _mostly_latin(data: bytes) -> bool:
    """Few bytes above 0x7F: a Western page in a legacy encoding, where the web's default
    (windows-1252) beats statistical guesses made from a handful of characters."""
    sample = data[:DETECTION_SAMPLE_BYTES]
    high = len(sample) - len(sample.translate(None, bytes(range(0x80, 0x100))))
    return high <= MAX_LATIN_HIGH_SHARE * len(sample)


def decode(data: bytes | str) -> Decoded:
    """Decode ``data`` to ``str``; a ``str`` passes through unchanged."""
    if isinstance(data, str):
        return Decoded(data, None, "str")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(enc, "replace"), enc.replace("-sig", ""), "bom")
    declared = _declared_encoding(data)
    if declared:
        try:
            return Decoded(data.decode(declared), declared, "declared")
        except UnicodeDecodeError:
            pass
    wide = _utf16_without_bom(data)
    if wide:  # the layout is the evidence; a cut-off last character becomes U+FFFD
        return Decoded(data.decode(wide, "replace"), wide, "detected")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:DETECTION_SAMPLE_BYTES]).best()
    if best is not None and best.encoding in _DOS_CODEPAGES and _mostly_latin(data):
        try:  # a DOS code page guessed from a handful of characters: the web default wins
            return Decoded(data.decode("cp1252"), "cp1252", "detected")
        except UnicodeDecodeError:
            pass
    if best is not None and best.encoding:
        enc = codecs.lookup(best.encoding).name
        return Decoded(data.decode(enc, "replace"), enc, "detected")
    return Decoded(data.decode("cp1252", "replace"), "cp1252", "fallback")
