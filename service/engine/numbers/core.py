"""The number itself, before any currency, scale or unit word: digits, fractions or words.

A `Core` is what sits between the prefix ("$", "EUR ", "-") and the suffix (" billion", "%"):
"2.61", "1,50,000", "816 000", "7-3/4", "4¼", "twenty-five", "a million". It carries the
plain digit string, its exact value and the rounding step the digits were written with.
`read_digit_core` returns the end of an unreadable token instead, so that the scanner can skip
the whole token in one step (this is what keeps the scan linear on long digit runs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from service.engine.numbers.chars import digits_end, is_digit_at
from service.engine.numbers.grouping import MAX_DIGITS, SPACED_RE, read_digits
from service.engine.numbers.spelled import Spelled

VULGAR: Final[dict[str, tuple[int, int]]] = {
    "¼": (1, 4),
    "½": (1, 2),
    "¾": (3, 4),
    "⅛": (1, 8),
    "⅜": (3, 8),
    "⅝": (5, 8),
    "⅞": (7, 8),
}
# the multiplier of every core without a scale word: `amounts.build` tests for it by identity
ONE: Final = Decimal(1)
_DENOMINATORS: Final = frozenset({2, 4, 8, 16, 32})
_MIXED: Final = re.compile(r"[- ](?P<num>[0-9]{1,2})/(?P<den>[0-9]{1,2})(?![0-9/])")
_SLASH: Final = re.compile(r"/(?P<den>[0-9]{1,2})(?![0-9/])")
_SLASHED_TAIL: Final = re.compile(r"(?:/[0-9]+)+")
# the step of a decimal with n digits after the point, as `read_digit_core` computes it
_STEPS: Final = tuple(ONE.scaleb(-n) for n in range(MAX_DIGITS + 1))


@dataclass(slots=True)  # not frozen: built once per figure, and frozen init is slower
class Core:
    """A number as written, without affixes."""

    start: int
    end: int
    plain: str  # "2.61", "1234.5", "7.75"
    number: Decimal  # exact value of `plain`
    step: Decimal  # rounding unit of the digits as written
    multiplier: Decimal = ONE  # from a spelled scale word ("a million")
    scale: str | None = None
    notes: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    dot_three: bool = False
    integer: bool = True  # no decimal point and no fraction
    grouped: bool = False  # written with group separators
    spelled: bool = False

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python (a sixth of a check was spent in them).
    # tests/test_engine_classes.py keeps it in step with the fields.
    def __init__(
        self,
        start: int,
        end: int,
        plain: str,
        number: Decimal,
        step: Decimal,
        multiplier: Decimal = ONE,
        scale: str | None = None,
        notes: tuple[str, ...] = (),
        ambiguous: tuple[str, ...] = (),
        dot_three: bool = False,
        integer: bool = True,
        grouped: bool = False,
        spelled: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.plain = plain
        self.number = number
        self.step = step
        self.multiplier = multiplier
        self.scale = scale
        self.notes = notes
        self.ambiguous = ambiguous
        self.dot_three = dot_three
        self.integer = integer
        self.grouped = grouped
        self.spelled = spelled


def read_digit_core(norm: str, pos: int) -> Core | int:
    """The number starting at `pos`, or the end of the token when it is not a number."""
    if ord(norm[pos]) > 127 and norm[pos] in VULGAR:
        num, den = VULGAR[norm[pos]]
        return _fraction_core(pos, pos + 1, Decimal(0), num, den)
    end, separators, dot = _raw_token(norm, pos)
    if end == pos:
        return pos + 1
    if end - pos <= 3 and not separators and _group_follows(norm, end):
        spaced = SPACED_RE.match(norm, pos)
        if spaced is not None:
            end, separators = spaced.end(), 1
    token = norm[pos:end]
    if end - pos <= MAX_DIGITS:
        if not separators:  # the common case: "2025"
            return _with_fraction(norm, Core(pos, end, token, Decimal(token), ONE))
        if separators == 1 and dot >= 0:  # the next most common: "2.61", "19.78"
            return _plain_decimal(pos, end, token, dot)
    digits = read_digits(token)
    if digits is None:
        return end
    integer = "." not in digits.plain
    core = Core(
        start=pos,
        end=end,
        plain=digits.plain,
        number=Decimal(digits.plain),
        step=ONE if integer else ONE.scaleb(-len(digits.plain.partition(".")[2])),
        notes=digits.notes,
        ambiguous=digits.ambiguous,
        dot_three=digits.dot_three,
        integer=integer,
        grouped=token != digits.plain,
    )
    return _with_fraction(norm, core) if integer else core


def _raw_token(norm: str, pos: int) -> tuple[int, int, int]:
    """The digit token at `pos`, as `[0-9]+(?:[,.'][0-9]+)*` matches it: its end, how many
    separators it holds and where its last dot is (-1: none). A character loop, not a regex:
    compiled, it costs a few instructions a digit."""
    end = digits_end(norm, pos)
    separators, dot = 0, -1
    while end > pos and is_digit_at(norm, end + 1):
        code = ord(norm[end])
        if code != ord(",") and code != ord(".") and code != ord("'"):
            break
        if code == ord("."):
            dot = end
        separators += 1
        end = digits_end(norm, end + 1)
    return end, separators, dot


def _group_follows(norm: str, end: int) -> bool:
    """Whether a space and a digit follow: only then can "816 000" be spaced digit groups."""
    return end < len(norm) and ord(norm[end]) == ord(" ") and is_digit_at(norm, end + 1)


def _plain_decimal(pos: int, end: int, token: str, dot: int) -> Core:
    """The core of "2.61": what `read_digits` would read, without trying its patterns."""
    decimals = end - dot - 1
    return Core(
        pos,
        end,
        token,
        Decimal(token),
        _STEPS[decimals],
        # what DOT_THREE_RE matches in a token of digits and one dot: "3.350", not "0.350"
        dot_three=decimals == 3 and dot - pos <= 3 and ord(token[0]) != ord("0"),
        integer=False,
    )


def _with_fraction(norm: str, core: Core) -> Core | int:
    """Extend an integer with a fraction: "4¼", "7-3/4", "7 3/4", "3/4"; "9/11" is no number."""
    end = core.end
    if end >= len(norm):
        return core
    after = ord(norm[end])
    if after == ord(" ") or after == ord("-"):
        if norm.find("/", end, end + 4) < 0:
            return core
    elif after != ord("/") and not (after > 127 and norm[end] in VULGAR):
        return core
    if norm[end] in VULGAR:
        num, den = VULGAR[norm[end]]
        return _fraction_core(core.start, end + 1, core.number, num, den)
    mixed = _MIXED.match(norm, end)
    if mixed and _proper(int(mixed["num"]), int(mixed["den"])):
        return _fraction_core(
            core.start, mixed.end(), core.number, int(mixed["num"]), int(mixed["den"])
        )
    slash = _SLASH.match(norm, end)
    if slash and not core.grouped and _proper(int(core.number), int(slash["den"])):
        return _fraction_core(
            core.start, slash.end(), Decimal(0), int(core.number), int(slash["den"])
        )
    if norm[end] == "/":
        tail = _SLASHED_TAIL.match(norm, end)
        return tail.end() if tail else end + 1
    return core


def _proper(num: int, den: int) -> bool:
    return den in _DENOMINATORS and 0 < num < den


def _fraction_core(start: int, end: int, whole: Decimal, num: int, den: int) -> Core:
    number = whole + Decimal(num) / Decimal(den)  # exact: denominators are powers of two
    return Core(
        start=start,
        end=end,
        plain=str(number),
        number=number,
        step=Decimal(1) / Decimal(den),
        notes=("fraction",),
        integer=False,
    )


def spelled_core(spelled: Spelled) -> Core:
    """A core from a number phrase; its step is in units of its own scale word."""
    return Core(
        start=spelled.start,
        end=spelled.end,
        plain=str(spelled.count),
        number=spelled.count,
        step=spelled.step / spelled.multiplier,
        multiplier=spelled.multiplier,
        scale=spelled.scale,
        notes=("number in words",),
        spelled=True,
    )
