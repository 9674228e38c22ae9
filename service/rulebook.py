"""Finds and reads the declarative files under `rules/` (the only I/O the engine depends on).

The engine itself is pure: it receives parsed TOML as plain data. This module knows where the
files live: inside the installed wheel they are `service/_rules/` (hatchling force-includes the
top-level `rules/` there); in a source checkout or an editable install they are `rules/` beside
the package.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


class RuleFileError(ValueError):
    """A rule or vocabulary file is missing or malformed; carries the file name."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


@cache
def rules_dir() -> Path:
    """The folder that holds the rule and vocabulary TOML files."""
    packaged = resources.files("service") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    raise RuleFileError("rules/", "rule folder not found in the package or beside it")


def read_toml(relative: str) -> dict[str, Any]:
    """Parse one TOML file under the rules folder."""
    path = rules_dir() / relative
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise RuleFileError(relative, "file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(relative, f"invalid TOML: {exc}") from exc


def read_folder(relative: str) -> list[tuple[str, dict[str, Any]]]:
    """Parse every `*.toml` in a sub-folder, sorted by name, as (relative path, data) pairs."""
    folder = rules_dir() / relative
    return [
        (f"{relative}/{path.name}", read_toml(f"{relative}/{path.name}"))
        for path in sorted(folder.glob("*.toml"))
    ]
