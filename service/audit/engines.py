"""Where batches are checked: in this process, in a local process pool, or on a Dask cluster.

Every engine maps an iterator of batches to their output rows and verdicts *in input order*,
keeping at most a small window of batches in flight, so memory stays flat whatever the file size
and the writer can stream. The work itself is always `rowcheck.audit_batch`, so the engines'
outputs are identical byte for byte.

Dask is imported only when asked for, so the package works without the ``econcheck[dask]`` extra.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain
from typing import Any, Protocol

from service.audit.errors import EngineUnavailableError
from service.audit.rowcheck import BatchJob, Checked, audit_batch
from service.audit.source import Record

Batch = list[Record]


class Engine(Protocol):
    def map(self, job: BatchJob, batches: Iterable[Batch]) -> Iterator[Checked]: ...

    def close(self) -> None: ...


class InProcess:
    """Checks batches in this process: `--jobs 1`, and the HTTP API."""

    def map(self, job: BatchJob, batches: Iterable[Batch]) -> Iterator[Checked]:
        for batch in batches:
            yield audit_batch(job, batch)

    def close(self) -> None:
        pass


def _ordered(
    submit: Callable[[Batch], Any], batches: Iterable[Batch], window: int
) -> Iterator[Checked]:
    """Submits ahead up to `window` batches and yields their results in submission order."""
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _warm_up() -> None:
    """Loads the rules once per worker, before the first batch arrives."""
    from service import check_text

    check_text("Exports rose 10 percent to 11 from 10.")


class ProcessPool:
    """Checks batches in `jobs` worker processes (spawned: safe beside threads, as in a server)."""

    def __init__(self, jobs: int) -> None:
        self._jobs = jobs
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_warm_up)

    def map(self, job: BatchJob, batches: Iterable[Batch]) -> Iterator[Checked]:
        def submit(batch: Batch) -> Future[Checked]:
            return self._pool.submit(audit_batch, job, batch)

        batches = iter(batches)
        first, second = next(batches, None), next(batches, None)
        if first is None:
            return
        if second is None:  # one batch: not worth starting the workers
            yield audit_batch(job, first)
            return
        yield from _ordered(submit, chain((first, second), batches), window=self._jobs * 3)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class DaskEngine:
    """Checks batches (partitions of the CSV) on the workers of a Dask cluster."""

    def __init__(self, scheduler: str) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise EngineUnavailableError(
                "--engine dask needs the dask extra: pip install 'econcheck[dask]'"
            ) from exc
        self._client = Client(scheduler, set_as_default=False)
        self._window = max(2, 3 * sum(self._client.nthreads().values()))

    def map(self, job: BatchJob, batches: Iterable[Batch]) -> Iterator[Checked]:
        def submit(batch: Batch) -> Any:
            return self._client.submit(audit_batch, job, batch, pure=False)

        return _ordered(submit, batches, window=self._window)

    def close(self) -> None:
        self._client.close()


def make_engine(name: str, jobs: int, scheduler: str | None) -> Engine:
    if name == "dask":
        if not scheduler:
            raise EngineUnavailableError("--engine dask needs --scheduler ADDRESS")
        return DaskEngine(scheduler)
    return InProcess() if jobs <= 1 else ProcessPool(jobs)
