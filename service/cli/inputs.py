"""Reads the documents named on the command line: files, folders (recursively) and `-` (stdin).

A file that cannot be read becomes an `InputProblem` value with a clear message; the other files
are still checked and the command exits with status 2.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm")
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    text: str


@dataclass(frozen=True, slots=True)
class InputProblem:
    path: str
    message: str


def _decode(path: str, data: bytes) -> Document | InputProblem:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return Document(path, data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return InputProblem(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        )


def _read_file(path: Path) -> Document | InputProblem:
    try:
        if path.stat().st_size > MAX_BYTES:
            return InputProblem(str(path), f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        return _decode(str(path), path.read_bytes())
    except OSError as exc:
        return InputProblem(str(path), exc.strerror or str(exc))


def iter_documents(
    paths: list[str], suffixes: tuple[str, ...] = TEXT_SUFFIXES
) -> Iterator[Document | InputProblem]:
    """Each named file, each text file under each named folder (sorted), and stdin for `-`."""
    for name in paths:
        if name == "-":
            yield _decode("<stdin>", sys.stdin.buffer.read(MAX_BYTES + 1))
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes
            ):
                yield _read_file(child)
        elif path.exists():
            yield _read_file(path)
        else:
            yield InputProblem(name, "no such file or folder")
