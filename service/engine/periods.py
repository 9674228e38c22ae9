"""Fiscal-period arithmetic: "the first seven months of the fiscal year ending June" is
July–January (DOMAIN.md §A.15), checked against a month span stated in the same document.

Months become numbers (January 1 … December 12) so the rules can say it as arithmetic:
`first == mod(fy_end, 12) + 1` and `last == mod(fy_end + months - 1, 12) + 1`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from typing import Final

from service.engine.candidate import Candidate
from service.engine.quantity import Kind, Quantity
from service.engine.scan import matches_at, positions

MONTHS: Final = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_FISCAL: Final = re.compile(
    rf"\s+of\s+(?:the\s+|this\s+|its\s+)?(?:current\s+)?(?:fiscal|financial)\s+year\s+"
    rf"(?:ending|ended|that\s+ends|to)\s+(?:in\s+|on\s+)?(?P<month>{_MONTH})\b",
    re.IGNORECASE,
)
# The lookahead on a month's first letter lets the scanner skip most positions quickly.
_SPAN: Final = re.compile(
    rf"(?=[JFMASONDjfmasond])(?<![A-Za-z])(?P<first>{_MONTH})"
    rf"\s*(?:-|–|—|to|through|until)\s*(?P<last>{_MONTH})\b",
    re.IGNORECASE,
)


def month_number(word: str) -> int:
    prefix = word.lower()[:3]
    return next(index for index, name in enumerate(MONTHS, 1) if name.startswith(prefix))


def _month(text: str, start: int, end: int) -> Quantity:
    word = text[start:end]
    return Quantity(
        text=word,
        start=start,
        end=end,
        value=Decimal(month_number(word)),
        step=Decimal(0),
        kind=Kind.DATE,
        digits=word,
    )


def _nearest_span(spans: list[re.Match[str]], starts: list[int], at: int) -> re.Match[str]:
    index = bisect_left(starts, at)
    nearby = spans[max(0, index - 1) : index + 1]
    return min(nearby, key=lambda match: abs(match.start() - at))


# The three letters every month pattern starts with, for `_month_spans` to look for.
_MONTH_PREFIXES: Final = tuple(name[:3] for name in MONTHS)


def _month_spans(text: str) -> list[re.Match[str]]:
    """The matches of `list(_SPAN.finditer(text))`, tried only where a month's first three
    letters occur: a regex scan tries `_SPAN` at every letter that can start a month (a third
    of prose). Those letters are looked for in the text as ASCII, one character for one, so
    positions carry over; of the non-ASCII characters only "ſ" matches one of them under
    IGNORECASE: such texts take the scan.
    """
    if "ſ" in text:
        return list(_SPAN.finditer(text))
    ascii_text = text.encode("ascii", "replace").decode("ascii").lower()
    return matches_at(_SPAN, text, positions(ascii_text, _MONTH_PREFIXES))


def period_candidates(text: str, figures: tuple[Quantity, ...]) -> list[Candidate]:
    if not any(q.unit == "month" for q in figures):
        return []  # the month-span scan is the costly part: only when a duration is stated
    spans: list[re.Match[str]] | None = None  # scanned once, when a fiscal claim needs them
    starts: list[int] = []
    result = []
    for months in figures:
        before = text[max(0, months.start - 12) : months.start].rstrip().lower()
        if months.unit != "month" or not before.endswith("first"):
            continue
        fiscal = _FISCAL.match(text, months.end)
        if fiscal is None:
            continue
        if spans is None:
            spans = _month_spans(text)
            starts = [match.start() for match in spans]
        if not spans:
            continue
        span = _nearest_span(spans, starts, months.start)
        roles = {
            "months": months.with_changes(step=Decimal(0)),
            "fy_end": _month(text, fiscal.start("month"), fiscal.end("month")),
            "first": _month(text, span.start("first"), span.end("first")),
            "last": _month(text, span.start("last"), span.end("last")),
        }
        result.append(Candidate(roles=roles, anchor=(months.start, fiscal.end()), binder="period"))
    return result
