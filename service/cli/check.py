"""`econcheck check PATH…`: checks drafts and exits 1 when a finding reaches `--fail-on`.

Markdown, HTML and plain text are read through `service.lint` (findings point into the file as
written, through the markup), configuration is found upwards from each file, suppression
comments and `--diff` narrow what is reported, and the results are written for people (`text`),
programs (`json`) or CI systems (`github`, `sarif`, `junit`, `rdjsonl`). Exit status: 0 clean,
1 a finding at or above the fail level, 2 a usage, input, configuration or git error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from service.cli.inputs import Document, InputProblem, iter_documents
from service.cli.status import ExitStatus
from service.engine.report import Report
from service.engine.verdict import Verdict
from service.lint.config import (
    FAIL_LEVELS,
    ConfigError,
    LintConfig,
    find_config,
    forget_configs,
    load_config,
)
from service.lint.diff import ChangedLines, DiffError, changed_lines
from service.lint.files import collect
from service.lint.output import Options, Rendered, assemble, render_result, summary

FORMATS = ("text", "json", "github", "sarif", "junit", "rdjsonl")

__all__ = ["FAIL_LEVELS", "FORMATS", "add_arguments", "execute", "fails"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument(
        "--fail-on",
        choices=FAIL_LEVELS,
        default=None,
        help="exit 1 when a claim is at least this bad (default: the config's, else inconsistent)",
    )
    parser.add_argument(
        "--strict-zeros",
        action="store_true",
        help="read trailing zeros of integers as exact digits (default: may be rounded)",
    )
    parser.add_argument("--all", action="store_true", help="list consistent claims too")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    parser.add_argument(
        "--diff", metavar="BASE", help="report only claims on lines changed since git revision BASE"
    )
    parser.add_argument(
        "--exclude",
        metavar="GLOB",
        action="append",
        default=[],
        help="skip matching files (repeatable)",
    )
    parser.add_argument(
        "--config", metavar="FILE", type=Path, help="use this econcheck.toml or pyproject.toml"
    )
    parser.add_argument(
        "--jobs", "-j", type=int, default=0, metavar="N", help="worker processes (default: by size)"
    )
    parser.add_argument("--output", "-o", type=Path, metavar="FILE", help="write here, not stdout")


def fails(report: Report, fail_on: str) -> bool:
    """Whether any claim of a report reaches the fail level."""
    if fail_on == "never":
        return False
    threshold = Verdict(fail_on).severity
    return any(finding.verdict.severity >= threshold for finding in report.findings)


def execute(args: argparse.Namespace) -> ExitStatus:
    forget_configs()
    try:
        config_for = _config_source(args.config)
        changed = changed_lines(args.diff) if args.diff else None
        names = list(collect(args.paths, config_for, tuple(args.exclude)))
        rendered, problems = _lint(names, config_for, changed, args)
    except (ConfigError, DiffError) as exc:
        print(f"econcheck: {exc}", file=sys.stderr)
        return ExitStatus.ERROR
    for path, message in problems:
        print(f"econcheck: {path}: {message}", file=sys.stderr)
    try:
        _write(rendered, problems, args)
    except OSError as exc:
        print(f"econcheck: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return ExitStatus.ERROR
    if problems:
        return ExitStatus.ERROR
    return ExitStatus.FINDINGS if any(item.fails for item in rendered) else ExitStatus.CLEAN


def _config_source(explicit: Path | None) -> Callable[[Path], LintConfig]:
    if explicit is None:
        return find_config
    config = load_config(explicit)
    return lambda _path: config


def _lint(
    names: list[str],
    config_for: Callable[[Path], LintConfig],
    changed: ChangedLines | None,
    args: argparse.Namespace,
) -> tuple[list[Rendered], list[tuple[str, str]]]:
    from service.lint.batch import Crash, Job, run_jobs

    jobs: list[Job] = []
    problems: list[tuple[str, str]] = []
    for item in iter_documents(names):
        if isinstance(item, InputProblem):
            problems.append((item.path, item.message))
            continue
        config = config_for(_folder_of(item))
        policy = replace(config.policy, strict_zeros=True) if args.strict_zeros else config.policy
        lines = changed.lines_for(Path(item.path)) if changed and item.path != "<stdin>" else None
        jobs.append(Job(item.path, item.text, config, policy, args.fail_on, lines))
    options = Options(args.format, args.all, _colour(args))
    rendered: list[Rendered] = []
    for outcome in run_jobs(jobs, partial(render_result, options), args.jobs):
        if isinstance(outcome, Crash):
            problems.append((outcome.path, outcome.message))
        else:
            rendered.append(outcome)
    return rendered, problems


def _folder_of(document: Document) -> Path:
    return Path.cwd() if document.path == "<stdin>" else Path(document.path).parent


def _colour(args: argparse.Namespace) -> bool:
    if args.output is not None or args.format != "text":
        return False
    return args.color == "always" or (args.color == "auto" and sys.stdout.isatty())


def _write(
    rendered: list[Rendered], problems: list[tuple[str, str]], args: argparse.Namespace
) -> None:
    if args.output is None:
        assemble(rendered, problems, args.format, sys.stdout)
    else:
        with args.output.open("w", encoding="utf-8") as stream:
            assemble(rendered, problems, args.format, stream)
    if args.format == "text":
        print(summary(rendered), file=sys.stderr)
