"""Character tests on the normalised text, the small steps every reader takes around a figure.

They are written with `ord(text[i])`, which mypyc compiles to a plain read of the character
code: no string object is made and no method is called, so a loop over a few characters costs
a few instructions each. A regex call or a `str` method costs a thousand or more; that is the
whole point of this module.
"""

from __future__ import annotations


def letters_end(text: str, start: int) -> int:
    """The end of the run of ASCII letters at `start`."""
    end, stop = start, len(text)
    while end < stop:
        code = ord(text[end])
        if not (ord("a") <= code <= ord("z") or ord("A") <= code <= ord("Z")):
            break
        end += 1
    return end


def digits_end(text: str, start: int) -> int:
    """The end of the run of ASCII digits at `start`."""
    end, stop = start, len(text)
    while end < stop and ord("0") <= ord(text[end]) <= ord("9"):
        end += 1
    return end


def is_digit_at(text: str, i: int) -> bool:
    """Whether an ASCII digit stands at `i` (False past the end)."""
    return 0 <= i < len(text) and ord("0") <= ord(text[i]) <= ord("9")


def is_ascii_letter_at(text: str, i: int) -> bool:
    """Whether an ASCII letter stands at `i` (False outside the text)."""
    if not 0 <= i < len(text):
        return False
    code = ord(text[i])
    return ord("a") <= code <= ord("z") or ord("A") <= code <= ord("Z")


def is_space_at(text: str, i: int) -> bool:
    """`text[i].isspace()`, without a call for ASCII characters."""
    code = ord(text[i])
    if code < 128:
        return code == ord(" ") or 9 <= code <= 13 or 28 <= code <= 31
    return text[i].isspace()


def is_letter(char: str) -> bool:
    """`char.isalpha()` for one character or "", without a call for ASCII characters."""
    if not char:
        return False
    code = ord(char)
    if code < 128:
        return ord("a") <= code <= ord("z") or ord("A") <= code <= ord("Z")
    return char.isalpha()


def ends_with(text: str, suffix: str, start: int, end: int) -> bool:
    """`text.endswith(suffix, start, end)` for `end <= len(text)`: with those bounds the method
    is called as a Python method (a thousand instructions), this loop costs a few a character."""
    at = end - len(suffix)
    return at >= start and all(ord(text[at + k]) == ord(suffix[k]) for k in range(len(suffix)))


def token_end(norm: str, pos: int, floor: int) -> int:
    """Where the word before `pos` ends: `pos` less at most two spaces, never below `floor`."""
    end = pos
    if end > floor and ord(norm[end - 1]) == ord(" "):
        end -= 1
        if end > floor and ord(norm[end - 1]) == ord(" "):
            end -= 1
    return end


def last_token(norm: str, pos: int, floor: int) -> str:
    """The word that ends just before `pos`, after at most two spaces ("" when there is none).

    A word is what `str.split()` would cut, looked for no further back than 24 characters.
    Readers look it up in a set before running any backward regex: that check is what keeps
    the cost per figure small.

    >>> last_token("rose (US$4", 9, 0)
    '(US$'
    >>> last_token("more than  200", 11, 0)
    'than'
    """
    end = token_end(norm, pos, floor)
    start, lowest = end, max(floor, end - 24)
    while start > lowest and not is_space_at(norm, start - 1):
        start -= 1
    return norm[start:end]
