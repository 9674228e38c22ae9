"""Findings are values: one per checked claim, carrying its arithmetic and its verdict.

Front ends (JSON, text, CSV, SARIF, the web page) render these; nothing here formats for a
particular one. Decimals stay `Decimal` until a front end writes them as strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from service.engine.quantity import Quantity
from service.engine.verdict import Verdict


@dataclass(frozen=True, slots=True)
class FigureUse:
    """A figure as one claim used it: its role and the interval the check took for it."""

    role: str
    quantity: Quantity
    low: Decimal
    high: Decimal
    value: Decimal


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    name: str
    kind: str
    verdict: Verdict
    start: int
    end: int
    figures: tuple[FigureUse, ...]
    expression: str
    computed_low: Decimal | None
    computed_high: Decimal | None
    computed_point: Decimal | None
    stated_low: Decimal | None
    stated_high: Decimal | None
    gap: Decimal | None
    weak: bool
    assumptions: tuple[str, ...]
    diagnosis: str | None
    diagnosis_text: str | None
    explanation: str
    related: tuple[tuple[int, int], ...] = field(default=())

    @property
    def flagged(self) -> bool:
        return self.verdict.flagged
