"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

    ::error file=drafts/ict.md,line=8,endLine=8,col=13,endColumn=62,title=EC101 …::explanation

The level follows `--fail-on` (error fails the run, warning is flagged below it, notice is a
consistent claim shown with --all). Values are escaped as the runner expects: `%`, CR and LF
everywhere, and also `:` and `,` inside properties.
"""

from __future__ import annotations

from collections.abc import Iterable

from service.lint.present import display_path, level_of, message_of, shown, span_of, title_of
from service.lint.runner import LintResult

_COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return (
        f"::{name} {props}::{escape_data(message)}"
        if props
        else f"::{name}::{escape_data(message)}"
    )


def result_lines(result: LintResult, *, show_all: bool = False) -> list[str]:
    """One workflow command per shown finding of one file."""
    lines = []
    for finding in result.report.findings:
        if not shown(finding, show_all):
            continue
        span = span_of(result.report, finding.start, finding.end)
        properties = {
            "file": display_path(result.path),
            "line": span.line,
            "endLine": span.end_line,
            "col": span.column,
            "endColumn": span.end_column,
            "title": title_of(finding),
        }
        level = _COMMAND[level_of(finding, result.fail_on)]
        lines.append(command(level, properties, message_of(finding, result.report)))
    return lines


def problem_lines(problems: Iterable[tuple[str, str]]) -> list[str]:
    """One error per file that could not be read or checked."""
    return [
        command("error", {"file": display_path(path), "title": "econcheck"}, message)
        for path, message in problems
    ]
