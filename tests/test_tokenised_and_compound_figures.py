"""Figures that a scan of real financial news read wrongly and that then raised false alarms:
numbers cut in two by a tokeniser's space, number words in compounds ("one-off", "two-day"),
minor currency units, power units, and sums that were no sums. The sentences are written for
these tests, after the patterns found in a run over the Financial PhraseBank (not copied)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import service
from service.engine.numbers import read_quantities
from service.engine.numbers.split import NOTE
from service.engine.quantity import Kind
from service.lexicon_loader import default_lexicon


def _figures(text: str) -> dict[str, object]:
    return {q.text: q for q in read_quantities(text, default_lexicon())}


def test_a_number_split_by_a_space_is_marked_ambiguous_in_both_pieces():
    figures = _figures("Net profit soared to EUR6 .745 bn from EUR995 ,000 a year earlier.")
    for surface in ("EUR6", "745 bn", "EUR995", "000"):
        assert NOTE in figures[surface].ambiguous, surface
    assert (
        service.check_text("Net profit soared to EUR6 .745 bn from EUR1 .114 bn .").findings == ()
    )


def test_prose_with_spaces_around_commas_is_not_split():
    figures = _figures("In 2006 , 12 companies rose 5 % to 10 from 9.5 .")
    assert all(not q.ambiguous for q in figures.values())


@pytest.mark.parametrize(
    ("text", "surface", "kind", "unit"),
    [
        ("a one-off gain", "one", Kind.CODE, None),
        ("a one-time charge", "one", Kind.CODE, None),
        ("ending a two-day streak", "two-day", Kind.UNIT, "day"),
        ("a 24-hour strike", "24-hour", Kind.UNIT, "hour"),
        ("turbines from 150 kW up to 3 MW", "3 MW", Kind.UNIT, "MW"),
        ("a 350-megawatt plant", "350-megawatt", Kind.UNIT, "MW"),
    ],
)
def test_number_words_in_compounds_and_units(text, surface, kind, unit):
    quantity = _figures(text)[surface]
    assert quantity.kind is kind and quantity.unit == unit


def test_two_fold_stays_a_number():
    assert _figures("a two-fold rise")["two"].kind is Kind.NUMBER


@pytest.mark.parametrize(("surface", "value"), [("55.0 cents", "0.55"), ("20 pence", "0.2")])
def test_minor_currency_units_scale_to_the_unit(surface, value):
    assert _figures(f"up {surface} today")[surface].value == Decimal(value)


def test_a_change_in_cents_checks_against_a_price_in_units():
    text = "The share price rose 55.0 cents or 1.2 % to close at 46.20 ."
    [finding] = service.check_text(text).findings
    assert (finding.rule, finding.verdict.value) == ("EC104", "consistent")


@pytest.mark.parametrize(
    "text",
    [
        "The plant will supply turbines in the range from 150 kW up to 3 MW .",
        "The XYZ 30 index , comprising the 30 largest stocks on the exchange , closed up 1.1 % "
        "at 987.65 points .",
        "The chain runs 120 shops in four countries -- including its home market -- and had "
        "sales of 55.2 mln euro in 2006 .",
        "Operating income was EUR -12.1 mn , including EUR 8.2 mn of one-off costs .",
        "The pipettes cover volumes from 0.5-500 ml including sizes of 10 , 50 , 100 and 500 ml .",
        "Profit excluding one-off items rose to EUR 30.1 million from EUR 22.4 million while "
        "profit including one-off items showed even faster growth to EUR 25.5 million from "
        "EUR 4.2 million .",
        "RELEASE 1 ( 1 ) A total of 95 300 new shares were subscribed .",
        "Operating loss grew to EUR 12mn from a loss of EUR 8.4 mn .",
        "Net loss narrowed to EUR 2.2 mn from a net loss of EUR 4.1 mn .",
        "The brewer raised its market share to 31.42 percent from 29.87 percent , as beer sales "
        "for the year jumped by 12.3 percent to 80.1 million liters .",
        "Operating profit fell to EUR 41.2 mn from EUR 55.0 mn , including a gain of EUR 9.9 mn "
        "on asset sales .",
    ],
    ids=lambda text: text[:40],
)
def test_no_false_alarm(text):
    flagged = [f.explanation for f in service.check_text(text).findings if f.flagged]
    assert flagged == []


def test_an_index_level_in_points_is_a_level_not_a_change_in_points():
    [finding] = service.check_text(
        "The index rose 12.5 points to 1,234.5 points from 1,222.0 points."
    ).findings
    assert (finding.rule, finding.verdict.value) == ("EC107", "consistent")


def test_parts_above_an_including_total_are_still_impossible():
    text = "Exports were $5.2 billion, including $3.1 billion of oil and $2.5 billion of gas."
    [finding] = service.check_text(text).findings
    assert (finding.rule, finding.verdict.value) == ("EC602", "impossible")
    assert finding.explanation.endswith(
        ": the parts exceed the total, which no rounding of the figures can explain."
    )


def test_up_to_after_a_verb_of_movement_is_a_rise_not_a_bound():
    figures = _figures("Capacity is up to 150,000 tonnes; the rate ticked up to 3.9% from 3.8%.")
    assert figures["150,000 tonnes"].bound == "up to"
    assert figures["3.9%"].bound is None
    [finding] = service.check_text("The rate ticked up to 3.9% from 3.8%.").findings
    assert (finding.rule, finding.verdict.value) == ("EC108", "consistent")
