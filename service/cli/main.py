"""`econcheck` entry point: parses arguments and dispatches to one module per subcommand.

`main(argv) -> ExitStatus` is testable in-process; `run()` is the console script.
Each subcommand module exposes `add_arguments(parser)` and `execute(args) -> ExitStatus`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from service.cli.status import ExitStatus
from service.version import __version__, engine_build

# (name, module, one-line help). A new front end adds one line here.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("check", "service.cli.check", "check the figures in articles (files, folders or - for stdin)"),
    ("figures", "service.cli.figures", "list every figure read, with its value and interval"),
    ("serve", "service.cli.serve", "run the HTTP API for fact-checkers (uvicorn)"),
    ("audit", "service.cli.audit", "audit every row of a CSV of statements (free text or columns)"),
)


class _Parser(argparse.ArgumentParser):
    """argparse exits with status 2 on usage errors, which is our contract too."""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="econcheck", description="Check the arithmetic of economic reporting.")
    version = f"econcheck {__version__} (engine: {engine_build()})"
    parser.add_argument("--version", action="version", version=version)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name, help_text in COMMANDS:
        module = importlib.import_module(module_name)
        sub = commands.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(sub)
        sub.set_defaults(execute=module.execute)
    return parser


def main(argv: Sequence[str] | None = None) -> ExitStatus:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return ExitStatus.CLEAN if exc.code == 0 else ExitStatus.ERROR
    try:
        return ExitStatus(args.execute(args))
    except KeyboardInterrupt:
        print("econcheck: interrupted", file=sys.stderr)
        return ExitStatus.ERROR
    except BrokenPipeError:
        return ExitStatus.CLEAN


def run() -> None:
    sys.exit(int(main()))
