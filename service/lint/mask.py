"""A text being blanked in place: the one operation every extractor needs.

Extractors never delete or insert characters; they overwrite. Blanking keeps line breaks, so the
checked text has the same length and the same lines as the file, and the engine's offsets,
lines and columns all point into the file as written.
"""

from __future__ import annotations

import re


class Mask:
    """A mutable copy of a text; `blank`, `put` and `join_lines` overwrite it in place."""

    __slots__ = ("chars",)

    def __init__(self, text: str) -> None:
        self.chars = list(text)

    def __str__(self) -> str:
        return "".join(self.chars)

    def blank(self, start: int, end: int) -> None:
        """Spaces over [start, end), keeping line breaks where they are."""
        chars = self.chars
        for index in range(max(0, start), min(end, len(chars))):
            if chars[index] not in "\r\n":
                chars[index] = " "

    def put(self, offset: int, char: str) -> None:
        """One character for one character (a boundary, a decoded entity)."""
        if 0 <= offset < len(self.chars):
            self.chars[offset] = char


def line_starts(text: str) -> list[int]:
    """The offset where each line starts (line 1 at index 0)."""
    starts = [0]
    starts.extend(match.end() for match in re.finditer("\n", text))
    return starts
