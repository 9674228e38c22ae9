"""Checks claims given as structured figures (the API's `/v1/claims`, the audit's columns).

Callers that already know the roles send strings such as {"old": "2.18", "new": "2.61",
"percent": "19.78"}; each string is read by the same lexer as prose, so "$2.61 billion" works as
well as "2.61" and the precision as written survives. The figures are bound to roles directly,
skipping the cue-word binder, and judged by the same rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from service.engine.arithmetic import ENGINE, computed_in
from service.engine.candidate import Candidate
from service.engine.document import Engine, judge_candidate
from service.engine.errors import StructuredClaimError
from service.engine.numbers import read_quantities
from service.engine.policy import DEFAULT_POLICY, Policy
from service.engine.quantity import Quantity, is_amount, is_rate
from service.engine.report import Report

ROLES: Final = ("old", "new", "change", "percent", "points", "bps")
DIRECTIONS: Final = ("up", "down")


def _read_one(role: str, surface: str, engine: Engine, offset: int) -> Quantity:
    figures = [q for q in read_quantities(surface, engine.lexicon) if is_amount(q.kind)]
    if len(figures) != 1:
        raise StructuredClaimError(role, f"{surface!r} does not read as exactly one figure")
    quantity = figures[0]
    if role == "percent" and not is_rate(quantity.kind):
        quantity = quantity.with_changes(kind=type(quantity.kind).PERCENT)
    return quantity.with_changes(start=quantity.start + offset, end=quantity.end + offset)


def check_structured(
    figures: Mapping[str, str],
    engine: Engine,
    direction: str | None = None,
    policy: Policy = DEFAULT_POLICY,
) -> Report:
    """Judge one claim from its figures; the report's text is the figures joined for display.
    Computed in the engine's decimal context whatever the caller's."""
    return computed_in(ENGINE, lambda: _check(figures, engine, direction, policy))


def _check(
    figures: Mapping[str, str], engine: Engine, direction: str | None, policy: Policy
) -> Report:
    unknown = sorted(set(figures) - set(ROLES))
    if unknown:
        raise StructuredClaimError(unknown[0], f"unknown role; expected one of {', '.join(ROLES)}")
    if direction is not None and direction not in DIRECTIONS:
        raise StructuredClaimError("direction", "must be 'up' or 'down'")
    parts, candidate = [], Candidate(direction=direction)
    offset = 0
    for role in ROLES:
        if role not in figures:
            continue
        label = f"{role}: "
        quantity = _read_one(role, figures[role], engine, offset + len(label))
        candidate.roles[role] = quantity
        parts.append(label + figures[role])
        offset += len(parts[-1]) + 2
    text = "; ".join(parts)
    findings = tuple(judge_candidate(candidate, engine.rules, policy)) if candidate.complete else ()
    return Report(
        text=text, figures=tuple(candidate.roles.values()), findings=findings, candidates=1
    )
