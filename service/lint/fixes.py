"""The correction a finding suggests, as a text edit (SARIF `fixes`, reviewdog `suggestions`).

Only where one is known: an inconsistent or impossible claim whose stated figure has the same
sign as the computed value (a wrong direction or swapped levels needs words changed, not digits).
The digits of the stated figure are replaced by the computed point, written with the stated
precision (at least two significant digits, so a decimal slip "180 per cent" becomes "1.8"), in
the figure's own scale and grouping. The point lies inside the computed interval and within
half a step of the new digits, so the corrected claim is consistent by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from service.engine.findings import FigureUse, Finding
from service.engine.numfmt import decimals_of
from service.engine.report import Report
from service.engine.verdict import Verdict

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_FIXABLE = (Verdict.INCONSISTENT, Verdict.IMPOSSIBLE)


@dataclass(frozen=True, slots=True)
class Fix:
    start: int  # offsets into the file as written
    end: int
    old: str
    new: str

    @property
    def description(self) -> str:
        return f"replace {self.old} with {self.new}"


def suggested_fix(report: Report, finding: Finding, target_role: str | None) -> Fix | None:
    """The digit edit that makes the claim consistent, or None when none is known."""
    point, use = finding.computed_point, _use(finding, target_role)
    if finding.verdict not in _FIXABLE or point is None or use is None or not point.is_finite():
        return None
    if finding.stated_low is None or finding.stated_high is None:
        return None
    if (point > 0) != (finding.stated_low + finding.stated_high > 0) or point == 0:
        return None
    quantity = use.quantity
    surface = _digits_in(report.text, quantity.start, quantity.end, quantity.digits)
    if surface is None:
        return None
    start, old = surface
    new = _write(abs(point) / quantity.multiplier, quantity.step / quantity.multiplier, "," in old)
    if new == old:
        return None
    return Fix(start, start + len(old), old, new)


def _use(finding: Finding, role: str | None) -> FigureUse | None:
    return next((use for use in finding.figures if use.role == role), None)


def _digits_in(text: str, start: int, end: int, digits: str) -> tuple[int, str] | None:
    """Where the figure's digits are written in the file, e.g. "1,907.3" for "1907.3"."""
    for match in _DIGITS.finditer(text, start, end):
        if match.group(0).replace(",", "") == digits.lstrip("+-"):
            return match.start(), match.group(0)
    return None


def _write(value: Decimal, step: Decimal, grouped: bool) -> str:
    """`value` with the places of `step`, and at least two significant digits.

    >>> _write(Decimal("3.2154"), Decimal("0.01"), False)
    '3.22'
    >>> _write(Decimal("1.797"), Decimal(1), False)
    '1.8'
    >>> _write(Decimal("1907.36"), Decimal("0.1"), True)
    '1,907.4'
    """
    places = max(decimals_of(step), 1 - value.adjusted())
    rounded = value.quantize(Decimal(1).scaleb(-places))
    return f"{rounded:,}" if grouped else f"{rounded:f}"
