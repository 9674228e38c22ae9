"""A progress bar only on a terminal, a summary at the end on stderr, and quiet when asked."""

from __future__ import annotations

import os
import pty
import subprocess
from pathlib import Path

from tests.audit.conftest import ROOT, cli_command, cli_env, csv_bytes, news_rows, run_cli


def _read_all(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def test_progress_bar_on_a_terminal(tmp_path: Path, sentences: list[str]) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(csv_bytes(news_rows(sentences, 2000)))
    leader, follower = pty.openpty()
    argv = [str(source), "-o", str(tmp_path / "out.csv"), "-j", "1", "--batch-size", "20"]
    process = subprocess.Popen(
        cli_command(*argv),
        env={**cli_env(), "COLUMNS": "120"},
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
    )
    os.close(follower)
    try:
        screen = _read_all(leader).decode("utf-8", "replace")
    finally:
        os.close(leader)
        process.wait(timeout=60)
    assert "rows/s" in screen and "auditing" in screen and "ETA" in screen
    assert "audited 2,000 rows" in screen


def test_not_a_terminal_gets_the_summary_only(tmp_path: Path, sentences: list[str]) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(csv_bytes(news_rows(sentences, 50)))
    loud = run_cli(str(source), "-o", str(tmp_path / "out.csv"), "-j", "1")
    assert loud.stderr.decode().startswith("audited 50 rows in ")
    assert b"auditing" not in loud.stderr
    quiet = run_cli(str(source), "-o", str(tmp_path / "out.csv"), "-j", "1", "-q")
    assert quiet.stderr == b""
