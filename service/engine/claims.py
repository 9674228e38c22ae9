"""Binds the figures of a sentence to the roles of change claims (old, new, change, percent…).

For each amount in a sentence the binder reads the words since the previous amount and lets the
last cue decide its role: "from 2.18bn" is the old level, "to 2.61bn" the new one, "rose 19.78%"
the change. Figures are then gathered into frames, one per claim: a frame closes when a role
would be filled twice or at a clause separator once it is complete. The cue words are data
(`rules/cues.toml`); this module holds only the procedure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from service.engine.cues import Cues, words
from service.engine.quantity import Kind, Quantity

CHANGE_ROLES = ("change", "percent", "points", "bps")
_OLD_BOUNDS = frozenset({"over", "above", "than"})
LEVEL_ROLES = ("old", "new")


@dataclass(slots=True)
class Candidate:
    """Figures bound to roles, the stated direction, and what was assumed to bind them."""

    roles: dict[str, Quantity] = field(default_factory=dict)
    levels: list[Quantity] = field(default_factory=list)
    direction: str | None = None
    assumptions: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(q.start for q in self.figures)

    @property
    def end(self) -> int:
        return max(q.end for q in self.figures)

    @property
    def figures(self) -> list[Quantity]:
        return list(self.roles.values())

    @property
    def has_change(self) -> bool:
        return any(role in self.roles for role in CHANGE_ROLES)

    @property
    def complete(self) -> bool:
        if "converted" in self.roles:
            return True
        return self.has_change and ("old" in self.roles or "new" in self.roles)


def _ends_with(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    return len(tokens) >= len(phrase) and tuple(tokens[len(tokens) - len(phrase) :]) == phrase


def _last_cue(tokens: list[str], cues: Cues) -> tuple[str, int] | None:
    """The role cue that ends nearest to the figure, as (role, index of its last word)."""
    for index in range(len(tokens), 0, -1):
        head = tokens[:index]
        word = head[-1]
        if cues.direction_of(word):
            return "change", index
        if word in cues.links and _direction_before_links(head, cues):
            return "change", index
        for role, phrases in (("old", cues.old), ("new", cues.new)):
            if any(_ends_with(head, phrase) for phrase in phrases):
                if word == "of" and index > 1:
                    # "of" is weak: "from fiscal 2021 of $8.6m" keeps the earlier "from".
                    earlier = _last_cue(tokens[: index - 1], cues)
                    if earlier is not None and earlier[0] in LEVEL_ROLES:
                        return earlier
                return role, index
    return None


def _direction_before_links(tokens: list[str], cues: Cues) -> bool:
    index = len(tokens) - 1
    while index >= 0 and tokens[index] in cues.links:
        index -= 1
    return index >= 0 and cues.direction_of(tokens[index]) is not None


def role_of(quantity: Quantity, window: str, cues: Cues) -> str:
    """The role a figure plays, from the words just before it."""
    if quantity.kind is Kind.PERCENTAGE_POINTS:
        return "points"
    if quantity.kind is Kind.BASIS_POINTS:
        return "bps"
    tokens = words(window)
    cue = _last_cue(tokens, cues)
    role = cue[0] if cue else "level"
    if quantity.kind is Kind.PERCENT:
        # A rate is a level only right after its cue ("to 9.7%", "from 9.9%"); else a change.
        adjacent = cue is not None and cue[1] == len(tokens) and tokens[-1] != "of"
        if role not in LEVEL_ROLES or not adjacent:
            return "percent"
    return role


def direction_near(window: str, after: str, cues: Cues) -> str | None:
    """The direction word nearest before the figure, else the first one after it."""
    for word in reversed(words(window)):
        if direction := cues.direction_of(word):
            return direction
    for word in words(after)[:4]:
        if direction := cues.direction_of(word):
            return direction
    return None


def _is_separator(window: str, cues: Cues) -> bool:
    lowered = window.lower()
    return any(separator in lowered for separator in cues.separators)


def bind_sentence(
    text: str, amounts: Iterable[Quantity], start: int, cues: Cues
) -> list[Candidate]:
    """Group the amounts of one sentence (in text order) into change-claim candidates."""
    amounts = list(amounts)
    frames: list[Candidate] = []
    frame = Candidate()
    previous_end = start
    for position, quantity in enumerate(amounts):
        window = text[previous_end : quantity.start]
        following = (
            text[quantity.end : amounts[position + 1].start]
            if position + 1 < len(amounts)
            else text[quantity.end : quantity.end + 40]
        )
        role = role_of(quantity, window, cues)
        if frame.figures and (
            (role != "level" and role in frame.roles)
            or (frame.complete and _is_separator(window, cues))
        ):
            frames.append(frame)
            frame = Candidate()
        if role == "old" and quantity.bound and quantity.bound.lower() in _OLD_BOUNDS:
            # "an increase of $770.7m over $14.355bn": "over" names the base, not a bound.
            quantity = quantity.with_changes(bound=None, hedge=None)
        if role == "level":
            frame.levels.append(quantity)
        else:
            frame.roles[role] = quantity
        if role in CHANGE_ROLES and frame.direction is None:
            frame.direction = direction_near(window, following, cues)
        previous_end = quantity.end
    frames.append(frame)
    return [candidate for candidate in map(_resolve_levels, frames) if candidate.complete]


def _resolve_levels(frame: Candidate) -> Candidate:
    """Give unmarked levels the level role still missing ("was $21.2m, down 66.7% from…")."""
    for quantity in frame.levels:
        missing = next((role for role in ("new", "old") if role not in frame.roles), None)
        if missing is None:
            break
        frame.roles[missing] = quantity
        frame.assumptions.append(f"{quantity.text} read as the {missing} level")
    return frame
