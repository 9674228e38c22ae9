"""Shared helpers for the linter tests: the draft fixtures and an in-process CLI runner."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from service.cli.main import main

FIXTURES = Path(__file__).parent / "fixtures"
DRAFTS = FIXTURES / "drafts"


@dataclass
class Run:
    status: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run `econcheck ARGS…` in-process and return its status, stdout and stderr."""

    def run(*args: str) -> Run:
        status = main(list(args))
        captured = capsys.readouterr()
        return Run(int(status), captured.out, captured.err)

    return run


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the draft folder as the working folder (no configuration above it but ours)."""
    folder = tmp_path / "drafts"
    shutil.copytree(DRAFTS, folder)
    monkeypatch.chdir(tmp_path)
    return folder
