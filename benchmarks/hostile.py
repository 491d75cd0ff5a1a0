"""Hostile and broken documents, generated at any scale, for the hardening tests and benchmarks.

Every case is a function ``scale -> document``: ``scale=1.0`` is the size the issue names
(a 20 MB page, 100,000-deep nesting, a million ``<br>``...), the tests use a small scale,
and :mod:`benchmarks.bench_hostile` measures time and memory at full scale. Documents are
built from fixed text and a seeded generator, so the same scale gives the same bytes.

>>> sorted(CASES)[:3]
['all-boilerplate-html', 'all-boilerplate-text', 'big-dump']
>>> len(CASES["million-br"].make(0.001))
4080
"""

from __future__ import annotations

import dataclasses
import itertools
import random
from collections.abc import Callable

__all__ = ["ARTICLE_SENTENCES", "CASES", "Case", "article_dump", "article_html"]

#: Seed of the generator behind the random cases (binary junk, tag soup).
SEED = 20251104

ARTICLE_SENTENCES = (
    "The council approved the new budget after a long debate on Tuesday evening.",
    "Residents said the road had been closed for weeks without any explanation.",
    "“We have waited long enough,” said one shop owner whose business depends on it.",
    "Prices rose by 3.4% in October, more than analysts had expected a month ago.",
)
#: The same story in the languages of the legacy-encoding cases (encoding -> sentences).
LEGACY_TEXT = {
    "cp1251": ("Городской совет утвердил новый бюджет после долгих дебатов во вторник вечером.",
               "Жители сказали, что дорога была закрыта несколько недель без объяснений.",
               "Мэр пообещал быстро ответить на вопросы владельцев магазинов района.",
               "По словам префектуры, работы должны возобновиться весной."),
    "cp1252": ("Le conseil municipal a approuvé le nouveau budget après un long débat mardi soir.",
               "Les habitants ont déclaré que la route était fermée depuis des semaines.",
               "Le maire a promis une réponse rapide aux questions des commerçants du quartier.",
               "Les travaux doivent reprendre au printemps, selon la préfecture."),
    "shift_jis": ("市議会は火曜日の夜、長い議論の末に新しい予算を承認した。",
                  "住民によると、道路は説明もないまま何週間も閉鎖されていたという。",
                  "市長は地区の商店主の質問に速やかに答えると約束した。",
                  "県によると、工事は春に再開される予定だ。"),
    "gb18030": ("市议会在星期二晚上经过长时间辩论后批准了新的预算。",
                "居民们说，这条道路在没有任何解释的情况下已经关闭了好几个星期。",
                "市长承诺将尽快回答该地区店主们提出的问题。",
                "据省政府说，工程将在春季恢复。"),
}
#: Paragraphs of the legacy-encoding cases: every ordered choice of three of the sentences.
LEGACY_ORDERS = tuple(itertools.permutations(range(4), 3))
#: Visible page sizes at scale 1.0 (the issue's numbers).
BIG_PAGE_BYTES = 20_000_000
DEEP_NESTING = 100_000
MANY_BR = 1_000_000
LONG_LINE_BYTES = 10_000_000
MENU_LINES = 200_000
SCRIPT_BYTES = 5_000_000
#: Size of the binary, soup and control-character cases at scale 1.0.
JUNK_BYTES = 2_000_000


@dataclasses.dataclass(frozen=True, slots=True)
class Case:
    """A hostile document and what the cleaner must do with it.

    Attributes:
        name: short id, used in reports and test ids.
        make: ``scale -> document``.
        kind: the ``kind`` to pass to ``clean()`` (``"auto"`` lets it sniff).
        expect_status: the status the article must have, or ``None`` when any is fine.
        expect_text: a phrase the body must contain (survived decoding and cleaning).
    """

    name: str
    make: Callable[[float], str | bytes]
    kind: str = "auto"
    expect_status: str | None = None
    expect_text: str | None = None


def _n(scale: float, full: int, minimum: int = 1) -> int:
    return max(minimum, int(full * scale))


def article_html(paragraphs: int = 6, *, title: str = "Council approves the budget") -> str:
    """A plain news page: navigation, headline, byline, body, related links, footer."""
    body = "".join(f"<p>{' '.join(ARTICLE_SENTENCES)} ({n})</p>" for n in range(paragraphs))
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
            "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
            f"<article><h1>{title}</h1><p class='byline'>By Jane Doe</p>{body}</article>"
            "<aside><h2>Most Read</h2><ul><li><a href='/x'>Another story</a></li></ul></aside>"
            "<footer>All Rights Reserved</footer></body></html>")


def article_dump(paragraphs: int = 6, *, title: str = "Council approves the budget") -> str:
    """The same page as a w3m-style text dump."""
    body = "\n\n".join(f"{' '.join(ARTICLE_SENTENCES)} ({n})" for n in range(paragraphs))
    return (f"  • Home\n  • News\n  • Sport\n\n{title}\n\nBy Jane Doe\n\n{body}\n\n"
            "Most Read\n\n  • Another story\n  • Yet another story\n\nAll Rights Reserved\n")


def _big_page(scale: float) -> str:
    paragraph = f"<p>{' '.join(ARTICLE_SENTENCES)}</p>"
    return article_html(_n(scale, BIG_PAGE_BYTES // len(paragraph.encode("utf-8"))))


def _big_dump(scale: float) -> str:
    paragraph = " ".join(ARTICLE_SENTENCES) + "\n\n"
    return article_dump(_n(scale, BIG_PAGE_BYTES // len(paragraph.encode("utf-8"))))


def _mojibake_line(scale: float) -> str:
    sentence = "It’s a café story about the council’s budget. "
    reps = _n(scale, LONG_LINE_BYTES // len(sentence.encode()))
    return "A headline\n\n" + (sentence * reps).encode("utf-8").decode("cp1252", "replace")


def _deep_inline(scale: float) -> str:
    depth = _n(scale, DEEP_NESTING)
    return "<html><body>" + "<span>" * depth + article_html(3) + "<p>x</p>" * depth


def _deep_blocks(scale: float) -> str:
    """Blocks that sit as deep as the nesting cap allows: each one's CSS path and chain of
    containers is ~256 levels long."""
    depth = _n(scale, DEEP_NESTING)
    return "<html><body>" + "<div>" * depth + article_html(3) + "<p>x</p>" * depth


def _deep_nesting(scale: float) -> str:
    depth = _n(scale, DEEP_NESTING)
    return ("<html><body>" + "<div>" * depth + article_html(3) + "</div>" * depth
            + "</body></html>")


def _deep_unclosed(scale: float) -> str:
    depth = _n(scale, DEEP_NESTING)
    return "<html><body>" + "<div><span><b>" * (depth // 3) + " ".join(ARTICLE_SENTENCES)


def _million_br(scale: float) -> str:
    return ("<html><body><p>" + " ".join(ARTICLE_SENTENCES) + "</p>"
            + "<br>" * _n(scale, MANY_BR) + "</body></html>")


def _long_line_text(scale: float) -> str:
    sentence = " ".join(ARTICLE_SENTENCES) + " "
    return "A headline\n\n" + sentence * _n(scale, LONG_LINE_BYTES // len(sentence.encode()))


def _long_line_html(scale: float) -> str:
    sentence = " ".join(ARTICLE_SENTENCES) + " "
    reps = _n(scale, LONG_LINE_BYTES // len(sentence.encode()))
    return f"<html><body><p>{sentence * reps}</p></body></html>"


def _menu_text(scale: float) -> str:
    lines = _n(scale, MENU_LINES)
    return (article_dump(2) + "\n" + "\n".join(f"  • Section {n}" for n in range(lines))
            + "\n\n" + article_dump(4))


def _link(n: int) -> str:
    return f"<li><a href='/s/{n}'>Section {n}</a></li>"


def _menu_html(scale: float) -> str:
    items = "".join(_link(n) for n in range(_n(scale, MENU_LINES)))
    return article_html(4).replace("<nav><ul>", f"<nav><ul>{items}")


def _script_style(scale: float) -> str:
    half = _n(scale, SCRIPT_BYTES // 2)
    script = ("<script>var a = '</scr' + 'ipt>'; /* <p>not text</p> */ " + "x=1;" * (half // 4)
              + "</script>")
    style = "<style>" + "p{color:red}" * (half // 12) + "</style>"
    return article_html(4).replace("<head>", "<head>" + script + style)


def _unclosed_script(scale: float) -> str:
    script = "<script>" + "var x = 1;" * _n(scale, JUNK_BYTES // 10)
    return article_html(3).replace("</body>", script)


def _tag_soup(scale: float) -> str:
    rng = random.Random(SEED)
    pieces = ("<div", "<p>", "</p>", "<a href='", "'>", "<!--", "-->", "<![CDATA[", "]]>", "<",
              ">", "</", "&amp", "&#x", "&#99999999;", "<table><tr><td>", "</div></div>",
              "<script>", "</style>", "<?xml ", "<!DOCTYPE", "\"", "'", " ", "word ", "\n",
              *ARTICLE_SENTENCES)
    count = _n(scale, JUNK_BYTES // 8)
    return "".join(rng.choice(pieces) for _ in range(count))


def _binary(scale: float) -> bytes:
    return random.Random(SEED).randbytes(_n(scale, JUNK_BYTES))


def _controls(scale: float) -> str:
    rng = random.Random(SEED)
    text = article_dump(_n(scale, JUNK_BYTES // 500, 3))
    controls = [chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0xFEFF, 0x200B)]
    return "".join(ch + (rng.choice(controls) if rng.random() < 0.1 else "") for ch in text)


def _surrogates(scale: float) -> str:
    rng = random.Random(SEED)
    text = article_dump(_n(scale, JUNK_BYTES // 500, 3))
    lone = ("\ud800", "\udfff", "\udc80", "\ud83d")
    return "".join(ch + (rng.choice(lone) if rng.random() < 0.05 else "") for ch in text)


def _encoded(encoding: str, *, html: bool) -> Callable[[float], bytes]:
    def make(scale: float) -> bytes:
        paragraphs = _n(scale, 2_000, 4)
        doc = article_html(paragraphs) if html else article_dump(paragraphs)
        return doc.encode(encoding)
    return make


def _legacy(encoding: str, language: str | None = None) -> Callable[[float], bytes]:
    """Paragraphs in the language of ``language`` (default: of ``encoding``), encoded."""
    def make(scale: float) -> bytes:
        sentences = LEGACY_TEXT[language or encoding]
        body = "\n\n".join(
            " ".join(sentences[i] for i in LEGACY_ORDERS[n % len(LEGACY_ORDERS)])
            for n in range(_n(scale, 2_000, 6))
        )
        return f"{sentences[0][:12]}\n\n{body}\n".encode(encoding)
    return make


def _mojibake(scale: float) -> str:
    text = article_dump(_n(scale, 2_000, 3)).replace("The council", "The café council")
    return text.encode("utf-8").decode("cp1252", "replace")


def _boilerplate_text(scale: float) -> str:
    lines = _n(scale, 20_000, 20)
    return ("BREAKING\nMarkets fall\n\n" + "\n".join(f"  • Section {n}" for n in range(lines))
            + "\n\nMost Read\n\n  • Another story\n\n2 Shares\n\nAll Rights Reserved\n")


def _boilerplate_html(scale: float) -> str:
    items = "".join(_link(n) for n in range(_n(scale, 20_000, 20)))
    return (f"<html><body><nav><ul>{items}</ul></nav><aside>Most Read</aside>"
            "<footer>All Rights Reserved · Privacy Policy</footer></body></html>")


def _whitespace(scale: float) -> str:
    return " \t\n\r\u00a0\u3000\u2028" * _n(scale, JUNK_BYTES // 7)


_CAFE = "The café council approved"
_BODY = "The council approved"
_CASES: tuple[Case, ...] = (
    Case("empty-str", lambda _: "", expect_status="empty"),
    Case("empty-bytes", lambda _: b"", expect_status="empty"),
    Case("whitespace", _whitespace, expect_status="empty"),
    Case("random-binary", _binary),
    Case("control-chars", _controls, expect_text=_BODY),
    Case("lone-surrogates", _surrogates, expect_text=_BODY),
    Case("utf16-bom-html", _encoded("utf-16", html=True), expect_text=_BODY),
    Case("utf16le-no-bom-html", _encoded("utf-16-le", html=True), expect_text=_BODY),
    Case("utf16be-no-bom-text", _encoded("utf-16-be", html=False), expect_text=_BODY),
    Case("utf32-bom-text", _encoded("utf-32", html=False), expect_text=_BODY),
    Case("utf32le-no-bom-html", _encoded("utf-32-le", html=True), expect_text=_BODY),
    Case("utf16le-no-bom-cyrillic", _legacy("utf-16-le", "cp1251"),
         expect_text=LEGACY_TEXT["cp1251"][1][:20]),
    Case("utf32be-no-bom-cyrillic", _legacy("utf-32-be", "cp1251"),
         expect_text=LEGACY_TEXT["cp1251"][1][:20]),
    *(Case(f"legacy-{enc}", _legacy(enc), expect_text=LEGACY_TEXT[enc][1][:20])
      for enc in LEGACY_TEXT),
    Case("mojibake", _mojibake, expect_text=_CAFE),
    Case("mojibake-long-line", _mojibake_line, expect_text="It’s a café story"),
    Case("big-page", _big_page, expect_status="ok", expect_text=_BODY),
    Case("big-dump", _big_dump, expect_status="ok", expect_text=_BODY),
    Case("deep-nesting", _deep_nesting, expect_status="ok", expect_text=_BODY),
    Case("deep-unclosed", _deep_unclosed),
    Case("deep-inline", _deep_inline),
    Case("deep-blocks", _deep_blocks, expect_status="ok", expect_text=_BODY),
    Case("million-br", _million_br),
    Case("long-line-text", _long_line_text, expect_status="ok", expect_text=_BODY),
    Case("long-line-html", _long_line_html, expect_status="ok", expect_text=_BODY),
    Case("menu-lines-text", _menu_text, expect_text=_BODY),
    Case("menu-items-html", _menu_html, expect_text=_BODY),
    Case("big-script-style", _script_style, expect_status="ok", expect_text=_BODY),
    Case("unclosed-script", _unclosed_script),
    Case("tag-soup", _tag_soup),
    Case("all-boilerplate-text", _boilerplate_text, kind="text", expect_status="no_article"),
    Case("all-boilerplate-html", _boilerplate_html, expect_status="no_article"),
)
#: The cases by name.
CASES: dict[str, Case] = {case.name: case for case in _CASES}
