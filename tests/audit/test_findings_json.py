"""The findings column is written by orjson; it must be the bytes the stdlib json writes (as
UTF-8, the output's encoding)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from service import check_text
from service.audit.rowcheck import findings_json
from service.engine.json_objects import claim_object

ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def stdlib_json(claims: object) -> bytes:
    return ENCODER.encode(claims).encode("utf-8")


scalars = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(st.lists(st.dictionaries(st.text(), values, max_size=5), max_size=3))
def test_any_claim_like_value_is_written_as_json_writes_it(claims):
    assert findings_json(claims) == stdlib_json(claims)


def test_real_findings_are_written_as_json_writes_them(sentences):
    for text in sentences:
        report = check_text(text)
        claims = [claim_object(report, finding) for finding in report.findings]
        assert findings_json(claims) == stdlib_json(claims)


def test_a_lone_surrogate_is_written_escaped():
    """Not UTF-8, so neither orjson nor an encoder can write it as it is: the JSON escapes it."""
    claims = [{"text": "a\udc80b"}]
    assert findings_json(claims) == b'[{"text":"a\\udc80b"}]'
    assert json.loads(findings_json(claims)) == claims


def test_an_integer_orjson_refuses_is_written_by_the_stdlib():
    claims = [{"n": 2**70, "text": "é"}]
    assert findings_json(claims) == stdlib_json(claims)
