"""One plain sentence per verdict: what was stated, what the other figures give, and why.

A reader should understand the explanation without the formula: "19.78% — consistent. $2.18bn →
$2.61bn is +19.72%; with the rounding of the figures the result lies in 19.22%–20.23%, and 19.78% is
inside that range."
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

from service.engine.interval import ZERO, Interval
from service.engine.numfmt import AmountFormat, plain, points
from service.engine.quantity import is_rate
from service.engine.verdict import Verdict

if TYPE_CHECKING:
    from service.engine.diagnose import Diagnosis
    from service.engine.judge import Evaluation

_VERDICT_WORDS: Final = {
    Verdict.CONSISTENT: "consistent",
    Verdict.MINOR_DISCREPANCY: "minor discrepancy",
    Verdict.INCONSISTENT: "inconsistent",
    Verdict.IMPOSSIBLE: "impossible",
    Verdict.UNVERIFIABLE: "unverifiable",
}


CHANGE_KINDS: Final = frozenset(
    {"percent_change", "absolute_change", "pp_change", "bps_change", "points_change"}
)
MONTH_NAMES: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


class _Numbers:
    """How the numbers of one explanation are written (its point value, range and gap), worked
    out once from the rule and the stated figure."""

    __slots__ = ("amounts", "display", "is_change", "rate_unit")

    def __init__(self, evaluation: Evaluation) -> None:
        rule, target = evaluation.rule, evaluation.target
        self.display = rule.display
        self.is_change = rule.kind in CHANGE_KINDS
        rated = rule.target_scale == "points" or is_rate(target.kind)
        self.rate_unit = _RATE_UNITS.get(rule.target, "%") if rated else ""
        numeric = self.display not in ("direction", "month", "weekday") and not rated
        self.amounts = AmountFormat(target) if numeric else None

    def write(self, value: Decimal, signed: bool = True) -> str:
        if self.display == "direction":
            # Nearest, not truncated: an outward-rounded bound of a sure rise is 0.999…, not 0.
            return {1: "a rise", -1: "a fall", 0: "no change"}.get(
                int(value.to_integral_value()), "either"
            )
        if self.display == "month":
            return MONTH_NAMES[int(value) - 1] if 1 <= value <= 12 and value == int(value) else "?"
        if self.display == "weekday":
            index = int(value) - 1
            return WEEKDAY_NAMES[index] if 0 <= index < 7 and value == int(value) else plain(value)
        if self.amounts is None:
            if signed and self.is_change:
                return points(value, 2, self.rate_unit)
            return plain(value, 2) + self.rate_unit
        text = self.amounts.write(value)
        return ("+" + text if value > ZERO else text) if signed and self.is_change else text

    def range(self, interval: Interval) -> str:
        return f"{self.write(interval.low)} to {self.write(interval.high)}"


_RATE_UNITS: Final = {"points": " pp", "bps": " bp"}


def _relation_words(evaluation: Evaluation) -> str:
    """The rule's message with each role's figure put in: "$2.18 billion → $2.61 billion"."""
    rule, roles = evaluation.rule, evaluation.candidate.roles
    return rule.filled_message({role: roles[role].text for role in rule.roles})


def explain(
    evaluation: Evaluation,
    verdict: Verdict,
    computed: Interval,
    point: Decimal,
    gap: Decimal,
    diagnosis: Diagnosis | None,
) -> str:
    target = evaluation.target
    numbers = _Numbers(evaluation)
    head = f"{target.text} — {_VERDICT_WORDS[verdict]}."
    if computed.low == computed.high:  # exact arithmetic (dates): no range to speak of
        body = f" {_relation_words(evaluation)} gives {numbers.write(point)}"
        tail = ", as stated." if verdict is Verdict.CONSISTENT else f", not {target.text}."
        if diagnosis is not None:
            tail += f" {diagnosis.says[:1].upper()}{diagnosis.says[1:]}."
        return f"{head}{body}{tail}"
    if evaluation.rule.display == "direction":
        return head + _direction_body(evaluation, numbers, verdict, computed, point, diagnosis)
    body = (
        f" {_relation_words(evaluation)} gives {numbers.write(point)};"
        f" with the rounding of the figures it lies in {numbers.range(computed)}"
    )
    if verdict is Verdict.CONSISTENT:
        tail = f", and the stated {target.text} is within that range."
        if target.hedge is not None:
            hedge_word = target.approximator or target.bound
            written = hedge_word and target.text.lower().startswith(hedge_word.lower())
            stated = f"{hedge_word} {target.text}" if hedge_word and not written else target.text
            tail = f", which fits “{stated}” as hedged."
    elif verdict is Verdict.IMPOSSIBLE and evaluation.rule.kind == "percent_change":
        tail = ". A quantity that cannot go below zero cannot fall by more than 100%."
    elif verdict is Verdict.IMPOSSIBLE:  # a share over 100%, parts above their total
        reason = diagnosis.says if diagnosis is not None else "that is impossible"
        tail = f": {reason}, which no rounding of the figures can explain."
        diagnosis = None  # said already, and as a certainty, not a likelihood
    else:
        tail = f"; the stated {target.text} is {numbers.write(gap, signed=False)} away."
    if diagnosis is not None:
        tail += f" Likely: {diagnosis.says}."
    return f"{head}{body}{tail}"


def _direction_body(
    evaluation: Evaluation,
    numbers: _Numbers,
    verdict: Verdict,
    computed: Interval,
    point: Decimal,
    diagnosis: Diagnosis | None,
) -> str:
    """ "$313 million → $374 million gives a rise, whatever the rounding of the figures, as
    “climb” says": a direction has no range worth printing, only whether rounding could flip it."""
    low, high = numbers.write(computed.low), numbers.write(computed.high)
    reading = (
        "whatever the rounding of the figures"
        if low == high
        else f"though with the rounding of the figures it could be anything from {low} to {high}"
    )
    stated = f"“{evaluation.target.text}”"
    body = f" {_relation_words(evaluation)} gives {numbers.write(point)}, {reading}"
    tail = (
        f", as {stated} says." if verdict is Verdict.CONSISTENT else f"; {stated} says otherwise."
    )
    if diagnosis is not None:
        tail += f" Likely: {diagnosis.says}."
    return body + tail
