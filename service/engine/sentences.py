"""Splits text into sentence spans, because a change claim never crosses a sentence boundary.

Spans index the original text. The splitter is deliberately simple and linear: a sentence ends at
., ! or ? followed by white space and an upper-case letter, a quote or a digit-free opening, or at
a blank line or a line break (headlines and bullets stand alone).
"""

from __future__ import annotations

import re

# A boundary starts at its punctuation or line break. The pattern opens with that character
# class (not a lookbehind) so that the scanner can skip to the next candidate character; the
# boundary proper starts after sentence punctuation (see `_gap_start`).
_BOUNDARY = re.compile(
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
_ABBREVIATIONS = re.compile(
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
    for match in _BOUNDARY.finditer(text):
        gap = _gap_start(text, match)
        if text[gap] != "\n" and _ABBREVIATIONS.search(text, max(0, gap - 12), gap):
            continue
        _append(text, start, gap, spans)
        start = match.end()
    _append(text, start, len(text), spans)
    return spans


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
