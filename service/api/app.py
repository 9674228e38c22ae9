"""Builds the FastAPI application: routers, error mapping, middleware, OpenAPI.

`create_app(settings)` is the only entry point; `econcheck serve` calls it through uvicorn's
factory mode in every worker, and tests call it with whatever settings they need. The engine
is loaded and exercised once at start-up, so the first request is as fast as the rest and a
broken rule file stops the service before it answers anything.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Security
from fastapi.middleware.cors import CORSMiddleware
from fastapi.security import HTTPBearer
from fastapi_offline import FastAPIOffline

from service import check_text
from service.api import handlers
from service.api.fastpath import FastCheck
from service.api.guard import GuardMiddleware
from service.api.metrics import Metrics, MetricsMiddleware
from service.api.models import SENTENCE
from service.api.problems import responses
from service.api.routes import OPEN_ROUTERS, V1_ROUTERS
from service.api.settings import ApiSettings
from service.version import __version__

DESCRIPTION = """\
Checks the arithmetic of figures in economic reporting: post a claim or a whole article and get
every checkable claim back with its verdict (consistent, unverifiable, minor_discrepancy,
inconsistent, impossible) and the arithmetic behind it. Decimals travel as strings. Errors are
RFC 9457 problem details. Limits and API keys are set with `ECONCHECK_` environment variables.
"""
# Declared only so the OpenAPI schema shows the scheme; `GuardMiddleware` does the checking.
# Where the docs' scripts and styles are served (under /docs, so one prefix covers the docs).
DOCS_ASSETS = "/docs/assets"
_bearer = HTTPBearer(auto_error=False, description="needed when ECONCHECK_API_KEYS is set")


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    check_text(SENTENCE)  # loads lexicon, cue words and rules; raises on a broken rule file
    # What start-up built lives as long as the process: keep the collector from walking it again,
    # which otherwise shows as the slowest request in a thousand.
    gc.collect()
    gc.freeze()
    yield


def create_app(settings: ApiSettings | None = None, fast_check: bool = True) -> FastAPI:
    """The app; `fast_check=False` leaves every check to the FastAPI route (tests compare)."""
    settings = settings or ApiSettings()
    # FastAPIOffline serves Swagger UI (/docs) from assets installed with the package, not from a
    # CDN: the docs work on a newsroom's offline or locked-down network, and a reader's browser
    # asks no third party for them. No ReDoc: its bundle still fetches a logo from its CDN.
    app = FastAPIOffline(
        title="econcheck",
        version=__version__,
        description=DESCRIPTION,
        lifespan=_lifespan,
        static_url=DOCS_ASSETS,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.metrics = Metrics()
    handlers.install(app)
    v1_options: dict[str, Any] = {"responses": responses(413, 422)}
    if settings.api_keys:
        v1_options["dependencies"] = [Security(_bearer)]
        v1_options["responses"] = responses(401, 413, 422)
    for router in V1_ROUTERS:
        app.include_router(router, **v1_options)
    for router in OPEN_ROUTERS:
        app.include_router(router)
    _add_middleware(app, settings, fast_check)
    return app


def _add_middleware(app: FastAPI, settings: ApiSettings, fast_check: bool) -> None:
    # Each one added wraps the ones before. From the outside in: metrics see every request, CORS
    # answers a browser's preflight (which carries no API key) and labels even a refusal, and the
    # guard refuses before the app reads anything; the fast path for short checks is innermost.
    if fast_check:
        app.add_middleware(FastCheck, settings=settings, metrics=app.state.metrics)
    app.add_middleware(
        GuardMiddleware, max_body_bytes=settings.max_body_bytes, api_keys=settings.key_bytes()
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
