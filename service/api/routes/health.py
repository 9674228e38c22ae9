"""`/healthz` (the process answers), `/readyz` (the rules are loaded) and `/metrics`."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from service.api.deps import JSONBody, metrics_of
from service.api.metrics import CONTENT_TYPE
from service.api.models import Health, Readiness
from service.api.problems import ProblemError, responses
from service.engine.errors import RuleError
from service.loader import default_engine, default_rules
from service.version import __version__, engine_build

router = APIRouter(tags=["operations"])


@router.get("/healthz", response_model=Health)
async def healthz() -> Health:
    """Liveness: the process is up and answering."""
    return Health(status="ok")


@router.get("/readyz", response_model=Readiness, responses=responses(503))
async def readyz() -> JSONBody:
    """Readiness: the rule files and the lexicon are loaded and valid."""
    try:
        default_engine()
        count = len(default_rules().rules)
    except RuleError as exc:  # names the rule file and the problem, never a path on the server
        raise ProblemError(503, "not-ready", f"the rules could not be loaded: {exc}") from None
    return JSONBody(
        {"status": "ready", "version": __version__, "rules": count, "engine": engine_build()}
    )


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE: {"schema": {"type": "string"}}}}},
)
async def metrics(request: Request) -> Response:
    """Prometheus metrics: requests, latency, claims by verdict."""
    return Response(metrics_of(request).render(), media_type=CONTENT_TYPE)
