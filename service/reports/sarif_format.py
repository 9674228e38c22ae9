"""SARIF 2.1.0, the format GitHub code scanning and most review tools import.

One run; the driver lists every rule with its title, relation and provenance; each shown finding
is a result with its region (columns in Unicode code points, declared in `columnKind`), the
figures as related locations, a stable `partialFingerprints` entry (the claim's words, not its
line, so an alert survives edits above it), and, where the arithmetic gives one, the corrected
figure as a `fixes` entry. Files that could not be read become tool execution notifications.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from service.engine.findings import Finding
from service.engine.rules import Rule, RuleSet
from service.lint.fixes import Fix, suggested_fix
from service.lint.present import (
    display_path,
    fingerprints,
    level_of,
    message_of,
    shown,
    span_of,
)
from service.lint.runner import LintResult
from service.version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "econcheckClaim/v1"


def result_objects(
    result: LintResult, rules: RuleSet, *, show_all: bool = False
) -> list[dict[str, Any]]:
    """The SARIF result objects of one file's shown findings."""
    index = {rule.code: number for number, rule in enumerate(rules.rules)}
    prints = fingerprints(result)
    return [
        _result(result, finding, print_, rules, index)
        for finding, print_ in zip(result.report.findings, prints, strict=True)
        if shown(finding, show_all)
    ]


def sarif_log(
    results: Iterable[dict[str, Any]], rules: RuleSet, problems: Iterable[tuple[str, str]] = ()
) -> dict[str, Any]:
    """The SARIF log around result objects, as a JSON-ready dict."""
    notes = [_notification(path, message) for path, message in problems]
    run: dict[str, Any] = {
        "tool": {"driver": _driver(rules)},
        "columnKind": "unicodeCodePoints",
        "results": list(results),
        "invocations": [{"executionSuccessful": not notes, "toolExecutionNotifications": notes}],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _driver(rules: RuleSet) -> dict[str, Any]:
    return {
        "name": "econcheck",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule(rule) for rule in rules.rules],
    }


def _rule(rule: Rule) -> dict[str, Any]:
    relation = rule.relation.source
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": f"{rule.title}: {relation}"},
        "help": {"text": f"{rule.title}. Relation checked: {relation}. Source: {rule.provenance}"},
        "defaultConfiguration": {"level": "error"},
        "properties": {"kind": rule.kind, "relation": relation, "provenance": rule.provenance},
    }


def _location(
    result: LintResult, start: int, end: int, message: str | None = None
) -> dict[str, Any]:
    span = span_of(result.report, start, end)
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": display_path(result.path)},
            "region": {
                "startLine": span.line,
                "startColumn": span.column,
                "endLine": span.end_line,
                "endColumn": span.end_column,
                "snippet": {"text": result.report.text[start:end]},
            },
        }
    }
    if message:
        location["message"] = {"text": message}
    return location


def _result(
    result: LintResult, finding: Finding, print_: str, rules: RuleSet, index: dict[str, int]
) -> dict[str, Any]:
    level = level_of(finding, result.fail_on)
    sarif: dict[str, Any] = {
        "ruleId": finding.rule,
        "message": {"text": message_of(finding)},
        "locations": [_location(result, finding.start, finding.end)],
        "partialFingerprints": {FINGERPRINT_KEY: print_},
        "properties": {"verdict": finding.verdict.value, "diagnosis": finding.diagnosis},
    }
    if finding.verdict.flagged:
        sarif["level"] = level
    else:
        sarif.update(kind="pass", level="none")
    if finding.rule in index:
        sarif["ruleIndex"] = index[finding.rule]
    related = [
        _location(result, use.quantity.start, use.quantity.end, f"{use.role}: {use.quantity.text}")
        for use in finding.figures
    ]
    related += [_location(result, a, b, "related statement") for a, b in finding.related]
    if related:
        sarif["relatedLocations"] = [dict(item, id=number) for number, item in enumerate(related)]
    rule = rules.by_code(finding.rule)
    fix = suggested_fix(result.report, finding, rule.target if rule else None)
    if fix is not None:
        sarif["fixes"] = [_fix(result, fix)]
    return sarif


def _fix(result: LintResult, fix: Fix) -> dict[str, Any]:
    span = span_of(result.report, fix.start, fix.end)
    region = {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }
    return {
        "description": {"text": fix.description},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": display_path(result.path)},
                "replacements": [{"deletedRegion": region, "insertedContent": {"text": fix.new}}],
            }
        ],
    }


def _notification(path: str, message: str) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": f"{display_path(path)}: {message}"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": display_path(path)}}}],
    }
