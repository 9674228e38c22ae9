"""Every endpoint of the HTTP API, in-process, on its success paths (errors: test_api_errors)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import service
from service.loader import default_rules
from service.version import engine_build
from tests.api.conftest import SENTENCE

TRUNCATED = "Inflows were $1,907.3 million, up 9.3 percent from $1,744.1 million."
SWAPPED = "Exports rose 19.78 percent to $2.18 billion from $2.61 billion."


def _two_places(text: str) -> Decimal:
    return Decimal(text).quantize(Decimal("0.01"))


def test_check_sentence_returns_consistent_claim_with_arithmetic(client):
    response = client.post("/v1/check", json={"text": SENTENCE})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    [claim] = body["claims"]
    assert (claim["rule"], claim["verdict"]) == ("EC101", "consistent")
    assert SENTENCE[claim["span"]["start"] : claim["span"]["end"]] == claim["text"]
    assert (claim["line"], claim["column"]) == (1, claim["span"]["start"] + 1)
    assert _two_places(claim["computed"]["low"]) == Decimal("19.22")
    assert _two_places(claim["computed"]["high"]) == Decimal("20.23")
    assert claim["stated"] == {"low": "19.775", "high": "19.785"}
    roles = {figure["role"]: figure["value"] for figure in claim["figures"]}
    assert roles == {"percent": "19.78", "new": "2610000000", "old": "2180000000"}
    assert body["summary"]["verdicts"]["consistent"] == 1
    assert body["summary"]["claims_checked"] == 1
    assert (body["fail_on"], body["failed"]) == ("inconsistent", False)


def test_check_spans_index_the_text_as_sent_past_non_ascii(client):
    text = "📈 Café — “Export earnings” climbed.\n\n" + SWAPPED
    [claim] = client.post("/v1/check", json={"text": text}).json()["claims"]
    assert text[claim["span"]["start"] : claim["span"]["end"]] == claim["text"]
    assert claim["line"] == 3
    assert claim["column"] == claim["span"]["start"] - text.index("Exports") + 1


def test_check_seed_article_gives_the_engine_verdicts(client, seed_text):
    body = client.post("/v1/check", json={"text": seed_text}).json()
    report = service.check_text(seed_text)
    assert [c["verdict"] for c in body["claims"]] == [f.verdict.value for f in report.findings]
    assert [c["rule"] for c in body["claims"]] == [f.rule for f in report.findings]
    assert body["claims"], "the seed article has checkable claims"
    assert all(c["verdict"] == "consistent" for c in body["claims"])
    ict = next(c for c in body["claims"] if "19.78" in c["text"] and c["rule"] == "EC101")
    assert seed_text[ict["span"]["start"] : ict["span"]["end"]] == ict["text"]
    assert body["summary"]["figures_seen"] == len(report.figures)
    assert body["summary"]["figures_in_claims"] >= 6


def test_fail_on_sets_failed_at_or_above_the_level(client):
    def failed(fail_on: str) -> bool:
        return client.post("/v1/check", json={"text": SWAPPED, "fail_on": fail_on}).json()["failed"]

    assert failed("minor_discrepancy") and failed("inconsistent")
    assert not failed("impossible") and not failed("never")


def test_options_change_the_tolerance_policy(client):
    default = client.post("/v1/check", json={"text": TRUNCATED}).json()
    strict = client.post(
        "/v1/check",
        json={"text": TRUNCATED, "options": {"truncation": False, "minor_points": "0"}},
    ).json()
    assert [c["verdict"] for c in default["claims"]] == ["minor_discrepancy"]
    assert [c["verdict"] for c in strict["claims"]] == ["inconsistent"]


def test_markdown_format_skips_code_and_keeps_offsets(client):
    text = f"# Exports\n\n```\n{SWAPPED}\n```\n\n**{SENTENCE}**\n"
    plain = client.post("/v1/check", json={"text": text}).json()["claims"]
    markdown = client.post("/v1/check", json={"text": text, "format": "markdown"}).json()["claims"]
    assert "inconsistent" in [c["verdict"] for c in plain]
    assert [c["verdict"] for c in markdown] == ["consistent"]
    [claim] = markdown
    assert text[claim["span"]["start"] : claim["span"]["end"]] == claim["text"]
    assert claim["line"] == 7


def test_claims_single_structured_claim(client):
    body = {"kind": "percent_change", "old": "2.18", "new": "2.61", "percent": "19.78"}
    response = client.post("/v1/claims", json=body)
    assert response.status_code == 200
    [claim] = response.json()["claims"]
    assert (claim["rule"], claim["verdict"]) == ("EC101", "consistent")
    assert {f["role"]: f["value"] for f in claim["figures"]}["percent"] == "19.78"


def test_claims_list_keeps_order_and_reads_figures_with_units(client):
    body = [
        {"old": "$313 million", "new": "$374 million", "percent": "19.5", "direction": "up"},
        {"old": "2.61", "new": "2.18", "percent": "19.78", "direction": "up"},
    ]
    results = client.post("/v1/claims", json=body).json()["results"]
    assert [[c["verdict"] for c in r["claims"] if c["rule"] == "EC101"] for r in results] == [
        ["consistent"],
        ["inconsistent"],
    ]


def test_claims_precision_as_written_survives(client):
    """ "19.50" is stated to the hundredth, "19.5" to the tenth: the stated intervals differ."""
    common = {"kind": "percent_change", "old": "313", "new": "374"}
    tenth = client.post("/v1/claims", json={**common, "percent": "19.5"}).json()
    hundredth = client.post("/v1/claims", json={**common, "percent": "19.50"}).json()
    assert tenth["claims"][0]["stated"] == {"low": "19.45", "high": "19.55"}
    assert hundredth["claims"][0]["stated"] == {"low": "19.495", "high": "19.505"}


def test_claims_kind_keeps_only_rules_of_that_kind(client):
    body = {"old": "14.355", "new": "15.126", "change": "0.7707", "percent": "5.4"}
    every = client.post("/v1/claims", json=body).json()["claims"]
    absolute = client.post("/v1/claims", json={**body, "kind": "absolute_change"}).json()["claims"]
    assert {c["kind"] for c in every} >= {"percent_change", "absolute_change"}
    assert {c["kind"] for c in absolute} == {"absolute_change"}


def test_figures_lists_seed_amounts_with_value_interval_and_claims(client, seed_text):
    body = client.post("/v1/figures", json={"text": seed_text}).json()
    figures = body["figures"]
    assert [f["span"]["start"] for f in figures] == sorted(f["span"]["start"] for f in figures)
    spaced = next(f for f in figures if f["text"].startswith("$ 2.61"))
    assert (spaced["value"], spaced["low"], spaced["high"]) == (
        "2610000000",
        "2605000000",
        "2615000000",
    )
    assert spaced["currency"] == "USD"
    assert "EC101" in spaced["in_claim"]
    assert seed_text[spaced["span"]["start"] : spaced["span"]["end"]] == spaced["text"]
    assert body["summary"]["figures_seen"] == len(figures)


def test_rules_lists_every_rule_with_examples_and_version(client):
    body = client.get("/v1/rules").json()
    ruleset = default_rules()
    assert body["version"] == ruleset.version
    assert [rule["code"] for rule in body["rules"]] == [rule.code for rule in ruleset.rules]
    assert all(rule["examples"]["pass"] or rule["examples"]["fail"] for rule in body["rules"])


@pytest.mark.parametrize("code", ["EC101", "ec101"])
def test_one_rule_by_code(client, code):
    rule = client.get(f"/v1/rules/{code}").json()
    assert rule["code"] == "EC101"
    assert rule["relation"] == default_rules().by_code("EC101").relation.source
    assert {"text", "verdict", "diagnosis"} <= set(rule["examples"]["pass"][0])


def test_health_and_readiness(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready == {
        "status": "ready",
        "version": service.__version__,
        "rules": len(default_rules().rules),
        "engine": engine_build(),
    }


def _sample(text: str, name: str, labels: str) -> float:
    line = next(line for line in text.splitlines() if line.startswith(f"{name}{{{labels}}}"))
    return float(line.rsplit(" ", 1)[1])


def test_metrics_count_requests_latency_and_claims_by_verdict(client):
    client.post("/v1/check", json={"text": SENTENCE})
    client.post("/v1/check", json={"text": SWAPPED})
    client.post("/v1/check", content=b"{", headers={"content-type": "application/json"})
    response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert _sample(text, "econcheck_claims_total", 'verdict="consistent"') == 1
    assert _sample(text, "econcheck_claims_total", 'verdict="inconsistent"') == 1
    ok = 'method="POST",route="/v1/check",status="200"'
    bad = 'method="POST",route="/v1/check",status="400"'
    assert _sample(text, "econcheck_http_requests_total", ok) == 2
    assert _sample(text, "econcheck_http_requests_total", bad) == 1
    count = 'method="POST",route="/v1/check"'
    assert _sample(text, "econcheck_http_request_duration_seconds_count", count) == 3


def test_openapi_has_examples_on_every_request_model_and_docs_are_served(client):
    spec = client.get("/openapi.json").json()
    bodies = [
        operation["requestBody"]["content"]["application/json"]["schema"]
        for path in spec["paths"].values()
        for operation in path.values()
        if "requestBody" in operation
    ]
    assert len(bodies) == 3
    schemas = spec["components"]["schemas"]
    for name in ("CheckRequest", "ClaimRequest", "FiguresRequest", "PolicyOptions"):
        assert schemas[name]["examples"], name
    assert "swagger-ui" in client.get("/docs").text


def test_html_format_reads_text_content_only(client):
    text = f'<p data-note="{SWAPPED}">{SENTENCE}</p>'
    claims = client.post("/v1/check", json={"text": text, "format": "html"}).json()["claims"]
    assert [c["verdict"] for c in claims] == ["consistent"]
    assert text[claims[0]["span"]["start"] : claims[0]["span"]["end"]] == claims[0]["text"]
