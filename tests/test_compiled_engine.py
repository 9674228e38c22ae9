"""The mypyc build of the engine (tools/compile_engine.py) must change nothing but the speed.

These run only where the engine is compiled (`make compile`, done by `make test`); with
``ECONCHECK_REQUIRE_COMPILED=1`` (CI) a missing build fails instead of skipping, so a broken
compiler set-up is not hidden behind a pure-Python pass.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import service.engine
from service import check_text
from service.engine.json_objects import figure_object, report_object

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]

# Prints the full JSON output of the engine over the texts given on stdin, and which build ran.
RUN_ENGINE = """
import json, sys
import service.engine, service.engine.judge
from service import check_text
from service.engine.json_objects import figure_object, report_object
out = []
for text in json.load(sys.stdin):
    report = check_text(text)
    out.append({"report": report_object(report),
                "figures": [figure_object(report, q) for q in report.figures]})
print(json.dumps({"compiled": service.engine.COMPILED,
                  "judge": service.engine.judge.__file__, "output": out}, sort_keys=True))
"""
WHICH_BUILD = "import service.engine as e, service.engine.judge as j; print(e.COMPILED, j.__file__)"


@pytest.fixture(scope="module", autouse=True)
def compiled_engine() -> None:
    if service.engine.COMPILED:
        return
    reason = "the engine is not compiled here (make compile)"
    if os.environ.get("ECONCHECK_REQUIRE_COMPILED") == "1":
        pytest.fail(f"compiled engine required (ECONCHECK_REQUIRE_COMPILED=1) but {reason}")
    pytest.skip(reason)


def texts() -> list[str]:
    found = [(FIXTURES / "seed-articles.txt").read_text(encoding="utf-8")]
    for name in ("consistent-newswire.txt", "inconsistent-newswire.txt"):
        lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
        found += [line for line in lines if line.strip() and not line.startswith("#")]
    return found


def engine_output(text_list: list[str]) -> list[dict[str, object]]:
    out = []
    for text in text_list:
        report = check_text(text)
        figures = [figure_object(report, q) for q in report.figures]
        out.append({"report": report_object(report), "figures": figures})
    return json.loads(json.dumps(out, sort_keys=True))  # as the child's output is read back


def test_the_compiled_engine_is_the_one_running() -> None:
    import service.engine.judge

    assert service.engine.judge.__file__.endswith(".so")


def test_compiled_and_source_engines_give_identical_output() -> None:
    sample = texts()
    child = subprocess.run(
        [sys.executable, "-c", RUN_ENGINE],
        input=json.dumps(sample),
        capture_output=True,
        text=True,
        env={**os.environ, "ECONCHECK_PURE": "1"},
        check=True,
        timeout=300,
    )
    pure = json.loads(child.stdout)
    assert pure["compiled"] is False and pure["judge"].endswith(".py")
    compiled = engine_output(sample)
    assert len(compiled) == len(pure["output"]) > 140
    for text, mine, theirs in zip(sample, compiled, pure["output"], strict=True):
        assert mine == theirs, text[:80]


def _which_build(package_root: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(package_root)}
    env.pop("ECONCHECK_PURE", None)
    child = subprocess.run(
        [sys.executable, "-c", WHICH_BUILD],
        cwd=package_root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return child.stdout.strip()


def test_a_build_older_than_its_source_is_ignored(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "service", tmp_path / "service")  # copy2 keeps the build's mtimes
    shutil.copy2(ROOT / "pyproject.toml", tmp_path)  # a checkout, where sources get edited
    assert _which_build(tmp_path).startswith(f"True {tmp_path}")

    judge = tmp_path / "service" / "engine" / "judge.py"
    newer = max(p.stat().st_mtime for p in (tmp_path / "service").rglob("*.so")) + 10
    os.utime(judge, (newer, newer))
    flag, path = _which_build(tmp_path).split()
    assert flag == "False" and path == str(judge)


def test_an_installed_build_is_used_whatever_the_file_times(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "service", tmp_path / "service")  # as a wheel installs it
    judge = tmp_path / "service" / "engine" / "judge.py"
    newer = max(p.stat().st_mtime for p in (tmp_path / "service").rglob("*.so")) + 10
    os.utime(judge, (newer, newer))  # installers write files in any order
    assert _which_build(tmp_path).startswith(f"True {tmp_path}")
