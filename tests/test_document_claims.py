"""Claims that need the whole document, and the other relations of the engine's second issue."""

from __future__ import annotations

from pathlib import Path

import service
from service import Verdict

SEED = (Path(__file__).parent / "fixtures" / "seed-articles.txt").read_text(encoding="utf-8")


def _findings(text: str, rule: str):
    return [f for f in service.check_text(text).findings if f.rule == rule]


def test_seed_headline_is_completed_by_the_body_and_consistent():
    """The headline's "nearly 20 percent to $2.61 billion" (twice in the seed) takes its base
    from the body and is consistent."""
    report = service.check_text(SEED)
    headline = [
        f
        for f in report.findings
        if f.rule == "EC101" and any(u.quantity.approximator == "nearly" for u in f.figures)
    ]
    assert len(headline) == 2, "the headline's 'nearly 20 percent' was not linked to the body"
    assert all(f.verdict is Verdict.CONSISTENT for f in headline)
    assert all(f.related for f in headline)
    assert any("taken from" in a for f in headline for a in f.assumptions)


def test_seed_bullet_direction_is_completed_by_the_body():
    report = service.check_text(SEED)
    bullet = [f for f in report.findings if f.rule == "EC108"]
    assert [f.verdict for f in bullet] == [Verdict.CONSISTENT]


def test_seed_distance_conversion_is_consistent():
    (finding,) = _findings(SEED, "EC201")
    assert finding.verdict is Verdict.CONSISTENT


def test_same_change_stated_differently_is_its_own_finding():
    text = (
        "Exports rise 21 percent to $2.61 billion in seven months.\n\n"
        "Exports rose 19.78 percent to $2.61 billion from $2.18 billion, the ministry said."
    )
    (restated,) = _findings(text, "EC502")
    assert restated.verdict is Verdict.INCONSISTENT
    assert "19.78 percent" in restated.explanation
    assert restated.related


def test_component_given_the_totals_percent_is_diagnosed_as_copied():
    text = (
        "IT exports rose 4.45 percent to $892.97 million from $854.93 million in four months.\n\n"
        "Telecom exports increased by 4.45 percent from $165.45 million to $170.770 million."
    )
    failed = [f for f in _findings(text, "EC101") if f.flagged]
    assert [f.diagnosis for f in failed] == ["copied_percent"]
    assert "892.97" in failed[0].explanation


def test_sum_of_parts_pins_down_the_transposed_digit():
    text = (
        "Telecom exports were $170.770 million, of which call centres earned $75.800 million "
        "and other services $94.790 million."
    )
    (finding,) = _findings(text, "EC601")
    assert finding.verdict is Verdict.INCONSISTENT
    assert finding.diagnosis == "transposed_digits"
    assert "94.970" in (finding.diagnosis_text or "")


def test_chained_aggregates_are_not_checked_as_sums():
    text = "Real GDP in chained dollars was $22.2 trillion, of which consumption $15.1 trillion and investment $3.9 trillion."
    (finding,) = _findings(text, "EC601")
    assert finding.verdict is Verdict.UNVERIFIABLE


def test_dropped_digit_level_is_named():
    text = "Exports were US $20mn at a growth rate of 12.29pc when compared to US $179mn."
    (finding,) = _findings(text, "EC101")
    assert finding.diagnosis == "dropped_digit"
    assert "201" in (finding.diagnosis_text or "")


def test_weekday_beside_a_date():
    assert (
        _findings("On Sunday, October 12, 2025, the army said.", "EC401")[0].verdict
        is Verdict.CONSISTENT
    )
    assert (
        _findings("On Monday, October 12, 2025, the army said.", "EC401")[0].verdict
        is Verdict.INCONSISTENT
    )


def test_more_than_doubled_is_a_lower_bound():
    assert (
        _findings("Profit more than doubled to $5.1 million from $2.4 million.", "EC110")[0].verdict
        is Verdict.CONSISTENT
    )
    assert _findings("Profit more than doubled to $4.1 million from $2.4 million.", "EC110")[
        0
    ].flagged


def test_about_widens_a_conversion():
    (finding,) = _findings("The road runs about 40 km (25 miles) to the border.", "EC201")
    assert finding.verdict is Verdict.CONSISTENT


def test_seed_fiscal_period_matches_the_month_span():
    report = service.check_text(SEED)
    periods = [f for f in report.findings if f.kind == "fiscal_period"]
    assert {f.rule for f in periods} == {"EC701", "EC702"}
    assert all(f.verdict is Verdict.CONSISTENT for f in periods)


def test_seed_dateline_weekday_is_consistent():
    report = service.check_text(SEED)
    datelines = [f for f in report.findings if f.rule == "EC402"]
    assert datelines and all(f.verdict is Verdict.CONSISTENT for f in datelines)


def test_seed_has_no_unverifiable_or_flagged_claims():
    report = service.check_text(SEED)
    assert {f.verdict for f in report.findings} == {Verdict.CONSISTENT}


def test_n_times_and_n_fold_are_ratios_not_changes():
    """'rose 3.5 times' states new/old = 3.5; the 3.5 is never an absolute change."""
    text = "Exports rose 3.5 times to $7.02 million from $2.01 million."
    findings = service.check_text(text).findings
    assert [(f.rule, f.verdict) for f in findings] == [("EC110", Verdict.CONSISTENT)]
    wrong = "Exports rose 5 times to $7.02 million from $2.01 million."
    assert [f.flagged for f in _findings(wrong, "EC110")] == [True]
    assert _findings("Exports rose 2.5-fold to $5.03 million from $2.01 million.", "EC110")


def test_n_times_more_is_read_both_ways_and_says_so():
    usage = _findings("Profit was three times higher at $9.0 million than $3.0 million.", "EC110")
    literal = _findings(
        "Profit was three times higher at $12.0 million than $3.0 million.", "EC110"
    )
    neither = _findings(
        "Profit was three times higher at $15.0 million than $3.0 million.", "EC110"
    )
    assert [f.verdict for f in usage + literal] == [Verdict.CONSISTENT, Verdict.CONSISTENT]
    assert any("ambiguous" in a for a in usage[0].assumptions)
    assert neither[0].flagged
