"""`POST /v1/figures`: every figure read in a text, whether or not it is part of a claim."""

from __future__ import annotations

from fastapi import APIRouter, Request

from service.api.checking import checked_report
from service.api.deps import JSONBody, settings_of
from service.api.models import FiguresRequest, FiguresResponse
from service.api.problems import responses
from service.engine.json_objects import figure_object
from service.engine.policy import DEFAULT_POLICY

router = APIRouter(prefix="/v1", tags=["figures"])


@router.post(
    "/figures",
    response_model=FiguresResponse,
    responses=responses(400, 413, 415, 422, 503),
)
async def figures(body: FiguresRequest, request: Request) -> JSONBody:
    """List every figure read, in text order, with its value, interval and the claims it is in."""
    settings = settings_of(request)
    report = await checked_report(body.text, body.format, DEFAULT_POLICY, settings)
    listed = [figure_object(report, quantity) for quantity in report.figures]
    return JSONBody({"figures": listed, "summary": report.summary()})
