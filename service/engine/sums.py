"""Finds sums of parts: a total and its components in one sentence (DOMAIN.md §A.6).

"$892.972 million, of which computer services $721.162 million, telecom $170.770 million and
information $1.040 million" and "A, B and C, totalling T" state that the parts add up to the
total; "including A and B" only that they do not exceed it. The parts become one figure whose
interval is the sum of theirs (each keeps its own rounding: n parts widen it by n·u/2), so the
rule is plain arithmetic: `total == parts` or `total == parts + rest` with rest ≥ 0. Chained,
real or seasonally adjusted aggregates are not additive: such sums are unverifiable.
"""

from __future__ import annotations

import re
from decimal import Decimal

from service.engine.candidate import Candidate
from service.engine.compat import dimension
from service.engine.quantity import Hedge, Kind, Quantity
from service.engine.windows import SentenceAmounts

_SPLIT = re.compile(
    r"\b(?:of which|comprising|comprised of|consisting of|made up of|split between|"
    r"divided (?:between|into)|broken down into)\b",
    re.IGNORECASE,
)
_INCLUDING = re.compile(r"\b(?:including|includ(?:es|ed))\b", re.IGNORECASE)
_TOTALLING = re.compile(
    r"\b(?:totall?ing|totall?ed|a total of|in total|altogether|together|combined|adding up to)\b",
    re.IGNORECASE,
)
_OUT_OF = re.compile(r"\s*out of\s+(?:the\s+|a\s+)?(?:total\s+(?:of\s+)?)?$", re.IGNORECASE)
_NOT_ADDITIVE = re.compile(
    r"\b(?:chained|real terms|inflation[- ]adjusted|seasonally adjusted)\b", re.IGNORECASE
)


def sum_candidates(sentence: SentenceAmounts) -> list[Candidate]:
    """The sum of parts the sentence states, if any: a split or "including" after a total, a
    part "out of" its whole, or parts "totalling" the last figure."""
    text, span = sentence.text, sentence.span
    # Positions in the sentence of the amounts that can add up, so windows can be shared.
    positions = [
        i
        for i, q in enumerate(sentence.amounts)
        if not q.kind.is_rate and q.kind is not Kind.MULTIPLE
    ]
    amounts = [sentence.amounts[i] for i in positions]
    for index, total in enumerate(amounts[:-1]):
        window = sentence.window(positions[index], positions[index + 1])
        if _SPLIT.search(window):
            return _candidate(text, span, total, _same(total, amounts[index + 1 :]), False)
        if _INCLUDING.search(window):
            return _candidate(text, span, total, _same(total, amounts[index + 1 :]), True)
        part, whole = total, amounts[index + 1]
        if _OUT_OF.match(window) and _same(whole, [part]):
            # "$3.8 billion out of the total $15.8 billion": a part cannot exceed its whole.
            return _candidate(text, span, whole, [part], True)
    if len(amounts) >= 3:
        total = amounts[-1]
        if _TOTALLING.search(sentence.window(positions[-2], positions[-1])):
            return _candidate(text, span, total, _same(total, amounts[:-1]), False)
    return []


def _same(total: Quantity, others: list[Quantity]) -> list[Quantity]:
    kind = dimension(total)
    return [q for q in others if dimension(q) in (kind, None) or kind is None]


def _candidate(
    text: str, sentence: tuple[int, int], total: Quantity, parts: list[Quantity], lower: bool
) -> list[Candidate]:
    if len(parts) < (1 if lower else 2):
        return []
    summed = Quantity(
        text=" + ".join(part.text for part in parts),
        start=parts[0].start,
        end=parts[-1].end,
        value=sum((part.value for part in parts), Decimal(0)),
        step=sum((part.rounding_step() for part in parts), Decimal(0)),
        kind=total.kind,
        currency=total.currency,
        unit=total.unit,
        scale=total.scale,
        multiplier=total.multiplier,
        parts=tuple(parts),
    )
    roles = {"total": total, "parts": summed}
    if lower:
        roles["rest"] = Quantity(
            text="the parts not listed",
            start=total.start,
            end=total.end,
            value=Decimal(0),
            step=Decimal(0),
            kind=total.kind,
            bound="at least",
            hedge=Hedge.AT_LEAST,
        )
    candidate = Candidate(roles=roles, binder="sum")
    if _NOT_ADDITIVE.search(text, sentence[0], sentence[1]):
        candidate.unverifiable = "chained, real or seasonally adjusted components are not additive"
    return [candidate]
