"""Prometheus metrics for the service: requests, latency, and claims by verdict.

Each app gets its own registry, so several apps in one test process never clash. Under
`econcheck serve --workers N` each worker is a process of its own; `serve` then points
`PROMETHEUS_MULTIPROC_DIR` at a temporary folder and `/metrics` adds up every worker's files,
so a scrape sees the whole service whichever worker answers it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector

from service.api.guard import ASGIApp, Message, Receive, Scope, Send
from service.engine.findings import Finding

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"
_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "econcheck_http_requests",
            "HTTP requests answered, by method, route template and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "econcheck_http_request_duration_seconds",
            "Time from request to the end of the response, by method and route template",
            ["method", "route"],
            buckets=_BUCKETS,
            registry=self.registry,
        )
        self.claims = Counter(
            "econcheck_claims",
            "Claims checked, by verdict",
            ["verdict"],
            registry=self.registry,
        )

    def count_claims(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self.claims.labels(finding.verdict.value).inc()

    def render(self) -> bytes:
        if os.environ.get(MULTIPROCESS_ENV):
            registry = CollectorRegistry()
            MultiProcessCollector(registry)
            return generate_latest(registry)
        return generate_latest(self.registry)


class MetricsMiddleware:
    """Counts and times every HTTP request; the route label is the path template, never the path."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            route = _route_template(scope)
            self.metrics.requests.labels(scope["method"], route, str(status)).inc()
            self.metrics.latency.labels(scope["method"], route).observe(
                time.perf_counter() - started
            )


def _route_template(scope: Scope) -> str:
    # Unmatched paths share one label, so scanning for URLs cannot grow the metrics without bound.
    route = scope.get("route")
    return getattr(route, "path", None) or "unmatched"
