"""Decides whether the figures bound into one claim can be compared at all, and aligns them.

Levels in different currencies or units cannot be compared without a stated rate; a level written
without its scale word beside one that has it ("$465.8 … $430.7 million") takes the neighbour's
scale, and the assumption is recorded so the reader sees it.
"""

from __future__ import annotations

from typing import Final

from service.engine.candidate import AMOUNT_ROLES, LEVEL_ROLES, Candidate
from service.engine.quantity import Kind, Quantity, is_rate
from service.engine.rules import Rule


def mismatch(rule: Rule, candidate: Candidate) -> str | None:
    """Why the rule cannot be applied to these figures, or None when it can."""
    roles = candidate.roles
    if rule.binder in ("weekday", "dateline", "share", "restatement", "sum", "balance"):
        return None if set(roles) == set(rule.roles) else f"not a {rule.binder} claim"
    if rule.binder == "period":
        return None if "fy_end" in roles else "not a fiscal-period claim"
    if rule.binder == "conversion":
        units = tuple(roles[role].unit for role in rule.roles)
        return None if units == rule.units else "the units are not this rule's"
    # The rule's figures in these roles, read from its roles: `in rule.roles`, a tuple of
    # strings read from the rule files, compares every one. Their order does not matter here.
    levels = [roles[role] for role in rule.roles if role in LEVEL_ROLES and role in roles]
    if rule.levels == "rate" and any(q.kind is not Kind.PERCENT for q in levels):
        return "levels are not rates"
    if rule.levels == "amount" and any(is_rate(q.kind) for q in levels):
        return "levels are rates"
    if len(levels) == 2 and _in_words(levels[0]) != _in_words(levels[1]):
        # "the dollar index, which measures the greenback against six major currencies, rose
        # 0.3% to 104.2": a count in words is not the level a figure in digits moved from
        return "one level is written in words, the other in digits"
    amounts = [roles[role] for role in rule.roles if role in AMOUNT_ROLES and role in roles]
    if rule.levels == "any" and rule.kind == "direction" and not levels:
        return "no levels"
    if any(is_rate(q.kind) for q in amounts) and any(not is_rate(q.kind) for q in amounts):
        return "a rate and an amount cannot be compared"
    dimensions = {found for q in amounts if (found := dimension(q))}
    if len(dimensions) == 2 and "count" in dimensions and not _money(dimensions):
        dimensions.discard("count")  # "1,234 employees … compared to 1,150": a unit written once
    if len(dimensions) > 1:
        return "the figures measure different things: " + ", ".join(sorted(dimensions))
    return None


def _in_words(quantity: Quantity) -> bool:
    return quantity.text[:1].isalpha() and not quantity.currency


def _money(dimensions: set[str]) -> bool:
    return any(found.startswith("money") for found in dimensions)


# "USD" -> "money (USD)", made once per currency code: dimensions are compared for every rule
# that could apply to a claim, and the codes are the lexicon's few.
_MONEY: Final[dict[str, str]] = {}


def _money_of(currency: str) -> str:
    found = _MONEY.get(currency)
    if found is None:
        found = _MONEY[currency] = f"money ({currency})"
    return found


def dimension(quantity: Quantity) -> str | None:
    """What a figure counts: a currency, a unit, a plain count; None when it could be anything."""
    if is_rate(quantity.kind):
        return None
    if quantity.currency:
        return _money_of(quantity.currency)
    if quantity.kind is Kind.CURRENCY:
        return "money"
    if quantity.unit:
        return quantity.unit
    return None if quantity.scale else "count"


def align_scales(candidate: Candidate) -> Candidate:
    """Give a bare level the scale word of its neighbour when only one of them has one."""
    amounts = [candidate.roles[r] for r in AMOUNT_ROLES if r in candidate.roles]
    scaled = [q for q in amounts if q.scale]
    if not scaled or len(scaled) == len(amounts):
        return candidate
    reference = max(scaled, key=lambda q: q.multiplier)
    if reference.multiplier < 1:  # "rose 55.0 cents … to 46.20": the price is in units
        return candidate
    for role in AMOUNT_ROLES:
        quantity = candidate.roles.get(role)
        if quantity is None or quantity.scale or is_rate(quantity.kind):
            continue
        if quantity.kind not in (Kind.NUMBER, Kind.CURRENCY) or quantity.unit:
            continue
        if quantity.currency and reference.currency and quantity.currency != reference.currency:
            continue
        rescaled = abs(quantity.value) * reference.multiplier
        if not abs(reference.value) / 10 <= rescaled <= abs(reference.value) * 10:
            continue  # only a figure that reaches its neighbour's size lacks a scale word
        candidate.roles[role] = _rescaled(quantity, reference)
        candidate.assumptions.append(
            f"{quantity.text} read as {quantity.text} {reference.scale} (scale of {reference.text})"
        )
    return candidate


def _rescaled(quantity: Quantity, reference: Quantity) -> Quantity:
    return quantity.with_changes(
        value=quantity.value * reference.multiplier,
        step=quantity.step * reference.multiplier,
        lenient_step=(
            quantity.lenient_step * reference.multiplier if quantity.lenient_step else None
        ),
        multiplier=reference.multiplier,
        currency=quantity.currency or reference.currency,
    )
