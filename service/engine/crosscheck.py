"""Diagnoses that need the whole document: a component given the headline's percentage.

When a percent change fails and the same percent appears in another claim of the article that
holds, the writer most likely copied that figure (DOMAIN §B.6, "copied headline %"; the Nation
2024 telecom 4.45 % is the total's growth). The finding keeps its verdict; its diagnosis and
explanation name the claim the figure was copied from.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from service.engine.findings import Finding
from service.engine.verdict import Verdict

_PERCENT_KINDS: Final = frozenset({"percent_change"})


def _stated_percent(finding: Finding) -> str | None:
    for use in finding.figures:
        if use.role == "percent":
            return use.quantity.digits or None
    return None


def copied_percents(text: str, findings: list[Finding]) -> list[Finding]:
    holding = [f for f in findings if f.kind in _PERCENT_KINDS and f.verdict is Verdict.CONSISTENT]
    result = []
    for finding in findings:
        digits = _stated_percent(finding)
        failed = finding.verdict in (Verdict.INCONSISTENT, Verdict.IMPOSSIBLE)
        if failed and finding.kind in _PERCENT_KINDS and digits:
            source = next(
                (f for f in holding if _stated_percent(f) == digits and f.start != finding.start),
                None,
            )
            if source is not None:
                finding = _as_copied(text, finding, source, digits)
        result.append(finding)
    return result


def _as_copied(text: str, finding: Finding, source: Finding, digits: str) -> Finding:
    where = " ".join(text[source.start : source.end].split())
    says = f"{digits}% is the change stated for another pair of figures (“{where}”)"
    explanation = finding.explanation.split(" Likely:")[0] + f" Likely: {says}."
    return replace(
        finding,
        diagnosis="copied_percent",
        diagnosis_text=says,
        explanation=explanation,
        related=(*finding.related, (source.start, source.end)),
    )
