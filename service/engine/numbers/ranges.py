"""Ranges written with one suffix for two figures: "5-6%", "$12-14 million", "between 3 and 4 mln".

The lexer reads figures one at a time, so in "5-6%" the "5" has no percent sign of its own.
This pass runs over the figures in order and, when two are joined by a range connector
(a hyphen, an en dash, "to", or "and" after "between"), gives the first the scale and the
kind of the second and the second the currency of the first. "to 3.4 mln tonnes from 3.1 mln"
is not a range: "from" is no connector, and the second figure keeps no unit.
"""

from __future__ import annotations

import re
from decimal import localcontext
from typing import Final

from service.engine.quantity import Kind, Quantity, is_amount

# every gap that joins a range, as `[ ]?[-–—][ ]?|[ ]{1,2}(?:to|and)[ ]{1,2}` would match it:
# a set lookup instead of a regex call for each pair of neighbouring figures
_CONNECTORS: Final = frozenset(
    {f"{a}{dash}{b}" for dash in "-–—" for a in ("", " ") for b in ("", " ")}
    | {f"{a}{word}{b}" for word in ("to", "and") for a in (" ", "  ") for b in (" ", "  ")}
)
_LONGEST_CONNECTOR: Final = max(len(gap) for gap in _CONNECTORS)  # "  and  "
_BETWEEN: Final = re.compile(r"\bbetween[ ]{1,2}\Z", re.IGNORECASE)
_INHERITS: Final = "inherits the suffix of the next figure (range)"


def link_ranges(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The same figures, with range partners completed from each other."""
    out = list(quantities)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if second.start - first.end > _LONGEST_CONNECTOR:  # most pairs: skip the slice
            continue
        connector = text[first.end : second.start]
        if connector not in _CONNECTORS or not _is_range(text, first, connector):
            continue
        out[i] = _complete_first(first, second)
        out[i + 1] = _complete_second(out[i], second)
    return out


def _is_range(text: str, first: Quantity, connector: str) -> bool:
    if first.kind not in (Kind.NUMBER, Kind.CURRENCY):
        return False
    if connector.strip() == "and":
        start = first.start
        return _BETWEEN.search(text, max(0, start - 12), start) is not None
    return True


def _complete_first(first: Quantity, second: Quantity) -> Quantity:
    changes: dict[str, object] = {}
    if first.scale is None and second.scale is not None:
        with localcontext() as ctx:
            ctx.prec = 200
            changes["value"] = first.value * second.multiplier
            changes["step"] = first.step * second.multiplier
            if first.lenient_step is not None:
                changes["lenient_step"] = first.lenient_step * second.multiplier
        changes.update(scale=second.scale, multiplier=second.multiplier)
    if first.kind is Kind.NUMBER and second.kind is not Kind.NUMBER and is_amount(second.kind):
        changes.update(kind=second.kind, unit=second.unit, currency=second.currency)
    if not changes:
        return first
    return first.with_changes(notes=(*first.notes, _INHERITS), **changes)


def _complete_second(first: Quantity, second: Quantity) -> Quantity:
    if first.currency is None or second.currency is not None or second.kind is not Kind.NUMBER:
        return second
    note = "inherits the currency of the previous figure (range)"
    return second.with_changes(
        kind=Kind.CURRENCY, currency=first.currency, notes=(*second.notes, note)
    )
