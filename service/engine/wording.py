"""Claims stated in words rather than figures: "doubled", "rose to … from …", "3.5 times".

A multiple word becomes a figure standing for its ratio, a direction word a ±1 figure, and a
number before "times" or "-fold" the factor it states, so the rules can treat them like any
other figure (DOMAIN.md §A.4, §C.6). The words themselves are data in rules/cues.toml.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from service.engine.candidate import Candidate
from service.engine.cues import Cues, may_contain
from service.engine.numbers.chars import is_ascii_letter_at
from service.engine.quantity import Hedge, Kind, Quantity

# Words that may stand between a direction word and its level: "climb to", "down from".
_LEVEL_LINKS: Final = frozenset({"to", "at", "from"})


def with_direction(frame: Candidate) -> Candidate:
    """Levels and a direction word but no change figure: the direction alone is checkable."""
    if frame.direction_word is not None and not frame.has_change:
        frame.roles["direction"] = frame.direction_word
    return frame


def _earliest_match(window: str, cues: Cues) -> int:
    """Where a match of the multiple pattern can start at the earliest: its hedge, white space,
    then a multiple word no earlier than the window's first one. Searching from there saves
    trying the optional hedge at every position before (~10,000 instructions a window).

    0 for a window with non-ASCII characters, whose lower case may be longer or match a
    multiple word case-insensitively where `find` does not ("ſ" is an "s").
    """
    if not window.isascii():
        return 0
    lowered = window.lower()
    first = min((at for word in cues.multiple_words if (at := lowered.find(word)) >= 0), default=0)
    while first > 0 and lowered[first - 1].isspace():
        first -= 1
    return max(0, first - cues.longest_multiple_hedge)


def direction_word(window: str, offset: int, cues: Cues) -> Quantity | None:
    """The direction word right before a level ("climb to $374 million"), as a ±1 figure.

    The words, runs of ASCII letters, are read back from the level by hand: a regex match per
    word of the window cost far more than the one or two words usually read."""
    end = len(window)
    while True:
        while end > 0 and not is_ascii_letter_at(window, end - 1):
            end -= 1
        if end == 0:
            return None
        start = end - 1
        while start > 0 and is_ascii_letter_at(window, start - 1):
            start -= 1
        word = window[start:end].lower()
        direction = cues.direction_of(word)
        if direction is not None:
            return Quantity(
                text=window[start:end],
                start=offset + start,
                end=offset + end,
                value=Decimal(1 if direction == "up" else -1),
                step=Decimal(0),
                kind=Kind.DIRECTION,
                digits=direction,
            )
        if word not in cues.filler and word not in _LEVEL_LINKS:
            return None
        end = start


_MORE: Final = frozenset({"more", "higher", "larger", "bigger", "greater"})
_LESS: Final = frozenset({"less", "smaller", "lower", "fewer"})


def as_factor(quantity: Quantity, after: list[str], assumptions: list[str]) -> Quantity:
    """A number before "times" or "-fold" as the ratio it states (DOMAIN §A.4).

    "N times more" is read both ways, N× (usage) and (N+1)× (literal), and says so; "N times
    less" is read as 1/N, a phrase style guides call ill-defined.
    """
    phrase = f"{quantity.text} {' '.join(after[:2])}"
    if after[1:2] and after[1] in _MORE:
        assumptions.append(f"“{phrase}” is ambiguous: read as ×{quantity.digits} or ×(1 + it)")
        return quantity.with_changes(kind=Kind.MULTIPLE, hedge=Hedge.EITHER)
    if after[1:2] and after[1] in _LESS:
        assumptions.append(f"“{phrase}” read as 1/{quantity.digits} (an ill-defined phrase)")
        return quantity.with_changes(kind=Kind.MULTIPLE, value=1 / quantity.value)
    return quantity.with_changes(kind=Kind.MULTIPLE)


def with_multiple(frame: Candidate) -> Candidate:
    """A frame with levels but no change figure may state a multiple: "doubled to … from …"."""
    if frame.multiple is not None and not frame.has_change:
        frame.roles["factor"] = frame.multiple
    return frame


def multiple_in(window: str, offset: int, cues: Cues) -> Quantity | None:
    """The multiple word in a window ("almost doubled"), as a figure standing for its ratio."""
    if not may_contain(window, cues.multiple_words):
        return None  # most windows: skips the costly search (its optional hedge tries everywhere)
    match = cues.multiple_pattern.search(window, _earliest_match(window, cues))
    if match is None:
        return None
    hedge_text, word = match.group("hedge"), match.group("word")
    factor = cues.multiples[word.lower()]
    hedge = cues.multiple_hedges.get(hedge_text.lower()) if hedge_text else None
    return Quantity(
        text=window[match.start() : match.end()].strip(),
        start=offset + match.start(),
        end=offset + match.end(),
        value=factor,
        step=Decimal(0),
        kind=Kind.MULTIPLE,
        approximator=hedge_text or None,
        hedge=hedge,
        digits=str(factor),
    )
