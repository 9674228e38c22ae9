"""The verdict vocabulary shared by every front end, ordered by severity."""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class Verdict(StrEnum):
    CONSISTENT = "consistent"
    UNVERIFIABLE = "unverifiable"
    MINOR_DISCREPANCY = "minor_discrepancy"
    INCONSISTENT = "inconsistent"
    IMPOSSIBLE = "impossible"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]

    @property
    def flagged(self) -> bool:
        """Flagged means the figures disagree: minor discrepancy or worse."""
        return self.severity >= _SEVERITY[Verdict.MINOR_DISCREPANCY]

    @classmethod
    def worst(cls, verdicts: list[Verdict]) -> Verdict | None:
        return worst(verdicts)


_SEVERITY: Final = {
    Verdict.CONSISTENT: 0,
    Verdict.UNVERIFIABLE: 1,
    Verdict.MINOR_DISCREPANCY: 2,
    Verdict.INCONSISTENT: 3,
    Verdict.IMPOSSIBLE: 4,
}


def worst(verdicts: list[Verdict]) -> Verdict | None:
    """The most severe verdict, the first of equals; None for none. A function, and ranked by a
    dict lookup, for the hot paths (the audit ranks every row's findings): an Enum's classmethod
    and a key lambda are Python-level calls."""
    return max(verdicts, key=_SEVERITY.__getitem__) if verdicts else None
