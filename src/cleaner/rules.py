"""The rules catalogue: every reason a block can be removed, with an example.

Each removal in :attr:`cleaner.Article.removed` names one of these ids. The catalogue is
data, so the documentation lists it and the tests check that layers only use registered
ids.

>>> RULES["promos.read-more"].layer
'promos'
>>> all(rule.id.startswith(rule.layer + ".") for rule in RULES.values())
True
"""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

__all__ = ["RULES", "Rule", "catalogue_markdown", "rule"]


@dataclasses.dataclass(frozen=True, slots=True)
class Rule:
    """A registered reason for removing a block."""

    id: str
    layer: str
    summary: str
    example: str


_CATALOGUE: tuple[Rule, ...] = (
    Rule(
        "html.boilerplate-element",
        "html",
        "Structural boilerplate elements: nav, aside, footer, forms, dialogs, hidden elements, "
        "and elements whose class or id names a menu, share bar, cookie banner, comments or ads.",
        '<nav class="main-menu">…</nav>',
    ),
    Rule(
        "html.not-main-content",
        "html",
        "A block the main-content extractor left out of the article.",
        "<div class='sidebar-teaser'>Most popular this week …</div>",
    ),
    Rule(
        "html.hidden",
        "html",
        "Elements hidden from readers: the hidden attribute, aria-hidden, display:none, and "
        "classes such as hidden, d-none, sr-only.",
        '<div class="visually-hidden">Skip to content</div>',
    ),
    Rule(
        "html.consent",
        "html",
        "Cookie and consent banners (class or id naming cookie, consent, gdpr, cmp).",
        '<div id="cookie-banner">We use cookies …</div>',
    ),
    Rule(
        "html.newsletter",
        "html",
        "Newsletter, subscription and paywall prompts (class or id naming newsletter, "
        "subscribe, signup, paywall).",
        '<div class="newsletter-signup">Get our daily briefing …</div>',
    ),
    Rule(
        "html.share",
        "html",
        "Share and social widgets (class or id naming share, social, addthis, follow-us).",
        '<ul class="share-buttons"><li>Facebook</li><li>X</li></ul>',
    ),
    Rule(
        "html.related",
        "html",
        "Related, recommended, most-read, trending and read-next lists; teaser carousels.",
        '<section class="related-articles">…</section>',
    ),
    Rule(
        "html.comments",
        "html",
        "Reader comments and reply forms (class or id naming comments, disqus, respond).",
        '<div id="comments">12 comments …</div>',
    ),
    Rule(
        "html.ads",
        "html",
        "Advertising slots and sponsored boxes (class or id naming ad, advert, dfp, sponsor).",
        '<div class="ad-slot">Advertisement</div>',
    ),
    Rule(
        "html.link-dense",
        "html",
        "A block inside the main container that is mostly link text (a teaser or link list).",
        "<ul><li><a>Story one</a></li><li><a>Story two</a></li></ul>",
    ),
    Rule(
        "html.orphan-label",
        "html",
        "After the article's last paragraph, a heading or a line ending in a colon whose "
        "blocks were all removed (the label of a related list, a contact box, share buttons).",
        "<h3>More on this topic</h3><ul class='related'>…</ul>",
    ),
    Rule(
        "html.headline",
        "html",
        "The page's headline (<h1>), kept as Article.title.",
        "<h1>Putin orders logistics centers development on China, DPRK border</h1>",
    ),
    Rule(
        "html.byline",
        "html",
        "The byline line by the headline, kept as Article.byline and Article.authors.",
        '<p class="byline">By Jane Doe</p>',
    ),
    Rule(
        "html.dateline",
        "html",
        "A line by the headline that only gives the date, kept as Article.date.",
        "<time datetime='2025-11-04'>4 Nov 2025 17:37</time>",
    ),
    Rule(
        "html.figcaption",
        "html",
        "A figure caption (<figcaption>) inside the article; kept with keep_captions.",
        "<figcaption>The minister at the press conference. Photo: Jane Doe</figcaption>",
    ),
    Rule(
        "html.outside-main",
        "html",
        "A block outside the container the own extractor chose as the article (the smallest "
        "element holding most of the page's prose).",
        "<div class='sidebar-teaser'>Most popular this week …</div>",
    ),
    Rule(
        "tickers.breaking",
        "tickers",
        "A breaking-news ticker: a short label followed by a packed run of headlines.",
        "BREAKING\nIsraeli media outlet: …\nLocal sources: …",
    ),
    Rule(
        "sections.end-marker",
        "sections",
        "A heading that opens a non-article section: most read, read next, related, coverage, "
        "previous/next article, comments; a comment count, a reply form's heading or its "
        "e-mail note.",
        "Most Read",
    ),
    Rule(
        "sections.teaser",
        "sections",
        "A block inside a section opened by an end marker (teaser headlines, their dates), "
        "or any block after a reply form (the comments).",
        "Amnesty calls out RSF war crimes as fighting in Sudan spreads",
    ),
    Rule(
        "engagement.counter",
        "engagement",
        "Share, view, vote, comment and reading-time counters.",
        "2 Shares · 13 Views · 3 Min Read · 0 Votes: 0 Upvotes, 0 Downvotes (0 Points)",
    ),
    Rule(
        "engagement.widget",
        "engagement",
        "Labels of interactive widgets: listen, print, share, save, summary and reply prompts.",
        "Listen · No time to read? · Get a summary · Leave a reply",
    ),
    Rule(
        "promos.read-more",
        "promos",
        "A promo line linking to another article inside the body.",
        "Read more: China-Malaysia $22bln tech park deal boosts industrial cooperation",
    ),
    Rule(
        "captions.caption",
        "captions",
        "A photo caption or credit: a line ending in a credit such as (Reuters) or / AFP, or "
        "starting with Photo:, or the image alt text beside it.",
        "Russian President Vladimir Putin at the forum, on September 5, 2025 (TASS)",
    ),
    Rule(
        "images.label",
        "images",
        "An image inside the article as a dump prints it: its alt text twice in a row (alt "
        "and title glued together) or its bracketed file name.",
        "author avatarauthor avatar",
    ),
    Rule(
        "tags.list",
        "tags",
        "The list of topic tags after the body; the items become Article.tags.",
        "• East Asia • rare earth minerals • Tech Park",
    ),
    Rule(
        "menus.list",
        "menus",
        "A run of short list items without sentence punctuation: navigation menus, language "
        "switchers, social follow lists.",
        "• News\n  • Politics\n  • Economy",
    ),
    Rule(
        "menus.repeating-list",
        "menus",
        "A list inside the article whose entries are all short labels and which names one "
        "of them twice: a menu or tag cloud, not the article's own list.",
        "• News • Politics • News • Politics",
    ),
    Rule(
        "menus.packed-lines",
        "menus",
        "A packed run of short lines without sentence punctuation (a menu without bullets).",
        "News\nArticles\nVideos\nInfographs",
    ),
    Rule(
        "menus.ui-label",
        "menus",
        "A control label or stub: search, sign in, loading, skip to content, form fields.",
        "Search · Loading · Signing-in 3 seconds... · ____________",
    ),
    Rule(
        "footer.legal",
        "footer",
        "Footer lines: rights, copyright, privacy and terms, about/contact, app links.",
        "All Rights Reserved · © 2025 · Privacy Policy · Android · iOS",
    ),
    Rule(
        "metadata.title",
        "metadata",
        "The headline (kept as Article.title).",
        "Putin orders logistics centers development on China, DPRK border",
    ),
    Rule(
        "metadata.byline",
        "metadata",
        "A byline (kept as Article.byline and Article.authors).",
        "By Al Mayadeen English",
    ),
    Rule(
        "metadata.dateline",
        "metadata",
        "A line that only gives the publication date (kept as Article.date).",
        "4 Nov 2025 17:37 · November 4, 2025 · date 2025-11-04 ASIA PACIFIC",
    ),
    Rule(
        "metadata.source-credit",
        "metadata",
        "An agency credit line (kept as Article.source).",
        "Source: Agencies · SOURCE:Reuters",
    ),
    Rule(
        "metadata.header-line",
        "metadata",
        "A run-together header of site, section, relative date and counters.",
        "Global NewsTrackNews2 weeks ago13 Views",
    ),
    Rule(
        "metadata.standfirst",
        "metadata",
        "The standfirst under the headline (kept as Article.description).",
        "Putin instructs the Russian government to build tech parks …",
    ),
    Rule(
        "metadata.site-name",
        "metadata",
        "The site name repeated at the top or bottom of the page (kept as Article.site_name).",
        "Al Mayadeen English",
    ),
    Rule(
        "duplicates.repeat",
        "duplicates",
        "A paragraph that already appeared earlier in the same document.",
        "(the second copy of a repeated paragraph)",
    ),
    Rule(
        "duplicates.run",
        "duplicates",
        "A list item that only repeats the item before it, however short (a widget label "
        "printed once per entry).",
        "News / News / News",
    ),
    Rule(
        "content.outside",
        "content",
        "A block outside the main-content run (the densest run of sentence-like paragraphs;"
        " in a text dump the run ends where the article-end ranker puts its last paragraph).",
        "Al Mayadeen is an Arab Independent Media Satellite Channel.",
    ),
    Rule(
        "content.short-page",
        "content",
        "Everything, when the document holds no run of prose long enough to be an article.",
        "(a page of links only)",
    ),
)

#: Rule id -> :class:`Rule`, read-only.
RULES: MappingProxyType[str, Rule] = MappingProxyType({r.id: r for r in _CATALOGUE})


def rule(rule_id: str) -> str:
    """Return ``rule_id`` after checking it is registered (layers call this at import time).

    >>> rule("duplicates.repeat")
    'duplicates.repeat'
    >>> rule("no.such-rule")
    Traceback (most recent call last):
    ...
    KeyError: 'unregistered rule id: no.such-rule'
    """
    if rule_id not in RULES:
        raise KeyError(f"unregistered rule id: {rule_id}")
    return rule_id


def catalogue_markdown() -> str:
    """The catalogue as a Markdown page (``docs/rules.md`` is this output; a test keeps it
    in step with the code).

    >>> catalogue_markdown().splitlines()[0]
    '# Rules catalogue'
    """
    lines = [
        "# Rules catalogue",
        "",
        "Every block cleaner removes is recorded in `Article.removed` with one of these rule ids",
        "(generated from `cleaner.rules`; do not edit by hand: run",
        "`python -c \"from cleaner.rules import catalogue_markdown; print(catalogue_markdown(), end='')\" > docs/rules.md`).",
    ]
    layer = None
    for entry in _CATALOGUE:
        if entry.layer != layer:
            layer = entry.layer
            lines += [
                "",
                f"## Layer `{layer}`",
                "",
                "| rule | removes | example |",
                "|---|---|---|",
            ]
        example = entry.example.replace("\n", " ⏎ ").replace("|", "\\|")
        lines.append(f"| `{entry.id}` | {entry.summary} | {example} |")
    return "\n".join(lines) + "\n"
