"""The audit's own failures, in one tree (a bad *row* is never one of these: it becomes an output
row with ``verdict=error``).

    AuditError (Exception)
    ├── UnreadableCsvError (AuditError, ValueError)   the input has no readable header: empty,
    │                                                 not CSV, unknown encoding
    ├── ColumnError (AuditError, ValueError)          the text column or a mapped column is missing,
    │                                                 or a ``--columns`` mapping cannot be read
    ├── OptionError (AuditError, ValueError)          an option's value cannot be used (a
    │                                                 delimiter that is the quote character)
    ├── ResumeError (AuditError, ValueError)          the checkpoint is of another input or options
    └── EngineUnavailableError (AuditError, RuntimeError)  ``--engine dask`` without dask installed
"""

from __future__ import annotations


class AuditError(Exception):
    """A failure of the audit run itself, reported once and ending the run with status 2."""


class UnreadableCsvError(AuditError, ValueError):
    """The input cannot be read as CSV at all (no header row); the API answers 400 to it."""


class ColumnError(AuditError, ValueError):
    """A column the options name is not in the header, or a column mapping is malformed."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


class OptionError(AuditError, ValueError):
    """An option's value cannot be used; `option` names it (as the API's problem field)."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


class ResumeError(AuditError, ValueError):
    """A checkpoint cannot be used to resume this run."""


class EngineUnavailableError(AuditError, RuntimeError):
    """The chosen engine needs an optional dependency that is not installed."""
