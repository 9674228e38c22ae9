"""Benchmark of the HTTP API: `POST /v1/check` beside a trivial endpoint of the same app.

Starts `econcheck serve --workers 2` on a free port of 127.0.0.1, then for each scenario runs
`loadgen.py` in a second process with a fixed number of requests over 32 keep-alive connections
(and a deadline, so the whole run stays under 30 s), and prints requests/s, p50 and p99 latency,
and the ratio of each check's requests/s to the trivial endpoint's measured in the same run:
the framework's own ceiling on this machine. The server is stopped by its process id.

    .venv/bin/python bench/api/run.py [--workers 2] [--connections 32] [--json]

Targets (the API issue): the one-sentence check at least 0.5x the trivial endpoint's requests/s,
p99 under 50 ms, no errors. Beside each check it prints the engine alone on the same text (µs per
call, and the requests/s two workers would manage doing nothing else), which bounds what any
front end can reach. The load generator shares the machine's cores with the server: absolute
figures are lower than with a separate client; the ratios are what count.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed-articles.txt"
SENTENCE = "ICT exports rose 19.78 percent to $2.61 billion from $2.18 billion."
HOST = "127.0.0.1"
# (name, path, body or None for GET, requests, deadline in seconds)
SCENARIOS = (
    ("trivial GET /healthz", "/healthz", None, 40_000, 7.0),
    ("check one sentence", "/v1/check", {"text": SENTENCE}, 20_000, 9.0),
    ("check seed article", "/v1/check", "SEED", 1_500, 8.0),
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def econcheck_command() -> list[str]:
    script = Path(sys.executable).with_name("econcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "service"]


def start_server(port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ECONCHECK_", "PROMETHEUS_"))}
    command = [*econcheck_command(), "serve", "--host", HOST, "--port", str(port)]
    command += ["--workers", str(workers), "--log-level", "warning"]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=sink)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/readyz", timeout=1):
                return process
        except OSError:
            if process.poll() is not None:
                message = f"econcheck serve exited with {process.returncode}:\n{log.read_text()}"
                raise SystemExit(message) from None
            time.sleep(0.1)
    stop(process)
    raise SystemExit("econcheck serve did not become ready in 30 s")


def stop(process: subprocess.Popen[bytes]) -> None:
    os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()


def measure(
    port: int, path: str, body_file: str | None, requests: int, deadline: float, connections: int
) -> dict[str, object]:
    command = [
        sys.executable,
        str(Path(__file__).with_name("loadgen.py")),
        f"http://{HOST}:{port}{path}",
    ]
    command += ["--requests", str(requests), "--connections", str(connections)]
    command += ["--deadline", str(deadline), "--warmup", str(max(200, requests // 20))]
    if body_file:
        command += ["--body", body_file]
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=deadline + 30, check=True
    )
    result: dict[str, object] = json.loads(output.stdout)
    return result


def body_file(folder: Path, name: str, body: object) -> str | None:
    if body is None:
        return None
    if body == "SEED":
        body = {"text": SEED.read_text(encoding="utf-8")}
    path = folder / f"{name.replace(' ', '_').replace('/', '')}.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    return str(path)


def engine_microseconds(text: str, runs: int) -> float:
    """The engine alone on one text, best of three batches: what no front end can go below."""
    sys.path.insert(0, str(ROOT))
    import service

    service.check_text(text)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(runs):
            service.check_text(text)
        best = min(best, (time.perf_counter() - started) / runs)
    return best * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description="HTTP API benchmark (bounded, 127.0.0.1 only)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    port = free_port()
    results: list[tuple[str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory() as folder:
        server = start_server(port, args.workers, Path(folder) / "serve.log")
        try:
            for name, path, body, requests, deadline in SCENARIOS:
                file = body_file(Path(folder), name, body)
                result = measure(port, path, file, requests, deadline, args.connections)
                results.append((name, result))
        finally:
            stop(server)
    engine = {
        "check one sentence": engine_microseconds(SENTENCE, 500),
        "check seed article": engine_microseconds(SEED.read_text(encoding="utf-8"), 50),
    }
    report(results, engine, args)


def report(
    results: list[tuple[str, dict[str, Any]]], engine: dict[str, float], args: argparse.Namespace
) -> None:
    ceiling = float(results[0][1]["rps"])
    for name, result in results:
        result["ratio_to_trivial"] = round(float(result["rps"]) / ceiling, 3)
        if name in engine:
            # Two workers each running the engine flat out, with no HTTP at all.
            result["engine_us"] = round(engine[name], 1)
            result["engine_ceiling_rps"] = round(args.workers * 1e6 / engine[name])
    if args.json:
        print(json.dumps(dict(results), indent=2))
        return
    print(f"API benchmark: {args.workers} workers, {args.connections} connections, 127.0.0.1")
    header = ("scenario", "requests", "errors", "req/s", "p50 ms", "p99 ms", "x trivial")
    header += ("engine µs", "engine r/s")
    print(f"{header[0]:<22}" + "".join(f"{cell:>11}" for cell in header[1:]))
    for name, r in results:
        cells = [r["requests"], r["errors"], r["rps"], r["p50_ms"], r["p99_ms"]]
        cells += [r["ratio_to_trivial"], r.get("engine_us", "-"), r.get("engine_ceiling_rps", "-")]
        print(f"{name:<22}" + "".join(f"{cell!s:>11}" for cell in cells))
    sentence = dict(results)["check one sentence"]
    meets = (
        sentence["ratio_to_trivial"] >= 0.5 and sentence["p99_ms"] < 50 and sentence["errors"] == 0
    )
    target = "sentence >= 0.5x trivial req/s, p99 < 50 ms, no errors"
    print(f"target ({target}): {'meets' if meets else 'misses'}")


if __name__ == "__main__":
    main()
