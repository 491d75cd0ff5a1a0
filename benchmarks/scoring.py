"""Per-page scores and their corpus aggregates (which pages count for which metric)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks.corpus import Page
from benchmarks.metrics import (
    PRF,
    ShingleCounts,
    SnippetCounts,
    author_matches,
    date_matches,
    first_day,
    shingle_counts,
    shingle_scores,
    snippet_counts,
    snippet_scores,
    title_matches,
    word_prf,
)
from benchmarks.systems import Prediction

__all__ = ["METRICS", "PageScore", "Scores", "aggregate", "score_page"]

#: The corpus-level figures, in table order.
METRICS: tuple[str, ...] = (
    "shingle_p", "shingle_r", "shingle_f1", "word_p", "word_r", "word_f1",
    "snippet_p", "snippet_r", "snippet_f1", "title_acc", "author_acc", "date_acc",
)


@dataclass(frozen=True, slots=True)
class PageScore:
    """One system's scores on one page. Body metrics are None when the page has no gold
    body; a metadata flag is None when the page has no gold value (or the system gives no
    such field at all)."""

    id: str
    page_type: str
    shingle: ShingleCounts | None
    word: PRF | None
    snippets: SnippetCounts
    title_ok: bool | None
    author_ok: bool | None
    date_ok: bool | None
    error: str | None

    def to_row(self) -> dict[str, Any]:
        """A compact JSON row (4 decimals) for the per-page dump."""

        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "id": self.id,
            "page_type": self.page_type,
            "shingle_p": r(self.shingle.precision) if self.shingle else None,
            "shingle_r": r(self.shingle.recall) if self.shingle else None,
            "word_p": r(self.word.precision) if self.word else None,
            "word_r": r(self.word.recall) if self.word else None,
            "word_f1": r(self.word.f1) if self.word else None,
            "snippets_tp_fn_fp_tn": [
                self.snippets.tp, self.snippets.fn, self.snippets.fp, self.snippets.tn
            ],
            "title_ok": self.title_ok,
            "author_ok": self.author_ok,
            "date_ok": self.date_ok,
            **({"error": self.error} if self.error else {}),
        }


def _meta_ok(
    gold: str | None, predicted: str | None, match: Any, scored: bool
) -> bool | None:
    if not scored or not gold:
        return None
    return bool(match(gold, predicted))


def score_page(
    page: Page, prediction: Prediction, *, metadata: frozenset[str] = frozenset()
) -> PageScore:
    """Score one prediction against the page's gold values; metadata fields not in
    ``metadata`` (the fields the system returns) are left unscored."""
    has_body = page.body is not None
    return PageScore(
        id=page.id,
        page_type=page.kind,
        shingle=shingle_counts(page.body, prediction.text) if has_body else None,
        word=word_prf(page.body, prediction.text) if has_body else None,
        snippets=snippet_counts(page.with_, page.without, prediction.text),
        title_ok=_meta_ok(page.title, prediction.title, title_matches, "title" in metadata),
        author_ok=_meta_ok(page.author, prediction.author, author_matches,
                           "author" in metadata),
        # a gold date without a YYYY-MM-DD day cannot be scored
        date_ok=_meta_ok(page.date if first_day(page.date) else None, prediction.date,
                         date_matches, "date" in metadata),
        error=prediction.error,
    )


@dataclass(frozen=True, slots=True)
class Scores:
    """Corpus-level figures for one system on one group of pages."""

    pages: int
    values: Mapping[str, float | None]
    counts: Mapping[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            **{k: None if v is None else round(v, 4) for k, v in self.values.items()},
            "n": dict(self.counts),
        }


def _accuracy(flags: Sequence[bool | None]) -> tuple[float | None, int]:
    scored = [f for f in flags if f is not None]
    return (sum(scored) / len(scored) if scored else None), len(scored)


def aggregate(scores: Iterable[PageScore]) -> Scores:
    """Corpus figures: shingle P/R/F1 (AEB means), word P/R/F1 (WCXB macro means over pages
    with a gold body), snippet P/R/F1 (micro), metadata accuracy over pages with gold."""
    scores = list(scores)
    sh = shingle_scores(s.shingle for s in scores if s.shingle is not None)
    words = [s.word for s in scores if s.word is not None]

    def mean(xs: Sequence[float | None]) -> float | None:
        vals = [x for x in xs if x is not None]
        return sum(vals) / len(vals) if vals else None

    sn = snippet_scores(s.snippets for s in scores)
    title, n_title = _accuracy([s.title_ok for s in scores])
    author, n_author = _accuracy([s.author_ok for s in scores])
    date, n_date = _accuracy([s.date_ok for s in scores])
    values = {
        "shingle_p": sh.precision, "shingle_r": sh.recall, "shingle_f1": sh.f1,
        "word_p": mean([w.precision for w in words]),
        "word_r": mean([w.recall for w in words]),
        "word_f1": mean([w.f1 for w in words]),
        "snippet_p": sn.precision, "snippet_r": sn.recall, "snippet_f1": sn.f1,
        "title_acc": title, "author_acc": author, "date_acc": date,
    }
    counts = {
        "body": len(words),
        "snippet_pages": sum(1 for s in scores if s.snippets.tp + s.snippets.fn
                             + s.snippets.fp + s.snippets.tn),
        "title": n_title, "author": n_author, "date": n_date,
        "errors": sum(1 for s in scores if s.error),
    }
    return Scores(len(scores), values, counts)
