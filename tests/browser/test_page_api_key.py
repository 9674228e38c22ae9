"""The page on a service that asks for an API key (ECONCHECK_API_KEYS): it asks for the key,
sends it as a Bearer header, keeps it for the tab only, and says plainly when it is wrong."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, _open_page, eventually
from tests.serving import running_server

pytestmark = pytest.mark.browser

KEY = "newsroom-key-8f3a"
SENTENCE = "ICT exports rose 19.78 percent to $2.61 billion from $2.18 billion."


@pytest.fixture(scope="module")
def keyed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = {"ECONCHECK_API_KEYS": f"{KEY},another-key"}
    with running_server(tmp_path_factory.mktemp("keyed"), env=env) as (base, _):
        yield base


@pytest.fixture
def keyed_page(browser: Any, keyed_server: str) -> Iterator[Any]:
    yield from _open_page(browser, keyed_server, DESKTOP)


def _check(page: Any) -> None:
    page.fill("#text", SENTENCE)
    page.click("#check")
    page.wait_for_selector("#result:not([hidden]), #error:not([hidden])")


def test_the_key_box_is_hidden_until_the_service_asks(keyed_page):
    assert keyed_page.is_hidden("#key-box")
    _check(keyed_page)
    assert keyed_page.is_visible("#error")
    assert "needs an API key" in keyed_page.text_content("#error-message")
    assert keyed_page.is_visible("#key")


def test_with_the_key_the_check_goes_through_and_the_key_stays_for_the_tab_only(keyed_page):
    _check(keyed_page)
    keyed_page.fill("#key", KEY)
    keyed_page.press("#key", "Enter")
    keyed_page.wait_for_selector("#result:not([hidden])")
    assert keyed_page.is_hidden("#error")
    assert keyed_page.locator("mark.fig").count() >= 3
    stored = keyed_page.evaluate(
        "() => [sessionStorage.getItem('econcheck.key'), JSON.stringify(localStorage)]"
    )
    assert stored[0] == KEY
    assert KEY not in stored[1]  # never written to the storage that outlives the tab
    keyed_page.reload()
    keyed_page.wait_for_selector("html[data-ready='true']")
    assert keyed_page.input_value("#key") == KEY  # a reload in the same tab keeps it


def test_a_wrong_key_is_said_in_plain_words(keyed_page):
    _check(keyed_page)
    keyed_page.fill("#key", "not-the-key")
    keyed_page.click("#check")
    eventually(
        keyed_page,
        "document.querySelector('#error-message').textContent.includes('did not accept')",
    )
    assert keyed_page.is_hidden("#result")
