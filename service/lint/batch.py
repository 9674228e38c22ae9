"""Many drafts on all cores: a folder of a thousand articles should take seconds, not minutes.

The engine is pure and CPU-bound, so files are spread over worker processes. Workers are forked
after the rule files are loaded (so none re-reads them), take files in chunks, and also render
each file's output: a report full of `Decimal`s costs more to send back than to check, while
its rendering is a few strings. Results come back in input order. Small runs stay in-process,
where starting workers would cost more than it saves. A file that crashes the engine becomes a
`Crash` value naming it, so one bad draft does not hide the others' results.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from service.engine.policy import Policy
from service.lint.config import LintConfig
from service.lint.runner import LintResult, lint_text

T = TypeVar("T")

# Below this much text, one process is faster than starting a pool.
_PARALLEL_FROM_CHARS = 400_000


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    text: str
    config: LintConfig
    policy: Policy | None = None
    fail_on: str | None = None
    changed: frozenset[int] | None = None


@dataclass(frozen=True, slots=True)
class Crash:
    """The engine failed on one file: the tool's own failure, reported with the file's name."""

    path: str
    message: str


def run_job(job: Job) -> LintResult:
    return lint_text(
        job.text, job.path, job.config, policy=job.policy, fail_on=job.fail_on, changed=job.changed
    )


def _work(render: Callable[[LintResult], T], job: Job) -> T | Crash:
    try:
        return render(run_job(job))
    except Exception as exc:  # a bug in the engine must not lose the other files' results
        return Crash(job.path, f"internal error while checking: {type(exc).__name__}: {exc}")


def default_workers() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def run_jobs(
    jobs: list[Job], render: Callable[[LintResult], T], workers: int = 0
) -> list[T | Crash]:
    """`render(result)` for each job, in order; `workers` 0 picks one per core for large runs.
    `render` must be a module-level function (or a partial of one) so workers can receive it."""
    size = sum(len(job.text) for job in jobs)
    workers = workers or (default_workers() if size >= _PARALLEL_FROM_CHARS else 1)
    workers = min(workers, len(jobs))
    work = partial(_work, render)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [work(job) for job in jobs]
    from service.loader import default_engine

    default_engine()  # loaded once here, inherited by every forked worker
    chunk = max(1, len(jobs) // (workers * 8))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(work, jobs, chunksize=chunk))
