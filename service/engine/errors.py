"""The engine's own exceptions, in one module that is never compiled.

mypyc cannot compile a class that inherits from a built-in exception, so these live apart from the
modules that raise them (see tools/compile_engine.py). Findings are values; these are raised only
for malformed rule or lexicon data, for a structured claim that does not read, and inside the
arithmetic for a relation with no value (caught and reported as `unverifiable`).
"""

from __future__ import annotations


class IntervalError(ArithmeticError):
    """An operation has no interval result (division by an interval that contains zero)."""


class ExpressionError(ValueError):
    """A relation in a rule file does not parse; carries the source text and position."""

    def __init__(self, source: str, position: int, message: str) -> None:
        super().__init__(f"{message} at column {position + 1} of {source!r}")
        self.source = source
        self.position = position


class RuleError(ValueError):
    """A rule file is malformed; names the file and the problem."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source


class LexiconError(ValueError):
    """The lexicon data is malformed (a missing key or a value that is not a number)."""


class StructuredClaimError(ValueError):
    """A structured claim names an unknown role or a figure that does not read as one number."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
