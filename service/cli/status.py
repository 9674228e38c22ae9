"""Exit statuses that CI systems rely on (DESIGN.md "Contracts": 0 clean, 1 findings, 2 errors)."""

from enum import IntEnum


class ExitStatus(IntEnum):
    CLEAN = 0
    FINDINGS = 1
    ERROR = 2
