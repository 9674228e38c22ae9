"""The wire models of `/v1`: what clients send, and the shape of what they get back.

Domain values (`Report`, `Finding`, `Quantity`) are never sent as they are: requests are validated
here and converted, and responses are built by `service.engine.json_objects` (shared with the
CLI). The response models below document that shape in the OpenAPI schema, and the schemathesis
test holds the built JSON to it. Decimals cross the wire as strings with a pattern, never as
JSON numbers, so "2.10" keeps its last zero and "" is never a figure.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, Tag

from service.engine.policy import DEFAULT_POLICY, Policy
from service.engine.verdict import Verdict

DECIMAL_PATTERN = r"^[0-9]{1,12}(\.[0-9]{1,12})?$"
# A structured figure is read by the lexer, so "$2.61 billion" is as good as "2.61".
FIGURE_PATTERN = r"^[^\x00-\x1f]*[0-9][^\x00-\x1f]*$"
FailOn = Literal["minor_discrepancy", "inconsistent", "impossible", "never"]
TextFormat = Literal["plain", "markdown", "html"]


def _unicode_text(text: str) -> str:
    """JSON may escape a lone surrogate ("\\ud800"); no answer quoting it could be sent as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"not valid Unicode: lone surrogate at character {exc.start}") from None
    return text


Text = Annotated[str, AfterValidator(_unicode_text)]
PolicyDecimal = Annotated[str, Field(pattern=DECIMAL_PATTERN, max_length=25)]
Figure = Annotated[str, Field(pattern=FIGURE_PATTERN, min_length=1, max_length=100)]


class Strict(BaseModel):
    """Unknown fields are refused, and no type is coerced (`0` is not `false`, `5` not "5")."""

    model_config = ConfigDict(extra="forbid", strict=True)


class PolicyOptions(Strict):
    """The tolerance policy (DOMAIN.md §B.5, §A.19); any field left out keeps its default."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={"examples": [{"strict_zeros": True, "minor_points": "0.05"}]},
    )
    strict_zeros: bool | None = Field(None, description="read trailing zeros of integers as exact")
    truncation: bool | None = Field(None, description="a fit only when truncated is minor")
    minor_points: PolicyDecimal | None = Field(None, description="noise floor for rates, points")
    minor_relative: PolicyDecimal | None = Field(None, description="noise floor for levels")
    about: PolicyDecimal | None = Field(None, description="'about' accepts ± this fraction")
    nearly: PolicyDecimal | None = Field(None, description="'nearly' accepts this fraction below")
    weak_points: PolicyDecimal | None = Field(None, description="wider than this is weak (points)")
    weak_relative: PolicyDecimal | None = Field(
        None, description="wider than this is weak (levels)"
    )
    multiple: PolicyDecimal | None = Field(None, description="tolerance of 'doubled', 'tripled'")

    def policy(self) -> Policy:
        changes: dict[str, Any] = {}
        for name, value in self.model_dump(exclude_none=True).items():
            changes[name] = Decimal(value) if isinstance(value, str) else value
        return replace(DEFAULT_POLICY, **changes)


def policy_of(options: PolicyOptions | None) -> Policy:
    return options.policy() if options is not None else DEFAULT_POLICY


SENTENCE = "ICT exports rose 19.78 percent to $2.61 billion from $2.18 billion."


class CheckRequest(Strict):
    """A text to check: a sentence, a paragraph or a whole article."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [
                {"text": SENTENCE},
                {"text": f"## Exports\n\n{SENTENCE}", "format": "markdown", "fail_on": "never"},
                {"text": SENTENCE, "options": {"strict_zeros": True}},
            ]
        },
    )
    text: Text = Field(description="the text as written; spans in the answer index it")
    format: TextFormat = Field(
        "plain", description="markdown, html: markup and code are not read; offsets are kept"
    )
    options: PolicyOptions | None = None
    fail_on: FailOn = Field("inconsistent", description="`failed` is true at this verdict or worse")


class FiguresRequest(Strict):
    """A text whose figures to list."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"text": SENTENCE}]})
    text: Text
    format: TextFormat = "plain"


class ClaimRequest(Strict):
    """One claim given by its figures, as strings so their precision survives."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [
                {"kind": "percent_change", "old": "2.18", "new": "2.61", "percent": "19.78"},
                {
                    "old": "$313 million",
                    "new": "$374 million",
                    "percent": "19.5",
                    "direction": "up",
                },
                {"kind": "absolute_change", "old": "14.355", "new": "15.126", "change": "0.7707"},
            ]
        },
    )
    kind: str | None = Field(
        None,
        pattern=r"^[a-z_]{1,40}$",
        description="only rules of this kind (percent_change, absolute_change, pp_change, "
        "bps_change); all that apply when left out",
    )
    old: Figure | None = None
    new: Figure | None = None
    change: Figure | None = None
    percent: Figure | None = None
    points: Figure | None = None
    bps: Figure | None = None
    direction: Literal["up", "down"] | None = Field(None, description="the claim's wording, if any")
    options: PolicyOptions | None = None

    def figures(self) -> dict[str, str]:
        roles = ("old", "new", "change", "percent", "points", "bps")
        return {role: getattr(self, role) for role in roles if getattr(self, role) is not None}


def _one_or_many(value: Any) -> str:
    return "many" if isinstance(value, list) else "one"


ClaimsBody = Annotated[
    Annotated[ClaimRequest, Tag("one")] | Annotated[list[ClaimRequest], Tag("many")],
    Discriminator(_one_or_many),
]


# ---- responses: the documented shape of service.engine.json_objects ----


class Span(Strict):
    start: int
    end: int


class FigureUseOut(Strict):
    text: str
    role: str
    value: str | None
    low: str | None
    high: str | None
    span: Span


class Computed(Strict):
    low: str | None
    high: str | None
    point: str | None


class Stated(Strict):
    low: str | None
    high: str | None


class Diagnosis(Strict):
    code: str
    message: str | None


class ClaimOut(Strict):
    rule: str
    name: str
    kind: str
    verdict: Verdict
    text: str
    span: Span
    line: int
    column: int
    figures: list[FigureUseOut]
    expression: str
    computed: Computed
    stated: Stated
    gap: str | None
    weak: bool
    assumptions: list[str]
    diagnosis: Diagnosis | None
    explanation: str


class VerdictCounts(Strict):
    consistent: int
    unverifiable: int
    minor_discrepancy: int
    inconsistent: int
    impossible: int


class Summary(Strict):
    verdicts: VerdictCounts
    figures_seen: int
    figures_in_claims: int
    claims_recognised: int
    claims_checked: int
    worst: Verdict | None


class CheckResponse(Strict):
    claims: list[ClaimOut]
    summary: Summary
    fail_on: FailOn
    failed: bool = Field(description="a claim is at `fail_on` or worse")


class ReportOut(Strict):
    claims: list[ClaimOut]
    summary: Summary


class ClaimsBatchResponse(Strict):
    results: list[ReportOut] = Field(description="one report per claim sent, in order")


class FigureOut(Strict):
    text: str
    span: Span
    line: int
    column: int
    value: str | None
    low: str | None
    high: str | None
    kind: str
    currency: str | None
    unit: str | None
    scale: str | None
    approximator: str | None
    bound: str | None
    ambiguous: list[str]
    in_claim: list[str]


class FiguresResponse(Strict):
    figures: list[FigureOut]
    summary: Summary


class Example(Strict):
    text: str
    verdict: Verdict
    diagnosis: str | None


class RuleOut(Strict):
    code: str
    name: str
    kind: str
    title: str
    relation: str
    roles: list[str]
    message: str
    provenance: str
    mistakes: list[dict[str, str]]
    examples: dict[Literal["pass", "fail"], list[Example]]


class RulesResponse(Strict):
    version: str
    rules: list[RuleOut]


class Health(Strict):
    status: Literal["ok"]


class Readiness(Strict):
    status: Literal["ready"]
    version: str
    rules: int
    engine: Literal["compiled", "source"] = Field(
        description="`compiled` when the engine runs from its mypyc build (same results, faster)"
    )
