"""Interval arithmetic over Decimal: outward rounding, overlap and gap, no floats."""

from decimal import Decimal as D

import pytest

from service.engine.errors import IntervalError
from service.engine.interval import INF, Interval


def test_percent_change_of_rounded_levels_matches_domain_range():
    """$2.18bn → $2.61bn allows 19.22%–20.23% (DOMAIN §A.20)."""
    old, new = Interval(D("2.175"), D("2.185")), Interval(D("2.605"), D("2.615"))
    change = (new - old) / old * Interval.point(D(100))
    assert change.low.quantize(D("0.01")) == D("19.22")
    assert change.high.quantize(D("0.01")) == D("20.23")


def test_bounds_are_rounded_outward():
    third = Interval.point(D(1)) / Interval.point(D(3))
    assert third.low < third.high
    assert third.low * 3 <= 1 <= third.high * 3


def test_division_by_interval_containing_zero_raises():
    with pytest.raises(IntervalError):
        Interval.point(D(1)) / Interval(D(-1), D(1))


def test_gap_is_zero_when_overlapping_and_positive_otherwise():
    a, b = Interval(D(1), D(2)), Interval(D(3), D(4))
    assert a.gap(b) == D(1) == b.gap(a)
    assert a.gap(Interval(D("1.5"), D(5))) == 0


def test_infinite_bound_models_more_than():
    more_than_three = Interval(D("2.5"), INF)
    assert more_than_three.overlaps(Interval(D(10), D(11)))
    assert not more_than_three.overlaps(Interval(D(1), D(2)))


def test_power_is_monotone_for_cagr():
    growth = Interval(D("2.6"), D("2.7")).power(D("0.25"))
    assert D("1.26") < growth.low < growth.high < D("1.29")


def test_empty_interval_is_rejected():
    with pytest.raises(ValueError):
        Interval(D(2), D(1))
