"""`GET /v1/rules` and `GET /v1/rules/{code}`: the rule set, with messages and examples."""

from __future__ import annotations

from fastapi import APIRouter

from service.api.deps import JSONBody
from service.api.models import RuleOut, RulesResponse
from service.api.problems import ProblemError, responses
from service.engine.json_objects import rule_object
from service.loader import default_rules

router = APIRouter(prefix="/v1", tags=["rules"])


@router.get("/rules", response_model=RulesResponse)
async def list_rules() -> JSONBody:
    """Every rule: code, name, relation, message, provenance, examples; and the rule-set version."""
    ruleset = default_rules()
    return JSONBody(
        {"version": ruleset.version, "rules": [rule_object(rule) for rule in ruleset.rules]}
    )


@router.get("/rules/{code}", response_model=RuleOut, responses=responses(404))
async def one_rule(code: str) -> JSONBody:
    """One rule by its code, e.g. EC101."""
    rule = default_rules().by_code(code.upper())
    if rule is None:
        known = ", ".join(r.code for r in default_rules().rules)
        raise ProblemError(404, "not-found", f"no rule {code!r}; the rules are {known}", "code")
    return JSONBody(rule_object(rule))
