"""Regex matches sought only where they can start, with the matches of a full scan.

`finditer` tries its pattern at every position whose character may begin a match. When those
characters are common (a month's first letters) or rarely begin a real match (most full stops
are decimal points), listing the few places with `str.find` and trying the pattern there alone
is several times faster.
"""

from __future__ import annotations

import re


def positions(haystack: str, needles: tuple[str, ...]) -> list[int]:
    """Where any of `needles` occurs in `haystack`, in ascending order."""
    found = []
    for needle in needles:
        at = haystack.find(needle)
        while at >= 0:
            found.append(at)
            at = haystack.find(needle, at + 1)
    found.sort()
    return found


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """The matches of `pattern.finditer(text)`, for a pattern that never matches empty, when
    `starts` (ascending) holds every position where a match can begin: the pattern is tried at
    each, skipping those inside the previous match as `finditer` does."""
    matches: list[re.Match[str]] = []
    resume = 0
    for at in starts:
        if at >= resume and (match := pattern.match(text, at)):
            matches.append(match)
            resume = match.end()
    return matches
