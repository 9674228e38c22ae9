"""Consistent sentences in newswire and annual-report style, written for these tests (not from
the development corpus): none may be flagged. Each line of the fixture is one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

import service

SENTENCES = [
    line
    for line in (Path(__file__).parent / "fixtures" / "consistent-newswire.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]


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
