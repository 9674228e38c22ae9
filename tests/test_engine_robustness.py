"""The whole engine on hostile input: a result or a clear error, never a crash, hang or blow-up."""

from __future__ import annotations

from pathlib import Path

import pytest

import service
from service.engine.verdict import Verdict
from tests.timing import best_time

SEED = (Path(__file__).parent / "fixtures" / "seed-articles.txt").read_text(encoding="utf-8")

HOSTILE = {
    "empty": "",
    "binary-junk": bytes(range(256)).decode("latin-1") * 40,
    "undecodable-bytes-replaced": b"\xff\xfe rose 5% to $3m from \xc3$2m".decode(
        "utf-8", "replace"
    ),
    "ten-thousand-digits": "Exports rose " + "9" * 10_000 + " percent to $5m from $4m.",
    "huge-exponent": "Exports rose 1e999999 percent to $1e999999 billion from $2 billion.",
    "digits-and-commas": ("1,234," * 17_000)[:100_000],
    "only-percent-signs": "rose " + "%" * 50_000,
    "claims-without-levels": "Exports rose 5% and fell 3% and rose 2%. " * 200,
    "zero-base": "Exports rose 12% to $5 million from $0 million.",
    "negative-base": "Profit rose 12% to $5 million from a loss of $2 million.",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_gives_a_report(text):
    report = service.check_text(text)
    assert isinstance(report.summary(), dict)
    for finding in report.findings:
        assert finding.verdict in Verdict
        assert finding.explanation


def test_zero_base_is_unverifiable_not_a_crash():
    (finding,) = [f for f in service.check_text(HOSTILE["zero-base"]).findings if f.rule == "EC101"]
    assert finding.verdict is Verdict.UNVERIFIABLE
    assert "zero" in finding.explanation


def test_ten_megabytes_of_news_is_checked():
    text = SEED * (10_000_000 // len(SEED) + 1)
    report = service.check_text(text)
    assert len(report.findings) > 1000


def test_time_grows_linearly_with_text_length():
    """The best of several runs on 4n characters stays under 8x the best on n."""
    small = SEED * 8
    large = small * 4
    assert best_time(lambda: service.check_text(large), 5) < 8 * best_time(
        lambda: service.check_text(small), 5
    )


def test_the_callers_decimal_context_changes_nothing():
    """The engine computes in contexts of its own: a caller at 5 digits that traps inexact
    results gets the same report as one with Python's default context, and keeps its context."""
    from decimal import Inexact, localcontext

    text = "Exports rose 19.78 percent to $2.61 billion from $2.18 billion. Sales fell 9% to 4.1m."
    expected = service.check_text(text)
    with localcontext() as context:
        context.prec = 5
        context.traps[Inexact] = True
        found = service.check_text(text)
        assert context.prec == 5
        structured = service.check_claim({"old": "2.18", "new": "2.61", "percent": "19.78"})
    assert found.findings == expected.findings
    assert structured.findings[0].computed_low == expected.findings[0].computed_low
