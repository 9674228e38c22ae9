"""Change claims end to end: the seed article and the real cases of DOMAIN.md §A.20."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

import service
from service import Verdict

SEED = (Path(__file__).parent / "fixtures" / "seed-articles.txt").read_text(encoding="utf-8")


def _finding(text: str, rule: str = "EC101"):
    findings = [f for f in service.check_text(text).findings if f.rule == rule]
    assert findings, f"no {rule} claim found in {text!r}"
    return findings[0]


def test_seed_article_has_nothing_flagged():
    report = service.check_text(SEED)
    flagged = [f.explanation for f in report.findings if f.flagged]
    assert flagged == []


def test_seed_ict_claim_is_consistent_with_domain_range():
    report = service.check_text(SEED)
    claim = next(
        f for f in report.findings if f.rule == "EC101" and "19.78" in report.text[f.start : f.end]
    )
    assert claim.verdict is Verdict.CONSISTENT
    assert claim.computed_low is not None and claim.computed_high is not None
    assert claim.computed_low.quantize(D("0.01")) == D("19.22")
    assert claim.computed_high.quantize(D("0.01")) == D("20.23")
    assert "19.22%" in claim.explanation and "20.23%" in claim.explanation


def test_seed_january_claim_with_new_level_first_is_consistent():
    report = service.check_text(SEED)
    claim = next(
        f for f in report.findings if f.rule == "EC101" and "19.5" in report.text[f.start : f.end]
    )
    assert claim.verdict is Verdict.CONSISTENT
    roles = {use.role: use.quantity.value for use in claim.figures}
    assert roles["new"] == D("374E6") and roles["old"] == D("313E6")


# (id, text, rule, verdict, diagnosis or None) — DOMAIN.md §A.20, phrased as published.
FROM_DOMAIN_CASES = [
    (
        "app-ict",
        "ICT export remittances rose 19.78 % to $2.61 bn compared to $2.18 bn.",
        "EC101",
        "consistent",
        None,
    ),
    (
        "dawn-ict",
        "Services exports rose 19.72pc to $2.61bn from $2.18bn.",
        "EC101",
        "consistent",
        None,
    ),
    (
        "app-january",
        "Exports were $374 m in January, up 19.5 % from $313 m.",
        "EC101",
        "consistent",
        None,
    ),
    (
        "dawn-services",
        "Services exports rose 18.78 percent to $5.66 billion from $4.76 billion.",
        "EC101",
        "consistent",
        None,
    ),
    (
        "dawn-precise",
        "Exports rose 31.12pc to $885.09 million from $675.03 million.",
        "EC101",
        "consistent",
        None,
    ),
    (
        "ary-2020-pct",
        "Remittances were $15.126 billion, an increase of $770.7 million or 5.4 percent over $14.355 billion.",
        "EC101",
        "consistent",
        None,
    ),
    (
        "ary-2020-abs",
        "Remittances were $15.126 billion, an increase of $770.7 million or 5.4 percent over $14.355 billion.",
        "EC102",
        "consistent",
        None,
    ),
    (
        "sbp-truncated",
        "Inflows were $1,907.3 million, up $163.2 million or 9.3 percent from $1,744.1 million.",
        "EC101",
        "minor_discrepancy",
        "truncation",
    ),
    (
        "profit-weak",
        "Remittances rose 26.2 percent to $2.4 billion from $1.9 billion.",
        "EC101",
        "consistent",
        None,
    ),
    (
        "profit-fall",
        "Remittances fell 2.98% to $15.83 billion from $16.32 billion.",
        "EC101",
        "consistent",
        None,
    ),
    (
        "ary-39",
        "IT exports rose 39.4 percent to $265 million from $190 million.",
        "EC101",
        "consistent",
        None,
    ),
    (
        "ary-180",
        "Software consultancy recorded a decrease of 180 per cent, from US $3.394 million to US $3.333 million.",
        "EC101",
        "impossible",
        "decimal_slip",
    ),
    (
        "ary-hardware",
        "Hardware consultancy increased 3.401 percent from $391.570 million to $404.875 million.",
        "EC101",
        "minor_discrepancy",
        None,
    ),
    (
        "ary-repair",
        "Repair services decreased 39.15 percent from $1.530 million to $0.930 million.",
        "EC101",
        "minor_discrepancy",
        None,
    ),
    (
        "nation-telecom",
        "Telecom exports increased by 4.45 percent from $165.45 million to $170.770 million.",
        "EC101",
        "inconsistent",
        None,
    ),
    (
        "nation-other",
        "Other telecom services decreased 0.88 percent from $95.809 million to $94.790 million.",
        "EC101",
        "inconsistent",
        "transposed_digits",
    ),
    (
        "dailytimes-typo",
        "Exports were US $20mn at a growth rate of 12.29pc when compared to US $179mn.",
        "EC101",
        "inconsistent",
        "dropped_digit",
    ),
    (
        "afn-27",
        "Remittances rose 27 percent to $38.3 billion from $30.3 billion.",
        "EC101",
        "consistent",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "rule", "verdict", "diagnosis"),
    [pytest.param(*case[1:], id=case[0]) for case in FROM_DOMAIN_CASES],
)
def test_domain_case_gets_its_verdict(text, rule, verdict, diagnosis):
    finding = _finding(text, rule)
    assert finding.verdict == Verdict(verdict), finding.explanation
    if diagnosis:
        assert finding.diagnosis == diagnosis, finding.explanation


def test_truncation_is_named_in_the_explanation():
    finding = _finding(FROM_DOMAIN_CASES[7][1])
    assert "truncated" in finding.explanation


def test_coarse_levels_are_marked_weak():
    assert _finding("Remittances rose 26.2 percent to $2.4 billion from $1.9 billion.").weak
    assert not _finding("Exports rose 19.78 percent to $2.61 billion from $2.18 billion.").weak


# Phrasings from the engine issue: wire style, level first, pair, scale word once.
PHRASINGS = [
    ("wire", "Profit rose 5.1 pct to 88.4 mln dlrs from 84.1 mln dlrs.", "EC101"),
    ("declined-to-from", "The index declined to 12,480 from 13,115, down 4.8 pct.", "EC101"),
    (
        "reaching-compared",
        "Exports surged 19.78 percent, reaching $ 2.61 billion compared to $ 2.18 billion.",
        "EC101",
    ),
    (
        "pair",
        "Sales increased $45.2 million, or 12%, to $420.1 million from $374.9 million.",
        "EC102",
    ),
    ("scale-once", "Output rose 9.7 percent to 3.4 mln tonnes from 3.1 mln.", "EC101"),
    (
        "level-first",
        "Net income was $21.2 million, a 60.7% decrease from the $53.9 million earned a year ago.",
        "EC101",
    ),
]


@pytest.mark.parametrize(("text", "rule"), [pytest.param(t, r, id=i) for i, t, r in PHRASINGS])
def test_phrasing_is_recognised_and_consistent(text, rule):
    assert _finding(text, rule).verdict is Verdict.CONSISTENT


def test_expression_shows_the_arithmetic():
    finding = _finding("Exports rose 19.78 percent to $2.61 billion from $2.18 billion.")
    assert finding.expression == "(2.61bn − 2.18bn) / 2.18bn × 100 = 19.72"


@pytest.mark.parametrize(
    ("text", "point", "expression"),
    [
        (
            "Operating income decreased $14.2 million, or 7.6%, to $172.6 million.",
            "-7.60",
            "(−14.2m) / (172.6m − (−14.2m)) × 100 = -7.60",
        ),
        (
            "Total deposits increased $1.2 billion, or 8.0%, to $16.2 billion.",
            "8.00",
            "1.2bn / (16.2bn − 1.2bn) × 100 = 8.00",
        ),
    ],
)
def test_a_fall_given_as_a_magnitude_is_negative_in_the_point_value_too(text, point, expression):
    """The range already took the direction word's sign; the point value and the written
    arithmetic once did not, and said +8.96% beside a range of −7.63% to −7.57%."""
    claim = _finding(text, "EC104")
    assert claim.verdict is Verdict.CONSISTENT
    assert claim.computed_point is not None and claim.computed_point.quantize(D("0.01")) == D(point)
    assert claim.expression == expression
    assert claim.computed_low <= claim.computed_point <= claim.computed_high


def test_a_direction_claim_is_explained_in_words_not_as_a_range():
    """Outward rounding put a sure rise at 0.999…, once printed as 'no change to a rise', and a
    wrong direction word came out as 'the stated fell is a rise away' with a dropped-digit guess."""
    rise = _finding("Gross margin increased to 35.2% from 33.8%.", "EC108")
    assert rise.verdict is Verdict.CONSISTENT
    assert rise.explanation.endswith(
        "33.8% → 35.2% gives a rise, whatever the rounding of the figures, as “increased” says."
    )
    wrong = _finding("Revenues rose to $4.1 million from $5.2 million.", "EC108")
    assert wrong.verdict is Verdict.INCONSISTENT and wrong.diagnosis is None
    assert wrong.explanation.endswith(
        "gives a fall, whatever the rounding of the figures; “rose” says otherwise."
    )
    flat = _finding("Prices rose to 5.0 from 5.0.", "EC108")
    assert "it could be anything from a fall to a rise" in flat.explanation


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a level before the verb it is the subject of is no "a $20.2 million decrease"
        (
            "Adjusted EBITDA of $85.3 million increased 14% from $74.8 million in the prior year.",
            "EC101",
        ),
        # the unit written once, on one level only
        ("We had 1,234 employees, compared to 1,150 a year earlier, an increase of 7.3%.", "EC101"),
        # another measure in brackets is skipped, like a translation
        (
            "Revenue increased 12% (14% on a constant currency basis) to $4.5 billion from $4.0 billion.",
            "EC101",
        ),
        # the direction word before the levels signs a change stated after them
        (
            "SG&A as a percentage of sales decreased to 18.2% from 19.6%, or 140 basis points.",
            "EC106",
        ),
    ],
)
def test_claims_once_missed_are_checked(text, rule):
    [finding] = [f for f in service.check_text(text).findings if f.rule == rule]
    assert finding.verdict is Verdict.CONSISTENT


def test_an_index_named_by_its_size_is_no_level():
    report = service.check_text("The S&P 500 gained 24% in 2023 after falling 19% in 2022.")
    assert report.candidates == 0
    assert [q.kind.name for q in report.figures][:1] == ["CODE"]


def test_a_rate_named_by_its_noun_is_a_level_and_a_basis_point_check_is_not_weak():
    """'margin of 18.2% was down 90 basis points from 19.1%': the rate after "of" is the new
    level (not a change); and a range 20 bp wide is a precise check of 90 bp, where the weak
    flag once compared it with 10% of 90."""
    [finding] = service.check_text(
        "Adjusted operating margin of 18.2% was down 90 basis points from 19.1% last year."
    ).findings
    assert (finding.rule, finding.verdict) == ("EC106", Verdict.CONSISTENT)
    assert not finding.weak


def test_a_percent_with_no_direction_word_takes_no_role():
    """'We own a 51% interest in the joint venture, which generated revenue of $125.4 million …,
    an increase of 9.2% from $114.8 million': the stake took the percent role, and the claim
    lost its new level to it."""
    text = (
        "We own a 51% interest in the joint venture, which generated revenue of $125.4 million "
        "in 2023, an increase of 9.2% from $114.8 million in 2022."
    )
    [finding] = service.check_text(text).findings
    assert (finding.rule, finding.verdict) == ("EC101", Verdict.CONSISTENT)


def test_a_hedged_multiple_names_its_hedge_once():
    [finding] = service.check_text(
        "Free cash flow more than doubled to $512 million from $240 million."
    ).findings
    assert "which fits “more than doubled” as hedged" in finding.explanation
