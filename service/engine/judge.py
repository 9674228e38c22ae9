"""Evaluates one rule on one bound claim and decides the verdict (DOMAIN §B.5).

The stated figure becomes an interval (its rounding, widened by an approximator, signed by the
direction word); the relation is evaluated over the intervals of the other figures; the verdict
follows the tiers: overlap is consistent; a fall of more than 100 % of a non-negative quantity is
impossible; a fit reached only by reading the stated figure as truncated, or a gap within the
noise floor, is a minor discrepancy; anything else is inconsistent, with a diagnosis when a
known mistake explains it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Final

from service.engine.arithmetic import RELATIONS, computed_in
from service.engine.candidate import AMOUNT_ROLES, Candidate
from service.engine.corners import evaluate_corners, point_value
from service.engine.diagnose import Diagnosis, diagnose
from service.engine.errors import IntervalError
from service.engine.explain import CHANGE_KINDS, MONTH_NAMES, WEEKDAY_NAMES, explain
from service.engine.expression import Node, render
from service.engine.findings import FigureUse, Finding
from service.engine.interval import INF, ZERO, Interval
from service.engine.numfmt import plain, short
from service.engine.policy import Policy
from service.engine.quantity import Hedge, Kind, Quantity
from service.engine.rules import Rule
from service.engine.verdict import Verdict

HUNDRED: Final = Decimal(100)
# Halving by multiplication: as exact as a division by two, at half its cost.
_HALF: Final = Decimal("0.5")


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Everything the verdict, the diagnosis and the explanation are computed from."""

    rule: Rule
    candidate: Candidate
    policy: Policy
    env: dict[str, Interval]
    strict_env: dict[str, Interval]  # figures as written, for diagnoses
    stated: Interval
    sign: int
    assumptions: tuple[str, ...]

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python (a sixth of a check was spent in them).
    # tests/test_engine_classes.py keeps it in step with the fields.
    def __init__(
        self,
        rule: Rule,
        candidate: Candidate,
        policy: Policy,
        env: dict[str, Interval],
        strict_env: dict[str, Interval],
        stated: Interval,
        sign: int,
        assumptions: tuple[str, ...],
    ) -> None:
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "candidate", candidate)
        object.__setattr__(self, "policy", policy)
        object.__setattr__(self, "env", env)
        object.__setattr__(self, "strict_env", strict_env)
        object.__setattr__(self, "stated", stated)
        object.__setattr__(self, "sign", sign)
        object.__setattr__(self, "assumptions", assumptions)

    @property
    def target(self) -> Quantity:
        return self.candidate.roles[self.rule.target]


def hedged_interval(
    quantity: Quantity,
    policy: Policy,
    magnitude: bool = False,
    as_input: bool = False,
    any_size: bool = False,
) -> Interval:
    """The interval a figure stands for: its rounding, widened or opened by its hedge word."""
    value = abs(quantity.value) if magnitude else quantity.value
    half = quantity.rounding_step(strict_zeros=policy.strict_zeros, any_size=any_size) * _HALF
    if any_size:  # a converted figure rounded coarsely, but never by more than a few percent
        literal = quantity.rounding_step(strict_zeros=True) * _HALF
        half = max(literal, min(half, abs(quantity.value) * policy.conversion_relative))
    if quantity.kind is Kind.MULTIPLE and quantity.hedge is None:
        half = abs(value) * policy.multiple  # "doubled" is an approximate word
    low, high = value - half, value + half
    hedge = quantity.hedge
    if hedge is None:  # most figures: their rounding alone, never an empty interval
        return Interval(low, high)
    if hedge is Hedge.ABOUT:
        share = policy.about_input if as_input else policy.about
        tolerance = max(half, abs(value) * share)
        low, high = value - tolerance, value + tolerance
    elif hedge is Hedge.NEARLY:
        low = value - abs(value) * policy.nearly
    elif hedge in (Hedge.OVER, Hedge.AT_LEAST):
        high = INF
    elif hedge is Hedge.EITHER:
        low = value - abs(value) * policy.multiple
        high = (value + 1) * (1 + policy.multiple)
    elif hedge in (Hedge.UNDER, Hedge.AT_MOST):
        low = ZERO if magnitude else -INF
    return Interval(min(low, high), high)


def shared_precision(candidate: Candidate, policy: Policy) -> Candidate:
    """Read round integers at the precision their companions show (DOMAIN §B.1, lenient mode).

    "$15,555,000 … from $15,770,000": the first figure shows the writer rounds to thousands, so
    the second is read to thousands too, not to tens of thousands.
    """
    if policy.strict_zeros:
        return candidate
    # in the candidate's own order: of equal steps written differently, min keeps the first
    amounts = [role for role in candidate.roles if role in AMOUNT_ROLES]
    if not any(candidate.roles[role].is_coarse_integer for role in amounts):
        return candidate
    finest = min(candidate.roles[role].rounding_step() for role in amounts)
    roles = dict(candidate.roles)
    changed = False
    for role in amounts:
        quantity = roles[role]
        if quantity.lenient_step is not None:
            narrowed = max(quantity.step, min(quantity.lenient_step, finest))
            if narrowed != quantity.lenient_step:  # a copy costs more than the comparison
                roles[role] = quantity.with_changes(lenient_step=narrowed)
                changed = True
    return _with_roles(candidate, roles) if changed else candidate


def _with_roles(candidate: Candidate, roles: dict[str, Quantity]) -> Candidate:
    """A copy of the candidate with other figures: `dataclasses.replace`, without its generic
    (Python-level) work."""
    return Candidate(
        roles,
        candidate.levels,
        candidate.bases,
        candidate.direction,
        candidate.subject_is_loss,
        candidate.multiple,
        candidate.direction_word,
        candidate.anchor,
        candidate.unverifiable,
        candidate.binder,
        candidate.related,
        candidate.assumptions,
    )


def _sign(candidate: Candidate, target: Quantity, computed: Interval) -> tuple[int, str | None]:
    """The sign of the stated change: written, from the direction word, or assumed."""
    if target.value < ZERO:
        return -1, None
    if candidate.direction == "down":
        return -1, None
    if candidate.direction == "up":
        return 1, None
    if computed.high < ZERO:
        return -1, "no direction word; the change was taken as a fall, as the levels show"
    return 1, "no direction word; the change was taken as a rise" if computed.low < ZERO else None


def _value_sign(quantity: Quantity) -> int:
    return -1 if quantity.value < ZERO else 1


def _signed(interval: Interval, sign: int) -> Interval:
    return interval if sign > 0 else -interval


def evaluate_claim(rule: Rule, candidate: Candidate, policy: Policy) -> Finding:
    target = candidate.roles[rule.target]
    inputs = rule.inputs
    if candidate.unverifiable:
        return _unverifiable(
            rule, candidate, {}, candidate.unverifiable, tuple(candidate.assumptions)
        )
    # Conversions start from the figure as written: its trailing zeros are taken as exact.
    input_policy = _strict(policy) if rule.binder == "conversion" else policy
    candidate = shared_precision(candidate, policy)
    env = {
        role: hedged_interval(candidate.roles[role], input_policy, as_input=True) for role in inputs
    }
    points = {role: candidate.roles[role].value for role in inputs}
    points[rule.target] = target.value
    negated: list[str] = []
    for role in ("change", "points"):
        # A change used as an input ("decreased $12.3m, or 4.1%, to $287.6m") is a magnitude:
        # the direction word gives its sign, as it does for a stated change, in the range and
        # in the point value alike.
        if role in env and candidate.direction == "down" and candidate.roles[role].value > ZERO:
            env[role] = -env[role]
            points[role] = -points[role]
            negated.append(role)
    assumptions = list(candidate.assumptions)
    for role in inputs:
        quantity = candidate.roles[role]
        if quantity.is_coarse_integer and not input_policy.strict_zeros:
            assumptions.append(
                f"{quantity.text} read as rounded to {short_step(quantity, policy)}"
                " (trailing zeros)"
            )
    self_referent = rule.self_referent
    if self_referent:  # e.g. GRIM: the stated share itself picks the whole number to test
        env[rule.target] = hedged_interval(target, policy, magnitude=True)
    try:
        _require_positive(rule, candidate, env)
        computed, point = _range_and_point(rule.relation.expression, env, points)
    except IntervalError as exc:
        return _unverifiable(rule, candidate, env, f"not checkable: {exc}", tuple(assumptions))
    # Only a change is written as a magnitude with a direction word; other figures carry their sign.
    is_change = rule.kind in CHANGE_KINDS and not self_referent
    sign, assumed = _sign(candidate, target, computed) if is_change else (_value_sign(target), None)
    if assumed:
        assumptions.append(assumed)
    converted = rule.binder == "conversion"  # the writer rounds a converted figure coarsely
    stated = _signed(hedged_interval(target, policy, magnitude=True, any_size=converted), sign)
    strict_env = env
    if not stated.overlaps(computed):  # diagnoses read the figures exactly as written
        strict = _strict(policy)
        strict_env = {
            role: hedged_interval(candidate.roles[role], strict, as_input=True) for role in inputs
        }
        if self_referent:
            strict_env[rule.target] = env[rule.target]
    evaluation = Evaluation(
        rule, candidate, policy, env, strict_env, stated, sign, tuple(assumptions)
    )
    verdict, diagnosis = _verdict(evaluation, computed)
    if verdict.flagged and rule.on_mismatch == "unverifiable":
        verdict, diagnosis = Verdict.UNVERIFIABLE, Diagnosis("mismatch", rule.mismatch_says)
    gap = stated.gap(computed)
    return Finding(
        rule=rule.code,
        name=rule.name,
        kind=rule.kind,
        verdict=verdict,
        start=candidate.start,
        end=candidate.end,
        figures=_uses(rule, candidate, env, stated),
        expression=_expression(rule, candidate, point, negated),
        computed_low=computed.low,
        computed_high=computed.high,
        computed_point=point,
        stated_low=stated.low,
        stated_high=stated.high,
        gap=gap,
        weak=_is_weak(rule, computed, point, policy),
        assumptions=evaluation.assumptions,
        diagnosis=diagnosis.name if diagnosis else None,
        diagnosis_text=diagnosis.says if diagnosis else None,
        explanation=explain(evaluation, verdict, computed, point, gap, diagnosis),
    )


# policy -> its strict copy, by identity: a policy is a frozen value, `dataclasses.replace`
# costs as much as a fifth of a claim's arithmetic, and hashing one (for lru_cache) is
# Python-level work on all its fields. Few policies exist in a process.
_STRICT: Final[dict[int, tuple[Policy, Policy]]] = {}


def _strict(policy: Policy) -> Policy:
    """The policy with trailing zeros read as exact."""
    if policy.strict_zeros:
        return policy
    known = _STRICT.get(id(policy))
    if known is None or known[0] is not policy:
        known = _STRICT[id(policy)] = (policy, replace(policy, strict_zeros=True))
    return known[1]


def _range_and_point(
    node: Node, env: dict[str, Interval], points: dict[str, Decimal]
) -> tuple[Interval, Decimal]:
    """The relation's range over the figures' intervals and its value at the figures, both in
    `RELATIONS`, entered once for the two (each entry costs about 1,300 instructions)."""
    return computed_in(RELATIONS, lambda: (evaluate_corners(node, env), point_value(node, points)))


def _require_positive(rule: Rule, candidate: Candidate, env: dict[str, Interval]) -> None:
    """A percent change from zero is undefined, and from a negative level misleading (§A.18)."""
    for role in rule.nonnegative:
        if role not in env or env[role].low >= ZERO:
            continue
        text = candidate.roles[role].text
        if env[role].contains_zero():
            raise IntervalError(f"the {role} level {text} is zero or rounds to zero")
        raise IntervalError(f"the {role} level {text} is negative; the quantity changed sign")


def short_step(quantity: Quantity, policy: Policy) -> str:
    return plain(quantity.rounding_step(strict_zeros=policy.strict_zeros))


def _verdict(evaluation: Evaluation, computed: Interval) -> tuple[Verdict, Diagnosis | None]:
    stated, rule, policy = evaluation.stated, evaluation.rule, evaluation.policy
    target = evaluation.target
    if rule.kind == "percent_change" and stated.high < -HUNDRED:
        return Verdict.IMPOSSIBLE, diagnose(evaluation, computed)
    if rule.kind == "share" and stated.low > HUNDRED:
        return Verdict.IMPOSSIBLE, Diagnosis("share_over_100", "a part cannot exceed its whole")
    if stated.overlaps(computed):
        return Verdict.CONSISTENT, None
    if rule.kind == "sum_of_parts" and "rest" in rule.roles:
        return Verdict.IMPOSSIBLE, Diagnosis("parts_exceed_total", "the parts exceed the total")
    if evaluation.candidate.direction and (-stated).overlaps(computed):
        return Verdict.INCONSISTENT, Diagnosis(
            "wrong_direction", "the size fits but the direction word says the opposite"
        )
    if target.hedge is None and target.kind is not Kind.MULTIPLE:
        if policy.truncation and _truncated(evaluation).overlaps(computed):
            return Verdict.MINOR_DISCREPANCY, Diagnosis(
                "truncation",
                f"{target.text} fits if it was truncated rather than rounded",
            )
        if stated.gap(computed) <= _noise_floor(rule, target, policy):
            return Verdict.MINOR_DISCREPANCY, Diagnosis(
                "noise_floor", "the gap is within the noise floor of published statistics"
            )
    return Verdict.INCONSISTENT, diagnose(evaluation, computed)


def _truncated(evaluation: Evaluation) -> Interval:
    """The stated figure read as truncated: [x − u/2, x + u] in magnitude (DOMAIN §B.5 tier 2)."""
    target, policy = evaluation.target, evaluation.policy
    step = target.rounding_step(strict_zeros=policy.strict_zeros)
    magnitude = abs(target.value)
    return _signed(Interval(magnitude - step * _HALF, magnitude + step), evaluation.sign)


def _noise_floor(rule: Rule, target: Quantity, policy: Policy) -> Decimal:
    """Tier 3 of DOMAIN §B.5: 0.1 point for rates; for levels 0.5 % of the figure, but never
    more than a few units of its last digit, since a figure written to three decimals claims
    that precision ($170.770m against parts adding to $170.590m is no rounding artefact)."""
    if rule.target_scale == "points":
        return policy.minor_points
    relative = abs(target.value) * policy.minor_relative
    return min(relative, target.rounding_step(strict_zeros=True) * policy.minor_steps)


def _is_weak(rule: Rule, computed: Interval, point: Decimal, policy: Policy) -> bool:
    if rule.target_scale == "points":
        return computed.width > policy.weak_points
    if rule.target == "bps":  # a change in basis points is a change in points, ×100
        return computed.width > policy.weak_points * 100
    return computed.width > abs(point) * policy.weak_relative


def _uses(
    rule: Rule, candidate: Candidate, env: dict[str, Interval], stated: Interval
) -> tuple[FigureUse, ...]:
    uses: list[FigureUse] = []
    for role in rule.roles:
        quantity = candidate.roles[role]
        interval = env.get(role, stated)
        value = quantity.value if role in env else (stated.low + stated.high) * _HALF
        if role not in env and not (interval.low.is_finite() and interval.high.is_finite()):
            value = quantity.value
        # in text order, ties in the rule's order: each figure goes in after those that start
        # no later (a rule has a few figures; sorting pairs of them cost more)
        at = len(uses)
        while at and uses[at - 1].quantity.start > quantity.start:
            at -= 1
        uses.insert(at, FigureUse(role, quantity, interval.low, interval.high, value))
    return tuple(uses)


def _expression(
    rule: Rule, candidate: Candidate, point: Decimal, negated: list[str] | None = None
) -> str:
    names = _figure_names(rule, candidate)
    for role in negated or ():  # a fall written as a magnitude enters the relation negative
        names[role] = f"(−{names[role]})"
    result = plain(point, 2)
    if rule.display == "direction":
        result = {1: "+1 (up)", -1: "−1 (down)"}.get(int(point), plain(point))
    if rule.display == "month":
        result = f"{plain(point)} ({MONTH_NAMES[int(point) - 1]})" if 1 <= point <= 12 else result
    if rule.display == "weekday":
        result = f"{plain(point)} ({WEEKDAY_NAMES[int(point) - 1]})"
    return f"{render(rule.relation.expression, names)} = {result}"


def _figure_names(rule: Rule, candidate: Candidate) -> dict[str, str]:
    """The short form of each figure the relation reads, by role (not of every figure of the
    candidate: the others are not written)."""
    roles = candidate.roles
    return {role: short(roles[role]) for role in rule.relation.inputs}


def _unverifiable(
    rule: Rule,
    candidate: Candidate,
    env: dict[str, Interval],
    reason: str,
    assumptions: tuple[str, ...],
) -> Finding:
    target = candidate.roles[rule.target]
    return Finding(
        rule=rule.code,
        name=rule.name,
        kind=rule.kind,
        verdict=Verdict.UNVERIFIABLE,
        start=candidate.start,
        end=candidate.end,
        figures=_uses(rule, candidate, env, target.interval()),
        expression=render(rule.relation.expression, _figure_names(rule, candidate)),
        computed_low=None,
        computed_high=None,
        computed_point=None,
        stated_low=None,
        stated_high=None,
        gap=None,
        weak=False,
        assumptions=assumptions,
        diagnosis=None,
        diagnosis_text=None,
        explanation=f"{target.text} — unverifiable: {reason}.",
    )


__all__ = ["Evaluation", "evaluate_claim", "hedged_interval"]
