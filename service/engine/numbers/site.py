"""What the scanner knows about one candidate figure before reading it.

Looking at the characters right before and after the leading digit run, and at the word before
it, tells which readers can possibly match; the others are skipped without running a regex.
Computing this once per candidate is what keeps the lexer above 10 MB/s on news prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.engine.numbers.lexicon import last_token

_DIGIT_RUN = re.compile(r"[0-9]*")


@dataclass(slots=True)  # not frozen: built once per figure, and frozen init is slower
class Site:
    """A candidate digit at `pos` in the normalised text."""

    text: str  # the original text
    norm: str  # the normalised text, same length
    pos: int
    floor: int  # end of the previous figure: nothing before it may be claimed again
    run_end: int  # end of the leading run of ASCII digits
    prev: str  # the character before `pos` ("" at the floor)
    next: str  # the character after the digit run ("" at the end)
    token: str  # the word before `pos` (see `last_token`)

    @classmethod
    def at(cls, text: str, norm: str, pos: int, floor: int) -> Site:
        run_end = _DIGIT_RUN.match(norm, pos).end()  # type: ignore[union-attr]
        prev = norm[pos - 1] if pos > floor else ""
        token = last_token(norm, pos, floor) if prev else ""
        return cls(text, norm, pos, floor, run_end, prev, norm[run_end : run_end + 1], token)

    @property
    def run_length(self) -> int:
        return self.run_end - self.pos
