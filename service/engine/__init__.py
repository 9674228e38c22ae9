"""The verification engine: pure functions from text (or figures) to findings; no I/O, no web.

`make compile` (tools/compile_engine.py) can build the engine's modules into C extensions with
mypyc, beside their sources, which makes a check about four times as fast (a wheel built by
`pip install .` carries them too, see hatch_build.py). Python prefers such an
extension to the source of the same name, so a build older than its sources would silently run
old code after an edit or a checkout. This module, which is never compiled, prevents that: when
the source of a compiled module is newer than the oldest extension, or ``ECONCHECK_PURE=1`` is
set, every engine module is imported from its source instead (all of them: compiled modules call
each other directly, so mixing the two would still run the old code).
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import (
    EXTENSION_SUFFIXES,
    SOURCE_SUFFIXES,
    FileFinder,
    ModuleSpec,
    SourceFileLoader,
)
from pathlib import Path
from types import ModuleType

_HERE = Path(__file__).resolve().parent


def _extensions() -> set[Path]:
    return {path for suffix in EXTENSION_SUFFIXES for path in _HERE.rglob(f"*{suffix}")}


def _is_current(built: set[Path]) -> bool:
    """True when extensions exist, none is older than a compiled module's source, and the build
    is not refused. Modules left uncompiled (this one among them) may change freely. An installed
    wheel (no pyproject.toml above the package) is never edited: its build is used as it is."""
    if not built or os.environ.get("ECONCHECK_PURE", "") not in ("", "0"):
        return False
    if not (_HERE.parent.parent / "pyproject.toml").exists():
        return True
    compiled_sources = [path.parent / f"{path.name.split('.')[0]}.py" for path in built]
    newest_source = max((p.stat().st_mtime for p in compiled_sources if p.exists()), default=0.0)
    return min(path.stat().st_mtime for path in built) >= newest_source


class _SourcesOnly(MetaPathFinder):
    """Finds `service.engine.*` modules as `.py` sources only, ignoring extensions beside them."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if not fullname.startswith(f"{__name__}.") or path is None:
            return None
        for entry in path:
            spec = FileFinder(entry, (SourceFileLoader, SOURCE_SUFFIXES)).find_spec(fullname)
            if spec is not None:
                return spec
        return None


_built = _extensions()
COMPILED = _is_current(_built)
"""True when the engine runs from its mypyc build (reported by `econcheck --version`)."""
if _built and not COMPILED and not any(isinstance(f, _SourcesOnly) for f in sys.meta_path):
    sys.meta_path.insert(0, _SourcesOnly())
    if os.environ.get("ECONCHECK_PURE", "") in ("", "0"):
        warnings.warn(
            "the compiled engine is older than its sources, so the engine runs from source "
            "(same results, about a quarter of the speed); `make compile` rebuilds it",
            RuntimeWarning,
            stacklevel=2,
        )
