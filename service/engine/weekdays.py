"""Finds a weekday written beside a full date: "On Sunday, October 12, 2025".

The date becomes its proleptic Gregorian day number and the weekday word its ISO number
(Monday 1 … Sunday 7), so that the rule can state the relation as arithmetic:
`weekday == mod(date - 1, 7) + 1` (DOMAIN.md §A.16).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Final

from service.engine.candidate import Candidate
from service.engine.quantity import Kind, Quantity

WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_BEFORE: Final = re.compile(
    r"\b(?P<day>" + "|".join(WEEKDAYS) + r")\s*,?\s*(?:the\s+)?$", re.IGNORECASE
)
_ISO: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _day_number(quantity: Quantity) -> Decimal | None:
    match = _ISO.match(quantity.digits)
    if match is None:
        return None
    try:
        return Decimal(date(*map(int, match.groups())).toordinal())
    except ValueError:
        return None


def _weekday_figure(match: re.Match[str]) -> Quantity:
    """The weekday word as a figure: its ISO number, exact."""
    day = match.group("day")
    return Quantity(
        text=day,
        start=match.start("day"),
        end=match.end("day"),
        value=Decimal(WEEKDAYS.index(day.lower()) + 1),
        step=Decimal(0),
        kind=Kind.NUMBER,
        digits=day,
    )


def weekday_candidates(text: str, figures: tuple[Quantity, ...]) -> list[Candidate]:
    result = []
    for quantity in figures:
        if quantity.kind is not Kind.DATE:
            continue
        before = max(0, quantity.start - 14)
        if "day" not in text[before : quantity.start].lower():
            continue  # every weekday ends in "day": skips the case-insensitive search
        match = _BEFORE.search(text, before, quantity.start)
        if match is None:
            continue
        day_number = _day_number(quantity)
        if day_number is None:
            continue
        weekday = _weekday_figure(match)
        stated_date = quantity.with_changes(value=day_number, step=Decimal(0), kind=Kind.DATE)
        result.append(Candidate(roles={"weekday": weekday, "date": stated_date}, binder="weekday"))
    return result


_ON_DAY: Final = re.compile(r"\bon\s+(?P<day>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
DATELINE_REACH: Final = 1500  # characters after a dateline in which "on Sunday" refers to its week


def dateline_candidates(text: str, figures: tuple[Quantity, ...]) -> list[Candidate]:
    """The weekday a lead gives against the dateline: "12 October 2025 … said on Sunday"."""
    dates = [q for q in figures if q.kind is Kind.DATE]
    if not dates or "day" not in text.lower():
        return []  # every weekday ends in "day": skips reading the dates
    days = [(q, number) for q in dates if (number := _day_number(q)) is not None]
    result = []
    for index, (dateline, day_number) in enumerate(days):
        reach = dateline.end + DATELINE_REACH
        if index + 1 < len(days):
            reach = min(reach, days[index + 1][0].start)
        if "day" not in text[dateline.end : reach].lower():
            continue  # every weekday ends in "day": skip the costlier regex scan of the reach
        for match in _ON_DAY.finditer(text, dateline.end, reach):
            if _BEFORE.search(text, max(0, match.end() - 14), match.end()) and _dated(text, match):
                continue  # "on Sunday, October 12, 2025" is checked against its own date
            weekday = _weekday_figure(match)
            stated = dateline.with_changes(value=day_number, step=Decimal(0))
            result.append(
                Candidate(roles={"weekday": weekday, "dateline": stated}, binder="dateline")
            )
    return result


# a date right after the weekday: ", October 12"; compiled once, not looked up in re's cache
_DATE_AFTER: Final = re.compile(r"\s*,?\s*[A-Z][a-z]+\.?\s+\d")


def _dated(text: str, match: re.Match[str]) -> bool:
    return bool(_DATE_AFTER.match(text[match.end() : match.end() + 20]))
