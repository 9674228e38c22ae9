"""`econcheck audit IN.csv -o OUT.csv`: checks every row of a CSV of statements.

The contract is DESIGN.md "CSV audit".

A thin adapter over `service.audit`: it reads the options, runs the audit, prints the summary, and
maps the audit's own failures to exit status 2. Bad rows are not failures: they are output rows
with ``verdict=error`` and are counted in the summary.
"""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from service.audit import (
    AuditError,
    AuditOptions,
    RunSettings,
    Summary,
    parse_columns,
    run_audit,
)
from service.audit.options import DEFAULT_MAX_FIELD
from service.cli.status import ExitStatus
from service.engine.verdict import Verdict

FAIL_LEVELS = ("minor_discrepancy", "inconsistent", "impossible", "never")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="IN", help="CSV file (.gz for gzip), or - for stdin")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="audited CSV (.gz for gzip), or - for stdout",
    )
    what = parser.add_argument_group("what to check")
    what.add_argument("--text-column", default="text", help="column of free text (default: text)")
    what.add_argument(
        "--columns",
        metavar="ROLE=COLUMN,…",
        help="structured figures, e.g. old=prev_value,new=value,percent=pct_change "
        "(and direction=COLUMN, kind=COLUMN); used by default when the header has role columns "
        "(old,new,change,percent,points,bps) and no text column",
    )
    what.add_argument(
        "--strict-zeros",
        action="store_true",
        help="read trailing zeros of integers as exact digits",
    )
    reading = parser.add_argument_group("reading and writing")
    reading.add_argument(
        "--encoding",
        default="utf-8-sig",
        help="input encoding (default: UTF-8, with or without BOM)",
    )
    reading.add_argument("--delimiter", help="field delimiter (default: sniffed; \\t for tab)")
    reading.add_argument(
        "--max-field",
        type=int,
        default=DEFAULT_MAX_FIELD,
        metavar="CHARS",
        help="a longer field makes its row an error row (default: 1 MiB)",
    )
    reading.add_argument(
        "--sanitize-input",
        action="store_true",
        help="neutralise spreadsheet formulas in the input columns too",
    )
    running = parser.add_argument_group("running")
    running.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes (default: all cores)",
    )
    running.add_argument("--engine", choices=("local", "dask"), default="local")
    running.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, tcp://host:8786")
    running.add_argument("--batch-size", type=int, default=500, help=argparse.SUPPRESS)
    running.add_argument(
        "--checkpoint-every",
        type=int,
        default=10_000,
        metavar="ROWS",
        help="save a checkpoint every ROWS rows (default: 10000)",
    )
    running.add_argument(
        "--resume", action="store_true", help="continue an interrupted run from its checkpoint"
    )
    running.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no summary")
    running.add_argument("--summary-json", metavar="PATH", help="write the summary as JSON")
    running.add_argument(
        "--fail-on",
        choices=FAIL_LEVELS,
        default="inconsistent",
        help="exit 1 when a row is at least this bad (default: inconsistent)",
    )


def execute(args: argparse.Namespace) -> ExitStatus:
    try:
        options, settings = _options(args), _settings(args)
        summary = run_audit(args.input, args.output, options, settings, sys.stderr)
    except (AuditError, OSError) as exc:
        print(f"econcheck: audit: {exc}", file=sys.stderr)
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        print("econcheck: audit interrupted; run again with --resume to go on", file=sys.stderr)
        return ExitStatus.ERROR
    except BrokenProcessPool:
        print(
            "econcheck: audit: a worker process died (out of memory?); the work done so far "
            "is kept: run again with --resume",
            file=sys.stderr,
        )
        return ExitStatus.ERROR
    if not args.quiet:
        print(summary.line(), file=sys.stderr)
    if args.summary_json:
        try:
            summary.write_json(Path(args.summary_json))
        except OSError as exc:  # checked before the run, but the disk may have changed since
            print(f"econcheck: audit: cannot write the summary: {exc}", file=sys.stderr)
            return ExitStatus.ERROR
    return ExitStatus.FINDINGS if _fails(summary, args.fail_on) else ExitStatus.CLEAN


def _options(args: argparse.Namespace) -> AuditOptions:
    delimiter = args.delimiter.replace("\\t", "\t") if args.delimiter is not None else None
    return AuditOptions(
        text_column=args.text_column,
        columns=parse_columns(args.columns) if args.columns else (),
        encoding=args.encoding,
        delimiter=delimiter,
        sanitize_input=args.sanitize_input,
        strict_zeros=args.strict_zeros,
        max_field=args.max_field,
    )


def _check_writable(path: Path, option: str) -> None:
    """Fails before the run, not after hours of it, when `path` cannot be written."""
    folder = path.parent
    if path.is_dir():
        raise AuditError(f"{option}: {path} is a folder")
    if not folder.is_dir():
        raise AuditError(f"{option}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise AuditError(f"{option}: {path} cannot be written")


def _settings(args: argparse.Namespace) -> RunSettings:
    if args.jobs < 1 or args.batch_size < 1 or args.checkpoint_every < 1:
        raise AuditError("--jobs, --batch-size and --checkpoint-every must be at least 1")
    if args.engine == "dask" and not args.scheduler:
        raise AuditError("--engine dask needs --scheduler ADDRESS")
    if args.output != "-":
        _check_writable(Path(args.output), "--output")
    if args.summary_json:
        _check_writable(Path(args.summary_json), "--summary-json")
    return RunSettings(
        jobs=args.jobs,
        engine=args.engine,
        scheduler=args.scheduler,
        batch_size=args.batch_size,
        checkpoint_rows=args.checkpoint_every,
        resume=args.resume,
        progress=not args.quiet and sys.stderr.isatty(),
        quiet=args.quiet,
    )


def _fails(summary: Summary, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Verdict(fail_on).severity
    verdicts = {verdict.value for verdict in Verdict}
    return any(
        count and Verdict(name).severity >= threshold
        for name, count in summary.counts.items()
        if name in verdicts
    )
