"""Findings are values: one per checked claim, carrying its arithmetic and its verdict.

Front ends (JSON, text, CSV, SARIF, the web page) render these; nothing here formats for a
particular one. Decimals stay `Decimal` until a front end writes them as strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from service.engine.quantity import Quantity
from service.engine.values import by_fields
from service.engine.verdict import Verdict


@dataclass(frozen=True, slots=True)
class FigureUse:
    """A figure as one claim used it: its role and the interval the check took for it."""

    role: str
    quantity: Quantity
    low: Decimal
    high: Decimal
    value: Decimal

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python (a sixth of a check was spent in them).
    # tests/test_engine_classes.py keeps it in step with the fields.
    def __init__(
        self,
        role: str,
        quantity: Quantity,
        low: Decimal,
        high: Decimal,
        value: Decimal,
    ) -> None:
        object.__setattr__(self, "role", role)
        object.__setattr__(self, "quantity", quantity)
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)
        object.__setattr__(self, "value", value)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:  # see service/engine/values.py
        return by_fields(self)


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

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python (a sixth of a check was spent in them).
    # tests/test_engine_classes.py keeps it in step with the fields.
    def __init__(
        self,
        rule: str,
        name: str,
        kind: str,
        verdict: Verdict,
        start: int,
        end: int,
        figures: tuple[FigureUse, ...],
        expression: str,
        computed_low: Decimal | None,
        computed_high: Decimal | None,
        computed_point: Decimal | None,
        stated_low: Decimal | None,
        stated_high: Decimal | None,
        gap: Decimal | None,
        weak: bool,
        assumptions: tuple[str, ...],
        diagnosis: str | None,
        diagnosis_text: str | None,
        explanation: str,
        related: tuple[tuple[int, int], ...] = (),
    ) -> None:
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "verdict", verdict)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "figures", figures)
        object.__setattr__(self, "expression", expression)
        object.__setattr__(self, "computed_low", computed_low)
        object.__setattr__(self, "computed_high", computed_high)
        object.__setattr__(self, "computed_point", computed_point)
        object.__setattr__(self, "stated_low", stated_low)
        object.__setattr__(self, "stated_high", stated_high)
        object.__setattr__(self, "gap", gap)
        object.__setattr__(self, "weak", weak)
        object.__setattr__(self, "assumptions", assumptions)
        object.__setattr__(self, "diagnosis", diagnosis)
        object.__setattr__(self, "diagnosis_text", diagnosis_text)
        object.__setattr__(self, "explanation", explanation)
        object.__setattr__(self, "related", related)

    @property
    def flagged(self) -> bool:
        return self.verdict.flagged

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:  # see service/engine/values.py
        return by_fields(self)
