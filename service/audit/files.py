"""Opens the audit's input and names its output: paths, ``-`` for stdin/stdout, gzip.

Gzip is chosen by the ``.gz`` extension for files; on stdin it is recognised by its magic bytes,
since a pipe has no name.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from dataclasses import dataclass
from typing import IO, cast

from service.audit.errors import UnreadableCsvError

GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class OpenInput:
    stream: IO[bytes]  # decompressed bytes
    raw: IO[bytes]  # the file itself, for progress by bytes read
    size: int | None  # bytes in the file, when known

    def position(self) -> int:
        try:
            return self.raw.tell()
        except (OSError, ValueError):
            return 0

    def close(self) -> None:
        self.stream.close()
        self.raw.close()


def open_input(name: str) -> OpenInput:
    if name == "-":
        piped = io.BufferedReader(io.FileIO(os.dup(sys.stdin.fileno()), "rb"))
        return _open(cast(IO[bytes], piped), piped.peek(2)[:2] == GZIP_MAGIC, None)
    try:
        raw = open(name, "rb")  # noqa: SIM115 - closed by OpenInput.close
    except OSError as exc:
        raise UnreadableCsvError(f"{name}: {exc.strerror or exc}") from exc
    return _open(raw, name.endswith(".gz"), os.fstat(raw.fileno()).st_size)


def _open(raw: IO[bytes], is_gzip: bool, size: int | None) -> OpenInput:
    stream = cast(IO[bytes], gzip.GzipFile(fileobj=raw)) if is_gzip else raw
    return OpenInput(stream, raw, size)
