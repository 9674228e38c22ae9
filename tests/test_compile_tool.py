"""tools/compile_engine.py: what it compiles, and that it steps aside without a compiler."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "compile_engine.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("compile_engine", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["compile_engine"] = module
    spec.loader.exec_module(module)
    return module


def test_every_engine_module_is_compiled_but_the_guard_the_exceptions_and_the_policy(tool):
    sources = set(tool.sources())
    assert "service/engine/judge.py" in sources
    assert "service/engine/numbers/lexer.py" in sources
    assert "service/engine/numbers/__init__.py" in sources
    for kept_python in ("__init__.py", "errors.py", "policy.py"):
        assert f"service/engine/{kept_python}" not in sources
    assert not any(source.startswith("service/api") for source in sources)


def test_without_a_compiler_it_says_why_and_leaves_the_engine_alone(tool, monkeypatch, capsys):
    before = tool.built()
    monkeypatch.setattr(tool.shutil, "which", lambda name: None)
    assert "no C compiler" in tool.missing_tools()
    assert tool.main([]) == 0
    assert "not compiled, no C compiler" in capsys.readouterr().out
    assert tool.main(["--require"]) == 1  # CI asks for the build and fails without it
    assert tool.built() == before  # nothing removed: a stale build is ignored by the engine
