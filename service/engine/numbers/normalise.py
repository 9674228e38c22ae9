"""Length-preserving normalisation of text before number scanning (DOMAIN.md §C.3–§C.4).

The scanner works on ASCII digits, one minus sign and one kind of space. News text brings
Arabic-Indic, Persian, Devanagari, Bengali and full-width digits, U+2212 minus signs, Arabic
decimal and thousands separators and no-break or thin spaces. Every mapping here is one
character to one character, so an offset in the normalised text is the same offset in the
original: spans always index what the user wrote. `str.translate` does the work in C.
"""

from __future__ import annotations

import re
from typing import Final

# The digit blocks we read; any other Unicode digit is left alone and never scanned.
_DIGIT_BLOCKS: Final[dict[str, int]] = {
    "arabic-indic": 0x0660,
    "extended-arabic-indic": 0x06F0,
    "devanagari": 0x0966,
    "bengali": 0x09E6,
    "gurmukhi": 0x0A66,
    "gujarati": 0x0AE6,
    "tamil": 0x0BE6,
    "thai": 0x0E50,
    "fullwidth": 0xFF10,
}

_PUNCTUATION: Final[dict[str, str]] = {
    "\u066b": ".",  # ARABIC DECIMAL SEPARATOR
    "\u066c": ",",  # ARABIC THOUSANDS SEPARATOR
    "\u060c": ",",  # ARABIC COMMA, used as a group separator in Urdu typesetting
    "\u2212": "-",  # MINUS SIGN
    "\ufe63": "-",  # SMALL HYPHEN-MINUS
    "\uff0d": "-",  # FULLWIDTH HYPHEN-MINUS
    "\u2010": "-",  # HYPHEN
    "\u2011": "-",  # NON-BREAKING HYPHEN
    "\u00a0": " ",  # NO-BREAK SPACE
    "\u2007": " ",  # FIGURE SPACE
    "\u2009": " ",  # THIN SPACE
    "\u202f": " ",  # NARROW NO-BREAK SPACE
    "\u2005": " ",  # FOUR-PER-EM SPACE
    "\u2006": " ",  # SIX-PER-EM SPACE
    "\uff0c": ",",  # FULLWIDTH COMMA
    "\uff0e": ".",  # FULLWIDTH FULL STOP
    "\uff05": "%",  # FULLWIDTH PERCENT SIGN
    "\u066a": "%",  # ARABIC PERCENT SIGN
}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {ord(k): v for k, v in _PUNCTUATION.items()}
    for zero in _DIGIT_BLOCKS.values():
        for offset in range(10):
            table[zero + offset] = str(offset)
    return table


_TABLE: Final = _build_table()
# Most text needs no mapping at all; finding the few characters that do is far faster than
# `str.translate` over every character (which leaves its ASCII fast path on the first curly quote).
_MAPPED: Final = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE)) + "]")
_SCRIPT_OF: Final[dict[str, str]] = {
    chr(zero + offset): script for script, zero in _DIGIT_BLOCKS.items() for offset in range(10)
}


def normalise(text: str) -> str:
    """Map digits, minus signs and spaces to ASCII, one character for one.

    >>> normalise("١٢٣٫٤ and ۱۲۳ and \u2212३")
    '123.4 and 123 and -3'
    >>> len(normalise("8\u202f000")) == len("8\u202f000")
    True
    """
    if text.isascii():
        return text
    return _MAPPED.sub(lambda m: _TABLE[ord(m.group())], text)


def digit_scripts(original: str) -> frozenset[str]:
    """The digit scripts used in a stretch of original text ("ascii" for 0-9).

    >>> sorted(digit_scripts("1٢"))
    ['arabic-indic', 'ascii']
    """
    scripts = {_SCRIPT_OF.get(ch, "ascii") for ch in original if ch.isdigit()}
    return frozenset(scripts)


def is_mixed_script(original: str) -> bool:
    """True when one figure mixes digits of two scripts: such a string is not a number."""
    if original.isascii():
        return False
    return len(digit_scripts(original)) > 1


def script_note(original: str) -> str | None:
    """A note naming the digit script of a figure written outside ASCII, else None."""
    if original.isascii():
        return None
    scripts = digit_scripts(original) - {"ascii"}
    if not scripts:
        return None
    return f"{next(iter(scripts))} digits"
