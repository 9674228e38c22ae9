"""Every rule's own examples, run through the whole engine; and rules without examples fail.

This is the one generic test for the rule files: adding a rule under rules/checks/ with examples
adds its tests here.
"""

from __future__ import annotations

import pytest

import service
from service.loader import default_rules

RULES = default_rules().rules


def _cases():
    for rule in RULES:
        for number, example in enumerate(rule.passes):
            yield pytest.param(rule, example, id=f"{rule.code}-pass-{number}")
        for number, example in enumerate(rule.fails):
            yield pytest.param(rule, example, id=f"{rule.code}-fail-{number}")


@pytest.mark.parametrize(("rule", "example"), list(_cases()))
def test_rule_example_gets_its_verdict(rule, example):
    findings = [f for f in service.check_text(example.text).findings if f.rule == rule.code]
    if rule.only_flagged and example.verdict is service.Verdict.CONSISTENT:
        assert findings == [], "a rule that reports only disagreements reported an agreement"
        return
    assert findings, f"{rule.code} did not fire on {example.text!r}"
    assert findings[0].verdict == example.verdict, findings[0].explanation
    if example.diagnosis:
        assert findings[0].diagnosis == example.diagnosis, findings[0].explanation


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_every_rule_has_examples_that_pass_and_fail(rule):
    assert rule.passes, f"{rule.code} has no example that must pass"
    assert rule.fails, f"{rule.code} has no example that must fail"


def test_rule_codes_are_unique_and_stable_in_form():
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    assert all(code.startswith("EC") and code[2:].isdigit() for code in codes)


@pytest.mark.parametrize(
    "message", ["{old} → {level}", "{old!r} → {new}", "{old:>9} → {new}", "{old → {new}"]
)
def test_a_message_placeholder_must_name_one_of_the_rules_roles(message):
    """Messages are cut at their placeholders when the rule loads, so a placeholder the
    explanation could not fill is a broken rule, named as such."""
    from service.engine.errors import RuleError
    from service.engine.rules import rule_from_toml
    from service.rulebook import read_folder

    source, data = next((s, d) for s, d in read_folder("checks") if d["code"] == "EC101")
    with pytest.raises(RuleError, match="EC101"):
        rule_from_toml({**data, "message": message}, source)
