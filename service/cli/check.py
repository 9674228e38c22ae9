"""`econcheck check PATH…`: checks articles and exits 1 when a finding reaches `--fail-on`."""

from __future__ import annotations

import argparse
import json
import sys

from service import check_text
from service.cli.inputs import Document, InputProblem, iter_documents
from service.cli.status import ExitStatus
from service.engine.policy import Policy
from service.engine.report import Report
from service.engine.verdict import Verdict
from service.reports.json_objects import report_object
from service.reports.text_format import render_text, summary_line

FAIL_LEVELS = ("minor_discrepancy", "inconsistent", "impossible", "never")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--fail-on",
        choices=FAIL_LEVELS,
        default="inconsistent",
        help="exit 1 when a claim is at least this bad (default: inconsistent)",
    )
    parser.add_argument(
        "--strict-zeros",
        action="store_true",
        help="read trailing zeros of integers as exact digits (default: may be rounded)",
    )
    parser.add_argument(
        "--all", action="store_true", help="text format: list consistent claims too"
    )
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")


def fails(report: Report, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Verdict(fail_on).severity
    return any(finding.verdict.severity >= threshold for finding in report.findings)


def execute(args: argparse.Namespace) -> ExitStatus:
    policy = Policy(strict_zeros=args.strict_zeros)
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    reports: list[tuple[str, Report]] = []
    problems: list[InputProblem] = []
    for item in iter_documents(args.paths):
        if isinstance(item, InputProblem):
            problems.append(item)
            print(f"econcheck: {item.path}: {item.message}", file=sys.stderr)
            continue
        reports.append((item.path, _check(item, policy)))
    if args.format == "json":
        body = {"documents": [report_object(report, path) for path, report in reports]}
        body["errors"] = [{"path": p.path, "message": p.message} for p in problems]
        json.dump(body, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for path, report in reports:
            for line in render_text(path, report, colour=colour, show_consistent=args.all):
                print(line)
        print(summary_line([report for _, report in reports]), file=sys.stderr)
    if problems:
        return ExitStatus.ERROR
    if any(fails(report, args.fail_on) for _, report in reports):
        return ExitStatus.FINDINGS
    return ExitStatus.CLEAN


def _check(document: Document, policy: Policy) -> Report:
    return check_text(document.text, policy)
