"""The cue vocabulary of `rules/cues.toml` as a frozen value with fast lookups.

Cue words decide which figure plays which role in a change claim ("from" marks the old level,
"to" the new one, "rose" the direction). They are data so that a newsroom can add its own
phrasings without touching code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

WORD = re.compile(r"[a-z]+(?:\.(?=\s|$))?|[;,]")


def words(text: str) -> list[str]:
    """Lower-case words and the clause punctuation that matters to binding."""
    return WORD.findall(text.lower())


@dataclass(frozen=True, slots=True)
class Cues:
    up: frozenset[str]
    down: frozenset[str]
    old: tuple[tuple[str, ...], ...]
    new: tuple[tuple[str, ...], ...]
    links: frozenset[str]
    separators: tuple[str, ...]
    negative: tuple[tuple[str, ...], ...]

    @classmethod
    def from_toml(cls, data: Mapping[str, Any]) -> Cues:
        def phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
            # Longest first, so "compared to" wins over "to".
            return tuple(sorted((tuple(words(item)) for item in items), key=len, reverse=True))

        return cls(
            up=frozenset(data["direction"]["up"]),
            down=frozenset(data["direction"]["down"]),
            old=phrases(data["roles"]["old"]),
            new=phrases(data["roles"]["new"]),
            links=frozenset(data["roles"]["change_links"]),
            separators=tuple(data["clauses"]["separators"]),
            negative=phrases(data["signs"]["negative"]),
        )

    def direction_of(self, word: str) -> str | None:
        if word in self.up:
            return "up"
        if word in self.down:
            return "down"
        return None
