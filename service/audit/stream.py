"""The audit as a byte stream for the HTTP API: CSV chunks in, audited CSV chunks out.

`audit_csv_bytes` reads the header *before* returning, so an unreadable upload raises
`UnreadableCsvError` or `ColumnError` (both ValueErrors) while the route can still answer with a
problem response; after that, bad rows become error rows as in the CLI and the stream never fails.
Rows are checked in the calling thread (the API scales by workers, not by forking per request).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from service.audit.engines import InProcess
from service.audit.options import AuditOptions
from service.audit.pipeline import DEFAULT_BATCH, Audit


class _ChunkReader(io.RawIOBase):
    """A readable binary stream over an iterable of byte chunks (an upload being received)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = bytes(chunk)
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def audit_csv_bytes(
    chunks: Iterable[bytes], options: AuditOptions | None = None, batch_size: int = DEFAULT_BATCH
) -> Iterator[bytes]:
    """The audited CSV of an uploaded CSV, streamed batch by batch (header first)."""
    stream = io.BufferedReader(_ChunkReader(chunks))
    audit = Audit(stream, options or AuditOptions())
    return _stream(audit, batch_size)


def _stream(audit: Audit, batch_size: int) -> Iterator[bytes]:
    yield audit.header()
    for data, _verdicts in audit.chunks(InProcess(), batch_size):
        yield data
