"""Checks one batch of rows with the engine: the work a local process or a Dask worker does.

`RowSpec` says where the claim is in a row (one free-text column, or role columns for
`service.check_claim`). `audit_batch` checks a batch and writes its output rows; it is a plain
top-level function of picklable values, so the same code runs in-process, in a process pool and
on a Dask worker, and their outputs are the same. Workers write the rows themselves: the main
process then only reads the input and writes bytes, and with two jobs on two cores it had been
spending a seventh of the CPU time formatting rows while the workers waited for the cores.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

import orjson

from service import check_claim, check_text
from service.audit.errors import ColumnError
from service.audit.options import DIRECTION_COLUMN, EXTRA_COLUMNS, KIND_COLUMN, AuditOptions
from service.audit.sink import RowFormatter
from service.audit.source import Record
from service.engine.arithmetic import ENGINE, computed_in
from service.engine.json_objects import JSONDict, claim_object
from service.engine.policy import Policy
from service.engine.report import Report
from service.engine.structured import ROLES
from service.loader import default_rules

ERROR, NO_CLAIMS = "error", "no_claims"
NO_FINDINGS = b"[]"
# The contract's JSON: compact, non-ASCII kept, as UTF-8 bytes (the output's encoding, so the
# longest cell of a row is never decoded and encoded again). `_JSON` writes it, and orjson
# writes the same bytes 9x faster (tests/audit/test_findings_json.py holds them equal).
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_ASCII_JSON = json.JSONEncoder(separators=(",", ":")).encode


def findings_json(claims: list[JSONDict]) -> bytes:
    try:
        return orjson.dumps(claims)
    except TypeError:  # what orjson refuses: a lone surrogate (not UTF-8), an integer over 64 bits
        text = _JSON(claims)
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:  # escaped, the JSON stays valid and the file UTF-8
            return _ASCII_JSON(claims).encode("ascii")


# (verdict, claims, findings JSON as UTF-8, error message) for one row
Result = tuple[str, int, bytes, str]


@dataclass(frozen=True, slots=True)
class RowSpec:
    text_index: int | None  # free text when set, else structured from `roles`
    roles: tuple[tuple[str, int], ...]
    direction_index: int | None
    kind_index: int | None
    policy: Policy


def row_spec(header: Sequence[str], options: AuditOptions) -> RowSpec:
    """Where to find the claim in each row, or a `ColumnError` naming the missing column."""
    policy = Policy(strict_zeros=options.strict_zeros)
    mapping = dict(options.columns)
    if not mapping and options.text_column not in header:
        mapping = {name: name for name in (*ROLES, *EXTRA_COLUMNS) if name in header}
        if not set(mapping) & set(ROLES):
            raise ColumnError(options.text_column, _missing(options.text_column, header))
    if not mapping:
        return RowSpec(header.index(options.text_column), (), None, None, policy)
    for column in mapping.values():
        if column not in header:
            raise ColumnError(column, _missing(column, header))
    direction, kind = mapping.pop(DIRECTION_COLUMN, None), mapping.pop(KIND_COLUMN, None)
    roles = tuple((role, header.index(column)) for role, column in mapping.items())
    if not roles:
        raise ColumnError("", "--columns names no figure column (old, new, change, …)")
    indexes = [header.index(name) if name else None for name in (direction, kind)]
    return RowSpec(None, roles, indexes[0], indexes[1], policy)


def _missing(column: str, header: Sequence[str]) -> str:
    shown = ", ".join(repr(name) for name in header[:20])
    return f"no column {column!r} in the header ({shown})"


@dataclass(frozen=True, slots=True)
class BatchJob:
    """What a worker needs for every batch: where the claim is, and how rows are written."""

    spec: RowSpec
    delimiter: str
    sanitize_input: bool


# a batch's output rows as CSV bytes, and its verdicts (for the summary)
Checked = tuple[bytes, list[str]]


def audit_batch(job: BatchJob, records: Sequence[Record]) -> Checked:
    """The output rows of a batch, in order, and their verdicts."""
    results = check_batch(job.spec, records)
    rows = RowFormatter(job.delimiter, job.sanitize_input).rows(records, results)
    return rows, [result[0] for result in results]


def check_batch(spec: RowSpec, records: Sequence[Record]) -> list[Result]:
    """One result per record, in order; a row the engine cannot take becomes an error result.
    The batch runs in the engine's decimal context, entered once: each check would otherwise
    enter and leave it (two context switches a row, about 2,600 instructions)."""
    return computed_in(ENGINE, lambda: [_check_record(spec, record) for record in records])


def _check_record(spec: RowSpec, record: Record) -> Result:
    if record.error:
        return (ERROR, 0, NO_FINDINGS, record.error)
    report: Report | None
    try:
        if spec.text_index is not None:
            report = check_text(record.fields[spec.text_index], spec.policy)
        else:
            report = _structured_report(spec, record.fields)
    except ValueError as exc:  # StructuredClaimError: a figure that does not read
        return (ERROR, 0, NO_FINDINGS, f"line {record.line}: {exc}")
    except Exception as exc:  # an engine bug must cost one row, not the run
        problem = f"internal error ({type(exc).__name__}: {exc})"
        return (ERROR, 0, NO_FINDINGS, f"line {record.line}: {problem}")
    return _result(report)


def _structured_report(spec: RowSpec, fields: Sequence[str]) -> Report | None:
    figures = {role: fields[index].strip() for role, index in spec.roles}
    figures = {role: value for role, value in figures.items() if value}
    if not figures:
        return None
    direction = _cell(fields, spec.direction_index).lower()
    report = check_claim(figures, direction or None, spec.policy)
    kind = _cell(fields, spec.kind_index)
    if not kind:
        return report
    if kind not in rule_kinds():
        raise ValueError(f"kind: unknown kind {kind!r}; expected one of {', '.join(rule_kinds())}")
    return replace(report, findings=tuple(f for f in report.findings if f.kind == kind))


def _cell(fields: Sequence[str], index: int | None) -> str:
    return fields[index].strip() if index is not None else ""


@cache
def rule_kinds() -> tuple[str, ...]:
    return tuple(sorted({rule.kind for rule in default_rules().rules}))


def _result(report: Report | None) -> Result:
    if report is None or not report.findings:
        return (NO_CLAIMS, 0, NO_FINDINGS, "")
    claims = [claim_object(report, finding) for finding in report.findings]
    # str(): the value of a StrEnum, without the Python code `Enum.value` runs
    return (str(report.worst), len(claims), findings_json(claims), "")
