"""The real server: `econcheck serve` on a free port of 127.0.0.1 with two workers, over HTTP.

The server is started as a process of its own and stopped by its process id; its workers must be
gone afterwards. Bad input travels over a real socket, and the server must keep answering.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import service
from tests.api.conftest import SENTENCE
from tests.serving import HOST, running_server


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found.update(int(child) for child in task.read_text().split())
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    with running_server(tmp_path_factory.mktemp("serve"), workers=2) as running:
        yield running


def _raw_response(port: int, request: bytes) -> tuple[bytes, bytes]:
    """Send raw bytes and read one response: its head and its body (by Content-Length)."""
    with socket.create_connection((HOST, port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(65536)
        head, _, body = data.partition(b"\r\n\r\n")
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        while len(body) < length:
            body += sock.recv(65536)
        return head, body


def test_seed_article_over_http_gets_the_engine_verdicts(server, seed_text):
    base, _ = server
    response = httpx.post(f"{base}/v1/check", json={"text": seed_text}, timeout=30)
    assert response.status_code == 200
    body = response.json()
    expected = [(f.rule, f.verdict.value) for f in service.check_text(seed_text).findings]
    assert [(c["rule"], c["verdict"]) for c in body["claims"]] == expected
    assert expected and all(verdict == "consistent" for _, verdict in expected)
    for claim in body["claims"]:
        assert seed_text[claim["span"]["start"] : claim["span"]["end"]] == claim["text"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b'{"text": ', 400),
        (b'{"text": "\xc3\x28"}', 400),
        (b"[" * 100_000, 400),
        (b'{"text": 5}', 422),
        (b'{"text": "x", "unknown": 1}', 422),
    ],
    ids=["malformed", "invalid-utf8", "deeply-nested", "wrong-type", "unknown-field"],
)
def test_bad_bodies_over_http_get_problem_4xx(server, body, status):
    base, _ = server
    response = httpx.post(
        f"{base}/v1/check", content=body, headers={"content-type": "application/json"}, timeout=10
    )
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == status


def test_fifty_megabyte_body_is_refused_from_its_length_and_server_keeps_serving(server):
    """The server answers 413 after 10 bytes of the 50 MB announced, so it never reads the rest."""
    base, _ = server
    port = int(base.rsplit(":", 1)[1])
    head = (
        f"POST /v1/check HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {50 * 1024 * 1024}\r\n\r\n"
    )
    status_and_headers, body = _raw_response(port, head.encode() + b'{"text": "')
    status_line, _, headers = status_and_headers.partition(b"\r\n")
    assert status_line.startswith(b"HTTP/1.1 413 ")
    assert b"content-type: application/problem+json" in headers.lower()
    assert b"connection: close" in headers.lower()
    assert json.loads(body)["type"] == "/problems/body-too-large"
    ok = httpx.post(f"{base}/v1/check", json={"text": SENTENCE}, timeout=10)
    assert [c["verdict"] for c in ok.json()["claims"]] == ["consistent"]


def _metric(base: str, name: str, labels: str) -> float:
    text = httpx.get(f"{base}/metrics", timeout=10).text
    prefix = f"{name}{{{labels}}} "
    return sum(float(line[len(prefix) :]) for line in text.splitlines() if line.startswith(prefix))


def test_metrics_add_up_every_worker(server):
    base, _ = server
    before = _metric(base, "econcheck_claims_total", 'verdict="consistent"')
    with httpx.Client(timeout=10) as client:  # a new connection each time spreads over workers
        for _ in range(12):
            client.post(
                f"{base}/v1/check", json={"text": SENTENCE}, headers={"connection": "close"}
            )
    after = _metric(base, "econcheck_claims_total", 'verdict="consistent"')
    assert after - before == 12


def test_server_stops_by_its_pid_with_its_workers(server):
    base, process = server
    workers = children(process.pid)
    assert len(workers) >= 2
    os.kill(process.pid, signal.SIGTERM)
    assert process.wait(timeout=15) == 0
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{base}/healthz", timeout=1)
