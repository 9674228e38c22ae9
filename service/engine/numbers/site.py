"""What the scanner knows about one candidate figure before reading it.

Looking at the characters right before and after the leading digit run, and at the word before
it, tells which readers can possibly match; the others are skipped without running a regex.
Computing this once per candidate is what keeps the lexer above 10 MB/s on news prose.
"""

from __future__ import annotations

from typing import Final

from service.engine.numbers.chars import digits_end, is_letter, last_token
from service.engine.numbers.lexicon import Lexicon

_SEPARATORS: Final = frozenset("-–/")  # after the digits: dates, fiscal years, phone numbers
_CODE_PREV: Final = ("-", "+")  # before the digits: codes and phone numbers


class Site:
    """A candidate digit at `pos` in the normalised text.

    A plain class that computes its fields in `__init__`: one call per candidate instead of a
    factory method plus a generated initialiser.
    """

    __slots__ = ("floor", "next", "norm", "pos", "prev", "run_end", "text", "token")

    def __init__(self, text: str, norm: str, pos: int, floor: int) -> None:
        run_end = digits_end(norm, pos)
        prev = norm[pos - 1] if pos > floor else ""
        self.text = text  # the original text
        self.norm = norm  # the normalised text, same length
        self.pos = pos
        self.floor = floor  # end of the previous figure: nothing before it may be claimed again
        self.run_end = run_end  # end of the leading run of ASCII digits
        self.prev = prev  # the character before `pos` ("" at the floor)
        self.next = norm[run_end : run_end + 1]  # the character after the run ("" at the end)
        self.token = last_token(norm, pos, floor) if prev else ""  # the word before `pos`

    @property
    def run_length(self) -> int:
        return self.run_end - self.pos

    def may_be_special(self, lex: Lexicon) -> bool:
        """False when no date, fiscal-year or code reader can match here.

        Most figures ("19.78 percent", "$2.61 billion", "2025") fail every one of those readers;
        this joins their entry conditions (see `dates`) so that they are skipped in one check.
        It may say True wrongly (the readers then decide) but never False wrongly.
        """
        nxt, run = self.next, self.run_end
        if nxt in _SEPARATORS:  # "2025-26", "11/12", "COVID-19-", a phone number
            return True
        short = self.run_length <= 2
        if nxt == "." and short and "." in self.norm[run + 2 : run + 4]:
            return True  # "12.10.2025" (not "2.61": a second dot must follow)
        if nxt == " " and short and self.norm[run + 1 : run + 2].isupper():
            return True  # "12 Oct"
        if is_letter(self.prev) or self.prev in _CODE_PREV:  # "Q3", "COVID-19", "+44"
            return True
        token = self.token
        return bool(token) and ("FY" in token or token in lex.code_words or lex.is_month(token))
