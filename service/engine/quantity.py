"""The value the lexer produces for every figure it reads.

A `Quantity` keeps the surface as written next to the exact reading: the `Decimal` value with the
scale word applied, the rounding step implied by the digits as written, and everything else a
reader needs to know how precisely the figure was stated (currency, unit, approximator, bound,
alternative readings). It is a frozen value: later stages never mutate what was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final

from service.engine.interval import Interval
from service.engine.values import by_fields


class Kind(StrEnum):
    """What a figure is. Only amounts, percents and units take part in arithmetic claims."""

    NUMBER = "number"
    PERCENT = "percent"
    PERCENTAGE_POINTS = "percentage_points"
    BASIS_POINTS = "basis_points"
    CURRENCY = "currency"
    UNIT = "unit"
    DATE = "date"
    YEAR = "year"
    FISCAL_YEAR = "fiscal_year"
    ORDINAL = "ordinal"
    CODE = "code"
    MULTIPLE = "multiple"  # a multiple word standing for a ratio: "doubled", "halved"
    DIRECTION = "direction"  # a direction word standing for a sign: "rose" +1, "fell" −1

    @property
    def is_amount(self) -> bool:
        return is_amount(self)

    @property
    def is_rate(self) -> bool:
        return is_rate(self)


_AMOUNT_KINDS: Final = frozenset(
    {
        Kind.NUMBER,
        Kind.PERCENT,
        Kind.PERCENTAGE_POINTS,
        Kind.BASIS_POINTS,
        Kind.CURRENCY,
        Kind.UNIT,
        Kind.MULTIPLE,
    }
)


# The engine's hot paths call these functions, not the properties above: a property of an Enum
# (a Python class, not a native one) is a generic attribute lookup and call, several hundred
# instructions, where mypyc calls a module function directly.
def is_amount(kind: Kind) -> bool:
    """Whether figures of this kind take part in arithmetic claims."""
    return kind in _AMOUNT_KINDS


def is_rate(kind: Kind) -> bool:
    """Whether figures of this kind are rates: percent, percentage points, basis points."""
    return kind is Kind.PERCENT or kind is Kind.PERCENTAGE_POINTS or kind is Kind.BASIS_POINTS


class Hedge(StrEnum):
    """How an approximator or bound word changes the interval a figure stands for (DOMAIN §A.19)."""

    EXACT = "exact"  # exactly, precisely
    ABOUT = "about"  # about, around, roughly: two-sided tolerance
    NEARLY = "nearly"  # nearly, almost: close, from below
    OVER = "over"  # more than, over, above: strict lower bound
    AT_LEAST = "at_least"  # at least, no less than
    UNDER = "under"  # less than, under, below: strict upper bound
    AT_MOST = "at_most"  # up to, at most, as much as
    EITHER = "either"  # "N times more": N× (usage) or (N+1)× (literal), DOMAIN §A.4


_ONE: Final = Decimal(1)
# Decimal, not int: Decimal arithmetic with an int converts the int on every use
_TWO: Final = Decimal(2)
_HUNDRED: Final = Decimal(100)


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure read from text, with its exact value and the precision it was stated with.

    `step` is the rounding unit of the digits as written ("2.61 billion" -> 0.01e9);
    `lenient_step` is the coarser unit that an integer with trailing zeros may stand for
    ("2,600" -> 100; DOMAIN §B.1), equal to `step` otherwise.
    """

    text: str
    start: int
    end: int
    value: Decimal
    step: Decimal
    kind: Kind
    lenient_step: Decimal | None = None
    currency: str | None = None
    unit: str | None = None
    scale: str | None = None
    multiplier: Decimal = _ONE
    approximator: str | None = None
    bound: str | None = None
    hedge: Hedge | None = None
    ambiguous: tuple[str, ...] = ()
    digits: str = ""
    notes: tuple[str, ...] = field(default=())
    # For a figure that stands for a sum of stated parts: the parts (DOMAIN §A.6).
    parts: tuple[Quantity, ...] = field(default=())

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python (a sixth of a check was spent in them).
    # tests/test_engine_classes.py keeps it in step with the fields.
    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        value: Decimal,
        step: Decimal,
        kind: Kind,
        lenient_step: Decimal | None = None,
        currency: str | None = None,
        unit: str | None = None,
        scale: str | None = None,
        multiplier: Decimal = _ONE,
        approximator: str | None = None,
        bound: str | None = None,
        hedge: Hedge | None = None,
        ambiguous: tuple[str, ...] = (),
        digits: str = "",
        notes: tuple[str, ...] = (),
        parts: tuple[Quantity, ...] = (),
    ) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "step", step)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "lenient_step", lenient_step)
        object.__setattr__(self, "currency", currency)
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "scale", scale)
        object.__setattr__(self, "multiplier", multiplier)
        object.__setattr__(self, "approximator", approximator)
        object.__setattr__(self, "bound", bound)
        object.__setattr__(self, "hedge", hedge)
        object.__setattr__(self, "ambiguous", ambiguous)
        object.__setattr__(self, "digits", digits)
        object.__setattr__(self, "notes", notes)
        object.__setattr__(self, "parts", parts)

    def interval(self, *, strict_zeros: bool = False) -> Interval:
        """The closed rounding interval [x - u/2, x + u/2] of the figure as written."""
        half = self.rounding_step(strict_zeros=strict_zeros) / _TWO
        return Interval(self.value - half, self.value + half)

    def rounding_step(self, *, strict_zeros: bool = False, any_size: bool = False) -> Decimal:
        """The rounding unit; `any_size` lets a two-digit figure be coarse too (a converted
        "90 metres" is rounded to tens)."""
        if strict_zeros or self.lenient_step is None:
            return self.step
        if self.is_coarse_integer or any_size:
            return self.lenient_step
        return self.step

    @property
    def is_coarse_integer(self) -> bool:
        """True when the lenient reading widens an integer with trailing zeros.

        Only from three digits up: "2,600" may be rounded to hundreds, but "40%" or "$20mn"
        are read as written (two-digit figures are how writers state exact small numbers).
        """
        return (
            self.lenient_step is not None
            and self.lenient_step != self.step
            and abs(self.value) >= _HUNDRED * self.multiplier
        )

    def with_changes(self, **changes: Any) -> Quantity:
        """A copy with some fields changed, as `dataclasses.replace` makes but without its
        generic work: the constructor is called directly (a native call once compiled)."""
        if not _FIELD_NAMES.issuperset(changes):
            raise TypeError(f"Quantity has no field {sorted(set(changes) - _FIELD_NAMES)}")
        get = changes.get
        return Quantity(
            get("text", self.text),
            get("start", self.start),
            get("end", self.end),
            get("value", self.value),
            get("step", self.step),
            get("kind", self.kind),
            get("lenient_step", self.lenient_step),
            get("currency", self.currency),
            get("unit", self.unit),
            get("scale", self.scale),
            get("multiplier", self.multiplier),
            get("approximator", self.approximator),
            get("bound", self.bound),
            get("hedge", self.hedge),
            get("ambiguous", self.ambiguous),
            get("digits", self.digits),
            get("notes", self.notes),
            get("parts", self.parts),
        )

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:  # see service/engine/values.py
        return by_fields(self)


_FIELD_NAMES: Final = frozenset(f.name for f in fields(Quantity))
