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
    section,
)
from service.engine.errors import IntervalError
from service.engine.expression import Node, Var, evaluate
from service.engine.interval import ZERO, Interval
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


_SLIPS: Final = tuple(Decimal(10) ** power for power in (1, 2, -1, -2))


def _decimal_slip(evaluation: Evaluation, computed: Interval) -> Diagnosis | None:
    stated = evaluation.stated
    for factor in _SLIPS:
        # the stated figure shifted: does [low / factor, high / factor] meet `computed`?
        if stated.low / factor <= computed.high and computed.low <= stated.high / factor:
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
    for role in rule.inputs:
        quantity = evaluation.candidate.roles[role]
        if quantity.parts:
            found = _part_typos(evaluation, role, quantity)
            if found is not None:
                return found
            continue
        ranges = _Ranges(expression, evaluation.strict_env, role, quantity)
        best: tuple[Decimal, Diagnosis] | None = None
        for index in _fitting(ranges, evaluation.stated):
            name, digits, says = ranges.rewrites.written(index)
            # Several rewrites may fit ("200" and "201"); the one whose own value lands
            # nearest the stated figure is the likelier slip (the first written, on a tie).
            miss = _miss(expression, ranges.with_rewrite(index), evaluation.stated)
            if best is None or miss < best[0]:
                best = (miss, Diagnosis(name, f"{quantity.text} {says} {digits}"))
        if best is not None:
            return best[1]
    return None


_SWAPPED: Final = "fits with two digits swapped:"
_DROPPED: Final = "fits if a digit was dropped:"
_SCALES: Final = (
    (Decimal(1000), "fits with a scale slip (×1000):"),
    (Decimal("0.001"), "fits with a scale slip (÷1000):"),
)
_POWERS_OF_TEN: Final[tuple[int, ...]] = tuple(10**power for power in range(20))
_NEGATIVE_ONE: Final = Decimal(-1)
_ZERO_CODE: Final = ord("0")
_HALF: Final = Decimal("0.5")  # halving by multiplication: exact, at half the cost of a division


class _Rewrites:
    """The single-slip rewrites of a level's digits: two adjacent digits transposed, a digit
    dropped from the integer part, a scale slip of a thousand either way, in that order.

    The search reads each rewrite as an integer mantissa at an exponent ("25.61": 2561 at -2),
    worked out with a few integer operations from the level's own; only a rewrite that fits is
    written out as digits. Writing dozens of strings per level and reading each back as a
    Decimal cost more than evaluating the relation for the few the search needs.
    """

    def __init__(self, quantity: Quantity) -> None:
        digits = quantity.digits
        self.digits = digits
        self.multiplier = quantity.multiplier
        self.negative = quantity.value < ZERO
        self.swaps: list[int] = []  # where two adjacent digits differ: the first one's index
        self.inserts = 0  # how many places a dropped digit may go: after each integer digit
        self.digit_slips = 0
        self.mantissas: list[int] = []
        self.exponents: list[int] = []
        self.scales: dict[int, tuple[Decimal, Decimal]] = {}
        if not digits or not digits.replace(".", "").isdigit() or len(digits) > 12:
            self.count = 0
            return
        for index in range(len(digits) - 1):
            a, b = digits[index], digits[index + 1]
            if a != b and a.isdigit() and b.isdigit():
                self.swaps.append(index)
        # A dropped digit in the integer part only, never before a leading zero ("0.5" -> "07.5").
        if digits[0] != "0" and digits.count(".") <= 1:
            point = digits.find(".")
            self.inserts = point if point >= 0 else len(digits)
        self.digit_slips = len(self.swaps) + 10 * self.inserts  # at the level's own exponent
        self.count = self.digit_slips + len(_SCALES)
        self._read()

    def _read(self) -> None:
        """The mantissa and the exponent of every rewrite, in their order."""
        digits, mantissas = self.digits, self.mantissas
        whole = digits.replace(".", "")
        level, width, exponent = int(whole), len(whole), _exponent(digits)
        point = digits.find(".")
        for index in self.swaps:
            # the digits' places in `whole`, counted from its end: the second one's is `power`
            power = width - 2 - (index if point < 0 or index < point else index - 1)
            # a digit's value from its code point: `int()` would parse a one-character string
            a, b = ord(digits[index]) - _ZERO_CODE, ord(digits[index + 1]) - _ZERO_CODE
            mantissas.append(level + (b - a) * 9 * _POWERS_OF_TEN[power])
        for place in range(1, self.inserts + 1):
            below = _POWERS_OF_TEN[width - place]  # one unit of the digit put in at `place`
            head, tail = level // below * below * 10, level % below
            for digit in range(10):
                mantissas.append(head + digit * below + tail)
        self.exponents = [exponent] * len(mantissas)
        for shift in (3, -3):
            mantissa, scaled = _normalized(level, exponent + shift)
            mantissas.append(mantissa)
            self.exponents.append(scaled)

    def written(self, index: int) -> tuple[str, str, str]:
        """The rewrite as the diagnosis names it: its fingerprint, its digits, what it says."""
        digits, swaps = self.digits, self.swaps
        if index < len(swaps):
            at = swaps[index]
            swapped = digits[:at] + digits[at + 1] + digits[at] + digits[at + 2 :]
            return "transposed_digits", swapped, _SWAPPED
        index -= len(swaps)
        if index < 10 * self.inserts:
            at = 1 + index // 10
            return "dropped_digit", digits[:at] + str(index % 10) + digits[at:], _DROPPED
        factor, says = _SCALES[index - 10 * self.inserts]
        return "scale_slip", format((Decimal(digits) * factor).normalize(), "f"), says

    def box(self, index: int) -> Interval:
        """The rewrite read as its level: the interval of its last digit's rounding, scaled and
        signed as the level is."""
        exponent = self.exponents[index]
        scale = self.scales.get(exponent)
        if scale is None:
            unit = _unit(exponent) * self.multiplier
            signed = unit * _NEGATIVE_ONE if self.negative else unit
            scale = self.scales[exponent] = (signed, unit * _HALF)
        center = scale[0] * self.mantissas[index]  # the int read in C, not by `Decimal()`
        return Interval(center - scale[1], center + scale[1])


def _normalized(mantissa: int, exponent: int) -> tuple[int, int]:
    """The mantissa and the exponent of `mantissa`e`exponent` as `format(x.normalize(), "f")`
    writes it: without trailing zeros after the point, and no point when it is whole."""
    if mantissa == 0:
        return 0, 0
    while mantissa % 10 == 0:
        mantissa //= 10
        exponent += 1
    if exponent >= 0:
        return mantissa * _POWERS_OF_TEN[exponent], 0
    return mantissa, exponent


class _Ranges:
    """The relation's range with one level re-read as each rewrite of its digits, computed when
    first needed. The boxes of the inputs stay put in a list, in the relation's order, and each
    rewrite's box goes in at `position` in turn."""

    def __init__(self, node: Node, env: Mapping[str, Interval], role: str, quantity: Quantity):
        self.node, self.env, self.role = node, env, role
        self.rewrites = rewrites = _Rewrites(quantity)
        self.boxes: list[Interval | None] = [None] * rewrites.count
        self.tried = [False] * rewrites.count
        self.known: list[Interval | None] = [None] * rewrites.count
        self.divisors = divisors(node)
        names = relation_names(node)
        self.inputs = [env[name] for name in names]
        self.position = names.index(role)
        self.others_keep_sign = all(
            not box.contains_zero() for name, box in env.items() if name != role
        )
        # One end of a range at half the corners, where the relation is monotone in the level
        # (see `end`); None where the ranges are not computed at corners.
        self.section = section(node, self.inputs, self.position)
        # What a group searched by `_run` showed: while the divisors keep these signs, a box
        # whose top is at most `tops_under` or whose bottom is at least `bottoms_over` cannot fit.
        self.signs: tuple[bool, ...] | None = None
        self.tops_under: Decimal | None = None
        self.bottoms_over: Decimal | None = None

    def box(self, index: int) -> Interval:
        box = self.boxes[index]
        if box is None:
            box = self.boxes[index] = self.rewrites.box(index)
        return box

    def with_rewrite(self, index: int) -> dict[str, Interval]:
        env = dict(self.env)
        env[self.role] = self.box(index)
        return env

    def divisor_signs(self, index: int) -> tuple[bool, ...] | None:
        """Whether each divisor is positive with this rewrite; None when one may be zero."""
        env: dict[str, Interval] | None = None
        signs = []
        for divisor in self.divisors:
            # Most divisors are one figure ("old"): read its box rather than evaluate it.
            if isinstance(divisor, Var):
                name = divisor.name
                found = self.box(index) if name == self.role else self.env[name]
            else:
                if env is None:
                    env = self.with_rewrite(index)
                try:
                    found = evaluate(divisor, env)
                except IntervalError:
                    return None
            if found.contains_zero():
                return None
            signs.append(found.low > ZERO)
        return tuple(signs)

    def get(self, index: int) -> Interval | None:
        if not self.tried[index]:
            self.tried[index] = True
            inputs = self.inputs
            inputs[self.position] = self.box(index)
            try:
                self.known[index] = range_over(self.node, inputs)
            except IntervalError:
                self.known[index] = None
        return self.known[index]

    def fits(self, index: int, stated: Interval) -> bool:
        found = self.get(index)
        return found is not None and found.overlaps(stated)

    def end(self, index: int, top: bool, increasing: bool) -> Decimal | None:
        """The top or the bottom of the rewrite's range, where the relation is monotone in the
        level (`increasing` or not) over the boxes searched: the section at the end of the box
        that gives it, at half the cost of the range; None when it cannot be computed."""
        if self.tried[index] or self.section is None:
            known = self.get(index)
            return None if known is None else known.high if top else known.low
        box = self.box(index)
        try:
            return self.section.end(box.high if top == increasing else box.low, top)
        except IntervalError:
            return None

    def learn(self, rising: list[int], signs: tuple[bool, ...], below: int, above: int) -> None:
        """Keep what a monotone group showed: the rewrite at position `below` of `rising` and
        all before it have ranges under the stated figure, the one at `above` and all after it
        ranges over it (-1 and len: none). The relation moves one way along the level wherever
        the divisors keep their signs, so a box further out on either side cannot fit either
        (where the ranges are computed at corners, as they are for finite figures)."""
        if self.section is None or self.box(rising[0]).low == self.box(rising[-1]).low:
            return
        self.signs = signs
        # Whether the level grows along `rising`: then the top of a box decides how high its
        # range reaches, and its bottom how low; when it shrinks, the other way round.
        growing = self.box(rising[0]).low < self.box(rising[-1]).low
        if below >= 0:
            box = self.box(rising[below])
            if growing:
                self.tops_under = box.high
            else:
                self.bottoms_over = box.low
        if above < len(rising):
            box = self.box(rising[above])
            if growing:
                self.bottoms_over = box.low
            else:
                self.tops_under = box.high

    def ruled_out(self, index: int) -> bool:
        """Whether what `learn` kept shows that this rewrite cannot fit, without its range."""
        if self.signs is None:
            return False
        box = self.box(index)
        beyond = (self.tops_under is not None and box.high <= self.tops_under) or (
            self.bottoms_over is not None and box.low >= self.bottoms_over
        )
        return beyond and self.divisor_signs(index) == self.signs


def _fitting(ranges: _Ranges, stated: Interval) -> list[int]:
    """The indexes of the rewrites that, read for their level, make the relation meet `stated`.

    A level has dozens of one-slip rewrites and an unexplained claim tries them all, so this
    was most of the cost of checking an inconsistent claim. Rewrites with as many decimals stand
    for boxes of one width; ordered by value, their ranges move one way (the relation is
    monotone in each input), so those that fit form one run, whose start is found by bisection;
    each one in it is still checked. Relations with a function (abs, mod, …) are tried one by one.
    """
    rewrites = ranges.rewrites
    count = rewrites.count
    if not is_arithmetic(ranges.node):
        return [i for i in range(count) if ranges.fits(i, stated)]
    widths: dict[int, list[int]] = {}
    if rewrites.digit_slips:
        widths[rewrites.exponents[0]] = list(range(rewrites.digit_slips))
    for index in range(rewrites.digit_slips, count):
        widths.setdefault(rewrites.exponents[index], []).append(index)
    found: list[int] = []
    for group in widths.values():
        # by value; the sort is stable, so equal values stay in the order they were written
        group.sort(key=rewrites.mantissas.__getitem__)
        found.extend(_run(group, ranges, stated))
    return sorted(found)


def _run(group: list[int], ranges: _Ranges, stated: Interval) -> list[int]:
    """The members of `group` (ordered by value) that fit: by bisection when the relation is
    monotone along the group, else one by one (a few rewrites, such as the scale slips, one by
    one too, unless what a larger group showed rules them out).

    Monotone along the group means here: the relation uses only the four operations, no other
    input's box holds zero (so no partial derivative changes sign across a box) and no divisor
    crosses zero between the smallest and the largest rewrite (no pole in between), which makes
    every relation of the rules (sums, differences, products and ratios of the inputs) move one
    way; tests/test_diagnose_search.py checks the result against trying every rewrite.
    """
    if len(group) <= 4:
        return [i for i in group if not ranges.ruled_out(i) and ranges.fits(i, stated)]
    if not ranges.others_keep_sign:
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
    if highest.high < stated.low:
        ranges.learn(rising, signs, len(rising) - 1, len(rising))
        return []
    if lowest.low > stated.high:
        ranges.learn(rising, signs, -1, 0)
        return []
    # Ranges move one way along `rising` because the relation is monotone in the level over
    # these boxes: the searches below need one end of a range each, which `Ranges.end` finds at
    # half the cost, and whose value is the whole range's end.
    increasing = ranges.box(rising[0]).low < ranges.box(rising[-1]).low
    if lowest.high >= stated.low:
        start: int | None = 0
    else:
        start = _first_reaching(rising, ranges, stated.low, increasing)
    if start is None:
        return [i for i in group if ranges.fits(i, stated)]
    # From `start` on every range reaches the stated low, so they fit while their low stays
    # under the stated high: a walk of the run's length plus one, where a second bisection
    # for its end cost a handful of ranges (most runs are empty).
    found: list[int] = []
    end = len(rising)
    for position in range(start, len(rising)):
        bottom = ranges.end(rising[position], False, increasing)
        if bottom is None:
            return [i for i in group if ranges.fits(i, stated)]
        if bottom > stated.high:
            end = position
            break
        if ranges.fits(rising[position], stated):
            found.append(rising[position])
    ranges.learn(rising, signs, start - 1, end)
    return sorted(found)


def _first_reaching(
    rising: list[int], ranges: _Ranges, floor: Decimal, increasing: bool
) -> int | None:
    """The first position in `rising` whose range reaches `floor` (len when none does), or None
    when a range there cannot be computed."""
    low, high = 0, len(rising)
    while low < high:
        middle = (low + high) // 2
        top = ranges.end(rising[middle], True, increasing)
        if top is None:
            return None
        if top >= floor:
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
        rewrites = _Rewrites(part)
        for rewrite in range(rewrites.count):
            total = rewrites.box(rewrite)
            for other in others:
                total = total + other
            env = dict(evaluation.strict_env)
            env[role] = total
            if _fits(rule.relation.expression, env, evaluation.stated, evaluate_corners):
                name, digits, says = rewrites.written(rewrite)
                return Diagnosis(name, f"{part.text} {says} {digits}")
    return None


def _fits(node: Node, env: dict[str, Interval], stated: Interval, how: Evaluator) -> bool:
    try:
        return how(node, env).overlaps(stated)
    except IntervalError:
        return False


def _exponent(digits: str) -> int:
    """The exponent of the last digit of plain digits ("2.610" -> -3, "2610" -> 0): what
    `Decimal(digits).as_tuple().exponent` says, without building the tuple (a Python-level
    named tuple, made once per level searched)."""
    point = digits.find(".")
    return 0 if point < 0 else point + 1 - len(digits)


_STEPS: Final[dict[int, Decimal]] = {}


def _unit(exponent: int) -> Decimal:
    """One unit of the last digit (exponent -2 -> 0.01); few exponents occur, so each is kept."""
    step = _STEPS.get(exponent)
    if step is None:
        step = _STEPS[exponent] = Decimal(1).scaleb(exponent)
    return step


def _near(interval: Interval) -> str:
    return f"{plain(interval.low, 2)} to {plain(interval.high, 2)}"
