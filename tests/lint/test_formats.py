"""The CI formats, each checked by the reader it is written for: the SARIF 2.1.0 schema, the
standard library's XML parser, the workflow-command grammar, and reviewdog's rdjsonl fields."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

from tests.lint.conftest import FIXTURES

SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# ::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message — no raw newlines, no
# unescaped "," or ":" inside a property value.
WORKFLOW_COMMAND = re.compile(
    r"^::(?P<level>error|warning|notice) "
    r"(?P<props>(?:[A-Za-z]+=[^,:\r\n]*)(?:,[A-Za-z]+=[^,:\r\n]*)*)"
    r"::(?P<message>[^\r\n]*)$"
)


def _sarif(run_cli, *paths: str, extra: tuple[str, ...] = ()) -> dict:
    run = run_cli("check", "--format", "sarif", *extra, *paths)
    return json.loads(run.out)


def test_sarif_is_valid_against_the_2_1_0_schema(drafts: Path, run_cli) -> None:
    log = _sarif(run_cli, "drafts", "drafts/missing.md", extra=("--all",))
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(log)
    run = log["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    kinds = {result.get("kind", "fail") for result in run["results"]}
    assert kinds == {"fail", "pass"}


def test_sarif_carries_rule_metadata_regions_and_levels(drafts: Path, run_cli) -> None:
    run = _sarif(run_cli, "drafts/ict-exports.md", "drafts/minor.md")["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert rules[0]["id"] == "EC101" and "percent ==" in rules[0]["properties"]["relation"]
    first = run["results"][0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "EC101"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"]) == (12, 32, 13)
    levels = {
        (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["level"])
        for r in run["results"]
    }
    assert ("drafts/minor.md", "warning") in levels
    assert ("drafts/ict-exports.md", "error") in levels


def test_sarif_fix_replaces_the_stated_figure_with_the_computed_one(drafts: Path, run_cli) -> None:
    results = _sarif(run_cli, "drafts/ict-exports.md")["runs"][0]["results"]
    fixes = {
        r["locations"][0]["physicalLocation"]["region"]["startLine"]: r["fixes"][0][
            "artifactChanges"
        ][0]["replacements"][0]
        for r in results
        if "fixes" in r
    }
    assert fixes[12]["insertedContent"]["text"] == "3.22"
    assert fixes[12]["deletedRegion"] == {
        "startLine": 12,
        "startColumn": 32,
        "endLine": 12,
        "endColumn": 36,
    }
    assert fixes[19]["insertedContent"]["text"] == "1.8"  # the decimal slip in "180 per cent"
    assert 15 not in fixes  # swapped levels: no digit edit can fix the direction


def test_applying_the_sarif_fix_makes_the_claim_consistent(drafts: Path, run_cli) -> None:
    from service.lint.runner import lint_text

    path = drafts / "ict-exports.md"
    text = path.read_text()
    lines = text.split("\n")
    for result in _sarif(run_cli, "drafts/ict-exports.md")["runs"][0]["results"]:
        for fix in result.get("fixes", []):
            replacement = fix["artifactChanges"][0]["replacements"][0]
            region = replacement["deletedRegion"]
            line = lines[region["startLine"] - 1]
            start, end = region["startColumn"] - 1, region["endColumn"] - 1
            lines[region["startLine"] - 1] = (
                line[:start] + replacement["insertedContent"]["text"] + line[end:]
            )
    fixed = lint_text("\n".join(lines), "ict-exports.md")
    flagged = [
        fixed.report.line_column(f.start)[0] for f in fixed.report.findings if f.verdict.flagged
    ]
    assert flagged == [15]  # only the direction error, which no digit edit can fix


def test_sarif_fingerprints_survive_lines_added_above(drafts: Path, run_cli) -> None:
    before = [
        r["partialFingerprints"] for r in _sarif(run_cli, "drafts/wire.txt")["runs"][0]["results"]
    ]
    path = drafts / "wire.txt"
    path.write_text("A new first line.\n\n" + path.read_text())
    after_run = _sarif(run_cli, "drafts/wire.txt")["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in after_run] == before
    assert after_run[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


def test_junit_parses_back_with_one_test_case_per_claim(drafts: Path, run_cli) -> None:
    run = run_cli("check", "--format", "junit", "drafts", "drafts/missing.md")
    root = ET.fromstring(run.out.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {Path(s.get("name")).name: s for s in root.findall("testsuite")}
    ict = suites["ict-exports.md"]
    claims = json.loads(run_cli("check", "--format", "json", "drafts/ict-exports.md").out)
    count = len(claims["documents"][0]["claims"])
    assert len(ict.findall("testcase")) == count and ict.get("tests") == str(count)
    failures = ict.findall("testcase/failure")
    assert [f.get("type") for f in failures] == [
        "inconsistent",
        "inconsistent",
        "impossible",
        "inconsistent",
    ]
    assert failures[0].text.startswith("drafts/ict-exports.md:12:32: ")
    assert suites["minor.md"].get("failures") == "0"  # below the default fail level
    assert suites["missing.md"].find("testcase/error") is not None
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites.values())


def test_junit_failures_follow_fail_on(drafts: Path, run_cli) -> None:
    run = run_cli("check", "--format", "junit", "--fail-on", "minor_discrepancy", "drafts/minor.md")
    assert ET.fromstring(run.out).get("failures") == "1"


def test_github_lines_are_workflow_commands(drafts: Path, run_cli) -> None:
    run = run_cli("check", "--format", "github", "drafts", "drafts/missing.md")
    lines = run.out.splitlines()
    assert lines and all(WORKFLOW_COMMAND.match(line) for line in lines), lines
    first = next(WORKFLOW_COMMAND.match(line) for line in lines if "ict-exports" in line)
    assert first is not None
    props = dict(item.split("=", 1) for item in first.group("props").split(","))
    assert props["file"] == "drafts/ict-exports.md"
    assert (props["line"], props["col"]) == ("12", "32")
    assert props["title"].startswith("EC101 inconsistent")
    assert "%0A" in first.group("message")  # the arithmetic on its own line
    levels = [WORKFLOW_COMMAND.match(line).group("level") for line in lines]
    assert levels.count("warning") == 1  # the minor discrepancy, below the fail level
    assert run.status == 2  # the missing file


def test_github_escapes_property_separators() -> None:
    from service.reports.github_format import command

    line = command("error", {"file": "a,b:c.md", "title": "50% up"}, "one\ntwo 100%")
    assert line == "::error file=a%2Cb%3Ac.md,title=50%25 up::one%0Atwo 100%25"


def test_rdjsonl_lines_carry_byte_columns_and_suggestions(
    tmp_path: Path, run_cli, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("é.md").write_text(
        "Café — Telecom exports increased by 4.45 percent from $165.45 million to $170.770 million.\n"
    )
    run = run_cli("check", "--format", "rdjsonl", "é.md")
    (line,) = run.out.splitlines()
    diagnostic = json.loads(line)
    assert diagnostic["severity"] == "ERROR" and diagnostic["code"]["value"] == "EC101"
    start = diagnostic["location"]["range"]["start"]
    prefix = "Café — Telecom exports increased by "
    assert start == {"line": 1, "column": len(prefix.encode("utf-8")) + 1}
    assert diagnostic["suggestions"][0]["text"] == "3.22"


def test_document_level_finding_shows_both_locations(drafts: Path, run_cli) -> None:
    """The headline's claim is completed in the body: SARIF and GitHub name both places."""
    (result,) = _sarif(run_cli, "drafts/headline.md")["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (1, 20)
    related_lines = {
        r["physicalLocation"]["region"]["startLine"] for r in result["relatedLocations"]
    }
    assert {1, 3, 4} <= related_lines  # the headline's figures, the body sentence, "$2.18 billion"
    (line,) = run_cli("check", "--format", "github", "drafts/headline.md").out.splitlines()
    assert "see also line 3, column 24" in line.replace("%0A", "\n")
