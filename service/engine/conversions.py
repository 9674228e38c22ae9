"""Finds unit conversions given side by side: "2,611-kilometer (1,622-mile)", "75 miles or 120 km".

A figure in one unit followed, in parentheses or after "or", by a figure in another unit is a
conversion candidate; which units convert, and how, is in the rule files (`binder = "conversion"`).
"""

from __future__ import annotations

from typing import Final

from service.engine.candidate import Candidate
from service.engine.quantity import Quantity

_GLUE: Final = frozenset({"(", "[", "or", "/", ",", "(or", ", or", "—", "–"})


def conversion_candidates(text: str, amounts: list[Quantity]) -> list[Candidate]:
    result = []
    # An index loop: `pairwise` is a Python-level call and iterator for each document.
    for index in range(1, len(amounts)):
        first, second = amounts[index - 1], amounts[index]
        if not (first.unit and second.unit and first.unit != second.unit):
            continue
        glue = text[first.end : second.start].strip().lower()
        for word in (second.approximator, second.bound):
            if word and glue.endswith(word.lower()):
                glue = glue[: -len(word)].strip()
        if glue in _GLUE:
            # The claim's text closes the bracket it opened: "2,611-kilometer (1,622-mile)".
            end = second.end + 1 if glue.startswith(("(", "[")) and _closes(text, second) else None
            anchor = (first.start, end) if end else None
            roles = {"value": first, "converted": second}
            result.append(Candidate(roles=roles, binder="conversion", anchor=anchor))
    return result


def _closes(text: str, figure: Quantity) -> bool:
    return text[figure.end : figure.end + 1] in (")", "]")
