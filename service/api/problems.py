"""Every error the HTTP service returns, as RFC 9457 problem details (`application/problem+json`).

`service.api.handlers` maps exceptions to these responses, in one place, so no route formats an
error and no stack trace or file path reaches a client. What is raised and what it becomes:

    ProblemError (Exception)            raised by our own code; carries status, slug, detail, field
    fastapi RequestValidationError      → 400 invalid-json (syntax) or 422 invalid-body (schema)
    starlette HTTPException             → 400 invalid-json when FastAPI could not read the body
                                          (bad UTF-8, nesting too deep), else its own status
    StructuredClaimError (ValueError)   → 422 invalid-claim, naming the figure's field
    any other Exception                 → 500 internal-error, with no detail at all
    GuardMiddleware (before FastAPI)    → 401 unauthorized, 413 body-too-large
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

MEDIA_TYPE = "application/problem+json"

TITLES = {
    "invalid-json": "The body is not valid JSON",
    "invalid-body": "The body does not match the schema",
    "invalid-claim": "A structured claim cannot be read",
    "invalid-csv": "The CSV cannot be read",
    "unauthorized": "A valid API key is required",
    "not-found": "Not found",
    "method-not-allowed": "Method not allowed",
    "body-too-large": "The body is larger than the limit",
    "text-too-long": "The text is longer than the limit",
    "unsupported-media-type": "Unsupported content type",
    "time-budget-exceeded": "The check took longer than the time budget",
    "not-ready": "The service is not ready",
    "internal-error": "Internal error",
}


class FieldError(BaseModel):
    model_config = ConfigDict(extra="forbid")
    field: str
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details; `field` is a JSON pointer into the request body when one failed."""

    model_config = ConfigDict(extra="forbid")
    type: str
    title: str
    status: int
    detail: str
    field: str | None = None
    errors: list[FieldError] = []


class ProblemError(Exception):
    """An error of ours that becomes a problem response; `field` names the part of the request."""

    def __init__(self, status: int, slug: str, detail: str, field: str | None = None) -> None:
        super().__init__(detail)
        self.status, self.slug, self.detail, self.field = status, slug, detail, field


def problem_body(
    status: int, slug: str, detail: str, field: str | None = None, errors: Sequence[FieldError] = ()
) -> dict[str, Any]:
    return {
        "type": f"/problems/{slug}",
        "title": TITLES[slug],
        "status": status,
        "detail": detail,
        "field": field,
        "errors": [error.model_dump() for error in errors],
    }


def problem_response(
    status: int,
    slug: str,
    detail: str,
    field: str | None = None,
    errors: Sequence[FieldError] = (),
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = problem_body(status, slug, detail, field, errors)
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


def problem_bytes(status: int, slug: str, detail: str, field: str | None = None) -> bytes:
    """The body of a problem sent by ASGI middleware, which runs outside FastAPI's handlers."""
    return json.dumps(problem_body(status, slug, detail, field)).encode("utf-8")


def json_pointer(location: Sequence[int | str]) -> str:
    """("body", "options", "about") → "/options/about"; the whole body is "/"."""
    parts = [str(part) for part in location if part != "body"]
    return "/" + "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error responses a route declares in the OpenAPI schema."""
    return {
        status: {"model": Problem, "content": {MEDIA_TYPE: {}}, "description": _describe(status)}
        for status in statuses
    }


def _describe(status: int) -> str:
    return {
        400: "malformed JSON or an unreadable body",
        401: "missing or wrong API key (only when keys are configured)",
        404: "no such resource",
        413: "body or text over the configured limit",
        415: "content type other than application/json",
        422: "a body that does not match the schema, or a figure that cannot be read",
        503: "the check exceeded the time budget, or the service is not ready",
    }.get(status, "error")
