"""JUnit XML, which every CI system can show as a test report: one test case per claim.

A claim that would fail the run at `--fail-on` is a `<failure>` (its verdict as the type, the
arithmetic as the body); an unverifiable claim is `<skipped>`; a consistent claim, or one flagged
below the fail level, passes (the latter with its explanation in `<system-out>`). Each file is a
test suite; a file that could not be read is a suite with one `<error>`. Built with ElementTree,
so every character is escaped; characters XML 1.0 cannot carry are dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

from service.engine.findings import Finding
from service.engine.verdict import Verdict
from service.lint.present import display_path, message_of, span_of
from service.lint.runner import LintResult, fails_at

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


@dataclass(frozen=True, slots=True)
class SuitePart:
    """One file's `<testsuite>` as XML text, with its counts for the totals."""

    xml: str
    tests: int
    failures: int
    errors: int
    skipped: int


def suite_part(result: LintResult) -> SuitePart:
    suite = _suite(display_path(result.path))
    for finding in result.report.findings:
        _case(suite, result, finding)
    return _part(suite)


def problem_part(path: str, message: str) -> SuitePart:
    suite = _suite(display_path(path))
    case = ET.SubElement(suite, "testcase", classname=_classname(path), name="read the file")
    ET.SubElement(case, "error", message=_clean(message), type="input_error")
    return _part(suite)


def junit_document(parts: Iterable[SuitePart]) -> str:
    """The `<testsuites>` document around the parts, with the totals."""
    parts = list(parts)
    totals = {
        "tests": sum(part.tests for part in parts),
        "failures": sum(part.failures for part in parts),
        "errors": sum(part.errors for part in parts),
        "skipped": sum(part.skipped for part in parts),
    }
    root = ET.Element("testsuites", {"name": "econcheck", **{k: str(v) for k, v in totals.items()}})
    opening = ET.tostring(root, encoding="unicode").removesuffix(" />")
    body = "".join(part.xml for part in parts)
    return f"<?xml version='1.0' encoding='utf-8'?>\n{opening}>\n{body}</testsuites>\n"


def _suite(name: str) -> ET.Element:
    return ET.Element("testsuite", name=_clean(name))


def _part(suite: ET.Element) -> SuitePart:
    counts = {
        "tests": len(suite.findall("testcase")),
        "failures": len(suite.findall("testcase/failure")),
        "errors": len(suite.findall("testcase/error")),
        "skipped": len(suite.findall("testcase/skipped")),
    }
    suite.attrib.update({key: str(value) for key, value in counts.items()})
    ET.indent(suite, space="  ", level=1)
    return SuitePart("  " + ET.tostring(suite, encoding="unicode").strip() + "\n", **counts)


def _classname(path: str) -> str:
    return _clean("econcheck." + display_path(path))


def _case(suite: ET.Element, result: LintResult, finding: Finding) -> None:
    span = span_of(result.report, finding.start, finding.end)
    words = " ".join(result.report.text[finding.start : finding.end].split())
    case = ET.SubElement(
        suite,
        "testcase",
        classname=_classname(result.path),
        name=_clean(f"{finding.rule} line {span.line} col {span.column}: {words}"),
        file=_clean(display_path(result.path)),
        line=str(span.line),
    )
    where = f"{display_path(result.path)}:{span.line}:{span.column}: "
    if fails_at(finding.verdict, result.fail_on):
        failure = ET.SubElement(
            case, "failure", message=_clean(finding.explanation), type=finding.verdict.value
        )
        failure.text = _clean(where + message_of(finding, result.report))
    elif finding.verdict is Verdict.UNVERIFIABLE:
        ET.SubElement(case, "skipped", message=_clean(finding.explanation))
    elif finding.verdict.flagged:
        ET.SubElement(case, "system-out").text = _clean(where + message_of(finding, result.report))
