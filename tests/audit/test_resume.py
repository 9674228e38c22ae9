"""A crash never leaves a half file under the final name, and `--resume` finishes the same bytes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.audit.conftest import ROOT, audit, cli_command, cli_env, csv_bytes, news_rows

ROWS = 3000
GRID = ["--batch-size", "50", "--checkpoint-every", "200"]


def _kill_after_checkpoint(argv: list[str], marker: Path, rows: int) -> None:
    """Starts the real CLI and SIGKILLs it (by pid) once a checkpoint past `rows` is on disk."""
    process = subprocess.Popen(
        cli_command(*argv),
        env=cli_env(),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if marker.exists() and json.loads(marker.read_text())["rows"] >= rows:
                break
            time.sleep(0.005)
        assert process.poll() is None, "the audit ended before it could be killed midway"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=30)
        process.stderr.close()  # type: ignore[union-attr]
    assert process.returncode == -signal.SIGKILL


@pytest.mark.parametrize("suffix", [".csv", ".csv.gz"])
def test_sigkill_midway_then_resume_gives_identical_bytes(
    tmp_path: Path, sentences: list[str], suffix: str
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(csv_bytes(news_rows(sentences, ROWS)) + b"short-row\r\n")
    reference, out = tmp_path / f"reference{suffix}", tmp_path / f"out{suffix}"
    assert audit(str(source), "-o", str(reference), "-q", "-j", "2", *GRID) == 1

    argv = [str(source), "-o", str(out), "-q", "-j", "1", *GRID]
    marker = out.with_name(out.name + ".econcheck-checkpoint")
    _kill_after_checkpoint(argv, marker, rows=200)
    assert not out.exists()
    assert out.with_name(out.name + ".econcheck-partial").exists()
    done = json.loads(marker.read_text())["rows"]
    assert 200 <= done < ROWS

    loud = [arg for arg in argv if arg != "-q"]
    resumed = subprocess.run(
        cli_command(*loud, "--resume"), env=cli_env(), cwd=ROOT, capture_output=True, timeout=120
    )
    assert resumed.returncode == 1, resumed.stderr
    assert f"resuming {out} at row {done:,}".encode() in resumed.stderr
    assert out.read_bytes() == reference.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["in.csv", reference.name, out.name]
    )


def test_resume_refuses_a_checkpoint_of_other_options(tmp_path: Path, sentences: list[str]) -> None:
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(csv_bytes(news_rows(sentences, 400)))
    argv = [str(source), "-o", str(out), "-q", "-j", "1", *GRID]
    _kill_after_checkpoint(argv, out.with_name(out.name + ".econcheck-checkpoint"), rows=0)
    assert audit(*argv, "--resume", "--strict-zeros") == 2
    assert audit(*argv, "--resume") in (0, 1)


def test_resume_without_checkpoint_starts_from_the_beginning(
    tmp_path: Path, sentences: list[str]
) -> None:
    source, out, again = tmp_path / "in.csv", tmp_path / "out.csv", tmp_path / "again.csv"
    source.write_bytes(csv_bytes(news_rows(sentences, 100)))
    audit(str(source), "-o", str(out), "-q", "-j", "1")
    audit(str(source), "-o", str(again), "-q", "-j", "1", "--resume")
    assert out.read_bytes() == again.read_bytes()


def test_resume_needs_files_not_streams(tmp_path: Path) -> None:
    assert audit("-", "-o", str(tmp_path / "o.csv"), "--resume", "-q") == 2


def _interrupted(tmp_path: Path, sentences: list[str]) -> tuple[list[str], Path, Path]:
    """An audit killed after its first checkpoints: its argv, checkpoint and partial output."""
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(csv_bytes(news_rows(sentences, ROWS)))
    argv = [str(source), "-o", str(out), "-q", "-j", "1", *GRID]
    marker = out.with_name(out.name + ".econcheck-checkpoint")
    _kill_after_checkpoint(argv, marker, rows=200)
    return argv, marker, out.with_name(out.name + ".econcheck-partial")


@pytest.mark.parametrize(
    "change",
    [
        {"rows": -1},
        {"offset": -1},
        {"offset": 1.5},
        {"rows": "200"},
        {"counts": {"consistent": "x"}},
        {"counts": {"made_up": 1}},
        {"rows": 10**9},  # the counts no longer add up to the rows
        {"digest": None},
    ],
    ids=repr,
)
def test_resume_refuses_a_checkpoint_whose_fields_do_not_hold(
    tmp_path: Path, sentences: list[str], change: dict[str, object]
) -> None:
    argv, marker, partial = _interrupted(tmp_path, sentences)
    before = partial.read_bytes()
    marker.write_text(json.dumps({**json.loads(marker.read_text()), **change}))
    assert audit(*argv, "--resume") == 2
    assert partial.read_bytes() == before  # refused before anything was cut


def test_resume_refuses_a_partial_output_changed_since_its_checkpoint(
    tmp_path: Path, sentences: list[str]
) -> None:
    argv, marker, partial = _interrupted(tmp_path, sentences)
    offset = json.loads(marker.read_text())["offset"]
    data = bytearray(partial.read_bytes())
    data[offset // 2] ^= 0x20  # one flipped bit before the checkpoint's offset
    partial.write_bytes(bytes(data))
    assert audit(*argv, "--resume") == 2
    assert partial.read_bytes() == bytes(data)
