"""Prove a refactor keeps output: digest ``clean(page).to_dict()`` over a corpus sample.

    python -m tools.same_output --write before.json     # on the old code
    python -m tools.same_output --compare before.json   # on the new code; exit 1 on a change

The sample is every ``DUMP_STEP``-th page's w3m and lynx dumps and every ``HTML_STEP``-th
page's HTML, of every development corpus (about 1,100 documents).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from benchmarks.corpus import iter_pages

from cleaner import Options, clean

CORPORA = ("wcxb-dev", "trafilatura-eval")
#: Every n-th page of each corpus whose dumps are cleaned.
DUMP_STEP = 6
#: Every n-th page of each corpus whose HTML is cleaned.
HTML_STEP = 8


def documents() -> Iterator[tuple[str, str | bytes, str | None]]:
    """``(key, raw document, url)`` for the sample, in a fixed order."""
    for corpus in CORPORA:
        for input_ in ("w3m", "lynx"):
            for n, page in enumerate(iter_pages(corpus, input_)):
                if n % DUMP_STEP == 0 and page.dump is not None:
                    yield f"{corpus}/{input_}/{page.id}", page.dump, page.url
        for n, page in enumerate(iter_pages(corpus, "html")):
            if n % HTML_STEP == 0:
                yield f"{corpus}/html/{page.id}", page.html, page.url


def digests() -> dict[str, str]:
    """Each sampled document's SHA-256 of its article's ``to_dict()`` JSON."""
    out = {}
    for key, raw, url in documents():
        record = clean(raw, options=Options(url=url)).to_dict()
        data = json.dumps(record, sort_keys=True, ensure_ascii=False).encode()
        out[key] = hashlib.sha256(data).hexdigest()
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the digests to this file")
    group.add_argument("--compare", type=Path, help="compare with digests written before")
    args = parser.parse_args(argv)
    now = digests()
    if args.write:
        args.write.write_text(json.dumps(now, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(now)} documents digested into {args.write}")
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    changed = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for key in changed[:20]:
        print("changed:", key)
    print(f"{len(now)} documents, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
