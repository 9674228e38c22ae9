"""`POST /v1/audit`: a CSV of statements in, the audited CSV streamed back (DESIGN.md "CSV audit").

The body is the CSV itself (`text/csv`) or a multipart form with the CSV in `file`; the body size
limit (ECONCHECK_MAX_BODY_BYTES) applies as to every endpoint. The header is read before the
response starts, so an unreadable CSV or a missing column is a problem response; after that every
row comes back, bad rows as `verdict=error` rows, checked in a worker thread as they stream.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import iterate_in_threadpool
from starlette.datastructures import UploadFile

from service.api.problems import ProblemError, responses
from service.audit import (
    AuditOptions,
    ColumnError,
    OptionError,
    UnreadableCsvError,
    audit_csv_bytes,
    parse_columns,
)

router = APIRouter(prefix="/v1", tags=["audit"])
CSV_MEDIA_TYPES = ("text/csv", "application/csv", "text/plain")
_CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "the audited CSV"}
}


@router.post(
    "/audit",
    response_class=StreamingResponse,
    responses={**_CSV_RESPONSE, **responses(400, 413, 415, 422)},
)
async def audit(
    request: Request,
    text_column: Annotated[str, Query(max_length=200)] = "text",
    columns: Annotated[str | None, Query(max_length=1000, description="old=prev,new=value")] = None,
    delimiter: Annotated[str | None, Query(min_length=1, max_length=1)] = None,
    encoding: Annotated[str, Query(max_length=40)] = "utf-8-sig",
    sanitize_input: bool = False,
    strict_zeros: bool = False,
) -> StreamingResponse:
    """Audit a CSV (text/csv body, or multipart `file`): every row back with its verdict."""
    upload = await _csv_upload(request)
    try:
        options = AuditOptions(
            text_column=text_column,
            columns=parse_columns(columns) if columns else (),
            encoding=encoding,
            delimiter=delimiter,
            sanitize_input=sanitize_input,
            strict_zeros=strict_zeros,
        )
        rows = audit_csv_bytes([upload], options)
    except ColumnError as exc:
        field = "columns" if columns else "text_column"
        raise ProblemError(422, "invalid-csv", str(exc), field) from exc
    except OptionError as exc:
        raise ProblemError(422, "invalid-csv", str(exc), exc.option) from exc
    except UnreadableCsvError as exc:
        raise ProblemError(400, "invalid-csv", str(exc)) from exc
    return StreamingResponse(iterate_in_threadpool(rows), media_type="text/csv; charset=utf-8")


async def _csv_upload(request: Request) -> bytes:
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ProblemError(422, "invalid-csv", "send the CSV in the form field 'file'", "file")
        return await upload.read()
    if media_type in CSV_MEDIA_TYPES:
        return await request.body()
    detail = f"the body was sent as {media_type or 'nothing'}; send text/csv or multipart/form-data"
    raise ProblemError(415, "unsupported-media-type", detail, "Content-Type")
