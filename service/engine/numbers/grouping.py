"""Reads the digits of one figure: grouping styles, decimal marks and their ambiguities (§C.3).

A raw digit token ("1,234,567.89", "12,34,567.89", "1.234,5", "3.350", "1,5") is classified by
whole-token patterns tried in a fixed order; the first that fits decides the plain digit string
("1234567.89"), notes about the reading and any alternative readings. Tokens are short (the
scanner caps them), so these anchored matches cannot backtrack for long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from service.engine.numbers.chars import digits_end, is_digit_at

MAX_DIGITS: Final = 60  # longer digit runs are identifiers, never converted

# "816 000", "1 234 567,89": spaces (after normalisation) between groups of exactly three.
# The group count is capped so that a failed attempt costs O(1): a long run of "000 000 ..."
# would otherwise be rescanned from every group and the lexer would go quadratic.
SPACED_RE: Final = re.compile(
    r"[0-9]{1,3}(?:[ ][0-9]{3}){1,20}(?:,[0-9]{1,2})?(?![0-9]|[.,'][0-9])"
)

_PLAIN: Final = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_INTERNATIONAL: Final = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_INDIAN: Final = re.compile(r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?")
_EUROPEAN_DECIMAL: Final = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})*,[0-9]+")
_EUROPEAN_GROUPED: Final = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3}){2,}")
_DECIMAL_COMMA: Final = re.compile(r"[0-9]+,[0-9]{1,2}")
_SWISS: Final = re.compile(r"[0-9]{1,3}(?:'[0-9]{3})+(?:\.[0-9]+)?")
_SPACED: Final = re.compile(r"[0-9]{1,3}(?: [0-9]{3})+(?:,[0-9]+)?")
# "3.350": a dot before exactly three digits may be a thousands separator
DOT_THREE_RE: Final = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")


@dataclass(slots=True)  # not frozen: built once per figure, and frozen init is slower
class Digits:
    """The plain reading of a digit token."""

    plain: str  # "1234567.89": ASCII digits with at most one "."
    notes: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    dot_three: bool = False  # "3.350": ambiguous unless a scale or rate word follows

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python (a sixth of a check was spent in them).
    # tests/test_engine_classes.py keeps it in step with the fields.
    def __init__(
        self,
        plain: str,
        notes: tuple[str, ...] = (),
        ambiguous: tuple[str, ...] = (),
        dot_three: bool = False,
    ) -> None:
        self.plain = plain
        self.notes = notes
        self.ambiguous = ambiguous
        self.dot_three = dot_three


def read_digits(token: str) -> Digits | None:
    """The plain digits of a token, or None when it is not a number (a version, an address).

    >>> read_digits("1,234,567.89").plain
    '1234567.89'
    >>> read_digits("12,34,567.89").notes
    ('Indian digit grouping',)
    >>> read_digits("1.234,5").plain
    '1234.5'
    >>> read_digits("1,5").ambiguous
    ('1.5', '1 and 5')
    >>> read_digits("1.2.3") is None
    True
    """
    if len(token) > MAX_DIGITS and sum(ch.isdigit() for ch in token) > MAX_DIGITS:
        return None
    if _thousands_commas(token):  # the most common grouping, read without trying the patterns
        return _international(token)
    for pattern, reader in _READERS:
        if pattern.fullmatch(token):
            return reader(token)
    return None


def _thousands_commas(token: str) -> bool:
    """Whether `_INTERNATIONAL` matches the token ("1,234", "2,611.5"), told by a loop over its
    characters: compiled, a tenth of the cost of the two patterns tried before it matches."""
    end = digits_end(token, 0)
    if not 1 <= end <= 3:
        return False
    groups = 0
    while _comma_group_at(token, end):
        end, groups = end + 4, groups + 1
    if groups and end < len(token) and ord(token[end]) == ord(".") and is_digit_at(token, end + 1):
        end = digits_end(token, end + 1)
    return groups > 0 and end == len(token)


def _comma_group_at(token: str, i: int) -> bool:
    """Whether a comma and exactly three digits stand at `i`."""
    return i < len(token) and ord(token[i]) == ord(",") and digits_end(token, i + 1) == i + 4


def _plain(token: str) -> Digits:
    return Digits(token, dot_three=bool(DOT_THREE_RE.fullmatch(token)))


def _international(token: str) -> Digits:
    return Digits(token.replace(",", ""))


def _indian(token: str) -> Digits:
    return Digits(token.replace(",", ""), notes=("Indian digit grouping",))


def _european_decimal(token: str) -> Digits:
    plain = token.replace(".", "").replace(",", ".")
    return Digits(plain, notes=("read with European decimal comma",))


def _european_grouped(token: str) -> Digits:
    return Digits(token.replace(".", ""), notes=("European digit grouping",))


def _decimal_comma(token: str) -> Digits:
    whole, frac = token.split(",")
    plain = f"{whole}.{frac}"
    return Digits(
        plain,
        notes=("read with European decimal comma",),
        ambiguous=(plain, f"{whole} and {frac}"),
    )


def _swiss(token: str) -> Digits:
    return Digits(token.replace("'", ""), notes=("Swiss digit grouping",))


def _spaced(token: str) -> Digits:
    whole, _, frac = token.replace(" ", "").partition(",")
    notes = ["space digit grouping"]
    if frac:
        notes.append("read with European decimal comma")
    return Digits(f"{whole}.{frac}" if frac else whole, notes=tuple(notes))


_READERS: Final = (
    (_PLAIN, _plain),
    (_INTERNATIONAL, _international),
    (_INDIAN, _indian),
    (_EUROPEAN_GROUPED, _european_grouped),
    (_DECIMAL_COMMA, _decimal_comma),
    (_EUROPEAN_DECIMAL, _european_decimal),
    (_SWISS, _swiss),
    (_SPACED, _spaced),
)
