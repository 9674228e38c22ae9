"""Wheel build hook: the engine compiled by mypyc inside the wheel, wherever a compiler is.

`make` compiles the engine in place for a checkout (tools/compile_engine.py); this gives the same
speed to `pip install .` — a Docker image, a deployment. Without a C compiler and the Python
headers, or with ECONCHECK_PURE_WHEEL=1, the wheel is pure Python with the same findings.
Editable installs are left alone: their engine is compiled in place.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompiledEngineHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        return ["mypy>=1.10", "setuptools>=69"]  # mypyc ships with mypy

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self.scratch: Path | None = None
        if self.target_name != "wheel" or version == "editable":
            return
        if os.environ.get("ECONCHECK_PURE_WHEEL", "") not in ("", "0"):
            return
        tool = _load_tool(Path(self.root) / "tools" / "compile_engine.py")
        reason = tool.missing_tools()
        if reason is not None:
            self.app.display_warning(f"econcheck: pure-Python engine in this wheel: {reason}")
            return
        self.scratch = Path(tempfile.mkdtemp(prefix="econcheck-wheel-"))
        try:
            built = tool.build_into(self.scratch)
        except (Exception, SystemExit) as exc:  # a compiler failure gives a pure wheel, not none
            self.app.display_warning(f"econcheck: pure-Python engine in this wheel: {exc}")
            return
        for relative in built:
            build_data["force_include"][str(self.scratch / relative)] = relative
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        self.app.display_info(f"econcheck: {len(built)} compiled engine modules in the wheel")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _load_tool(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("econcheck_compile_engine", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
