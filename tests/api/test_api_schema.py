"""schemathesis against the app's own OpenAPI schema: every operation, generated inputs.

The checks are the defaults the issue names: no 5xx, every status code and content type
documented, every response valid against its schema (the response models forbid extra keys, so
the JSON built by `service.engine.json_objects` must match the documented shape exactly), and
documented headers present. Invalid inputs must be rejected with a 4xx.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from service.api import ApiSettings, create_app

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(ApiSettings()))


@schema.parametrize()
@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_schema(case):
    case.call_and_validate(checks=CHECKS)
