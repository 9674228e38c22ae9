"""One way for tests to run the real server: `econcheck serve` on a free port of 127.0.0.1.

Started as a process of its own with the environment's ECONCHECK_ settings removed (plus the
ones a test asks for), polled on /readyz until it answers, and stopped by its process id:
SIGTERM first so uvicorn takes its workers down, SIGKILL if it does not go.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

HOST = "127.0.0.1"
START_TIMEOUT = 30.0


def econcheck_command() -> list[str]:
    """The installed console script, or the same program via `python -m service`."""
    script = Path(sys.executable).with_name("econcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "service"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _wait_ready(process: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"econcheck serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail(f"econcheck serve not ready after {START_TIMEOUT} s:\n{log.read_text()}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@contextmanager
def running_server(
    log_dir: Path, env: dict[str, str] | None = None, workers: int = 1
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """(base URL, process) of a running `econcheck serve`; stopped by pid on the way out."""
    port = free_port()
    log = log_dir / "serve.log"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("ECONCHECK_", "PROMETHEUS_"))}
    command = [*econcheck_command(), "serve", "--host", HOST, "--port", str(port)]
    if workers > 1:
        command += ["--workers", str(workers)]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, stdout=sink, stderr=subprocess.STDOUT, env={**clean, **(env or {})}
        )
    base = f"http://{HOST}:{port}"
    try:
        _wait_ready(process, base, log)
        yield base, process
    finally:
        stop(process)
