"""Claims across a document: a headline completed by the body, one change stated two ways.

News puts the change in the headline ("rise nearly 20 percent to $2.61 billion") and the base in
the body ("… compared to $2.18 billion"). A partial claim (one level and a change or direction
word) is completed by a complete claim elsewhere in the document that names the same level;
the explanation says which sentences were combined. When two statements give the same change
(same levels) with different percents, the pair becomes its own finding (`restatement`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from service.engine.candidate import CHANGE_ROLES, Candidate
from service.engine.quantity import Quantity

LEVELS: Final = ("old", "new")
MAX_RESTATED: Final = 8  # a change is restated a few times in an article; bound the pairs per claim


def same_figure(a: Quantity, b: Quantity) -> bool:
    """The same amount written twice: equal value, compatible currency and unit."""
    return (
        a.value == b.value
        and (a.currency is None or b.currency is None or a.currency == b.currency)
        and a.unit == b.unit
    )


def _quote(text: str, sentence: tuple[int, int], limit: int = 90) -> str:
    body = " ".join(text[sentence[0] : sentence[1]].split()).strip("“”\"'‘’ ")
    return f"“{body[: limit - 1]}…”" if len(body) > limit else f"“{body}”"


def complete_partials(
    text: str,
    partials: list[tuple[Candidate, tuple[int, int]]],
    complete: list[tuple[Candidate, tuple[int, int]]],
) -> list[tuple[Candidate, Candidate, tuple[int, int]]]:
    """Each partial claim completed by the first complete claim sharing its level, as
    (merged claim, the claim that completed it, that claim's sentence)."""
    if not partials:
        return []  # most documents: skips hashing the levels (Decimal hashes are dear)
    by_level: dict[tuple[str, Decimal], list[tuple[Candidate, tuple[int, int]]]] = {}
    for claim, claim_sentence in complete:
        if all(role in claim.roles for role in LEVELS):
            for role in LEVELS:
                key = (role, claim.roles[role].value)
                by_level.setdefault(key, []).append((claim, claim_sentence))
    linked = []
    for partial, sentence in partials:
        role = next(r for r in LEVELS if r in partial.roles)
        other = "old" if role == "new" else "new"
        for claim, claim_sentence in by_level.get((role, partial.roles[role].value), []):
            if claim_sentence != sentence and same_figure(claim.roles[role], partial.roles[role]):
                merged = _merge(text, partial, claim, other, claim_sentence)
                linked.append((merged, claim, claim_sentence))
                break
    return linked


def _merge(
    text: str, partial: Candidate, claim: Candidate, other: str, claim_sentence: tuple[int, int]
) -> Candidate:
    roles = dict(partial.roles)
    roles[other] = claim.roles[other]
    if not partial.has_change and partial.direction_word is not None:
        roles["direction"] = partial.direction_word
    merged = Candidate(
        roles=roles,
        direction=partial.direction or claim.direction,
        assumptions=[
            *partial.assumptions,
            f"{claim.roles[other].text} taken from {_quote(text, claim_sentence)}",
        ],
        anchor=(partial.start, partial.end),
        related=((claim.start, claim.end),),
    )
    return merged


def restatements(
    text: str,
    complete: list[tuple[Candidate, tuple[int, int]]],
    linked: list[tuple[Candidate, Candidate, tuple[int, int]]],
) -> list[Candidate]:
    """Pairs of claims on the same two levels whose change figures are worded differently:
    two complete claims in different sentences, and each completed headline with its source."""
    if len(complete) < 2 and not linked:
        return []  # no pair to compare: skips hashing the levels
    groups: dict[tuple[Decimal, Decimal], list[tuple[Candidate, tuple[int, int]]]] = {}
    for claim, sentence in complete:
        if all(role in claim.roles for role in LEVELS):
            key = (claim.roles["old"].value, claim.roles["new"].value)
            groups.setdefault(key, []).append((claim, sentence))
    pairs = [
        (first, second, first_sentence)
        for group in groups.values()
        for index, (first, first_sentence) in enumerate(group)
        for second, second_sentence in group[index + 1 : index + 1 + MAX_RESTATED]
        if first_sentence != second_sentence and _same_levels(first, second)
    ]
    pairs += [(source, merged, sentence) for merged, source, sentence in linked]
    return [
        candidate
        for first, second, sentence in pairs
        for candidate in _differences(text, first, second, sentence)
    ]


def _differences(
    text: str, first: Candidate, second: Candidate, first_sentence: tuple[int, int]
) -> list[Candidate]:
    found = []
    for role in CHANGE_ROLES:
        a, b = first.roles.get(role), second.roles.get(role)
        if a is None or b is None or a.text == b.text:
            continue
        found.append(
            Candidate(
                binder="restatement",
                roles={"first": a, "second": b},
                direction=second.direction,
                assumptions=[f"the same change is stated in {_quote(text, first_sentence)}"],
                anchor=(b.start, b.end),
                related=((a.start, a.end),),
            )
        )
    return found


def _same_levels(a: Candidate, b: Candidate) -> bool:
    return all(
        r in a.roles and r in b.roles and same_figure(a.roles[r], b.roles[r]) for r in LEVELS
    )
