"""Figures cut in two by a stray space: "EUR12 .8 mn", "EUR995 ,000".

Some tokenised corpora (the Financial PhraseBank among them) put a space before every dot and
comma, numbers included. The scanner then reads "EUR12" and "8 mn", or "EUR995" and "000": two
figures, each wrong, which bound into a claim give a confident false alarm ("surged to EUR21m
from EUR106 ,000" read as a fall). Which reading the writer meant cannot be known for sure, so
both pieces are marked ambiguous (shown by `figures`, never used in a claim) rather than joined.
"""

from __future__ import annotations

from typing import Final

from service.engine.quantity import Quantity

NOTE: Final = "split by a space inside the number (as in a tokenised text): not read"


def mark_split_figures(norm: str, quantities: list[Quantity]) -> list[Quantity]:
    """The figures, with both pieces of every space-split number marked ambiguous: a figure
    ending in a digit followed by a space, a dot or comma and a digit, and the figure that
    starts at that digit. Looking at each figure's end costs less than scanning the text."""
    cuts = {
        q.end + 2
        for q in quantities
        if norm[q.end : q.end + 1] == " "
        and norm[q.end + 1 : q.end + 2] in _MARKS
        and norm[q.end + 2 : q.end + 3].isdigit()
        and norm[q.end - 1 : q.end].isdigit()
    }
    if not cuts:  # nearly every text
        return quantities
    return [
        q.with_changes(ambiguous=(*q.ambiguous, NOTE))
        if q.end + 2 in cuts or q.start in cuts
        else q
        for q in quantities
    ]


_MARKS: Final = (".", ",")
