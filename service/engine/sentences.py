"""Splits text into sentence spans, because a change claim never crosses a sentence boundary.

Spans index the original text. The splitter is deliberately simple and linear: a sentence ends at
., ! or ? followed by white space and an upper-case letter, a quote or a digit-free opening, or at
a blank line or a line break (headlines and bullets stand alone).
"""

from __future__ import annotations

import re
from typing import Final

from service.engine.scan import matches_at, positions

# A boundary starts at its punctuation or line break. The pattern opens with that character
# class (not a lookbehind) so that a match begins there, where `_boundaries` tries it; the
# boundary proper starts after sentence punctuation (see `_gap_start`).
_BOUNDARY: Final = re.compile(
    r"""
    [.!?\n]
    (?:
        (?<=[.!?])["”’)]?\s+(?=["“‘(]?[A-Z•])  # sentence punctuation, then a capital
      | (?<=\n)\s*                           # a line break: headlines and bullets stand alone
    )
    """,
    re.VERBOSE,
)

# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS: Final = re.compile(
    r"(?:\b(?:Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|St|No|vs|U\.S|U\.K|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Rs|approx)\.)$"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank sentence, in order.

    >>> text = "Exports rose 5%. Imports fell.\\nHeadline"
    >>> [text[a:b] for a, b in sentence_spans(text)]
    ['Exports rose 5%.', 'Imports fell.', 'Headline']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _boundaries(text):
        gap = _gap_start(text, match)
        if text[gap] != "\n" and _ABBREVIATIONS.search(text, max(0, gap - 12), gap):
            continue
        _append(text, start, gap, spans)
        start = match.end()
    _append(text, start, len(text), spans)
    return spans


# Where a boundary can start, and what must follow sentence punctuation in one.
_BOUNDARY_STARTS: Final = (".", "!", "?", "\n")
_AFTER_PUNCTUATION: Final = '"”’)'


def _boundaries(text: str) -> list[re.Match[str]]:
    """The matches of `_BOUNDARY.finditer(text)`, tried only at its first characters, and after
    sentence punctuation only when white space, a quote or a bracket follows it (as it must:
    most full stops are decimal points). The regex scan spent most of its time testing every
    character against the pattern's first character class."""
    starts = [
        at
        for at in positions(text, _BOUNDARY_STARTS)
        if text[at] == "\n" or _may_end_a_sentence(text[at + 1 : at + 2])
    ]
    return matches_at(_BOUNDARY, text, starts)


def _may_end_a_sentence(following: str) -> bool:
    return following != "" and (following.isspace() or following in _AFTER_PUNCTUATION)


def _gap_start(text: str, match: re.Match[str]) -> int:
    """Where the text between two sentences starts: at a line break, or after the punctuation
    that ends the first sentence (the punctuation stays with its sentence)."""
    first = match.start()
    return first if text[first] == "\n" else first + 1


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
