"""Pre-cleaning: structural boilerplate recognised by element names and attributes.

Each :class:`SelectorGroup` names one kind of boilerplate (navigation, share widgets,
related-article lists, ...) and the registered rule id its removals carry. A group matches
an element by tag, by ARIA role, or by a pattern over the element's ``id`` and ``class``
tokens. The patterns are adapted from trafilatura's discard expressions
(``trafilatura/xpaths.py``: ``OVERALL_DISCARD_XPATH``, ``REMOVE_COMMENTS_XPATH``) and
Readability.js's ``unlikelyCandidates``, cut down to tokens that name boilerplate in any
language (class names are English on German pages too).

Nothing is removed here: the segmenter asks :func:`match_group` once per element, and
blocks inside a matched element inherit its group. The safety valve
(:func:`released_by_valve`) then undoes any match that would take most of the page's text
with it (a ``<form>`` wrapping the whole page, a ``hidden`` class on the article toggled
by a script).

>>> match_group("nav", None, None, None).name
'structure'
>>> match_group("div", "share-buttons", None, None).name
'share'
>>> match_group("div", "article-body", None, None) is None
True
>>> match_group("section", "comments-area", None, None).rule
'html.comments'
>>> match_group("div", None, "div-gpt-ad-1", None).name
'ads'
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping

from cleaner.html.alternation import by_first_letter
from cleaner.rules import rule

__all__ = [
    "FIRM_TAGS",
    "GROUPS",
    "GROUP_TAGS",
    "HIDDEN_VALVE_SHARE",
    "SAFETY_VALVE_SHARE",
    "SelectorGroup",
    "match_group",
    "released_by_valve",
]

#: A single match whose subtree holds more than this share of the page's prose (non-link
#: characters of sentence-like blocks) is undone: no boilerplate widget holds half of a
#: real article's prose, but a ``<form>`` wrapping the page or a hidden-until-scripted
#: article body does.
SAFETY_VALVE_SHARE = 0.5
#: Hidden elements are released together when they hold more than this share of the
#: page's prose: on wcxb-dev articles, pages hiding over 30% of their prose mostly hide
#: the article itself until a script reveals it (15 of 22 pages), not a modal.
HIDDEN_VALVE_SHARE = 0.3
#: Structural elements that are boilerplate by definition: the safety valve never undoes
#: them (a sidebar widget may hold more prose than a short post).
FIRM_TAGS = frozenset({"nav", "aside", "footer", "menu"})
#: Elements that hold the whole page or the article: their class names describe the page
#: template or the post ("has-sidebar", "category-newsletter"), never a widget, so tokens
#: are not matched on them.
PAGE_TAGS = frozenset({"html", "body", "main", "article"})
#: Class names that tag a post with its categories and keywords (WordPress and most CMSs:
#: "category-newsletter", "tag-social-media"); they say what the post is about, not what
#: the element is.
_TAXONOMY_CLASS = re.compile(
    r"(?:^|\s)(?:category|tag|post_tag|tags|format|topic|term|rubrik"
    r"|ressort|kategorie|section|channel)-\S*"
)


#: Class names of an article's own lead or summary ("teaser-text", "article-teaser"): CMSs
#: (TYPO3 news, most German publishers) call the standfirst a teaser, so these words are
#: not the "teaser" of a related-stories box. On trafilatura-eval, keeping them finds 15
#: more ``with`` snippets for 2 more ``without`` ones (wcxb-dev unchanged).
_LEAD_CLASS = re.compile(
    r"(?:^|[\s_-])(?:(?:article|artikel|blog|post)[-_]teaser|teaser[-_]?(?:text|intro|detail|abstract))\S*"
)


@dataclasses.dataclass(frozen=True, slots=True)
class SelectorGroup:
    """A named kind of structural boilerplate.

    Attributes:
        name: short group name (``"share"``).
        rule: the registered rule id of its removals.
        tags: element names that always belong to the group.
        roles: ARIA ``role`` values that belong to the group.
        words: patterns of the words that name the group in the lower-cased ``id`` and
            ``class`` attributes, each starting with a letter.
        tokens: the pattern searching them (see :func:`_tokens`), ``None`` without words.
    """

    name: str
    rule: str
    tags: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()
    tokens: re.Pattern[str] | None = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "tokens", _tokens(self.words) if self.words else None)


#: Where a class/id word starts: the start, a space, ``-`` or ``_``.
_WORD_START = r"(?:^|[\s_-])"


def _tokens(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any of ``words`` at the start of a class/id word, so ``share``
    matches ``post-share`` but not ``timeshare``.

    The alternatives are grouped by their first letter (``s(?:hare|ocial)``): at each
    word start the engine tests a few letters instead of every alternative, which halves
    the search over a page's class names (most of them name no boilerplate).

    >>> _tokens(["share", "social", "ads?"]).pattern.removeprefix(_WORD_START)
    '(?:s(?:hare|ocial)|a(?:ds?))'
    """
    return re.compile(_WORD_START + "(?:" + by_first_letter(words) + ")")


#: The groups in the order they are tried; the first that matches names the removal.
GROUPS: tuple[SelectorGroup, ...] = (
    SelectorGroup(
        "structure",
        rule("html.boilerplate-element"),
        tags=frozenset({"nav", "aside", "footer", "form", "dialog", "menu", "select"}),
        roles=frozenset(
            {
                "navigation",
                "complementary",
                "contentinfo",
                "dialog",
                "alertdialog",
                "search",
                "menu",
                "menubar",
                "toolbar",
            }
        ),
        words=(
            r"nav(?:bar|igation|menu)?(?![a-z])",
            r"sub-?nav",
            r"menu",
            r"sidebar",
            r"side-bar",
            r"footer",
            r"masthead",
            r"skip-?link",
            r"toolbar",
            r"bread-?crumbs?",
            r"pagination",
            r"pager(?![a-z])",
            r"site-?header",
            r"global-?header",
            r"header-?(?:nav|menu|top|bar)",
            r"top-?bar",
            r"mega-?menu",
            r"off-?canvas",
            r"search-?(?:form|box|bar)",
            r"login",
            r"signin",
            r"print-?only",
            r"sr-only",
            r"visually-?hidden",
            r"screen-?reader",
        ),
    ),
    SelectorGroup(
        "hidden",
        rule("html.hidden"),
        # what a page shows when scripts do not run; a page whose markup is broken inside
        # a <noscript> has its whole body in it, and the hidden valve releases it then
        tags=frozenset({"noscript"}),
        words=(
            r"hidden(?![a-z])", r"hide(?![a-z])", r"d-none", r"is-hidden", r"invisible", r"noprint"
        ),
    ),
    SelectorGroup(
        "consent",
        rule("html.consent"),
        words=(
            r"cookie",
            r"consent",
            r"gdpr",
            r"privacy-?(?:banner|notice|bar)",
            r"onetrust",
            r"didomi",
            r"cc-(?:banner|window)",
        ),
    ),
    SelectorGroup(
        "newsletter",
        rule("html.newsletter"),
        words=(
            r"newsletter",
            r"subscri(?:be|ption)",
            r"sign-?up",
            r"opt-?in",
            r"mailing-?list",
            r"email-?(?:signup|capture|form)",
            r"mc4wp",
        ),
    ),
    SelectorGroup(
        "share",
        rule("html.share"),
        words=(
            r"shar(?:e|ing|ebar|edaddy)",
            r"social",
            r"sociable",
            r"addtoany",
            r"addthis",
            r"a2a",
            r"follow-?us",
            r"print-?(?:button|link)",
            r"email-?(?:button|link)",
            r"btn-?(?:share|print)",
        ),
    ),
    SelectorGroup(
        "related",
        rule("html.related"),
        words=(
            r"related",
            r"recommend",
            r"most-?(?:read|popular|viewed|shared|commented)",
            r"popular",
            r"trending",
            r"more-?(?:stories|articles|news|from)",
            r"read-?(?:next|also)",
            r"also-?read",
            r"you-?may",
            r"next-?(?:post|article|story)",
            r"prev(?:ious)?-?(?:post|article|story)",
            r"post-?nav",
            r"outbrain",
            r"taboola",
            r"teaser",
            r"promo(?![a-z])",
            r"latest-?(?:news|posts|stories)",
            r"other-?(?:stories|articles|news)",
            r"suggest",
            r"upnext",
            r"further-?reading",
            r"related-?posts",
            r"carousel",
        ),
    ),
    SelectorGroup(
        "comments",
        rule("html.comments"),
        words=(
            r"comment(?!ary)",
            r"disqus",
            r"respond(?![a-z])",
            r"reply(?![a-z])",
            r"replies",
            r"discussion",
            r"forum-?(?:post|reply)",
        ),
    ),
    SelectorGroup(
        "ads",
        rule("html.ads"),
        words=(
            r"ads?(?![a-z])",
            r"advert",
            r"adslot",
            r"adunit",
            r"ad-?container",
            r"ad-?wrapper",
            r"dfp",
            r"gpt-?ad",
            r"google-?ad",
            r"adsbygoogle",
            r"sponsor",
            r"banner(?![a-z])",
            r"anzeige",
            r"werbung",
            r"native-?ad",
            r"partner-?(?:content|box)",
            r"affiliate",
        ),
    ),
)

_BY_TAG: Mapping[str, SelectorGroup] = {tag: g for g in GROUPS for tag in g.tags}
#: Tags a group claims by name alone (elements without attributes need no other test).
GROUP_TAGS = frozenset(_BY_TAG)
_BY_ROLE: Mapping[str, SelectorGroup] = {role: g for g in GROUPS for role in g.roles}
_HIDDEN = next(g for g in GROUPS if g.name == "hidden")
#: All token patterns in one, so the common case (no boilerplate word) costs one search;
#: the word start is matched once for all groups, not once per group (under a third of the
#: time over the development corpora's class names).
_ANY_TOKEN = _tokens(word for g in GROUPS for word in g.words)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")


def match_group(
    tag: str,
    classes: str | None,
    element_id: str | None,
    role: str | None,
    *,
    hidden: bool = False,
    style: str | None = None,
) -> SelectorGroup | None:
    """The first group that claims an element, or ``None``.

    ``classes`` and ``element_id`` are the raw attribute values; ``hidden`` is true for the
    ``hidden`` attribute or ``aria-hidden="true"``.

    >>> match_group("div", None, None, None, style="display: none").name
    'hidden'
    >>> match_group("div", "main", None, "navigation").name
    'structure'
    """
    group = _BY_TAG.get(tag)
    if group is not None:
        return group
    if role:
        group = _BY_ROLE.get(role.strip().lower())
        if group is not None:
            return group
    if hidden or (style and _HIDDEN_STYLE.search(style.lower())):
        return _HIDDEN
    if (not classes and not element_id) or tag in PAGE_TAGS:
        return None
    names = f"{classes or ''} {element_id or ''}".lower()
    if _ANY_TOKEN.search(names) is None:
        # the usual case, tested before the subs below: they only blank out words (the
        # space they leave opens no word the pattern could start at), so a name the
        # pattern misses before them it misses after them too
        return None
    if "-" in names:
        names = _TAXONOMY_CLASS.sub(" ", names)
    if "teaser" in names:
        names = _LEAD_CLASS.sub(" ", names)
    match = _ANY_TOKEN.search(names)
    if match is None:
        return None
    for candidate in GROUPS:  # the first group, in catalogue order, that claims a word
        if candidate.tokens is not None and candidate.tokens.search(names):
            return candidate
    return None


def released_by_valve(subtree_chars: int, page_chars: int) -> bool:
    """True when a match would remove more than :data:`SAFETY_VALVE_SHARE` of the page's
    prose.

    >>> released_by_valve(900, 1000), released_by_valve(100, 1000)
    (True, False)
    """
    return page_chars > 0 and subtree_chars > SAFETY_VALVE_SHARE * page_chars
