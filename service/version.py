"""The package version, read from the installed metadata so it is written in one place, and
which build of the engine runs (see tools/compile_engine.py)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("econcheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"


def engine_build() -> str:
    """ "compiled" when the engine runs from its mypyc build, else "source"."""
    import service.engine

    return "compiled" if service.engine.COMPILED else "source"
