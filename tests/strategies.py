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
share_row = st.sampled_from(["  • By Jane Doe\n  • 4 Nov 2025 17:37\n  • 2 Shares", "3 Min Read",
                             "Listen", "13 Views", "0 Votes: 0 Upvotes, 0 Downvotes (0 Points)"])
promo = st.sampled_from(WORDS).map(lambda w: f"Read more: {w} story of the day")
heading = st.sampled_from(["What happens next", "The background", "Hintergrund", "Réactions"])
footer = st.sampled_from(["All Rights Reserved", "  • Privacy Policy\n  • About Us", "Android\niOS"])
piece = st.one_of(paragraph, paragraph, paragraph, menu, ticker, share_row, promo, heading, footer)
dump = st.lists(piece, min_size=1, max_size=14).map("\n\n".join)
article_dump = st.tuples(st.lists(st.one_of(menu, share_row), max_size=3),
                         st.lists(st.one_of(paragraph, paragraph, heading), min_size=3, max_size=10),
                         st.lists(st.one_of(menu, footer, promo), max_size=3)).map(
    lambda parts: "\n\n".join([*parts[0], "A headline for the story", *parts[1], *parts[2]])
)
html_page = st.lists(st.one_of(paragraph, heading), min_size=1, max_size=8).map(
    lambda ps: "<html><body><nav><a href='/'>Home</a></nav><article>"
    + "".join(f"<p>{p}</p>" for p in ps) + "</article><footer>All Rights Reserved</footer></body></html>"
)
junk_text = st.text(max_size=2000)
junk_bytes = st.binary(max_size=2000)
