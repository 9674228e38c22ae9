"""The decimal contexts the engine computes in, whatever the caller's.

Decimal operators (`a + b`) round in the thread's current context, which belongs to the caller:
a program that lowered its precision or trapped `Inexact` would otherwise change the engine's
intervals or make it raise. So the public entry points run a check in `ENGINE`, the settings of
Python's default context (28 significant digits, rounding half-even), and the relations of the
rules are evaluated in `RELATIONS` (40 digits, so that a corner of a relation rounds far below
any stated figure's precision), which traps only what has no value: an invalid operation or a
division by zero, reported as "not checkable".

Operators inside an entered context cost a quarter of the equivalent `Context` methods (which
parse their arguments on every call), so hot arithmetic enters a context once and uses operators.
Directed rounding for interval bounds goes through the floor and ceiling contexts of `interval`.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import (
    ROUND_HALF_EVEN,
    Context,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    getcontext,
    setcontext,
)
from typing import Final, TypeVar

from service.engine.interval import PRECISION

ENGINE: Final = Context(
    prec=28,
    rounding=ROUND_HALF_EVEN,
    Emax=999999,
    Emin=-999999,
    traps=[DivisionByZero, InvalidOperation, Overflow],
)
RELATION_PRECISION: Final = PRECISION  # as interval arithmetic's: relations round at its digits
RELATIONS: Final = Context(
    prec=RELATION_PRECISION,
    rounding=ROUND_HALF_EVEN,
    Emax=999999,
    Emin=-999999,
    traps=[DivisionByZero, InvalidOperation],
)

T = TypeVar("T")


def computed_in(context: Context, work: Callable[[], T]) -> T:
    """`work()` computed in `context`; the caller's context is put back afterwards. Costs one
    comparison when `context` is already current."""
    previous = getcontext()
    if previous is context:
        return work()
    setcontext(context)
    try:
        return work()
    finally:
        setcontext(previous)
