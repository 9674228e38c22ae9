"""Writes the audited rows: CSV-injection neutralising, and output that is never half a file.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or CR as a formula
(OWASP "CSV injection"), so the cells this tool writes are prefixed with ``'`` when they start so;
the input columns are the user's data and pass through unchanged unless asked.

A file output is written to ``OUT.econcheck-partial`` and renamed to ``OUT`` only when complete.
`checkpoint()` flushes and returns the byte offset a resumed run truncates to. Gzip output is a
series of gzip members, one closed at each checkpoint (gzip readers read concatenated members as
one stream), so the partial file is valid up to every checkpoint and a resumed run writes the same
bytes as an uninterrupted one (members carry no name and mtime 0).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from service.audit.errors import ResumeError
from service.audit.source import REPLACEMENT, SURROGATE, Record

if TYPE_CHECKING:  # rowcheck imports this module to write the rows it checks
    from service.audit.rowcheck import Result

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_BYTES = tuple(start.encode() for start in FORMULA_STARTS)
_TERMINATOR = "\r\n"
_TERMINATOR_BYTES = _TERMINATOR.encode()
PARTIAL_SUFFIX = ".econcheck-partial"


def neutralise(cell: str) -> str:
    """The cell made inert for a spreadsheet.

    >>> neutralise("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise("consistent")
    'consistent'
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


class _Lines(list[str]):
    """What `csv.writer` writes to: it writes each row with one call, kept here as one item."""

    def write(self, line: str) -> None:
        self.append(line)


class RowFormatter:
    """Turns records and their results into CSV bytes in the input's delimiter.

    The cells of a row are quoted as the writer would (QUOTE_MINIMAL, doubled quotes) by
    `_quoted`, and the findings JSON by `_quoted_bytes` as the UTF-8 that orjson wrote, instead
    of decoding it, copying it through the writer and encoding it again (it is most of a row's
    bytes). The writer called a function for every character of every field: a quarter of the
    audit's own cost per row had gone there. tests/audit/test_sink.py holds the rows to the
    writer's bytes; the header still goes through the writer.
    """

    def __init__(self, delimiter: str, sanitize_input: bool) -> None:
        self._lines = _Lines()
        self._writer = csv.writer(self._lines, delimiter=delimiter, lineterminator=_TERMINATOR)
        self._separator = delimiter
        self._delimiter = delimiter.encode("utf-8")
        self._sanitize = sanitize_input
        # ",verdict,claims," by (verdict, claims): a handful of pairs cover a whole file
        self._heads: dict[tuple[str, int], bytes] = {}

    def header(self, names: Sequence[str]) -> bytes:
        self._writer.writerow(names)
        return self._lines.pop().encode("utf-8")

    def rows(self, records: Sequence[Record], results: Sequence[Result]) -> bytes:
        sanitize, separator, delimiter = self._sanitize, self._separator, self._delimiter
        heads = self._heads
        no_error = delimiter + _TERMINATOR_BYTES
        out: list[bytes] = []
        for record, (verdict, claims, findings, error) in zip(records, results, strict=True):
            fields = [neutralise(f) for f in record.fields] if sanitize else record.fields
            head = heads.get((verdict, claims)) or self._head(verdict, claims)
            if len(fields) > 1 or (fields and fields[0]):
                line = separator.join([_quoted(field, separator) for field in fields])
                out.append(line.encode("utf-8"))
                out.append(head)
            else:  # a lone empty field is written as nothing: the writer would quote it, `""`
                out.append(head if fields else head[len(delimiter) :])
            if findings.startswith(_FORMULA_BYTES):
                findings = b"'" + findings
            out.append(_quoted_bytes(findings, delimiter))
            if error:
                error_cell = utf8(_quoted(neutralise(error), separator))
                out.append(delimiter + error_cell + _TERMINATOR_BYTES)
            else:
                out.append(no_error)
        return b"".join(out)

    def _head(self, verdict: str, claims: int) -> bytes:
        cells = ("", _quoted(verdict, self._separator), str(claims), "")
        head = self._heads[verdict, claims] = self._separator.join(cells).encode("utf-8")
        return head


def utf8(text: str) -> bytes:
    """The text as UTF-8, a lone surrogate (an undecodable input byte) written as U+FFFD.

    The reader cleans every field; this keeps a message that quotes raw input from costing the
    run if some path ever forgets to.
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return SURROGATE.sub(REPLACEMENT, text).encode("utf-8")


def _quoted(cell: str, delimiter: str) -> str:
    """The cell as `csv.writer` (QUOTE_MINIMAL) writes it when it is not a row's only field."""
    if '"' in cell:
        return '"' + cell.replace('"', '""') + '"'
    if delimiter in cell or "\r" in cell or "\n" in cell:
        return '"' + cell + '"'
    return cell


def _quoted_bytes(cell: bytes, delimiter: bytes) -> bytes:
    """`_quoted` for UTF-8 bytes."""
    # `find`, not `in`: on bytes, Python 3.11's `in` first tries its operand as an integer,
    # raising and clearing a TypeError each time (some 2,000 instructions)
    if cell.find(b'"') >= 0:
        return b'"' + cell.replace(b'"', b'""') + b'"'
    if cell.find(delimiter) >= 0 or cell.find(b"\r") >= 0 or cell.find(b"\n") >= 0:
        return b'"' + cell + b'"'
    return cell


class PartialFile:
    """The output file under construction, beside its final name.

    It keeps the SHA-256 of the bytes it has written, which each checkpoint records: a resumed
    run first checks that the partial file still holds those bytes, and only then cuts what came
    after the checkpoint and goes on.
    """

    def __init__(self, path: Path, resume_at: int | None = None, digest: str = "") -> None:
        self.path, self.partial = path, self.partial_path(path)
        self._gzip = path.suffix == ".gz"
        if resume_at is None:
            raw: IO[bytes] = open(self.partial, "wb")  # noqa: SIM115 - closed in commit()
            running = hashlib.sha256()
        else:
            raw = open(self.partial, "r+b")  # noqa: SIM115
            running = _prefix_digest(raw, resume_at)
            if running.hexdigest() != digest:
                raw.close()
                raise ResumeError(
                    f"the partial output {self.partial} no longer holds the bytes its checkpoint "
                    "counted (changed since, or lost in a crash); run without --resume to start "
                    "again"
                )
            raw.truncate(resume_at)
            raw.seek(resume_at)
        self._raw = _Hashed(raw, running)
        self._member: gzip.GzipFile | None = None

    @staticmethod
    def partial_path(path: Path) -> Path:
        return path.with_name(path.name + PARTIAL_SUFFIX)

    def write(self, data: bytes) -> None:
        if not self._gzip:
            self._raw.write(data)
            return
        if self._member is None:
            self._member = gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0)
        self._member.write(data)

    def checkpoint(self) -> int:
        """Everything written so far is on disk; the offset a resumed run starts from."""
        if self._member is not None:
            self._member.close()  # closes the member, not the file under it
            self._member = None
        self._raw.flush()
        return self._raw.tell()

    def digest(self) -> str:
        """The SHA-256 of everything written so far (call after `checkpoint`)."""
        return self._raw.running.hexdigest()

    def commit(self) -> None:
        self.checkpoint()
        os.fsync(self._raw.file.fileno())
        self._raw.file.close()
        os.replace(self.partial, self.path)

    def close(self) -> None:
        """Stop writing, leaving the partial file for `--resume`."""
        self.checkpoint()
        self._raw.file.close()


class _Hashed:
    """A file written through this keeps the running SHA-256 of what it was given."""

    def __init__(self, file: IO[bytes], running: hashlib._Hash) -> None:
        self.file, self.running = file, running

    def write(self, data: bytes) -> int:
        self.running.update(data)
        return self.file.write(data)

    def flush(self) -> None:
        self.file.flush()

    def tell(self) -> int:
        return self.file.tell()


def _prefix_digest(file: IO[bytes], size: int) -> hashlib._Hash:
    """The running SHA-256 of the file's first `size` bytes (fewer when it is shorter)."""
    running = hashlib.sha256()
    left = size
    while left:
        chunk = file.read(min(left, 1 << 20))
        if not chunk:
            break
        running.update(chunk)
        left -= len(chunk)
    return running


class StreamSink:
    """Output to a stream (stdout): no partial file, no resume."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def write(self, data: bytes) -> None:
        self._stream.write(data)

    def checkpoint(self) -> int:
        self._stream.flush()
        return 0

    def commit(self) -> None:
        self._stream.flush()

    def close(self) -> None:
        self._stream.flush()
