"""Writes decimals for people: fixed places, scale suffixes, signed changes, no exponents."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from service.engine.quantity import Kind, Quantity

_SUFFIX = {
    Decimal(10) ** 3: "k",
    Decimal(10) ** 5: " lakh",
    Decimal(10) ** 6: "m",
    Decimal(10) ** 7: " crore",
    Decimal(10) ** 9: "bn",
    Decimal(10) ** 12: "tn",
}
_QUANTUM = {places: Decimal(1).scaleb(-places) for places in range(8)}  # 0 → 1, 2 → 0.01
_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "PKR": "Rs", "INR": "₹", "JPY": "¥"}


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
        quantum = _QUANTUM.get(places) or Decimal(1).scaleb(-places)
        value = value.quantize(quantum, rounding=ROUND_HALF_EVEN)
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
    if "." in text and text[-1] == "0":
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def decimals_of(step: Decimal) -> int:
    """Places needed to write a value stated with this rounding step."""
    exponent = step.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def short(quantity: Quantity) -> str:
    """A compact form of a figure for expressions: 2.61bn, 19.78%, 1,622 mi."""
    digits = quantity.digits or plain(abs(quantity.value))
    sign = "−" if quantity.value < 0 else ""
    if quantity.kind is Kind.PERCENT:
        return f"{sign}{digits}%"
    if quantity.kind is Kind.PERCENTAGE_POINTS:
        return f"{sign}{digits}pp"
    if quantity.kind is Kind.BASIS_POINTS:
        return f"{sign}{digits}bp"
    suffix = _SUFFIX.get(quantity.multiplier, "")
    if quantity.kind is Kind.UNIT and quantity.unit:
        suffix += f" {quantity.unit}"
    return f"{sign}{digits}{suffix}"


def amount(value: Decimal, like: Quantity, extra_places: int = 1) -> str:
    """Write a computed amount in the units and precision of the figure it is compared with."""
    multiplier = like.multiplier if like.multiplier > 1 else Decimal(1)
    places = decimals_of(like.step / multiplier) + extra_places
    suffix = _SUFFIX.get(multiplier, "")
    symbol = _SYMBOL.get(like.currency or "", "")
    sign = "−" if value < 0 else ""
    unit = f" {like.unit}" if like.kind is Kind.UNIT and like.unit else ""
    return f"{sign}{symbol}{plain(abs(value) / multiplier, places)}{suffix}{unit}"


def points(value: Decimal, places: int = 2, unit: str = "%") -> str:
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{plain(abs(value), places)}{unit}"
