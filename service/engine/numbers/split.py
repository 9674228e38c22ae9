"""Figures cut in two by a stray space: "EUR12 .8 mn", "EUR995 ,000".

Some tokenised corpora (the Financial PhraseBank among them) put a space before every dot and
comma, numbers included. The scanner then reads "EUR12" and "8 mn", or "EUR995" and "000": two
figures, each wrong, which bound into a claim give a confident false alarm ("surged to EUR21m
from EUR106 ,000" read as a fall). Which reading the writer meant cannot be known for sure, so
both pieces are marked ambiguous (shown by `figures`, never used in a claim) rather than joined.
"""

from __future__ import annotations

import re

from service.engine.quantity import Quantity

# a digit, one space, a dot or comma, and a digit again: never a figure boundary in prose
_SPLIT = re.compile(r"(?<=[0-9]) [.,](?=[0-9])")
NOTE = "split by a space inside the number (as in a tokenised text): not read"


def mark_split_figures(norm: str, quantities: list[Quantity]) -> list[Quantity]:
    """The figures, with both pieces of every space-split number marked ambiguous."""
    cuts = [m.start() for m in _SPLIT.finditer(norm)]
    if not cuts:  # nearly every text
        return quantities
    ends, starts = set(cuts), {cut + 2 for cut in cuts}
    return [
        q.with_changes(ambiguous=(*q.ambiguous, NOTE)) if q.end in ends or q.start in starts else q
        for q in quantities
    ]
