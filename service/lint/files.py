"""Which files a run checks: named files, and the files under named folders that the nearest
configuration includes and neither it nor `--exclude` excludes.

Patterns are shell globs. One without a "/" matches any single path component ("*.txt",
"archive"); one with a "/" matches the path relative to the folder it belongs to (the config
file's folder, or the working folder for `--exclude`). Hidden folders (".git", ".venv") and
`node_modules` are never walked.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from fnmatch import fnmatchcase
from pathlib import Path

from service.lint.config import LintConfig

_NEVER_WALKED = frozenset({"node_modules", "__pycache__", "venv"})

ConfigFor = Callable[[Path], LintConfig]


def matches(path: Path, pattern: str, root: Path) -> bool:
    """Whether `path` matches a glob relative to `root` (case-insensitively for names).

    >>> root = Path("/repo")
    >>> matches(Path("/repo/drafts/archive/old.md"), "archive", root)
    True
    >>> matches(Path("/repo/drafts/a.MD"), "*.md", root)
    True
    >>> matches(Path("/archive/a.md"), "archive", Path("/archive"))  # the root itself never counts
    False
    >>> matches(Path("/repo/drafts/a.md"), "drafts/*.md", root)
    True
    >>> matches(Path("/repo/drafts/a.md"), "*.txt", root)
    False
    """
    pattern = pattern.strip().rstrip("/")
    try:
        relative = path.relative_to(root)
    except ValueError:
        relative = path
    if "/" not in pattern:
        lowered = pattern.lower()
        return any(fnmatchcase(part.lower(), lowered) for part in relative.parts if part != "/")
    pattern = pattern.removeprefix("./")
    candidates = {pattern, pattern.removeprefix("**/")}
    text = relative.as_posix()
    return any(fnmatchcase(text, glob) or fnmatchcase(text, glob + "/*") for glob in candidates)


def excluded(path: Path, config: LintConfig, cli_excludes: tuple[str, ...], cwd: Path) -> bool:
    return any(matches(path, glob, config.root) for glob in config.exclude) or any(
        matches(path, glob, cwd) for glob in cli_excludes
    )


def collect(
    names: list[str], config_for: ConfigFor, cli_excludes: tuple[str, ...] = ()
) -> Iterator[str]:
    """The paths to check, in order: each named file (unless excluded), `-`, and the included
    files under each named folder, sorted. Missing paths are passed on for the reader to report."""
    cwd = Path.cwd()
    for name in names:
        path = Path(name)
        if name == "-" or not path.exists():
            yield name
        elif path.is_dir():
            yield from _walk(path, config_for, cli_excludes, cwd)
        elif not excluded(path.resolve(), config_for(path), cli_excludes, cwd):
            yield name


def _walk(
    folder: Path, config_for: ConfigFor, cli_excludes: tuple[str, ...], cwd: Path
) -> Iterator[str]:
    found: list[str] = []
    for directory, subdirs, files in os.walk(folder):
        here = Path(directory)
        config = config_for(here)
        subdirs[:] = sorted(
            name
            for name in subdirs
            if not name.startswith(".")
            and name not in _NEVER_WALKED
            and not excluded((here / name).resolve(), config, cli_excludes, cwd)
        )
        for name in files:
            path = here / name
            absolute = path.resolve()
            included = any(matches(absolute, glob, config.root) for glob in config.include)
            if included and not excluded(absolute, config, cli_excludes, cwd):
                found.append(str(path))
    yield from sorted(found)
