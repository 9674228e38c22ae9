"""Exact, fast ranges of rule relations: each relation compiled once to a function of Decimals,
evaluated at the corners of the box of its inputs.

Every relation in the rules is monotone in each input over its domain (DOMAIN §B.2), so its
extremes lie at the corners; naive interval arithmetic would overestimate whenever a variable
occurs twice ("(new - old) / old"). Each corner is computed at 40 significant digits and the
hull is then widened by a relative 1e-30, far more than the rounding of a few operations, so the
result still contains the exact range (outward rounding). The operations are the methods of that
40-digit context (`_CONTEXT.add`, …): the same arithmetic as the operators inside
`localcontext(_CONTEXT)`, without entering one, which cost as much as the corners themselves.
Divisors are checked for zero over the whole box with interval arithmetic first; relations with
infinite bounds or `abs` (not monotone) use plain interval evaluation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
)
from typing import TypeVar

from service.engine.errors import IntervalError
from service.engine.expression import Call, Neg, Node, Num, Var, evaluate, variables
from service.engine.interval import Interval

Point = Callable[[Mapping[str, Decimal]], Decimal]
T = TypeVar("T")
_CONTEXT = Context(prec=40, rounding=ROUND_HALF_EVEN, traps=[DivisionByZero, InvalidOperation])
_SLACK = Decimal("1e-30")
# Outward rounding of the hull; built once, as a new Context per call costs more than the sum.
_WIDEN_DOWN = Context(prec=40, rounding=ROUND_FLOOR)
_WIDEN_UP = Context(prec=40, rounding=ROUND_CEILING)


def _mod(value: Decimal, divisor: Decimal) -> Decimal:
    if value != value.to_integral_value(context=_CONTEXT) or divisor == 0:
        raise IntervalError("mod needs exact integers")
    return _CONTEXT.remainder(value, divisor)  # what `%` does on Decimals


def _nearest(value: Decimal) -> Decimal:
    return value.to_integral_value(rounding=ROUND_HALF_EVEN, context=_CONTEXT)


def _sign(value: Decimal) -> Decimal:
    return Decimal((value > 0) - (value < 0))


_POINT_FUNCTIONS: dict[str, Callable[..., Decimal]] = {
    "abs": _CONTEXT.abs,
    "mod": _mod,
    "nearest": _nearest,
    "sign": _sign,
}
_OPERATORS: dict[str, Callable[[Decimal, Decimal], Decimal]] = {
    "+": _CONTEXT.add,
    "-": _CONTEXT.subtract,
    "*": _CONTEXT.multiply,
    "/": _CONTEXT.divide,
}


def _by_identity(build: Callable[[Node], T]) -> Callable[[Node], T]:
    """Memoise per tree object: rule trees live as long as the process, and hashing a nested
    frozen dataclass on every call would cost more than the work it saves."""
    memo: dict[int, tuple[Node, T]] = {}

    def cached(node: Node) -> T:
        hit = memo.get(id(node))
        if hit is not None and hit[0] is node:
            return hit[1]
        value = build(node)
        memo[id(node)] = (node, value)
        return value

    return cached


@_by_identity
def compile_point(node: Node) -> Point:
    """A function computing the relation at one point (a value per variable)."""
    if isinstance(node, Num):
        constant = node.value
        return lambda env: constant
    if isinstance(node, Var):
        name = node.name
        return lambda env: env[name]
    if isinstance(node, Neg):
        operand, minus = compile_point(node.operand), _CONTEXT.minus
        return lambda env: minus(operand(env))
    if isinstance(node, Call):
        function = _POINT_FUNCTIONS[node.function]
        arguments = tuple(compile_point(a) for a in node.arguments)
        return lambda env: function(*[argument(env) for argument in arguments])
    return _compile_binary(_OPERATORS[node.op], node.left, node.right)


def _compile_binary(apply: Callable[[Decimal, Decimal], Decimal], left: Node, right: Node) -> Point:
    """An operation whose operands are read directly when they are names or constants: relations
    are small ("(new - old) / old * 100"), so one closure call per leaf is a good part of the
    cost of a corner."""
    if isinstance(left, Var) and isinstance(right, Var):
        first, second = left.name, right.name
        return lambda env: apply(env[first], env[second])
    if isinstance(right, Var):
        read_left, name = compile_point(left), right.name
        return lambda env: apply(read_left(env), env[name])
    if isinstance(right, Num):
        read_left, constant = compile_point(left), right.value
        return lambda env: apply(read_left(env), constant)
    read_left, read_right = compile_point(left), compile_point(right)
    return lambda env: apply(read_left(env), read_right(env))


@_by_identity
def _divisors(node: Node) -> tuple[Node, ...]:
    if isinstance(node, Num | Var):
        return ()
    if isinstance(node, Neg):
        return _divisors(node.operand)
    if isinstance(node, Call):
        return tuple(d for argument in node.arguments for d in _divisors(argument))
    own = (node.right,) if node.op == "/" else ()
    return own + _divisors(node.left) + _divisors(node.right)


@_by_identity
def _has_abs(node: Node) -> bool:
    if isinstance(node, Num | Var):
        return False
    if isinstance(node, Neg):
        return _has_abs(node.operand)
    if isinstance(node, Call):
        return node.function == "abs" or any(_has_abs(a) for a in node.arguments)
    return _has_abs(node.left) or _has_abs(node.right)


def divisors(node: Node) -> tuple[Node, ...]:
    """Every divisor in the relation, nested ones included."""
    return _divisors(node)


@_by_identity
def is_arithmetic(node: Node) -> bool:
    """True for a relation of the four operations only (no function): monotone in each input
    wherever it is defined and its divisors keep their sign (DOMAIN §B.2)."""
    if isinstance(node, Num | Var):
        return True
    if isinstance(node, Neg):
        return is_arithmetic(node.operand)
    if isinstance(node, Call):
        return False
    return is_arithmetic(node.left) and is_arithmetic(node.right)


def point_value(node: Node, values: Mapping[str, Decimal]) -> Decimal:
    """The relation at one point, at 40 significant digits."""
    try:
        return compile_point(node)(values)
    except (DivisionByZero, InvalidOperation, ZeroDivisionError) as exc:
        raise IntervalError("the relation is undefined at these figures") from exc


@dataclass(frozen=True, slots=True)
class _Plan:
    """What the corner evaluation needs to know about one relation, worked out once."""

    names: tuple[str, ...]  # sorted
    has_abs: bool
    divisors: tuple[Node, ...]
    function: Point


@_by_identity
def _plan(node: Node) -> _Plan:
    return _Plan(
        tuple(sorted(variables(node))), _has_abs(node), _divisors(node), compile_point(node)
    )


def evaluate_corners(node: Node, env: Mapping[str, Interval]) -> Interval:
    """The range of a monotone relation over the box `env`, rounded outward."""
    plan = _plan(node)
    names = plan.names
    boxes = [env[name] for name in names]
    count = len(names)
    if count > 8 or plan.has_abs:
        return evaluate(node, env)
    for box in boxes:
        if not (box.low.is_finite() and box.high.is_finite()):
            return evaluate(node, env)
    for divisor in plan.divisors:
        # Most divisors are one figure ("old"): read its box rather than evaluate it.
        divided = env[divisor.name] if isinstance(divisor, Var) else evaluate(divisor, env)
        if divided.contains_zero():
            raise IntervalError("division by an interval that contains zero")
    function = plan.function
    values: list[Decimal] = []
    corner: dict[str, Decimal] = {}
    # Corners in the order of a binary counter over `names`, the first name the lowest bit: min
    # and max keep the first of equal values, so the order decides which representation of a
    # tie is returned.
    try:
        for mask in range(1 << count):
            for bit in range(count):
                box = boxes[bit]
                corner[names[bit]] = box.high if mask >> bit & 1 else box.low
            values.append(function(corner))
    except (DivisionByZero, InvalidOperation, ZeroDivisionError) as exc:
        raise IntervalError("the relation is undefined at a corner of the figures") from exc
    low, high = min(values), max(values)
    return Interval(
        _WIDEN_DOWN.subtract(low, abs(low) * _SLACK), _WIDEN_UP.add(high, abs(high) * _SLACK)
    )
