"""Reads the input CSV as a stream of records, turning every row it cannot read into a value.

A row with the wrong number of fields, bytes the encoding cannot decode, or a field over the size
limit becomes a `Record` with an `error` and its fields made to fit the header (padded, the surplus
named in the message, undecodable bytes shown as U+FFFD, long fields cut) — so the audit keeps one
output row per input row and goes on. Only a file with no readable header stops the run.

Bytes are decoded with ``surrogateescape``, which never fails, so one bad byte spoils one row, not
the stream. Blank lines carry no fields and are not rows (as in every spreadsheet's import).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from itertools import chain
from typing import IO, NamedTuple

from service.audit.errors import UnreadableCsvError

SNIFF_CHARS = 64 * 1024
DELIMITERS = ",;\t|"
REPLACEMENT = "\ufffd"
# what ``surrogateescape`` makes of a byte it cannot decode (and any other lone surrogate)
SURROGATE = re.compile("[\ud800-\udfff]")


class Record(NamedTuple):
    """One input row; a tuple because batches of them are pickled to the workers (10× cheaper)."""

    fields: list[str]
    line: int  # 1-based line where the record starts
    error: str | None = None


# `Record(fields, line)` without the Python-level `__new__` a NamedTuple has: one call per row
_new_record = partial(tuple.__new__, Record)


class _Lines:
    """The decoded lines, counted, of which the csv reader is given one record's at a time.

    Most lines are records by themselves that `_split` reads; `CsvSource` hands any other to
    the reader as the `first` line of a record, and the reader goes on to the lines after it
    while a quoted field runs on. `current` keeps the lines of that record (for error rows).
    """

    def __init__(self, head: list[str], stream: IO[str]) -> None:
        self.stream: Iterator[str] = chain(head, stream)
        self.count = 0  # lines read so far
        self.first: str | None = None
        self.current: list[str] = []

    def __iter__(self) -> Iterator[str]:
        while True:
            line, self.first = self.first, None
            if line is None and (line := next(self.stream, None)) is None:
                return
            self.count += 1
            self.current.append(line)
            yield line


def _split(content: str, delimiter: str) -> list[str] | None:
    """The fields of a line as `csv.reader` reads them, when the line is a record by itself
    whose quoted fields hold no quote and stand between delimiters; None for any other line.

    `csv.reader` looks at every character in turn; this splits with a few calls into C. The
    reader is still the authority: every line this refuses goes to it.

    >>> _split('7,"Sales rose 5%, to $2bn",x', ",")
    ['7', 'Sales rose 5%, to $2bn', 'x']
    >>> _split('7,"a""b",x', ",") is None  # a quote within: the reader's
    True
    """
    parts = content.split('"')
    if len(parts) == 1:
        return content.split(delimiter)
    if len(parts) % 2 == 0:  # a quote left open: the field goes on over the next line
        return None
    # quoted fields (odd parts) and the runs around them (even parts) alternate
    first, last = parts[0], parts[-1]
    if (first and first[-1] != delimiter) or (last and last[0] != delimiter):
        return None
    fields = first[:-1].split(delimiter) if first else []
    for index in range(1, len(parts) - 2, 2):
        fields.append(parts[index])
        between = parts[index + 1]
        if not between or between[0] != delimiter or between[-1] != delimiter:
            return None
        if len(between) > 1:
            fields += between[1:-1].split(delimiter)
    fields.append(parts[-2])
    if last:
        fields += last[1:].split(delimiter)
    return fields


def _dialect(sample: str, delimiter: str | None) -> type[csv.Dialect]:
    return _with_delimiter(delimiter or sniff_delimiter(sample))


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the most sample rows into as many fields as the header.

    More robust than `csv.Sniffer` on prose, whose commas and semicolons fool it:

    >>> sniff_delimiter('id;text\\n1;"Sales rose 5%, to $2bn, from $1.9bn"\\n')
    ';'
    >>> sniff_delimiter("text\\nno delimiter at all\\n")
    ','
    """
    best, best_score = ",", 0.0
    for candidate in DELIMITERS:
        with _no_field_limit():  # a long field in the sample is the rows' problem, not the sniff's
            rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=candidate))
        rows = rows[:-1] if len(rows) > 1 else rows or [[]]  # the last may be cut by the sample
        width = len(rows[0])
        if width < 2:
            continue
        score = sum(len(row) == width for row in rows) / len(rows)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _with_delimiter(delimiter: str) -> type[csv.Dialect]:
    class Given(csv.excel):
        pass

    Given.delimiter = delimiter
    return Given


class CsvSource:
    """The header, the dialect, and an iterator of `Record`s over a binary stream."""

    def __init__(self, raw: IO[bytes], encoding: str, delimiter: str | None, max_field: int):
        try:
            codecs.lookup(encoding)
            text = io.TextIOWrapper(raw, encoding=encoding, errors="surrogateescape", newline="")
        except (LookupError, ValueError) as exc:  # unknown, or not a text encoding ("bz2")
            raise UnreadableCsvError(f"{encoding!r} is not a known text encoding") from exc
        self.max_field = max_field
        self.encoding = encoding
        try:
            head = _read_head(text)
        except UnicodeError as exc:
            raise self._undecodable(exc) from exc
        self.dialect = _dialect("".join(head), delimiter)
        self._lines = _Lines(head, text)
        csv.field_size_limit(max(csv.field_size_limit(), max_field))
        self._reader = csv.reader(self._lines, self.dialect)
        self.header = self._read_header()
        self.delimiter: str = self.dialect.delimiter

    def _read_header(self) -> list[str]:
        try:
            for line in self._lines.stream:
                record = self._parsed(line)
                if record is None:
                    continue
                if record.error:
                    raise UnreadableCsvError(f"the header cannot be read: {record.error}")
                problems: list[str] = []
                return [_clean(name, index, problems) for index, name in enumerate(record.fields)]
        except UnicodeError as exc:
            raise self._undecodable(exc) from exc
        raise UnreadableCsvError("the input is empty: no header row")

    def _parsed(self, line: str) -> Record | None:
        """The record that starts with `line`, read by the csv reader; None for a blank line."""
        lines = self._lines
        start = lines.count + 1
        lines.first = line
        lines.current.clear()
        try:
            fields = next(self._reader)
        except csv.Error as exc:
            raw = "".join(lines.current)
            return Record(*_salvage(raw, self.dialect), start, f"unreadable record ({exc})")
        return Record(fields, start) if fields else None

    def _undecodable(self, exc: UnicodeError) -> UnreadableCsvError:
        """A codec that refuses the stream itself (UTF-16 without its byte-order mark), which
        no single row can be blamed for: bad bytes within a row only spoil that row."""
        return UnreadableCsvError(f"the input cannot be read as {self.encoding}: {exc}")

    def __iter__(self) -> Iterator[Record]:
        """The records after the header, each with as many fields as the header.

        A line that `_split` reads and whose fields are all clean (ASCII or decodable, within
        the size limit: tested once on the whole line) is a record as it is, the common case;
        the reader reads the lines `_split` refuses, and `_fit` mends any record that is not.
        """
        width, limit, delimiter = len(self.header), self.max_field, self.delimiter
        lines, reader_limit = self._lines, csv.field_size_limit()
        try:
            for line in lines.stream:
                content = line.rstrip("\r\n")
                size = len(line)
                fields = _split(content, delimiter) if size <= reader_limit else None
                if fields is None:
                    record = self._parsed(line)
                    if record is not None:
                        yield _fit(record, width, limit)
                    continue
                lines.count = number = lines.count + 1
                if not content:  # a blank line is no row
                    continue
                if (
                    len(fields) == width
                    and size <= limit
                    and (line.isascii() or _no_surrogate(line))
                ):
                    yield _new_record((fields, number, None))
                else:
                    yield _fit(Record(fields, number), width, limit)
        except UnicodeError as exc:
            raise self._undecodable(exc) from exc


def _no_surrogate(line: str) -> bool:
    """What `SURROGATE.search(line) is None` says: strict UTF-8 refuses exactly the surrogates,
    and encoding a long line costs a third of a regex search through it."""
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _read_head(text: IO[str]) -> list[str]:
    head, size = [], 0
    for line in text:
        head.append(line)
        size += len(line)
        if size >= SNIFF_CHARS:
            break
    return head


def _salvage(raw: str, dialect: type[csv.Dialect] | csv.Dialect) -> tuple[list[str]]:
    """The fields of a record the reader refused, read again without the size limit."""
    try:
        with _no_field_limit():
            rows = list(csv.reader(io.StringIO(raw, newline=""), dialect))
    except csv.Error:
        rows = [[raw]]
    return ([field for row in rows for field in row] or [""],)


@contextmanager
def _no_field_limit() -> Iterator[None]:
    """The csv module's field-size limit lifted for a moment (it is process-wide): the size
    limit is enforced per field by `_fit`, with a reason in the row, never by a reader error."""
    previous = csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _fit(record: Record, width: int, limit: int) -> Record:
    """The record with exactly `width` fields, clean text, and the reason when it had to change."""
    fields, problems = record.fields, [record.error] if record.error else []
    if len(fields) != width and not record.error:
        problems.append(f"expected {width} fields, found {len(fields)}")
    if len(fields) > width:
        # named in the message, so that nothing is lost: cleaned like the kept fields
        surplus = [SURROGATE.sub(REPLACEMENT, value) for value in fields[width:]]
        problems.append("surplus fields: " + _cut(csv_line(surplus), limit))
        fields = fields[:width]
    elif len(fields) < width:
        fields = fields + [""] * (width - len(fields))
    for index, value in enumerate(fields):
        if not value.isascii():
            fields[index] = value = _clean(value, index, problems)
        if len(value) > limit:
            problems.append(
                f"field {index + 1} has {len(value)} characters, over the limit of {limit}"
            )
            fields[index] = value[:limit]
    if not problems:
        return record
    return Record(fields, record.line, f"line {record.line}: " + "; ".join(problems))


def _cut(text: str, limit: int) -> str:
    """The text, cut to `limit` characters like an input field (the error cell is one too)."""
    return text if len(text) <= limit else text[:limit] + f"… ({len(text) - limit} more characters)"


def _clean(value: str, index: int, problems: list[str]) -> str:
    bad = SURROGATE.search(value)
    if bad is None:
        return value
    code = ord(bad.group())
    what = f"0x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "a lone surrogate"
    problems.append(f"field {index + 1} has bytes the encoding cannot decode ({what})")
    return SURROGATE.sub(REPLACEMENT, value)


def csv_line(fields: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(fields)
    return buffer.getvalue()
