"""Project configuration for the linter, found upwards from each checked file.

The nearest `econcheck.toml` (top-level keys) or `pyproject.toml` with a `[tool.econcheck]`
table wins; a pyproject.toml without that table is passed over, as ruff and mypy do. Keys may be
spelt with hyphens or underscores:

    [tool.econcheck]
    fail-on = "minor_discrepancy"        # minor_discrepancy | inconsistent | impossible | never
    enable = ["EC101", "EC102"]          # rules to run (default: all)
    disable = ["EC106"]                  # rules never to report
    include = ["*.md", "*.txt"]          # files to check inside folders
    exclude = ["archive/**"]             # files to skip (relative to the config file)

    [tool.econcheck.policy]              # the engine's tolerance policy (service.engine.policy)
    strict-zeros = true
    minor-points = "0.05"

A malformed file is the tool's own failure: `ConfigError` (a ValueError naming the file).
Decimals are read from the TOML text itself (`parse_float=Decimal`), never through float.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from service.engine.policy import DEFAULT_POLICY, Policy

FAIL_LEVELS = ("minor_discrepancy", "inconsistent", "impossible", "never")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.text", "*.html", "*.htm")
_KEYS = {"fail_on", "enable", "disable", "include", "exclude", "policy"}
_POLICY_FIELDS = {item.name: item for item in dataclasses.fields(Policy)}


class ConfigError(ValueError):
    """A configuration file cannot be used; names the file and the problem."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source


@dataclass(frozen=True, slots=True)
class LintConfig:
    source: str | None = None  # the file it came from; None for the defaults
    root: Path = field(default_factory=Path.cwd)  # where include/exclude patterns start
    fail_on: str | None = None
    enable: frozenset[str] | None = None
    disable: frozenset[str] = frozenset()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    policy: Policy = DEFAULT_POLICY

    def rule_enabled(self, code: str) -> bool:
        return (self.enable is None or code in self.enable) and code not in self.disable


def find_config(start: Path) -> LintConfig:
    """The configuration for files in the folder `start` (or the file's folder)."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    return _config_in(folder)


@cache
def _config_in(folder: Path) -> LintConfig:
    for name, table in (("econcheck.toml", None), ("pyproject.toml", ("tool", "econcheck"))):
        path = folder / name
        if path.is_file():
            data: Any = _read(path)
            for key in table or ():
                data = data.get(key) if isinstance(data, dict) else None
            if data is not None:
                return config_from_mapping(data, str(path), folder)
    if folder.parent == folder:
        return LintConfig(root=folder)
    return _config_in(folder.parent)


def load_config(path: Path) -> LintConfig:
    """An explicitly named file (`--config`): econcheck.toml form, or pyproject.toml's table."""
    data = _read(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("econcheck", {})
    return config_from_mapping(data, str(path), path.resolve().parent)


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"not valid TOML: {exc}") from exc


def config_from_mapping(data: Any, source: str, root: Path) -> LintConfig:
    """Validate one parsed table into a `LintConfig`."""
    if not isinstance(data, dict):
        raise ConfigError(source, "the econcheck configuration must be a table")
    data = {key.replace("-", "_"): value for key, value in data.items()}
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(source, f"unknown key(s) {unknown}; known: {sorted(_KEYS)}")
    fail_on = data.get("fail_on")
    if fail_on is not None and fail_on not in FAIL_LEVELS:
        raise ConfigError(source, f"fail-on must be one of {list(FAIL_LEVELS)}, not {fail_on!r}")
    enable = data.get("enable")
    return LintConfig(
        source=source,
        root=root,
        fail_on=fail_on,
        enable=None if enable is None else frozenset(_codes(enable, "enable", source)),
        disable=frozenset(_codes(data.get("disable", []), "disable", source)),
        include=tuple(_strings(data.get("include", list(DEFAULT_INCLUDE)), "include", source)),
        exclude=tuple(_strings(data.get("exclude", []), "exclude", source)),
        policy=_policy(data.get("policy", {}), source),
    )


def _strings(value: Any, key: str, source: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(source, f"{key} must be a list of strings")
    return value


def _codes(value: Any, key: str, source: str) -> list[str]:
    from service.loader import default_rules

    codes = [code.upper() for code in _strings(value, key, source)]
    known = {rule.code for rule in default_rules().rules}
    unknown = sorted(set(codes) - known)
    if unknown:
        raise ConfigError(source, f"{key}: unknown rule code(s) {unknown}; known: {sorted(known)}")
    return codes


def _policy(table: Any, source: str) -> Policy:
    if not isinstance(table, dict):
        raise ConfigError(source, "policy must be a table")
    changes: dict[str, object] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in _POLICY_FIELDS:
            raise ConfigError(
                source, f"policy: unknown key {raw_key!r}; known: {sorted(_POLICY_FIELDS)}"
            )
        changes[key] = _policy_value(key, value, source)
    return dataclasses.replace(DEFAULT_POLICY, **changes)  # type: ignore[arg-type]


def _policy_value(key: str, value: Any, source: str) -> bool | Decimal:
    if isinstance(getattr(DEFAULT_POLICY, key), bool):
        if not isinstance(value, bool):
            raise ConfigError(source, f"policy.{key} must be true or false")
        return value
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise ConfigError(source, f'policy.{key} must be a number or a string like "0.1"')
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise ConfigError(source, f"policy.{key}: {value!r} is not a number") from exc
    if not number.is_finite() or number < 0:
        raise ConfigError(source, f"policy.{key} must be a finite number ≥ 0")
    return number


def forget_configs() -> None:
    """Drop the per-folder cache: each run of the command reads the files afresh."""
    _config_in.cache_clear()
