"""The documented JSON claim and figure objects (DESIGN.md "Contracts"), as plain dicts.

One place builds them, so the API, `econcheck check --format json`, `econcheck figures` and the
CSV audit's `findings` column always agree. Decimals travel as strings.

The engine itself never calls this module: it is the front ends' wire form of a report. It sits
in the engine's package so that mypyc compiles it with the engine (tools/compile_engine.py):
every claim of every API answer and audited row goes through it, and compiled it costs a third
less (the audit's row, engine apart, was mostly this). It is pure like the rest: values in,
plain dicts out.
"""

from __future__ import annotations

from typing import Any

from service.engine.findings import FigureUse, Finding
from service.engine.numfmt import json_decimal
from service.engine.quantity import Quantity, is_amount
from service.engine.report import Report
from service.engine.rules import Rule

JSONDict = dict[str, Any]


def claim_object(report: Report, finding: Finding) -> JSONDict:
    start, end = finding.start, finding.end
    line, column = report.line_column(start)
    return {
        "rule": finding.rule,
        "name": finding.name,
        "kind": finding.kind,
        # the value of a StrEnum, without the Python code `Enum.value` runs
        "verdict": str(finding.verdict),
        "text": report.text[start:end],
        "span": {"start": start, "end": end},
        "line": line,
        "column": column,
        "figures": [_figure_use(use) for use in finding.figures],
        "expression": finding.expression,
        "computed": {
            "low": json_decimal(finding.computed_low),
            "high": json_decimal(finding.computed_high),
            "point": json_decimal(finding.computed_point),
        },
        "stated": {
            "low": json_decimal(finding.stated_low),
            "high": json_decimal(finding.stated_high),
        },
        "gap": json_decimal(finding.gap),
        "weak": finding.weak,
        "assumptions": list(finding.assumptions),
        "diagnosis": (
            {"code": finding.diagnosis, "message": finding.diagnosis_text}
            if finding.diagnosis
            else None
        ),
        "explanation": finding.explanation,
    }


def _figure_use(use: FigureUse) -> JSONDict:
    quantity = use.quantity
    return {
        "text": quantity.text,
        "role": use.role,
        "value": json_decimal(use.value),
        "low": json_decimal(use.low),
        "high": json_decimal(use.high),
        "span": {"start": quantity.start, "end": quantity.end},
    }


def figure_object(report: Report, quantity: Quantity) -> JSONDict:
    line, column = report.line_column(quantity.start)
    low_high = quantity.interval() if is_amount(quantity.kind) else None
    return {
        "text": quantity.text,
        "span": {"start": quantity.start, "end": quantity.end},
        "line": line,
        "column": column,
        "value": json_decimal(quantity.value) if is_amount(quantity.kind) else quantity.digits,
        "low": json_decimal(low_high.low) if low_high else None,
        "high": json_decimal(low_high.high) if low_high else None,
        "kind": str(quantity.kind),  # a StrEnum's value, without the Python code of `.value`
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
