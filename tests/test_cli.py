"""The `econcheck` command in-process: figures and check, their JSON contracts and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from service.cli.main import main
from service.cli.status import ExitStatus

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed-articles.txt"
CLAIM_KEYS = {
    "rule", "kind", "verdict", "text", "span", "line", "column", "figures", "expression",
    "computed", "stated", "gap", "weak", "assumptions", "diagnosis", "explanation",
}  # fmt: skip
FIGURE_KEYS = {
    "text", "span", "line", "column", "value", "low", "high", "kind", "currency", "unit",
    "scale", "approximator", "bound", "ambiguous", "in_claim",
}  # fmt: skip


def test_figures_json_lists_the_seed_amounts_with_value_interval_and_claims(capsys):
    assert main(["figures", "--format", "json", str(SEED)]) is ExitStatus.CLEAN
    figures = json.loads(capsys.readouterr().out)
    assert all(set(figure) >= FIGURE_KEYS for figure in figures)
    by_text = {figure["text"]: figure for figure in figures}
    amount = by_text["$ 2.61 billion"]
    assert (amount["value"], amount["low"], amount["high"]) == (
        "2610000000",
        "2605000000",
        "2615000000",
    )
    assert amount["currency"] == "USD" and amount["kind"] == "currency"
    assert "EC101" in amount["in_claim"]
    assert by_text["19.78 percent"]["low"] == "19.775"
    assert by_text["2,611-kilometer"]["unit"] == "km"
    starts = [figure["span"]["start"] for figure in figures]
    assert starts == sorted(starts)


def test_figures_text_prints_an_aligned_table(capsys):
    assert main(["figures", str(SEED)]) is ExitStatus.CLEAN
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[:4] == ["line", "column", "text", "kind"]


def test_check_json_claims_carry_the_documented_fields(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("Exports rose 19.78 percent to $2.61 billion from $2.18 billion.\n")
    assert main(["check", "--format", "json", str(draft)]) is ExitStatus.CLEAN
    body = json.loads(capsys.readouterr().out)
    (claim,) = body["documents"][0]["claims"]
    assert set(claim) >= CLAIM_KEYS
    assert claim["computed"]["low"].startswith("19.22")
    assert claim["span"] == {"start": 13, "end": 62}  # "19.78 percent" … "$2.18 billion"
    assert body["documents"][0]["summary"]["figures_seen"] == 3


def test_check_exits_1_on_an_inconsistent_figure_and_0_when_told_never(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("The border runs 2,670 kilometers (1,640 miles).\n")
    assert main(["check", str(draft)]) is ExitStatus.FINDINGS
    assert "draft.md:1:17: EC201 inconsistent" in capsys.readouterr().out
    assert main(["check", "--fail-on", "never", str(draft)]) is ExitStatus.CLEAN


def test_missing_file_and_bad_option_exit_2(tmp_path):
    assert main(["check", str(tmp_path / "nope.md")]) is ExitStatus.ERROR
    assert main(["check", "--format", "pdf", str(SEED)]) is ExitStatus.ERROR


def test_invalid_utf8_is_a_clear_error_not_a_crash(tmp_path, capsys):
    draft = tmp_path / "bad.txt"
    draft.write_bytes(b"Exports rose \xff 5%")
    assert main(["check", str(draft)]) is ExitStatus.ERROR
    assert "UTF-8" in capsys.readouterr().err


@pytest.mark.parametrize("module", [["-m", "service"]], ids=["python-m-service"])
def test_python_m_service_is_the_econcheck_command(module):
    done = subprocess.run(
        [sys.executable, *module, "check", "-"],
        input="Exports rose 19.78 percent to $2.61 billion from $2.18 billion.",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_figures_of_a_markdown_draft_skip_code_and_keep_original_positions(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("# Exports\n\n```\nrate = 99.9%\n```\n\nExports rose **19.78%** to $2.61bn.\n")
    assert main(["figures", "--format", "json", str(draft)]) is ExitStatus.CLEAN
    figures = json.loads(capsys.readouterr().out)
    assert [f["text"] for f in figures] == ["19.78%", "$2.61bn"]
    assert (figures[0]["line"], figures[0]["column"]) == (7, 16)


def test_text_output_says_when_a_consistent_check_is_weak(tmp_path, capsys):
    """DOMAIN §B.5's resolution flag: coarse levels make a wide range that agreement says little
    about, and the text output says so, as the JSON's `weak` and the web page do."""
    draft = tmp_path / "draft.md"
    draft.write_text("Exports rose 10% to $12 billion from $10 billion.\n", encoding="utf-8")
    assert main(["check", "--all", str(draft)]) is ExitStatus.CLEAN
    out = capsys.readouterr().out
    assert " EC101 consistent " in out and "\n    weak: the figures are so rounded" in out
    draft.write_text("Exports rose 19.78 percent to $2.61 billion from $2.18 billion.\n")
    assert main(["check", "--all", str(draft)]) is ExitStatus.CLEAN
    assert "weak:" not in capsys.readouterr().out
    # as wide a range, but the claim lies outside it: that verdict is not weak
    draft.write_text("Exports rose 50% to $12 billion from $10 billion.\n")
    assert main(["check", str(draft)]) is ExitStatus.FINDINGS
    out = capsys.readouterr().out
    assert " EC101 inconsistent " in out and "weak:" not in out
