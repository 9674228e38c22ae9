"""The value every binder produces: figures bound to roles, ready for the rules.

A binder (change claims, conversions, shares, sums, …) proposes a `Candidate`; the rules of that
binder whose roles it fills are then evaluated on it. Kept apart from any one binder so that all
of them, and the judge, share one definition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from service.engine.quantity import Quantity

# Final: mypyc then reads them from C statics, not from a module's dict on every use.
CHANGE_ROLES: Final = ("change", "percent", "points", "bps", "factor")
LEVEL_ROLES: Final = ("old", "new")
AMOUNT_ROLES: Final = ("old", "new", "change")  # the roles stated in the same unit
_CHANGE_ROLE_SET: Final = frozenset(CHANGE_ROLES)


@dataclass(slots=True)
class Candidate:
    """Figures bound to roles, the stated direction, and what was assumed to bind them."""

    roles: dict[str, Quantity] = field(default_factory=dict)
    levels: list[Quantity] = field(default_factory=list)
    bases: list[Quantity] = field(default_factory=list)  # levels after a distant old-level cue
    direction: str | None = None
    # "operating loss increased": flips the direction of signed levels
    subject_is_loss: bool = False
    multiple: Quantity | None = None
    direction_word: Quantity | None = None  # "rose to $5.2m from $4.1m": the word as a figure
    # Set when figures from two sentences were combined: where the claim is, and what completed it.
    anchor: tuple[int, int] | None = None
    unverifiable: str | None = None  # why the figures cannot be checked, when the binder knows
    binder: str = "change"  # which finder produced it; only that binder's rules apply
    related: tuple[tuple[int, int], ...] = ()
    assumptions: list[str] = field(default_factory=list)

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python (a sixth of a check was spent in them).
    # tests/test_engine_classes.py keeps it in step with the fields.
    def __init__(
        self,
        roles: dict[str, Quantity] | None = None,
        levels: list[Quantity] | None = None,
        bases: list[Quantity] | None = None,
        direction: str | None = None,
        subject_is_loss: bool = False,
        multiple: Quantity | None = None,
        direction_word: Quantity | None = None,
        anchor: tuple[int, int] | None = None,
        unverifiable: str | None = None,
        binder: str = "change",
        related: tuple[tuple[int, int], ...] = (),
        assumptions: list[str] | None = None,
    ) -> None:
        self.roles = {} if roles is None else roles
        self.levels = [] if levels is None else levels
        self.bases = [] if bases is None else bases
        self.direction = direction
        self.subject_is_loss = subject_is_loss
        self.multiple = multiple
        self.direction_word = direction_word
        self.anchor = anchor
        self.unverifiable = unverifiable
        self.binder = binder
        self.related = related
        self.assumptions = [] if assumptions is None else assumptions

    @property
    def start(self) -> int:
        if self.anchor:
            return self.anchor[0]
        # a loop, not min() over a generator of a list of the values: read once per finding
        start = -1
        for quantity in self.roles.values():
            if start < 0 or quantity.start < start:
                start = quantity.start
        if start < 0:
            raise ValueError("a candidate with no figures has no span")
        return start

    @property
    def end(self) -> int:
        if self.anchor:
            return self.anchor[1]
        end = -1
        for quantity in self.roles.values():
            if quantity.end > end:
                end = quantity.end
        if end < 0:
            raise ValueError("a candidate with no figures has no span")
        return end

    @property
    def figures(self) -> list[Quantity]:
        return list(self.roles.values())

    @property
    def has_change(self) -> bool:
        return not _CHANGE_ROLE_SET.isdisjoint(self.roles)

    @property
    def has_levels(self) -> bool:
        return bool(self.levels or self.bases) or "old" in self.roles or "new" in self.roles

    @property
    def complete(self) -> bool:
        if "converted" in self.roles:
            return True
        if "direction" in self.roles:
            return "old" in self.roles and "new" in self.roles
        return self.has_change and ("old" in self.roles or "new" in self.roles)

    @property
    def partial(self) -> bool:
        """One level and a change or a direction word: a headline the body may complete."""
        levels = ("old" in self.roles) + ("new" in self.roles)
        return levels == 1 and (self.has_change or self.direction_word is not None)
