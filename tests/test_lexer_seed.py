"""The seed articles (tests/fixtures/seed-articles.txt, a byte-identical copy of the corpus file):
every amount, percent and distance read right, and every date and year typed as such."""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path

import pytest

from service.engine.numbers import read_quantities
from service.engine.quantity import Hedge, Kind, Quantity
from service.lexicon_loader import default_lexicon

SEED = (Path(__file__).parent / "fixtures" / "seed-articles.txt").read_text(encoding="utf-8")
D = Decimal


@pytest.fixture(scope="module")
def figures() -> list[Quantity]:
    return read_quantities(SEED, default_lexicon())


def by_text(figures: list[Quantity], surface: str) -> list[Quantity]:
    return [q for q in figures if q.text == surface]


# surface, kind, value, step, currency or unit, hedge (as written)
AMOUNTS = [
    ("2,611-kilometer", Kind.UNIT, "2611", "1", "km", None),
    ("1,622-mile", Kind.UNIT, "1622", "1", "mi", None),
    ("200", Kind.NUMBER, "200", "1", None, "more than"),
    ("800,000", Kind.NUMBER, "800000", "1", None, "more than"),
    ("20 percent", Kind.PERCENT, "20", "1", None, "nearly"),
    ("19.78 percent", Kind.PERCENT, "19.78", "0.01", None, None),
    ("19.5 percent", Kind.PERCENT, "19.5", "0.1", None, None),
    ("$2.61 billion", Kind.CURRENCY, "2.61E9", "1E7", "USD", None),
    ("$ 2.61 billion", Kind.CURRENCY, "2.61E9", "1E7", "USD", None),
    ("$ 2.18 billion", Kind.CURRENCY, "2.18E9", "1E7", "USD", None),
    ("$374 million", Kind.CURRENCY, "374E6", "1E6", "USD", None),
    ("$313 million", Kind.CURRENCY, "313E6", "1E6", "USD", None),
    ("$1.21 billion", Kind.CURRENCY, "1.21E9", "1E7", "USD", None),
    ("$3 billion", Kind.CURRENCY, "3E9", "1E9", "USD", "over"),
    ("a million", Kind.NUMBER, "1E6", "1E6", None, "roughly"),
    ("seven months", Kind.UNIT, "7", "1", "month", None),
    ("23", Kind.NUMBER, "23", "1", None, None),
    ("58", Kind.NUMBER, "58", "1", None, None),
]

NOT_AMOUNTS = [
    ("October 12, 2025", Kind.DATE, "2025-10-12"),
    ("12 October 2025", Kind.DATE, "2025-10-12"),
    ("11/12 Oct 2025", Kind.DATE, None),
    ("Nov. 1", Kind.DATE, None),
    ("January 2026", Kind.DATE, "2026-01"),
    ("June 2026", Kind.DATE, "2026-06"),
    ("FY 2025-26", Kind.FISCAL_YEAR, "2025-26"),
    ("2021", Kind.YEAR, "2021"),
    ("2023", Kind.YEAR, "2023"),
    ("2025", Kind.YEAR, "2025"),
    ("first", Kind.ORDINAL, None),
]


@pytest.mark.parametrize(
    ("surface", "kind", "value", "step", "code", "hedge"), AMOUNTS, ids=[a[0] for a in AMOUNTS]
)
def test_seed_amounts_are_read_right(
    figures: list[Quantity],
    surface: str,
    kind: Kind,
    value: str,
    step: str,
    code: str | None,
    hedge: str | None,
) -> None:
    found = by_text(figures, surface)
    assert found, surface
    for q in found:
        assert (q.kind, q.value, q.step) == (kind, D(value), D(step))
        assert (q.currency or q.unit) == code
        assert (q.approximator or q.bound) == hedge


@pytest.mark.parametrize(
    ("surface", "kind", "digits"), NOT_AMOUNTS, ids=[n[0] for n in NOT_AMOUNTS]
)
def test_seed_dates_and_years_are_typed(
    figures: list[Quantity], surface: str, kind: Kind, digits: str | None
) -> None:
    found = by_text(figures, surface)
    assert found, surface
    for q in found:
        assert q.kind is kind and not q.kind.is_amount
        if digits is not None:
            assert q.digits == digits


def test_seed_spans_index_the_original_text(figures: list[Quantity]) -> None:
    assert all(SEED[q.start : q.end] == q.text for q in figures)
    assert all(a.end <= b.start for a, b in itertools.pairwise(figures))


def test_seed_has_no_unexpected_amounts(figures: list[Quantity]) -> None:
    """Every amount in the seed is one listed above, or a small count ("two sides", "29 wounded")."""
    listed = {a[0] for a in AMOUNTS}
    others = {q.text for q in figures if q.kind.is_amount and q.text not in listed}
    assert others == {"29", "21", "two", "one", "4"}


def test_seed_hedges_carry_their_class(figures: list[Quantity]) -> None:
    hedges = {q.text: q.hedge for q in figures if q.hedge is not None}
    assert hedges == {
        "200": Hedge.OVER,
        "800,000": Hedge.OVER,
        "20 percent": Hedge.NEARLY,
        "$3 billion": Hedge.OVER,
        "a million": Hedge.ABOUT,
    }


def test_seed_fixture_is_the_corpus_copy() -> None:
    shared = Path("/work/shared/corpus/seed-articles.txt")
    if not shared.exists():
        pytest.skip("corpus not available on this machine")
    assert (
        shared.read_bytes()
        == (Path(__file__).parent / "fixtures" / "seed-articles.txt").read_bytes()
    )
