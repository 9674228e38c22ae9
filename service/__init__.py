"""econcheck: checks the arithmetic of figures in economic reporting.

The Python API in one call::

    >>> import service
    >>> text = "Exports rose 19.78 percent to $2.61 billion from $2.18 billion."
    >>> report = service.check_text(text)
    >>> [finding.verdict.value for finding in report.findings]
    ['consistent']

`service.engine` is the pure engine; `service.cli`, `service.api`, `service.audit` and the page are
front ends over it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from service.engine.findings import FigureUse, Finding
from service.engine.policy import DEFAULT_POLICY, Policy
from service.engine.quantity import Kind, Quantity
from service.engine.report import Report
from service.engine.verdict import Verdict
from service.version import __version__

if TYPE_CHECKING:
    from service.engine import document, numbers

__all__ = [
    "DEFAULT_POLICY",
    "FigureUse",
    "Finding",
    "Kind",
    "Policy",
    "Quantity",
    "Report",
    "Verdict",
    "__version__",
    "check_claim",
    "check_text",
    "read_figures",
]


def check_text(text: str, policy: Policy = DEFAULT_POLICY) -> Report:
    """Check every claim in a text with the bundled rules and return the report."""
    bundled = _bundled()
    return bundled.check_document(text, bundled.engine, policy)


def check_claim(
    figures: dict[str, str], direction: str | None = None, policy: Policy = DEFAULT_POLICY
) -> Report:
    """Check one claim given as role → figure strings, e.g. {"old": "2.18", "new": "2.61",
    "percent": "19.78"}. Raises `StructuredClaimError` (a ValueError) on an unknown role or a
    figure that does not read as one number."""
    bundled = _bundled()
    return bundled.check_structured(figures, bundled.engine, direction, policy)


def read_figures(text: str) -> list[Quantity]:
    """Every figure the lexer reads in a text, in order (what `econcheck figures` lists)."""
    bundled = _bundled()
    return bundled.read_quantities(text, bundled.engine.lexicon)


class _Bundled(NamedTuple):
    """The engine built from the bundled rules, and its entry points."""

    engine: document.Engine
    check_document: Callable[[str, document.Engine, Policy], Report]
    check_structured: Callable[[Mapping[str, str], document.Engine, str | None, Policy], Report]
    read_quantities: Callable[[object, numbers.Lexicon], list[Quantity]]


@cache
def _bundled() -> _Bundled:
    """Imported and loaded on the first check, not with the package, and kept: an import
    statement in a function costs every call some 8,000 instructions (Python 3.11 raises and
    clears an AttributeError in it), a fiftieth of checking a sentence."""
    from service.engine.document import check_document
    from service.engine.numbers import read_quantities
    from service.engine.structured import check_structured
    from service.loader import default_engine

    return _Bundled(default_engine(), check_document, check_structured, read_quantities)
