"""`econcheck check` over a folder of Markdown, HTML and text drafts with known findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# (file, line, column, rule, verdict) of every flagged claim in tests/lint/fixtures/drafts.
FLAGGED_IN_DRAFTS = [
    ("headline.md", 1, 20, "EC101", "inconsistent"),  # a headline completed in the body
    ("ict-exports.md", 12, 32, "EC101", "inconsistent"),  # **4.45 percent**, wrapped paragraph
    ("ict-exports.md", 15, 34, "EC101", "inconsistent"),  # list item, levels swapped
    ("ict-exports.md", 19, 43, "EC101", "impossible"),  # block quote, "decrease of 180 per cent"
    ("ict-exports.md", 22, 25, "EC101", "inconsistent"),  # a table cell
    ("minor.md", 3, 18, "EC101", "minor_discrepancy"),
    ("release.html", 7, 36, "EC101", "inconsistent"),  # inside <b>, after &#36;
    ("suppressed.md", 10, 18, "EC101", "inconsistent"),  # ignore=EC102 does not cover EC101
    ("suppressed.md", 20, 19, "EC101", "inconsistent"),  # after the suppressions
    ("wire.txt", 1, 39, "EC101", "inconsistent"),
]

# (paths, --fail-on, expected exit status)
EXIT_STATUS = [
    (["drafts"], None, 1),
    (["drafts"], "never", 0),
    (["drafts/minor.md"], None, 0),
    (["drafts/minor.md"], "minor_discrepancy", 1),
    (["drafts/minor.md"], "inconsistent", 0),
    (["drafts/ict-exports.md"], "impossible", 1),
    (["drafts/wire.txt"], "impossible", 0),
    (["drafts/clean.md"], "minor_discrepancy", 0),
    (["drafts/clean.md", "drafts/missing.md"], None, 2),
]


def _flagged(out: str) -> list[tuple[str, int, int, str, str]]:
    body = json.loads(out)
    return sorted(
        (Path(doc["path"]).name, claim["line"], claim["column"], claim["rule"], claim["verdict"])
        for doc in body["documents"]
        for claim in doc["claims"]
        if claim["verdict"] not in ("consistent", "unverifiable")
    )


def test_every_known_finding_at_its_exact_line_and_column(drafts: Path, run_cli) -> None:
    run = run_cli("check", "--format", "json", "drafts")
    assert run.status == 1
    assert _flagged(run.out) == sorted(FLAGGED_IN_DRAFTS)


def test_text_output_names_path_line_and_column(drafts: Path, run_cli) -> None:
    run = run_cli("check", "drafts/ict-exports.md")
    assert "drafts/ict-exports.md:12:32: EC101 inconsistent" in run.out
    assert "(170.770m − 165.45m) / 165.45m × 100 = 3.22" in run.out
    assert "drafts/ict-exports.md:8:33" not in run.out  # consistent claims only with --all
    assert (
        "drafts/ict-exports.md:8:33: EC101 consistent"
        in run_cli("check", "--all", "drafts/ict-exports.md").out
    )


@pytest.mark.parametrize(("paths", "fail_on", "status"), EXIT_STATUS)
def test_exit_status_follows_fail_on(drafts: Path, run_cli, paths, fail_on, status) -> None:
    options = ["--fail-on", fail_on] if fail_on else []
    assert run_cli("check", *options, *paths).status == status


def test_suppressions_hide_exactly_the_marked_claims(drafts: Path, run_cli) -> None:
    run = run_cli("check", "--format", "json", "drafts/suppressed.md")
    lines = [claim["line"] for claim in json.loads(run.out)["documents"][0]["claims"]]
    assert lines == [10, 20]
    assert "5 suppressed" in run_cli("check", "drafts/suppressed.md").err


def test_config_in_pyproject_is_found_upwards(drafts: Path, run_cli) -> None:
    (drafts.parent / "pyproject.toml").write_text(
        '[project]\nname = "desk"\n\n[tool.econcheck]\nfail-on = "minor_discrepancy"\n'
    )
    assert run_cli("check", "drafts/minor.md").status == 1
    assert run_cli("check", "--fail-on", "inconsistent", "drafts/minor.md").status == 0


def test_nearest_econcheck_toml_wins_and_disables_rules(drafts: Path, run_cli) -> None:
    (drafts.parent / "pyproject.toml").write_text(
        '[tool.econcheck]\nfail-on = "minor_discrepancy"\n'
    )
    (drafts / "econcheck.toml").write_text('disable = ["EC101"]\n')
    run = run_cli("check", "--format", "json", "drafts")
    assert run.status == 0
    assert _flagged(run.out) == []


def test_config_policy_and_file_patterns(drafts: Path, run_cli) -> None:
    (drafts / "econcheck.toml").write_text(
        'include = ["*.html", "*.txt"]\nexclude = ["wire.txt"]\n\n[policy]\nminor-points = 2.0\n'
    )
    run = run_cli("check", "--format", "json", "drafts")
    assert _flagged(run.out) == [("release.html", 7, 36, "EC101", "minor_discrepancy")]
    assert run.status == 0


def test_bad_config_is_a_usage_error_naming_the_file(drafts: Path, run_cli) -> None:
    (drafts / "econcheck.toml").write_text('fail_on = "sometimes"\n')
    run = run_cli("check", "drafts")
    assert run.status == 2
    assert "econcheck.toml" in run.err and "fail-on must be one of" in run.err


def test_unknown_rule_code_in_config_is_an_error(drafts: Path, run_cli) -> None:
    (drafts / "econcheck.toml").write_text('disable = ["EC999"]\n')
    assert run_cli("check", "drafts").status == 2


def test_exclude_glob_on_the_command_line(drafts: Path, run_cli) -> None:
    run = run_cli(
        "check", "--format", "json", "--exclude", "*.md", "--exclude", "drafts/wire.txt", "drafts"
    )
    assert [Path(doc["path"]).name for doc in json.loads(run.out)["documents"]] == ["release.html"]


def test_explicit_config_file(drafts: Path, run_cli, tmp_path: Path) -> None:
    config = tmp_path / "strict.toml"
    config.write_text('fail-on = "minor_discrepancy"\n')
    assert run_cli("check", "--config", str(config), "drafts/minor.md").status == 1


def test_stdin_is_plain_text(run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    text = "Exports rose 19.78 percent to $2.18 billion from $2.61 billion.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    run = run_cli("check", "-")
    assert run.status == 1 and "<stdin>:1:14: EC101 inconsistent" in run.out


def test_parallel_and_serial_runs_agree(drafts: Path, run_cli) -> None:
    serial = run_cli("check", "--format", "json", "--jobs", "1", "drafts").out
    parallel = run_cli("check", "--format", "json", "--jobs", "2", "drafts").out
    assert serial == parallel
