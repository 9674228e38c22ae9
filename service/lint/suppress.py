"""Inline suppressions: comments in a draft that silence findings the writer has checked.

    <!-- econcheck: ignore -->             the next non-blank line (or its own, after text)
    <!-- econcheck: ignore=EC101,EC102 --> the same, for those rules only
    <!-- econcheck: off -->  …  <!-- econcheck: on -->   a block (off=EC101 for one rule)

A finding is hidden when any line it spans is ignored for its rule, or when it starts inside an
off block for its rule. Comments the extractor found inside code never count. A comment that
does not parse as a directive is ordinary prose and is left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from service.engine.findings import Finding
from service.lint.mask import line_starts

_DIRECTIVE = re.compile(
    r"""
    \A<!--\s*econcheck\s*:\s*
    (?P<verb>ignore|off|on)                      # what to do
    (?:\s*=\s*(?P<codes>[A-Za-z0-9_.-]+(?:\s*,\s*[A-Za-z0-9_.-]+)*))?  # optional rule codes
    \s*-->\Z
    """,
    re.VERBOSE | re.IGNORECASE,
)

Codes = frozenset[str] | None  # None: every rule


@dataclass(frozen=True, slots=True)
class Suppressions:
    lines: tuple[tuple[int, Codes], ...] = ()  # (1-based line, codes)
    blocks: tuple[tuple[int, int, Codes], ...] = ()  # (start offset, end offset, codes)

    def hides(self, finding: Finding, first_line: int, last_line: int) -> bool:
        for line, codes in self.lines:
            if first_line <= line <= last_line and _covers(codes, finding.rule):
                return True
        return any(
            start <= finding.start < end and _covers(codes, finding.rule)
            for start, end, codes in self.blocks
        )

    def __bool__(self) -> bool:
        return bool(self.lines or self.blocks)


def _covers(codes: Codes, rule: str) -> bool:
    return codes is None or rule.upper() in codes


def parse_suppressions(text: str, comments: tuple[tuple[int, int], ...]) -> Suppressions:
    """The directives among the comments (spans into `text`), resolved to lines and blocks."""
    if not comments:
        return Suppressions()
    starts = line_starts(text)
    lines: list[tuple[int, Codes]] = []
    blocks: list[tuple[int, int, Codes]] = []
    open_blocks: dict[Codes, int] = {}
    for start, end in comments:
        match = _DIRECTIVE.match(text[start:end])
        if not match:
            continue
        verb = match.group("verb").lower()
        codes = _codes(match.group("codes"))
        if verb == "ignore":
            lines.append((_target_line(text, starts, start, end), codes))
        elif verb == "off":
            open_blocks.setdefault(codes, end)
        elif codes in open_blocks:
            blocks.append((open_blocks.pop(codes), start, codes))
    blocks.extend((offset, len(text), codes) for codes, offset in open_blocks.items())
    return Suppressions(tuple(lines), tuple(blocks))


def _codes(raw: str | None) -> Codes:
    if raw is None:
        return None
    return frozenset(code.strip().upper() for code in raw.split(","))


def _target_line(text: str, starts: list[int], start: int, end: int) -> int:
    """The comment's own line when it shares it with text, else the next non-blank line."""
    first = bisect_right(starts, start)
    if text[starts[first - 1] : start].strip():
        return first
    line = bisect_right(starts, end)
    line_end = starts[line] if line < len(starts) else len(text)
    if text[end:line_end].strip():
        return line
    while line < len(starts):
        following = text[starts[line] : starts[line + 1] if line + 1 < len(starts) else len(text)]
        if following.strip():
            return line + 1
        line += 1
    return line + 1
