"""`pip install .` gets a wheel with the rules inside and, where a compiler is, the compiled
engine (hatch_build.py); without one, or with ECONCHECK_PURE_WHEEL=1, a pure-Python wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import service.engine

ROOT = Path(__file__).resolve().parents[1]


def build_wheel(out: Path, **env: str) -> zipfile.ZipFile:
    pip = [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*pip, "--quiet", "-w", str(out)],
        check=True,
        env={**os.environ, **env},
        capture_output=True,
        timeout=600,
    )
    (wheel,) = out.glob("*.whl")
    return zipfile.ZipFile(wheel)


def _tag(wheel: zipfile.ZipFile) -> str:
    meta = next(name for name in wheel.namelist() if name.endswith(".dist-info/WHEEL"))
    return next(
        line.split(": ")[1] for line in wheel.read(meta).decode().splitlines() if "Tag" in line
    )


@pytest.mark.slow
def test_the_pure_wheel_has_the_rules_and_no_extensions(tmp_path):
    wheel = build_wheel(tmp_path, ECONCHECK_PURE_WHEEL="1")
    names = wheel.namelist()
    assert "service/_rules/checks/EC101-change-percent.toml" in names
    assert "service/engine/judge.py" in names
    assert not [name for name in names if name.endswith(".so")]  # the in-place build stays out
    assert _tag(wheel) == "py3-none-any"


@pytest.mark.slow
def test_the_wheel_carries_the_compiled_engine(tmp_path):
    if not service.engine.COMPILED:
        pytest.skip("no compiled engine here, so no compiler to build the wheel's with")
    wheel = build_wheel(tmp_path)
    names = wheel.namelist()
    extensions = [name for name in names if name.endswith(".so")]
    assert any(name.startswith("service/engine/judge.") for name in extensions)
    assert any(name.startswith("service/engine/_native__mypyc.") for name in extensions)
    assert not any(
        name.startswith(("service/api", "service/engine/policy.")) for name in extensions
    )
    assert "service/engine/judge.py" in names  # sources stay: tracebacks and the pure fallback
    assert _tag(wheel).startswith(f"cp{sys.version_info.major}{sys.version_info.minor}-")
