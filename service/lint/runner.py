"""One draft through the linter: extract, check with the engine, map back, filter.

Each file is checked as one document (`service.check_text` on its whole checked text), so the
engine's document-level findings see the headline and the body together. Then the findings the
configuration disables, the comments suppress and `--diff` leaves out are dropped; what remains
is a `Report` over the file as written, ready for any report format.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from service import check_text
from service.engine.findings import Finding
from service.engine.policy import Policy
from service.engine.report import Report
from service.engine.verdict import Verdict
from service.lint.config import LintConfig
from service.lint.extract import Kind, extract, kind_for_path
from service.lint.mask import line_starts
from service.lint.offsets import restore, squeeze
from service.lint.suppress import parse_suppressions

DEFAULT_FAIL_ON = "inconsistent"


@dataclass(frozen=True, slots=True)
class LintResult:
    """The filtered report of one file, the level at which it fails, and how many findings
    its comments suppressed."""

    path: str
    report: Report
    fail_on: str = DEFAULT_FAIL_ON
    suppressed: int = 0

    @property
    def fails(self) -> bool:
        return any(fails_at(finding.verdict, self.fail_on) for finding in self.report.findings)


def fails_at(verdict: Verdict, fail_on: str) -> bool:
    """Whether one verdict reaches the fail level (`never` is never reached)."""
    return fail_on != "never" and verdict.severity >= Verdict(fail_on).severity


def lint_text(
    text: str,
    path: str,
    config: LintConfig | None = None,
    *,
    policy: Policy | None = None,
    fail_on: str | None = None,
    changed: frozenset[int] | None = None,
    kind: Kind | None = None,
) -> LintResult:
    """Check one file's text. `changed`: keep only claims touching these lines (None: all)."""
    config = config or LintConfig()
    extracted = extract(text, kind or kind_for_path(path))
    squeezed, where = squeeze(extracted.checked)
    report = restore(check_text(squeezed, policy or config.policy), text, where)
    suppressions = parse_suppressions(text, extracted.comments)
    kept: list[Finding] = []
    suppressed = 0
    starts = line_starts(text)
    for finding in report.findings:
        first, last = _lines(starts, finding)
        if not config.rule_enabled(finding.rule):
            continue
        if changed is not None and not any(line in changed for line in range(first, last + 1)):
            continue
        if suppressions and suppressions.hides(finding, first, last):
            suppressed += 1
            continue
        kept.append(finding)
    level = fail_on or config.fail_on or DEFAULT_FAIL_ON
    # Document-level findings come after the sentence ones; a linter lists them in file order.
    kept.sort(key=lambda finding: (finding.start, finding.end))
    return LintResult(path, replace(report, findings=tuple(kept)), level, suppressed)


def _lines(starts: list[int], finding: Finding) -> tuple[int, int]:
    """The first and last line a finding spans (computed here, not by the report, so the final
    report is the only one that indexes its lines)."""
    return bisect_right(starts, finding.start), bisect_right(
        starts, max(finding.start, finding.end - 1)
    )
