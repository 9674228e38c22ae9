"""Fixtures for the HTTP API tests: the app with given settings, in-process, and the seed article."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.api import ApiSettings, create_app

FIXTURES = Path(__file__).parent.parent / "fixtures"
SENTENCE = "ICT exports rose 19.78 percent to $2.61 billion from $2.18 billion."


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "seed-articles.txt").read_text(encoding="utf-8")


@pytest.fixture
def make_client() -> Iterator[Callable[..., TestClient]]:
    """Builds a client for an app with the given settings; every client is closed afterwards."""
    clients: list[TestClient] = []

    def build(**settings: Any) -> TestClient:
        client = TestClient(create_app(ApiSettings(**settings)), raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()
