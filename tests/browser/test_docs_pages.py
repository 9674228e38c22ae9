"""The API docs (/docs) render and work in a real browser with no network beyond the server.

Swagger UI comes from assets installed with the package (fastapi-offline), so a fact-checker on
an offline or locked-down network still gets working docs. Every request to another host is
refused and recorded here: there must be none. (ReDoc is not served: its bundle fetches its logo
from cdn.redoc.ly, which this test caught.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.browser


@pytest.fixture
def offline_page(browser: Any, server: str) -> Iterator[tuple[Any, list[str]]]:
    """A page that can reach the server only; the URLs it tried elsewhere are listed."""
    context = browser.new_context(viewport=DESKTOP)
    elsewhere: list[str] = []

    def only_the_server(route: Any) -> None:
        url = route.request.url
        if url.startswith(server):
            route.continue_()
        else:
            elsewhere.append(url)
            route.abort()

    context.route("**/*", only_the_server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page, elsewhere
    finally:
        context.close()
    assert errors == [], f"the docs page reported script errors: {errors}"


def test_swagger_ui_lists_every_endpoint_without_a_cdn(offline_page, server):
    page, elsewhere = offline_page
    page.goto(f"{server}/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)
    paths = set(
        page.eval_on_selector_all(".opblock-summary-path", "ns => ns.map(n => n.textContent)")
    )
    assert {"/v1/check", "/v1/claims", "/v1/figures", "/v1/audit", "/v1/rules"} <= {
        path.replace("\u200b", "") for path in paths
    }
    assert elsewhere == []


def test_swagger_ui_can_try_a_check(offline_page, server):
    page, elsewhere = offline_page
    page.goto(f"{server}/docs")  # operations start collapsed; a deep link would race the click
    block = page.locator(".opblock-post", has_text="/v1/check").first
    block.wait_for(timeout=15_000)
    block.locator(".opblock-summary").click()
    block.locator(".try-out__btn").click(timeout=15_000)
    block.locator(".execute").click()
    body = block.locator(".responses-wrapper .live-responses-table .response-col_description pre")
    body.first.wait_for(timeout=15_000)
    assert '"verdict"' in body.first.text_content()
    assert elsewhere == []
