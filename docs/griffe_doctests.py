"""Griffe extension: render the code's docstrings (written for Sphinx habits) as Markdown.

* Doctest examples: the docstrings carry runnable ``>>>`` examples (they run as tests).
  Markdown would read ``>>>`` as nested quotes and ``[a][:3]`` as a link, so each example
  (a ``>>>`` line up to the next blank line) is wrapped in a ``pycon`` fence.
* Sphinx roles: ``:class:`~cleaner.Article``` becomes the code span ``Article`` (and
  without ``~``, ``cleaner.Article``); ``:func:``, ``:meth:``, ``:mod:``, ``:attr:``,
  ``:data:``, ``:exc:`` alike.

Loaded by ``mkdocs.yml`` (mkdocstrings' ``extensions`` option); the source is not changed.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

PROMPT = ">>>"
#: A Sphinx cross-reference role: ``:func:`name``` or ``:class:`~pkg.Name```.
ROLE = re.compile(r":(?:func|class|meth|mod|attr|data|exc|obj):`(~?)([^`]+)`")


def strip_roles(text: str) -> str:
    r"""Sphinx roles as Markdown code spans.

    >>> strip_roles("See :class:`~cleaner.Article` and :func:`cleaner.clean`.")
    'See `Article` and `cleaner.clean`.'
    """
    return ROLE.sub(lambda m: f"`{m.group(2).rsplit('.', 1)[-1] if m.group(1) else m.group(2)}`",
                    text)


def fence_doctests(text: str) -> str:
    r"""Wrap every run of doctest lines (``>>>`` up to a blank line) in a fence.

    >>> fence_doctests("Intro.\n\n>>> 1 + 1\n2\n\nEnd.").split("\n")
    ['Intro.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'End.']
    """
    out: list[str] = []
    lines = text.split("\n")
    n = 0
    while n < len(lines):
        line = lines[n]
        if not line.lstrip().startswith(PROMPT):
            out.append(line)
            n += 1
            continue
        indent = line[: len(line) - len(line.lstrip())]
        block: list[str] = []
        while n < len(lines) and lines[n].strip():
            block.append(lines[n])
            n += 1
        out += [f"{indent}```pycon", *block, f"{indent}```"]
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence the doctest examples and unwrap the roles of every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = strip_roles(fence_doctests(obj.docstring.value))
