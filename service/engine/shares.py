"""Finds shares of a whole: "$1.268bn, which was 75.07pc of $1.689bn", "three of the seven
members (43%)", "40% of 12 banks" (a percentage of a small count, checked GRIM-style).

Shares need a stated whole: "accounts for 46% of revenue" names no number to check against.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from service.engine.candidate import Candidate
from service.engine.cues import words
from service.engine.quantity import Kind, Quantity, is_rate

# Between the part and its percent: "$1.268bn, or 75%", "which was 75.07pc of", "(43%)".
_PART_LINKS: Final[tuple[list[str], ...]] = (
    [","],
    ["or"],
    [",", "or"],
    ["which", "was"],
    ["which", "is"],
    [",", "which", "was"],
    [",", "representing"],
    ["representing"],
    [",", "accounting", "for"],
    ["accounting", "for"],
    ["or", "about"],
    ["equal", "to"],
    [",", "equal", "to"],
    ["equivalent", "to"],
    [",", "equivalent", "to"],
    ["making", "up"],
    [",", "or", "some"],
    [],
)
_OF_WHOLE: Final = re.compile(
    r"^\s*of\s+(?:the\s+|its\s+|a\s+)?(?:total\s+|overall\s+|combined\s+)?$", re.I
)
_PART_OF: Final = re.compile(r"^\s*(?:out\s+)?of\s+(?:the\s+|its\s+)?(?:total\s+)?$", re.I)
SMALL_COUNT: Final = 200


def _is_count(quantity: Quantity) -> bool:
    value = quantity.value
    return (
        quantity.kind is Kind.NUMBER
        and not quantity.scale
        and value == value.to_integral_value()
        and 0 < value <= SMALL_COUNT
    )


def _exact(quantity: Quantity) -> Quantity:
    """A count of things ("seven members") is exact, not rounded."""
    return (
        quantity.with_changes(step=Decimal(0), lenient_step=None)
        if _is_count(quantity)
        else quantity
    )


def share_candidates(text: str, amounts: list[Quantity]) -> list[Candidate]:
    result = []
    for index, quantity in enumerate(amounts):
        if quantity.kind is not Kind.PERCENT:
            continue
        before = amounts[index - 1] if index else None
        after = amounts[index + 1] if index + 1 < len(amounts) else None
        candidate = _percent_of_whole(text, before, quantity, after)
        candidate = candidate or _part_of_whole_then_percent(text, amounts, index)
        if candidate is not None:
            candidate.roles = {role: _exact(q) for role, q in candidate.roles.items()}
            result.append(candidate)
    return result


def _percent_of_whole(
    text: str, before: Quantity | None, percent: Quantity, whole: Quantity | None
) -> Candidate | None:
    if whole is None or is_rate(whole.kind) or not _OF_WHOLE.match(text[percent.end : whole.start]):
        return None
    part_link = words(text[before.end : percent.start]) if before is not None else None
    same_money = before is not None and before.currency in (None, whole.currency)
    if before is not None and not is_rate(before.kind) and part_link in _PART_LINKS and same_money:
        return Candidate(roles={"part": before, "percent": percent, "whole": whole}, binder="share")
    if _is_count(whole) and words(text[whole.end : whole.end + 30])[:1] != ["percent"]:
        return Candidate(
            roles={"percent": percent, "whole": whole}, binder="share"
        )  # GRIM: "40% of 12 banks"
    return None


def _part_of_whole_then_percent(text: str, amounts: list[Quantity], index: int) -> Candidate | None:
    """ "three of the seven members (43%)": part, "of", whole, then the percent in brackets."""
    if index < 2:
        return None
    part, whole, percent = amounts[index - 2], amounts[index - 1], amounts[index]
    if not (_is_count(part) and _is_count(whole)):
        return None
    if not _PART_OF.match(text[part.end : whole.start]):
        return None
    between = text[whole.end : percent.start]
    if "(" not in between or len(between) > 40:
        return None
    return Candidate(roles={"part": part, "percent": percent, "whole": whole}, binder="share")
