"""What every CI format says about a finding, decided once: its level, path, span and message.

GitHub annotations, SARIF, JUnit and reviewdog all need "is this an error or a warning", a path
relative to the repository, a start and end line and column, and a message with the arithmetic.
Each format module writes these in its own syntax; none decides them differently.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Literal

from service.engine.findings import Finding
from service.engine.report import Report
from service.lint.runner import LintResult, fails_at

Level = Literal["error", "warning", "note"]


@dataclass(frozen=True, slots=True)
class Span:
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive: the column just after the last character


def level_of(finding: Finding, fail_on: str) -> Level:
    """error: fails the run; warning: flagged but below the fail level; note: not flagged."""
    if fails_at(finding.verdict, fail_on):
        return "error"
    return "warning" if finding.verdict.flagged else "note"


def display_path(path: str) -> str:
    """A path relative to the working folder where possible, with forward slashes.

    >>> display_path("./drafts/ict.md")
    'drafts/ict.md'
    """
    if path.startswith("<"):
        return path
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return candidate.as_posix()
    return PurePath(candidate).as_posix()


def span_of(report: Report, start: int, end: int) -> Span:
    line, column = report.line_column(start)
    end_line, end_column = report.line_column(max(start, end))
    return Span(line, column, end_line, end_column)


def message_of(finding: Finding, report: Report | None = None) -> str:
    """The explanation, the arithmetic, the assumptions and, for a document-level finding, the
    other places it concerns, one per line."""
    lines = [finding.explanation, finding.expression]
    lines.extend(f"assumed: {assumption}" for assumption in finding.assumptions)
    if report is not None:
        for start, _end in finding.related:
            line, column = report.line_column(start)
            lines.append(f"see also line {line}, column {column}")
    return "\n".join(line for line in lines if line)


def title_of(finding: Finding) -> str:
    return f"{finding.rule} {finding.verdict.value} ({finding.name})"


def shown(finding: Finding, show_all: bool) -> bool:
    """CI formats list flagged claims; with --all, every claim."""
    return show_all or finding.verdict.flagged


def fingerprint(path: str, finding: Finding, text: str, occurrence: int) -> str:
    """Stable across edits elsewhere in the file: the rule, the path, the claim's words (spaces
    normalised) and which occurrence of that same claim it is, never its line number."""
    words = " ".join(text[finding.start : finding.end].split())
    key = f"{finding.rule}\0{display_path(path)}\0{words}\0{occurrence}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def fingerprints(result: LintResult) -> list[str]:
    """One fingerprint per finding of a result, in order; repeats are numbered."""
    seen: dict[tuple[str, str], int] = {}
    prints = []
    for finding in result.report.findings:
        words = " ".join(result.report.text[finding.start : finding.end].split())
        count = seen.get((finding.rule, words), 0)
        seen[(finding.rule, words)] = count + 1
        prints.append(fingerprint(result.path, finding, result.report.text, count))
    return prints
