"""Runs the engine for a request: reads the text in its format, and keeps to the time budget.

The engine is CPU-bound and pure. A budget can only be enforced on work running in another
thread, so long texts go to the thread pool and the request gets a 503 when the budget runs
out (the thread finishes in the background: Python cannot stop it, which is why the text
length is limited too). Short texts, a sentence or a paragraph, take milliseconds even when they
are nothing but figures, so they run inline and skip the thread hop, which would otherwise cost
more than the check itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from starlette.concurrency import run_in_threadpool

from service import check_text
from service.api.models import TextFormat
from service.api.problems import ProblemError
from service.api.settings import ApiSettings
from service.engine.policy import Policy
from service.engine.report import Report
from service.lint.extract import checked_text

# Dense figures cost about 65 µs per character at worst, so this is ~65 ms: fine inline.
INLINE_CHARS = 1000
T = TypeVar("T")


def check_in_format(text: str, text_format: TextFormat, policy: Policy) -> Report:
    """Check the text as the engine should see it, keeping the text as sent in the report.

    Markdown and HTML are blanked character for character, so every span indexes the text as sent;
    line and column come from the original, whose line breaks they keep.
    """
    if text_format == "plain":
        return check_text(text, policy)
    report = check_text(
        checked_text(text, "markdown" if text_format == "markdown" else "html"), policy
    )
    return replace(report, text=text)


async def checked_report(
    text: str, text_format: TextFormat, policy: Policy, settings: ApiSettings
) -> Report:
    """The report on a request's text: its length checked, the check kept to the time budget."""
    require_length(text, settings.max_text_chars)
    return await within_budget(
        lambda: check_in_format(text, text_format, policy),
        len(text),
        settings.time_budget_seconds,
    )


async def within_budget(work: Callable[[], T], size: int, budget: float) -> T:
    """`work()` inline when `size` is small, else in the thread pool under the time budget."""
    if size <= INLINE_CHARS:
        return work()
    try:
        return await asyncio.wait_for(run_in_threadpool(work), timeout=budget)
    except TimeoutError:
        detail = f"the check took longer than {budget:g} s (ECONCHECK_TIME_BUDGET_SECONDS)"
        raise ProblemError(503, "time-budget-exceeded", detail) from None


def require_length(text: str, limit: int, pointer: str = "/text") -> None:
    if len(text) > limit:
        detail = f"{len(text)} characters is over the limit of {limit} (ECONCHECK_MAX_TEXT_CHARS)"
        raise ProblemError(413, "text-too-long", detail, pointer)
