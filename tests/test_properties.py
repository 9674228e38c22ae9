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
