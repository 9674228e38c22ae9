"""What routes share: their app's settings and metrics, and the one JSON response they send.

Settings and metrics hang off `app.state` (set by `create_app`), so every app carries its own
and tests can build apps with different settings side by side. Routes take the `Request` and
read them here rather than through `Depends`: FastAPI solves dependencies anew on every request,
which cost more than a third of the engine's time on a one-sentence check.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from service.api.metrics import Metrics
from service.api.settings import ApiSettings


def settings_of(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


def metrics_of(request: Request) -> Metrics:
    metrics: Metrics = request.app.state.metrics
    return metrics


def json_bytes(content: Any) -> bytes:
    """JSON with non-ASCII kept as written (article text is rarely ASCII) and no spaces."""
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class JSONBody(Response):
    """A response whose body is `json_bytes` of its content."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json_bytes(content)
