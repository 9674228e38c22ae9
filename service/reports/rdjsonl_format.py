"""reviewdog's rdjsonl: one JSON diagnostic per line, for `reviewdog -f=rdjsonl`.

reviewdog counts columns in UTF-8 bytes, so columns here are byte columns (the other formats
count characters). A known correction goes in `suggestions`, which reviewdog turns into a
suggested change on the pull request.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from service.engine.report import Report
from service.engine.rules import RuleSet
from service.lint.fixes import suggested_fix
from service.lint.present import display_path, level_of, message_of, shown
from service.lint.runner import LintResult

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "note": "INFO"}


def byte_position(report: Report, offset: int) -> dict[str, int]:
    """1-based line and UTF-8 byte column of a character offset."""
    line, column = report.line_column(offset)
    line_start = offset - (column - 1)
    return {"line": line, "column": len(report.text[line_start:offset].encode("utf-8")) + 1}


def _range(report: Report, start: int, end: int) -> dict[str, Any]:
    return {"start": byte_position(report, start), "end": byte_position(report, max(start, end))}


def result_lines(result: LintResult, rules: RuleSet, *, show_all: bool = False) -> list[str]:
    """One JSON line per shown finding of one file."""
    report = result.report
    lines = []
    for finding in report.findings:
        if not shown(finding, show_all):
            continue
        diagnostic: dict[str, Any] = {
            "message": message_of(finding, report),
            "location": {
                "path": display_path(result.path),
                "range": _range(report, finding.start, finding.end),
            },
            "severity": _SEVERITY[level_of(finding, result.fail_on)],
            "source": {"name": "econcheck"},
            "code": {"value": finding.rule},
        }
        rule = rules.by_code(finding.rule)
        fix = suggested_fix(report, finding, rule.target if rule else None)
        if fix is not None:
            edit = {"range": _range(report, fix.start, fix.end), "text": fix.new}
            diagnostic["suggestions"] = [edit]
        lines.append(json.dumps(diagnostic, ensure_ascii=False))
    return lines


def problem_lines(problems: Iterable[tuple[str, str]]) -> list[str]:
    return [
        json.dumps(
            {
                "message": message,
                "location": {"path": display_path(path)},
                "severity": "ERROR",
                "source": {"name": "econcheck"},
            },
            ensure_ascii=False,
        )
        for path, message in problems
    ]
