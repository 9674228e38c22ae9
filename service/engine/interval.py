"""Closed intervals over `Decimal` with outward rounding.

Every stated figure stands for the interval its rounding allows (DOMAIN §B.1), and every relation
checked is evaluated on intervals so that a claim computed from more precise data is never called
wrong (§B.2). Bounds are rounded outward (floor for the low end, ceiling for the high end) so that
the computed interval always contains the exact one; nothing passes through `float`.
Infinite bounds model one-sided statements ("more than $3 billion").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal, InvalidOperation, localcontext
from typing import Any, Final

from service.engine.errors import IntervalError
from service.engine.values import by_fields

PRECISION: Final = 40
FLOOR: Final = Context(prec=PRECISION, rounding=ROUND_FLOOR, Emax=999999, Emin=-999999)
CEILING: Final = Context(prec=PRECISION, rounding=ROUND_CEILING, Emax=999999, Emin=-999999)
# The contexts' methods, bound once: `FLOOR.add(a, b)` looks the method up on every call, which
# costs about as much as the addition itself.
_floor_add: Final = FLOOR.add
_floor_subtract: Final = FLOOR.subtract
_floor_multiply: Final = FLOOR.multiply
_floor_divide: Final = FLOOR.divide
_ceiling_add: Final = CEILING.add
_ceiling_subtract: Final = CEILING.subtract
_ceiling_multiply: Final = CEILING.multiply
_ceiling_divide: Final = CEILING.divide
INF: Final = Decimal("Infinity")
ZERO: Final = Decimal(0)
TWO: Final = Decimal(2)


@dataclass(frozen=True, slots=True)
class Interval:
    low: Decimal
    high: Decimal

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python. tests/test_engine_classes.py keeps it in step.
    def __init__(self, low: Decimal, high: Decimal) -> None:
        if low > high:
            raise ValueError(f"empty interval [{low}, {high}]")
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        return cls(value, value)

    @property
    def width(self) -> Decimal:
        return _ceiling_subtract(self.high, self.low)

    @property
    def midpoint(self) -> Decimal:
        if self.low.is_infinite() or self.high.is_infinite():
            return self.low if self.high.is_infinite() else self.high
        return _floor_divide(_floor_add(self.low, self.high), TWO)

    def contains_zero(self) -> bool:
        return self.low <= ZERO <= self.high

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def gap(self, other: Interval) -> Decimal:
        """Distance between two intervals; zero when they overlap."""
        if self.overlaps(other):
            return ZERO
        if self.high < other.low:
            return _ceiling_subtract(other.low, self.high)
        return _ceiling_subtract(self.low, other.high)

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def __add__(self, other: Interval) -> Interval:
        try:
            return Interval(_floor_add(self.low, other.low), _ceiling_add(self.high, other.high))
        except InvalidOperation as exc:
            raise IntervalError("undefined sum (infinite bounds)") from exc

    def __sub__(self, other: Interval) -> Interval:
        try:
            low = _floor_subtract(self.low, other.high)
            return Interval(low, _ceiling_subtract(self.high, other.low))
        except InvalidOperation as exc:
            raise IntervalError("undefined difference (infinite bounds)") from exc

    def __mul__(self, other: Interval) -> Interval:
        try:
            return self._mul(other)
        except InvalidOperation as exc:
            raise IntervalError("undefined product") from exc

    def _mul(self, other: Interval) -> Interval:
        lows = [_floor_multiply(a, b) for a, b in _corners(self, other)]
        highs = [_ceiling_multiply(a, b) for a, b in _corners(self, other)]
        return Interval(min(lows), max(highs))

    def __truediv__(self, other: Interval) -> Interval:
        if other.contains_zero():
            raise IntervalError("division by an interval that contains zero")
        try:
            return self._div(other)
        except InvalidOperation as exc:
            raise IntervalError("undefined quotient (infinite bounds)") from exc

    def _div(self, other: Interval) -> Interval:
        lows = [_floor_divide(a, b) for a, b in _corners(self, other)]
        highs = [_ceiling_divide(a, b) for a, b in _corners(self, other)]
        return Interval(min(lows), max(highs))

    def abs(self) -> Interval:
        if self.low >= 0:
            return self
        if self.high <= 0:
            return -self
        return Interval(ZERO, max(-self.low, self.high))

    def power(self, exponent: Decimal) -> Interval:
        """Raise a positive interval to a real power (CAGR, annualising); monotone on (0, inf)."""
        if self.low <= 0:
            raise IntervalError("power of an interval that is not positive")
        with localcontext(FLOOR):
            a = _pow(self.low, exponent, FLOOR)
            b = _pow(self.high, exponent, FLOOR)
        with localcontext(CEILING):
            c = _pow(self.low, exponent, CEILING)
            d = _pow(self.high, exponent, CEILING)
        return Interval(min(a, b), max(c, d))

    def __str__(self) -> str:
        return f"[{self.low}, {self.high}]"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:  # see service/engine/values.py
        return by_fields(self)


def _corners(a: Interval, b: Interval) -> list[tuple[Decimal, Decimal]]:
    pairs = [(a.low, b.low), (a.low, b.high), (a.high, b.low), (a.high, b.high)]
    # 0 * inf is undefined; the product of a zero bound with anything is zero.
    return [(x, y) if not (_is_zero_inf(x, y)) else (ZERO, ZERO) for x, y in pairs]


def _is_zero_inf(x: Decimal, y: Decimal) -> bool:
    return (x == 0 and y.is_infinite()) or (y == 0 and x.is_infinite())


def _pow(base: Decimal, exponent: Decimal, ctx: Context) -> Decimal:
    if exponent == exponent.to_integral_value():
        return ctx.power(base, int(exponent))
    # exp(ln(x) * e) rounds each step in the context's direction; widen by one ulp for safety.
    result = ctx.exp(ctx.multiply(ctx.ln(base), exponent))
    ulp = Decimal(1).scaleb(result.adjusted() - PRECISION + 2)
    return result - ulp if ctx.rounding == ROUND_FLOOR else result + ulp
