"""Timing for the tests that check how cost grows with input size (never absolute speed)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_time(fn: Callable[[], object], runs: int = 7) -> float:
    """Best of several runs with the collector paused, in this process's CPU time: the minimum
    is the least noisy figure, and CPU time does not count the time other processes of a
    shared machine hold the core (wall-clock time made these tests fail under load)."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(runs):
            start = time.process_time()
            fn()
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best
