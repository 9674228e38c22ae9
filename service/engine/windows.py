"""One sentence's amounts with the text between them, sliced and tokenised once for every binder.

The change binder (`claims.py`), the sum finder (`sums.py`) and the balance finder
(`balances.py`) all read the text between consecutive amounts of a sentence. The gap before an
amount is also the text after the previous one, so the binder alone used to tokenise each gap
twice, and every pass sliced it again. A `SentenceAmounts` holds each gap and its `words` once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from service.engine.cues import words
from service.engine.quantity import Quantity

# How far past the last amount of a sentence the binder looks for a following word ("… decrease").
TAIL: Final = 40


@dataclass(frozen=True, slots=True)
class SentenceAmounts:
    """The amounts of one sentence, in order, and the gaps around them.

    `gaps[i]` is the text from the end of amount i - 1 (the sentence start for the first) to the
    start of amount i, and `gap_words[i]` its `words`; `tail_words` are the `words` of the `TAIL`
    characters after the last amount (which may run past the sentence end).
    """

    text: str  # the whole document: positions are document offsets
    span: tuple[int, int]
    amounts: tuple[Quantity, ...]
    gaps: tuple[str, ...]
    gap_words: tuple[list[str], ...]
    tail_words: list[str]

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python (a sixth of a check was spent in them).
    # tests/test_engine_classes.py keeps it in step with the fields.
    def __init__(
        self,
        text: str,
        span: tuple[int, int],
        amounts: tuple[Quantity, ...],
        gaps: tuple[str, ...],
        gap_words: tuple[list[str], ...],
        tail_words: list[str],
    ) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "span", span)
        object.__setattr__(self, "amounts", amounts)
        object.__setattr__(self, "gaps", gaps)
        object.__setattr__(self, "gap_words", gap_words)
        object.__setattr__(self, "tail_words", tail_words)

    @staticmethod
    def build(text: str, span: tuple[int, int], amounts: list[Quantity]) -> SentenceAmounts:
        gaps = []
        gap_words = []
        end = span[0]
        for quantity in amounts:
            gap = text[end : quantity.start]
            gaps.append(gap)
            gap_words.append(words(gap))
            end = quantity.end
        # Positional arguments to the class itself: mypyc then calls the native `__init__`
        # directly, not through the type with a dict of keywords.
        return SentenceAmounts(
            text, span, tuple(amounts), tuple(gaps), tuple(gap_words), words(text[end : end + TAIL])
        )

    def following_words(self, position: int) -> list[str]:
        """The `words` after amount `position`: up to the next amount, or of the tail."""
        if position + 1 < len(self.gap_words):
            return self.gap_words[position + 1]
        return self.tail_words

    def window(self, previous: int | None, position: int) -> str:
        """The text between amount `previous` (None: the sentence start) and amount `position`.

        Passes that skip some amounts (rates, multiples) read across them; adjacent amounts
        reuse the stored gap.
        """
        if previous == position - 1 or (previous is None and position == 0):
            return self.gaps[position]
        start = self.span[0] if previous is None else self.amounts[previous].end
        return self.text[start : self.amounts[position].start]

    def window_words(self, previous: int | None, position: int) -> list[str]:
        """The `words` of `window(previous, position)`, tokenised again only across skipped
        amounts (whose own text, "5 per cent", belongs to the window then)."""
        if previous == position - 1 or (previous is None and position == 0):
            return self.gap_words[position]
        return words(self.window(previous, position))
