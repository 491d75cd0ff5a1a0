"""The byline a text dump reports for the span the ranker picked, and where it came from.

The span ranker (:mod:`.byline_spans`) picks a span of the page; what the page reports as
its byline is what :func:`finished_byline` makes of that pick: an explicit author label
elsewhere on the page may win over it, the copyright holder stands in when there is no
pick, a word the dump glued onto the name goes, and the page's credentials and full
spelling of the name come with it. The trainer of the span ranker
(``tools/train_byline_model.py``) labels each span by this same answer, so that what it
fits is what the pipeline reports.

>>> blocks = [Block(0, "Jane DoeNovember 4, 2025", "", "line", "", 0)]
>>> finished_byline(blocks, frozenset(), {"nearby": "Jane DoeNovember"}, "Jane DoeNovember")
('Jane Doe', ':nearby-byline')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from cleaner.blocks import Block
from cleaner.metadata.author_labels import copyright_holder, labelled_author, name_like
from cleaner.metadata.byline_candidates import SPAN_EDGES
from cleaner.metadata.dates import find_date
from cleaner.metadata.names import (
    before_repeated_name,
    split_authors,
    with_credentials,
    without_trailing_note,
)
from cleaner.metadata.spelled_names import full_name

__all__ = [
    "BYLINE_ORIGINS",
    "MIN_GLUED_NAME_REPEATS",
    "MIN_LOWER_BEFORE_GLUE",
    "byline_origin_of",
    "finished_byline",
    "unglued_name",
]

#: The provenance of a byline each rule proposed (see :data:`.byline_spans.PROPOSERS`).
BYLINE_ORIGINS = MappingProxyType(
    {"header": ":byline", "nearby": ":nearby-byline", "name-line": ":name-line"}
)
#: What a dump glues onto a name's last word: a date or a label ("Jane DoeNovember 4",
#: "Jane HalperStaff Writer", "Jane Doe04 de mayo"): a capital or a digit right after a
#: lower-case letter.
_GLUED = re.compile(r"(?<=[a-zß-ÿ])[A-Z0-9]")
#: A glued capital starts a new word after at least this many lower-case letters (fewer:
#: "MacFarlane", "LeBlanc", "McDonald"), unless it starts a month name.
MIN_LOWER_BEFORE_GLUE = 4
_LOWER_RUN = re.compile(r"[a-zß-ÿ]+$")
#: A word glued onto the chosen name stays when the page writes it on its own this often
#: (a name's own capital: "Team SimplyThrilled"; a glued label seldom stands alone).
MIN_GLUED_NAME_REPEATS = 2
_WORD = re.compile(r"\w+")


def unglued_name(name: str) -> str:
    """``name`` without what the dump glued onto its last word (a name of two words or more).

    >>> unglued_name("Jane DoeNovember 3, 2023"), unglued_name("Evan HalperStaff Writer")
    ('Jane Doe', 'Evan Halper')
    >>> unglued_name("Rodrigo Mejías04 de mayo"), unglued_name("Scott MacFarlane"), unglued_name("freeman1984")
    ('Rodrigo Mejías', 'Scott MacFarlane', 'freeman1984')
    """
    space = name.find(" ")
    if space < 0:
        return name
    for glue in _GLUED.finditer(name, space):
        head = name[: glue.start()]
        lower_run = _LOWER_RUN.search(head)
        word = _WORD.match(name, glue.start())
        if (
            glue.group().isdigit()
            or (lower_run is not None and len(lower_run.group()) >= MIN_LOWER_BEFORE_GLUE)
            or (word is not None and find_date(f"1 {word.group()} 2000"))
        ):
            return head.rstrip()
    return name


def _standalone_count(word: str, text: str) -> int:
    """How often ``text`` writes ``word`` as a word of its own.

    >>> _standalone_count("SimplyThrilled", "Team SimplyThrilled\\nSimplyThrilled blog")
    2
    """
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text))


def byline_origin_of(proposals: Mapping[str, str], byline: str | None) -> str:
    """The provenance of ``byline``: the rule that proposed it, else ``":span"``.

    >>> byline_origin_of({"header": "Jane Doe"}, "Jane Doe"), byline_origin_of({}, "Jane Doe")
    (':byline', ':span')
    """
    return next(
        (
            BYLINE_ORIGINS[proposer]
            for proposer, name in proposals.items()
            if byline in (name, name.strip(SPAN_EDGES))
        ),
        ":span",
    )


def finished_byline(
    blocks: Sequence[Block],
    stop: frozenset[str],
    proposals: Mapping[str, str],
    picked: str | None,
) -> tuple[str | None, str]:
    """The byline a dump reports, and its provenance, when the span ranker picked
    ``picked`` (``None``: no span) among the byline rules' ``proposals``.

    An explicit author label anywhere on the page (:mod:`.author_labels`) wins over a name
    line, a span or a byline line that names something else than persons; with no pick,
    the person a copyright line names. Then a word glued onto the name goes, unless the
    page writes it on its own; the page's credentials for the name come with it; and a
    first name, login or initials the page spells out elsewhere is written out.

    >>> label = [Block(0, "Autor: Jane Doe", "", "line", "", 0)]
    >>> finished_byline(label, frozenset(), {}, "Newsroom Staff")
    ('Jane Doe', ':label-line')
    """
    byline, origin = picked, byline_origin_of(proposals, picked)
    if not (
        origin in (BYLINE_ORIGINS["header"], BYLINE_ORIGINS["nearby"])
        and all(name_like(name, stop) for name in split_authors(byline or ""))
    ):
        # an explicit author label anywhere on the page wins over a name line, a span
        # or a byline line that names something else than persons
        labelled = labelled_author(blocks, stop)
        if labelled and (byline is None or labelled not in byline):
            byline, origin = labelled, ":label-line"
    if byline is None:
        # last resort: the person a personal site's copyright line names
        byline, origin = copyright_holder(blocks, stop), ":copyright"
    if not byline:
        return None, origin
    page_text = "\n".join(b.text for b in blocks)
    cut = unglued_name(byline)
    glued = byline[len(cut) :].strip()
    # a glued word the page writes again on its own is the name's ("Team SimplyThrilled")
    if not (
        glued
        and " " not in glued
        and not find_date(f"1 {glued} 2000")  # a month: "Jane DoeNovember"
        and _standalone_count(byline.split()[-1], page_text) >= MIN_GLUED_NAME_REPEATS
    ):
        byline = cut
    # the page may write the name with its credentials elsewhere
    byline = with_credentials(before_repeated_name(without_trailing_note(byline)), page_text)
    # a first name, a login or initials the page spells out elsewhere ("Jane Doe")
    return full_name(byline, [b.text for b in blocks], ()) or byline, origin
