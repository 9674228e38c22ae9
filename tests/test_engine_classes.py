"""The engine's hot value classes write their `__init__` out (mypyc compiles it; the one
`@dataclass` generates runs as Python): each must take every field, in field order, with the
field's default, and set every field. Checked on the source, so it holds for both builds."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[1] / "service" / "engine"


def _classes_with_init() -> list[tuple[str, ast.ClassDef, str]]:
    found = []
    for path in sorted(ENGINE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.ClassDef):
                continue
            is_dataclass = any("dataclass" in ast.unparse(d) for d in node.decorator_list)
            has_init = any(
                isinstance(s, ast.FunctionDef) and s.name == "__init__" for s in node.body
            )
            if is_dataclass and has_init:
                found.append((f"{path.relative_to(ENGINE)}:{node.name}", node, source))
    return found


CLASSES = _classes_with_init()


def _not_in_init(statement: ast.AnnAssign) -> bool:
    """A `field(init=False, …)`: a cache `__init__` sets itself, not a parameter."""
    default = statement.value
    return (
        isinstance(default, ast.Call)
        and ast.unparse(default.func) == "field"
        and any(k.arg == "init" and ast.unparse(k.value) == "False" for k in default.keywords)
    )


def _caches(cls: ast.ClassDef) -> set[str]:
    return {
        statement.target.id
        for statement in cls.body
        if isinstance(statement, ast.AnnAssign)
        and isinstance(statement.target, ast.Name)
        and _not_in_init(statement)
    }


def _fields(cls: ast.ClassDef) -> list[tuple[str, str | None]]:
    """(name, default as source) for each init field of a dataclass; a default factory shows
    as None."""
    fields = []
    for statement in cls.body:
        if not isinstance(statement, ast.AnnAssign) or not isinstance(statement.target, ast.Name):
            continue
        if _not_in_init(statement):
            continue
        default = statement.value
        if isinstance(default, ast.Call) and ast.unparse(default.func) == "field":
            keywords = {k.arg: k.value for k in default.keywords}
            if "default" in keywords:
                default = keywords["default"]
            elif "default_factory" in keywords:
                default = ast.Constant(None)
        fields.append((statement.target.id, ast.unparse(default) if default else None))
    return fields


def _assigned(init: ast.FunctionDef) -> set[str]:
    names = set()
    for node in ast.walk(init):
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "object.__setattr__":
            names.add(node.args[1].value)  # type: ignore[attr-defined]
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and ast.unparse(target.value) == "self":
                    names.add(target.attr)
    return names


def test_the_hot_classes_are_checked():
    names = {name.split(":")[1] for name, _, _ in CLASSES}
    assert {"Quantity", "Interval", "Finding", "FigureUse", "Candidate", "Core", "Report"} <= names


@pytest.mark.parametrize(("name", "cls", "source"), CLASSES, ids=[c[0] for c in CLASSES])
def test_init_takes_and_sets_every_field_in_order(name, cls, source):
    init = next(s for s in cls.body if isinstance(s, ast.FunctionDef) and s.name == "__init__")
    parameters = [a.arg for a in init.args.args[1:]]
    defaults = [None] * (len(parameters) - len(init.args.defaults)) + [
        ast.unparse(d) for d in init.args.defaults
    ]
    fields = _fields(cls)
    assert parameters == [field for field, _ in fields], name
    assert defaults == [default for _, default in fields], name
    assert _assigned(init) == set(parameters) | _caches(cls), name


def test_a_report_survives_pickle_and_deepcopy():
    """Reports go to worker processes; compiled classes need `__reduce__` for that
    (service/engine/values.py)."""
    import copy
    import pickle

    from service import check_text

    text = (ENGINE.parents[1] / "tests" / "fixtures" / "seed-articles.txt").read_text("utf-8")
    report = check_text(text + "\nExports rose 12.5 percent to $4.29 billion from $3.91 billion.")
    assert report.findings and report.figures
    for clone in (pickle.loads(pickle.dumps(report)), copy.deepcopy(report)):
        assert clone == report
        assert clone.findings[0].figures == report.findings[0].figures
        assert clone.summary() == report.summary()
    interval = report.figures[0].interval()
    assert pickle.loads(pickle.dumps(interval)) == interval


def test_a_report_works_out_lines_and_claim_codes_once():
    """`line_column` and `in_claim` are read for every finding and figure of a document; mypyc
    compiles `functools.cached_property` to a plain property, which redid that work on every
    read (seconds for a long document), so the report keeps them itself."""
    import pickle

    from service import check_text

    text = "Headline\n\nExports rose 12.5 percent to $4.29 billion from $3.91 billion."
    report = check_text(text)
    assert report.in_claim is report.in_claim
    assert report.line_column(text.index("12.5")) == (3, 14)
    assert report._line_starts is not None and report._line_starts == [0, 9, 10]
    clone = pickle.loads(pickle.dumps(report))  # caches are not pickled, and work again
    assert clone.in_claim == report.in_claim
    assert clone.line_column(text.index("12.5")) == (3, 14)
