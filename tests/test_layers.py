"""Unit tests per layer, with the negative cases: article text that only looks like boilerplate."""

from __future__ import annotations

from cleaner import RULES, clean
from cleaner.pipeline import LAYERS

PROSE = [
    "The ministry said on Tuesday that the new plan would be presented to parliament next month.",
    "Officials expect the first projects to start in the spring, after a public consultation ends.",
    "Critics argue that the budget is too small for a programme of this size and ambition.",
    "The government rejected that view and said more money would follow if the pilots succeed.",
]


def article(*extra_before: str, after: tuple[str, ...] = (), middle: tuple[str, ...] = ()) -> str:
    body = [PROSE[0], PROSE[1], *middle, PROSE[2], PROSE[3]]
    return "\n\n".join([*extra_before, "A headline about the plan", *body, *after])


def removed_rules(text: str) -> dict[str, str]:
    return {r.text.strip(" •"): r.rule for r in clean(text).removed}


def test_every_layer_rule_is_registered() -> None:
    layer_names = {name for name, _ in LAYERS}
    assert {rule.layer for rule in RULES.values()} - {"html"} <= layer_names


def test_menu_run_removed() -> None:
    doc = article("  • News\n  • Politics\n  • Sport\n  • Culture")
    rules = removed_rules(doc)
    assert rules["News"] == "menus.list" and rules["Culture"] == "menus.list"
    assert "News" not in clean(doc).text


def test_language_switcher_removed() -> None:
    rules = removed_rules(article("  • Ar\n  • Es\n  • Fr"))
    assert rules["Ar"] == "menus.list"


def test_ticker_removed() -> None:
    ticker = (
        "BREAKING\nMinister resigns after a long dispute over the budget plan\n"
        "Storm warning issued for the northern coast tonight"
    )
    text = clean(article(ticker)).text
    assert "BREAKING" not in text and "Storm warning" not in text


def test_share_row_and_counters_removed() -> None:
    doc = article("  • By Jane Doe\n  • 2 Shares", "3 Min Read", "Listen")
    a = clean(doc)
    assert a.byline == "Jane Doe"
    assert all(s not in a.text for s in ("2 Shares", "3 Min Read", "Listen"))


def test_read_more_promo_removed_but_read_more_about_kept() -> None:
    keep = "Read more about the plan in the report that the ministry published on its website."
    doc = article(middle=("Read more: Another story about something else", keep))
    text = clean(doc).text
    assert "Another story" not in text
    assert keep in text


def test_caption_removed_but_parenthesis_in_prose_kept() -> None:
    caption = "The minister at the press conference on Monday (Reuters)"
    keep = "The minister (who took office in 2021) said the plan would be revised soon."
    text = clean(article(middle=(caption, keep))).text
    assert caption not in text and keep in text


def test_caption_with_a_labelled_credit_removed_but_a_colon_in_prose_kept() -> None:
    captions = (
        "Hilfe für die Bevölkerung nach dem Hochwasser in der Eifel. Foto: Galli/Malteser",
        "Roman Prymula, photo: Archives du Gouvernement tchèque",
        "Die Piloten werden in Bremen auf dem Modell DA42 ausgebildet. © CAE",
    )
    keep = "The minister said in her statement: the plan will be revised soon, as promised."
    text = clean(article(middle=(*captions, keep))).text
    assert all(caption not in text for caption in captions)
    assert keep in text


def test_inline_promos_in_other_languages_removed() -> None:
    promos = (
        "Lea más: Otra noticia sobre un tema distinto",
        "Czytaj też: Inny artykuł na inny temat",
        "Lesen Sie hier: Ein anderer Artikel zu einem anderen Thema",
    )
    text = clean(article(middle=promos)).text
    assert all(promo not in text for promo in promos)
    assert "MIRA-Award" in clean(article(middle=("MIRA-Award - the prize went to a team from Kiel.",))).text


def test_a_numbered_list_keeps_its_numbers() -> None:
    steps = " 1. Choose the right pot for the plant.\n 2. Water it once a week."
    text = clean(article(middle=(steps,))).text
    assert "1. Choose the right pot" in text and "2. Water it" in text


def test_image_labels_removed_inside_the_body() -> None:
    twice = "a man models a white sweatera man models a white sweater"
    file_name = "[Web-Design-Trends-2026-05-1024x538]"
    rules = removed_rules(article(middle=(twice, file_name)))
    assert rules[twice] == rules[file_name] == "images.label"


def test_short_doubled_name_kept() -> None:
    name = "New York New York"
    assert name in clean(article(middle=(name,))).text


def test_one_line_quote_and_short_paragraph_survive() -> None:
    quote = "“We will not give up,” she said."
    short = "Nobody was hurt."
    text = clean(article(middle=(quote, short))).text
    assert quote in text and short in text


def test_section_end_marker_cuts_teasers() -> None:
    after = (
        "Most Read",
        "A teaser headline that is also written like a long sentence here.",
        "Another teaser headline about a completely different subject matter.",
    )
    text = clean(article(after=after)).text
    assert "teaser" not in text and "Most Read" not in text


def test_section_end_markers_in_other_languages() -> None:
    for marker in ("Ähnliche Beiträge", "Das könnte Sie auch interessieren!", "Veja também:"):
        after = (
            marker,
            "A teaser headline that is also written like a long sentence here.",
            "Another teaser headline about a completely different subject matter.",
        )
        rules = removed_rules(article(after=after))
        assert rules[marker] == "sections.end-marker", marker
        assert "teaser" not in clean(article(after=after)).text, marker


def test_reply_form_ends_the_article() -> None:
    comment = "I disagree with the author about the budget, it was always going to be too small."
    for marker in (
        "Leave a Reply Cancel reply",
        "Kommentar verfassen Antwort abbrechen",
        "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.",
        "Your email address will not be published. Required fields are marked *",
    ):
        doc = article(after=(marker, comment))
        rules = removed_rules(doc)
        assert rules[marker] == "sections.end-marker", marker
        assert rules[comment] == "sections.teaser", marker
        assert "I disagree" not in clean(doc).text, marker


def test_comment_counts_removed() -> None:
    for marker in ("2 Gedanken zu „Der Plan der Regierung“", "12 Kommentare", "5 Responses to The plan"):
        rules = removed_rules(article(after=(marker,)))
        assert rules[marker] == "sections.end-marker", marker


def test_comment_counts_inside_prose_kept() -> None:
    line = "5 responses to the consultation were sent to the ministry before it closed."
    assert line in clean(article(middle=(line,))).text


def test_heading_inside_body_kept() -> None:
    text = clean(article(middle=("What happens next",))).text
    assert "What happens next" in text


def test_tags_after_body_become_tags() -> None:
    a = clean(article(after=("  • Budget\n  • Parliament\n  • Economy",)))
    assert a.tags == ("Budget", "Parliament", "Economy")
    assert "Budget" not in a.text


def test_footer_removed() -> None:
    a = clean(
        article(
            after=("© 2025 Example Media. All Rights Reserved", "  • Privacy Policy\n  • About Us")
        )
    )
    assert "Rights" not in a.text and "Privacy" not in a.text


def test_duplicate_paragraphs_once() -> None:
    doc = "\n".join(PROSE + PROSE)
    a = clean(doc)
    assert a.paragraphs == tuple(PROSE)
    assert [r.rule for r in a.removed] == ["duplicates.repeat"] * 4


def test_a_block_repeating_the_one_before_goes_however_short() -> None:
    body = "\n\n".join([PROSE[0], "  • Yes\n  • Yes\n  • Yes", *PROSE[1:]])
    a = clean(body, kind="text")
    assert a.text.count("Yes") == 1
    assert [r.rule for r in a.removed] == ["duplicates.run"] * 2


def test_a_short_label_that_recurs_apart_is_kept() -> None:
    body = "\n\n".join([PROSE[0], "Update", PROSE[1], "Update", *PROSE[2:]])
    a = clean(body, kind="text")
    assert a.text.count("Update") == 2
    assert not [r for r in a.removed if r.layer == "duplicates"]


def test_engagement_and_social_stubs_removed() -> None:
    after = (
        "0 Votes: 0 Upvotes, 0 Downvotes (0 Points)",
        "Leave a reply",
        "Join Us\n  • Facebook\n  • X\n  • Instagram\nFollow\nSearch\nLoading",
        "Signing-in 3 seconds...",
    )
    text = clean(article(after=after)).text
    for junk in ("Votes", "Leave a reply", "Facebook", "Loading", "Signing-in"):
        assert junk not in text


def test_source_credit_becomes_source() -> None:
    a = clean(article(after=("SOURCE:Reuters",)))
    assert a.source == "Reuters" and "SOURCE" not in a.text


def test_no_article_status() -> None:
    a = clean("  • Home\n  • News\n  • Contact\n\nSearch")
    assert a.status == "no_article" and a.text == ""
    assert clean("   \n\n ").status == "empty"


#: More article paragraphs: a thread is cut only after some article prose.
MORE_PROSE = tuple(
    f"Paragraph {k} of the report goes on about the plan, its costs and the regions it covers."
    for k in range(6)
)


def _comments(n: int, extra: str = "") -> tuple[str, ...]:
    out: list[str] = []
    for k in range(1, n + 1):
        out += [f"Reader {k}", f"March {k}, 2024 at 10:1{k} am", f"Comment {k}: thanks, this was a useful piece about the plan.{extra}"]
    return tuple(out)


def test_comment_thread_after_the_article_is_cut() -> None:
    text = clean(article(middle=MORE_PROSE, after=_comments(4))).text
    assert PROSE[3] in text
    assert "Comment 1" not in text and "March 1, 2024" not in text


def test_thread_that_outweighs_what_comes_before_is_kept() -> None:
    """A forum or a live blog: the dated posts are the page."""
    text = clean(article(middle=MORE_PROSE, after=_comments(6, " More about it, at length." * 8))).text
    assert "Comment 1" in text and "Comment 6" in text


def test_dated_headings_repeated_inside_the_article_are_no_thread() -> None:
    from cleaner.layers.threads import thread_start
    from cleaner.text.segment import segment

    parts = [p for k, prose in enumerate(MORE_PROSE) for p in ("Best of March 3, 2024", prose)]
    blocks = segment("\n\n".join([*PROSE, *parts]))
    assert thread_start(blocks, 0, len(blocks) - 1) is None
    unique = [p for k, prose in enumerate(MORE_PROSE) for p in (f"Best of March {k + 1}, 2024", prose)]
    blocks = segment("\n\n".join([*PROSE, *MORE_PROSE, *unique]))
    assert thread_start(blocks, 0, len(blocks) - 1) is not None


def test_a_little_prose_after_a_long_gap_is_not_the_article() -> None:
    gap = ("Share", "Tweet", "Email", "Print", "About the author")
    bio = (
        "The author writes about public budgets, regional policy and the work of parliament,"
        " and has covered the ministry for many years."
    )
    middle = tuple(f"{p} It was the {k}th time." for k in range(3) for p in MORE_PROSE)
    text = clean(article(middle=middle, after=(*gap, bio))).text
    assert PROSE[3] in text and bio not in text


LEAD = "Plans for the regions get a first hearing in parliament, and the money is still open"


def _with_lead(*between: str) -> str:
    menu = ("  • Home\n  • News\n  • Politics\n  • Sport",)
    return "\n\n".join([*menu, "A headline about the plan", LEAD, *between, *PROSE, *MORE_PROSE])


def test_the_lead_under_the_headline_is_kept_without_a_full_stop() -> None:
    """A standfirst without final punctuation is no prose, and share buttons part it from
    the body; it stays, the buttons go."""
    a = clean(_with_lead("Share on Facebook", "Share"))
    assert a.text.startswith(LEAD) and PROSE[0] in a.text
    assert "Share on Facebook" not in a.text


def test_no_lead_far_below_the_headline_or_with_a_date() -> None:
    labels = "Print\n\nSave for later\n\nListen\n\nShare on Facebook\n\n"
    assert LEAD not in clean(_with_lead("Share").replace(LEAD, labels + LEAD)).text
    dated = "Posted on March 4, 2024 by the desk of the regional news team here"
    assert dated not in clean(_with_lead().replace(LEAD, dated)).text
