"""Runs a whole audit to a file or stdout: checkpoints, resume, progress, summary.

The output goes to a partial file renamed at the end (`sink.PartialFile`); every
``checkpoint_rows`` rows the partial file is flushed and a checkpoint saved, so `resume=True`
after a crash or a SIGKILL continues from the last checkpoint and writes the same bytes an
uninterrupted run would have. Checkpoints fall on fixed row counts, never on time, which is what
makes a resumed gzip output identical too.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from service.audit import checkpoint
from service.audit.engines import Engine, make_engine
from service.audit.errors import ResumeError
from service.audit.files import OpenInput, open_input
from service.audit.options import AuditOptions
from service.audit.pipeline import DEFAULT_BATCH, Audit
from service.audit.progress import Bar, Summary
from service.audit.sink import PartialFile, StreamSink
from service.version import __version__


@dataclass(frozen=True, slots=True)
class RunSettings:
    """How the audit runs (not what it outputs, except the batch grid that gzip members follow)."""

    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    batch_size: int = DEFAULT_BATCH
    checkpoint_rows: int = 10_000
    resume: bool = False
    progress: bool = False
    quiet: bool = False


def run_audit(
    source: str, output: str, options: AuditOptions, settings: RunSettings, stderr: IO[str]
) -> Summary:
    """Audits `source` (a path or ``-``) into `output` (a path or ``-``) and returns the summary."""
    if settings.resume and "-" in (source, output):
        raise ResumeError("--resume needs a named input file and -o OUT (not stdin or stdout)")
    started = time.perf_counter()
    opened = open_input(source)
    try:
        audit = Audit(opened.stream, options)
        summary = _write(audit, opened, source, output, options, settings, stderr)
    finally:
        opened.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _write(
    audit: Audit,
    opened: OpenInput,
    source: str,
    output: str,
    options: AuditOptions,
    settings: RunSettings,
    stderr: IO[str],
) -> Summary:
    summary = Summary()
    if output == "-":
        sink: PartialFile | StreamSink = StreamSink(sys.stdout.buffer)
        sink.write(audit.header())
        _loop(audit, sink, summary, settings, opened, stderr, on_checkpoint=lambda: None)
        return summary
    target = Path(output)
    marker = checkpoint.checkpoint_path(target)
    fingerprint = _fingerprint(source, options, settings)
    done = _resume_point(marker, fingerprint, target, settings)
    if done is None:
        sink = PartialFile(target)
        sink.write(audit.header())
        offset = sink.checkpoint()
        checkpoint.save(
            marker, fingerprint, checkpoint.Progress(0, offset, summary.counts, sink.digest())
        )
    else:
        sink = PartialFile(target, resume_at=done.offset, digest=done.digest)
        summary.rows = summary.resumed_from = done.rows
        summary.counts.update(done.counts)
        if not settings.quiet:
            print(f"econcheck: resuming {output} at row {done.rows:,}", file=stderr)

    def on_checkpoint() -> None:
        offset = sink.checkpoint()
        progress = checkpoint.Progress(summary.rows, offset, summary.counts, sink.digest())
        checkpoint.save(marker, fingerprint, progress)

    try:
        _loop(audit, sink, summary, settings, opened, stderr, on_checkpoint)
    except BaseException:
        sink.close()
        raise
    sink.commit()
    checkpoint.remove(marker)
    return summary


def _resume_point(
    marker: Path, fingerprint: dict[str, object], target: Path, settings: RunSettings
) -> checkpoint.Progress | None:
    if not settings.resume:
        checkpoint.remove(marker)
        return None
    partial = PartialFile.partial_path(target)
    return checkpoint.load(marker, fingerprint, partial)


def _loop(
    audit: Audit,
    sink: PartialFile | StreamSink,
    summary: Summary,
    settings: RunSettings,
    opened: OpenInput,
    stderr: IO[str],
    on_checkpoint: Callable[[], None],
) -> None:
    engine: Engine = make_engine(settings.engine, settings.jobs, settings.scheduler)
    bar = Bar(stderr, opened.size, opened.position) if settings.progress else None
    every = max(1, settings.checkpoint_rows // settings.batch_size)
    started, first = time.perf_counter(), summary.rows
    try:
        chunks = audit.chunks(engine, settings.batch_size, skip=summary.rows)
        for number, (data, verdicts) in enumerate(chunks, start=1):
            sink.write(data)
            summary.add(verdicts)
            if number % every == 0:
                on_checkpoint()
            if bar is not None:
                bar.update(summary.rows, (summary.rows - first) / (time.perf_counter() - started))
    finally:
        if bar is not None:
            bar.close()
        engine.close()


def _fingerprint(source: str, options: AuditOptions, settings: RunSettings) -> dict[str, object]:
    return {
        "version": __version__,
        "input": checkpoint.input_identity(source),
        "options": options.fingerprint(),
        "batch_size": settings.batch_size,
        "checkpoint_rows": settings.checkpoint_rows,
    }
