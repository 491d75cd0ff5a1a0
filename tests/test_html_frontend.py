"""The HTML front end: pre-cleaning groups and safety valves, segmentation, extraction,
the cascade's audit trail, and pages in odd encodings."""

from __future__ import annotations

from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner import clean
from cleaner.html import cascade as cascade_module
from cleaner.html.extract import select_main
from cleaner.html.frontend import parse_html
from cleaner.html.preclean import GROUPS, match_group
from cleaner.html.segment import segment_html
from cleaner.rules import RULES

PROSE = "A sentence of the story that carries real content, with a clause or two. "


def para(n: int = 3, text: str = PROSE) -> str:
    return "<p>" + text * n + "</p>"


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def rules_by_text(html: str, **options: Any) -> dict[str, str]:
    article = clean(html, kind="html", **options)
    return {r.text: r.rule for r in article.removed}


# -- pre-cleaning ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "rule"),
    [
        ("<nav><a href='/'>Home</a> <a href='/n'>News</a></nav>", "html.boilerplate-element"),
        ("<aside>Sidebar teaser text</aside>", "html.boilerplate-element"),
        ("<footer>Imprint and contact</footer>", "html.boilerplate-element"),
        ("<div id='cookie-banner'>We use cookies on this site</div>", "html.consent"),
        ("<div class='newsletter-signup'>Get the daily briefing</div>", "html.newsletter"),
        ("<ul class='share-buttons'><li>Facebook</li><li>X</li></ul>", "html.share"),
        ("<section class='related-articles'>Other stories here</section>", "html.related"),
        ("<div id='comments'>Reader one wrote something</div>", "html.comments"),
        ("<div class='ad-slot'>Advertisement</div>", "html.ads"),
        ("<div style='display:none'>Hidden menu text</div>", "html.hidden"),
        ("<div aria-hidden='true'>Offscreen label</div>", "html.hidden"),
    ],
)
def test_each_group_removes_its_boilerplate_with_its_rule(markup: str, rule: str) -> None:
    html = page("<article><h1>Headline</h1>" + para(4) + markup + para(4) + "</article>")
    removed = rules_by_text(html)
    boiler = LexborHTMLParser(markup).body.text(separator=" ").split()[0]
    assert any(text.startswith(boiler) and r == rule for text, r in removed.items()), removed
    assert rule in RULES


def test_every_group_names_a_registered_rule() -> None:
    assert all(group.rule in RULES for group in GROUPS)
    assert len({group.name for group in GROUPS}) == len(GROUPS)


def test_tokens_match_word_starts_not_inside_words() -> None:
    assert match_group("div", "timeshare-offer", None, None) is None  # not "share"
    assert match_group("div", "header-nav", None, None) is not None
    assert match_group("div", "commentary", None, None) is None  # not "comment"
    assert match_group("div", "download-area", None, None) is None  # not "ad"


def test_post_taxonomy_classes_and_page_elements_are_not_boilerplate() -> None:
    assert match_group("div", "post category-newsletter tag-social-media", None, None) is None
    assert match_group("body", "has-sidebar single-post", None, None) is None
    assert match_group("article", "post related", None, None) is None


@pytest.mark.parametrize(
    "classes", ["teaser-text", "article-teaser", "blog_teaser_text", "news-teaser-intro"]
)
def test_an_articles_own_teaser_is_its_lead_not_a_related_box(classes: str) -> None:
    assert match_group("div", classes, None, None) is None


@pytest.mark.parametrize("classes", ["teaser", "news-teaser", "teaser-list", "teaser-box"])
def test_teaser_boxes_are_still_related_stories(classes: str) -> None:
    group = match_group("div", classes, None, None)
    assert group is not None and group.name == "related"


def test_a_teaser_text_lead_is_kept() -> None:
    lead = "The lead of the news item, which this CMS calls a teaser, sums it up."
    html = page(
        "<div class='news'><div class='article'><h1>Headline</h1>"
        "<div class='teaser-text'><p>" + lead + "</p></div>" + para(5) * 3 + "</div></div>"
    )
    assert lead in clean(html, kind="html").text


def test_safety_valve_undoes_a_match_that_holds_most_of_the_prose() -> None:
    # a <form> wrapping the whole page (ASP.NET) and a "hidden" article revealed by script
    for wrapper in ("<form id='aspnetForm'>{}</form>", "<div class='is-hidden'>{}</div>"):
        html = page(wrapper.format("<h1>Headline</h1>" + para(5) * 3))
        article = clean(html, kind="html")
        assert PROSE.strip() in article.text, wrapper
    tree = LexborHTMLParser(page("<form>" + para(5) * 3 + "</form>"))
    assert segment_html(tree).released


def test_safety_valve_undoes_an_unclosed_aside_around_the_article() -> None:
    html = page("<aside class='banner'>Announcement<main><article>" + para(5) * 3)
    assert PROSE.strip() in clean(html, kind="html").text


def test_a_real_sidebar_stays_removed_even_when_it_holds_more_prose() -> None:
    html = page(
        "<article><h1>Headline</h1>" + para(2) + "</article>"
        "<aside>" + para(8, "The sidebar tells its own long story, again and again. ") + "</aside>"
    )
    article = clean(html, kind="html")
    assert "sidebar tells" not in article.text
    assert PROSE.strip() in article.text


# -- segmentation ------------------------------------------------------------------------


def test_blocks_carry_css_paths_link_density_and_kinds() -> None:
    tree = LexborHTMLParser(
        page(
            "<div id='main' class='story wide'><h2>Sub</h2>"
            "<p>Some <a href='/x'>linked</a> text.</p><ul><li>Item</li></ul>"
            "Loose text<br><br>more</div><table><tr><td>a</td><td>b</td></tr></table>"
        )
    )
    blocks = [s.block for s in segment_html(tree).segments]
    got = [(b.text, b.where, b.kind, round(b.link_density, 2)) for b in blocks]
    assert got == [
        ("Sub", "html > body > div#main.story > h2", "heading", 0.0),
        ("Some linked text.", "html > body > div#main.story > p", "paragraph", 0.35),
        ("Item", "html > body > div#main.story > ul > li", "item", 0.0),
        ("Loose text", "html > body > div#main.story", "line", 0.0),
        ("more", "html > body > div#main.story", "line", 0.0),
        ("a b", "html > body > table > tbody > tr", "line", 0.0),
    ]
    assert [b.index for b in blocks] == list(range(len(blocks)))


def test_scripts_styles_and_templates_are_never_text() -> None:
    tree = LexborHTMLParser(
        page("<p>Visible<script>var x = 1;</script><style>p{}</style><template>tpl</template></p>")
    )
    assert [s.block.text for s in segment_html(tree).segments] == ["Visible"]


def test_soft_hyphens_are_not_part_of_words() -> None:
    tree = LexborHTMLParser(page("<p>Ver\u00adwal\u00adtung und Ge&shy;richt</p><p>plain</p>"))
    assert [s.block.text for s in segment_html(tree).segments] == [
        "Verwaltung und Gericht",
        "plain",
    ]


def test_ruby_annotations_are_not_text() -> None:
    tree = LexborHTMLParser(page("<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>字です</p>"))
    assert [s.block.text for s in segment_html(tree).segments] == ["漢字です"]


def test_noscript_text_is_hidden_unless_it_holds_the_page() -> None:
    small = page(
        "<noscript>Please enable JavaScript to view this site.</noscript>"
        "<article><h1>Headline</h1>" + para(5) * 3 + "</article>"
    )
    removed = rules_by_text(small)
    assert removed["Please enable JavaScript to view this site."] == "html.hidden"
    # an unclosed element inside <noscript> puts the whole page inside it
    broken = page("<noscript><div id='nojs'></noscript><h1>Headline</h1>" + para(5) * 3)
    assert PROSE.strip() in clean(broken, kind="html").text


def test_inline_text_around_nested_blocks_keeps_document_order() -> None:
    tree = LexborHTMLParser(page("<div>before <span>inline <div>inner</div> after</span></div>"))
    assert [s.block.text for s in segment_html(tree).segments] == [
        "before inline",
        "inner",
        "after",
    ]


# -- extraction ----------------------------------------------------------------------------


def test_container_excludes_teasers_and_link_lists() -> None:
    html = page(
        "<div class='top'><a href='/'>Home</a> <a href='/n'>News</a></div>"
        "<div class='story'><h1>Headline</h1>"
        + para(4)
        * 3
        + "<ul><li><a href='/a'>Another story headline</a></li>"
        "<li><a href='/b'>One more story headline</a></li></ul></div>"
        "<div class='rail'>"
        + para(1, "Unrelated text in a rail, long enough to count. ")
        + "</div>"
    )
    removed = rules_by_text(html)
    assert removed["Another story headline"] == "html.link-dense"
    assert removed["Headline"] == "html.headline"
    assert any(r == "html.outside-main" for t, r in removed.items() if t.startswith("Unrelated"))
    assert PROSE.strip() in clean(html, kind="html").text


def test_standfirst_between_headline_and_body_is_kept() -> None:
    lead = "The lead paragraph sums the story up in one long sentence for readers."
    html = page(
        "<article><header><h1>Headline</h1><p class='lead'>" + lead + "</p></header>"
        "<div class='body'>" + para(5) * 4 + "</div></article>"
    )
    assert lead in clean(html, kind="html").text


def test_a_lead_before_the_container_without_a_headline_is_kept() -> None:
    lead = "The intro of the story sits in its own box, before the paragraphs of the body."
    html = page(
        "<div class='page'><div class='story'><div class='intro'><p>" + lead + "</p></div>"
        "<div class='body'>" + para(5) * 4 + "</div></div>"
        "<div class='footer-note'><p>Short footer line.</p></div></div>"
    )
    article = clean(html, kind="html")
    assert lead in article.text
    assert "Short footer line." not in article.text


def test_the_label_of_a_removed_list_after_the_body_goes_too() -> None:
    html = page(
        "<div class='story'>" + para(5) * 3 + "<p>Contact:</p><div class='share-bar'>Mail</div>"
        "<h3>Interesting elsewhere</h3>"
        "<ul class='related-links'><li>One story</li><li>Two story</li></ul></div>"
    )
    removed = rules_by_text(html)
    assert removed["Interesting elsewhere"] == "html.orphan-label"
    assert removed["Contact:"] == "html.orphan-label"
    assert PROSE.strip() in clean(html, kind="html").text


def test_figcaptions_are_removed_unless_kept() -> None:
    html = page(
        "<article><h1>H</h1>" + para(5) + "<figure><img src='x.jpg'>"
        "<figcaption>The minister at the press conference.</figcaption></figure>"
        + para(5)
        + "</article>"
    )
    assert rules_by_text(html)["The minister at the press conference."] == "html.figcaption"
    from cleaner import Options

    kept = clean(html, kind="html", options=Options(keep_captions=True))
    assert "The minister at the press conference." in kept.text


def test_paragraphs_inside_a_figcaption_are_captions() -> None:
    caption = "The minister at the press conference on Tuesday."
    html = page(
        "<article><h1>H</h1>"
        + para(5)
        + "<figure><img src='x.jpg'><figcaption><p>"
        + caption
        + "</p><p>Photo: Agency</p></figcaption></figure>"
        + para(5)
        + "</article>"
    )
    removed = rules_by_text(html)
    assert removed[caption] == "html.figcaption"
    assert removed["Photo: Agency"] == "html.figcaption"


def test_a_gallery_told_in_its_captions_keeps_them() -> None:
    slides = "".join(
        f"<figure><img src='{n}.jpg'><figcaption><p>What you need for look {n}: a red jumper,"
        " a white collar and a black headband, put together in five minutes.</p>"
        "</figcaption></figure>"
        for n in range(6)
    )
    html = page(
        "<article><h1>Costumes</h1><p>Six costumes you can make tonight.</p>"
        + slides
        + "</article>"
    )
    assert "What you need for look 3" in clean(html, kind="html").text


def test_a_page_without_prose_keeps_no_menu() -> None:
    html = page(
        "<ul>" + "".join(f"<li><a href='/{i}'>Link {i}</a></li>" for i in range(30)) + "</ul>"
    )
    article = clean(html, kind="html")
    assert "Link 3" not in article.text
    assert article.status == "no_article"


def test_select_main_reports_the_container_and_its_share() -> None:
    tree = LexborHTMLParser(
        page("<div class='a'>" + para(6) * 3 + "</div><div>" + para(1) + "</div>")
    )
    segments = segment_html(tree)
    choice = select_main(segments)
    assert segments.path(choice.container) == "html > body > div.a"
    assert 0.8 < choice.share < 1.0


# -- cascade -------------------------------------------------------------------------------


def test_cascade_verdict_is_recorded_for_a_clear_article() -> None:
    article = clean(page("<article><h1>H</h1>" + para(10) * 3 + "</article>"), kind="html")
    assert article.provenance["text"].startswith("html:own: kept ")


def test_cascade_asks_trafilatura_when_our_result_is_doubtful(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hidden_story = "Text the own extractor cannot see but trafilatura returns, in full."
    calls: list[str] = []

    def fake(html: str) -> str:
        calls.append(html)
        return "Short intro. " + hidden_story

    monkeypatch.setattr(cascade_module, "trafilatura_text", fake)
    monkeypatch.setattr("cleaner.html.frontend.trafilatura_text", fake)
    html = page(
        "<nav><a href='/'>Home</a></nav><div><h1>Headline</h1><p>Short intro.</p>"
        "<div class='x'>"
        + hidden_story
        + "</div></div>"
        # prose the pre-cleaning removed: the page holds more than we kept
        + ("<div class='related'>" + para(1) + "</div>") * 2
    )
    article = clean(html, kind="html")
    assert calls, "trafilatura was not asked"
    assert article.provenance["text"].startswith("html:trafilatura: own result doubtful")
    assert hidden_story in article.text
    assert {r.rule for r in article.removed} >= {"html.boilerplate-element"}


def test_cascade_keeps_our_result_when_trafilatura_has_no_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("cleaner.html.frontend.trafilatura_text", lambda html: "")
    sidebar = "<aside>" + para(3) + "</aside>"
    article = clean(page("<h1>Note</h1><p>A short note of a page.</p>" + sidebar), kind="html")
    assert article.provenance["text"].startswith("html:own: kept ")
    assert "trafilatura kept 0, not more" in article.provenance["text"]


def test_cascade_does_not_ask_about_a_page_that_holds_no_more_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(html: str) -> str:
        raise AssertionError("trafilatura should not be asked")

    monkeypatch.setattr("cleaner.html.frontend.trafilatura_text", fail)
    note = "<p>A short note of a page, told in one sentence.</p>"
    html = page("<nav><a href='/'>Home</a></nav><h1>Note</h1>" + note)
    article = clean(html, kind="html")
    assert "kept 10 words (doubtful; the page holds 11, not asked)" in article.provenance["text"]


def test_cascade_does_not_ask_about_a_page_without_headline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(html: str) -> str:
        raise AssertionError("trafilatura should not be asked")

    monkeypatch.setattr("cleaner.html.frontend.trafilatura_text", fail)
    article = clean(page("<p>A short note of a page.</p>"), kind="html")
    assert "not asked" in article.provenance["text"]


def test_trafilatura_reads_the_page_without_scripts_and_structural_boilerplate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    seen: list[str] = []

    def fake_extract(html: str, **options: Any) -> str:
        seen.append(html)
        return "text"

    monkeypatch.setattr(trafilatura, "extract", fake_extract)
    forum = '{"@type": "DiscussionForumPosting"}'
    html = page(
        "<nav><a href='/'>Menu item</a></nav><div><p>The story itself.</p>"
        "<script>track()</script><svg><text>logo</text></svg></div>"
        "<aside>Side box</aside><footer>Imprint</footer>",
        head="<style>p {}</style><script type='application/ld+json'>" + forum + "</script>",
    )
    assert cascade_module.trafilatura_text(html) == "text"
    (given,) = seen
    assert "The story itself." in given and "DiscussionForumPosting" in given
    for cut in ("Menu item", "track()", "logo", "Side box", "Imprint", "p {}"):
        assert cut not in given


def test_cascade_counts_words_of_a_script_written_without_spaces() -> None:
    from cleaner.blocks import Block

    story = "政府は来年度の予算案を閣議決定し、国会に提出する方針を明らかにした。" * 8
    blocks = [Block(0, story, story, "paragraph", "p", 0)]

    def fail() -> str:
        raise AssertionError("trafilatura should not be asked")

    assert len(story.split()) < cascade_module.CASCADE_MIN_WORDS
    decided, verdict = cascade_module.cascade(blocks, {}, fail)
    assert verdict.extractor == "own" and "doubtful" not in verdict.reason
    assert decided == {}


# -- encodings and robustness ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        (
            "windows-1251",
            "Президент подписал закон о бюджете на следующий год, сообщает агентство.",
        ),
        ("shift_jis", "政府は来年度の予算案を閣議決定し、国会に提出する方針を明らかにした。"),
        ("iso-8859-1", "Die Bürgerinnen und Bürger äußerten sich über die Maßnahmen der Stadt."),
    ],
)
def test_bytes_in_a_declared_legacy_encoding(encoding: str, text: str) -> None:
    html = (
        f'<html><head><meta charset="{encoding}"><title>T</title></head><body>'
        f"<article><h1>T</h1>{para(4, text)}</article></body></html>"
    )
    article = clean(html.encode(encoding), kind="html")
    assert text in article.text
    assert article.encoding is not None


def test_mojibake_in_block_text_is_repaired() -> None:
    broken = "Itâ€™s a sentence of the story that carries real content, with commas. "
    article = clean(page("<article>" + para(4, broken) + "</article>"), kind="html")
    assert "It’s a sentence" in article.text
    assert "â€" not in article.text


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<",
        "<html>",
        "<!doctype html>",
        "<html><body></body></html>",
        "<p>x</p>" * 3,
        "<div>" * 3000 + "deep" + "</div>" * 3000,
        "<table><tr><td>" * 50,
        "<svg><text>x</text></svg><math><mi>y</mi></math>",
        "\x00<p>nul</p>",
        '<html><head><script type="application/ld+json">{bad json</script></head></html>',
    ],
)
def test_odd_markup_never_crashes(html: str) -> None:
    result = parse_html(html)
    assert len(result.blocks) >= 0
    clean(html, kind="html")
