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

from service.engine.corners import evaluate_corners, is_arithmetic
from service.engine.diagnose import _exponent, _fitting, _magnitude, _Ranges, _variants
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
@given(values=st.lists(some_figure, min_size=4, max_size=4), nudge=st.integers(-3, 3))
def test_bisection_finds_the_same_rewrites_as_trying_them_all(rule, role, values, nudge):
    inputs = [r for r in rule.roles if r != rule.target]
    env = {
        name: hedged_interval(figure(v), STRICT, as_input=True)
        for name, v in zip(inputs, values[: len(inputs)], strict=True)
    }
    slipped = figure(values[inputs.index(role)])
    rewrites = list(_variants(slipped))
    if not rewrites:
        return
    # The stated figure: what one of the rewrites gives, nudged, so that some rewrites fit.
    chosen = _Ranges(rule.relation.expression, env, role, slipped, rewrites)
    try:
        centre = evaluate_corners(rule.relation.expression, chosen.with_rewrite(len(rewrites) // 2))
    except IntervalError:
        return
    point = (centre.low + centre.high) / 2
    width = abs(point) / 100 + Decimal("0.05")
    stated = Interval(point - width + nudge * width, point + width + nudge * width)

    ranges = _Ranges(rule.relation.expression, env, role, slipped, rewrites)
    every = [i for i in range(len(rewrites)) if _fits_plainly(rule, ranges, i, stated)]
    event("some rewrites fit" if every else "no rewrite fits")
    assert _fitting(ranges, stated) == every


def _fits_plainly(rule, ranges, index, stated):
    """The reference: the whole relation over the box with the rewrite, by `evaluate_corners`."""
    try:
        found = evaluate_corners(rule.relation.expression, ranges.with_rewrite(index))
    except IntervalError:
        return False
    return found.overlaps(stated)


@given(st.lists(st.decimals(min_value=0, max_value=10**9, places=3), min_size=2, max_size=2))
def test_rewrites_order_by_value_as_decimals_do(values):
    digits = [f"{value.quantize(Decimal('0.001')):f}" for value in values]  # one exponent
    # a leading zero, as a transposition ("305.6" -> "035.6") writes it
    digits += ["0" + d for d in digits]
    by_key = sorted(digits, key=_magnitude)
    by_value = sorted(digits, key=Decimal)
    assert [Decimal(d) for d in by_key] == [Decimal(d) for d in by_value]


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=10**12))
def test_the_exponent_of_plain_digits_is_the_decimals(value):
    digits = f"{value:f}"
    assert _exponent(digits) == Decimal(digits).as_tuple().exponent


@given(st.decimals(min_value=0, max_value=Decimal("999999999999"), places=0) | some_figure)
def test_every_rewrite_fits_the_sort_keys_width(value):
    """`_magnitude` pads to a fixed width; a rewrite longer than it would sort wrongly."""
    from service.engine.diagnose import _KEY_WIDTH

    for _, digits, _ in _variants(figure(value)):
        assert len(digits) < _KEY_WIDTH
