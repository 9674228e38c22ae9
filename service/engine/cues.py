"""The cue vocabulary of `rules/cues.toml` as a frozen value with fast lookups.

Cue words decide which figure plays which role in a change claim ("from" marks the old level,
"to" the new one, "rose" the direction). They are data so that a newsroom can add its own
phrasings without touching code.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from service.engine.quantity import Hedge

# Code points as literals, which mypyc compiles to constants.
_A: Final = 97  # "a"
_Z: Final = 122  # "z"
_PERIOD: Final = 46  # "."
_SEMICOLON: Final = 59  # ";"
_COMMA: Final = 44  # ","


# The classes of a word, as bits of `Cues.word_classes`: the binder's scan back from a figure
# (`claims._last_cue`) tells them all with one lookup instead of one per set.
DIRECTION: Final = 1
LINK: Final = 2
FILLER: Final = 4
ENDS_ROLE_PHRASE: Final = 8  # the last word of an old- or new-level phrase ("compared with")


def words(text: str) -> list[str]:
    r"""Lower-case words and the clause punctuation that matters to binding: in the lower-cased
    text, each run of the letters a-z, with a full stop that ends it before white space or the
    end ("approx."), and each ";" and ",".

    That is `re.findall(r"[a-z]+(?:\.(?=\s|$))?|[;,]", text.lower())`, scanned here by hand:
    every regex match allocates and frees its match stack, which made this a fifth of finding
    the candidates (tests/test_shortcuts.py holds the two in step).
    """
    lowered = text.lower()
    found: list[str] = []
    length = len(lowered)
    start = -1  # where the run of letters being read began; -1 outside one
    for index in range(length):
        code = ord(lowered[index])
        if _A <= code <= _Z:
            if start < 0:
                start = index
            continue
        if start >= 0:
            end = index
            if code == _PERIOD and (index + 1 == length or lowered[index + 1].isspace()):
                end += 1
            found.append(lowered[start:end])
            start = -1
        if code in (_SEMICOLON, _COMMA):
            found.append(lowered[index])
    if start >= 0:
        found.append(lowered[start:])
    return found


# The non-ASCII characters a case-insensitive pattern matches to an ASCII letter ("ſ" to "s").
ASCII_LOOKALIKES: Final = ("ı", "İ", "ſ", "\u212a")


def may_contain(text: str, phrases: tuple[str, ...]) -> bool:
    """False only if no case-insensitive regex match of one of `phrases` (lower-case ASCII) can
    occur in `text`. Substring tests of its lower case, exact unless it holds an ASCII
    lookalike, rule out most texts far faster than a case-insensitive search, which tries
    every position."""
    lowered = text.lower()
    if any(phrase in lowered for phrase in phrases):
        return True
    return not text.isascii() and any(char in text for char in ASCII_LOOKALIKES)


@dataclass(frozen=True, slots=True)
class Cues:
    directions: dict[str, str]  # "rose" → "up", "fell" → "down": one lookup per word
    old: tuple[tuple[str, ...], ...]
    new: tuple[tuple[str, ...], ...]
    links: frozenset[str]
    separators: tuple[str, ...]
    # word sequences that introduce a change's causes, by last word (as `negative_ending`)
    causes_ending: dict[str, tuple[tuple[str, ...], ...]]
    cause_keys: frozenset[str]  # a telling word of each: a window without one names no cause
    negative: tuple[tuple[str, ...], ...]
    negative_ending: dict[str, tuple[tuple[str, ...], ...]]  # `negative` by last word
    negative_after: frozenset[str]
    positive: frozenset[str]
    evaluative: frozenset[str]
    filler: frozenset[str]
    multiples: dict[str, Decimal]
    multiple_hedges: dict[str, Hedge]
    multiple_pattern: re.Pattern[str]
    multiple_words: tuple[str, ...]  # lower-case: a window without one skips the pattern
    longest_multiple_hedge: int  # in characters: how far before its word a match may start
    # (phrase, role) by the phrase's last word, longest first: one dict lookup per word
    phrases_ending: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    balance_words: dict[str, str]  # "exports" → "inflow", "deficit" → "deficit"
    balance_names: tuple[str, ...]  # the words of the balance itself: "surplus", "deficit", …
    word_classes: dict[str, int]  # the class bits (DIRECTION, LINK, …) of each cue word

    @classmethod
    def from_toml(cls, data: Mapping[str, Any]) -> Cues:
        def phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
            # Longest first, so "compared to" wins over "to".
            return tuple(sorted((tuple(words(item)) for item in items), key=len, reverse=True))

        # "up" is written last: it wins for a word listed under both, as it was tested first
        directions = {
            **dict.fromkeys(data["direction"]["down"], "down"),
            **dict.fromkeys(data["direction"]["up"], "up"),
        }
        links = frozenset(data["roles"]["change_links"])
        filler = frozenset(data["roles"]["filler"])
        phrases_ending = _by_last_word(phrases(data["roles"]["old"]), phrases(data["roles"]["new"]))
        return cls(
            directions=directions,
            old=phrases(data["roles"]["old"]),
            new=phrases(data["roles"]["new"]),
            links=links,
            separators=tuple(data["clauses"]["separators"]),
            causes_ending=_group_by_last_word(phrases(data["clauses"]["causes"])),
            cause_keys=_keys(phrases(data["clauses"]["causes"])),
            negative=phrases(data["signs"]["negative"]),
            negative_ending=_group_by_last_word(phrases(data["signs"]["negative"])),
            negative_after=frozenset(data["signs"]["negative_after"]),
            positive=frozenset(data["signs"]["positive"]),
            evaluative=frozenset(data["signs"]["evaluative"]),
            filler=filler,
            multiples={w: Decimal(v) for w, v in data["multiples"]["words"].items()},
            multiple_hedges={w: Hedge(v) for w, v in data["multiples"]["hedges"].items()},
            multiple_pattern=_multiple_pattern(data["multiples"]),
            multiple_words=tuple(word.lower() for word in data["multiples"]["words"]),
            longest_multiple_hedge=max(map(len, data["multiples"]["hedges"]), default=0),
            balance_words={
                word: role for role, group in data["balances"].items() for word in group
            },
            balance_names=(*data["balances"]["surplus"], *data["balances"]["deficit"]),
            phrases_ending=phrases_ending,
            word_classes=_word_classes(
                [
                    (directions, DIRECTION),
                    (links, LINK),
                    (filler, FILLER),
                    (phrases_ending, ENDS_ROLE_PHRASE),
                ]
            ),
        )

    def direction_of(self, word: str) -> str | None:
        """ "up", "down" or None for one lower-case word."""
        return self.directions.get(word)


# words too common to tell a phrase apart ("due to" is told by "due", not by "to")
_COMMON: Final = frozenset({"a", "an", "the", "as", "of", "to", "by", "from", "in", "on"})


def _keys(group: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """One telling word per phrase, for a quick test that a window holds none of them."""
    return frozenset(next((w for w in p if w not in _COMMON), p[0]) for p in group if p)


def _multiple_pattern(table: Mapping[str, Any]) -> re.Pattern[str]:
    """ "(almost |more than )?doubled" as one compiled, case-insensitive pattern."""
    alternatives = "|".join(re.escape(w) for w in sorted(table["words"], key=len, reverse=True))
    hedges = "|".join(re.escape(h) for h in sorted(table["hedges"], key=len, reverse=True))
    return re.compile(rf"(?:(?P<hedge>{hedges})\s+)?\b(?P<word>{alternatives})\b", re.IGNORECASE)


def _group_by_last_word(
    group: tuple[tuple[str, ...], ...],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases keyed by their last word, keeping their order: a figure's window is then tested
    only against the phrases that can end it."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in group:
        if phrase:
            table.setdefault(phrase[-1], []).append(phrase)
    return {word: tuple(entries) for word, entries in table.items()}


def _word_classes(groups: list[tuple[Collection[str], int]]) -> dict[str, int]:
    """Each word of the groups with the bits of the groups it belongs to."""
    table: dict[str, int] = {}
    for group, bit in groups:
        for word in group:
            table[word] = table.get(word, 0) | bit
    return table


def _by_last_word(
    old: tuple[tuple[str, ...], ...], new: tuple[tuple[str, ...], ...]
) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for role, group in (("old", old), ("new", new)):
        for phrase in group:
            table.setdefault(phrase[-1], []).append((phrase, role))
    return {
        word: tuple(sorted(entries, key=lambda entry: len(entry[0]), reverse=True))
        for word, entries in table.items()
    }
