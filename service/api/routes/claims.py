"""`POST /v1/claims`: claims given by their figures, for callers that already know the roles."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Request

from service import check_claim
from service.api.deps import JSONBody, metrics_of, settings_of
from service.api.models import ClaimRequest, ClaimsBatchResponse, ClaimsBody, ReportOut, policy_of
from service.api.problems import ProblemError, responses
from service.engine.errors import StructuredClaimError
from service.engine.json_objects import report_object
from service.engine.report import Report
from service.loader import default_rules

router = APIRouter(prefix="/v1", tags=["claims"])


@router.post(
    "/claims",
    response_model=ReportOut | ClaimsBatchResponse,
    responses=responses(400, 413, 415, 422),
)
async def claims(body: ClaimsBody, request: Request) -> JSONBody:
    """Check one structured claim ({claims, summary}) or a list of them ({results: [...]})."""
    settings, metrics = settings_of(request), metrics_of(request)
    if isinstance(body, ClaimRequest):
        report = _checked(body, "")
        metrics.count_claims(report.findings)
        return JSONBody(report_object(report))
    if len(body) > settings.max_claims:
        detail = (
            f"{len(body)} claims is over the limit of {settings.max_claims} (ECONCHECK_MAX_CLAIMS)"
        )
        raise ProblemError(413, "body-too-large", detail, "/")
    reports = [_checked(item, f"/{index}") for index, item in enumerate(body)]
    for report in reports:
        metrics.count_claims(report.findings)
    results: list[dict[str, Any]] = [report_object(report) for report in reports]
    return JSONBody({"results": results})


def _checked(claim: ClaimRequest, pointer: str) -> Report:
    """The claim's report, keeping only rules of its `kind` when one is named."""
    kinds = sorted({rule.kind for rule in default_rules().rules})
    if claim.kind is not None and claim.kind not in kinds:
        detail = f"unknown kind {claim.kind!r}; expected one of {', '.join(kinds)}"
        raise ProblemError(422, "invalid-claim", detail, f"{pointer}/kind")
    try:
        report = check_claim(claim.figures(), claim.direction, policy_of(claim.options))
    except StructuredClaimError as exc:
        raise ProblemError(422, "invalid-claim", str(exc), f"{pointer}/{exc.field}") from exc
    if claim.kind is None:
        return report
    return replace(report, findings=tuple(f for f in report.findings if f.kind == claim.kind))
