"""The DOM walk: children read first to last, the root's siblings never walked, leave
events (block ends, links, articles) in the right order."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaner.html.walk import walk_dom


def _texts(html: str, selector: str | None = None) -> list[tuple[str, int]]:
    tree = LexborHTMLParser(html)
    root = tree.root if selector is None else tree.css_first(selector)
    return [(block[2], block[3]) for block in walk_dom(root, None).raw]


def test_the_roots_siblings_are_not_walked() -> None:
    html = "<body><p>before</p><div id='r'><p>inside</p>tail</div><p>after</p></body>"
    assert _texts(html, "div#r") == [("inside", 0), ("tail", 0)]


def test_a_skipped_or_text_root_ends_the_walk() -> None:
    html = "<body><script>x()</script><p>after</p></body>"
    assert _texts(html, "script") == []


def test_runs_split_at_blocks_and_links_are_counted_once_left() -> None:
    html = "<body><div>one <a href='/'>two <b>three</b></a> four<p>five</p>six</div></body>"
    assert _texts(html) == [("one two three four", 8), ("five", 0), ("six", 0)]


def test_leaving_an_article_and_its_elements_ends_are_kept() -> None:
    html = "<body><nav><article><p>story</p></article></nav><footer><a>x</a></footer></body>"
    walk = walk_dom(LexborHTMLParser(html).root, None)
    tags = [element.tag for element in walk.elements]
    assert tags == ["html", "body", "nav", "article", "p", "footer"]
    assert walk.ends == [6, 6, 5, 5, 5, 6]
    assert walk.holds_article == {2}
    assert [block[2] for block in walk.raw] == ["story", "x"]
