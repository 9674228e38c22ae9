"""One audit from input bytes to output bytes, batch by batch: what the CLI and the API share.

`Audit` reads the header (raising `UnreadableCsvError` or `ColumnError` before any output exists),
then `chunks()` yields the CSV bytes of each checked batch with its verdicts, in input order.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import IO

from service.audit.engines import Batch, Engine
from service.audit.options import ADDED_COLUMNS, AuditOptions
from service.audit.rowcheck import BatchJob, Checked, row_spec
from service.audit.sink import RowFormatter
from service.audit.source import CsvSource, Record

DEFAULT_BATCH = 500


def batched(records: Iterator[Record], size: int) -> Iterator[Batch]:
    while batch := list(islice(records, size)):
        yield batch


class Audit:
    def __init__(self, stream: IO[bytes], options: AuditOptions) -> None:
        self.source = CsvSource(stream, options.encoding, options.delimiter, options.max_field)
        spec = row_spec(self.source.header, options)
        self.job = BatchJob(spec, self.source.delimiter, options.sanitize_input)

    def header(self) -> bytes:
        formatter = RowFormatter(self.job.delimiter, self.job.sanitize_input)
        return formatter.header([*self.source.header, *ADDED_COLUMNS])

    def chunks(
        self, engine: Engine, batch_size: int = DEFAULT_BATCH, skip: int = 0
    ) -> Iterator[Checked]:
        """The output bytes and verdicts of each batch, after skipping `skip` done records."""
        records = iter(self.source)
        if skip:
            for _ in islice(records, skip):
                pass
        return engine.map(self.job, batched(records, batch_size))
