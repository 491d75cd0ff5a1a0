"""The systems under test: cleaner and its peers, each a function from one page to a
:class:`Prediction`.

A system reads one of three things (``reads``):

* ``"html"`` -- the original page bytes (cleaner on HTML, trafilatura, jusText, ...);
* ``"dump"`` -- the text dump of the run's input (cleaner on text, the raw dump);
* ``"wrapped"`` -- the dump with each non-blank line wrapped as ``<p>``, for HTML extractors
  that cannot read text (``trafilatura-p``, ``justext-p``).

Peer settings follow the published evaluations: trafilatura as in its ``tests/eval_common.py``
(``include_comments=False, include_tables=True, include_formatting=False``), jusText with the
parameters of the article-extraction-benchmark and trafilatura comparison scripts.
"""

from __future__ import annotations

import dataclasses
import html as html_lib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Literal

from benchmarks.corpus import Input, Page

__all__ = [
    "SYSTEMS",
    "Prediction",
    "System",
    "available",
    "default_systems",
    "system_input",
    "wrap_lines",
]

Reads = Literal["html", "dump", "wrapped"]

#: Bump when an adapter below changes what it returns, to invalidate cached peer results.
ADAPTER_VERSION = "1"

#: trafilatura settings of its own evaluation (tests/eval_common.py ``EXTRACT_OPTS``).
TRAFILATURA_OPTS: Mapping[str, bool] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
}
#: jusText positional parameters used by the article-extraction-benchmark and trafilatura's
#: comparison scripts: length_low, length_high, stopwords_low, stopwords_high,
#: max_link_density, max_heading_distance, no_headings.
JUSTEXT_PARAMS = (50, 200, 0.1, 0.2, 0.2, 200, True)
#: jusText stoplist per corpus (English for WCXB, German as trafilatura's own comparison).
JUSTEXT_STOPLIST = {"wcxb-dev": "English", "trafilatura-eval": "German"}
JUSTEXT_DEFAULT_STOPLIST = "English"
#: The metadata fields scored for accuracy.
ALL_META = ("title", "author", "date")


@dataclass(frozen=True, slots=True)
class Prediction:
    """What a system returned for one page (``None`` where it gives no such value)."""

    text: str | None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "text": self.text,
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "error": self.error,
        }


Runner = Callable[[str | bytes, Page], Prediction]


@dataclass(frozen=True, slots=True)
class System:
    """One system: its name, what it reads, how to run it, which package it wraps and which
    metadata fields it returns (only those are scored)."""

    name: str
    reads: Reads
    run: Runner
    package: str | None
    metadata: frozenset[str]
    label: str
    #: What the speed run times, when not ``run`` (trafilatura: ``extract()`` alone, the
    #: published configuration, without the separate metadata pass).
    timed: Runner | None = None

    def version(self) -> str:
        """Package version plus adapter version (the cache key part)."""
        if self.package is None:
            return f"adapter{ADAPTER_VERSION}"
        try:
            return f"{version(self.package)}+adapter{ADAPTER_VERSION}"
        except PackageNotFoundError:
            return f"missing+adapter{ADAPTER_VERSION}"


def wrap_lines(dump: str) -> str:
    """Wrap each non-blank line of a text dump as an HTML paragraph.

    >>> wrap_lines("Title\\n\\n  a < b  \\n")
    '<html><head><meta charset="utf-8"></head><body><p>Title</p>\\n<p>a &lt; b</p></body></html>'
    """
    paras = "\n".join(
        f"<p>{html_lib.escape(line.strip(), quote=False)}</p>"
        for line in dump.splitlines()
        if line.strip()
    )
    return f'<html><head><meta charset="utf-8"></head><body>{paras}</body></html>'


def system_input(system: System, page: Page) -> str | bytes:
    """The document ``system`` reads for ``page`` (HTML bytes, dump text or wrapped dump)."""
    if system.reads == "html":
        return page.html
    dump = page.dump or ""
    return dump if system.reads == "dump" else wrap_lines(dump)


def _joined_authors(authors: tuple[str, ...], byline: str | None) -> str | None:
    return ", ".join(authors) if authors else byline


def _run_cleaner(source: str | bytes, page: Page) -> Prediction:
    from cleaner import clean

    article = clean(source, url=page.url, kind="html" if isinstance(source, bytes) else "text")
    return Prediction(
        text=article.text,
        title=article.title,
        author=_joined_authors(article.authors, article.byline),
        date=article.date,
    )


def _run_cleaner_without_url(source: str | bytes, page: Page) -> Prediction:
    """cleaner as a user without the page's address runs it (no ``url``): the title and
    date rankers read the address when they have it."""
    return _run_cleaner(source, dataclasses.replace(page, url=None))


def _run_raw(source: str | bytes, page: Page) -> Prediction:
    text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
    return Prediction(text=text)


def _trafilatura_text(source: str | bytes, page: Page, *, fast: bool) -> str | None:
    import trafilatura

    text: str | None = trafilatura.extract(
        source,
        url=page.url,
        fast=fast,
        include_comments=TRAFILATURA_OPTS["include_comments"],
        include_tables=TRAFILATURA_OPTS["include_tables"],
        include_formatting=TRAFILATURA_OPTS["include_formatting"],
    )
    return text


def _trafilatura_metadata(source: str | bytes, page: Page) -> Prediction:
    import trafilatura

    tree = trafilatura.load_html(source)
    if tree is None:
        return Prediction(text=None)
    meta = trafilatura.extract_metadata(tree, default_url=page.url)
    return Prediction(text=None, title=meta.title, author=meta.author, date=meta.date)


def _run_trafilatura(source: str | bytes, page: Page) -> Prediction:
    meta = _trafilatura_metadata(source, page)
    return Prediction(
        text=_trafilatura_text(source, page, fast=False),
        title=meta.title,
        author=meta.author,
        date=meta.date,
    )


def _run_trafilatura_fast(source: str | bytes, page: Page) -> Prediction:
    return Prediction(text=_trafilatura_text(source, page, fast=True))


def _time_trafilatura(source: str | bytes, page: Page) -> Prediction:
    return Prediction(text=_trafilatura_text(source, page, fast=False))


def _run_justext(source: str | bytes, page: Page) -> Prediction:
    import justext

    stoplist = justext.get_stoplist(JUSTEXT_STOPLIST.get(page.corpus, JUSTEXT_DEFAULT_STOPLIST))
    paragraphs = justext.justext(source, stoplist, *JUSTEXT_PARAMS)
    return Prediction(text="\n".join(p.text for p in paragraphs if not p.is_boilerplate))


def _run_readability(source: str | bytes, page: Page) -> Prediction:
    import lxml.html
    from readability import Document

    doc = Document(source, url=page.url)
    summary = doc.summary(html_partial=True)
    text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    return Prediction(text=text, title=doc.short_title() or None)


def _run_resiliparse(source: str | bytes, page: Page) -> Prediction:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    data = source if isinstance(source, bytes) else source.encode("utf-8")
    tree = HTMLTree.parse_from_bytes(data, detect_encoding(data) or "utf-8")
    return Prediction(text=extract_plain_text(tree, main_content=True))


def _system(
    name: str,
    reads: Reads,
    run: Runner,
    package: str | None,
    label: str,
    meta: tuple[str, ...] = (),
    timed: Runner | None = None,
) -> System:
    return System(name, reads, run, package, frozenset(meta), label, timed)


#: Every known system, by name. ``-p`` systems read the dump wrapped as ``<p>`` lines.
SYSTEMS: Mapping[str, System] = {
    s.name: s
    for s in (
        _system("cleaner", "dump", _run_cleaner, None, "cleaner", meta=ALL_META),
        _system("cleaner-no-url", "dump", _run_cleaner_without_url, None,
                "cleaner without the page URL", meta=ALL_META),
        _system("cleaner-html", "html", _run_cleaner, None, "cleaner (HTML)", meta=ALL_META),
        _system("raw", "dump", _run_raw, None, "raw dump"),
        _system("trafilatura", "html", _run_trafilatura, "trafilatura", "trafilatura (HTML)",
                meta=ALL_META, timed=_time_trafilatura),
        _system("trafilatura-fast", "html", _run_trafilatura_fast, "trafilatura",
                "trafilatura fast (HTML)"),
        _system("justext", "html", _run_justext, "jusText", "jusText (HTML)"),
        _system("readability", "html", _run_readability, "readability-lxml",
                "readability-lxml (HTML)", meta=("title",)),
        _system("resiliparse", "html", _run_resiliparse, "resiliparse", "resiliparse (HTML)"),
        _system("trafilatura-p", "wrapped", _run_trafilatura, "trafilatura",
                "trafilatura (dump as <p>)", meta=ALL_META, timed=_time_trafilatura),
        _system("justext-p", "wrapped", _run_justext, "jusText", "jusText (dump as <p>)"),
    )
}

#: Systems of a run per input: on HTML cleaner meets the HTML extractors; on a dump cleaner
#: meets the raw dump, the HTML extractors on the original HTML, and the same extractors on
#: the dump wrapped as paragraphs.
DEFAULT_SYSTEMS: Mapping[str, tuple[str, ...]] = {
    "html": ("cleaner-html", "trafilatura", "trafilatura-fast", "justext", "readability",
             "resiliparse"),
    "dump": ("cleaner", "cleaner-no-url", "raw", "trafilatura", "justext", "trafilatura-p", "justext-p"),
}


def available(system: System) -> bool:
    """True when the package the system wraps is installed."""
    if system.package is None:
        return True
    try:
        version(system.package)
    except PackageNotFoundError:
        return False
    return True


def default_systems(input_: Input) -> tuple[str, ...]:
    """The installed default systems for ``input_``."""
    names = DEFAULT_SYSTEMS["html" if input_ == "html" else "dump"]
    return tuple(n for n in names if available(SYSTEMS[n]))


def resolve_systems(names: str | None, input_: Input) -> tuple[System, ...]:
    """Systems named in a comma list (``cleaner`` means ``cleaner-html`` on HTML input)."""
    if not names:
        return tuple(SYSTEMS[n] for n in default_systems(input_))
    out = []
    for name in (n.strip() for n in names.split(",") if n.strip()):
        if name == "cleaner" and input_ == "html":
            name = "cleaner-html"
        if name not in SYSTEMS:
            raise SystemExit(f"unknown system {name!r}; known: {', '.join(SYSTEMS)}")
        system = SYSTEMS[name]
        if system.reads != "html" and input_ == "html":
            raise SystemExit(f"system {name!r} reads a text dump; choose --input w3m or lynx")
        out.append(system)
    return tuple(out)


def predict(system: System, page: Page) -> Prediction:
    """Run ``system`` on ``page``; an exception becomes an empty prediction with its error
    (a crash counts as a full miss, as in trafilatura's evaluation)."""
    try:
        return system.run(system_input(system, page), page)
    except Exception as exc:  # a peer's crash is a result, not a harness failure
        return Prediction(text=None, error=f"{type(exc).__name__}: {exc}"[:300])
