"""Squeezes the blanks that markup leaves behind, and maps the engine's offsets back.

Blanking keeps every offset but leaves runs of spaces inside figures ("$2.61 **billion**" becomes
"$2.61   billion"), and the lexer reads a scale word only one space away. So the checked text is
squeezed (each run of two or more spaces or tabs becomes one space) before the engine sees it,
and every offset in the report (findings, figures, related spans) is mapped back to the file.
The map is a short list of segments, one per squeezed run, searched by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from service.engine.findings import Finding
from service.engine.quantity import Quantity
from service.engine.report import Report

_RUN = re.compile(r"[ \t]{2,}")


@dataclass(frozen=True, slots=True)
class OffsetMap:
    starts: tuple[int, ...]  # squeezed offset where each segment begins
    shifts: tuple[int, ...]  # original offset minus squeezed offset, within that segment

    def start(self, offset: int) -> int:
        return offset + self.shifts[bisect_right(self.starts, offset) - 1]

    def end(self, offset: int) -> int:
        """An exclusive end: one past the original position of the last character."""
        return self.start(offset - 1) + 1 if offset > 0 else 0


def squeeze(text: str) -> tuple[str, OffsetMap]:
    """The text with runs of blanks made single, and the map back.

    >>> squeezed, where = squeeze("$2.61   billion  up")
    >>> squeezed, where.start(squeezed.index("billion")), where.end(len(squeezed))
    ('$2.61 billion up', 8, 19)
    """
    starts, shifts, pieces = [0], [0], []
    position = removed = 0
    for match in _RUN.finditer(text):
        pieces.append(text[position : match.start() + 1])
        removed += match.end() - match.start() - 1
        position = match.end()
        starts.append(match.end() - removed)
        shifts.append(removed)
    if not pieces:
        return text, OffsetMap((0,), (0,))
    pieces.append(text[position:])
    return "".join(pieces), OffsetMap(tuple(starts), tuple(shifts))


def restore(report: Report, original: str, where: OffsetMap) -> Report:
    """The report with every offset in the original file and `text` the file as written."""
    return replace(
        report,
        text=original,
        figures=tuple(_quantity(quantity, where) for quantity in report.figures),
        findings=tuple(_finding(finding, where) for finding in report.findings),
    )


def _quantity(quantity: Quantity, where: OffsetMap) -> Quantity:
    return replace(quantity, start=where.start(quantity.start), end=where.end(quantity.end))


def _finding(finding: Finding, where: OffsetMap) -> Finding:
    return replace(
        finding,
        start=where.start(finding.start),
        end=where.end(finding.end),
        figures=tuple(
            replace(use, quantity=_quantity(use.quantity, where)) for use in finding.figures
        ),
        related=tuple((where.start(a), where.end(b)) for a, b in finding.related),
    )
