"""Throughput of `check_text` on news prose, beside a bare number regex over the same text.

Builds about 10 MB from the seed articles (and the development corpus when ../shared is present),
checks it in article-sized documents, and prints MB/s for econcheck and for the regex baseline
measured in the same run, with their ratio. Target (engine issue): at least 5 MB/s on one core.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from service import check_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed-articles.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "sentences.jsonl"
NUMBER = re.compile(r"\d[\d,.]*")


def documents(target_bytes: int) -> list[str]:
    pieces = [SEED.read_text(encoding="utf-8")]
    if CORPUS.exists():
        sentences = [json.loads(line)["text"] for line in CORPUS.read_text().splitlines() if line]
        pieces.append("\n\n".join(sentences))
    docs, size = [], 0
    while size < target_bytes:
        for piece in pieces:
            docs.append(piece)
            size += len(piece.encode("utf-8"))
    return docs


def best_of(runs: int, work) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    docs = documents(int(args.megabytes * 1_000_000))
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    check_text(docs[0])  # load rules and compile patterns outside the timing
    engine = best_of(args.runs, lambda: [check_text(d) for d in docs])
    regex = best_of(args.runs, lambda: [NUMBER.findall(d) for d in docs])
    print(f"text: {megabytes:.1f} MB in {len(docs)} documents")
    print(f"check_text:   {megabytes / engine:8.2f} MB/s (target >= 5 MB/s)")
    print(f"number regex: {megabytes / regex:8.2f} MB/s (baseline, same run)")
    print(
        f"ratio regex/check_text: {regex / engine:.3f}  (check_text is {engine / regex:.0f}x slower)"
    )


if __name__ == "__main__":
    main()
