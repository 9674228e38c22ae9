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


def sources() -> dict[str, str]:
    """The seed articles (news prose, the headline figure) and, when ../shared is present, the
    development corpus sentences (dense with figures and claims), each as one text."""
    found = {"seed articles": SEED.read_text(encoding="utf-8")}
    if CORPUS.exists():
        lines = CORPUS.read_text(encoding="utf-8").splitlines()
        found["dev corpus sentences"] = "\n\n".join(
            json.loads(line)["text"] for line in lines if line
        )
    return found


def documents(piece: str, target_bytes: int) -> list[str]:
    """The piece repeated as article-sized documents up to about `target_bytes`."""
    copies = max(1, target_bytes // len(piece.encode("utf-8")))
    return [piece] * copies


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
    for name, piece in sources().items():
        docs = documents(piece, int(args.megabytes * 1_000_000))
        megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
        check_text(docs[0])  # load rules and compile patterns outside the timing
        engine = best_of(args.runs, lambda docs=docs: [check_text(d) for d in docs])
        regex = best_of(args.runs, lambda docs=docs: [NUMBER.findall(d) for d in docs])
        print(f"{name}: {megabytes:.1f} MB in {len(docs)} documents")
        print(f"  check_text:   {megabytes / engine:8.2f} MB/s (target >= 5 MB/s on news prose)")
        print(f"  number regex: {megabytes / regex:8.2f} MB/s (baseline, same run)")
        print(f"  check_text / regex: {regex / engine:.4f} of the regex's speed")


if __name__ == "__main__":
    main()
