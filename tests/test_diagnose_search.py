"""The search for a slipped digit must find exactly what trying every rewrite finds.

`diagnose._fitting` bisects the rewrites of a level instead of trying them all (DOMAIN §B.6
fingerprints: transposed digits, a dropped digit, a scale slip). These tests run it beside the
plain loop for every rule whose relation it may bisect, with every input as the re-read level,
on figures drawn at random (poles included: a change larger than its new level in EC104).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from service.engine.arithmetic import RELATIONS, computed_in
from service.engine.corners import (
    evaluate_corners,
    is_arithmetic,
    range_over,
    relation_names,
    section,
)
from service.engine.diagnose import _exponent, _fitting, _Ranges, _Rewrites
from service.engine.errors import IntervalError
from service.engine.interval import Interval
from service.engine.judge import hedged_interval
from service.engine.numbers import read_quantities
from service.engine.policy import DEFAULT_POLICY
from service.engine.quantity import Quantity
from service.loader import default_engine, default_rules

STRICT = DEFAULT_POLICY.__class__(strict_zeros=True)
RULES = [r for r in default_rules().rules if is_arithmetic(r.relation.expression)]
CASES = [(r, role) for r in RULES for role in r.roles if role != r.target]


def figure(value: Decimal) -> Quantity:
    text = f"{value:f}"
    (quantity,) = read_quantities(text, default_engine().lexicon)
    return quantity


def figures_with(places: int) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=Decimal("0.1"), max_value=Decimal(99999), places=places)


some_figure = st.integers(0, 3).flatmap(figures_with)


def test_every_arithmetic_rule_is_covered():
    assert {"EC101", "EC102", "EC103", "EC104", "EC110", "EC201", "EC301", "EC601"} <= {
        r.code for r in RULES
    }


@pytest.mark.parametrize(("rule", "role"), CASES, ids=[f"{r.code}-{role}" for r, role in CASES])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.lists(some_figure, min_size=4, max_size=4),
    negative=st.lists(st.booleans(), min_size=4, max_size=4),
    nudge=st.integers(-3, 3),
    pick=st.integers(-2, 0),
)
def test_bisection_finds_the_same_rewrites_as_trying_them_all(
    rule, role, values, negative, nudge, pick
):
    inputs = [r for r in rule.roles if r != rule.target]
    signed = [-v if minus else v for v, minus in zip(values, negative, strict=True)]
    env = {
        name: hedged_interval(figure(v), STRICT, as_input=True)
        for name, v in zip(inputs, signed[: len(inputs)], strict=True)
    }
    slipped = figure(signed[inputs.index(role)])
    count = _Rewrites(slipped).count
    if not count:
        return
    # The stated figure: what one of the rewrites gives, nudged, so that some rewrites fit;
    # a digit slip in the middle of the list, or one of the two scale slips at its end.
    chosen = _Ranges(rule.relation.expression, env, role, slipped)
    index = count + pick if pick else count // 2
    try:
        centre = evaluate_corners(rule.relation.expression, chosen.with_rewrite(index))
    except IntervalError:
        return
    point = (centre.low + centre.high) / 2
    width = abs(point) / 100 + Decimal("0.05")
    stated = Interval(point - width + nudge * width, point + width + nudge * width)

    ranges = _Ranges(rule.relation.expression, env, role, slipped)
    every = [i for i in range(count) if _fits_plainly(rule, ranges, i, stated)]
    event("some rewrites fit" if every else "no rewrite fits")
    assert _fitting(ranges, stated) == every


def _fits_plainly(rule, ranges, index, stated):
    """The reference: the whole relation over the box with the rewrite, by `evaluate_corners`."""
    try:
        found = evaluate_corners(rule.relation.expression, ranges.with_rewrite(index))
    except IntervalError:
        return False
    return found.overlaps(stated)


@pytest.mark.parametrize(("rule", "role"), CASES, ids=[f"{r.code}-{role}" for r, role in CASES])
@settings(max_examples=20, deadline=None)
@given(values=st.lists(some_figure, min_size=4, max_size=4), at=some_figure)
def test_a_section_is_the_range_with_its_input_held_to_one_value(rule, role, values, at):
    """`Section.end` gives the ends `range_over` gives when the free input's box is one value:
    the corners it leaves out are the same as those it computes."""
    node = rule.relation.expression
    names = relation_names(node)
    boxes = [hedged_interval(figure(v), STRICT, as_input=True) for v in values[: len(names)]]
    free = names.index(role)
    held = section(node, boxes, free)
    assert held is not None
    boxes[free] = Interval(at, at)
    try:
        whole = range_over(node, boxes)
    except IntervalError:
        return  # a divisor holds zero: no section is asked for there
    ends = computed_in(RELATIONS, lambda: (held.end(at, False), held.end(at, True)))
    assert ends == (whole.low, whole.high)


levels = st.decimals(min_value=0, max_value=Decimal("999999999999"), places=0) | some_figure


@given(levels)
def test_each_rewrite_is_read_as_the_digits_it_writes(value):
    """The search orders and re-reads rewrites by their mantissas and exponents, the diagnosis
    names them by their digits: both must be the same figure."""
    rewrites = _Rewrites(figure(value))
    for index in range(rewrites.count):
        _, digits, _ = rewrites.written(index)
        mantissa, exponent = rewrites.mantissas[index], rewrites.exponents[index]
        assert Decimal(mantissa).scaleb(exponent) == Decimal(digits)
        assert exponent == _exponent(digits)


DROPPED_AFTER_THE_2 = [f"2{digit}.61" for digit in range(10)]


@pytest.mark.parametrize(
    ("level", "rewritten"),
    [
        ("2.61", ["2.16", *DROPPED_AFTER_THE_2, "2610", "0.00261"]),
        ("0.5", ["500", "0.0005"]),  # no digit dropped before a leading zero
    ],
)
def test_rewrites_are_the_slips_of_the_domain_in_order(level, rewritten):
    """Transposed adjacent digits, a digit dropped from the integer part, a scale slip (§B.6)."""
    (quantity,) = read_quantities(level, default_engine().lexicon)
    rewrites = _Rewrites(quantity)
    assert [rewrites.written(index)[1] for index in range(rewrites.count)] == rewritten


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=10**12))
def test_the_exponent_of_plain_digits_is_the_decimals(value):
    digits = f"{value:f}"
    assert _exponent(digits) == Decimal(digits).as_tuple().exponent
