"""`json_decimal` takes a shortcut through `str(Decimal)`; it must write what `plain` writes."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from service.engine.numfmt import json_decimal, plain


@given(
    st.one_of(
        st.decimals(allow_nan=False, allow_infinity=False),
        st.builds(
            lambda digits, exponent, sign: Decimal((sign, digits, exponent)),
            st.tuples(*[st.integers(0, 9)] * 3) | st.tuples(st.integers(0, 9)),
            st.integers(-12, 12),
            st.integers(0, 1),
        ),
    )
)
def test_json_decimal_is_plain(value):
    assert json_decimal(value) == plain(value)


def test_special_values():
    assert json_decimal(None) is None
    assert json_decimal(Decimal("Infinity")) == "Infinity"
    assert json_decimal(Decimal("-Infinity")) == "-Infinity"
    assert json_decimal(Decimal("-0.000")) == "0"
    assert json_decimal(Decimal("2.61E9")) == "2610000000"
    assert json_decimal(Decimal("1E-9")) == "0.000000001"
