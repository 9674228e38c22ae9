"""The engine's pipeline over one document: text → figures → claims → verdicts → `Report`.

Pure: it takes the text and an `Engine` (the parsed lexicon, cue words and rules) and returns
values. Loading those files is the job of `service.loader`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from service.engine.arithmetic import ENGINE, computed_in
from service.engine.balances import balance_candidates
from service.engine.candidate import Candidate
from service.engine.claims import bind_sentence_frames, lone_amount_may_bind
from service.engine.compat import align_scales, mismatch
from service.engine.conversions import conversion_candidates
from service.engine.crosscheck import copied_percents
from service.engine.cues import Cues
from service.engine.findings import Finding
from service.engine.judge import evaluate_claim
from service.engine.linking import complete_partials, restatements
from service.engine.numbers import Lexicon, read_quantities
from service.engine.periods import period_candidates
from service.engine.policy import DEFAULT_POLICY, Policy
from service.engine.quantity import Quantity, is_amount
from service.engine.report import Report
from service.engine.rules import RuleSet
from service.engine.sentences import sentence_spans
from service.engine.shares import share_candidates
from service.engine.sums import sum_candidates
from service.engine.weekdays import dateline_candidates, weekday_candidates
from service.engine.windows import SentenceAmounts

# Durations ("first seven months") frame a claim; they are never its levels.
TIME_UNITS: Final = frozenset({"month", "year", "day", "week", "hour", "quarter"})


@dataclass(frozen=True, slots=True)
class Engine:
    """Everything the pipeline needs besides the text, loaded once and shared."""

    lexicon: Lexicon
    cues: Cues
    rules: RuleSet


def check_document(text: str, engine: Engine, policy: Policy = DEFAULT_POLICY) -> Report:
    """Every figure of `text`, its claims and their findings, computed in the engine's decimal
    context whatever the caller's."""
    return computed_in(ENGINE, lambda: _check(text, engine, policy))


def _check(text: str, engine: Engine, policy: Policy) -> Report:
    figures = tuple(read_quantities(text, engine.lexicon))
    candidates = list(_candidates(text, figures, engine.cues))
    findings: list[Finding] = []
    for candidate in candidates:
        findings.extend(judge_candidate(candidate, engine.rules, policy))
    findings = copied_percents(text, findings)
    return Report(text=text, figures=figures, findings=tuple(findings), candidates=len(candidates))


def _candidates(text: str, figures: tuple[Quantity, ...], cues: Cues) -> list[Candidate]:
    amounts = [
        q for q in figures if is_amount(q.kind) and not q.ambiguous and q.unit not in TIME_UNITS
    ]
    return (
        _change_candidates(text, amounts, cues)
        + conversion_candidates(text, amounts)
        + weekday_candidates(text, figures)
        + dateline_candidates(text, figures)
        + share_candidates(text, amounts)
        + period_candidates(text, figures)
    )


def _change_candidates(text: str, amounts: list[Quantity], cues: Cues) -> list[Candidate]:
    """Change claims per sentence, then headlines completed by the body and restatements."""
    if not amounts:
        return []  # most sentences of an archive: skip splitting them into sentences
    complete: list[tuple[Candidate, tuple[int, int]]] = []
    partials: list[tuple[Candidate, tuple[int, int]]] = []
    sums: list[Candidate] = []
    index = 0
    for start, end in sentence_spans(text):
        sentence: list[Quantity] = []
        while index < len(amounts) and amounts[index].start < end:
            if amounts[index].start >= start:
                sentence.append(amounts[index])
            index += 1
        if not sentence or not _may_bind(text, start, sentence, cues):
            continue
        # Built once: the three passes below read the same windows and word lists.
        shared = SentenceAmounts.build(text, (start, end), sentence)
        sums.extend(sum_candidates(shared, cues))
        sums.extend(balance_candidates(shared, cues))
        checkable, partial = bind_sentence_frames(shared, cues)
        complete.extend((candidate, (start, end)) for candidate in checkable)
        partials.extend((candidate, (start, end)) for candidate in partial)
    linked = complete_partials(text, partials, complete)
    restated = restatements(text, complete, linked)
    return [c for c, _ in complete] + [merged for merged, _, _ in linked] + restated + sums


def _may_bind(text: str, start: int, sentence: list[Quantity], cues: Cues) -> bool:
    """False for a sentence that can give no candidate: one amount gives no sum (which needs a
    total and a part) nor balance (two flows and a balance), and a change claim only with a
    multiple or direction word (`lone_amount_may_bind`). Most sentences with figures have one."""
    if len(sentence) > 1:
        return True
    return lone_amount_may_bind(text[start : sentence[0].start], cues)


def judge_candidate(candidate: Candidate, rules: RuleSet, policy: Policy) -> list[Finding]:
    """Every finding of the rules of the candidate's binder that its figures satisfy."""
    candidate = align_scales(candidate)
    findings = []
    for rule in rules.applicable(candidate.binder, candidate.roles):
        if mismatch(rule, candidate):
            continue
        finding = evaluate_claim(rule, candidate, policy)
        if rule.only_flagged and not finding.flagged:
            continue
        if candidate.related:
            finding = replace(finding, related=candidate.related)
        findings.append(finding)
    return findings
