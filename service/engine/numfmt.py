"""Writes decimals for people: fixed places, scale suffixes, signed changes, no exponents."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from service.engine.arithmetic import ENGINE
from service.engine.quantity import Kind, Quantity

# The short scale suffix of a multiplier that is a power of ten, by exponent
_SUFFIX: Final = {3: "k", 5: " lakh", 6: "m", 7: " crore", 9: "bn", 12: "tn"}
_POWERS: Final = {exponent: Decimal(10) ** exponent for exponent in _SUFFIX}
# by places (0 → 1, 2 → 0.01): a tuple, read at an index with no int boxed nor hashed
_QUANTA: Final = tuple(Decimal(1).scaleb(-places) for places in range(8))
_SYMBOL: Final = {"USD": "$", "EUR": "€", "GBP": "£", "PKR": "Rs", "INR": "₹", "JPY": "¥"}
_ONE: Final = Decimal(1)
_ZERO: Final = Decimal(0)
# Rounds half-even in the engine's context whatever the caller's, and bound once: a method
# looked up per call, with its rounding passed as a keyword, cost twice the rounding itself.
_quantize: Final = ENGINE.quantize


def plain(value: Decimal, places: int | None = None) -> str:
    """A decimal without exponent, optionally rounded to `places`.

    >>> plain(Decimal("2.61E9"))
    '2610000000'
    >>> plain(Decimal("19.7247706"), 2)
    '19.72'
    """
    if value.is_infinite():
        return "∞" if value > 0 else "−∞"
    if places is not None:
        quantum = _QUANTA[places] if 0 <= places < len(_QUANTA) else Decimal(1).scaleb(-places)
        value = _quantize(value, quantum)
    text = str(value)  # what format(value, "f") gives, at a third of the cost, unless it has
    if "E" in text:  # an exponent (positive, or below -6)
        text = format(value, "f")
    if "." in text and places is None:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def json_decimal(value: Decimal | None) -> str | None:
    """A decimal as the JSON contracts carry it: a string without exponent ("2610000000"),
    infinities as "Infinity"/"-Infinity", None as None. Here, compiled, because every figure of
    every claim in every answer goes through it."""
    if value is None:
        return None
    text = str(value)  # infinities come out as the contracts write them
    if "E" in text:
        if "E+" in text:  # an integer with an exponent ("2.61E+9"): int() writes it out
            return str(int(value))
        text = format(value, "f")  # below a millionth
    if text[-1] == "0" and "." in text:  # a character compared before a search
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def decimals_of(step: Decimal) -> int:
    """Places needed to write a value stated with this rounding step."""
    # `-step.normalize().as_tuple().exponent`, read from the text: as_tuple makes a named tuple
    # in Python, which cost several times the rest
    mantissa, _, exponent = str(step.normalize()).partition("E")
    places = len(mantissa.partition(".")[2]) - (int(exponent) if exponent else 0)
    return max(0, places)


def _scale_suffix(multiplier: Decimal) -> str:
    """ "bn" for 1E+9, "" for a multiplier with no suffix. By exponent: hashing a Decimal
    (a dict keyed by multipliers) costs thousands of instructions for each new multiplier."""
    exponent = multiplier.adjusted()
    suffix = _SUFFIX.get(exponent)
    return suffix if suffix is not None and multiplier == _POWERS[exponent] else ""


def short(quantity: Quantity) -> str:
    """A compact form of a figure for expressions: 2.61bn, 19.78%, 1,622 mi."""
    digits = quantity.digits or plain(abs(quantity.value))
    sign = "−" if quantity.value < _ZERO else ""
    if quantity.kind is Kind.PERCENT:
        return f"{sign}{digits}%"
    if quantity.kind is Kind.PERCENTAGE_POINTS:
        return f"{sign}{digits}pp"
    if quantity.kind is Kind.BASIS_POINTS:
        return f"{sign}{digits}bp"
    suffix = _scale_suffix(quantity.multiplier)
    if quantity.kind is Kind.UNIT and quantity.unit:
        suffix += f" {quantity.unit}"
    return f"{sign}{digits}{suffix}"


class AmountFormat:
    """How computed amounts are written in the units and precision of the figure they are
    compared with ("$2.61 billion": "$2.614bn"), worked out once for the several numbers of
    one explanation."""

    __slots__ = ("multiplier", "places", "prefix", "scaled", "suffix")

    def __init__(self, like: Quantity, extra_places: int = 1) -> None:
        self.scaled = like.multiplier > _ONE
        multiplier = like.multiplier if self.scaled else _ONE
        self.multiplier = multiplier
        step = like.step / multiplier if self.scaled else like.step
        self.places = decimals_of(step) + extra_places
        self.prefix = _SYMBOL.get(like.currency or "", "")
        unit = f" {like.unit}" if like.kind is Kind.UNIT and like.unit else ""
        self.suffix = _scale_suffix(multiplier) + unit

    def write(self, value: Decimal) -> str:
        sign = "−" if value < _ZERO else ""
        # `abs` rounds to the context's precision as a division does: by one, it would only copy
        magnitude = abs(value) / self.multiplier if self.scaled else abs(value)
        return f"{sign}{self.prefix}{plain(magnitude, self.places)}{self.suffix}"


def points(value: Decimal, places: int = 2, unit: str = "%") -> str:
    sign = "+" if value > _ZERO else ("−" if value < _ZERO else "")
    return f"{sign}{plain(abs(value), places)}{unit}"
