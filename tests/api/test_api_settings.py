"""Settings from the environment, API keys and CORS."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from service.api import ApiSettings
from service.cli.main import main
from service.cli.status import ExitStatus
from tests.api.conftest import SENTENCE


def test_settings_defaults():
    settings = ApiSettings()
    assert settings.max_body_bytes == 1024 * 1024
    assert settings.api_keys == [] and settings.cors_origins == []


def test_settings_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("ECONCHECK_MAX_BODY_BYTES", "2048")
    monkeypatch.setenv("ECONCHECK_MAX_TEXT_CHARS", "500")
    monkeypatch.setenv("ECONCHECK_TIME_BUDGET_SECONDS", "2.5")
    monkeypatch.setenv("ECONCHECK_CORS_ORIGINS", "https://desk.example, https://fc.example")
    monkeypatch.setenv("ECONCHECK_API_KEYS", "alpha,beta")
    settings = ApiSettings()
    assert (settings.max_body_bytes, settings.max_text_chars) == (2048, 500)
    assert settings.time_budget_seconds == 2.5
    assert settings.cors_origins == ["https://desk.example", "https://fc.example"]
    assert settings.key_bytes() == (b"alpha", b"beta")
    assert "alpha" not in repr(settings)


def test_invalid_setting_is_rejected(monkeypatch):
    monkeypatch.setenv("ECONCHECK_MAX_BODY_BYTES", "lots")
    with pytest.raises(ValidationError):
        ApiSettings()


def test_serve_refuses_an_invalid_setting_with_status_2(monkeypatch, capsys):
    monkeypatch.setenv("ECONCHECK_TIME_BUDGET_SECONDS", "-1")
    assert main(["serve", "--port", "1"]) is ExitStatus.ERROR
    assert "ECONCHECK_TIME_BUDGET_SECONDS" in capsys.readouterr().err


@pytest.fixture
def keyed(make_client):
    return make_client(api_keys=["s3cret-key", "other-key"])


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer wrong", "Bearer s3cret-keyX", "Basic czNjcmV0LWtleQ==", "Bearer ", "s3cret-key"],
)
def test_v1_needs_a_valid_key_when_keys_are_set(keyed, authorization):
    headers = {"authorization": authorization} if authorization is not None else {}
    response = keyed.post("/v1/check", json={"text": SENTENCE}, headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["type"] == "/problems/unauthorized"
    assert keyed.get("/v1/rules", headers=headers).status_code == 401


@pytest.mark.parametrize("authorization", ["Bearer s3cret-key", "bearer other-key"])
def test_any_configured_key_is_accepted(keyed, authorization):
    response = keyed.post(
        "/v1/check", json={"text": SENTENCE}, headers={"authorization": authorization}
    )
    assert response.status_code == 200


def test_key_is_checked_before_the_body_is_read(keyed):
    response = keyed.post(
        "/v1/check", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 401


def test_health_stays_open_with_keys(keyed):
    assert keyed.get("/healthz").status_code == 200
    assert keyed.get("/readyz").status_code == 200


def test_openapi_declares_bearer_scheme_only_with_keys(keyed, client):
    assert "HTTPBearer" in keyed.get("/openapi.json").json()["components"]["securitySchemes"]
    assert "securitySchemes" not in client.get("/openapi.json").json().get("components", {})


def test_cors_allows_configured_origins_only(make_client, client):
    cors = make_client(cors_origins=["https://desk.example"])
    preflight = {"origin": "https://desk.example", "access-control-request-method": "POST"}
    response = cors.options("/v1/check", headers=preflight)
    assert response.headers["access-control-allow-origin"] == "https://desk.example"
    other = cors.post("/v1/check", json={"text": "x"}, headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    plain = client.post("/v1/check", json={"text": "x"}, headers={"origin": "https://desk.example"})
    assert "access-control-allow-origin" not in plain.headers


def test_cors_preflight_needs_no_key_and_refusals_carry_cors_headers(make_client):
    client = make_client(cors_origins=["https://desk.example"], api_keys=["k"])
    origin = {"origin": "https://desk.example"}
    preflight = client.options(
        "/v1/check",
        headers={
            **origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "authorization, content-type",
        },
    )
    assert preflight.status_code == 200
    refused = client.post("/v1/check", json={"text": "x"}, headers=origin)
    assert refused.status_code == 401
    assert refused.headers["access-control-allow-origin"] == "https://desk.example"
