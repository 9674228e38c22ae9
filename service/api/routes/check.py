"""`POST /v1/check`: every claim in a text, with its verdict and arithmetic."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from service.api.checking import checked_report
from service.api.deps import JSONBody, metrics_of, settings_of
from service.api.metrics import Metrics
from service.api.models import CheckRequest, CheckResponse, policy_of
from service.api.problems import responses
from service.engine.json_objects import report_object
from service.engine.report import Report
from service.engine.verdict import Verdict

router = APIRouter(prefix="/v1", tags=["check"])


@router.post(
    "/check",
    response_model=CheckResponse,
    responses=responses(400, 413, 415, 422, 503),
)
async def check(body: CheckRequest, request: Request) -> JSONBody:
    """Check every claim in a text; spans index the text as sent."""
    settings, metrics = settings_of(request), metrics_of(request)
    report = await checked_report(body.text, body.format, policy_of(body.options), settings)
    return JSONBody(check_payload(body, report, metrics))


def check_payload(body: CheckRequest, report: Report, metrics: Metrics) -> dict[str, Any]:
    """The answer to a check (counted in the metrics); the fast path sends the same."""
    metrics.count_claims(report.findings)
    payload = report_object(report)
    payload.update(fail_on=body.fail_on, failed=fails(report, body.fail_on))
    return payload


def fails(report: Report, fail_on: str) -> bool:
    """True when a claim is at the `fail_on` verdict or worse (never, for "never")."""
    if fail_on == "never":
        return False
    threshold = Verdict(fail_on).severity
    return any(finding.verdict.severity >= threshold for finding in report.findings)
