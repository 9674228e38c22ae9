"""The README a newcomer reads lists every rule and the two set-up commands."""

from __future__ import annotations

from pathlib import Path

from service.loader import default_rules

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_rule_code():
    missing = [rule.code for rule in default_rules().rules if f"`{rule.code}`" not in README]
    assert missing == []


def test_readme_shows_the_two_setup_commands():
    assert "make run" in README and "make test" in README
