"""What the person running an audit sees: a progress bar on a terminal and a summary at the end.

The bar (rows, rows/s, ETA from the share of input bytes read) goes to stderr only when stderr is a
terminal, so pipes and CI logs stay clean; the summary goes to stderr always (unless quiet) and to
``--summary-json`` as a documented object.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from service.audit.rowcheck import ERROR, NO_CLAIMS
from service.engine.verdict import Verdict

OUTCOMES = (*(verdict.value for verdict in Verdict), NO_CLAIMS, ERROR)


@dataclass(slots=True)
class Summary:
    rows: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    seconds: float = 0.0
    resumed_from: int = 0

    def add(self, verdicts: list[str]) -> None:
        counts = self.counts
        for verdict in verdicts:
            counts[verdict] += 1
        self.rows += len(verdicts)

    def as_json(self) -> dict[str, Any]:
        checked = self.rows - self.resumed_from
        return {
            "rows": self.rows,
            "verdicts": dict(self.counts),
            "errors": self.counts[ERROR],
            "seconds": round(self.seconds, 3),
            "rows_per_second": round(checked / self.seconds, 1) if self.seconds else None,
            "resumed_from_row": self.resumed_from,
        }

    def line(self) -> str:
        parts = [
            f"{count:,} {name.replace('_', ' ')}" for name, count in self.counts.items() if count
        ]
        rate = self.as_json()["rows_per_second"]
        speed = f" ({rate:,.0f} rows/s)" if rate else ""
        resumed = f", resumed at row {self.resumed_from:,}" if self.resumed_from else ""
        body = ", ".join(parts) or "nothing"
        noun = "row" if self.rows == 1 else "rows"
        return f"audited {self.rows:,} {noun} in {self.seconds:.1f} s{speed}{resumed}: {body}"

    def write_json(self, path: Path) -> None:
        path.write_text(json.dumps(self.as_json(), indent=2) + "\n", encoding="utf-8")


class Bar:
    """A rich progress bar on stderr; `update` is cheap enough to call once per batch."""

    def __init__(self, stream: IO[str], total_bytes: int | None, position: Callable[[], int]):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._position = position
        self._progress = Progress(
            TextColumn("auditing"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rows]:,} rows  {task.fields[rate]:,.0f} rows/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(file=stream),
            transient=True,
        )
        self._task = self._progress.add_task("audit", total=total_bytes, rows=0, rate=0.0)
        self._progress.start()

    def update(self, rows: int, rate: float) -> None:
        self._progress.update(self._task, completed=self._position(), rows=rows, rate=rate)

    def close(self) -> None:
        self._progress.stop()
