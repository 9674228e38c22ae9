"""Fixtures for the audit tests: real sentences from the shipped fixtures, CSV builders, and the
real CLI, in-process (`main(argv)`) or as a subprocess (for stdin, stdout and SIGKILL)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from service.cli.main import main

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def sentences() -> list[str]:
    return (FIXTURES / "sentences.txt").read_text(encoding="utf-8").splitlines()


def csv_bytes(rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def news_rows(sentences: list[str], count: int) -> list[list[str]]:
    return [["id", "text"]] + [[str(n), sentences[n % len(sentences)]] for n in range(count)]


def read_csv(path: Path, delimiter: str = ",") -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def audit(*argv: str) -> int:
    """The real CLI in-process; quiet unless a test asks otherwise."""
    return int(main(["audit", *argv]))


def cli_command(*argv: str) -> list[str]:
    return [sys.executable, "-m", "service", "audit", *argv]


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_cli(*argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        cli_command(*argv), input=stdin, capture_output=True, env=cli_env(), cwd=ROOT, timeout=120
    )
