"""The layers: pure functions from blocks to removal decisions, run in a fixed order.

Each layer receives the blocks that are still alive and a read-only :class:`Context`, and
returns :class:`Decision` records (block index + registered rule id). A block is removed
by the first layer that claims it; later layers never see it. The order goes from the most
specific evidence (a ticker label, an end marker) to the most general (outside the main
content run), so the audit trail names the most telling reason.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from cleaner.blocks import Block
from cleaner.options import Options
from cleaner.rules import RULES

__all__ = ["Context", "Decision", "Layer", "run_layers"]


class Decision(NamedTuple):
    """Remove the block with index ``block`` because of ``rule`` (a registered rule id)."""

    block: int
    rule: str


@dataclasses.dataclass(frozen=True, slots=True)
class Context:
    """What a layer may read besides the live blocks.

    Attributes:
        blocks: every block of the document, removed or not, in order.
        core: first and last block index of the main-content run, or ``None``.
        removed: block index -> rule id for the blocks removed by earlier layers.
        options: the caller's options.
    """

    blocks: Sequence[Block]
    core: tuple[int, int] | None
    removed: Mapping[int, str]
    options: Options

    def in_core(self, block: Block) -> bool:
        return self.core is not None and self.core[0] <= block.index <= self.core[1]

    def alive(self, index: int) -> bool:
        return index not in self.removed


Layer = Callable[[Sequence[Block], Context], Iterable[Decision]]


def run_layers(
    blocks: Sequence[Block],
    layers: Sequence[tuple[str, Layer]],
    *,
    core: tuple[int, int] | None,
    options: Options,
) -> dict[int, tuple[str, str]]:
    """Run ``layers`` in order; return block index -> (layer name, rule id) for removals."""
    removed: dict[int, tuple[str, str]] = {}
    rules: Mapping[int, str] = MappingProxyType({})
    alive = list(blocks)
    for name, layer in layers:
        context = Context(blocks, core, rules, options)
        before = len(removed)
        for decision in layer(alive, context):
            if decision.rule not in RULES:
                raise KeyError(f"layer {name!r} used unregistered rule {decision.rule!r}")
            removed.setdefault(decision.block, (name, decision.rule))
        if len(removed) != before:  # what the next layers see (else as this one saw it)
            rules = MappingProxyType({i: r for i, (_, r) in removed.items()})
            alive = [b for b in alive if b.index not in removed]
    return removed
