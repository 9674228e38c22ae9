"""One router per resource; `ROUTERS` is what `create_app` mounts, in this order.

A new endpoint (the CSV audit's `/v1/audit`, say) is a module here with a
`router = APIRouter(prefix="/v1")`, listed in `V1_ROUTERS`. Each router carries its own prefix so
the route template, which labels the metrics, is the full path. Routers under `/v1` get the
API-key check (in `GuardMiddleware`) and the shared error responses from `create_app`.
"""

from __future__ import annotations

from fastapi import APIRouter

from service.api.routes import audit, check, claims, figures, health, page, rules

V1_ROUTERS: tuple[APIRouter, ...] = (
    check.router,
    claims.router,
    figures.router,
    rules.router,
    audit.router,
)
OPEN_ROUTERS: tuple[APIRouter, ...] = (health.router, page.router)
