"""A bounded HTTP/1.1 load generator for the API benchmark; runs as its own process.

`python bench/api/loadgen.py URL --requests N --connections C --deadline S [--body FILE]` sends N
requests over C keep-alive connections (each sends its next request when its answer is in), stops
early at the deadline, and prints one JSON line: requests, errors, seconds, rps, p50_ms, p99_ms.
It speaks just enough HTTP/1.1 over asyncio protocols (uvloop when installed) to stay out of the
way: a general client such as httpx would be the bottleneck well before the server is. It only
ever connects to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


class Run:
    """What all connections share: how many requests are left, and what came back."""

    def __init__(self, total: int, warmup: int, deadline: float) -> None:
        self.left = total + warmup
        self.warmup = warmup
        self.deadline = deadline
        self.latencies: list[int] = []
        self.errors = 0
        self.open = 0
        self.done = asyncio.get_running_loop().create_future()
        self.started = 0.0

    def take(self) -> bool:
        if self.left <= 0 or time.monotonic() > self.deadline:
            return False
        self.left -= 1
        return True

    def record(self, status: int, nanoseconds: int) -> None:
        if self.warmup > 0:
            self.warmup -= 1
            if self.warmup == 0:
                self.started = time.perf_counter()
            return
        self.latencies.append(nanoseconds)
        if status != 200:
            self.errors += 1

    def closed(self) -> None:
        self.open -= 1
        if self.open == 0 and not self.done.done():
            self.done.set_result(None)


class Connection(asyncio.Protocol):
    def __init__(self, run: Run, request: bytes) -> None:
        self.run, self.request = run, request
        self.buffer = bytearray()
        self.sent_at = 0
        self.transport: Any = None  # uvloop's transports are not asyncio.Transport subclasses

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self._next()

    def _next(self) -> None:
        if not self.run.take():
            self.transport.close()
            return
        self.sent_at = time.perf_counter_ns()
        self.transport.write(self.request)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            return
        head = bytes(self.buffer[:end])
        length = _content_length(head)
        if len(self.buffer) < end + 4 + length:
            return
        del self.buffer[: end + 4 + length]
        self.run.record(int(head[9:12]), time.perf_counter_ns() - self.sent_at)
        self._next()

    def connection_lost(self, exc: Exception | None) -> None:
        if self.run.left > 0 and time.monotonic() <= self.run.deadline:
            self.run.errors += 1  # the server closed a connection we still needed
        self.run.closed()


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            return int(line[15:])
    return 0


def build_request(url: str, body: bytes | None) -> tuple[str, int, bytes]:
    parts = urlsplit(url)
    if parts.hostname != "127.0.0.1":
        raise SystemExit("loadgen only connects to 127.0.0.1")
    method = "POST" if body is not None else "GET"
    lines = [f"{method} {parts.path or '/'} HTTP/1.1", f"Host: 127.0.0.1:{parts.port}"]
    if body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    return (
        parts.hostname,
        parts.port or 80,
        "\r\n".join(lines).encode() + b"\r\n\r\n" + (body or b""),
    )


def percentile(sorted_values: list[int], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index] / 1e6


async def load(args: argparse.Namespace) -> dict[str, object]:
    body = Path(args.body).read_bytes() if args.body else None
    host, port, request = build_request(args.url, body)
    run = Run(args.requests, args.warmup, time.monotonic() + args.deadline)
    loop = asyncio.get_running_loop()
    run.open = args.connections
    run.started = time.perf_counter()
    for _ in range(args.connections):
        await loop.create_connection(lambda: Connection(run, request), host, port)
    await run.done
    seconds = time.perf_counter() - run.started
    latencies = sorted(run.latencies)
    return {
        "requests": len(latencies),
        "errors": run.errors,
        "seconds": round(seconds, 3),
        "rps": round(len(latencies) / seconds, 1) if seconds else 0.0,
        "p50_ms": round(percentile(latencies, 0.50), 3),
        "p99_ms": round(percentile(latencies, 0.99), 3),
        "complete": len(latencies) == args.requests,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--body", help="file with the JSON body to POST (GET when absent)")
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--warmup", type=int, default=500)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--deadline", type=float, default=10.0, help="stop after this many seconds")
    args = parser.parse_args()
    try:
        import uvloop
    except ImportError:
        result = asyncio.run(load(args))
    else:
        result = uvloop.run(load(args))
    print(json.dumps(result))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
