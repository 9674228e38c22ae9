"""The rule expression language: parsed without eval, evaluated on intervals, rendered for people."""

from decimal import Decimal as D

import pytest

from service.engine.expression import (
    ExpressionError,
    evaluate,
    parse_expression,
    parse_relation,
    render,
)
from service.engine.interval import Interval


def test_relation_names_its_target_and_roles():
    relation = parse_relation("percent == (new - old) / old * 100")
    assert relation.target == "percent"
    assert relation.roles == {"percent", "new", "old"}


def test_precedence_and_unary_minus():
    node = parse_expression("-a + b * 2")
    value = evaluate(node, {"a": Interval.point(D(1)), "b": Interval.point(D(3))})
    assert value == Interval.point(D(5))


def test_abs_function():
    node = parse_expression("abs(a)")
    assert evaluate(node, {"a": Interval(D(-3), D(-2))}) == Interval(D(2), D(3))


@pytest.mark.parametrize(
    "source",
    ["__import__('os')", "a ** 2", "a +", "(a", "a b", "foo(a)", "1e3", "a == b"],
    ids=[
        "dunder",
        "power",
        "dangling",
        "unclosed",
        "juxtaposed",
        "unknown-fn",
        "exponent",
        "double-eq",
    ],
)
def test_malformed_expressions_are_rejected_with_position(source):
    with pytest.raises(ExpressionError):
        parse_expression(source)


def test_render_keeps_needed_parentheses_only():
    node = parse_expression("(new - old) / old * 100")
    assert render(node, {"new": "2.61bn", "old": "2.18bn"}) == "(2.61bn − 2.18bn) / 2.18bn × 100"
    assert render(parse_expression("a - (b - c)"), {}) == "a − (b − c)"
    assert render(parse_expression("a - b - c"), {}) == "a − b − c"
