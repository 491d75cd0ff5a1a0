"""The text-dump block classifier's feature extraction."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from cleaner.metadata.language import stopwords
from cleaner.text import columns
from cleaner.text.segment import segment

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "000_ce51e559fc37b17e.txt"


def test_reading_a_long_page_in_slices_gives_the_same_columns() -> None:
    blocks = segment(SAMPLE.read_text(encoding="utf-8"))
    assert len(blocks) > 20
    stop = stopwords("en")
    whole = columns.page_columns(blocks, stop)
    for size in (1, 7, len(blocks) - 1):
        sliced = columns.text_columns(blocks, stop, size=size)
        assert sliced.keys() == whole.keys()
        for name, column in whole.items():
            assert np.array_equal(sliced[name], column), (size, name)


def test_layout_columns_mark_teaser_pairs_cut_off_excerpts_and_section_headings() -> None:
    from cleaner.text.context import layout_columns

    blocks = segment(
        "The council approved the budget on Tuesday after a long debate in the chamber.\n\n"
        "Related stories\n\n"
        "Budget cuts loom\n\n"
        "Budget cuts loom for the city's schools as the council weighs…"
    )
    columns = layout_columns(blocks)
    assert columns["teaser_pair"].tolist() == [0.0, 0.0, 1.0, 1.0]
    assert columns["ellipsis"].tolist() == [0.0, 0.0, 0.0, 1.0]
    assert columns["section_heading"].tolist() == [0.0, 1.0, 1.0, 0.0]


def test_context_features_read_gaps_and_the_heading_after_the_densest_run() -> None:
    from cleaner.text.context import CONTEXT_FEATURES, context_features

    body = "A paragraph of the article body that is long enough to count as prose here."
    blocks = segment(
        "\n\n".join([body, body + " More.", "Related stories", "Teaser one", "Teaser two"])
    )
    rows = context_features(blocks, np.array([0.9, 0.9, 0.2, 0.3, 0.3]))
    column = {name: rows[:, k].tolist() for k, name in enumerate(CONTEXT_FEATURES)}
    assert column["after_run"] == [0.0, 0.0, 1.0, 1.0, 1.0]
    # the heading itself is not after a heading; the teasers under it are
    assert column["heading_after_run"] == [0.0, 0.0, 0.0, 1.0, 1.0]
    # blocks since the last probable body block: 1, 2, 3 after the article
    assert column["gap_before"][2:] == [float(np.log1p(g) / 4) for g in (1, 2, 3)]


def test_every_later_stage_reads_the_one_before() -> None:
    from cleaner.text import model

    blocks = segment(SAMPLE.read_text(encoding="utf-8"))
    weights = model._weights()
    p = model.first_stage_probabilities(blocks)
    for key in model.CONTEXT_STAGES:
        p = model._sigmoid(model.context_features(blocks, p) @ weights[key])
    assert len(model.CONTEXT_STAGES) == 2
    assert np.allclose(model.block_probabilities(blocks), p)


def test_the_article_end_ranker_cuts_an_author_box_after_the_share_buttons() -> None:
    import cleaner

    body = [
        f"The council met on Tuesday to discuss item {n} of the budget, which the mayor said"
        " would cost the city more than expected this year."
        for n in range(1, 7)
    ]
    bio = "Jane Doe covers city hall for the paper and has written about local politics for ten years."
    doc = "\n\n".join(
        ["City News", "Council weighs the budget", *body, "Share", "Tweet", "About the author", bio]
    )
    article = cleaner.clean(doc, kind="text")
    assert article.paragraphs[-1] == body[-1]
    assert {r.text: r.rule for r in article.removed}[bio] == "content.outside"


def test_a_prose_block_that_one_line_without_prose_follows_is_a_candidate_end() -> None:
    # The next article of an endless page often starts right after the last paragraph:
    # its headline, then its prose, with no share buttons between.
    from cleaner.text.ending import end_candidates

    body = [
        f"Sentence {n} of the article body, long enough to count as prose here." for n in range(8)
    ]
    tail = "The next story begins here and runs on for a sentence or so of its own."
    blocks = segment("\n\n".join([*body, "Next story headline", tail]))
    positions, _ = end_candidates(blocks, [0.9] * len(blocks), 0, len(blocks) - 1)
    assert positions == [len(body) - 1, len(blocks) - 1]


def test_the_end_features_see_a_thread_and_a_teaser_list_after_a_candidate() -> None:
    # After the article: comments under dated headers, each one header then one short reply
    # (the rhythm of a teaser list or a thread). The candidate before them sees the dated
    # headers and the regular rhythm after it; the last candidate sees nothing after it.
    from cleaner.text.ending import END_FEATURES, end_candidates

    body = [
        f"Sentence {n} of the article body, long enough to count as prose here." * 3
        for n in range(6)
    ]
    thread = [
        part
        for n in range(1, 5)
        for part in (f"March {n}, 2024 at 10:1{n} am", f"Reader {n} wrote a short reply here.")
    ]
    blocks = segment("\n\n".join([*body, "Comments", *thread]))
    positions, rows = end_candidates(blocks, [0.9] * len(blocks), 0, len(blocks) - 1)
    column = {name: rows[:, k] for k, name in enumerate(END_FEATURES)}
    at_end = positions.index(len(body) - 1)
    assert column["dated_after"][at_end] > 0 and column["dated_after"][-1] == 0
    assert column["regular_after"][at_end] >= 0.5 and column["regular_after"][-1] == 0
    assert column["short_prose_after"][at_end] == 1.0
    assert column["prose_len_rel"][at_end] < 0


def test_the_article_end_ranker_keeps_a_core_of_body_paragraphs_whole() -> None:
    from cleaner.text.ending import article_end
    from cleaner.text.model import block_probabilities

    body = [
        f"Sentence {n} of the article body, long enough to count as prose here." for n in range(8)
    ]
    blocks = segment("\n\n".join(body))
    assert article_end(blocks, block_probabilities(blocks), 0, len(blocks) - 1) == len(blocks) - 1


def test_the_article_end_ranker_leaves_the_end_of_a_text_that_opens_with_its_body() -> None:
    # A cleaned or half-cleaned text: its first block is a paragraph of the body. Its short
    # lines (a caption, a label) stand in paragraphs of their own, so they look like the gap
    # before an author box; cutting there would cut the body's last paragraph, and cleaning
    # the cleaned text again would not give the same text.
    import cleaner

    body = [
        f"Paragraph {n} of the article tells a long story about the river and its valley,"
        " with enough words to read as prose."
        for n in range(8)
    ]
    last = "The last camera shows the meadow at dawn, with the river beside it."
    doc = "\n\n".join([*body, "Webcam", "Badger Pass", "View Webcam", last])
    article = cleaner.clean(doc, kind="text")
    assert article.paragraphs[-1] == last
    assert cleaner.clean(article.text, kind="text").text == article.text
