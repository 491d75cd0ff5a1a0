"""More invariants of clean(), beside tests/test_properties.py: the HTML and dump forms of the
same pages, dates, junk spliced into real pages, encodings on the wire, truncation."""

from __future__ import annotations

import html
import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import example, given
from hypothesis import strategies as st

from cleaner import Options, clean
from cleaner.normalize import normalize
from tests import strategies as s

_WS = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")
#: Dates up to this far after ``now`` are accepted (a page in a time zone ahead of the
#: reader's clock; see ``cleaner.html.choose.FUTURE_TOLERANCE``).
FUTURE_TOLERANCE = timedelta(days=1)
#: Reference times across the whole range ``datetime`` allows, naive and aware.
nows = st.datetimes(timezones=st.none() | st.just(UTC) | st.builds(
    timezone, st.timedeltas(min_value=timedelta(hours=-23, minutes=-59),
                            max_value=timedelta(hours=23, minutes=59))))


def _flat(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _visible(page: str) -> str:
    """The text of a generated page as a reader sees it (tags out, entities decoded)."""
    return _flat(html.unescape(_TAG.sub(" ", page)))


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text))


@given(s.page_forms)
def test_both_forms_never_raise_are_deterministic_and_invent_nothing(page: str) -> None:
    first = clean(page)
    assert first.to_dict() == clean(page).to_dict()
    source = _visible(page) if first.kind == "html" else _flat(normalize(page))
    for paragraph in first.paragraphs:
        assert _flat(paragraph) in source


@given(s.pieces)
def test_html_kept_and_removed_account_for_the_visible_text(parts: list[tuple[str, str]]) -> None:
    page = s.render_html(parts)
    article = clean(page)
    accounted = _tokens(" ".join(article.paragraphs)) + _tokens(
        " ".join(r.text for r in article.removed))
    body = page.split("<body>", 1)[1]
    missing = _tokens(_visible(body)) - accounted
    assert not missing, missing


@given(s.page_forms)
def test_text_output_is_a_fixed_point(page: str) -> None:
    once = clean(page)
    again = clean(once.text, kind="text")
    assert clean(again.text, kind="text").text == again.text


@given(s.dated_page, nows)
@example("Title\n\nBy Jane Doe\n\nPublished 3000 years ago\n\n" + "A long sentence. " * 9,
         datetime(2025, 1, 1))
@example("Title\n\nPublished 2 weeks ago\n\n" + "A long sentence here. " * 9, datetime(1, 1, 1))
@example("<html><head><meta property='article:published_time' content='2021-01-01'></head>"
         "<body><p>" + "A long sentence here. " * 9 + "</p></body></html>",
         datetime(9999, 12, 31, 23, 59))
def test_dates_are_iso_8601_and_never_after_now(page: str, now: datetime) -> None:
    article = clean(page, now=now)
    if article.date is None:
        return
    parsed = datetime.fromisoformat(article.date)  # raises unless ISO 8601
    reference = now.astimezone(UTC).replace(tzinfo=None) if now.tzinfo else now
    latest = max(reference.date(), now.date())
    assert parsed.date() <= latest or parsed.date() - latest <= FUTURE_TOLERANCE


@given(s.dated_page)
def test_dates_without_now_are_iso_8601(page: str) -> None:
    article = clean(page)
    if article.date is not None:
        datetime.fromisoformat(article.date)
        # without ``now`` a dump's date may lie up to a year ahead (dates.MAX_YEARS_AHEAD)
        assert date.fromisoformat(article.date[:10]) <= date.today() + timedelta(days=367)


@given(s.spliced)
def test_junk_spliced_into_pages_never_raises_and_invents_nothing(page: str) -> None:
    article = clean(page)
    assert article.to_dict() == clean(page).to_dict()
    if article.kind == "text":
        flat_input = _flat(normalize(page))
        for paragraph in article.paragraphs:
            assert _flat(paragraph) in flat_input


@given(st.one_of(s.dump, s.article_dump, s.page_forms), s.wire_encoding)
def test_the_encoding_on_the_wire_does_not_change_the_article(page: str, encoding: str) -> None:
    assert clean(page.encode(encoding)).text == clean(page).text


@given(st.one_of(s.page_forms, s.junk_bytes.map(bytes.hex)), st.integers(1, 3000),
       st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_truncation_never_raises_and_is_reported(page: str, limit: int, encoding: str) -> None:
    data = page.encode(encoding, "replace")
    article = clean(data, options=Options(max_input_bytes=limit))
    assert article.truncated == (len(data) > limit)
    assert article.status in ("ok", "no_article", "empty")
