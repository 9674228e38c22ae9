"""The fast path for short checks (service/api/fastpath.py) must answer exactly as the route.

Every body below goes to two apps, one with the fast path and one without, and the answers
must be the same bytes, status and content type: valid checks (answered by the fast path) and
every kind of bad body (left to the FastAPI route). A direct test of the middleware shows that
it does answer valid checks itself, so the comparison is not between two routes.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.api import ApiSettings, create_app
from service.api.fastpath import FastCheck
from service.api.metrics import Metrics
from tests.api.conftest import FIXTURES, SENTENCE
from tests.strategies import consistent_sentences


def _sentences() -> list[str]:
    found = []
    for name in ("consistent-newswire.txt", "inconsistent-newswire.txt"):
        lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
        found += [line for line in lines if line.strip() and not line.startswith("#")][:15]
    return found


VALID = [
    {"text": SENTENCE},
    {"text": SENTENCE, "fail_on": "never"},
    {"text": SENTENCE.replace("19.78", "21"), "fail_on": "minor_discrepancy"},
    {"text": SENTENCE, "options": {"strict_zeros": True, "minor_points": "0.05"}},
    {"text": f"## Exports\n\n{SENTENCE}", "format": "markdown"},
    {"text": f"<p>{SENTENCE}</p>", "format": "html"},
    {"text": "Les exportations ont augmenté de 5 % — «\u00a0record\u00a0» — 😀"},
    {"text": ""},
    *({"text": sentence} for sentence in _sentences()),
]
BAD = [
    b"",
    b"{",
    b"[]",
    b'{"text": 5}',
    b'{"text": null}',
    b'{"text": "a", "extra": 1}',
    b'{"text": "a", "format": "pdf"}',
    b'{"text": "a", "options": {"about": "lots"}}',
    b'{"text": "a", "options": {"strict_zeros": 1}}',
    b'{"text": "\\ud800 rose 5%"}',
    b'{"text": "a", "text": "rose 5% to $2 from $1"}',
    b'{"text": "caf\xe9"}',
    b'{"text": "' + b"1 rose 5% " * 150 + b'"}',  # over the inline size: the route's thread pool
    b'{"text": "' + b"x" * 40 + b'"}' + b" " * 10,
]


@pytest.fixture(scope="module")
def clients() -> Iterator[tuple[TestClient, TestClient]]:
    settings = ApiSettings(max_text_chars=5000)
    fast = TestClient(create_app(settings), raise_server_exceptions=False)
    plain = TestClient(create_app(settings, fast_check=False), raise_server_exceptions=False)
    with fast, plain:
        yield fast, plain


def _post(client: TestClient, body: bytes) -> tuple[int, str, bytes]:
    response = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    return response.status_code, response.headers["content-type"], response.content


@pytest.mark.parametrize("payload", VALID, ids=[str(i) for i in range(len(VALID))])
def test_a_valid_check_gets_the_same_answer(clients, payload):
    fast, plain = clients
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    answer = _post(fast, body)
    assert answer[0] == 200
    assert answer == _post(plain, body)


@pytest.mark.parametrize("body", BAD, ids=[str(i) for i in range(len(BAD))])
def test_a_bad_or_long_body_gets_the_same_answer(clients, body):
    fast, plain = clients
    assert _post(fast, body) == _post(plain, body)


def test_fast_answers_are_counted_under_the_route(clients):
    fast, _ = clients
    _post(fast, json.dumps({"text": SENTENCE}).encode())
    metrics = fast.get("/metrics").text
    assert 'route="/v1/check",status="200"' in metrics
    assert 'econcheck_claims_total{verdict="consistent"}' in metrics


class _Downstream:
    """Stands for the FastAPI app behind the middleware and records what reaches it."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        message = await receive()
        self.bodies.append(message["body"])
        await send({"type": "http.response.start", "status": 299, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def _through(middleware: FastCheck, body: bytes, chunk: int = 7) -> int:
    pieces = [body[i : i + chunk] for i in range(0, len(body), chunk)] or [b""]
    messages = [
        {"type": "http.request", "body": piece, "more_body": i < len(pieces) - 1}
        for i, piece in enumerate(pieces)
    ]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/v1/check", "headers": []}
    asyncio.run(middleware(scope, receive, send))
    return int(sent[0]["status"])


def test_the_middleware_answers_valid_checks_itself_and_passes_on_the_rest():
    downstream = _Downstream()
    middleware = FastCheck(downstream, ApiSettings(), Metrics())  # type: ignore[arg-type]
    valid = json.dumps({"text": SENTENCE}).encode()
    assert _through(middleware, valid) == 200
    assert downstream.bodies == []
    invalid = b'{"text": 5}'
    assert _through(middleware, invalid) == 299
    assert downstream.bodies == [invalid]  # the whole body, read in pieces, handed on


_OPTIONS = st.fixed_dictionaries(
    {},
    optional={
        "strict_zeros": st.booleans(),
        "truncation": st.booleans(),
        "about": st.sampled_from(["0.1", "0.05", "1e-2", "x"]),
        "minor_points": st.sampled_from(["0.1", "0", "-1"]),
    },
)
_BODIES = st.fixed_dictionaries(
    {"text": st.one_of(consistent_sentences(), st.text(max_size=300))},
    optional={
        "format": st.sampled_from(["plain", "markdown", "html", "rtf"]),
        "fail_on": st.sampled_from(["never", "consistent", "inconsistent", "impossible", "x"]),
        "options": st.one_of(st.none(), _OPTIONS),
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=_BODIES)
def test_any_body_gets_the_same_answer_either_way(clients, payload):
    fast, plain = clients
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass")
    assert _post(fast, body) == _post(plain, body)
