"""A structure-aware hypothesis fuzzer for clean() on bytes, and the crashes fuzzing found.

Bytes are built from pieces that reach the decoder's and parsers' corners (byte-order
marks, charset declarations, markup fragments, text in legacy and wide encodings, raw
junk). The CI profile runs a short session; ``HYPOTHESIS_PROFILE=long`` a long one. The
coverage-guided fuzzer is ``tests/fuzz/fuzz_clean.py`` (atheris); both use the same check.
"""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import strategies as s
from tests.fuzz.fuzz_clean import FUZZ_NOW, KINDS, NOW_BIT, check_one

_SENTENCE = "The council approved the new budget after a long debate on Tuesday evening. "
#: Markup that parsers and the decoder treat specially.
FRAGMENTS = (
    b"<html>", b"<body>", b"</body></html>", b"<p>", b"</p>", b"<div>", b"</div>", b"<br>",
    b"<nav><ul><li><a href='/'>Home</a></li></ul></nav>", b"<script>", b"</script>",
    b"<style>p{}</style>", b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<?xml version='1.0'?>",
    b'<meta charset="utf-16">', b'<meta charset="shift_jis">', b'<meta charset="bogus-9">',
    b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    b'<?xml version="1.0" encoding="gb18030"?>', b"<!DOCTYPE html>",
    b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>', b"&x;", b"&amp;", b"&#0;",
    b"&#x110000;", b"&nbsp;", b"<svg><path/></svg>", b"<table><tr><td>", b"<time datetime='",
    b"2025-11-04", b"3000 years ago", b"By Jane Doe", b"BREAKING", b"Most Read", b"\n\n",
    b"  \xe2\x80\xa2 ", b"http://127.0.0.1:9/", b"\x00", b"\r", b"\t",
)
text_in_some_encoding = st.tuples(
    st.one_of(s.paragraph, s.heading, st.sampled_from(["Городской совет", "市議会は", "市议会"])),
    st.sampled_from(["utf-8", "cp1252", "cp1251", "shift_jis", "gb18030", "utf-16-le",
                     "utf-16-be", "utf-32-le"]),
).map(lambda te: te[0].encode(te[1], "replace"))
boms = st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                        codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE])
fuzz_bytes = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), text_in_some_encoding, st.binary(max_size=40),
              boms, st.just(_SENTENCE.encode() * 3)),
    max_size=40,
).map(b"".join)
selectors = st.integers(0, 255).map(lambda n: bytes([n]))

#: Inputs that once crashed, hung or leaked: (selector byte + document, what was wrong).
#: The selector byte: 0x11 is the text front end with ``now``, 0x01 HTML, 0x00 auto.
REGRESSIONS: tuple[tuple[bytes, str], ...] = (
    (b"\x11Title\n\nPublished 3000 years ago\n\n" + _SENTENCE.encode() * 3,
     "OverflowError: a relative date before year 1 (fixed in metadata/dates.py)"),
    (b"\x119999999999 days ago\n\n" + _SENTENCE.encode() * 3,
     "OverflowError: Python int too large to convert to C int"),
    (b"\x00" + "Привет, мир! Как дела? ".encode("utf-16-le") * 20,
     "Cyrillic UTF-16 without BOM decoded as UTF-8 controls, text lost"),
    (b"\x01http://127.0.0.1:9/<p>a</p><p>b</p><p>c</p>",
     "htmldate downloaded the page's first 'word' (network access)"),
    (b"\x01<p>" + _SENTENCE.encode() * 3 + b"</p><?li ?><p>x</p>",
     "a processing instruction is a node whose tag is None (TypeError in a work-in-progress "
     "HTML walk; found by atheris)"),
    (b"\x01<html><body>" + b"<div>" * 20_000 + b"<p>x</p>" + b"</div>" * 20_000,
     "quadratic parse of deep nesting (20,000 levels: ~1.3 s; 100,000: over a minute)"),
)


@given(selectors, fuzz_bytes)
def test_structured_bytes(selector: bytes, document: bytes) -> None:
    check_one(selector + document)


@given(st.binary(max_size=3000))
def test_raw_bytes(data: bytes) -> None:
    check_one(data)


@pytest.mark.parametrize(("data", "problem"), REGRESSIONS,
                         ids=[problem.split(":")[0][:40] for _, problem in REGRESSIONS])
def test_regressions(data: bytes, problem: str) -> None:
    check_one(data)


def test_the_selector_byte_picks_the_front_end_and_now() -> None:
    assert [KINDS[n % len(KINDS)] for n in (0, 1, 2, 0x11)] == ["auto", "html", "text", "text"]
    assert bool(0x11 & NOW_BIT) and FUZZ_NOW.year == 2025
    for selector in (0, 1, 2, 0x11):
        check_one(bytes([selector]) + b"<p>" + _SENTENCE.encode() * 3 + b"</p>")
