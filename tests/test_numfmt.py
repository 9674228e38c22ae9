"""`plain` and `json_decimal` take a shortcut through `str(Decimal)`; they must write what the
format(value, "f") they replace wrote."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from service.engine.numfmt import decimals_of, json_decimal, plain


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
    assert json_decimal(Decimal("-2.61E+9")) == "-2610000000"
    assert json_decimal(Decimal("1E+3")) == "1000"
    assert json_decimal(Decimal("-0E+3")) == "0"
    assert json_decimal(Decimal("1E-9")) == "0.000000001"


@given(
    st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, allow_infinity=False)
    | st.decimals(min_value=-(10**9), max_value=10**9, places=3),
    st.none() | st.integers(0, 9),
)
def test_plain_is_fixed_point_format(value, places):
    """`plain` reads `str(Decimal)`; it must say what `format(value, "f")` says."""
    expected = value
    if places is not None:
        expected = value.quantize(Decimal(1).scaleb(-places))
    text = format(expected, "f")
    if "." in text and places is None:
        text = text.rstrip("0").rstrip(".")
    assert plain(value, places) == ("0" if text in ("-0", "") else text)


@given(
    st.decimals(allow_nan=False, allow_infinity=False)
    | st.builds(lambda e: Decimal(1).scaleb(e), st.integers(-30, 30))
)
def test_decimals_of_reads_the_normalized_exponent(step):
    """`decimals_of` reads the text of the normalized step; it must say what as_tuple says."""
    exponent = step.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    assert decimals_of(step) == max(0, -exponent)
