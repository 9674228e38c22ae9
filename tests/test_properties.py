"""Property tests: rounding never causes a false alarm, and real errors are caught."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import service
from tests.strategies import change_figures, consistent_sentences

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(consistent_sentences())
def test_correctly_rounded_consistent_sentence_is_never_flagged(sentence):
    """A sentence rendered from consistent figures, correctly rounded, is never flagged."""
    report = service.check_text(sentence)
    assert report.findings, f"no claim recognised in {sentence!r}"
    assert not [f.explanation for f in report.findings if f.flagged], sentence


@FAST
@given(change_figures(), st.integers(1, 40))
def test_percent_moved_beyond_tolerance_is_flagged(figures, tenths):
    """A percent moved outside the rounding range by more than the noise floor is flagged."""
    sentence = f"Exports rose {{p}} percent to ${figures.new} million from ${figures.old} million."
    baseline = service.check_text(sentence.format(p="0")).findings
    assert baseline
    computed_high = baseline[0].computed_high
    computed_low = baseline[0].computed_low
    assert computed_high is not None and computed_low is not None
    if not figures.rising:
        sentence = sentence.replace("rose", "fell")
        edge = -computed_low
    else:
        edge = computed_high
    # Past the range, past truncation (one step of 0.01) and past the 0.1 pp floor.
    moved = (edge + Decimal("0.25") + Decimal(tenths) / 10).quantize(Decimal("0.01"))
    finding = service.check_text(sentence.format(p=moved)).findings[0]
    assert finding.flagged, finding.explanation


FORMS = ["${v}bn", "$ {v} billion", "US${v} bln", "{v} billion dollars", "USD{v} billion"]


@FAST
@given(change_figures(), st.sampled_from(FORMS), st.sampled_from(FORMS))
def test_change_of_form_that_keeps_precision_never_changes_a_verdict(figures, form_a, form_b):
    """'$2.61bn' / '$ 2.61 billion' / 'US$2.61 bln' / '2.61 billion dollars' read alike."""
    verb = "rose" if figures.rising else "fell"

    def verdicts(form: str) -> list[str]:
        text = (
            f"Exports {verb} {figures.percent} percent to {form.format(v=figures.new)} "
            f"from {form.format(v=figures.old)}."
        )
        return [f.verdict.value for f in service.check_text(text).findings]

    assert verdicts(form_a) == verdicts(form_b)


@FAST
@given(st.integers(100, 9_999), st.integers(1, 3))
def test_correctly_rounded_distance_conversion_is_never_flagged(kilometres, places):
    """A distance and its conversion to miles, rounded as writers do, are consistent."""
    miles = (Decimal(kilometres) / Decimal("1.609344")).quantize(Decimal(1))
    text = f"The road runs {kilometres:,} km ({miles:,} miles)."
    (finding,) = [f for f in service.check_text(text).findings if f.rule == "EC201"]
    assert not finding.flagged, finding.explanation


@FAST
@given(st.integers(100, 9_999), st.integers(7, 30))
def test_conversion_off_by_more_than_its_rounding_is_flagged(kilometres, percent_off):
    """Miles moved beyond the exact conversion by more than the 5 % rounding allowance are
    flagged."""
    exact = Decimal(kilometres) / Decimal("1.609344")
    miles = (exact * (1 + Decimal(percent_off) / 100)).quantize(Decimal(1))
    text = f"The road runs {kilometres:,} km ({miles:,} miles)."
    findings = [f for f in service.check_text(text).findings if f.rule == "EC201"]
    assert findings and findings[0].flagged, text


@FAST
@given(st.integers(1, 999), st.integers(2, 999))
def test_correctly_rounded_share_is_never_flagged(part, extra):
    """'$P million, or S% of $W million' with S rounded from P/W is consistent."""
    whole = part + extra
    share = (Decimal(part) / Decimal(whole) * 100).quantize(Decimal("0.1"))
    text = f"Exports were ${part} million, or {share}% of the total ${whole} million."
    (finding,) = [f for f in service.check_text(text).findings if f.rule == "EC301"]
    assert not finding.flagged, finding.explanation


@FAST
@given(st.integers(10, 999), st.integers(0, 9))
def test_doubling_within_five_percent_is_consistent_and_beyond_is_flagged(old, tenth):
    """'doubled' accepts a ratio within ±5 % of 2; a ratio of 2.3 or more is flagged."""
    new_ok = Decimal(old) * (Decimal("1.96") + Decimal(tenth) / 125)
    new_bad = Decimal(old) * (Decimal("2.3") + Decimal(tenth) / 10)
    for new, flagged in ((new_ok, False), (new_bad, True)):
        text = f"Profit doubled to ${new.quantize(Decimal('0.1'))} million from ${old}.0 million."
        (finding,) = [f for f in service.check_text(text).findings if f.rule == "EC110"]
        assert finding.flagged is flagged, finding.explanation


@FAST
@given(st.lists(st.integers(1, 99_999), min_size=2, max_size=5))
def test_parts_that_add_up_are_never_flagged(parts):
    """A total and parts written to the same precision, where the parts add up, are consistent."""
    values = [Decimal(p) / 10 for p in parts]
    listed = ", ".join(f"${v} million" for v in values[:-1]) + f" and ${values[-1]} million"
    text = f"Exports were ${sum(values)} million, of which {listed}."
    (finding,) = [f for f in service.check_text(text).findings if f.rule == "EC601"]
    assert not finding.flagged, finding.explanation
