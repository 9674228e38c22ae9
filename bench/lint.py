"""Speed of `econcheck check` as a linter, end to end, process start included.

1. The seed article checked by the CLI as a fresh process, beside a bare `python -c pass` measured
   in the same run (target: under 0.5 s).
2. A folder of 1,000 article-sized Markdown drafts (made from the seed article, each with its own
   figures and one wrong claim) checked with all cores, beside the same folder on one core
   (`--jobs 1`) and a bare read of the files (target: under 10 s).

Prints medians of several runs and the ratios. Every process it starts is waited for; the drafts
live in a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed-articles.txt"
ECONCHECK = [sys.executable, "-m", "service"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], runs: int, expect: set[int]) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (the command and its workers) over `runs`. CPU time is
    printed too because on a shared machine wall-clock time also measures the neighbours."""
    walls, cpus = [], []
    for _ in range(runs):
        cpu, started = _children_cpu(), time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
        walls.append(time.perf_counter() - started)
        cpus.append(_children_cpu() - cpu)
        if done.returncode not in expect:
            sys.exit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return statistics.median(walls), statistics.median(cpus)


def make_drafts(folder: Path, count: int) -> int:
    """`count` Markdown drafts of seed-article size; returns their total size in bytes."""
    article = SEED.read_text(encoding="utf-8")
    size = 0
    for number in range(count):
        old, new = 100 + number, 110 + number
        percent = (new - old) * 100 / old
        draft = (
            f"---\ntitle: Draft {number}\n---\n\n# Exports rose {percent:.2f} percent\n\n"
            f"Exports rose {percent:.2f} percent to ${new} million from ${old} million.\n\n"
            f"- Imports rose **{percent + 3:.2f} percent** to ${new} million from ${old} million.\n\n"
            f"{article}\n"
        )
        path = folder / f"draft-{number:04d}.md"
        path.write_text(draft, encoding="utf-8")
        size += len(draft.encode("utf-8"))
    return size


def read_all(folder: Path) -> None:
    for path in sorted(folder.glob("*.md")):
        path.read_text(encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--drafts", type=int, default=1000)
    args = parser.parse_args()
    print(f"cores: {len(os.sched_getaffinity(0))}, load average: {os.getloadavg()[0]:.1f}")

    python, _ = timed([sys.executable, "-c", "pass"], args.runs, {0})
    seed, seed_cpu = timed([*ECONCHECK, "check", str(SEED)], args.runs, {0, 1})
    print(
        f"seed article, CLI end to end: {seed * 1000:.0f} ms (target < 500 ms), cpu {seed_cpu * 1000:.0f} ms"
    )
    print(f"  python -c pass:             {python * 1000:.0f} ms   ratio {seed / python:.1f}x")

    with tempfile.TemporaryDirectory(prefix="econcheck-bench-") as tmp:
        folder = Path(tmp)
        size = make_drafts(folder, args.drafts)
        runs = max(1, args.runs // 2)
        started = time.perf_counter()
        read_all(folder)
        reading = time.perf_counter() - started
        command = [*ECONCHECK, "check", "--format", "json", "--fail-on", "never", str(folder)]
        parallel, parallel_cpu = timed(command, runs, {0})
        serial, serial_cpu = timed([*command, "--jobs", "1"], runs, {0})
    megabytes = size / 1e6
    print(
        f"{args.drafts} drafts ({megabytes:.1f} MB), all cores: {parallel:.2f} s (target < 10 s), cpu {parallel_cpu:.2f} s"
    )
    print(
        f"  one core (--jobs 1):        {serial:.2f} s   speed-up {serial / parallel:.2f}x, cpu {serial_cpu:.2f} s"
    )
    print(
        f"  reading the files only:     {reading:.3f} s   ({megabytes / parallel:.1f} MB/s checked)"
    )


if __name__ == "__main__":
    main()
