"""Names the likely mistake behind a failed check (DOMAIN §B.6, error fingerprints).

Each test asks: had the writer made this particular slip, would the stated figure come out? The
rule's own mistakes (alternative relations written in its TOML file) are tried first, then the
generic fingerprints that apply to any rule: a decimal slip in the stated figure, a scale slip
(million for billion) or a transposed or dropped digit in one of the levels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from service.engine.corners import evaluate_corners, point_value
from service.engine.errors import IntervalError
from service.engine.expression import Node
from service.engine.interval import Interval
from service.engine.numfmt import plain
from service.engine.quantity import Kind, Quantity

if TYPE_CHECKING:
    from service.engine.judge import Evaluation


Evaluator = Callable[[Node, Mapping[str, Interval]], Interval]


@dataclass(frozen=True, slots=True)
class Diagnosis:
    name: str
    says: str


def diagnose(evaluation: Evaluation, computed: Interval) -> Diagnosis | None:
    for test in (_decimal_slip, _rule_mistakes, _level_typos):
        found = test(evaluation, computed)
        if found is not None:
            return found
    return None


def _decimal_slip(evaluation: Evaluation, computed: Interval) -> Diagnosis | None:
    stated = evaluation.stated
    for power in (1, 2, -1, -2):
        factor = Decimal(10) ** power
        shifted = Interval(stated.low / factor, stated.high / factor)
        if shifted.overlaps(computed):
            figure = evaluation.target.text
            return Diagnosis(
                "decimal_slip",
                f"{figure} looks like a decimal slip: the levels give {_near(computed)}",
            )
    return None


def _rule_mistakes(evaluation: Evaluation, computed: Interval) -> Diagnosis | None:
    levels_are_rates = all(
        evaluation.candidate.roles[role].kind is Kind.PERCENT
        for role in ("old", "new")
        if role in evaluation.candidate.roles
    )
    for mistake in evaluation.rule.mistakes:
        if mistake.when_levels == "rate" and not levels_are_rates:
            continue
        try:
            alternative = evaluate_corners(mistake.expression, evaluation.strict_env)
        except IntervalError:
            continue
        if alternative.overlaps(evaluation.stated):
            return Diagnosis(mistake.name, mistake.says)
    return None


def _level_typos(evaluation: Evaluation, computed: Interval) -> Diagnosis | None:
    rule = evaluation.rule
    for role in rule.roles:
        if role == rule.target:
            continue
        quantity = evaluation.candidate.roles[role]
        if quantity.parts:
            found = _part_typos(evaluation, role, quantity)
            if found is not None:
                return found
            continue
        best: tuple[Decimal, Diagnosis] | None = None
        for name, digits, says in _variants(quantity):
            env = dict(evaluation.strict_env)
            env[role] = _reread(quantity, digits)
            if _fits(rule.relation.expression, env, evaluation.stated, evaluate_corners):
                # Several rewrites may fit ("200" and "201"); the one whose own value lands
                # nearest the stated figure is the likelier slip.
                miss = _miss(rule.relation.expression, env, evaluation.stated)
                if best is None or miss < best[0]:
                    best = (miss, Diagnosis(name, f"{quantity.text} {says} {digits}"))
        if best is not None:
            return best[1]
    return None


def _miss(node: Node, env: dict[str, Interval], stated: Interval) -> Decimal:
    centres = {name: interval.midpoint for name, interval in env.items()}
    try:
        return abs(point_value(node, centres) - stated.midpoint)
    except IntervalError:
        return Decimal("Infinity")


def _part_typos(evaluation: Evaluation, role: str, summed: Quantity) -> Diagnosis | None:
    """A slip in one part of a sum: re-add the parts with one of them re-read."""
    rule = evaluation.rule
    for index, part in enumerate(summed.parts):
        others = [p.interval() for i, p in enumerate(summed.parts) if i != index]
        for name, digits, says in _variants(part):
            total = _reread(part, digits)
            for other in others:
                total = total + other
            env = dict(evaluation.strict_env)
            env[role] = total
            if _fits(rule.relation.expression, env, evaluation.stated, evaluate_corners):
                return Diagnosis(name, f"{part.text} {says} {digits}")
    return None


def _fits(node: Node, env: dict[str, Interval], stated: Interval, how: Evaluator) -> bool:
    try:
        return how(node, env).overlaps(stated)
    except IntervalError:
        return False


def _variants(quantity: Quantity) -> Iterator[tuple[str, str, str]]:
    """Single-slip rewrites of a level's digits: transposition, a dropped digit, a scale slip."""
    digits = quantity.digits
    if not digits or not digits.replace(".", "").isdigit() or len(digits) > 12:
        return
    for index in range(len(digits) - 1):
        a, b = digits[index], digits[index + 1]
        if a != b and a.isdigit() and b.isdigit():
            swapped = digits[:index] + b + a + digits[index + 2 :]
            yield "transposed_digits", swapped, "fits with two digits swapped:"
    integer_end = digits.find(".") if "." in digits else len(digits)
    for index in range(1, integer_end + 1):  # a dropped digit in the integer part only
        for digit in "0123456789":
            candidate = digits[:index] + digit + digits[index:]
            if candidate[0] != "0" and candidate.count(".") <= 1:
                yield "dropped_digit", candidate, "fits if a digit was dropped:"
    for factor, label in ((Decimal(1000), "×1000"), (Decimal("0.001"), "÷1000")):
        scaled = Decimal(digits) * factor
        yield "scale_slip", format(scaled.normalize(), "f"), f"fits with a scale slip ({label}):"


def _reread(quantity: Quantity, digits: str) -> Interval:
    value = Decimal(digits)
    exponent = value.as_tuple().exponent
    step = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    multiplier = quantity.multiplier
    half = step * multiplier / 2
    sign = -1 if quantity.value < 0 else 1
    center = value * multiplier * sign
    return Interval(center - half, center + half)


def _near(interval: Interval) -> str:
    return f"{plain(interval.low, 2)} to {plain(interval.high, 2)}"
