"""Human-readable output: `path:line:col: CODE verdict explanation`, coloured on a terminal."""

from __future__ import annotations

from service.engine.findings import Finding
from service.engine.report import Report
from service.engine.verdict import Verdict

_COLOURS = {
    Verdict.CONSISTENT: "32",
    Verdict.UNVERIFIABLE: "90",
    Verdict.MINOR_DISCREPANCY: "33",
    Verdict.INCONSISTENT: "31",
    Verdict.IMPOSSIBLE: "1;31",
}


WEAK = "the figures are so rounded that the range is wide, so agreement says little"


def _paint(text: str, verdict: Verdict, colour: bool) -> str:
    return f"\x1b[{_COLOURS[verdict]}m{text}\x1b[0m" if colour else text


def finding_lines(path: str, report: Report, finding: Finding, colour: bool) -> list[str]:
    line, column = report.line_column(finding.start)
    verdict = _paint(finding.verdict.value, finding.verdict, colour)
    head = f"{path}:{line}:{column}: {finding.rule} {verdict}"
    lines = [f"{head} {finding.explanation}", f"    {finding.expression}"]
    lines.extend(f"    assumed: {assumption}" for assumption in finding.assumptions)
    # DOMAIN §B.5's resolution flag, worded as on the web page. Only agreement is weakened by a
    # wide range: a claim outside even that range is clearly off.
    if finding.weak and finding.verdict is Verdict.CONSISTENT:
        lines.append(f"    weak: {WEAK}")
    return lines


def render_text(
    path: str, report: Report, *, colour: bool = False, show_consistent: bool = True
) -> list[str]:
    lines: list[str] = []
    for finding in report.findings:
        if show_consistent or finding.verdict.flagged:
            lines.extend(finding_lines(path, report, finding, colour))
    return lines
