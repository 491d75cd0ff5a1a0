"""The report as one self-contained HTML page.

Everything that comes from a record (file names, rule ids, titles, block text, error
messages) is HTML-escaped where it is written; class names and ``data-`` values are made
by the report itself (``r3``), never taken from a record. A Content-Security-Policy allows
no network access and only the page's own script (by hash), so even a page that got past
the escaping could neither run a script nor load anything.

>>> from cleaner.report.model import DocView, BlockView, summarise
>>> doc = DocView("<x>.txt", "ok", "text", None,
...               (BlockView(False, "<script>alert(1)</script>", "line 1", "menus", "menus.list"),),
...               True, 0, 25)
>>> page = render_page([doc], summarise([doc]), source="out")
>>> "<script>alert(1)" in page, "&lt;script&gt;alert(1)" in page
(False, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from cleaner import __version__
from cleaner.pipeline import LAYERS
from cleaner.report.assets import SCRIPT, STYLE, script_hash
from cleaner.report.charts import bars, colour, stacked
from cleaner.report.model import BlockView, DocView, Summary, rule_order
from cleaner.rules import RULES

__all__ = ["OPEN_DOCS_UP_TO", "render_page"]

#: Documents start unfolded when the report holds at most this many (else folded).
OPEN_DOCS_UP_TO = 20
#: Statuses with their own badge colour; others share a neutral one.
STATUSES = ("ok", "no_article", "empty", "error")
KEPT_COLOUR = "#4a7c59"
REMOVED_COLOUR = "#c0392b"
OTHER_COLOUR = "#e0a800"
STATUS_COLOURS = {"ok": KEPT_COLOUR, "error": REMOVED_COLOUR}


def _csp() -> str:
    return ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src {script_hash()}; base-uri 'none'; form-action 'none'")


def _n(value: int) -> str:
    return f"{value:,}"


def _layer_colours(summary: Summary) -> dict[str, str]:
    order = ["html", *(name for name, _ in LAYERS)]
    known = [layer for layer in order if layer in summary.by_layer]
    others = sorted(layer for layer in summary.by_layer if layer not in order)
    return {layer: colour(n) for n, layer in enumerate(known + others)}


def _summary(summary: Summary, classes: dict[str, str], layer_colours: dict[str, str]) -> str:
    cards = [("documents", summary.documents),
             *((status, summary.statuses.get(status, 0)) for status in STATUSES),
             *((s, n) for s, n in summary.statuses.items() if s not in STATUSES),
             ("characters kept", summary.kept_chars),
             ("characters removed", summary.removed_chars),
             ("shown in document order", summary.ordered)]
    out = ['<section id="summary"><h2>Summary</h2><div class="cards">',
           *(f'<div class="card"><b>{_n(n)}</b>{escape(label)}</div>' for label, n in cards),
           '</div><div class="charts"><div><h3>Kept and removed characters</h3>',
           stacked([("kept", summary.kept_chars, KEPT_COLOUR),
                    ("removed", summary.removed_chars, REMOVED_COLOUR)],
                   unit="characters", title="Kept and removed characters"),
           "<h3>Documents by status</h3>",
           bars([(s, n, STATUS_COLOURS.get(s, OTHER_COLOUR))
                 for s, n in summary.statuses.items()], unit="documents",
                title="Documents by status"),
           "</div><div><h3>Characters removed by layer</h3>",
           bars([(layer, chars, layer_colours[layer])
                 for layer, (_, chars) in summary.by_layer.items()],
                unit="characters", title="Characters removed by layer"),
           "</div><div><h3>Characters removed by rule</h3>",
           bars([(rule, chars, colour(int(classes[rule][1:])))
                 for rule, (_, chars) in summary.by_rule.items()],
                unit="characters", title="Characters removed by rule"),
           "</div></div>"]
    out.append('<h3>Rules</h3><table id="rules-table"><thead><tr><th>rule</th><th>layer</th>'
               '<th class="num">blocks</th><th class="num">characters</th>'
               '<th class="num">share</th><th>removes</th></tr></thead><tbody>')
    total = summary.removed_chars or 1
    for rule, (blocks, chars) in summary.by_rule.items():
        known = RULES.get(rule)
        cls = classes[rule]
        out.append(
            f'<tr><td><span class="swatch {cls}" style="background:var(--c)"></span>'
            f'<button type="button" class="rule-pick" data-rule="{cls}">{escape(rule)}</button>'
            f"</td><td>{escape(known.layer if known else rule.partition('.')[0])}</td>"
            f'<td class="num">{_n(blocks)}</td><td class="num">{_n(chars)}</td>'
            f'<td class="num">{100 * chars / total:.1f}%</td>'
            f"<td>{escape(known.summary) if known else '(not a registered rule)'}</td></tr>")
    out.append("</tbody></table>")
    if summary.failures:
        out.append('<h3>Failures</h3><table id="failures"><thead><tr><th>input</th>'
                   "<th>error</th></tr></thead><tbody>")
        out.extend(f"<tr><td>{escape(name)}</td><td>{escape(error)}</td></tr>"
                   for name, error in summary.failures)
        out.append("</tbody></table>")
    out.append("</section>")
    return "".join(out)


def _block(block: BlockView, classes: dict[str, str]) -> str:
    if block.kept:
        return f'<li class="kept">{escape(block.text)}</li>'
    cls = classes[str(block.rule)]
    label = f"{block.layer} / {block.rule}"
    hover = f"{label} · {block.where}" if block.where else label
    return (f'<li class="removed {cls}" data-rule="{cls}" tabindex="0" title="{escape(hover)}">'
            f'<del>{escape(block.text)}</del><span class="tag">{escape(label)}</span></li>')


def _document(doc: DocView, classes: dict[str, str], *, open_: bool) -> str:
    rules = sorted({classes[str(b.rule)] for b in doc.blocks if not b.kept},
                   key=lambda c: int(c[1:]))
    status = doc.status if doc.status in STATUSES else "other"
    meta = [m for m in (doc.title and f"“{doc.title}”", doc.kind) if m]
    if doc.error is None:
        removed = sum(not b.kept for b in doc.blocks)
        meta.append(f"kept {_n(doc.kept_chars)} / removed {_n(doc.removed_chars)} characters, "
                    f"{removed} of {len(doc.blocks)} blocks removed")
    out = [f'<section class="doc" data-name="{escape(doc.name)}" data-rules="{" ".join(rules)}">',
           f'<details{" open" if open_ else ""}><summary><span class="doc-name">'
           f'{escape(doc.name)}</span> <span class="status status-{status}">'
           f'{escape(doc.status)}</span> <span class="doc-meta">{escape(" · ".join(meta))}'
           "</span></summary>"]
    if doc.error is not None:
        out.append(f'<p class="error">{escape(doc.error)}</p>')
    if doc.note is not None:
        out.append(f'<p class="note">{escape(doc.note)}</p>')
    if doc.blocks:
        out.append('<ol class="blocks">')
        out.extend(_block(b, classes) for b in doc.blocks)
        out.append("</ol>")
    out.append("</details></section>")
    return "".join(out)


def render_page(docs: Sequence[DocView], summary: Summary, *, source: str) -> str:
    """The whole report page for ``docs`` (``source`` names the run in the title)."""
    order = rule_order(summary)
    classes = {rule: f"r{n}" for n, rule in enumerate(order)}
    rule_css = "".join(f".{cls} {{ --c: {colour(int(cls[1:]))}; }}\n"
                       for cls in classes.values())
    options = "".join(f'<option value="{classes[r]}">{escape(r)} ({_n(summary.by_rule[r][0])})'
                      "</option>" for r in order)
    open_ = len(docs) <= OPEN_DOCS_UP_TO
    title = f"cleaner report: {source}"
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        f'<meta http-equiv="Content-Security-Policy" content="{_csp()}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="cleaner {escape(__version__)}">',
        f"<title>{escape(title)}</title><style>{STYLE}{rule_css}</style></head><body>",
        f'<header class="top"><h1>{escape(title)}</h1>',
        '<label>Rule <select id="rule-filter"><option value="">all rules</option>',
        options, "</select></label>",
        '<label>File <input type="search" id="name-search" placeholder="search by file name">'
        "</label>",
        f'<span class="counter"><span id="shown-count">{len(docs)}</span> of '
        f"{len(docs)} documents shown</span></header><main>",
        _summary(summary, classes, _layer_colours(summary)),
        '<section id="documents"><h2>Documents</h2>',
        '<p class="note">Kept blocks are plain; removed blocks are struck through and '
        "coloured by rule (hover one for its layer, rule and position).</p>",
        *(_document(doc, classes, open_=open_) for doc in docs),
        f"</section></main><script>{SCRIPT}</script></body></html>\n",
    ])
