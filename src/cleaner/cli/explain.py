"""``cleaner explain FILE``: the document block by block, with why each removed block went.

Kept blocks print plain; removed blocks print dimmed, after the layer and rule that removed
them (``[menus/menus.link-run]``). Without a terminal the same lines start with ``+`` or
``-`` so they can be grepped. ``--json`` prints the audit trail as data.

The blocks are those of the pipeline's own front ends; each removal of the article's audit
trail is matched to its block by position (``where``) and text.
"""

from __future__ import annotations

import collections
import json
import sys
from collections.abc import Sequence
from typing import Any

import click
from rich.console import Console
from rich.markup import escape

from cleaner.article import Article, Removal
from cleaner.blocks import Block
from cleaner.cli.params import cleaning_options, options_from
from cleaner.errors import InvalidOptionError
from cleaner.inputs import Document, read_document
from cleaner.pipeline import clean, document_blocks

__all__ = ["explain_blocks", "explain_command"]

#: Layer colours on a terminal; layers not listed use the default.
LAYER_STYLES = {"content": "magenta", "menus": "blue", "html": "cyan", "sections": "yellow",
                "engagement": "green", "metadata": "bright_blue", "footer": "blue"}


def explain_blocks(article: Article, blocks: Sequence[Block]) -> list[dict[str, Any]]:
    """Every block in order with its fate: ``kept``, or the ``layer`` and ``rule``.

    Removals are matched to blocks by ``where`` and text; among identical blocks (a
    repeated paragraph), the ones the article kept are told apart by the order of its
    paragraphs. Removals that match no block (should the front ends change) are listed at
    the end with ``index`` set to ``None``.
    """
    pending: dict[tuple[str, str], collections.deque[Removal]] = collections.defaultdict(
        collections.deque)
    for removed in article.removed:
        pending[(removed.where, removed.text)].append(removed)
    remaining = collections.Counter((b.where, b.raw) for b in blocks)
    kept_next = 0
    rows: list[dict[str, Any]] = []
    for block in blocks:
        key = (block.where, block.raw)
        queue = pending.get(key)
        could_keep = (kept_next < len(article.paragraphs)
                      and article.paragraphs[kept_next] == block.text)
        removal: Removal | None = None
        if queue and (len(queue) >= remaining[key] or not could_keep):
            removal = queue.popleft()
        elif could_keep:
            kept_next += 1
        remaining[key] -= 1
        rows.append({"index": block.index, "where": block.where, "kept": removal is None,
                     "layer": removal.layer if removal else None,
                     "rule": removal.rule if removal else None, "text": block.raw})
    rows.extend({"index": None, "where": r.where, "kept": False, "layer": r.layer,
                 "rule": r.rule, "text": r.text} for q in pending.values() for r in q)
    return rows


def _print(rows: list[dict[str, Any]], article: Article, console: Console) -> None:
    plain = not console.is_terminal
    for row in rows:
        text = row["text"]
        if row["kept"]:
            console.print(("+ " if plain else "") + escape(text), highlight=False)
            continue
        tag = f"[{row['layer']}/{row['rule']}]"
        if plain:
            console.print(f"- {escape(tag)} {escape(text)}", highlight=False)
        else:
            style = LAYER_STYLES.get(row["layer"], "red")
            console.print(f"[{style}]{escape(tag)}[/] [dim]{escape(text)}[/]", highlight=False)
    kept = sum(r["kept"] for r in rows)
    console.print(f"\nstatus={article.status} kind={article.kind} blocks={len(rows)} "
                  f"kept={kept} removed={len(rows) - kept} title={article.title!r}",
                  highlight=False, markup=False)


@click.command("explain")
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="Print the audit trail as JSON.")
@cleaning_options
def explain_command(file: str, as_json: bool, **cleaning: Any) -> None:
    """Show FILE block by block: kept blocks plain, removed ones with layer and rule.

    FILE may be gzip-compressed, or '-' for stdin.
    """
    try:
        options = options_from(cleaning)
    except InvalidOptionError as exc:
        raise click.UsageError(str(exc)) from exc
    limit = options.max_input_bytes + 1
    if file == "-":
        data: bytes | str = sys.stdin.buffer.read(limit)
    else:
        try:
            data = read_document(Document(input=file, path=file), limit=limit)
        except Exception as exc:
            raise click.ClickException(f"cannot read {file}: {exc}") from exc
    article = clean(data, options=options)
    blocks = document_blocks(data, options=options.replace(kind=article.kind))
    rows = explain_blocks(article, blocks)
    if as_json:
        click.echo(json.dumps({"input": file, "status": article.status, "kind": article.kind,
                               "title": article.title, "blocks": rows}, ensure_ascii=False,
                              indent=1))
        return
    _print(rows, article, Console(file=sys.stdout, soft_wrap=True))
