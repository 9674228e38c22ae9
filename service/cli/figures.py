"""`econcheck figures PATH…`: every figure read, in text order, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from service import check_text
from service.cli.inputs import InputProblem, iter_documents
from service.cli.status import ExitStatus
from service.engine.json_objects import figure_object
from service.engine.report import Report
from service.lint.extract import Kind, checked_text

_COLUMNS = (
    "line",
    "column",
    "text",
    "kind",
    "value",
    "low",
    "high",
    "currency",
    "unit",
    "in_claim",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def execute(args: argparse.Namespace) -> ExitStatus:
    status = ExitStatus.CLEAN
    documents = []
    for item in iter_documents(args.paths):
        if isinstance(item, InputProblem):
            print(f"econcheck: {item.path}: {item.message}", file=sys.stderr)
            status = ExitStatus.ERROR
            continue
        report = _read(item.path, item.text)
        documents.append((item.path, [figure_object(report, q) for q in report.figures]))
    if args.format == "json":
        # One flat list in text order; each object names its document.
        body = [{"path": path, **figure} for path, figures in documents for figure in figures]
        json.dump(body, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for path, figures in documents:
            _print_table(path, figures)
    return status


_MARKUP: dict[str, Kind] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def _read(path: str, text: str) -> Report:
    """The figures as `econcheck check` sees them: Markdown and HTML markup, code and comments
    blanked character for character, so spans, lines and columns index the file as written."""
    kind = _MARKUP.get(Path(path).suffix.lower())
    if kind is None:
        return check_text(text)
    return replace(check_text(checked_text(text, kind)), text=text)


def _cell(figure: dict[str, object], column: str) -> str:
    value = figure.get(column)
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return "" if value is None else str(value)


def _print_table(path: str, figures: list[dict[str, object]]) -> None:
    rows = [[_cell(figure, column) for column in _COLUMNS] for figure in figures]
    widths = [
        max([len(column), *(len(row[i]) for row in rows)]) for i, column in enumerate(_COLUMNS)
    ]
    print(path)
    print("  ".join(column.ljust(width) for column, width in zip(_COLUMNS, widths, strict=True)))
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
