"""Pickling and copying for the engine's value classes, built from their fields.

Compiled by mypyc, a class is rebuilt by pickle or `copy.deepcopy` through its constructor with
no arguments, which fails; the pure-Python build never needed this. Each value a `Report` holds
(the report, its figures, its findings and their figure uses) and `Interval` say how to rebuild
them: the class called with its init fields in field order, as their `__init__` takes them. Users
send reports to worker processes; tests/test_compiled_engine.py round-trips one.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any


def by_fields(value: Any) -> tuple[Any, tuple[Any, ...]]:
    """`__reduce__` for a dataclass whose constructor takes its init fields in order (the others
    are caches, worked out again when needed)."""
    return type(value), tuple(getattr(value, field.name) for field in fields(value) if field.init)
