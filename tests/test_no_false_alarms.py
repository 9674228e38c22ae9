"""Sentences in newswire and annual-report style, written for these tests (not from the
development corpus): the consistent ones may never be flagged, the inconsistent ones (a stated
figure changed) always are. Each line of a fixture is one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

import service

FIXTURES = Path(__file__).parent / "fixtures"


def _lines(name: str) -> list[str]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


SENTENCES = _lines("consistent-newswire.txt")
WRONG = _lines("inconsistent-newswire.txt")


@pytest.mark.parametrize("sentence", SENTENCES, ids=[s[:40] for s in SENTENCES])
def test_consistent_sentence_is_not_flagged(sentence):
    flagged = [f.explanation for f in service.check_text(sentence).findings if f.flagged]
    assert flagged == []


def test_a_surplus_beside_its_flows_is_checked_not_read_as_a_base():
    """'… imports climbed 8.1% to $120.2bn, leaving a trade surplus of $30.1bn' once read the
    surplus as the base of the 8.1% rise."""
    sentence = next(s for s in SENTENCES if "surplus" in s)
    rules = [f.rule for f in service.check_text(sentence).findings]
    assert rules == ["EC801"]


@pytest.mark.parametrize("sentence", WRONG, ids=[s[:40] for s in WRONG])
def test_inconsistent_sentence_is_flagged(sentence):
    assert any(f.flagged for f in service.check_text(sentence).findings), sentence


def test_the_causes_of_a_change_are_not_its_levels():
    """'… increased $8.9 million, or 31%, primarily due to a $5.2 million increase in personnel
    costs' once read the cause as the new level ('due to' ends in the new-level cue 'to') and
    called the 31% wrong; the claim before the cause is still checked."""
    cause = next(s for s in SENTENCES if "personnel costs" in s)
    assert service.check_text(cause).findings == ()
    both = next(s for s in SENTENCES if "$12.0 million decrease in unit volume" in s)
    findings = service.check_text(both).findings
    assert [(f.rule, f.verdict.value) for f in findings] == [
        ("EC101", "consistent"),
        ("EC102", "consistent"),
    ]
    assert all("12.0" not in f.expression for f in findings)


def test_both_levels_of_a_loss_are_losses():
    """'Net loss … was $5.6 million, compared with a net loss of $7.8 million, an improvement of
    $2.2 million': only the second level has a loss cue, and reading the first as a gain made a
    rise of $13.4 million. In a claim about a loss both are losses, unless a level's own words
    name a gain."""
    loss = next(s for s in SENTENCES if "an improvement of $2.2 million" in s)
    [finding] = service.check_text(loss).findings
    assert (finding.rule, finding.verdict.value) == ("EC102", "consistent")
    assert "$5.6 million read as negative (the subject is a loss)" in finding.assumptions


def test_a_change_after_a_clause_separator_starts_its_own_claim():
    """'… operating loss decreased to EUR 1.5 mn from EUR 3.2 mn, while net sales increased by
    4.8 % to EUR 42.7 mn' once checked the 4.8 % against the loss's levels."""
    sentence = next(s for s in SENTENCES if "while net sales increased by 4.8 %" in s)
    findings = service.check_text(sentence).findings
    assert [(f.rule, f.verdict.value) for f in findings] == [("EC108", "consistent")]
