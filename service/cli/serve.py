"""`econcheck serve`: runs the HTTP API under uvicorn (uvloop and httptools when installed).

Settings come from `ECONCHECK_` environment variables (`service.api.settings`); they are read
once here first, so a bad value is a clear message and exit status 2 rather than a traceback
from every worker. With several workers each is its own process, so the Prometheus metrics are
kept in a temporary folder that `/metrics` adds up, removed when the server stops.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile

from service.cli.status import ExitStatus

APP_FACTORY = "service.api.app:create_app"
MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to bind (default 8000)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument(
        "--log-level", choices=("critical", "error", "warning", "info", "debug"), default="info"
    )
    parser.add_argument("--access-log", action="store_true", help="log every request")


def execute(args: argparse.Namespace) -> ExitStatus:
    problem = _settings_problem()
    if problem:
        print(f"econcheck serve: {problem}", file=sys.stderr)
        return ExitStatus.ERROR
    if args.workers < 1 or not 0 <= args.port <= 65535:
        print("econcheck serve: --workers must be at least 1 and --port 0-65535", file=sys.stderr)
        return ExitStatus.ERROR
    base = f"http://{args.host}:{args.port}"
    print(
        f"econcheck {_version()}: page {base}/ · API {base}/v1 · docs {base}/docs", file=sys.stderr
    )
    metrics_dir = _multiprocess_metrics() if args.workers > 1 else None
    try:
        return _run(args)
    finally:
        if metrics_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)


def _run(args: argparse.Namespace) -> ExitStatus:
    import uvicorn

    try:
        uvicorn.run(
            APP_FACTORY,
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level=args.log_level,
            access_log=args.access_log,
            server_header=False,
        )
    except SystemExit as exc:  # uvicorn exits when it cannot bind or start
        return ExitStatus.CLEAN if exc.code in (0, None) else ExitStatus.ERROR
    return ExitStatus.CLEAN


def _settings_problem() -> str | None:
    from pydantic import ValidationError

    from service.api.settings import ApiSettings

    try:
        ApiSettings()
    except ValidationError as exc:
        fields = ", ".join(
            f"ECONCHECK_{'_'.join(map(str, e['loc'])).upper()}" for e in exc.errors()
        )
        return f"invalid setting {fields}: {exc.errors()[0]['msg']}"
    return None


def _multiprocess_metrics() -> str:
    # Set before any worker imports prometheus_client, which reads it at import time.
    folder = tempfile.mkdtemp(prefix="econcheck-metrics-")
    os.environ[MULTIPROCESS_ENV] = folder
    return folder


def _version() -> str:
    from service.version import __version__

    return __version__
