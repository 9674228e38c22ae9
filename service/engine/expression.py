"""A small, safe expression language for the relations written in rule files.

Rules say `percent == (new - old) / old * 100` as data. This module parses such text into a tree
(no `eval`), evaluates it over `Interval`s, and renders it with the figures put in, so that a
verdict can show its arithmetic: `(2.61bn − 2.18bn) / 2.18bn × 100`.

Grammar (precedence climbing):

    relation := NAME "==" expr
    expr     := term (("+" | "-") term)*
    term     := unary (("*" | "/") unary)*
    unary    := "-" unary | atom
    atom     := NUMBER | NAME | NAME "(" expr ("," expr)* ")" | "(" expr ")"

Functions: `abs(x)`, `mod(x, n)` (exact integers only: weekdays, months), `nearest(x)` (the
whole number an interval allows, for GRIM checks), `sign(x)`.
Numbers are decimal literals read from their text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import Final

from service.engine.errors import ExpressionError, IntervalError
from service.engine.interval import Interval

_TOKEN: Final = re.compile(
    r"""
    \s*(?:
        (?P<number>\d+(?:\.\d+)?)        # decimal literal
      | (?P<name>[A-Za-z_][A-Za-z_0-9]*)  # role or function name
      | (?P<op>==|[-+*/(),])              # operators and punctuation
    )""",
    re.VERBOSE,
)


def _mod(value: Interval, divisor: Interval) -> Interval:
    """Remainder of exact integers (weekdays, calendar months); anything else has no interval."""
    exact = value.low == value.high and divisor.low == divisor.high
    if not exact or value.low != value.low.to_integral_value() or divisor.low == 0:
        raise IntervalError("mod needs exact integers")
    return Interval.point(value.low % divisor.low)


def _nearest(value: Interval) -> Interval:
    """The whole number the interval allows (nearest its middle), else the nearest one outside.

    Used by GRIM-style checks: a share of N things is k/N for a whole number k.
    """
    low = value.low.to_integral_value(rounding=ROUND_CEILING)
    high = value.high.to_integral_value(rounding=ROUND_FLOOR)
    middle = value.midpoint.to_integral_value(rounding=ROUND_HALF_EVEN)
    if low <= high:
        return Interval.point(min(max(middle, low), high))
    return Interval.point(middle)


def _sign(value: Interval) -> Interval:
    """−1, 0 or +1; an interval that straddles zero allows both signs."""
    low = Decimal(-1) if value.low < 0 else (Decimal(0) if value.low == 0 else Decimal(1))
    high = Decimal(1) if value.high > 0 else (Decimal(0) if value.high == 0 else Decimal(-1))
    return Interval(low, high)


_FUNCTIONS: Final[dict[str, tuple[int, Callable[..., Interval]]]] = {
    "sign": (1, _sign),
    "abs": (1, Interval.abs),
    "mod": (2, _mod),
    "nearest": (1, _nearest),
}


@dataclass(frozen=True, slots=True)
class Num:
    value: Decimal


@dataclass(frozen=True, slots=True)
class Var:
    name: str


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Node


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Call:
    function: str
    arguments: tuple[Node, ...]


Node = Num | Var | Neg | BinOp | Call


@dataclass(frozen=True, slots=True)
class Relation:
    """`target == expression`: the stated figure named `target` should equal the expression."""

    target: str
    expression: Node
    source: str

    inputs: frozenset[str]  # the names the expression reads (the target too, if self-referent)

    @property
    def roles(self) -> frozenset[str]:
        return frozenset({self.target}) | self.inputs


def _tokenize(source: str) -> list[tuple[str, str, int]]:
    tokens: list[tuple[str, str, int]] = []
    position = 0
    while position < len(source):
        if source[position:].strip() == "":
            break
        match = _TOKEN.match(source, position)
        if match is None or match.end() == position:
            raise ExpressionError(source, position, "unexpected character")
        kind = match.lastgroup or "op"
        tokens.append((kind, match.group(kind), match.start(kind)))
        position = match.end()
    tokens.append(("end", "", len(source)))
    return tokens


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens = _tokenize(source)
        self.index = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.index]

    def take(self, text: str | None = None) -> tuple[str, str, int]:
        token = self.tokens[self.index]
        if text is not None and token[1] != text:
            raise ExpressionError(self.source, token[2], f"expected {text!r}")
        self.index += 1
        return token

    def expr(self) -> Node:
        node = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            node = BinOp(op, node, self.term())
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            node = BinOp(op, node, self.unary())
        return node

    def unary(self) -> Node:
        if self.peek()[1] == "-":
            self.take()
            return Neg(self.unary())
        return self.atom()

    def atom(self) -> Node:
        kind, text, position = self.take()
        if kind == "number":
            return Num(Decimal(text))
        if kind == "name":
            if self.peek()[1] == "(":
                if text not in _FUNCTIONS:
                    raise ExpressionError(self.source, position, f"unknown function {text!r}")
                self.take("(")
                arguments = [self.expr()]
                while self.peek()[1] == ",":
                    self.take(",")
                    arguments.append(self.expr())
                self.take(")")
                if len(arguments) != _FUNCTIONS[text][0]:
                    raise ExpressionError(
                        self.source, position, f"{text} takes {_FUNCTIONS[text][0]}"
                    )
                return Call(text, tuple(arguments))
            return Var(text)
        if text == "(":
            node = self.expr()
            self.take(")")
            return node
        raise ExpressionError(self.source, position, "expected a number, a name or '('")

    def finish(self) -> None:
        kind, _, position = self.peek()
        if kind != "end":
            raise ExpressionError(self.source, position, "unexpected text after the expression")


def parse_expression(source: str) -> Node:
    """Parse an arithmetic expression.

    >>> parse_expression("(new - old) / old * 100")  # doctest: +ELLIPSIS
    BinOp(op='*', left=BinOp(op='/', ...), right=Num(value=Decimal('100')))
    """
    parser = _Parser(source)
    node = parser.expr()
    parser.finish()
    return node


def parse_relation(source: str) -> Relation:
    """Parse `target == expression`.

    >>> parse_relation("percent == (new - old) / old * 100").target
    'percent'
    """
    parser = _Parser(source)
    kind, name, position = parser.take()
    if kind != "name":
        raise ExpressionError(source, position, "a relation starts with the stated role's name")
    parser.take("==")
    node = parser.expr()
    parser.finish()
    return Relation(name, node, source, variables(node))


def variables(node: Node) -> frozenset[str]:
    if isinstance(node, Var):
        return frozenset({node.name})
    if isinstance(node, Num):
        return frozenset()
    if isinstance(node, Neg):
        return variables(node.operand)
    if isinstance(node, Call):
        return frozenset().union(*[variables(argument) for argument in node.arguments])
    return variables(node.left) | variables(node.right)


def evaluate(node: Node, env: Mapping[str, Interval]) -> Interval:
    """Evaluate over intervals; raises IntervalError on division by an interval holding zero."""
    if isinstance(node, Num):
        return Interval.point(node.value)
    if isinstance(node, Var):
        return env[node.name]
    if isinstance(node, Neg):
        return -evaluate(node.operand, env)
    if isinstance(node, Call):
        return _FUNCTIONS[node.function][1](*[evaluate(a, env) for a in node.arguments])
    left, right = evaluate(node.left, env), evaluate(node.right, env)
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    return left / right


_SYMBOLS: Final = {"+": "+", "-": "−", "*": "×", "/": "/"}
_PRECEDENCE: Final = {"+": 1, "-": 1, "*": 2, "/": 2}


def render(node: Node, names: Mapping[str, str]) -> str:
    """Write the expression with each role replaced by the figure's short form.

    >>> render(parse_expression("(new - old) / old * 100"), {"new": "2.61bn", "old": "2.18bn"})
    '(2.61bn − 2.18bn) / 2.18bn × 100'
    """
    pieces, slots = _template(node)
    parts = [pieces[0]]
    for index in range(len(slots)):
        parts.append(names.get(slots[index], slots[index]))
        parts.append(pieces[index + 1])
    return "".join(parts)


# Rendered templates by tree identity: rule trees live as long as the process, and a finding
# renders its rule's relation every time.
_TEMPLATES: Final[dict[int, tuple[Node, tuple[tuple[str, ...], tuple[str, ...]]]]] = {}


def _template(node: Node) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The rendering of a tree as fixed text pieces around its variable names, in order."""
    hit = _TEMPLATES.get(id(node))
    if hit is not None and hit[0] is node:
        return hit[1]
    parts: list[str | Var] = []
    _render_parts(node, parts, 0, False)
    pieces, slots, current = [], [], ""
    for part in parts:
        if isinstance(part, Var):
            pieces.append(current)
            slots.append(part.name)
            current = ""
        else:
            current += part
    pieces.append(current)
    template = (tuple(pieces), tuple(slots))
    _TEMPLATES[id(node)] = (node, template)
    return template


def _render_parts(node: Node, out: list[str | Var], parent: int, right: bool) -> None:
    """Append the text of `node` to `out`, variables left as `Var` to be filled in later."""
    if isinstance(node, Num):
        out.append(str(node.value))
    elif isinstance(node, Var):
        out.append(node)
    elif isinstance(node, Neg):
        out.append("−")
        _render_parts(node.operand, out, 3, False)
    elif isinstance(node, Call):
        if node.function == "abs":
            out.append("|")
            _render_parts(node.arguments[0], out, 0, False)
            out.append("|")
            return
        out.append(f"{node.function}(")
        for index, argument in enumerate(node.arguments):
            out.append(", " if index else "")
            _render_parts(argument, out, 0, False)
        out.append(")")
    else:
        level = _PRECEDENCE[node.op]
        needs_parens = level < parent or (right and level == parent and node.op in "-/")
        out.append("(" if needs_parens else "")
        _render_parts(node.left, out, level, False)
        out.append(f" {_SYMBOLS[node.op]} ")
        _render_parts(node.right, out, level, True)
        out.append(")" if needs_parens else "")
