"""Rules as data: the typed, validated form of the TOML files under `rules/checks/`.

A rule names the roles it needs, the relation between them as an expression, the mistakes worth
testing when it fails (each an alternative expression), a message, its provenance, and examples
that must pass and must fail. This module turns parsed TOML (plain dicts) into frozen values and
rejects a malformed file with the file's name in the error; it does no I/O itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from string import Formatter
from typing import Any, Final

from service.engine.errors import RuleError
from service.engine.expression import (
    ExpressionError,
    Node,
    Relation,
    parse_expression,
    parse_relation,
)
from service.engine.verdict import Verdict

TARGET_SCALES: Final = ("points", "level")
LEVEL_KINDS: Final = ("amount", "rate", "any")
BINDERS: Final = (
    "change", "conversion", "weekday", "dateline", "share", "restatement", "sum", "period",
    "balance",
)  # fmt: skip
DISPLAYS: Final = ("number", "weekday", "direction", "month")


@dataclass(frozen=True, slots=True)
class Mistake:
    """A likely error (DOMAIN §B.6): what the stated figure would be had the writer erred so."""

    name: str
    expression: Node
    source: str
    says: str
    when_levels: str = "any"


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    verdict: Verdict
    diagnosis: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    kind: str
    title: str
    relation: Relation
    roles: tuple[str, ...]
    unless: tuple[str, ...]
    target_scale: str
    levels: str
    message: str
    provenance: str
    mistakes: tuple[Mistake, ...]
    passes: tuple[Example, ...]
    fails: tuple[Example, ...]
    nonnegative: tuple[str, ...]
    binder: str = "change"
    units: tuple[str, ...] = ()
    display: str = "number"
    only_flagged: bool = False  # report only disagreements (a restatement that agrees is no news)
    # What a failed check means when it may be no error (an event before its dateline).
    on_mismatch: str = "inconsistent"
    mismatch_says: str = ""

    # The message cut at its placeholders once ("{old} → {new}": pieces "", " → ", "" around
    # the slots old and new), so that each explanation fills it in without parsing it again.
    message_pieces: tuple[str, ...] = field(init=False, repr=False, compare=False)
    message_slots: tuple[str, ...] = field(init=False, repr=False, compare=False)
    # The roles the relation computes from (all but the stated one), and whether the stated
    # one is among them too (GRIM: the stated share picks the whole number to test): read for
    # every claim, worked out once.
    inputs: tuple[str, ...] = field(init=False, repr=False, compare=False)
    self_referent: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pieces, slots = _message_template(self.message, self.code, self.roles)
        object.__setattr__(self, "message_pieces", pieces)
        object.__setattr__(self, "message_slots", slots)
        target = self.relation.target
        object.__setattr__(self, "inputs", tuple(r for r in self.roles if r != target))
        object.__setattr__(self, "self_referent", target in self.relation.inputs)

    @property
    def target(self) -> str:
        return self.relation.target

    def filled_message(self, texts: Mapping[str, str]) -> str:
        """The message with each role's figure put in: "$2.18 billion → $2.61 billion"."""
        pieces, slots = self.message_pieces, self.message_slots
        parts = [pieces[0]]
        for index in range(len(slots)):
            parts.append(texts[slots[index]])
            parts.append(pieces[index + 1])
        return "".join(parts)

    def applies_to(self, roles: Iterable[str]) -> bool:
        """Whether figures in these roles fill the rule: all of its roles, none it excludes."""
        present = frozenset(roles)
        return present.issuperset(self.roles) and present.isdisjoint(self.unless)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    version: str
    # (binder, roles filled) -> the rules that apply, in rule-file order. Worked out the first
    # time a combination is met and kept: there are a few dozen (the roles are the rules' own
    # vocabulary), and every candidate asks. Not a cached_property: mypyc makes that a
    # Python-level descriptor call each time.
    _applicable: dict[tuple[str, frozenset[str]], tuple[Rule, ...]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_applicable", {})

    def by_code(self, code: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.code == code), None)

    def applicable(self, binder: str, roles: Iterable[str]) -> tuple[Rule, ...]:
        """The rules of the binder that figures in these roles fill, in rule-file order."""
        key = (binder, frozenset(roles))
        found = self._applicable.get(key)
        if found is None:
            found = tuple(r for r in self.rules if r.binder == binder and r.applies_to(key[1]))
            self._applicable[key] = found
        return found


def _message_template(
    message: str, source: str, roles: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The literal pieces of a message and the role names between them; a placeholder must be
    a plain role name of the rule ("{old}")."""
    pieces, slots = [""], []
    try:
        parsed = list(Formatter().parse(message))
    except ValueError as exc:
        raise RuleError(source, f"message {message!r}: {exc}") from exc
    for literal, name, spec, conversion in parsed:
        pieces[-1] += literal
        if name is None:
            continue
        if spec or conversion or name not in roles:
            raise RuleError(source, f"message placeholder {{{name}}} is not one of the roles")
        slots.append(name)
        pieces.append("")
    return tuple(pieces), tuple(slots)


def _require(data: Mapping[str, Any], key: str, source: str) -> Any:
    if key not in data:
        raise RuleError(source, f"missing required key {key!r}")
    return data[key]


def _examples(items: Any, source: str, default: Verdict | None) -> tuple[Example, ...]:
    examples = []
    for item in items or []:
        text = _require(item, "text", source)
        verdict = item.get("verdict", default.value if default else None)
        if verdict not in {member.value for member in Verdict}:
            raise RuleError(source, f"example {text!r} has unknown verdict {verdict!r}")
        examples.append(Example(text, Verdict(verdict), item.get("diagnosis")))
    return tuple(examples)


def _choice(data: Mapping[str, Any], key: str, allowed: tuple[str, ...], source: str) -> str:
    value = data.get(key, allowed[0])
    if value not in allowed:
        raise RuleError(source, f"{key} must be one of {allowed}")
    return str(value)


def rule_from_toml(data: Mapping[str, Any], source: str) -> Rule:
    """Build and validate one rule from its parsed TOML table."""
    try:
        relation = parse_relation(_require(data, "relation", source))
        mistakes = tuple(
            Mistake(
                name=_require(item, "name", source),
                expression=parse_expression(_require(item, "expression", source)),
                source=item["expression"],
                says=_require(item, "says", source),
                when_levels=item.get("when_levels", "any"),
            )
            for item in data.get("mistakes", [])
        )
    except ExpressionError as exc:
        raise RuleError(source, str(exc)) from exc
    roles = tuple(_require(data, "roles", source))
    if set(relation.roles) != set(roles):
        raise RuleError(source, f"relation uses {sorted(relation.roles)} but roles={list(roles)}")
    target_scale = data.get("target_scale", "level")
    if target_scale not in TARGET_SCALES:
        raise RuleError(source, f"target_scale must be one of {TARGET_SCALES}")
    levels = data.get("levels", "any")
    if levels not in LEVEL_KINDS:
        raise RuleError(source, f"levels must be one of {LEVEL_KINDS}")
    if data.get("binder", "change") not in BINDERS:
        raise RuleError(source, f"binder must be one of {BINDERS}")
    examples = data.get("examples", {})
    return Rule(
        code=_require(data, "code", source),
        name=_require(data, "name", source),
        kind=_require(data, "kind", source),
        title=_require(data, "title", source),
        relation=relation,
        roles=roles,
        unless=tuple(data.get("unless", [])),
        target_scale=target_scale,
        levels=levels,
        message=_require(data, "message", source),
        provenance=_require(data, "provenance", source),
        mistakes=mistakes,
        passes=_examples(examples.get("pass"), source, Verdict.CONSISTENT),
        fails=_examples(examples.get("fail"), source, None),
        nonnegative=tuple(data.get("nonnegative", [])),
        binder=data.get("binder", "change"),
        units=tuple(data.get("units", [])),
        display=_choice(data, "display", DISPLAYS, source),
        only_flagged=bool(data.get("only_flagged", False)),
        on_mismatch=_choice(data, "on_mismatch", ("inconsistent", "unverifiable"), source),
        mismatch_says=str(
            data.get("mismatch_says", "the figures differ, which need not be an error")
        ),
    )


def ruleset_from_toml(files: Iterable[tuple[str, Mapping[str, Any]]], version: str) -> RuleSet:
    """Build the rule set from (source name, parsed TOML) pairs; codes must be unique."""
    rules = [rule_from_toml(data, source) for source, data in files]
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.code in seen:
            raise RuleError(rule.code, f"duplicate rule code (also {seen[rule.code]})")
        seen[rule.code] = rule.name
    return RuleSet(tuple(rules), version)
