"""Maps every exception that can escape a route to its problem response (see `problems`).

FastAPI reports a body it cannot parse in three different ways (a validation error of type
`json_invalid`, a bare 400 whose cause is the decoding error, or a schema validation error); they
are sorted out here so the client always gets a problem that says what was wrong and where.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from service.api.problems import TITLES, FieldError, ProblemError, json_pointer, problem_response
from service.engine.errors import StructuredClaimError

_log = logging.getLogger("econcheck.api")
_SLUG_BY_STATUS = {404: "not-found", 405: "method-not-allowed", 413: "body-too-large"}
# Union branches that /v1/claims tags its body with; they are not part of the client's field path.
UNION_TAGS = frozenset({"one", "many"})


def install(app: FastAPI) -> None:
    """Register every mapping from an exception to a problem response on the app."""
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ProblemError, _problem_error)
    app.add_exception_handler(StructuredClaimError, _structured_claim_error)
    app.add_exception_handler(StarletteHTTPException, _http_exception)
    app.add_exception_handler(Exception, _unexpected)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    syntax = next((error for error in errors if error.get("type") == "json_invalid"), None)
    if syntax is not None:
        return problem_response(400, "invalid-json", _syntax_detail(syntax), "/")
    fields = [FieldError(field=_pointer(error), message=_message(error)) for error in errors]
    detail = "; ".join(f"{item.field}: {item.message}" for item in fields[:5])
    return problem_response(422, "invalid-body", detail, fields[0].field, fields)


def _syntax_detail(error: dict[str, Any]) -> str:
    reason = (error.get("ctx") or {}).get("error", "malformed JSON")
    position = error["loc"][-1] if error.get("loc") else None
    where = f" at character {position}" if isinstance(position, int) else ""
    return f"the body is not valid JSON: {reason}{where}"


def _pointer(error: dict[str, Any]) -> str:
    location = [part for part in error.get("loc", ()) if part not in UNION_TAGS]
    return json_pointer(location)


def _message(error: dict[str, Any]) -> str:
    # Pydantic's messages are clear; the input is never echoed (it may be huge or private).
    if error.get("type") == "extra_forbidden":
        return "unknown field"
    if error.get("type") == "missing":
        return "required field is missing"
    return str(error.get("msg", "invalid value"))


async def _problem_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return problem_response(exc.status, exc.slug, exc.detail, exc.field)


async def _structured_claim_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StructuredClaimError)
    pointer = getattr(exc, "pointer", None) or f"/{exc.field}"
    return problem_response(422, "invalid-claim", str(exc), pointer)


async def _http_exception(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 400:
        return problem_response(400, "invalid-json", _unreadable_body(exc.__cause__), "/")
    slug = _SLUG_BY_STATUS.get(exc.status_code, "internal-error")
    detail = f"{request.method} {request.url.path}: {TITLES[slug].lower()}"
    headers = dict(exc.headers) if exc.headers else None
    return problem_response(exc.status_code, slug, detail, headers=headers)


def _unreadable_body(cause: BaseException | None) -> str:
    """FastAPI reports every body it cannot decode as one 400; say which way it failed."""
    if isinstance(cause, UnicodeDecodeError):
        byte = cause.object[cause.start]
        return f"the body is not valid UTF-8 (byte 0x{byte:02x} at offset {cause.start})"
    if isinstance(cause, RecursionError):
        return "the JSON is nested too deeply"
    return "the body could not be read as JSON"


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    _log.exception("unexpected error on %s %s", request.method, request.url.path)
    return problem_response(500, "internal-error", "the server failed; the error has been logged")
