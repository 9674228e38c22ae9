"""Names the likely mistake behind a failed check (DOMAIN §B.6, error fingerprints).

Each test asks: had the writer made this particular slip, would the stated figure come out? The
rule's own mistakes (alternative relations written in its TOML file) are tried first, then the
generic fingerprints that apply to any rule: a decimal slip in the stated figure, a scale slip
(million for billion) or a transposed or dropped digit in one of the levels.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from service.engine.arithmetic import RELATIONS, computed_in
from service.engine.corners import (
    divisors,
    evaluate_corners,
    is_arithmetic,
    point_value,
    range_over,
    relation_names,
)
from service.engine.errors import IntervalError
from service.engine.expression import Node, evaluate
from service.engine.interval import TWO, ZERO, Interval
from service.engine.numfmt import plain
from service.engine.quantity import Kind, Quantity

if TYPE_CHECKING:
    from service.engine.judge import Evaluation


Evaluator = Callable[[Node, Mapping[str, Interval]], Interval]


@dataclass(frozen=True, slots=True)
class Diagnosis:
    name: str
    says: str

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python (a sixth of a check was spent in them).
    # tests/test_engine_classes.py keeps it in step with the fields.
    def __init__(
        self,
        name: str,
        says: str,
    ) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "says", says)


def diagnose(evaluation: Evaluation, computed: Interval) -> Diagnosis | None:
    """The likely mistake, or None. Computed in `arithmetic.RELATIONS`, where the relation is
    evaluated dozens of times: entering it once costs less than at every evaluation."""
    return computed_in(RELATIONS, lambda: _diagnose(evaluation, computed))


def _diagnose(evaluation: Evaluation, computed: Interval) -> Diagnosis | None:
    # A direction word that disagrees with its levels is a wrong word far more often than a
    # level with a slipped digit that happens to reverse the order: no digit search there.
    tests = (
        (_decimal_slip, _rule_mistakes)
        if evaluation.rule.display == "direction"
        else (_decimal_slip, _rule_mistakes, _level_typos)
    )
    for test in tests:
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
    expression = rule.relation.expression
    for role in rule.roles:
        if role == rule.target:
            continue
        quantity = evaluation.candidate.roles[role]
        if quantity.parts:
            found = _part_typos(evaluation, role, quantity)
            if found is not None:
                return found
            continue
        rewrites = list(_variants(quantity))
        ranges = _Ranges(expression, evaluation.strict_env, role, quantity, rewrites)
        best: tuple[Decimal, Diagnosis] | None = None
        for index in _fitting(ranges, evaluation.stated):
            name, digits, says = rewrites[index]
            # Several rewrites may fit ("200" and "201"); the one whose own value lands
            # nearest the stated figure is the likelier slip (the first written, on a tie).
            miss = _miss(expression, ranges.with_rewrite(index), evaluation.stated)
            if best is None or miss < best[0]:
                best = (miss, Diagnosis(name, f"{quantity.text} {says} {digits}"))
        if best is not None:
            return best[1]
    return None


class _Ranges:
    """The relation's range with one level re-read as each rewrite of its digits, computed when
    first needed: re-reading a figure costs more than comparing its digits. The boxes of the
    other inputs stay put in a list, in the relation's order, and the rewrite's box goes in at
    `position`."""

    def __init__(
        self,
        node: Node,
        env: Mapping[str, Interval],
        role: str,
        quantity: Quantity,
        rewrites: list[tuple[str, str, str]],
    ) -> None:
        self.node, self.env, self.role, self.quantity = node, env, role, quantity
        self.digits = [digits for _, digits, _ in rewrites]
        self.order = [_magnitude(digits) for digits in self.digits]
        self.boxes: dict[int, Interval] = {}
        self.known: dict[int, Interval | None] = {}
        names = relation_names(node)
        self.template = [env[name] for name in names]
        self.position = names.index(role)
        self.others_keep_sign = all(
            not box.contains_zero() for name, box in env.items() if name != role
        )

    def box(self, index: int) -> Interval:
        if index not in self.boxes:
            self.boxes[index] = _reread(self.quantity, self.digits[index])
        return self.boxes[index]

    def with_rewrite(self, index: int) -> dict[str, Interval]:
        env = dict(self.env)
        env[self.role] = self.box(index)
        return env

    def divisor_signs(self, index: int) -> tuple[bool, ...] | None:
        """Whether each divisor is positive with this rewrite; None when one may be zero."""
        env = self.with_rewrite(index)
        signs = []
        for divisor in divisors(self.node):
            try:
                found = evaluate(divisor, env)
            except IntervalError:
                return None
            if found.contains_zero():
                return None
            signs.append(found.low > ZERO)
        return tuple(signs)

    def get(self, index: int) -> Interval | None:
        if index not in self.known:
            boxes = list(self.template)
            boxes[self.position] = self.box(index)
            try:
                self.known[index] = range_over(self.node, boxes)
            except IntervalError:
                self.known[index] = None
        return self.known[index]

    def fits(self, index: int, stated: Interval) -> bool:
        found = self.get(index)
        return found is not None and found.overlaps(stated)


def _fitting(ranges: _Ranges, stated: Interval) -> list[int]:
    """The indexes of the rewrites that, read for their level, make the relation meet `stated`.

    A level has dozens of one-slip rewrites and an unexplained claim tries them all, so this
    was most of the cost of checking an inconsistent claim. Rewrites with as many decimals stand
    for boxes of one width; ordered by value, their ranges move one way (the relation is
    monotone in each input), so those that fit form one run, whose start is found by bisection;
    each one in it is still checked. Relations with a function (abs, mod, …) are tried one by one.
    """
    count = len(ranges.digits)
    if not is_arithmetic(ranges.node):
        return [i for i in range(count) if ranges.fits(i, stated)]
    widths: dict[int, list[int]] = {}
    for index, digits in enumerate(ranges.digits):
        widths.setdefault(_exponent(digits), []).append(index)
    found: list[int] = []
    for group in widths.values():
        # by value, and by index among equal values (as a stable sort would keep them)
        ordered = sorted([(ranges.order[index], index) for index in group])
        found.extend(_run([index for _, index in ordered], ranges, stated))
    return sorted(found)


def _run(group: list[int], ranges: _Ranges, stated: Interval) -> list[int]:
    """The members of `group` (ordered by value) that fit: by bisection when the relation is
    monotone along the group, else one by one.

    Monotone along the group means here: the relation uses only the four operations, no other
    input's box holds zero (so no partial derivative changes sign across a box) and no divisor
    crosses zero between the smallest and the largest rewrite (no pole in between), which makes
    every relation of the rules (sums, differences, products and ratios of the inputs) move one
    way; tests/test_diagnose_search.py checks the result against trying every rewrite.
    """
    if len(group) <= 4 or not ranges.others_keep_sign:
        return [i for i in group if ranges.fits(i, stated)]
    signs = ranges.divisor_signs(group[0])
    if signs is None or signs != ranges.divisor_signs(group[-1]):
        return [i for i in group if ranges.fits(i, stated)]
    first, last = ranges.get(group[0]), ranges.get(group[-1])
    if first is None or last is None:
        return [i for i in group if ranges.fits(i, stated)]
    if first.low <= last.low and first.high <= last.high:
        rising, lowest, highest = group, first, last
    elif first.low >= last.low and first.high >= last.high:
        rising, lowest, highest = group[::-1], last, first
    else:
        return [i for i in group if ranges.fits(i, stated)]
    # Along `rising` both ends of the range grow: "high reaches the stated low" holds from some
    # point on, and "low stays under the stated high" up to some point; the fits lie between.
    # Most groups pass by the stated figure on one side, which their two ends already show.
    if highest.high < stated.low or lowest.low > stated.high:
        return []
    if lowest.high >= stated.low:
        start: int | None = 0
    else:
        start = _first_true(rising, ranges, lambda r: r.high >= stated.low)
    if start is None:
        return [i for i in group if ranges.fits(i, stated)]
    # From `start` on every range reaches the stated low, so they fit while their low stays
    # under the stated high: a walk of the run's length plus one, where a second bisection
    # for its end cost a handful of ranges (most runs are empty).
    found: list[int] = []
    for index in rising[start:]:
        reached = ranges.get(index)
        if reached is None:
            return [i for i in group if ranges.fits(i, stated)]
        if reached.low > stated.high:
            break
        if reached.overlaps(stated):
            found.append(index)
    return sorted(found)


def _first_true(
    rising: list[int], ranges: _Ranges, holds: Callable[[Interval], bool]
) -> int | None:
    """The first position in `rising` where `holds` is true (len when never), or None when a
    range there cannot be computed."""
    low, high = 0, len(rising)
    while low < high:
        middle = (low + high) // 2
        found = ranges.get(rising[middle])
        if found is None:
            return None
        if holds(found):
            high = middle
        else:
            low = middle + 1
    return low


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


def _variants(quantity: Quantity) -> list[tuple[str, str, str]]:
    """Single-slip rewrites of a level's digits: transposition, a dropped digit, a scale slip."""
    digits = quantity.digits
    if not digits or not digits.replace(".", "").isdigit() or len(digits) > 12:
        return []
    found: list[tuple[str, str, str]] = []
    for index in range(len(digits) - 1):
        a, b = digits[index], digits[index + 1]
        if a != b and a.isdigit() and b.isdigit():
            swapped = digits[:index] + b + a + digits[index + 2 :]
            found.append(("transposed_digits", swapped, "fits with two digits swapped:"))
    integer_end = digits.find(".") if "." in digits else len(digits)
    # A dropped digit in the integer part only, never before a leading zero ("0.5" -> "07.5").
    if digits[0] != "0" and digits.count(".") <= 1:
        for index in range(1, integer_end + 1):
            head, tail = digits[:index], digits[index:]
            for digit in "0123456789":
                found.append(("dropped_digit", head + digit + tail, "fits if a digit was dropped:"))
    for factor, label in ((Decimal(1000), "×1000"), (Decimal("0.001"), "÷1000")):
        scaled = Decimal(digits) * factor
        says = f"fits with a scale slip ({label}):"
        found.append(("scale_slip", format(scaled.normalize(), "f"), says))
    return found


def _exponent(digits: str) -> int:
    """The exponent of the last digit of plain digits ("2.610" -> -3, "2610" -> 0): what
    `Decimal(digits).as_tuple().exponent` says, without building the tuple (a Python-level
    named tuple, made for every rewrite of every level)."""
    point = digits.find(".")
    return 0 if point < 0 else point + 1 - len(digits)


def _magnitude(digits: str) -> str:
    """A sort key that orders plain digits with as many decimals as each other by value, as
    `Decimal(digits)` would, without building the Decimal or an int: the digits padded with
    zeros to one width, so that their points line up and text order is value order ("035.6"
    and "35.6" pad alike). Rewrites are a few characters longer than the level at most."""
    return digits.rjust(_KEY_WIDTH, "0")


_KEY_WIDTH: Final = 32


_STEPS: Final[dict[int, Decimal]] = {}


def _unit(exponent: int) -> Decimal:
    """One unit of the last digit (exponent -2 -> 0.01); few exponents occur, so each is kept."""
    step = _STEPS.get(exponent)
    if step is None:
        step = _STEPS[exponent] = Decimal(1).scaleb(exponent)
    return step


def _reread(quantity: Quantity, digits: str) -> Interval:
    value = Decimal(digits)
    step = _unit(_exponent(digits))
    multiplier = quantity.multiplier
    half = step * multiplier / TWO
    sign = -1 if quantity.value < ZERO else 1
    center = value * multiplier * sign
    return Interval(center - half, center + half)


def _near(interval: Interval) -> str:
    return f"{plain(interval.low, 2)} to {plain(interval.high, 2)}"
