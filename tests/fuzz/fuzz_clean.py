"""Coverage-guided fuzzing of ``clean()`` on bytes, with atheris (libFuzzer).

The first byte picks the front end (``auto``, ``html``, ``text``) and whether a reference
time is given; the rest is the document. Anything ``clean()`` raises is a crash, and so is
an article that breaks the invariants every result keeps (valid status, ISO 8601 date, no
text when empty). libFuzzer's ``-timeout`` turns a hang into a crash too.

Run from the repository root (``pip install atheris``)::

    .venv/bin/python tests/fuzz/fuzz_clean.py -max_total_time=3600 -max_len=65536 \\
        -timeout=60 -rss_limit_mb=4096 tests/fuzz/corpus

Seeds live in ``tests/fuzz/corpus`` (write them with ``--write-seeds``); libFuzzer adds
what it finds there. A crash is saved as ``crash-<sha1>``: add its bytes to
``REGRESSIONS`` in ``tests/test_fuzz.py``.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

#: The reference time used when the first byte asks for one.
FUZZ_NOW = datetime(2025, 11, 4, 12, 0)
KINDS = ("auto", "html", "text")
#: The bit of the first byte that asks for :data:`FUZZ_NOW`.
NOW_BIT = 0x10
SEEDS = Path(__file__).resolve().parent / "corpus"


def check_one(data: bytes) -> None:
    """Clean one fuzz input; raise AssertionError when the result breaks an invariant."""
    from cleaner import clean

    selector, document = (data[0], data[1:]) if data else (0, b"")
    kind = KINDS[selector % len(KINDS)]
    now = FUZZ_NOW if selector & NOW_BIT else None
    article = clean(document, kind=kind, now=now)  # type: ignore[arg-type]
    assert article.status in ("ok", "no_article", "empty"), article.status
    if article.date is not None:
        datetime.fromisoformat(article.date)
    if article.status == "empty":
        assert article.text == ""
    article.to_json()


def write_seeds() -> None:
    """A few small documents of each kind as the starting corpus."""
    from benchmarks.hostile import CASES

    SEEDS.mkdir(parents=True, exist_ok=True)
    for name, case in CASES.items():
        document = case.make(0.0005)
        raw = document if isinstance(document, bytes) else document.encode("utf-8", "replace")
        (SEEDS / f"seed-{name}").write_bytes(b"\x00" + raw[:8192])


def main() -> None:
    if "--write-seeds" in sys.argv:
        write_seeds()
        return
    import atheris

    with atheris.instrument_imports():
        import cleaner  # noqa: F401  (instrumented for coverage)
    atheris.Setup(sys.argv, check_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
