"""Each file's output rendered where it was checked, then assembled in order for one stream.

`render_result` runs in the worker that checked the file and returns a `Rendered` value: a few
counts and the file's piece of the output (text lines, a JSON document, SARIF results, a JUnit
suite), which is cheap to send back, unlike the report itself. `assemble` writes the pieces,
with the file-independent parts (SARIF's driver, JUnit's totals, the problems) around them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, TextIO

from service.lint.runner import LintResult


@dataclass(frozen=True, slots=True)
class Options:
    format: str
    show_all: bool = False
    colour: bool = False


@dataclass(frozen=True, slots=True)
class Rendered:
    path: str
    fails: bool
    suppressed: int
    verdicts: tuple[tuple[str, int], ...]  # claims per verdict
    figures: int
    piece: Any  # the format's part for this file


def render_result(options: Options, result: LintResult) -> Rendered:
    """The counts and this file's piece of the output (a module-level function, for workers)."""
    counts: dict[str, int] = {}
    for finding in result.report.findings:
        counts[finding.verdict.value] = counts.get(finding.verdict.value, 0) + 1
    return Rendered(
        path=result.path,
        fails=result.fails,
        suppressed=result.suppressed,
        verdicts=tuple(sorted(counts.items())),
        figures=len(result.report.figures),
        piece=_piece(options, result),
    )


def _piece(options: Options, result: LintResult) -> Any:
    kind = options.format
    if kind == "text":
        from service.reports.text_format import render_text

        return render_text(
            result.path, result.report, colour=options.colour, show_consistent=options.show_all
        )
    if kind == "json":
        from service.engine.json_objects import report_object

        return json.dumps(report_object(result.report, result.path), ensure_ascii=False, indent=2)
    if kind == "github":
        from service.reports.github_format import result_lines

        return result_lines(result, show_all=options.show_all)
    if kind == "junit":
        from service.reports.junit_format import suite_part

        return suite_part(result)
    from service.loader import default_rules

    rules = default_rules()
    if kind == "rdjsonl":
        from service.reports.rdjsonl_format import result_lines as rdjson_lines

        return rdjson_lines(result, rules, show_all=options.show_all)
    from service.reports.sarif_format import result_objects

    return result_objects(result, rules, show_all=options.show_all)


def assemble(
    rendered: list[Rendered], problems: list[tuple[str, str]], kind: str, out: TextIO
) -> None:
    """Write the whole output for `kind` from the files' pieces, in order."""
    if kind in ("text", "github", "rdjsonl"):
        lines = [line for item in rendered for line in item.piece]
        lines += _problem_lines(kind, problems)
        out.writelines(line + "\n" for line in lines)
    elif kind == "json":
        _write_json(rendered, problems, out)
    elif kind == "junit":
        from service.reports.junit_format import junit_document, problem_part

        parts = [item.piece for item in rendered]
        parts += [problem_part(path, message) for path, message in problems]
        out.write(junit_document(parts))
    else:
        from service.loader import default_rules
        from service.reports.sarif_format import sarif_log

        objects = [obj for item in rendered for obj in item.piece]
        log = sarif_log(objects, default_rules(), problems)
        out.write(json.dumps(log, ensure_ascii=False, indent=2) + "\n")


def _problem_lines(kind: str, problems: list[tuple[str, str]]) -> list[str]:
    if kind == "github":
        from service.reports.github_format import problem_lines

        return problem_lines(problems)
    if kind == "rdjsonl":
        from service.reports.rdjsonl_format import problem_lines as rdjson_problems

        return rdjson_problems(problems)
    return []  # text: problems go to stderr only, as before


def _write_json(rendered: list[Rendered], problems: list[tuple[str, str]], out: TextIO) -> None:
    """{"documents": [...], "errors": [...]}, byte for byte as `json.dump(indent=2)` would."""
    errors = [{"path": path, "message": message} for path, message in problems]
    if not rendered:
        body = {"documents": [], "errors": errors}
        out.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
        return
    documents = ",\n".join("    " + item.piece.replace("\n", "\n    ") for item in rendered)
    error_text = json.dumps(errors, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    out.write(f'{{\n  "documents": [\n{documents}\n  ],\n  "errors": {error_text}\n}}\n')


def summary(rendered: list[Rendered]) -> str:
    """The closing line of the text format (as `text_format.summary_line`), plus suppressions."""
    counts: dict[str, int] = {}
    for item in rendered:
        for verdict, count in item.verdicts:
            counts[verdict] = counts.get(verdict, 0) + count
    figures = sum(item.figures for item in rendered)
    parts = (
        ", ".join(f"{count} {verdict}" for verdict, count in sorted(counts.items())) or "no claims"
    )
    line = f"{len(rendered)} document(s), {figures} figures, {sum(counts.values())} claims: {parts}"
    suppressed = sum(item.suppressed for item in rendered)
    return line + (f", {suppressed} suppressed" if suppressed else "")
