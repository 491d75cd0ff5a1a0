"""Hypothesis strategies for realistic page dumps and for junk."""

from __future__ import annotations

from hypothesis import strategies as st

SENTENCES = (
    "The council approved the new budget after a long debate on Tuesday evening.",
    "Residents said the road had been closed for weeks without any explanation.",
    "Der Stadtrat hat den neuen Haushalt nach einer langen Debatte am Dienstag beschlossen.",
    "Die Anwohner sagten, die Straße sei seit Wochen ohne Erklärung gesperrt gewesen.",
    "Le conseil a approuvé le nouveau budget après un long débat mardi soir.",
    "Los vecinos dijeron que la carretera llevaba semanas cerrada sin explicación.",
    "“We have waited long enough,” said one shop owner whose business depends on it.",
    "Prices rose by 3.4% in October, more than analysts had expected a month ago.",
)
WORDS = ("News", "Politics", "Sport", "Kultur", "Wirtschaft", "Économie", "Video", "Live", "Home")

paragraph = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(" ".join)
menu = st.lists(st.sampled_from(WORDS), min_size=2, max_size=8).map(
    lambda items: "\n".join(f"  • {w}" for w in items)
)
ticker = st.lists(st.sampled_from(SENTENCES), min_size=2, max_size=4).map(
    lambda items: "BREAKING\n" + "\n".join(items)
)
share_row = st.sampled_from(
    [
        "  • By Jane Doe\n  • 4 Nov 2025 17:37\n  • 2 Shares",
        "3 Min Read",
        "Listen",
        "13 Views",
        "0 Votes: 0 Upvotes, 0 Downvotes (0 Points)",
    ]
)
promo = st.sampled_from(WORDS).map(lambda w: f"Read more: {w} story of the day")
heading = st.sampled_from(["What happens next", "The background", "Hintergrund", "Réactions"])
footer = st.sampled_from(
    ["All Rights Reserved", "  • Privacy Policy\n  • About Us", "Android\niOS"]
)
piece = st.one_of(paragraph, paragraph, paragraph, menu, ticker, share_row, promo, heading, footer)
dump = st.lists(piece, min_size=1, max_size=14).map("\n\n".join)
article_dump = st.tuples(
    st.lists(st.one_of(menu, share_row), max_size=3),
    st.lists(st.one_of(paragraph, paragraph, heading), min_size=3, max_size=10),
    st.lists(st.one_of(menu, footer, promo), max_size=3),
).map(lambda parts: "\n\n".join([*parts[0], "A headline for the story", *parts[1], *parts[2]]))
html_page = st.lists(st.one_of(paragraph, heading), min_size=1, max_size=8).map(
    lambda ps: (
        "<html><body><nav><a href='/'>Home</a></nav><article>"
        + "".join(f"<p>{p}</p>" for p in ps)
        + "</article><footer>All Rights Reserved</footer></body></html>"
    )
)
junk_text = st.text(max_size=2000)
junk_bytes = st.binary(max_size=2000)


# --- Pages as typed pieces, rendered both as HTML and as a text dump; dated pages; junk ---
# (appended below the original strategies, hence the imports here)

import json  # noqa: E402
from datetime import date  # noqa: E402

# (kind, text) pieces; kinds: para, heading, menu, ticker, share, promo, footer
_PIECE_KINDS = st.one_of(
    paragraph.map(lambda t: ("para", t)),
    paragraph.map(lambda t: ("para", t)),
    heading.map(lambda t: ("heading", t)),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=8).map(lambda w: ("menu", "\n".join(w))),
    st.lists(st.sampled_from(SENTENCES), min_size=2, max_size=3).map(
        lambda s: ("ticker", "\n".join(s))
    ),
    st.sampled_from(["2 Shares", "3 Min Read", "Listen", "13 Views"]).map(lambda t: ("share", t)),
    st.sampled_from(WORDS).map(lambda w: ("promo", f"Read more: {w} story of the day")),
    st.sampled_from(["All Rights Reserved", "Privacy Policy", "About Us"]).map(
        lambda t: ("footer", t)
    ),
)
pieces = st.lists(_PIECE_KINDS, min_size=1, max_size=12)


def render_dump(parts: list[tuple[str, str]]) -> str:
    """The pieces as a w3m-style dump: bullets for menus, a label for tickers."""
    out = []
    for kind, text in parts:
        if kind == "menu":
            out.append("\n".join(f"  • {w}" for w in text.split("\n")))
        elif kind == "ticker":
            out.append("BREAKING\n" + text)
        else:
            out.append(text)
    return "\n\n".join(out)


def render_html(parts: list[tuple[str, str]]) -> str:
    """The same pieces as an HTML page: nav lists, widgets, headings, paragraphs, footer."""
    tags = {
        "para": "p",
        "heading": "h2",
        "share": "div class='share'",
        "promo": "p class='promo'",
        "footer": "footer",
        "ticker": "div class='ticker'",
    }
    out = []
    for kind, text in parts:
        if kind == "menu":
            items = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in text.split("\n"))
            out.append(f"<nav><ul>{items}</ul></nav>")
        else:
            tag = tags[kind]
            body = "<br>".join(text.split("\n"))
            out.append(f"<{tag}>{body}</{tag.split()[0]}>")
    return (
        "<!DOCTYPE html><html><head><title>Page</title></head><body>"
        + "".join(out)
        + "</body></html>"
    )


page_forms = pieces.flatmap(lambda p: st.sampled_from([render_dump(p), render_html(p)]))

# Dates as pages write them, valid or not, past or future, absolute or relative.
_DAY = st.dates(min_value=date(1980, 1, 1), max_value=date(2045, 12, 31))
date_text = st.one_of(
    st.tuples(
        _DAY,
        st.sampled_from(
            [
                "%Y-%m-%d",
                "%d %B %Y",
                "%B %d, %Y",
                "%d.%m.%Y",
                "%m/%d/%Y",
                "%Y/%m/%d 17:37",
                "%Y-%m-%dT10:00:00+05:00",
                "%d %b %Y, %H:%M",
                "%A, %d %B %Y",
            ]
        ),
    ).map(lambda dt: dt[0].strftime(dt[1])),
    st.tuples(
        st.integers(0, 10**12),
        st.sampled_from(["days", "weeks", "months", "years", "hours", "minutes"]),
    ).map(lambda nu: f"{nu[0]} {nu[1]} ago"),
    st.sampled_from(
        [
            "31 February 2025",
            "2025-13-45",
            "0000-00-00",
            "29 Feb 2023",
            "vor 3 Tagen",
            "vor einem Jahr",
            "yesterday",
            "9999-12-31",
            "0001-01-01",
            "2025-02-29T25:61:00Z",
        ]
    ),
)


def _dated_dump(parts: tuple[str, str, list[str]]) -> str:
    title, day, body = parts
    return "\n\n".join([title, "By Jane Doe", f"Published {day}", *body])


def _dated_html(parts: tuple[str, str, list[str]]) -> str:
    title, day, body = parts
    ld = json.dumps({"@type": "NewsArticle", "datePublished": day})
    return (
        f"<html><head><title>{title}</title>"
        f"<meta property='article:published_time' content='{day}'>"
        f"<script type='application/ld+json'>{ld}</script></head><body><article>"
        f"<h1>{title}</h1><time datetime='{day}'>{day}</time>"
        + "".join(f"<p>{p}</p>" for p in body)
        + "</article></body></html>"
    )


_dated_parts = st.tuples(heading, date_text, st.lists(paragraph, min_size=2, max_size=5))
dated_page = st.one_of(_dated_parts.map(_dated_dump), _dated_parts.map(_dated_html))

# Junk spliced into realistic pages: controls, NUL, lone surrogates, BOMs, stray markup.
junk_piece = st.one_of(
    st.sampled_from(
        [
            "\x00",
            "\x01",
            "\x1b[31m",
            "\x7f",
            "\x85",
            "\ud800",
            "\udfff",
            "\ufeff",
            "\u200b",
            "\u2028",
            "\r",
            "<",
            ">",
            "&",
            "&#0;",
            "&#xD800;",
            "<!--",
            "<script>",
            "</p>",
            "<![CDATA[",
            "\t" * 50,
        ]
    ),
    st.text(max_size=5),
)
spliced = st.tuples(
    st.one_of(dump, page_forms), st.lists(st.tuples(st.integers(0, 5000), junk_piece), max_size=8)
).map(lambda dj: _splice(*dj))


def _splice(document: str, junk: list[tuple[int, str]]) -> str:
    for position, piece in sorted(junk, reverse=True):
        cut = position % (len(document) + 1)
        document = document[:cut] + piece + document[cut:]
    return document


#: Encodings a page may arrive in, with or without a byte-order mark.
wire_encoding = st.sampled_from(
    ["utf-8", "utf-8-sig", "utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]
)
