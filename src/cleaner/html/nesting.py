"""Cap the nesting depth of a page before it is parsed.

The HTML tree builder checks "is there a ``<p>`` in button scope" for every block start tag
(``div``, ``section``, ``ul``...), walking the stack of open elements; with 100,000 nested
``<div>`` that makes parsing quadratic (lexbor: 7 s for 40,000 levels, ~45 s for 100,000).
Browsers cap the tree depth instead (Blink: 512); so does this module, on the markup: tags
that would open or close an element deeper than :data:`MAX_NESTING` are replaced by a
space, which keeps their text (as part of the element at the limit) and keeps words apart.

The depth is counted on tags alone, without a parser: void elements, elements whose end
tag is optional (``p``, ``li``, ``td``...) and self-closed SVG/MathML elements do not
count, the content of comments and of raw-text elements (``script``, ``style``...) is
skipped. The count errs on the deep side, and no page of the development corpora comes
near the limit, so real pages pass unchanged; the check costs ~1 ms per 230 KB page.

>>> cap_nesting("<div><div><div>deep</div></div></div>", max_depth=2)
'<div><div> deep </div></div>'
>>> page = ("<p>a<li>b<br><!-- <div><div><div> --><script>'<div><div>'</script>"
...         "<svg><g><path/><path/></g></svg>")
>>> cap_nesting(page, max_depth=2) == page
True
>>> cap_nesting("<b><path/><path/>x", max_depth=2)
'<b><path/> x'

"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterator

from cleaner.html.alternation import by_first_letter

__all__ = ["MAX_NESTING", "cap_nesting"]

#: Deepest element kept as markup: libxml2's default limit (Blink's is 512). The deepest
#: page of the development corpora reaches 178 by this count (median 15). Work after
#: parsing still grows with blocks x depth (the extractor adds each block's score to every
#: element around it), so a lower cap is a smaller constant for pages that hit it.
MAX_NESTING = 256

#: Elements without content: never open a level.
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
        "image",
    }
)
#: Elements closed implicitly by their next sibling (or that occur once): not counted, since
#: pages seldom close them and counting them would overstate the depth.
_IMPLIED_END = frozenset(
    {
        "p",
        "li",
        "dt",
        "dd",
        "option",
        "optgroup",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "caption",
        "rb",
        "rt",
        "rtc",
        "rp",
        "html",
        "head",
        "body",
    }
)
#: Elements whose content is text up to their own end tag.
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
#: Foreign content, where ``<path/>`` closes itself (in HTML content ``<x/>`` opens ``x``).
_FOREIGN = ("svg", "math")
#: HTML elements that break out of foreign content: there ``<div/>`` opens a ``div``.
_BREAKOUT = frozenset(
    {
        "b",
        "big",
        "blockquote",
        "body",
        "br",
        "center",
        "code",
        "dd",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "i",
        "img",
        "li",
        "listing",
        "menu",
        "meta",
        "nobr",
        "ol",
        "p",
        "pre",
        "ruby",
        "s",
        "small",
        "span",
        "strong",
        "strike",
        "sub",
        "sup",
        "table",
        "tt",
        "u",
        "ul",
        "var",
        "font",
    }
)
_SKIPPED = _RAW_TEXT + _FOREIGN
#: A comment or a raw-text or foreign element opening. The lookahead on the first letters
#: of their names turns away the other tags (``<div``, ``<a``) with one test, not one per
#: name: the scan for them takes 40% less time.
_OPENER = re.compile(
    rf"<(?:!--|(?=[{''.join(sorted({n[0] for n in _SKIPPED}))}])({'|'.join(_SKIPPED)})\b)",
    re.IGNORECASE,
)
_CLOSER = {
    "": re.compile("-->"),
    **{name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in _SKIPPED},
}
#: Where a tag name ends (it opens with an ASCII letter), and the rest of a name.
_NAME_END = r"(?![A-Za-z0-9:-])"
_NAME_REST = re.compile(r"[A-Za-z0-9:-]*")
#: A name not counted, in any case (``<BR>`` is common on old pages).
_NOT_COUNTED_NAME = rf"(?:{by_first_letter(sorted(_VOID | _IMPLIED_END))}){_NAME_END}"
#: The start of a tag that counts outside foreign content, as its end-tag slash alone: the
#: names not counted are turned away by the pattern (whole names, in any case, ASCII only;
#: grouped by first letter), so the scan hands Python one short string per counted tag and
#: no name to test: 20% less time than testing each name found by a pattern for any tag.
#: Only the start (``<`` or ``</`` and the name's first letter) is matched, which keeps the
#: scan of a 230 KB page under 0.5 ms; the tag ends at the next ``>``.
_COUNTED_TAG = re.compile(rf"<(/?)(?!{_NOT_COUNTED_NAME})[A-Za-z]", re.IGNORECASE | re.ASCII)
#: The same in foreign content, where a tag closed by ``/>`` (``<path/>``) opens no level
#: unless it names an HTML element (:data:`_BREAKOUT`); a tag without its ``>`` counts.
_FOREIGN_COUNTED_TAG = re.compile(
    rf"<(/?)(?!{_NOT_COUNTED_NAME})"
    rf"(?:(?=(?:{by_first_letter(sorted(_BREAKOUT))}){_NAME_END})|(?![^>]*+(?<=/)>))[A-Za-z]",
    re.IGNORECASE | re.ASCII,
)
_STEP = {"": 1, "/": -1}
#: What a dropped tag becomes: a space keeps the words on either side apart.
_DROPPED = " "


def _markup_spans(html: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, foreign) of the stretches of ``html`` where tags are markup: between
    comments and raw-text elements, up to the first one that is never closed (the parser
    reads the rest of the page as its text); ``<svg>``/``<math>`` elements are foreign
    stretches. Each search starts where the last one ended: linear."""
    pos = 0
    while (opener := _OPENER.search(html, pos)) is not None:
        yield pos, opener.start(), False
        name = (opener.group(1) or "").lower()
        closer = _CLOSER[name].search(html, opener.end())
        if name in _FOREIGN:
            end = closer.end() if closer is not None else len(html)
            yield opener.start(), end, True
            pos = end
            continue
        if closer is None:
            return
        pos = closer.end()
    yield pos, len(html), False


def _peak(steps: list[int]) -> int:
    """Deepest level reached by ``steps`` (+1 open, -1 close; a close at level 0 is
    ignored): the largest rise of the running sum above its lowest point so far.

    >>> _peak([-1, -1, 1, 1, -1, 1, 1])
    3
    """
    running = list(itertools.accumulate(steps, initial=0))
    return int(max(map(operator.sub, running, itertools.accumulate(running, min))))


def _deeper_than(steps: list[int], max_depth: int) -> bool:
    """Do ``steps`` reach deeper than ``max_depth``? The running sum's spread (highest
    minus lowest) bounds the peak and takes one pass each way; the peak itself is computed
    only on the rare page whose spread passes the limit.

    >>> _deeper_than([1, 1, -1, -1, -1, 1, 1], 2), _deeper_than([1, 1, -1, -1, -1, 1, 1], 1)
    (False, True)
    """
    running = list(itertools.accumulate(steps, initial=0))
    return max(running) - min(running) > max_depth and _peak(steps) > max_depth


def cap_nesting(html: str, *, max_depth: int = MAX_NESTING) -> str:
    """Return ``html`` with the tags nested deeper than ``max_depth`` replaced by a space."""
    if len(html) <= max_depth:  # fewer characters, so fewer tags, than levels: nothing to cap
        # (not html.count("<"): counting costs 0.3 ms on a 300 KB page stored as UCS-2 and
        # turns away no real page)
        return html
    spans = [(start, end, _FOREIGN_COUNTED_TAG if foreign else _COUNTED_TAG)
             for start, end, foreign in _markup_spans(html)]
    steps: list[int] = []
    for start, end, counted in spans:  # one page holds thousands of tags
        steps += map(_STEP.__getitem__, counted.findall(html, start, end))
    if not _deeper_than(steps, max_depth):
        return html
    pieces: list[str] = []
    depth = last = 0
    for start, end, counted in spans:
        for match in counted.finditer(html, start, end):
            if match.start() < last:
                continue
            if match.group(1):
                drop = depth > max_depth
                depth = max(0, depth - 1)
            else:
                depth += 1
                drop = depth > max_depth
            if drop:
                close = html.find(">", match.end(), end)
                pieces.append(html[last : match.start()])
                pieces.append(_DROPPED)
                last = close + 1
                if close < 0:  # a tag without its ">" (at a comment or the end): its name goes
                    rest = _NAME_REST.match(html, match.end(), end)
                    last = rest.end() if rest is not None else match.end()
    pieces.append(html[last:])
    return "".join(pieces)
