"""The report's inline style sheet and script (the page loads nothing from anywhere).

The script never writes markup: it only sets ``hidden``, ``open`` and classes from the
``data-`` attributes the page was written with, so document text never reaches an HTML
parser twice. The page's Content-Security-Policy allows this one script by its hash.

>>> "innerHTML" in SCRIPT or "eval(" in SCRIPT
False
"""

from __future__ import annotations

import base64
import hashlib

__all__ = ["SCRIPT", "STYLE", "script_hash"]

STYLE = """
:root { --kept: #222; --muted: #666; --line: #ddd; --bg: #fff; --panel: #f6f7f9; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--kept); background: var(--bg); margin: 0; }
header.top { position: sticky; top: 0; z-index: 2; background: var(--panel);
             border-bottom: 1px solid var(--line); padding: .6rem 1.2rem;
             display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
header.top h1 { font-size: 1.1rem; margin: 0 1rem 0 0; }
main { padding: 0 1.2rem 3rem; max-width: 80rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; }
.cards { display: flex; gap: .8rem; flex-wrap: wrap; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 6px;
        padding: .5rem .8rem; min-width: 9rem; }
.card b { display: block; font-size: 1.3rem; }
.charts { display: flex; gap: 2rem; flex-wrap: wrap; }
.chart text { font-size: 12px; fill: #333; }
table { border-collapse: collapse; margin: .4rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: left;
         vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px;
          vertical-align: middle; margin-right: .3rem; }
button.rule-pick { font: inherit; border: 0; background: none; padding: 0; cursor: pointer;
                   color: #0645ad; text-decoration: underline; }
section.doc { border: 1px solid var(--line); border-radius: 6px; margin: .7rem 0; }
section.doc > details > summary { cursor: pointer; padding: .5rem .8rem; background: var(--panel);
                                  list-style-position: inside; }
.doc-name { font-weight: 600; overflow-wrap: anywhere; }
.status { font-size: .8rem; padding: 0 .4rem; border-radius: 3px; background: #e6f4ea; }
.status-error { background: #fde2e1; } .status-no_article, .status-empty { background: #fff4d6; }
.doc-meta { color: var(--muted); font-size: .85rem; }
.note, .error { margin: .5rem .8rem; font-size: .9rem; color: var(--muted); }
.error { color: #a11; }
ol.blocks { list-style: none; margin: 0; padding: .4rem .8rem .8rem; }
ol.blocks li { padding: .15rem .4rem; margin: .1rem 0; white-space: pre-wrap;
               overflow-wrap: anywhere; border-left: 4px solid transparent; position: relative; }
ol.blocks li.removed { border-left-color: var(--c);
                       background: color-mix(in srgb, var(--c) 9%, white); }
li.removed del { text-decoration-color: var(--c); text-decoration-thickness: 2px;
                 color: color-mix(in srgb, var(--c) 70%, #000); }
li.removed .tag { visibility: hidden; position: absolute; right: .3rem; top: -.2rem;
                  background: var(--c); color: #fff; font-size: .75rem; padding: 0 .35rem;
                  border-radius: 3px; white-space: nowrap; }
li.removed:hover .tag, li.removed:focus .tag { visibility: visible; }
li.gap { color: var(--muted); font-style: italic; }
body.filtering li.removed:not(.match) { opacity: .35; }
body.filtering li.removed.match { outline: 2px solid var(--c); }
input[type=search], select { font: inherit; padding: .2rem .4rem; }
.counter { color: var(--muted); font-size: .9rem; }
"""

SCRIPT = """
(function () {
  "use strict";
  var rule = document.getElementById("rule-filter");
  var search = document.getElementById("name-search");
  var shown = document.getElementById("shown-count");
  var docs = Array.prototype.slice.call(document.querySelectorAll("section.doc"));
  var removed = Array.prototype.slice.call(document.querySelectorAll("li.removed"));
  function apply() {
    var r = rule.value;
    var q = search.value.trim().toLowerCase();
    var n = 0;
    document.body.classList.toggle("filtering", r !== "");
    docs.forEach(function (doc) {
      var rules = (doc.getAttribute("data-rules") || "").split(" ");
      var name = (doc.getAttribute("data-name") || "").toLowerCase();
      var ok = (r === "" || rules.indexOf(r) >= 0) && (q === "" || name.indexOf(q) >= 0);
      doc.hidden = !ok;
      if (ok) { n += 1; }
      if (ok && r !== "") { doc.querySelector("details").open = true; }
    });
    removed.forEach(function (li) {
      li.classList.toggle("match", r !== "" && li.getAttribute("data-rule") === r);
    });
    shown.textContent = String(n);
  }
  rule.addEventListener("change", apply);
  search.addEventListener("input", apply);
  Array.prototype.forEach.call(document.querySelectorAll("button.rule-pick"), function (b) {
    b.addEventListener("click", function () {
      rule.value = b.getAttribute("data-rule") || "";
      apply();
      document.getElementById("documents").scrollIntoView();
    });
  });
  apply();
})();
"""


def script_hash(script: str = SCRIPT) -> str:
    """The CSP source expression that allows exactly ``script`` (``'sha256-...'``)."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
