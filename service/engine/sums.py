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
from itertools import pairwise
from typing import Final

from service.engine.candidate import Candidate
from service.engine.compat import dimension
from service.engine.cues import Cues, may_contain, words
from service.engine.quantity import Hedge, Kind, Quantity, is_rate
from service.engine.windows import SentenceAmounts

# The words that cue each kind of sum, lower-case; each tuple is the alternation of its pattern.
_SPLIT_WORDS: Final = (
    "of which", "comprising", "comprised of", "consisting of", "made up of", "split between",
    "divided between", "divided into", "broken down into",
)  # fmt: skip
_INCLUDING_WORDS: Final = ("including", "includes", "included")
_TOTALLING_WORDS: Final = (
    "totalling", "totaling", "totalled", "totaled", "a total of", "in total", "altogether",
    "together", "combined", "adding up to",
)  # fmt: skip
_OUT_OF_WORDS: Final = ("out of",)
# A part of every cue word above (tests/test_shortcuts.py checks it): a sentence whose lower case
# contains none of them states no sum, which substring tests tell faster than the regexes.
_SUM_KEYS: Final = (
    "which", "compris", "consist", "made up", "split", "divided", "broken", "includ", "out of",
    "total", "together", "combined", "adding up",
)  # fmt: skip


def _cue_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(phrases)})\b", re.IGNORECASE)


_SPLIT: Final = _cue_pattern(_SPLIT_WORDS)
_INCLUDING: Final = _cue_pattern(_INCLUDING_WORDS)
_TOTALLING: Final = _cue_pattern(_TOTALLING_WORDS)
_OUT_OF: Final = re.compile(r"\s*out of\s+(?:the\s+|a\s+)?(?:total\s+(?:of\s+)?)?$", re.IGNORECASE)
# between two parts of a "totalling" list: a comma or "and" ("A, B and C, totalling T")
_LIST: Final = re.compile(r",|\band\b|;")
_CLAUSE_BREAK: Final = re.compile(r"--|[;:()]")
_RANGE_DASH: Final = re.compile(r"[-–]")
_LONGEST_LIST_GAP: Final = 60  # characters between two listed parts ("and information services")
_NOT_ADDITIVE: Final = re.compile(
    r"\b(?:chained|real terms|inflation[- ]adjusted|seasonally adjusted)\b", re.IGNORECASE
)


def sum_candidates(sentence: SentenceAmounts, cues: Cues) -> list[Candidate]:
    """The sum of parts the sentence states, if any: a split or "including" after a total, a
    part "out of" its whole, or parts "totalling" the last figure."""
    text, span = sentence.text, sentence.span
    # Positions in the sentence of the amounts that can add up, so windows can be shared.
    positions = [
        i
        for i, q in enumerate(sentence.amounts)
        if not is_rate(q.kind) and q.kind is not Kind.MULTIPLE
    ]
    if len(positions) < 2:
        return []
    amounts = [sentence.amounts[i] for i in positions]
    # Every window read below lies between the first and the last of these amounts.
    if not may_contain(text[amounts[0].end : amounts[-1].start], _SUM_KEYS):
        return []  # most sentences: skips a case-insensitive search of every window
    for index, total in enumerate(amounts[:-1]):
        window = sentence.window(positions[index], positions[index + 1])
        cue = _search(_SPLIT, _SPLIT_WORDS, window) or _search(_INCLUDING, _INCLUDING_WORDS, window)
        if cue is not None:
            if not _names_its_part(window[cue.end() :], cues) or _in_a_range(sentence, total):
                return []
            parts = _listed(sentence, positions[index + 1 :], cues)
            lower = cue.re is _INCLUDING  # "including" bounds the parts; a split adds them up
            return _candidate(text, span, total, _same(total, parts), lower)
        part, whole = total, amounts[index + 1]
        if _OUT_OF.match(window) and _same(whole, [part]):  # anchored: fails in a few characters
            # "$3.8 billion out of the total $15.8 billion": a part cannot exceed its whole.
            return _candidate(text, span, whole, [part], True)
    if len(amounts) >= 3:
        total = amounts[-1]
        last = sentence.window(positions[-2], positions[-1])
        if _search(_TOTALLING, _TOTALLING_WORDS, last) and all(
            _LIST.search(sentence.window(a, b)) for a, b in pairwise(positions[:-1])
        ):
            return _candidate(text, span, total, _same(total, amounts[:-1]), False)
    return []


def _search(
    pattern: re.Pattern[str], phrases: tuple[str, ...], window: str
) -> re.Match[str] | None:
    """`pattern.search(window)` for the cue pattern of `phrases`, ruled out first by substring
    tests: a case-insensitive search tries every position (~10,000 instructions a window)."""
    return pattern.search(window) if may_contain(window, phrases) else None


def _names_its_part(between: str, cues: Cues) -> bool:
    """Whether a part follows its split word closely ("including $3.1 billion", "of which
    computer services $721m"), not after another clause ("including its core market -- and
    generated a turnover of 76.5 mln"; "including restructuring costs showed even larger growth
    to EUR 38.5 million")."""
    return (
        len(between) <= _LONGEST_LIST_GAP
        and not _CLAUSE_BREAK.search(between)
        and not _says_a_direction(between, cues)
    )


def _in_a_range(sentence: SentenceAmounts, quantity: Quantity) -> bool:
    """ "from 0.1-1200 µl including new sizes for 10, 20 …": the end of a range is no total."""
    before = sentence.text[max(0, quantity.start - 2) : quantity.start]
    after = sentence.text[quantity.end : quantity.end + 2]
    return bool(_RANGE_DASH.search(before) and before[:1].isdigit()) or bool(
        _RANGE_DASH.match(after) and after[1:2].isdigit()
    )


def _listed(sentence: SentenceAmounts, positions: list[int], cues: Cues) -> list[Quantity]:
    """The parts named after a split word: figures up to the end of their clause. "comprising
    the 40 most traded stocks, closed up 0.43 % at 1,138.84 points" lists one part, not two: a
    direction word or a long stretch of words between two figures starts another statement."""
    parts = [sentence.amounts[positions[0]]]
    for before, position in pairwise(positions):
        window = sentence.window(before, position)
        if len(window) > _LONGEST_LIST_GAP or _says_a_direction(window, cues):
            break
        parts.append(sentence.amounts[position])
    return parts


def _says_a_direction(text: str, cues: Cues) -> bool:
    """A direction word ("rose", "growth") between figures: another statement has begun."""
    return any(cues.direction_of(word) for word in words(text))


def _same(total: Quantity, others: list[Quantity]) -> list[Quantity]:
    """The figures that can be parts of `total`: of its dimension, or bare numbers (a unit is
    often written once); a bare total ("six countries") takes bare parts only."""
    kind = dimension(total)
    if kind is None:
        return [q for q in others if dimension(q) is None]
    return [q for q in others if dimension(q) in (kind, None)]


def _candidate(
    text: str, sentence: tuple[int, int], total: Quantity, parts: list[Quantity], lower: bool
) -> list[Candidate]:
    if len(parts) < (1 if lower else 2):
        return []
    if total.value < 0 or any(part.value < 0 for part in parts):
        return []  # "operating income was EUR -24.9 mn, including EUR 15.3 mn of expenses"
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
