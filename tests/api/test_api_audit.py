"""`POST /v1/audit`: the audited CSV streamed back, the same bytes as the library produces."""

from __future__ import annotations

from fastapi.testclient import TestClient

from service.api.app import create_app
from service.audit import audit_csv_bytes

CSV = (
    b"id,text\n"
    b"1,Exports rose 19.78 percent to $2.61 billion from $2.18 billion.\n"
    b"2,The border runs 2670 kilometers (1640 miles).\n"
    b"3,No figures here.\n"
    b'4,"bad, row",extra\n'
)


def client() -> TestClient:
    return TestClient(create_app())


def test_csv_body_streams_every_row_back_with_verdicts():
    with client() as http:
        response = http.post("/v1/audit", content=CSV, headers={"Content-Type": "text/csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content == b"".join(audit_csv_bytes([CSV]))
    lines = response.text.splitlines()
    assert lines[0].startswith("id,text,verdict,claims,findings,error")
    assert len(lines) == 5


def test_multipart_upload_is_accepted():
    with client() as http:
        response = http.post("/v1/audit", files={"file": ("claims.csv", CSV, "text/csv")})
    assert response.status_code == 200
    assert response.content == b"".join(audit_csv_bytes([CSV]))


def test_missing_text_column_is_a_problem_naming_the_field():
    with client() as http:
        response = http.post(
            "/v1/audit", content=b"id,body\n1,x\n", headers={"Content-Type": "text/csv"}
        )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["field"] == "text_column"


def test_json_body_is_refused_with_415():
    with client() as http:
        response = http.post("/v1/audit", json={"text": "x"})
    assert response.status_code == 415


def test_unusable_options_are_problems_naming_the_parameter():
    headers = {"Content-Type": "text/csv"}
    with client() as http:
        quote = http.post("/v1/audit", params={"delimiter": '"'}, content=CSV, headers=headers)
        twice = http.post(
            "/v1/audit", params={"columns": "old=a,old=b"}, content=CSV, headers=headers
        )
        no_bom = http.post("/v1/audit", params={"encoding": "utf-16"}, content=CSV, headers=headers)
    assert (quote.status_code, quote.json()["field"]) == (422, "delimiter")
    assert (twice.status_code, twice.json()["field"]) == (422, "columns")
    assert no_bom.status_code == 400 and "utf-16" in no_bom.json()["detail"]


def test_a_codec_that_is_not_a_text_encoding_is_a_400_not_a_500():
    with client() as http:
        for codec in ("rot13", "bz2", "base64"):
            response = http.post(
                "/v1/audit",
                params={"encoding": codec},
                content=CSV,
                headers={"Content-Type": "text/csv"},
            )
            assert response.status_code == 400, codec
            assert "not a known text encoding" in response.json()["detail"]
