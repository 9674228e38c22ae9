"""Exact, fast ranges of rule relations, evaluated at the corners of the box of their inputs.

Every relation in the rules is monotone in each input over its domain (DOMAIN §B.2), so its
extremes lie at the corners; naive interval arithmetic would overestimate whenever a variable
occurs twice ("(new - old) / old"). Each corner is computed at 40 significant digits (in
`arithmetic.RELATIONS`) and the hull is then widened by a relative 1e-30, far more than the
rounding of a few operations, so the result still contains the exact range (outward rounding).
Divisors are checked for zero over the whole box with interval arithmetic first; relations with
infinite bounds or `abs` (not monotone) use plain interval evaluation.

A relation of the four operations is compiled once into straight-line code over a list of
registers (`_Code`) and run with Decimal operators: a corner then costs its few operations, where
a tree of closures and `Context` methods cost a Python-level call per node. Relations with a
function (`mod`, `nearest`, `sign`: weekdays, months, GRIM) keep closures, which handle any node.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import (
    ROUND_HALF_EVEN,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    getcontext,
)
from typing import Final, Generic, TypeVar

from service.engine.arithmetic import RELATIONS, computed_in
from service.engine.errors import IntervalError
from service.engine.expression import Call, Neg, Node, Num, Var, evaluate, variables
from service.engine.interval import CEILING, FLOOR, Interval

Point = Callable[[Mapping[str, Decimal]], Decimal]
T = TypeVar("T")
_SLACK: Final = Decimal("1e-30")
# Outward rounding of the hull, by the methods of interval arithmetic's directed contexts,
# bound once (a method looked up per call costs as much as the operation).
_floor_fma: Final = FLOOR.fma
_ceiling_fma: Final = CEILING.fma
_MINUS_SLACK: Final = -_SLACK
_UNDEFINED: Final = (DivisionByZero, InvalidOperation, ZeroDivisionError)
# Where the caller has entered `RELATIONS` already, work is done without the closure that
# `computed_in` calls (a Python-level call, and an object made, per range).
_current_context: Final = getcontext


def _mod(value: Decimal, divisor: Decimal) -> Decimal:
    if value != value.to_integral_value(context=RELATIONS) or divisor == 0:
        raise IntervalError("mod needs exact integers")
    return RELATIONS.remainder(value, divisor)  # what `%` does on Decimals


def _nearest(value: Decimal) -> Decimal:
    return value.to_integral_value(rounding=ROUND_HALF_EVEN, context=RELATIONS)


def _sign(value: Decimal) -> Decimal:
    return Decimal((value > 0) - (value < 0))


_POINT_FUNCTIONS: Final[dict[str, Callable[..., Decimal]]] = {
    "abs": RELATIONS.abs,
    "mod": _mod,
    "nearest": _nearest,
    "sign": _sign,
}
_OPERATORS: Final[dict[str, Callable[[Decimal, Decimal], Decimal]]] = {
    "+": RELATIONS.add,
    "-": RELATIONS.subtract,
    "*": RELATIONS.multiply,
    "/": RELATIONS.divide,
}


class _ByIdentity(Generic[T]):
    """A function of a rule tree, memoised per tree object: rule trees live as long as the
    process, and hashing a nested frozen dataclass on every call would cost more than the
    work it saves. A native class: `get` is a native call, where calling a closure (or the
    object) is a Python-level one."""

    def __init__(self, build: Callable[[Node], T]) -> None:
        self.build = build
        self.memo: dict[int, tuple[Node, T]] = {}

    def __call__(self, node: Node) -> T:
        return self.get(node)

    def get(self, node: Node) -> T:
        hit = self.memo.get(id(node))
        if hit is not None and hit[0] is node:
            return hit[1]
        value = self.build(node)
        self.memo[id(node)] = (node, value)
        return value


@_ByIdentity
def compile_point(node: Node) -> Point:
    """A function computing the relation at one point (a value per variable), for relations
    with functions; it uses the 40-digit context's methods, so it needs no context entered."""
    if isinstance(node, Num):
        constant = node.value
        return lambda env: constant
    if isinstance(node, Var):
        name = node.name
        return lambda env: env[name]
    if isinstance(node, Neg):
        operand, minus = compile_point(node.operand), RELATIONS.minus
        return lambda env: minus(operand(env))
    if isinstance(node, Call):
        function = _POINT_FUNCTIONS[node.function]
        arguments = tuple(compile_point(a) for a in node.arguments)
        return lambda env: function(*[argument(env) for argument in arguments])
    apply, read_left, read_right = (
        _OPERATORS[node.op],
        compile_point(node.left),
        compile_point(node.right),
    )
    return lambda env: apply(read_left(env), read_right(env))


# opcodes; `Final`, so that mypyc compiles them as integer literals, not module lookups
_ADD: Final = 0
_SUB: Final = 1
_MUL: Final = 2
_DIV: Final = 3
_NEG: Final = 4
_OPCODES: Final = {"+": _ADD, "-": _SUB, "*": _MUL, "/": _DIV}
_ZERO: Final = Decimal(0)


@dataclass(frozen=True, slots=True)
class _Code:
    """A relation of the four operations as straight-line code over a register file: the
    inputs first (in the plan's name order), then a register for each constant and each step
    in the order they were written; `result` names the register holding the value (an input
    itself for "second == first")."""

    template: tuple[Decimal, ...]  # the register file with the constants in place
    ops: tuple[int, ...]
    lefts: tuple[int, ...]
    rights: tuple[int, ...]  # unused by a negation
    dests: tuple[int, ...]
    result: int

    def run(self, registers: list[Decimal]) -> Decimal:
        """The relation's value for the inputs in `registers` (a copy of `template`), in the
        current context: callers enter `RELATIONS`."""
        ops, lefts, rights, dests = self.ops, self.lefts, self.rights, self.dests
        for step in range(len(ops)):
            op, left = ops[step], registers[lefts[step]]
            if op == _NEG:
                value = -left
            elif op == _ADD:
                value = left + registers[rights[step]]
            elif op == _SUB:
                value = left - registers[rights[step]]
            elif op == _MUL:
                value = left * registers[rights[step]]
            else:
                value = left / registers[rights[step]]
            registers[dests[step]] = value
        return registers[self.result]


def _compile_code(node: Node, names: tuple[str, ...]) -> _Code | None:
    """The straight-line code of an arithmetic relation; None when it calls a function."""
    template = [_ZERO] * len(names)
    steps: list[tuple[int, int, int, int]] = []
    result = _emit(node, names, template, steps)
    if result is None:
        return None
    return _Code(
        tuple(template),
        tuple(step[0] for step in steps),
        tuple(step[1] for step in steps),
        tuple(step[2] for step in steps),
        tuple(step[3] for step in steps),
        result,
    )


def _emit(
    node: Node,
    names: tuple[str, ...],
    template: list[Decimal],
    steps: list[tuple[int, int, int, int]],
) -> int | None:
    """Append the code of `node` (operands first) and return the register of its value."""
    if isinstance(node, Var):
        return names.index(node.name)
    if isinstance(node, Num):
        template.append(node.value)
        return len(template) - 1
    if isinstance(node, Call):
        return None
    if isinstance(node, Neg):
        operand = _emit(node.operand, names, template, steps)
        if operand is None:
            return None
        op, left, right = _NEG, operand, operand
    else:
        left_register = _emit(node.left, names, template, steps)
        right_register = _emit(node.right, names, template, steps)
        if left_register is None or right_register is None:
            return None
        op, left, right = _OPCODES[node.op], left_register, right_register
    template.append(_ZERO)
    steps.append((op, left, right, len(template) - 1))
    return len(template) - 1


@_ByIdentity
def _divisors(node: Node) -> tuple[Node, ...]:
    if isinstance(node, Num | Var):
        return ()
    if isinstance(node, Neg):
        return _divisors(node.operand)
    if isinstance(node, Call):
        return tuple(d for argument in node.arguments for d in _divisors(argument))
    own = (node.right,) if node.op == "/" else ()
    return own + _divisors(node.left) + _divisors(node.right)


@_ByIdentity
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


@_ByIdentity
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


@dataclass(frozen=True, slots=True)
class _Plan:
    """What the corner evaluation needs to know about one relation, worked out once."""

    names: tuple[str, ...]  # sorted: the order `range_over` takes the boxes in
    has_abs: bool
    divisors: tuple[Node, ...]
    # for each divisor, the position of its box when it is one figure ("old"), else -1
    divisor_boxes: tuple[int, ...]
    code: _Code | None  # None for a relation with a function, which `function` computes
    function: Point


def _plan(node: Node) -> _Plan:
    """The relation's plan, worked out the first time it is asked for (at every range)."""
    return _PLANS.get(node)


def _make_plan(node: Node) -> _Plan:
    names = tuple(sorted(variables(node)))
    divisors = _divisors(node)
    return _Plan(
        names,
        _has_abs(node),
        divisors,
        tuple(names.index(d.name) if isinstance(d, Var) else -1 for d in divisors),
        _compile_code(node, names),
        compile_point(node),
    )


_PLANS: Final = _ByIdentity(_make_plan)


def relation_names(node: Node) -> tuple[str, ...]:
    """The relation's inputs in the order `range_over` takes their boxes."""
    return _plan(node).names


def point_value(node: Node, values: Mapping[str, Decimal]) -> Decimal:
    """The relation at one point, at 40 significant digits."""
    plan = _plan(node)
    code = plan.code
    try:
        if code is None:
            return plan.function(values)
        registers = list(code.template)
        for index, name in enumerate(plan.names):
            registers[index] = values[name]
        if _current_context() is RELATIONS:  # as the judge and the diagnoses call it
            return code.run(registers)
        return computed_in(RELATIONS, lambda: code.run(registers))
    except _UNDEFINED as exc:
        raise IntervalError("the relation is undefined at these figures") from exc


def evaluate_corners(node: Node, env: Mapping[str, Interval]) -> Interval:
    """The range of a monotone relation over the box `env`, rounded outward."""
    plan = _plan(node)
    return _range(node, plan, [env[name] for name in plan.names])


def range_over(node: Node, boxes: list[Interval]) -> Interval:
    """`evaluate_corners` with the boxes in `relation_names` order: for callers that try many
    boxes of one input (the diagnoses), without a dict per try."""
    return _range(node, _plan(node), boxes)


def _range(node: Node, plan: _Plan, boxes: list[Interval]) -> Interval:
    if len(boxes) > 8 or plan.has_abs or not _finite(boxes):
        return evaluate(node, _env(plan, boxes))
    divisors, positions = plan.divisors, plan.divisor_boxes
    for index in range(len(divisors)):
        # Most divisors are one figure ("old"): read its box rather than evaluate it.
        position = positions[index]
        divided = boxes[position] if position >= 0 else evaluate(divisors[index], _env(plan, boxes))
        if divided.contains_zero():
            raise IntervalError("division by an interval that contains zero")
    try:
        if _current_context() is RELATIONS:  # as the judge and the diagnoses call it
            return _hull(plan, boxes)
        return computed_in(RELATIONS, lambda: _hull(plan, boxes))
    except _UNDEFINED as exc:
        raise IntervalError("the relation is undefined at a corner of the figures") from exc


def _finite(boxes: list[Interval]) -> bool:
    return all(box.low.is_finite() and box.high.is_finite() for box in boxes)


def _env(plan: _Plan, boxes: list[Interval]) -> dict[str, Interval]:
    return {plan.names[index]: boxes[index] for index in range(len(boxes))}


def _hull(plan: _Plan, boxes: list[Interval]) -> Interval:
    """The corners' range, widened outward by the relative slack."""
    code = plan.code
    low, high = _extremes(code, boxes) if code is not None else _function_extremes(plan, boxes)
    return Interval(_widened_down(low), _widened_up(high))


def _widened_down(low: Decimal) -> Decimal:
    """low - |low| * 1e-30 rounded down, in one fused multiply-add: the product is exact, so
    this is the subtraction of the exact slack, rounded once."""
    return _floor_fma(low, _MINUS_SLACK if low >= _ZERO else _SLACK, low)


def _widened_up(high: Decimal) -> Decimal:
    """high + |high| * 1e-30 rounded up (see `_widened_down`)."""
    return _ceiling_fma(high, _SLACK if high >= _ZERO else _MINUS_SLACK, high)


def _extremes(code: _Code, boxes: list[Interval]) -> tuple[Decimal, Decimal]:
    """The least and greatest value of the relation over the corners of the box.

    Corners in the order of a binary counter over the inputs, the first input the lowest bit;
    of equal values the first is kept (as min and max do), so the order decides which
    representation of a tie is returned.
    """
    count = len(boxes)
    registers = list(code.template)
    low = high = _ZERO
    for mask in range(1 << count):
        for bit in range(count):
            box = boxes[bit]
            registers[bit] = box.high if mask >> bit & 1 else box.low
        found = code.run(registers)
        if mask == 0:
            low = high = found
        elif found < low:
            low = found
        elif found > high:
            high = found
    return low, high


def _function_extremes(plan: _Plan, boxes: list[Interval]) -> tuple[Decimal, Decimal]:
    """`_extremes` for a relation with a function, computed by its closures. The same walk
    written twice on purpose: shared through a callback, the hot loop above would make a
    Python-level call per corner."""
    count = len(boxes)
    corner: dict[str, Decimal] = {}
    low = high = _ZERO
    for mask in range(1 << count):
        for bit in range(count):
            box = boxes[bit]
            corner[plan.names[bit]] = box.high if mask >> bit & 1 else box.low
        found = plan.function(corner)
        if mask == 0:
            low = high = found
        elif found < low:
            low = found
        elif found > high:
            high = found
    return low, high


class Section:
    """The relation with one input free and the others held to their boxes: its least or
    greatest value over the corners of the others, at one value of the free input.

    For searches that try many boxes of one input where the relation is known to be monotone
    in it (the diagnoses' rewrites of a level): the top of the range over such a box is then
    the greatest value at one end of the box, and its bottom the least at the other, which
    costs half the corners of `range_over`. The corners' register files are filled once; a
    value only takes the free input's place. Made by `section`, for boxes on which no divisor
    is zero (the caller knows); computed in the current context, which callers set to
    `arithmetic.RELATIONS`, and rounded outward as `_hull` does.
    """

    def __init__(self, code: _Code, boxes: list[Interval], free: int) -> None:
        self.code, self.free = code, free
        others = [bit for bit in range(len(boxes)) if bit != free]
        # in the order of `_extremes`: a binary counter over the other inputs, the first lowest
        self.corners: list[list[Decimal]] = []
        for mask in range(1 << len(others)):
            registers = list(code.template)
            for place, bit in enumerate(others):
                box = boxes[bit]
                registers[bit] = box.high if mask >> place & 1 else box.low
            self.corners.append(registers)

    def end(self, value: Decimal, greatest: bool) -> Decimal:
        """The greatest (rounded up) or least (rounded down) value of the relation over the
        corners of the other inputs, with the free one at `value`."""
        code, free = self.code, self.free
        found = _ZERO
        try:
            for corner, registers in enumerate(self.corners):
                registers[free] = value
                here = code.run(registers)
                if corner == 0 or (here > found if greatest else here < found):
                    found = here
        except _UNDEFINED as exc:
            raise IntervalError("the relation is undefined at a corner of the figures") from exc
        return _widened_up(found) if greatest else _widened_down(found)


def section(node: Node, boxes: list[Interval], free: int) -> Section | None:
    """The relation's `Section` with the input at `free` (in `relation_names` order) free and
    the others held to `boxes`; None where `range_over` would not evaluate such boxes at their
    corners (a function or `abs` in the relation, more than eight inputs, an infinite bound)."""
    plan = _plan(node)
    others = [box for bit, box in enumerate(boxes) if bit != free]
    if plan.code is None or plan.has_abs or len(boxes) > 8 or not _finite(others):
        return None
    return Section(plan.code, boxes, free)
