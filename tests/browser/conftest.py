"""The real thing for the page tests: `econcheck serve` on a free port and Debian's Chromium.

The server runs as a process of its own, started once for the session with a small text limit
(so an oversized text is cheap to send) and stopped by its process id. The browser is Debian's
`chromium` driven by Playwright for Python; Playwright's own browser download is never used.
Without that binary, or when Playwright cannot start it, the browser tests skip and say why;
with `ECONCHECK_REQUIRE_BROWSER=1` (CI) they fail instead, so a broken install is not hidden.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.serving import running_server

CHROMIUM = Path("/usr/lib/chromium/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Well above the seed article (~7,700 characters), well below the default of 200,000.
MAX_TEXT_CHARS = 20_000
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TESTS = Path(__file__).resolve().parent.parent
ARTIFACTS = TESTS / "artifacts" / "browser"


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a real `econcheck serve` with `ECONCHECK_MAX_TEXT_CHARS` set small."""
    env = {"ECONCHECK_MAX_TEXT_CHARS": str(MAX_TEXT_CHARS)}
    with running_server(tmp_path_factory.mktemp("serve"), env=env) as (base, _):
        yield base


def _unavailable(reason: str) -> None:
    if os.environ.get("ECONCHECK_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (ECONCHECK_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium under Playwright, headless, for the whole session."""
    if not CHROMIUM.is_file():
        _unavailable(f"Debian chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright for Python is not installed (pip install playwright)")
    manager = sync_playwright()
    playwright = manager.start()
    try:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception as exc:  # any launch failure means: no browser on this machine
        manager.__exit__(None, None, None)
        _unavailable(f"playwright cannot launch {CHROMIUM}: {str(exc).splitlines()[0]}")
    try:
        yield launched
    finally:
        launched.close()
        manager.__exit__(None, None, None)


class PageProblems:
    """Script errors and Content-Security-Policy refusals seen by a page: there must be none."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def console(self, message: Any) -> None:
        if message.type == "error" and "Failed to load resource" not in message.text:
            self.seen.append(message.text)  # CSP refusals are console errors too

    def error(self, error: Any) -> None:
        self.seen.append(str(error))


def eventually(page: Any, expression: str, timeout: float = 15.0) -> None:
    """Wait until a JavaScript expression is true, polling from here.

    Not `page.wait_for_function`: when its predicate is not true at once it polls through
    `new Function` in the page, which the page's Content-Security-Policy (no 'unsafe-eval')
    rightly refuses, so such tests failed only when the page was a little slow.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout:g} s: {expression}")
        page.wait_for_timeout(25)


def _open_page(browser: Any, server: str, viewport: dict[str, int]) -> Iterator[Any]:
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    problems = PageProblems()
    page.on("console", problems.console)
    page.on("pageerror", problems.error)
    page.goto(f"{server}/")
    page.wait_for_selector("html[data-ready='true']")
    try:
        yield page
    finally:
        context.close()
    assert problems.seen == [], f"the page reported errors: {problems.seen}"


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page (empty local storage) at desktop width, loaded from the real server."""
    yield from _open_page(browser, server, DESKTOP)


@pytest.fixture
def phone_page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page at a phone's width (390 px)."""
    yield from _open_page(browser, server, PHONE)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (git-ignored); CI keeps them as test artefacts."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (TESTS / "fixtures" / "seed-articles.txt").read_text(encoding="utf-8")
