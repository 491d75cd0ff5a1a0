"""Plain-text and Markdown tables of run results (shared by the runner and the report)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["COLUMNS", "markdown_table", "rows_for", "text_table"]

#: (key in a group's scores, column header) in table order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("pages", "pages"),
    ("shingle_p", "shingle P"),
    ("shingle_r", "shingle R"),
    ("shingle_f1", "shingle F1"),
    ("word_f1", "word F1"),
    ("snippet_p", "snip P"),
    ("snippet_r", "snip R"),
    ("snippet_f1", "snip F1"),
    ("title_acc", "title"),
    ("author_acc", "author"),
    ("date_acc", "date"),
)
SPEED_COLUMNS: tuple[tuple[str, str], ...] = (
    ("pages_per_s", "pages/s"),
    ("mb_per_s", "MB/s"),
    ("speed_vs_trafilatura", "x trafilatura"),
)


def _fmt(value: Any, key: str) -> str:
    if value is None:
        return "-"
    if key == "pages":
        return str(value)
    if key in ("pages_per_s",):
        return f"{value:.1f}"
    if key in ("mb_per_s", "speed_vs_trafilatura"):
        return f"{value:.2f}"
    return f"{value:.3f}"


def rows_for(result: Mapping[str, Any], group: str, *, speed: bool = True) -> list[list[str]]:
    """Header + one row per system for ``group`` of one results file."""
    columns = list(COLUMNS) + (list(SPEED_COLUMNS) if speed else [])
    rows = [["system", *(h for _, h in columns)]]
    for name, sysres in result["systems"].items():
        scores = sysres["groups"].get(group)
        if scores is None:
            continue
        sp = sysres.get("speed") or {}
        cells = [sysres.get("label", name)]
        speed_keys = {k for k, _ in SPEED_COLUMNS}
        for key, _header in columns:
            value = sp.get(key) if key in speed_keys else scores.get(key)
            cells.append(_fmt(value, key))
        rows.append(cells)
    return _drop_empty_columns(rows)


def _drop_empty_columns(rows: list[list[str]]) -> list[list[str]]:
    """Drop metric columns that no system fills (e.g. body metrics without a gold body).

    >>> _drop_empty_columns([["system", "a", "b"], ["x", "-", "0.5"]])
    [['system', 'b'], ['x', '0.5']]
    """
    if len(rows) < 2:
        return rows
    keep = [i for i in range(len(rows[0]))
            if i == 0 or any(r[i] != "-" for r in rows[1:])]
    return [[r[i] for i in keep] for r in rows]


def text_table(rows: Sequence[Sequence[str]]) -> str:
    """Aligned plain-text table (first column left, others right)."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                               for i, (c, w) in enumerate(zip(row, widths, strict=True))))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: Sequence[Sequence[str]]) -> str:
    """GitHub Markdown table (numbers right-aligned)."""
    esc = [[c.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;") for c in r]
           for r in rows]
    head, *body = esc
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    lines += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(lines)
