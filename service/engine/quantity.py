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
from operator import attrgetter

from service.engine.interval import Interval


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
        return self in _AMOUNT_KINDS

    @property
    def is_rate(self) -> bool:
        return self in (Kind.PERCENT, Kind.PERCENTAGE_POINTS, Kind.BASIS_POINTS)


_AMOUNT_KINDS = frozenset(
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


_ONE = Decimal(1)


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

    def interval(self, *, strict_zeros: bool = False) -> Interval:
        """The closed rounding interval [x - u/2, x + u/2] of the figure as written."""
        half = self.rounding_step(strict_zeros=strict_zeros) / 2
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
            and abs(self.value) >= 100 * self.multiplier
        )

    def with_changes(self, **changes: object) -> Quantity:
        """A copy with some fields changed (`dataclasses.replace`, without its generic work)."""
        values = dict(zip(_FIELD_NAMES, _all_fields(self), strict=True))
        values.update(changes)
        return new_quantity(**values)


# The lexer builds figures through this name; kept as the plain constructor on purpose: a faster
# trick (filling a mutable twin class and switching `__class__`) saved about a microsecond per
# figure but was judged too obscure for the next person to change safely.
new_quantity = Quantity
_FIELD_NAMES = tuple(f.name for f in fields(Quantity))
_all_fields = attrgetter(*_FIELD_NAMES)  # every field value in one C call
