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
        return max(verdicts, key=lambda verdict: verdict.severity) if verdicts else None


_SEVERITY: Final = {
    Verdict.CONSISTENT: 0,
    Verdict.UNVERIFIABLE: 1,
    Verdict.MINOR_DISCREPANCY: 2,
    Verdict.INCONSISTENT: 3,
    Verdict.IMPOSSIBLE: 4,
}
