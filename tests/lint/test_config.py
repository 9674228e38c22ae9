"""Configuration files, suppression comments and the output plumbing, piece by piece."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from service.lint.config import ConfigError, config_from_mapping, find_config, forget_configs
from service.lint.runner import lint_text
from service.lint.suppress import parse_suppressions

SWAPPED = "Exports rose 19.78 percent to $2.18 billion from $2.61 billion."


def test_policy_values_are_read_as_exact_decimals(tmp_path: Path) -> None:
    (tmp_path / "econcheck.toml").write_text("[policy]\nminor-points = 0.15\nstrict_zeros = true\n")
    forget_configs()
    config = find_config(tmp_path)
    assert config.policy.minor_points == Decimal("0.15")  # not 0.1499999…
    assert config.policy.strict_zeros is True
    assert config.source == str(tmp_path / "econcheck.toml")


def test_pyproject_without_our_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "econcheck.toml").write_text('fail-on = "impossible"\n')
    inner = tmp_path / "desk"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "desk"\n')
    forget_configs()
    assert find_config(inner / "draft.md").fail_on == "impossible"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"fail-on": "often"}, "fail-on must be one of"),
        ({"colour": "red"}, "unknown key"),
        ({"enable": "EC101"}, "must be a list of strings"),
        ({"disable": ["EC999"]}, "unknown rule code"),
        ({"policy": {"minor-points": "lots"}}, "is not a number"),
        ({"policy": {"minor-points": -1}}, "finite number"),
        ({"policy": {"strict-zeros": "yes"}}, "true or false"),
        ({"policy": {"tolerance": 1}}, "unknown key"),
    ],
)
def test_bad_configuration_names_the_problem(table: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as caught:
        config_from_mapping(table, "econcheck.toml", Path("."))
    assert isinstance(caught.value, ValueError) and caught.value.source == "econcheck.toml"


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "econcheck.toml").write_text("fail-on = \n")
    forget_configs()
    with pytest.raises(ConfigError, match="not valid TOML"):
        find_config(tmp_path)


def test_enable_keeps_only_the_named_rules() -> None:
    config = config_from_mapping({"enable": ["EC102"]}, "x", Path("."))
    assert lint_text(SWAPPED, "a.txt", config).report.findings == ()


def test_an_off_block_without_on_runs_to_the_end() -> None:
    text = f"{SWAPPED}\n<!-- econcheck: off -->\n{SWAPPED}\n\n{SWAPPED}\n"
    result = lint_text(text, "a.md")
    assert [result.report.line_column(f.start)[0] for f in result.report.findings] == [1]
    assert result.suppressed == 2


def test_off_for_one_rule_leaves_the_others() -> None:
    text = f"<!-- econcheck: off=EC102 -->\n{SWAPPED}\n<!-- econcheck: on=EC102 -->\n"
    assert len(lint_text(text, "a.md").report.findings) == 1


def test_ignore_lists_several_codes_and_ignores_case() -> None:
    text = f"<!-- Econcheck: IGNORE = ec102, ec101 -->\n{SWAPPED}\n"
    assert lint_text(text, "a.md").report.findings == ()


def test_an_ordinary_comment_is_not_a_directive() -> None:
    text = f"<!-- econcheck: please ignore this -->\n{SWAPPED}\n"
    assert parse_suppressions(text, ((0, text.index("-->") + 3),)).lines == ()
    assert len(lint_text(text, "a.md").report.findings) == 1


def test_json_output_is_what_json_dump_would_write(drafts: Path, run_cli) -> None:
    """The documents are assembled from pieces rendered per file; the bytes must not differ."""
    out = run_cli("check", "--format", "json", "drafts", "drafts/missing.md").out
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
    empty = run_cli("check", "--format", "json", "drafts/missing.md").out
    assert json.loads(empty) == {
        "documents": [],
        "errors": [{"path": "drafts/missing.md", "message": "no such file or folder"}],
    }


def test_output_file_and_format_flags(drafts: Path, run_cli, tmp_path: Path) -> None:
    target = tmp_path / "results.sarif"
    run = run_cli("check", "--format", "sarif", "--output", str(target), "drafts/wire.txt")
    assert run.status == 1 and run.out == ""
    assert json.loads(target.read_text())["version"] == "2.1.0"
    assert run_cli("check", "--format", "yaml", "drafts").status == 2
