"""The dependencies routes share, as `Annotated` aliases, and the one JSON response they send.

Settings and metrics hang off `app.state` (set by `create_app`), so every app carries its own
and tests can build apps with different settings side by side. The dependencies are `async def`
although they never wait: FastAPI runs a plain `def` dependency in the thread pool, which cost
more than the whole check of a sentence.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import Response

from service.api.metrics import Metrics
from service.api.problems import ProblemError
from service.api.settings import ApiSettings


async def _settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


async def _metrics(request: Request) -> Metrics:
    metrics: Metrics = request.app.state.metrics
    return metrics


SettingsDep = Annotated[ApiSettings, Depends(_settings)]
MetricsDep = Annotated[Metrics, Depends(_metrics)]


async def require_json(request: Request) -> None:
    """415 unless the body is declared as JSON (no content type at all is read as JSON)."""
    declared = request.headers.get("content-type")
    if declared is None:
        return
    media_type = declared.split(";", 1)[0].strip().lower()
    if media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    ):
        return
    detail = f"the body was sent as {media_type or 'nothing'}; send it as application/json"
    raise ProblemError(415, "unsupported-media-type", detail, "Content-Type")


class JSONBody(Response):
    """JSON with non-ASCII kept as written (article text is rarely ASCII) and no spaces."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
