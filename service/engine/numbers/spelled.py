"""Numbers written as words: "seven", "twenty-five", "a million", "half a million" (§C.5).

Style guides spell out small numbers, so "eight pct" and "roughly a million freelancers" arrive
as words. A phrase is read word by word with the usual total/current accumulator; the words
themselves come from the lexicon. The precision of a phrase that ends in a scale word is that
word's own unit ("a million" has step 1e6, as "1 million" would); other phrases are integers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from service.engine.numbers.lexicon import Lexicon

_MAX_WORDS: Final = 12
_ONE: Final = Decimal(1)
_SCALE_FLOOR: Final = 1000  # multiplier words from here on act as scale words ("two million")


@dataclass(slots=True)  # not frozen: built once per figure, and frozen init is slower
class Spelled:
    """A number phrase read from words."""

    start: int
    end: int
    count: Decimal  # the number before the scale word ("2" in "two million")
    multiplier: Decimal
    scale: str | None  # the scale word as written
    step: Decimal
    ordinal: bool = False

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python (a sixth of a check was spent in them).
    # tests/test_engine_classes.py keeps it in step with the fields.
    def __init__(
        self,
        start: int,
        end: int,
        count: Decimal,
        multiplier: Decimal,
        scale: str | None,
        step: Decimal,
        ordinal: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.count = count
        self.multiplier = multiplier
        self.scale = scale
        self.step = step
        self.ordinal = ordinal


def read_spelled(norm: str, start: int, floor: int, lex: Lexicon) -> Spelled | None:
    """Read the number phrase whose first word starts at `start`.

    The caller found a number word there; a lead such as "a" or "half a" just before a
    multiplier word is included ("a million").
    """
    first = lex.word_at_re.match(norm, start)
    if first is None:
        return None
    word = first["w"].lower()
    if word in lex.ordinals:
        n = Decimal(lex.ordinals[word])
        return Spelled(start, first.end(), n, Decimal(1), None, Decimal(1), ordinal=True)
    words, end = _collect(norm, first.end(), [word], lex)
    lead_start, lead = start, None
    if word in lex.multipliers:
        found = lex.lead_re.search(norm, max(floor, start - 20), start)
        if found is None:
            return None  # "million" alone is a noun, not a figure
        lead_start, lead = found.start(), lex.leads[" ".join(found["lead"].lower().split())]
    return _evaluate(norm, words, lead, lead_start, end, lex)


def _collect(norm: str, pos: int, words: list[str], lex: Lexicon) -> tuple[list[str], int]:
    """Extend the phrase while the next word can continue it ("twenty-five", "one hundred")."""
    end = pos
    while len(words) < _MAX_WORDS:
        m = lex.spelled_word_re.match(norm, end)
        if m is None:
            break
        word = m["word"].lower()
        if word in lex.ordinals or not _continues(words, word, lex):
            break
        if "and" in m["gap"] and word in lex.multipliers:
            break
        words.append(word)
        end = m.end()
    return words, end


def _continues(words: list[str], word: str, lex: Lexicon) -> bool:
    """Whether `word` may follow the phrase so far ("twenty" + "five" yes, "five" + "six" no)."""
    previous = words[-1]
    if word in lex.multipliers:
        return previous not in lex.multipliers or lex.multipliers[word] > lex.multipliers[previous]
    if previous in lex.multipliers:
        return True
    value = lex.cardinals[previous]
    return 20 <= value <= 90 and value % 10 == 0 and lex.cardinals[word] < 10


def _evaluate(
    norm: str, words: list[str], lead: Decimal | None, start: int, end: int, lex: Lexicon
) -> Spelled:
    total, current = Decimal(0), lead if lead is not None else Decimal(0)
    scale_word, scale_value = None, Decimal(1)
    for word in words:
        if word in lex.cardinals:
            current += lex.cardinals[word]
        elif lex.multipliers[word] < _SCALE_FLOOR:
            current = (current or _ONE) * lex.multipliers[word]
        else:
            total += (current or _ONE) * lex.multipliers[word]
            current = Decimal(0)
            scale_word, scale_value = word, Decimal(lex.multipliers[word])
    if scale_word is None or current:
        return Spelled(start, end, total + current, Decimal(1), None, Decimal(1))
    count = total / scale_value
    step = scale_value * (_fraction_unit(lead) if lead is not None else Decimal(1))
    surface_scale = norm[end - len(scale_word) : end]
    return Spelled(start, end, count, scale_value, surface_scale, step)


def _fraction_unit(lead: Decimal) -> Decimal:
    """The precision a lead word implies: "a" -> 1, "half a" -> 0.5, "a quarter of a" -> 0.25."""
    fraction = lead - int(lead)
    return fraction if fraction else Decimal(1)
