"""Every error status of the API as RFC 9457 problem+json, and the bad inputs of the issue.

Each bad request is followed by a good one, so a bad input that broke the app would show.
"""

from __future__ import annotations

import json

import pytest

from tests.api.conftest import SENTENCE

PROBLEM_KEYS = {"type", "title", "status", "detail", "field", "errors"}
JSON = {"content-type": "application/json"}


def _problem(response, status: int, slug: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert set(body) == PROBLEM_KEYS
    assert (body["status"], body["type"]) == (status, f"/problems/{slug}")
    assert "Traceback" not in response.text and "/work/" not in response.text
    assert ".py" not in response.text
    return body


def _still_serves(client) -> None:
    response = client.post("/v1/check", json={"text": SENTENCE})
    assert [c["verdict"] for c in response.json()["claims"]] == ["consistent"]


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        pytest.param(b'{"text": "x"', "not valid JSON", id="truncated"),
        pytest.param(b"{\"text\": 'x'}", "not valid JSON", id="single-quotes"),
        pytest.param(b"\xc3\x28{}", "not valid UTF-8 (byte 0xc3 at offset 0)", id="invalid-utf8"),
        pytest.param(b'{"text": "caf\xe9"}', "not valid UTF-8 (byte 0xe9", id="latin-1-in-json"),
        pytest.param(b"[" * 200_000 + b"]" * 200_000, "nested too deeply", id="deeply-nested"),
    ],
)
def test_unreadable_body_is_400_saying_why(client, body, detail):
    problem = _problem(client.post("/v1/check", content=body, headers=JSON), 400, "invalid-json")
    assert detail in problem["detail"]
    assert problem["field"] == "/"
    _still_serves(client)


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        pytest.param({"text": 5}, "/text", "valid string", id="number-for-text"),
        pytest.param({"text": None}, "/text", "valid string", id="null-text"),
        pytest.param({}, "/text", "required field is missing", id="missing-text"),
        pytest.param(["text"], "/", "valid dictionary", id="list-for-object"),
        pytest.param({"text": "x", "colour": "red"}, "/colour", "unknown field", id="unknown"),
        pytest.param({"text": "x", "format": "rtf"}, "/format", "'plain'", id="bad-format"),
        pytest.param({"text": "x", "fail_on": "bad"}, "/fail_on", "'never'", id="bad-fail-on"),
        pytest.param(
            {"text": "x", "options": {"about": ""}}, "/options/about", "pattern", id="empty-decimal"
        ),
        pytest.param(
            {"text": "x", "options": {"about": 0.1}}, "/options/about", "string", id="float-decimal"
        ),
        pytest.param(
            {"text": "x", "extra": {"a": {"b": {"c": [[[[1]]]]}}}}, "/extra", "unknown", id="nested"
        ),
    ],
)
def test_body_not_matching_schema_is_422_naming_the_field(client, body, field, message):
    problem = _problem(client.post("/v1/check", json=body), 422, "invalid-body")
    assert problem["field"] == field
    assert message in problem["errors"][0]["message"]
    _still_serves(client)


def test_all_failing_fields_are_listed(client):
    problem = _problem(
        client.post("/v1/check", json={"text": 1, "fail_on": 2, "x": 3}), 422, "invalid-body"
    )
    assert {error["field"] for error in problem["errors"]} == {"/text", "/fail_on", "/x"}


def test_claim_figure_that_does_not_read_is_422_with_its_pointer(client):
    body = [{"old": "2.18", "new": "2.61", "percent": "19.78"}, {"old": "2.18", "new": "2 3 4"}]
    problem = _problem(client.post("/v1/claims", json=body), 422, "invalid-claim")
    assert problem["field"] == "/1/new"
    assert "'2 3 4'" in problem["detail"]


def test_claim_with_empty_figure_is_422(client):
    problem = _problem(client.post("/v1/claims", json={"old": "", "new": "1"}), 422, "invalid-body")
    assert problem["field"] == "/old"


def test_claim_of_unknown_kind_is_422_listing_the_kinds(client):
    body = {"kind": "ratio", "old": "1", "new": "2", "percent": "100"}
    problem = _problem(client.post("/v1/claims", json=body), 422, "invalid-claim")
    assert problem["field"] == "/kind"
    assert "percent_change" in problem["detail"]


def test_too_many_claims_is_413(make_client):
    client = make_client(max_claims=2)
    body = [{"old": "1", "new": "2", "percent": "100"}] * 3
    problem = _problem(client.post("/v1/claims", json=body), 413, "body-too-large")
    assert "limit of 2" in problem["detail"]


def test_fifty_megabyte_body_is_413_before_it_is_read(client):
    body = json.dumps({"text": "1" * (50 * 1024 * 1024)}).encode()
    problem = _problem(client.post("/v1/check", content=body, headers=JSON), 413, "body-too-large")
    assert f"{len(body)} bytes is over the limit of 1048576 bytes" in problem["detail"]
    _still_serves(client)


def test_chunked_body_over_the_limit_is_413(make_client):
    client = make_client(max_body_bytes=1000)
    chunks = (b'{"text": "' + b"1" * 600, b"1" * 600 + b'"}')
    response = client.post("/v1/check", content=iter(chunks), headers=JSON)
    _problem(response, 413, "body-too-large")
    small = client.post("/v1/check", content=iter((b'{"text": ', b'"ok"}')), headers=JSON)
    assert small.status_code == 200


def test_text_over_the_character_limit_is_413(make_client):
    client = make_client(max_text_chars=100)
    problem = _problem(client.post("/v1/check", json={"text": "x" * 101}), 413, "text-too-long")
    assert problem["field"] == "/text"
    assert client.post("/v1/check", json={"text": "x" * 100}).status_code == 200


def test_text_of_only_digits_is_read_not_failed(client):
    """A text of only digits is valid input: no claims, and an answer rather than an error."""
    for digits in ("7" * 50, "1234567890" * 10_000):
        body = client.post("/v1/check", json={"text": digits}).json()
        assert body["claims"] == []
        assert body["summary"]["claims_checked"] == 0
    _still_serves(client)


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
    ],
)
def test_wrong_content_type_is_415(client, content_type):
    response = client.post(
        "/v1/check", content=b'{"text": "x"}', headers={"content-type": content_type}
    )
    problem = _problem(response, 415, "unsupported-media-type")
    assert content_type.split(";")[0] in problem["detail"]


@pytest.mark.parametrize(
    "content_type", ["application/json; charset=utf-8", "application/problem+json"]
)
def test_json_content_types_are_accepted(client, content_type):
    response = client.post(
        "/v1/check", content=b'{"text": "x"}', headers={"content-type": content_type}
    )
    assert response.status_code == 200


def test_unknown_path_and_rule_are_404(client):
    _problem(client.get("/v1/nothing"), 404, "not-found")
    problem = _problem(client.get("/v1/rules/EC999"), 404, "not-found")
    assert "EC101" in problem["detail"]


def test_wrong_method_is_405_with_allow(client):
    response = client.get("/v1/check")
    _problem(response, 405, "method-not-allowed")
    assert response.headers["allow"] == "POST"


def test_time_budget_exceeded_is_503(make_client):
    client = make_client(time_budget_seconds=0.001)
    dense = "1 2 3.5% " * 2000
    problem = _problem(client.post("/v1/check", json={"text": dense}), 503, "time-budget-exceeded")
    assert "0.001 s" in problem["detail"]
    _still_serves(client)


def test_unexpected_error_is_500_without_trace_or_path(client):
    app = client.app

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError(f"secret state in {__file__}")

    problem = _problem(client.get("/boom"), 500, "internal-error")
    assert "secret" not in problem["detail"]
    _still_serves(client)


@pytest.mark.parametrize("path", ["/v1/check", "/v1/figures"])
def test_lone_surrogate_in_text_is_422_not_500(client, path):
    """JSON can escape a lone surrogate; an answer quoting it could not be encoded as UTF-8."""
    body = b'{"text": "Exports rose 19.78 percent to $2.61 \\ud800 billion from $2.18 billion."}'
    problem = _problem(client.post(path, content=body, headers=JSON), 422, "invalid-body")
    assert problem["field"] == "/text"
    position = json.loads(body)["text"].index("\ud800")
    assert f"lone surrogate at character {position}" in problem["detail"]
