"""The lexer never crashes, never hangs and stays linear, whatever string it is given."""

from __future__ import annotations

import itertools
import random
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.engine.numbers import read_quantities
from service.engine.quantity import Kind
from service.lexicon_loader import default_lexicon
from tests.timing import best_time

LEXICON = default_lexicon()
PROSE = (
    "KARACHI: ICT export earnings rose 19.78 percent year-on-year to $2.61 billion in the first "
    "seven months of FY 2025-26, up from $ 2.18 billion, the ministry said on October 12, 2025. "
)


SEED = (Path(__file__).parent / "fixtures" / "seed-articles.txt").read_text(encoding="utf-8")


def read(text: str) -> list:
    return read_quantities(text, LEXICON)


def assert_well_formed(text: str) -> None:
    figures = read(text)
    for q in figures:
        assert text[q.start : q.end] == q.text
        assert isinstance(q.value, Decimal) and q.step > 0
    assert all(a.end <= b.start for a, b in itertools.pairwise(figures))


HOSTILE = {
    "empty": "",
    "spaces": " " * 1000,
    "binary-junk": bytes(range(256)).decode("latin-1") * 20,
    "nul-and-surrogates": "\x00\ud800 12 \udfff%",
    "ten-thousand-digits": "9" * 10_000,
    "huge-exponent": "1e999999",
    "huge-exponent-scaled": "$1e999999 billion",
    "digits-and-commas-100k": ("1,234," * 17_000)[:100_000],
    "dots-100k": ("1." * 50_000),
    "spaced-groups": "1" + " 000" * 30_000 + " 0000",
    "hyphens": "1-" * 50_000,
    "slashes": "1/" * 50_000,
    "plus-phone": "+1" + " 11" * 30_000,
    "letters-then-digit": "a" * 50_000 + "1" + "b" * 50_000,
    "number-words": "one " * 20_000 + "million " * 100,
    "currency-storm": "$" * 50_000 + "5",
    "percent-storm": "5" + "%" * 50_000,
    "mixed-scripts": "١2٣4" * 10_000,
    "minus-storm": "-" * 50_000 + "3%",
    "parentheses": "(" * 30_000 + "3.2" + ")" * 30_000,
}


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_input_is_read_without_error(text: str) -> None:
    assert_well_formed(text)


def test_long_digit_runs_are_never_converted() -> None:
    (figure,) = read("9" * 10_000)
    assert figure.kind is Kind.CODE and figure.value == 0


def test_huge_exponent_is_an_identifier_not_a_number() -> None:
    assert [q.kind for q in read("1e999999")] == [Kind.CODE]


def test_non_string_input_gives_no_figures() -> None:
    assert read(None) == []  # type: ignore[arg-type]


@pytest.mark.slow
def test_ten_megabytes_of_news_finish() -> None:
    text = SEED * (10_000_000 // len(SEED))
    start = time.perf_counter()
    figures = read(text)
    assert len(figures) > 50_000
    assert time.perf_counter() - start < 30  # a hang guard, not a benchmark


SHAPES = {
    "prose": lambda n: (PROSE * (n // len(PROSE) + 1))[:n],
    "digits-and-commas": lambda n: ("1,234," * (n // 6 + 1))[:n],
    "spaced-groups": lambda n: ("1" + " 000" * n)[:n],
    "hyphenated-digits": lambda n: ("12-" * n)[:n],
    "number-words": lambda n: ("twenty-five " * n)[:n],
    "random-figures": lambda n: "".join(
        random.Random(7).choice("0123456789,. -%$mk(") for _ in range(n)
    ),
}


@pytest.mark.parametrize("shape", list(SHAPES), ids=list(SHAPES))
def test_scan_time_is_linear(shape: str) -> None:
    """Best of several runs on 4n characters takes less than 8 times the best on n."""
    small, large = SHAPES[shape](50_000), SHAPES[shape](200_000)
    assert best_time(lambda: read(large)) < 8 * best_time(lambda: read(small))


FRAGMENTS = st.sampled_from(
    [
        "$",
        "US$",
        "EUR ",
        "Rs",
        "-",
        "(",
        ")",
        "%",
        " percent",
        " mn",
        "bn",
        " million",
        "m",
        " to ",
        "-",
        "–",
        "/",
        ",",
        ".",
        " ",
        "FY",
        "Q",
        "about ",
        "more than ",
        "a million",
        "seven",
        "twenty-five",
        "October ",
        " 2025",
        "2025-26",
        "١٢",
        "1,50,000",
    ]
)
DIGITS = st.from_regex(r"[0-9]{1,6}([.,][0-9]{1,3})?", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, DIGITS, st.text(max_size=5)), max_size=20).map("".join))
def test_any_text_gives_well_formed_figures(text: str) -> None:
    """Spans index the text, figures do not overlap, values are Decimals with a positive step."""
    assert_well_formed(text)


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([("%", Kind.PERCENT), (" million", Kind.NUMBER), ("", Kind.NUMBER)]),
)
def test_a_rendered_figure_reads_back_to_its_value(
    value: Decimal, suffix: tuple[str, Kind]
) -> None:
    """A number written with grouping commas reads back to the exact value it was written from."""
    word, kind = suffix
    text = f"rose to {value:,.2f}{word} in"
    (figure,) = read(text)
    multiplier = Decimal(10**6) if word == " million" else Decimal(1)
    assert figure.value == value * multiplier
    assert figure.kind is kind
