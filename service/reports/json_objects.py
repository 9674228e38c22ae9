"""The documented JSON claim and figure objects (DESIGN.md "Contracts"), as plain dicts.

One place builds them, so the API, `econcheck check --format json`, `econcheck figures` and the
CSV audit's `findings` column always agree. Decimals travel as strings.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from service.engine.findings import Finding
from service.engine.numfmt import plain
from service.engine.quantity import Quantity
from service.engine.report import Report
from service.engine.rules import Rule

JSONDict = dict[str, Any]


def decimal_text(value: Decimal | None) -> str | None:
    """A decimal as a JSON string without exponent ("2610000000"); infinities as "Infinity"."""
    if value is None:
        return None
    if value.is_infinite():
        return "Infinity" if value > 0 else "-Infinity"
    return plain(value)


def claim_object(report: Report, finding: Finding) -> JSONDict:
    line, column = report.line_column(finding.start)
    return {
        "rule": finding.rule,
        "name": finding.name,
        "kind": finding.kind,
        "verdict": finding.verdict.value,
        "text": report.text[finding.start : finding.end],
        "span": {"start": finding.start, "end": finding.end},
        "line": line,
        "column": column,
        "figures": [
            {
                "text": use.quantity.text,
                "role": use.role,
                "value": decimal_text(use.value),
                "low": decimal_text(use.low),
                "high": decimal_text(use.high),
                "span": {"start": use.quantity.start, "end": use.quantity.end},
            }
            for use in finding.figures
        ],
        "expression": finding.expression,
        "computed": {
            "low": decimal_text(finding.computed_low),
            "high": decimal_text(finding.computed_high),
            "point": decimal_text(finding.computed_point),
        },
        "stated": {
            "low": decimal_text(finding.stated_low),
            "high": decimal_text(finding.stated_high),
        },
        "gap": decimal_text(finding.gap),
        "weak": finding.weak,
        "assumptions": list(finding.assumptions),
        "diagnosis": (
            {"code": finding.diagnosis, "message": finding.diagnosis_text}
            if finding.diagnosis
            else None
        ),
        "explanation": finding.explanation,
    }


def figure_object(report: Report, quantity: Quantity) -> JSONDict:
    line, column = report.line_column(quantity.start)
    low_high = quantity.interval() if quantity.kind.is_amount else None
    return {
        "text": quantity.text,
        "span": {"start": quantity.start, "end": quantity.end},
        "line": line,
        "column": column,
        "value": decimal_text(quantity.value) if quantity.kind.is_amount else quantity.digits,
        "low": decimal_text(low_high.low) if low_high else None,
        "high": decimal_text(low_high.high) if low_high else None,
        "kind": quantity.kind.value,
        "currency": quantity.currency,
        "unit": quantity.unit,
        "scale": quantity.scale,
        "approximator": quantity.approximator,
        "bound": quantity.bound,
        "ambiguous": list(quantity.ambiguous),
        "in_claim": list(report.in_claim.get((quantity.start, quantity.end), ())),
    }


def report_object(report: Report, path: str | None = None) -> JSONDict:
    """{claims, figures?, summary} for one document."""
    body: JSONDict = {
        "claims": [claim_object(report, finding) for finding in report.findings],
        "summary": report.summary(),
    }
    if path is not None:
        body = {"path": path, **body}
    return body


def rule_object(rule: Rule) -> JSONDict:
    """A rule as `GET /v1/rules` lists it: what it checks, its message, provenance and examples."""
    return {
        "code": rule.code,
        "name": rule.name,
        "kind": rule.kind,
        "title": rule.title,
        "relation": rule.relation.source,
        "roles": list(rule.roles),
        "message": rule.message,
        "provenance": rule.provenance,
        "mistakes": [
            {"name": mistake.name, "expression": mistake.source, "says": mistake.says}
            for mistake in rule.mistakes
        ],
        "examples": {
            outcome: [
                {"text": e.text, "verdict": e.verdict.value, "diagnosis": e.diagnosis}
                for e in examples
            ]
            for outcome, examples in (("pass", rule.passes), ("fail", rule.fails))
        },
    }
