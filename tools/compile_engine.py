"""Builds the engine (service/engine) into C extensions with mypyc, in place beside the sources.

The engine is typed throughout, so mypyc compiles it unchanged into native code that checks a
sentence about four times as fast (see bench/check_throughput.py). The build is optional: without
a C compiler or mypyc it says so and leaves the pure-Python engine, which gives the same findings.
`service/engine/__init__.py` ignores a build older than its sources, so an edit is never shadowed.

    python tools/compile_engine.py            # build (about 30 s)
    python tools/compile_engine.py --clean    # remove the build: the engine runs from source

Not compiled: the package's `__init__` (it decides whether the build is used), `errors` (mypyc
cannot compile a subclass of a built-in exception) and `policy` (sent to worker processes, and
mypyc's frozen classes do not unpickle).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import sysconfig
import tempfile
import time
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "service" / "engine"
NOT_COMPILED = {"__init__.py", "errors.py", "policy.py"}
# The shared library of the group lands in the package, not at the top of sys.path.
GROUP = "service.engine._native"


def sources() -> list[str]:
    paths = sorted(ENGINE.rglob("*.py"))
    chosen = [p for p in paths if not (p.parent == ENGINE and p.name in NOT_COMPILED)]
    return [str(p.relative_to(ROOT)) for p in chosen]


def built() -> set[Path]:
    return {path for suffix in EXTENSION_SUFFIXES for path in ENGINE.rglob(f"*{suffix}")}


def clean() -> int:
    removed = built()
    for path in removed:
        path.unlink()
    return len(removed)


def missing_tools() -> str | None:
    """Why the build cannot run here, or None."""
    try:
        import mypyc.build  # noqa: F401
        import setuptools  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed (pip install '.[compile]')"
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler}) on PATH"
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not headers.exists():
        return f"no Python headers ({headers}; Debian: apt install python3-dev)"
    return None


def build(quiet: bool, into: Path | None = None) -> None:
    """Compile the engine: in place beside the sources, or under `into` (for a wheel)."""
    from mypyc.build import mypycify
    from setuptools import setup

    with tempfile.TemporaryDirectory(prefix="econcheck-mypyc-") as scratch:
        extensions = mypycify(
            sources(), opt_level="3", group_name=GROUP, target_dir=str(Path(scratch) / "c")
        )
        place = ["--inplace"] if into is None else ["--build-lib", str(into)]
        arguments = ["build_ext", *place, "--build-temp", str(Path(scratch) / "o")]
        setup(
            name="econcheck-engine",
            packages=[],
            ext_modules=extensions,
            script_args=[*(["--quiet"] if quiet else []), *arguments],
        )


def build_into(directory: Path) -> list[str]:
    """Compile the engine under `directory` (the wheel build hook's use); the paths of the
    extensions, relative to it. Runs from the project root, as mypycify needs."""
    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        build(quiet=True, into=directory)
    finally:
        os.chdir(previous)
    found = {p for suffix in EXTENSION_SUFFIXES for p in directory.rglob(f"*{suffix}")}
    return sorted(str(path.relative_to(directory)) for path in found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="remove the build and stop")
    parser.add_argument("--require", action="store_true", help="fail when the build cannot run")
    parser.add_argument("--verbose", action="store_true", help="show the compiler's output")
    args = parser.parse_args(argv)
    if args.clean:
        print(f"compile_engine: removed {clean()} compiled modules; the engine runs from source")
        return 0
    reason = missing_tools()
    if reason is not None:  # an earlier build stays; the engine ignores it once it is stale
        print(f"compile_engine: not compiled, {reason}; the engine runs from source (same results)")
        return 1 if args.require else 0
    clean()  # a failed build must leave the pure engine, not a mix with an older one
    print("compile_engine: compiling service/engine with mypyc (about 30 s) …", flush=True)
    started = time.perf_counter()
    os.chdir(ROOT)  # mypycify and setuptools take paths relative to the project
    try:
        build(quiet=not args.verbose)
    except (Exception, SystemExit) as exc:  # a compiler failure must not leave half a build
        clean()
        print(f"compile_engine: build failed ({exc}); the engine runs from source", file=sys.stderr)
        return 1 if args.require else 0
    print(
        f"compile_engine: {len(built())} extensions built in {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
