"""Bulk CSV audit: every row of a CSV of statements checked, one output row per input row.

The flow, one module per job::

    files ──► source ──► pipeline ──► engines ──► rowcheck ──► sink
    (open,    (records,   (batches,    (in-process,  (engine      (CSV out, injection-safe,
     gzip)    bad rows)    in order)    pool, dask)   per row)     partial file, gzip members)

`run.run_audit` adds checkpoints, resume, progress and the summary for the CLI
(`econcheck audit`); `stream.audit_csv_bytes` serves ``POST /v1/audit``. Errors: `errors`.
"""

from __future__ import annotations

from service.audit.errors import (
    AuditError,
    ColumnError,
    EngineUnavailableError,
    OptionError,
    ResumeError,
    UnreadableCsvError,
)
from service.audit.options import ADDED_COLUMNS, AuditOptions, parse_columns
from service.audit.progress import Summary
from service.audit.run import RunSettings, run_audit
from service.audit.sink import neutralise
from service.audit.stream import audit_csv_bytes

__all__ = [
    "ADDED_COLUMNS",
    "AuditError",
    "AuditOptions",
    "ColumnError",
    "EngineUnavailableError",
    "OptionError",
    "ResumeError",
    "RunSettings",
    "Summary",
    "UnreadableCsvError",
    "audit_csv_bytes",
    "neutralise",
    "parse_columns",
    "run_audit",
]
