"""The result of checking one document: every figure read and every claim's finding."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Final

from service.engine.findings import Finding
from service.engine.quantity import Quantity
from service.engine.values import by_fields
from service.engine.verdict import Verdict, worst

_NEWLINE: Final = re.compile("\n")


@dataclass(frozen=True)
class Report:
    text: str
    figures: tuple[Quantity, ...]
    findings: tuple[Finding, ...]
    candidates: int = 0
    source: str | None = field(default=None)
    # Worked out on first use and kept. Not `functools.cached_property`: mypyc compiles that to
    # a plain property, which redid the work on every access (a scan of the whole text for each
    # finding's line, of every finding for each figure: seconds for a long document).
    _line_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _in_claim: dict[tuple[int, int], tuple[str, ...]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    # Written out, not generated: mypyc compiles this `__init__` to native code, while the
    # one `@dataclass` generates runs as Python. tests/test_engine_classes.py keeps it in step.
    def __init__(
        self,
        text: str,
        figures: tuple[Quantity, ...],
        findings: tuple[Finding, ...],
        candidates: int = 0,
        source: str | None = None,
    ) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "figures", figures)
        object.__setattr__(self, "findings", findings)
        object.__setattr__(self, "candidates", candidates)
        object.__setattr__(self, "source", source)
        # a compiled class has no class-level default to fall back on: set the caches here
        object.__setattr__(self, "_line_starts", None)
        object.__setattr__(self, "_in_claim", None)

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        starts = self._line_starts
        if starts is None:
            text = self.text
            # most texts are one line (a sentence, a cell of an audit): no scan for line breaks
            starts = (
                [0, *[match.end() for match in _NEWLINE.finditer(text)]] if "\n" in text else [0]
            )
            object.__setattr__(self, "_line_starts", starts)
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    @property
    def in_claim(self) -> dict[tuple[int, int], tuple[str, ...]]:
        """Rule codes of the claims each figure (by span) takes part in."""
        if self._in_claim is not None:
            return self._in_claim
        codes: dict[tuple[int, int], list[str]] = {}
        for finding in self.findings:
            for use in finding.figures:
                key = (use.quantity.start, use.quantity.end)
                if finding.rule not in codes.setdefault(key, []):
                    codes[key].append(finding.rule)
        found = {key: tuple(value) for key, value in codes.items()}
        object.__setattr__(self, "_in_claim", found)
        return found

    @property
    def worst(self) -> Verdict | None:
        return worst([finding.verdict for finding in self.findings])

    def summary(self) -> dict[str, object]:
        counts = {verdict.value: 0 for verdict in Verdict}
        for finding in self.findings:
            counts[finding.verdict.value] += 1
        return {
            "verdicts": counts,
            "figures_seen": len(self.figures),
            "figures_in_claims": len(self.in_claim),
            "claims_recognised": self.candidates,
            "claims_checked": sum(
                1 for f in self.findings if f.verdict is not Verdict.UNVERIFIABLE
            ),
            "worst": self.worst.value if self.worst else None,
        }

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:  # see service/engine/values.py
        return by_fields(self)
